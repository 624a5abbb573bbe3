"""form drafts autosaved while typing

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:22:30.303822
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "form_draft",
        sa.Column("slot", sa.String(length=100), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_form_draft")),
    )


def downgrade() -> None:

    op.drop_table("form_draft")
