"""The audit log: every export, merge, deletion and role change leaves an entry (append-only)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from catalog_app.domain.base import Base, Mergeable


class AuditEntry(Mergeable, Base):
    __tablename__ = "audit_entry"

    action: Mapped[str] = mapped_column(String(64), index=True)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_account.id"))
    object_type: Mapped[str] = mapped_column(String(64), default="")
    object_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
