"""Leads (people met at the fair), their interest in models, and links between duplicates.

Duplicates are never silently collapsed: a ``LeadDuplicateLink`` row records that two leads may
be the same person; a person merges them, and the merged-away lead becomes a tombstone that
points at its survivor (``merged_into_id``). Deleting a person scrubs the personal fields and
keeps the tombstone, so that a later merge cannot bring them back.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalog_app.domain.base import Base, Mergeable
from catalog_app.domain.enums import (
    DuplicateStatus,
    EnergyPreference,
    Financing,
    FollowUp,
    LeadSource,
    Rating,
    Timeframe,
)
from catalog_app.domain.models._columns import enum_type

# Fields that hold personal data: scrubbed when a person asks to be deleted.
PERSONAL_FIELDS: tuple[str, ...] = (
    "person_name",
    "title",
    "mobile",
    "mobile_e164",
    "landline",
    "email",
    "email_normalized",
    "wechat_id",
    "notes",
    "badge_payload",
)


class Lead(Mergeable, Base):
    __tablename__ = "lead"

    fair_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("fair.id"), index=True)
    exhibitor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("exhibitor.id"), index=True)
    person_name: Mapped[str] = mapped_column(String(100), default="")
    person_name_key: Mapped[str] = mapped_column(String(300), default="", index=True)
    company: Mapped[str] = mapped_column(String(200), default="")
    company_key: Mapped[str] = mapped_column(String(600), default="", index=True)
    credit_code: Mapped[str] = mapped_column(String(18), default="")
    title: Mapped[str] = mapped_column(String(100), default="")
    mobile: Mapped[str] = mapped_column(String(40), default="")
    mobile_e164: Mapped[str] = mapped_column(String(20), default="", index=True)
    landline: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    email_normalized: Mapped[str] = mapped_column(String(254), default="", index=True)
    wechat_id: Mapped[str] = mapped_column(String(64), default="")
    industry: Mapped[str] = mapped_column(String(32), default="")
    fleet_size: Mapped[int | None] = mapped_column(default=None)
    source: Mapped[LeadSource] = mapped_column(enum_type(LeadSource), index=True)
    rating: Mapped[Rating | None] = mapped_column(enum_type(Rating), default=None, index=True)
    follow_up: Mapped[FollowUp] = mapped_column(enum_type(FollowUp), default=FollowUp.NEW)
    notes: Mapped[str] = mapped_column(Text, default="")
    badge_payload: Mapped[str] = mapped_column(Text, default="")
    consent_text: Mapped[str] = mapped_column(Text, default="")
    consent_version: Mapped[str] = mapped_column(String(32), default="")
    consent_at: Mapped[datetime | None] = mapped_column(default=None)
    consent_purposes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_account.id"), index=True)
    captured_on_device_id: Mapped[uuid.UUID | None] = mapped_column(default=None, index=True)
    captured_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    tco_inputs: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("lead.id"), default=None)
    exported_at: Mapped[datetime | None] = mapped_column(default=None)

    interests: Mapped[list[LeadInterest]] = relationship(back_populates="lead")


class LeadInterest(Mergeable, Base):
    __tablename__ = "lead_interest"

    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lead.id"), index=True)
    model_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("truck_model.id"), index=True)
    quantity: Mapped[int] = mapped_column(default=1)
    timeframe: Mapped[Timeframe] = mapped_column(enum_type(Timeframe), default=Timeframe.UNKNOWN)
    financing: Mapped[Financing] = mapped_column(enum_type(Financing), default=Financing.UNDECIDED)
    energy_preference: Mapped[EnergyPreference] = mapped_column(
        enum_type(EnergyPreference), default=EnergyPreference.UNDECIDED
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    lead: Mapped[Lead] = relationship(back_populates="interests")


class LeadDuplicateLink(Mergeable, Base):
    """Two leads that may be one person, found by phone, email or a similar name and company."""

    __tablename__ = "lead_duplicate_link"

    lead_a_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lead.id"), index=True)
    lead_b_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lead.id"), index=True)
    reason: Mapped[str] = mapped_column(String(32))
    status: Mapped[DuplicateStatus] = mapped_column(
        enum_type(DuplicateStatus), default=DuplicateStatus.OPEN
    )
    resolved_by_staff_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("staff_account.id"), default=None
    )
