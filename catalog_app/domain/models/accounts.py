"""Staff accounts: who is at the booth, their role, and their PIN as a salted slow hash.

Failed PIN attempts and the lock-out time are kept in the row, so a restart does not reset them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from catalog_app.domain.base import Base, Mergeable
from catalog_app.domain.enums import StaffRole
from catalog_app.domain.models._columns import enum_type


class StaffAccount(Mergeable, Base):
    __tablename__ = "staff_account"

    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[StaffRole] = mapped_column(enum_type(StaffRole), default=StaffRole.STAFF)
    # "scrypt$n$r$p$salt_b64$hash_b64"; empty until a PIN is set.
    pin_hash: Mapped[str] = mapped_column(String(256), default="")
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    active: Mapped[bool] = mapped_column(default=True)
