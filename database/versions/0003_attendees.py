"""attendee list for badge look-ups

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 12:53:14.679030
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "attendee",
        sa.Column("fair_id", sa.Uuid(), nullable=True),
        sa.Column("badge_code", sa.String(length=100), nullable=False),
        sa.Column("person_name", sa.String(length=100), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("mobile", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("source_file", sa.String(length=255), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["fair_id"], ["fair.id"], name=op.f("fk_attendee_fair_id_fair")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendee")),
        sa.UniqueConstraint("fair_id", "badge_code", name=op.f("uq_attendee_fair_id")),
    )
    with op.batch_alter_table("attendee", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendee_fair_id"), ["fair_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendee_hlc"), ["hlc"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendee_hlc"))
        batch_op.drop_index(batch_op.f("ix_attendee_fair_id"))

    op.drop_table("attendee")
