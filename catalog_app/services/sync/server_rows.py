"""Rows moved between two databases by SQLAlchemy Core: read, count, upsert with the merge rule.

Used by push (SQLite file -> PostgreSQL) and pull (PostgreSQL -> SQLite file) alike. The upsert is
``INSERT … ON CONFLICT (id) DO UPDATE … WHERE <incoming wins>`` in the target's dialect, so the
decision is taken by the target row by row under its own row lock — safe when several devices
push at once. Rows are written in id order, so two pushes lock rows in the same order.

Foreign keys are never deferrable on PostgreSQL, and a row may point at a row that comes later
(a lead merged into a lead further on, a child stamped before its parent's last edit): before a
batch is written, ``ensure_parents`` copies every referenced row the target lacks (and, in turn,
their parents) from the source, in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from catalog_app.services.sync.merge import incoming_wins, same_content, version_key
from catalog_app.services.sync.summary import TableCounts
from catalog_app.services.sync.tables import column_names, parent_links

Row = dict[str, Any]
_IN_CHUNK = 1000


def _chunks(values: Sequence[Any], size: int = _IN_CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def fetch_by_ids(connection: Connection, table: Table, ids: Iterable[uuid.UUID]) -> list[Row]:
    wanted = sorted(set(ids))
    rows: list[Row] = []
    for part in _chunks(wanted):
        query = select(table).where(table.c.id.in_(part))
        rows.extend(dict(row._mapping) for row in connection.execute(query))
    return rows


def _versions(connection: Connection, table: Table, ids: Sequence[uuid.UUID]) -> dict[Any, Row]:
    """The target's current versions of ``ids``."""
    found: dict[Any, Row] = {}
    for part in _chunks(list(ids)):
        query = select(table).where(table.c.id.in_(part))
        for row in connection.execute(query):
            found[row.id] = dict(row._mapping)
    return found


def count_changes(
    connection: Connection, table: Table, rows: Sequence[Row]
) -> tuple[TableCounts, str]:
    """What upserting ``rows`` will do to the target, by the Python form of the rule; and the
    lowest stamp among the rows that will change it ("" if none)."""
    current = _versions(connection, table, [r["id"] for r in rows])
    counts = TableCounts(incoming=len(rows))
    lowest = ""
    for row in rows:
        here = current.get(row["id"])
        if here is None:
            counts.new += 1
        elif version_key(table.name, row) > version_key(table.name, here):
            if same_content(row, here):
                counts.unchanged += 1
            else:
                counts.updated += 1
        else:
            counts.unchanged += 1
            continue
        counts.written += 1
        stamp = str(row.get("hlc") or "")
        if not lowest or stamp < lowest:
            lowest = stamp
    return counts, lowest


@cache
def _upsert_statement(table: Table, dialect: str) -> Any:
    """``INSERT … ON CONFLICT (id) DO UPDATE … WHERE <incoming wins>`` (built once: it is big)."""
    make = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = make(table)
    return statement.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={name: statement.excluded[name] for name in column_names(table) if name != "id"},
        where=incoming_wins(table, statement.excluded, table.c, dialect),
    )


def upsert_rows(connection: Connection, table: Table, rows: Sequence[Row]) -> None:
    """Write ``rows`` into the target; a row replaces the target's only if it wins the rule."""
    if not rows:
        return
    statement = _upsert_statement(table, connection.dialect.name)
    names = column_names(table)
    ordered = sorted(rows, key=lambda row: row["id"])
    for part in _chunks(ordered, 500):
        connection.execute(statement, [{n: row[n] for n in names} for row in part])


def ensure_parents(
    source: Connection, target: Connection, table: Table, rows: Sequence[Row], depth: int = 0
) -> int:
    """Copy into ``target`` every row that ``rows`` refer to and ``target`` lacks; returns how
    many rows were copied."""
    if depth > 50:  # a cycle of references deeper than any real chain: let the key check speak
        return 0
    copied = 0
    for column, parent in parent_links(table):
        wanted = {row[column] for row in rows if row.get(column) is not None}
        if not wanted:
            continue
        present = set()
        for part in _chunks(sorted(wanted)):
            present.update(target.scalars(select(parent.c.id).where(parent.c.id.in_(part))))
        missing = wanted - present
        if not missing:
            continue
        parents = fetch_by_ids(source, parent, missing)
        copied += ensure_parents(source, target, parent, parents, depth + 1)
        upsert_rows(target, parent, parents)
        copied += len(parents)
    return copied
