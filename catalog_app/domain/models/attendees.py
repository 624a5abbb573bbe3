"""The organiser's attendee list: badge codes and who they belong to, imported before the fair.

A badge that carries only a code is looked up here, offline. Rows get stable ids from the fair
and the badge code, so the same list imported on every booth laptop merges into one.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from catalog_app.domain.base import Base, Mergeable


class Attendee(Mergeable, Base):
    __tablename__ = "attendee"
    __table_args__ = (UniqueConstraint("fair_id", "badge_code"),)

    fair_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("fair.id"), index=True)
    badge_code: Mapped[str] = mapped_column(String(100))
    person_name: Mapped[str] = mapped_column(String(100), default="")
    company: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(100), default="")
    mobile: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    source_file: Mapped[str] = mapped_column(String(255), default="")
    # Set when the attendee asked to be forgotten (a scrubbed tombstone that no merge and no
    # re-import of the organiser's list brings back).
    erased_at: Mapped[datetime | None] = mapped_column(default=None)
