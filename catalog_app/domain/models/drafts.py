"""Autosaved drafts of forms being typed (lead capture, intent editor), offered back after a crash.

Drafts are local to the device that typed them and never merge: they are not yet data, only what
a person was in the middle of typing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from catalog_app.domain.base import Base, utc_now


class FormDraft(Base):
    __tablename__ = "form_draft"

    # One draft per form slot, e.g. "lead_capture" or "intent:<reference>".
    slot: Mapped[str] = mapped_column(String(100), primary_key=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    saved_at: Mapped[datetime] = mapped_column(default=utc_now)
