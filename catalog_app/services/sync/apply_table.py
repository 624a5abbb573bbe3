"""One table of one attached package, merged chunk by chunk inside the merge's transaction.

For each chunk of the package's rows (by rowid): first a read-only count of what the chunk will
do, then one ``INSERT … SELECT … ON CONFLICT (id) DO UPDATE … WHERE <incoming wins>`` — the rule
of ``merge.py`` compiled to SQLite. The counts use the knowledge vectors loaded into two
temporary tables (``SOURCE_KNOWLEDGE``: the package's; ``TARGET_KNOWLEDGE``: this file's).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    MetaData,
    String,
    Table,
    and_,
    bindparam,
    case,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.types import Uuid

from catalog_app.services.sync.duplicates import WRITTEN_LEADS
from catalog_app.services.sync.merge import (
    ZERO_DEVICE,
    conflicting_sql,
    content_differs_sql,
    incoming_wins,
)
from catalog_app.services.sync.progress import Progress
from catalog_app.services.sync.summary import TableCounts
from catalog_app.services.sync.tables import column_names, table_named

log = logging.getLogger(__name__)

CHUNK_ROWS = 25_000
DIALECT = "sqlite"

_knowledge_meta = MetaData()
SOURCE_KNOWLEDGE = Table(
    "sync_source_knowledge",
    _knowledge_meta,
    Column("device_id", Uuid(), primary_key=True),
    Column("hlc", String(24)),
    prefixes=["TEMPORARY"],
)
TARGET_KNOWLEDGE = Table(
    "sync_target_knowledge",
    _knowledge_meta,
    Column("device_id", Uuid(), primary_key=True),
    Column("hlc", String(24)),
    prefixes=["TEMPORARY"],
)


def load_knowledge(connection: Connection, table: Table, vector: dict[str, str]) -> None:
    """Fill one of the temporary knowledge tables with a vector (device hex -> stamp)."""
    table.create(connection, checkfirst=True)
    connection.execute(table.delete())
    rows = [{"device_id": uuid.UUID(key), "hlc": stamp} for key, stamp in vector.items() if stamp]
    if rows:
        connection.execute(table.insert(), rows)


@dataclass
class TableStep:
    """Where the merge stands, for progress reports."""

    steps: Progress
    done: int
    total: int
    label: str


@cache
def _attached(table: Table, alias: str) -> Table:
    columns = [Column(c.name, c.type) for c in table.columns]
    return Table(table.name, MetaData(), *columns, schema=alias)


@cache
def _totals_statement(table: Table, alias: str) -> Any:
    """Rows of one chunk (rowids from ``:low`` up to ``:high``) and their lowest stamp."""
    inc = _attached(table, alias).alias("inc")
    rowid = literal_column("inc.rowid")
    return select(func.count(), func.min(inc.c.hlc)).where(
        rowid >= bindparam("low"), rowid < bindparam("high")
    )


@cache
def _count_statement(table: Table, alias: str) -> Any:
    """What the chunk's rows that this file already has will do (see the module docstring).

    Only rows present on both sides are joined, and the rule's expressions are evaluated only
    for rows whose stamps differ (a row with the same stamp and device is the same write): a
    first merge and a repeated one cost little more than the key look-ups.
    """
    inc = _attached(table, alias).alias("inc")
    cur = table.alias("cur")
    src = SOURCE_KNOWLEDGE.alias("sk")
    tgt = TARGET_KNOWLEDGE.alias("tk")
    zero = literal(ZERO_DEVICE, Uuid())
    joined = (
        inc.join(cur, cur.c.id == inc.c.id)
        .outerjoin(src, src.c.device_id == func.coalesce(cur.c.device_id, zero))
        .outerjoin(tgt, tgt.c.device_id == func.coalesce(inc.c.device_id, zero))
    )
    differs = or_(inc.c.hlc != cur.c.hlc, inc.c.device_id.is_distinct_from(cur.c.device_id))
    wins = and_(differs, incoming_wins(table, inc.c, cur.c, DIALECT))
    updates = and_(wins, content_differs_sql(table, inc.c, cur.c))
    conflict = and_(differs, conflicting_sql(table, inc.c, cur.c, src.c.hlc, tgt.c.hlc, DIALECT))
    rowid = literal_column("inc.rowid")

    def count_of(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    return (
        select(
            func.count(),
            count_of(wins),
            count_of(updates),
            count_of(conflict),
            count_of(and_(conflict, wins)),
        )
        .select_from(joined)
        .where(rowid >= bindparam("low"), rowid < bindparam("high"))
    )


@cache
def _written_leads_statement(alias: str) -> Any:
    """Remember which leads of the chunk will be written (for linking duplicate people)."""
    table = table_named("lead")
    inc = _attached(table, alias).alias("inc")
    cur = table.alias("cur")
    rowid = literal_column("inc.rowid")
    differs = or_(inc.c.hlc != cur.c.hlc, inc.c.device_id.is_distinct_from(cur.c.device_id))
    written = or_(cur.c.id.is_(None), and_(differs, incoming_wins(table, inc.c, cur.c, DIALECT)))
    rows = (
        select(inc.c.id)
        .select_from(inc.outerjoin(cur, cur.c.id == inc.c.id))
        .where(rowid >= bindparam("low"), rowid < bindparam("high"), written)
    )
    return insert(WRITTEN_LEADS).prefix_with("OR IGNORE").from_select(["id"], rows)


@cache
def _upsert_statement(table: Table, alias: str) -> Any:
    names = column_names(table)
    inc = _attached(table, alias).alias("inc")
    rowid = literal_column("inc.rowid")
    rows = select(*(inc.c[name] for name in names)).where(
        rowid >= bindparam("low"), rowid < bindparam("high")
    )
    statement = sqlite_insert(table).from_select(names, rows)
    return statement.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={name: statement.excluded[name] for name in names if name != "id"},
        where=incoming_wins(table, statement.excluded, table.c, DIALECT),
    )


def _chunk_counts(
    connection: Connection, table: Table, alias: str, low: int, high: int
) -> tuple[TableCounts, str]:
    bounds = {"low": low, "high": high}
    rows, lowest = connection.execute(_totals_statement(table, alias), bounds).one()
    if not rows:
        return TableCounts(), ""
    matched, wins, updated, conflicts, conflicts_won = connection.execute(
        _count_statement(table, alias), bounds
    ).one()
    new = rows - matched
    counts = TableCounts(
        incoming=rows,
        new=new,
        updated=updated,
        unchanged=rows - new - updated,
        conflicts=conflicts,
        conflicts_won=conflicts_won,
        written=new + wins,
    )
    # The lowest stamp of the chunk (not only of the rows written): moving push marks back a
    # little further than needed only re-sends rows the server already has.
    return counts, (lowest or "") if counts.written else ""


def _upsert_chunk(connection: Connection, table: Table, alias: str, low: int, high: int) -> int:
    result = connection.execute(_upsert_statement(table, alias), {"low": low, "high": high})
    return int(result.rowcount)


def merge_table(
    connection: Connection, table: Table, alias: str, where: TableStep
) -> tuple[TableCounts, str]:
    """Merge ``alias.<table>`` into the file; returns the counts and the lowest stamp of the
    rows that changed here ("" if none did)."""
    bounds = connection.exec_driver_sql(
        f"SELECT min(rowid), max(rowid) FROM {alias}.{table.name}"
    ).one()
    counts = TableCounts()
    lowest = ""
    if bounds[0] is None:
        return counts, lowest
    low, last = int(bounds[0]), int(bounds[1])
    while low <= last:
        where.steps.raise_if_cancelled()
        high = low + CHUNK_ROWS
        chunk, chunk_lowest = _chunk_counts(connection, table, alias, low, high)
        if chunk.written:
            if table.name == "lead":
                bounds = {"low": low, "high": high}
                connection.execute(_written_leads_statement(alias), bounds)
            written = _upsert_chunk(connection, table, alias, low, high)
            if written != chunk.written:  # cannot happen under the write lock; say so if it does
                log.warning("%s: %d rows written, %d expected", table.name, written, chunk.written)
        counts.add(chunk)
        if chunk_lowest and (not lowest or chunk_lowest < lowest):
            lowest = chunk_lowest
        where.done += chunk.incoming
        where.steps.report(where.done, where.total, where.label)
        low = high
    return counts, lowest
