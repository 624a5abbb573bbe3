"""Small column helpers shared by the model modules."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


def enum_type(enum_cls: type[StrEnum]) -> Enum:
    """Store an enum as its text value, with no database-side constraint (new values need no
    migration; validation happens in Python)."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
    )
