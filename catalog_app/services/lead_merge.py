"""Merge two leads that are one person, field by field, keeping the history (managers only).

The *survivor* keeps, for each field, the value a person picked from either lead (the notes may
keep both). Interests are combined: a model both leads wanted keeps the larger quantity, other
models move over. The merged-away lead is not erased: it becomes a tombstone that keeps all its
values and points at the survivor (``merged_into_id``), so its history stays readable and a
later device merge cannot bring it back as a separate person. Duplicate links between the two
are marked merged; links to third leads move to the survivor. One audit entry
(``AuditAction.MERGE_LEADS``) names both leads and which fields came from where — no personal
values, so that deleting a person later leaves nothing of them in the log.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from catalog_app.domain.contacts import normalise_email, normalise_phone
from catalog_app.domain.credit_code import normalise_credit_code
from catalog_app.domain.enums import DuplicateStatus, EnergyPreference, Financing, Timeframe
from catalog_app.domain.ids import stable_id
from catalog_app.domain.models import Lead, LeadDuplicateLink, LeadInterest, TruckModel
from catalog_app.domain.search_keys import search_key
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.accounts import StaffMember, require_manager
from catalog_app.services.audit import AuditAction, record
from catalog_app.services.lead_input import MAX_NOTES
from catalog_app.store.database import Database

# The fields a person picks, in the order the merge dialog shows them.
MERGE_FIELDS: tuple[str, ...] = (
    "person_name",
    "company",
    "credit_code",
    "title",
    "mobile",
    "landline",
    "email",
    "wechat_id",
    "industry",
    "fleet_size",
    "rating",
    "follow_up",
    "notes",
)
NOTES_SEPARATOR = "\n———\n"

SAME_LEAD = Bilingual(zh="不能把线索与它自己合并。", en="A lead cannot be merged with itself.")
GONE = Bilingual(
    zh="其中一条线索已被删除或已合并，请刷新后再试。",
    en="One of the leads was deleted or merged already; refresh and try again.",
)
NOTES_TOO_LONG = Bilingual(
    zh="两条备注合在一起超过 {limit} 字，请只保留其中一条。",
    en="Both notes together are longer than {limit} characters; keep one of them.",
)


class Pick(StrEnum):
    SURVIVOR = "survivor"
    OTHER = "other"
    BOTH = "both"  # notes only: the survivor's, then the other's


@dataclass(frozen=True)
class InterestView:
    model_id: uuid.UUID | None
    model_name_zh: str
    model_name_en: str
    quantity: int


@dataclass(frozen=True)
class MergeSide:
    """One lead as the merge dialog shows it."""

    id: uuid.UUID
    values: dict[str, Any]  # MERGE_FIELDS -> value (str, int, enum or None)
    interests: tuple[InterestView, ...]
    captured_at: datetime | None
    staff_id: uuid.UUID | None
    has_consent: bool

    def is_empty(self, field: str) -> bool:
        return self.values.get(field) in (None, "")


def load_sides(database: Database, first: uuid.UUID, second: uuid.UUID) -> tuple[MergeSide, ...]:
    """Both leads as the dialog shows them; UserFacingError if either is gone."""
    if first == second:
        raise UserFacingError(SAME_LEAD)
    with database.sessions() as session:
        leads = [_live_lead(session, lead_id) for lead_id in (first, second)]
        names = _model_names(session, leads)
        return tuple(_side(lead, names) for lead in leads)


def default_picks(survivor: MergeSide, other: MergeSide) -> dict[str, Pick]:
    """The survivor's value where it has one, else the other's; both notes when both differ."""
    picks: dict[str, Pick] = {}
    for field in MERGE_FIELDS:
        mine, theirs = survivor.values.get(field), other.values.get(field)
        if field == "notes" and mine and theirs and mine != theirs:
            picks[field] = Pick.BOTH
        elif survivor.is_empty(field) and not other.is_empty(field):
            picks[field] = Pick.OTHER
        else:
            picks[field] = Pick.SURVIVOR
    return picks


def merge_leads(
    database: Database,
    survivor_id: uuid.UUID,
    merged_id: uuid.UUID,
    picks: dict[str, Pick],
    *,
    actor: StaffMember | None,
) -> uuid.UUID:
    """Merge ``merged_id`` into ``survivor_id`` (see the module docstring); the survivor's id."""
    require_manager(actor)
    assert actor is not None
    if survivor_id == merged_id:
        raise UserFacingError(SAME_LEAD)
    with database.transaction() as session:
        survivor = _live_lead(session, survivor_id)
        merged = _live_lead(session, merged_id)
        taken = _take_fields(survivor, merged, picks)
        _combine_interests(session, survivor, merged)
        if survivor.consent_at is None and merged.consent_at is not None:
            survivor.consent_text = merged.consent_text
            survivor.consent_version = merged.consent_version
            survivor.consent_purposes = list(merged.consent_purposes or [])
            survivor.consent_at = merged.consent_at
            taken.append("consent")
        if not survivor.badge_payload and merged.badge_payload:
            survivor.badge_payload = merged.badge_payload
        merged.merged_into_id = survivor.id
        merged.mark_deleted()
        _resolve_links(session, survivor, merged, actor.id)
        record(
            session,
            AuditAction.MERGE_LEADS,
            staff_id=actor.id,
            object_type="lead",
            object_id=survivor.id,
            merged_id=merged.id,
            fields_from_merged=taken,
        )
        return survivor.id


def merged_into(database: Database, lead_id: uuid.UUID) -> list[uuid.UUID]:
    """Ids of the leads that were merged into ``lead_id`` (its history), oldest first."""
    query = select(Lead.id).where(Lead.merged_into_id == lead_id).order_by(Lead.captured_at)
    with database.sessions() as session:
        return list(session.scalars(query))


def survivor_of(database: Database, lead_id: uuid.UUID) -> uuid.UUID:
    """Where a lead lives on after merges (itself if it was never merged away)."""
    seen = {lead_id}
    current = lead_id
    with database.sessions() as session:
        while True:
            target = session.scalar(select(Lead.merged_into_id).where(Lead.id == current))
            if target is None or target in seen:
                return current
            seen.add(target)
            current = target


# -- inside the transaction ------------------------------------------------------------------
def _live_lead(session: Session, lead_id: uuid.UUID) -> Lead:
    lead = session.get(Lead, lead_id, options=[selectinload(Lead.interests)])
    if lead is None or lead.deleted_at is not None or lead.merged_into_id is not None:
        raise UserFacingError(GONE)
    return lead


def _value(lead: Lead, field: str) -> Any:
    return getattr(lead, field)


def _take_fields(survivor: Lead, merged: Lead, picks: dict[str, Pick]) -> list[str]:
    taken: list[str] = []
    for field in MERGE_FIELDS:
        pick = picks.get(field, Pick.SURVIVOR)
        if pick is Pick.OTHER:
            new = _value(merged, field)
        elif pick is Pick.BOTH and field == "notes":
            parts = [p for p in (survivor.notes.strip(), merged.notes.strip()) if p]
            new = NOTES_SEPARATOR.join(dict.fromkeys(parts))
            if len(new) > MAX_NOTES:
                raise UserFacingError(NOTES_TOO_LONG, limit=MAX_NOTES)
        else:
            continue
        if new != _value(survivor, field):
            setattr(survivor, field, new)
            taken.append(field)
    survivor.person_name_key = search_key(survivor.person_name)
    survivor.company_key = search_key(survivor.company)
    survivor.credit_code = normalise_credit_code(survivor.credit_code)
    survivor.mobile_e164 = normalise_phone(survivor.mobile)
    survivor.email_normalized = normalise_email(survivor.email)
    return taken


def _combine_interests(session: Session, survivor: Lead, merged: Lead) -> None:
    mine = {i.model_id: i for i in survivor.interests if i.deleted_at is None}
    for interest in [i for i in merged.interests if i.deleted_at is None]:
        kept = mine.get(interest.model_id)
        if kept is None:
            moved = LeadInterest(
                id=stable_id("merged_interest", str(survivor.id), str(interest.id)),
                lead_id=survivor.id,
                model_id=interest.model_id,
                quantity=interest.quantity,
                timeframe=interest.timeframe,
                financing=interest.financing,
                energy_preference=interest.energy_preference,
                notes=interest.notes,
            )
            session.add(moved)
            mine[interest.model_id] = moved
        else:
            kept.quantity = max(kept.quantity, interest.quantity)
            if kept.timeframe is Timeframe.UNKNOWN:
                kept.timeframe = interest.timeframe
            if kept.financing is Financing.UNDECIDED:
                kept.financing = interest.financing
            if kept.energy_preference is EnergyPreference.UNDECIDED:
                kept.energy_preference = interest.energy_preference
            if interest.notes and interest.notes not in kept.notes:
                kept.notes = NOTES_SEPARATOR.join(p for p in (kept.notes, interest.notes) if p)
        interest.mark_deleted()


def _resolve_links(session: Session, survivor: Lead, merged: Lead, staff_id: uuid.UUID) -> None:
    links = list(
        session.scalars(
            select(LeadDuplicateLink).where(
                or_(
                    LeadDuplicateLink.lead_a_id.in_((survivor.id, merged.id)),
                    LeadDuplicateLink.lead_b_id.in_((survivor.id, merged.id)),
                ),
                LeadDuplicateLink.deleted_at.is_(None),
            )
        )
    )
    pairs = {frozenset((link.lead_a_id, link.lead_b_id)) for link in links}
    for link in links:
        pair = {link.lead_a_id, link.lead_b_id}
        if merged.id not in pair:
            continue
        if pair == {survivor.id, merged.id}:
            link.status = DuplicateStatus.MERGED
            link.resolved_by_staff_id = staff_id
            continue
        if link.status is not DuplicateStatus.OPEN:
            continue
        third = (pair - {merged.id}).pop()
        new_pair = frozenset((survivor.id, third))
        if new_pair not in pairs:
            first, second = sorted(new_pair, key=str)
            session.add(LeadDuplicateLink(lead_a_id=first, lead_b_id=second, reason=link.reason))
            pairs.add(new_pair)
        link.status = DuplicateStatus.MERGED
        link.resolved_by_staff_id = staff_id


def _model_names(session: Session, leads: list[Lead]) -> dict[uuid.UUID, tuple[str, str]]:
    ids = {i.model_id for lead in leads for i in lead.interests if i.model_id is not None}
    if not ids:
        return {}
    query = select(TruckModel.id, TruckModel.name_zh, TruckModel.name_en).where(
        TruckModel.id.in_(ids)
    )
    return {row[0]: (row[1], row[2]) for row in session.execute(query)}


def _side(lead: Lead, names: dict[uuid.UUID, tuple[str, str]]) -> MergeSide:
    interests = tuple(
        InterestView(
            i.model_id,
            *(names.get(i.model_id, ("", "")) if i.model_id else ("", "")),
            i.quantity,
        )
        for i in lead.interests
        if i.deleted_at is None
    )
    return MergeSide(
        lead.id,
        {field: _value(lead, field) for field in MERGE_FIELDS},
        interests,
        lead.captured_at,
        lead.staff_id,
        lead.consent_at is not None,
    )
