"""search key of truck models

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 13:05:00

Adds ``truck_model.search_key`` (folded names with pinyin, see domain/search_keys.py) and fills
it for the models already in the file.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite supports it with a constant default): a batch rebuild would drop
    # truck_model, which rows of spec_value, media and lead_interest point at.
    op.add_column(
        "truck_model",
        sa.Column("search_key", sa.Text(), nullable=False, server_default=sa.text("''")),
    )
    from catalog_app.domain.search_keys import search_key

    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT m.id, m.code, m.name_zh, m.name_en, m.maker_zh, m.maker_en, "
            "m.announcement_no, e.name_zh, e.name_en "
            "FROM truck_model m JOIN exhibitor e ON e.id = m.exhibitor_id"
        )
    ).fetchall()
    for row in rows:
        key = search_key(*(str(value or "") for value in row[1:]))
        connection.execute(
            sa.text("UPDATE truck_model SET search_key = :key WHERE id = :id"),
            {"key": key, "id": row[0]},
        )


def downgrade() -> None:
    with op.batch_alter_table("truck_model", schema=None) as batch_op:
        batch_op.drop_column("search_key")
