"""Draft purchase-intent forms (购车意向书), their lines and their status history.

A printed form that is edited becomes a new revision: ``previous_revision_id`` points back and the
old row is kept. The reference number is unique across devices without coordination (exhibitor
code + device code + sequence), made by the intents service.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalog_app.domain.base import Base, Mergeable
from catalog_app.domain.enums import IntentStatus
from catalog_app.domain.models._columns import enum_type


class IntentForm(Mergeable, Base):
    __tablename__ = "intent_form"
    __table_args__ = (UniqueConstraint("reference", "revision"),)

    reference: Mapped[str] = mapped_column(String(64), index=True)
    revision: Mapped[int] = mapped_column(default=1)
    previous_revision_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("intent_form.id"), default=None
    )
    status: Mapped[IntentStatus] = mapped_column(
        enum_type(IntentStatus), default=IntentStatus.DRAFT, index=True
    )
    lead_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("lead.id"), index=True)
    exhibitor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("exhibitor.id"))
    fair_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("fair.id"))
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_account.id"))
    issued_on: Mapped[date | None] = mapped_column(default=None)
    place: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(16), default="zh+en")
    # Seller as printed (a snapshot of the exhibitor's letterhead).
    seller: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    buyer_company: Mapped[str] = mapped_column(String(200), default="")
    buyer_credit_code: Mapped[str] = mapped_column(String(18), default="")
    buyer_address: Mapped[str] = mapped_column(String(300), default="")
    buyer_representative: Mapped[str] = mapped_column(String(100), default="")
    buyer_phone: Mapped[str] = mapped_column(String(40), default="")
    price_includes: Mapped[str] = mapped_column(Text, default="")
    price_excludes: Mapped[str] = mapped_column(Text, default="")
    delivery_terms: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    payment_terms: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    charging_support: Mapped[str] = mapped_column(Text, default="")
    after_sales: Mapped[str] = mapped_column(Text, default="")
    validity_days: Mapped[int] = mapped_column(default=15)
    non_binding_clause: Mapped[str] = mapped_column(Text, default="")
    include_tco: Mapped[bool] = mapped_column(default=False)
    tco_inputs: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    total_cny: Mapped[float] = mapped_column(Float, default=0.0)
    printed_at: Mapped[datetime | None] = mapped_column(default=None)
    signed_at: Mapped[datetime | None] = mapped_column(default=None)
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)
    # Set when the buyer's representative asked to be forgotten: the personal fields were
    # scrubbed, and the merge rule ranks this version above any that still has them.
    erased_at: Mapped[datetime | None] = mapped_column(default=None)

    lines: Mapped[list[IntentLine]] = relationship(
        back_populates="intent", order_by="IntentLine.line_no"
    )
    status_changes: Mapped[list[IntentStatusChange]] = relationship(back_populates="intent")


class IntentLine(Mergeable, Base):
    __tablename__ = "intent_line"

    intent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("intent_form.id"), index=True)
    line_no: Mapped[int] = mapped_column(default=1)
    model_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("truck_model.id"))
    model_name: Mapped[str] = mapped_column(String(200), default="")
    announcement_no: Mapped[str] = mapped_column(String(64), default="")
    battery_config: Mapped[str] = mapped_column(String(100), default="")
    energy_mode: Mapped[str] = mapped_column(String(32), default="")
    colour: Mapped[str] = mapped_column(String(50), default="")
    quantity: Mapped[int] = mapped_column(default=1)
    unit_price_cny: Mapped[float] = mapped_column(Float, default=0.0)

    intent: Mapped[IntentForm] = relationship(back_populates="lines")


class IntentStatusChange(Mergeable, Base):
    __tablename__ = "intent_status_change"

    intent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("intent_form.id"), index=True)
    from_status: Mapped[IntentStatus | None] = mapped_column(enum_type(IntentStatus))
    to_status: Mapped[IntentStatus] = mapped_column(enum_type(IntentStatus))
    changed_at: Mapped[datetime]
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_account.id"))
    note: Mapped[str] = mapped_column(Text, default="")

    intent: Mapped[IntentForm] = relationship(back_populates="status_changes")
