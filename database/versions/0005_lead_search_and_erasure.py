"""lead search index; erasure marks on intent forms and attendees

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 09:00:00

1. ``intent_form.erased_at`` and ``attendee.erased_at``: set when the person named on the row
   asked to be forgotten (``LeadService.delete_person``). The merge rule ranks such a row above
   every version that still carries the personal values (``services/sync/merge.py``), so no
   merge brings them back.
2. On SQLite, where FTS5 and its trigram tokenizer are available: ``lead_search``, a full-text
   index (trigrams: any substring of three characters or more) over the same folded texts the
   lead list's search compares (``services/lead_search.py``), kept up to date by triggers on
   ``lead`` — so every writer (the capture form, imports, package merges, server pulls, plain
   SQL) keeps it right — and filled here for the leads already in the file. It is an
   external-content index over the view ``lead_search_source``: it stores no text of its own
   beyond the index, and ``INSERT INTO lead_search(lead_search) VALUES ('rebuild')`` remakes it
   from the leads at any time. PostgreSQL gets no index (the search uses LIKE there), and
   neither does a SQLite without FTS5 or the trigram tokenizer (3.34+): the search then reads
   the lead table as before.

Plain ``ADD COLUMN`` only: a batch rebuild would drop tables that other rows point at (and
rebuilding ``lead`` would also drop its search triggers: a later migration that rebuilds it
must recreate them and rebuild the index).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger(__name__)

# What the index holds for a lead, as SQL over one row (``{row}``: ``new``, ``old`` or ``lead``):
# the texts the lead list's search compares. Each ends with a line break, which no query
# contains, so a match never spans two texts; one more line break closes the whole, so that
# every occurrence of a one- or two-character query starts some indexed trigram
# (``services/lead_search.py`` looks such queries up by the trigrams that start with them).
_TEXTS = (
    "replace(ifnull({row}.person_name_key, ''), ' ', '') || char(10) || "
    "replace(ifnull({row}.company_key, ''), ' ', '') || char(10) || "
    "ifnull({row}.email_normalized, '') || char(10) || "
    "lower(ifnull({row}.wechat_id, '')) || char(10) || "
    "ifnull({row}.mobile_e164, '') || char(10) || "
    "replace(replace(replace(replace(replace(ifnull({row}.landline, ''), "
    "'-', ''), ' ', ''), '(', ''), ')', ''), '.', '') || char(10) || char(10)"
)
_WATCHED = "person_name_key, company_key, email_normalized, wechat_id, mobile_e164, landline"


def _texts(row: str) -> str:
    return _TEXTS.format(row=row)


# ``detail='none'``: the index records which leads hold a trigram, not where (a third of the
# size; the search re-checks every candidate against the row anyway); ``columnsize=0``: no
# per-lead token counts (they only serve ranking, which the search does not use).
SEARCH_DDL = (
    f"CREATE VIEW lead_search_source AS SELECT lead.rowid AS lead_rowid, {_texts('lead')} "
    "AS texts FROM lead",
    "CREATE VIRTUAL TABLE lead_search USING fts5(texts, content='lead_search_source', "
    "content_rowid='lead_rowid', tokenize='trigram', detail='none', columnsize=0)",
    "CREATE TRIGGER lead_search_after_insert AFTER INSERT ON lead BEGIN "
    f"INSERT INTO lead_search (rowid, texts) VALUES (new.rowid, {_texts('new')}); END",
    "CREATE TRIGGER lead_search_after_delete AFTER DELETE ON lead BEGIN "
    "INSERT INTO lead_search (lead_search, rowid, texts) VALUES ('delete', old.rowid, "
    f"{_texts('old')}); END",
    f"CREATE TRIGGER lead_search_after_update AFTER UPDATE OF {_WATCHED} ON lead "
    f"WHEN {_texts('old')} IS NOT {_texts('new')} BEGIN "
    "INSERT INTO lead_search (lead_search, rowid, texts) VALUES ('delete', old.rowid, "
    f"{_texts('old')}); "
    f"INSERT INTO lead_search (rowid, texts) VALUES (new.rowid, {_texts('new')}); END",
)
SEARCH_DROP = (
    "DROP TRIGGER IF EXISTS lead_search_after_update",
    "DROP TRIGGER IF EXISTS lead_search_after_delete",
    "DROP TRIGGER IF EXISTS lead_search_after_insert",
    "DROP TABLE IF EXISTS lead_search",
    "DROP VIEW IF EXISTS lead_search_source",
)


def _trigram_available(connection: sa.Connection) -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (tried in a savepoint)."""
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(
                "CREATE VIRTUAL TABLE temp.lead_search_probe USING fts5(a, tokenize='trigram')"
            )
            connection.exec_driver_sql("DROP TABLE temp.lead_search_probe")
        return True
    except sa.exc.OperationalError as exc:
        log.warning("no lead search index: this SQLite lacks FTS5 trigrams (%s)", exc)
        return False


def upgrade() -> None:
    for table in ("intent_form", "attendee"):
        op.add_column(table, sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
    connection = op.get_bind()
    if connection.dialect.name != "sqlite" or not _trigram_available(connection):
        return
    for statement in SEARCH_DDL:
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql("INSERT INTO lead_search (lead_search) VALUES ('rebuild')")


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for statement in SEARCH_DROP:
            connection.exec_driver_sql(statement)
    for table in ("attendee", "intent_form"):
        op.drop_column(table, "erased_at")  # SQLite 3.35+ drops a column in place
