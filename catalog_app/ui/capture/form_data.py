"""What the capture form holds, as a ``LeadInput`` to save and as a draft to autosave.

``FormParts`` bundles the form's three sections; ``lead_input`` builds what ``LeadService.save``
takes; ``draft_payload``/``restore_draft`` turn the whole form into plain JSON and back (the
draft is what is offered back after a crash, so it holds everything typed, even what would not
pass the checks yet).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from catalog_app.domain.enums import EnergyPreference, Financing, Industry, Rating, Timeframe
from catalog_app.services.lead_input import InterestInput, LeadInput
from catalog_app.ui.capture.business_section import BusinessSection
from catalog_app.ui.capture.consent_box import ConsentBox
from catalog_app.ui.capture.person_section import PersonSection

DRAFT_VERSION = 1


@dataclass
class FormParts:
    person: PersonSection
    business: BusinessSection
    consent: ConsentBox


def lead_input(parts: FormParts, badge_payload: str) -> LeadInput:
    business = parts.business
    values = parts.person.values()
    timeframe = Timeframe(business.timeframe.currentData() or Timeframe.UNKNOWN)
    financing = Financing(business.financing.currentData() or Financing.UNDECIDED)
    energy = EnergyPreference(business.energy.currentData() or EnergyPreference.UNDECIDED)
    interests = [
        InterestInput(model_id, quantity, timeframe, financing, energy)
        for model_id, quantity in business.interests.interests()
    ]
    preferences_given = (
        timeframe is not Timeframe.UNKNOWN
        or financing is not Financing.UNDECIDED
        or energy is not EnergyPreference.UNDECIDED
    )
    if not interests and preferences_given:
        # No model picked yet, but the buyer said when and how: keep that (a model-less row).
        interests = [InterestInput(None, 1, timeframe, financing, energy)]
    industry = business.industry.currentData()
    return LeadInput(
        person_name=values["person_name"],
        company=values["company"],
        credit_code=values["credit_code"],
        title=values["title"],
        mobile=values["mobile"],
        landline=values["landline"],
        email=values["email"],
        wechat_id=values["wechat_id"],
        industry=Industry(industry) if industry else None,
        fleet_size=business.fleet(),
        rating=business.rating(),
        notes=business.notes.toPlainText(),
        badge_payload=badge_payload,
        interests=interests,
        **parts.consent.lead_fields(),
    )


def is_empty(parts: FormParts) -> bool:
    return parts.person.is_empty() and parts.business.is_empty()


def summary(parts: FormParts) -> str:
    """A few words naming the lead (for messages): "张三 · 贵州示例物流"."""
    values = parts.person.values()
    words = [values["person_name"].strip(), values["company"].strip()]
    found = " · ".join(word for word in words if word)
    return found or values["mobile"].strip() or values["email"].strip()


def draft_payload(parts: FormParts, badge_payload: str) -> dict[str, Any]:
    business = parts.business
    rating = business.rating()
    return {
        "version": DRAFT_VERSION,
        "person": parts.person.values(),
        "industry": business.industry.currentData() or "",
        "fleet_size": business.fleet_size.text(),
        "interests": [[str(m), q] for m, q in business.interests.interests()],
        "timeframe": business.timeframe.currentData() or "",
        "financing": business.financing.currentData() or "",
        "energy": business.energy.currentData() or "",
        "rating": rating.value if rating else "",
        "notes": business.notes.toPlainText(),
        "badge_payload": badge_payload,
        "consent": parts.consent.payload(),
    }


def draft_summary(payload: dict[str, Any]) -> str:
    person = payload.get("person") or {}
    words = [str(person.get("person_name", "")).strip(), str(person.get("company", "")).strip()]
    return " · ".join(word for word in words if word) or str(person.get("mobile", "")).strip()


def restore_draft(parts: FormParts, payload: dict[str, Any]) -> str:
    """Fill the form from a draft; returns the badge payload it held. Unknown bits are skipped
    (a draft from an older or newer version still gives back what it can)."""
    business = parts.business
    person = payload.get("person")
    if isinstance(person, dict):
        parts.person.set_values({str(k): str(v) for k, v in person.items()})
    for combo, key in (
        (business.industry, "industry"),
        (business.timeframe, "timeframe"),
        (business.financing, "financing"),
        (business.energy, "energy"),
    ):
        index = combo.findData(payload.get(key) or None)
        if index >= 0:
            combo.setCurrentIndex(index)
    business.fleet_size.setText(str(payload.get("fleet_size") or ""))
    interests = []
    for item in payload.get("interests") or []:
        try:
            interests.append((uuid.UUID(str(item[0])), int(item[1])))
        except (ValueError, TypeError, IndexError):
            continue
    business.interests.set_interests(interests)
    try:
        business.set_rating(Rating(payload["rating"]) if payload.get("rating") else None)
    except ValueError:
        business.set_rating(None)
    business.notes.setPlainText(str(payload.get("notes") or ""))
    consent = payload.get("consent")
    if isinstance(consent, dict):
        parts.consent.restore(consent)
    return str(payload.get("badge_payload") or "")
