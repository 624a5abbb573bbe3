"""Which tables merge, in which order, and with which columns.

Every table whose mapped class is ``Mergeable`` merges; ``LocalSetting`` (this file's identity,
clock and sync marks) and ``FormDraft`` (what someone was in the middle of typing) never do.
The order is the metadata's foreign-key order: parents before children, so a child row never
arrives before the row it points at (SQLite checks keys at the end of each statement, PostgreSQL
too, and neither declares them deferrable).
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import Table

import catalog_app.domain.models  # noqa: F401 - registers every table on Base.metadata
from catalog_app.domain.base import Base, Mergeable

NEVER_MERGED = frozenset({"local_setting", "form_draft"})


@cache
def mergeable_tables() -> tuple[Table, ...]:
    """Every merged table, parents before children."""
    merged = {
        mapper.local_table.name
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Mergeable)
    }
    tables = tuple(t for t in Base.metadata.sorted_tables if t.name in merged)
    if NEVER_MERGED & {t.name for t in tables}:
        raise RuntimeError("a local-only table is marked Mergeable")
    return tables


def table_named(name: str) -> Table:
    for table in mergeable_tables():
        if table.name == name:
            return table
    raise KeyError(name)


def column_names(table: Table) -> list[str]:
    return [column.name for column in table.columns]


def parent_links(table: Table) -> list[tuple[str, Table]]:
    """(column, referred table) for each foreign key of ``table`` (self-references included)."""
    return sorted(
        ((fk.parent.name, fk.column.table) for fk in table.foreign_keys),
        key=lambda link: link[0],
    )
