"""Upkeep of ``lead_search``, the trigram index of the lead list's search (SQLite only).

Migration 0005 makes the index, its source view and the triggers on ``lead`` that keep it up
to date; the search itself is ``services/lead_search.py``. This module holds what other parts
of the store need around it:

- ``check`` / ``rebuild``: the index agrees with the leads (FTS5's own integrity check against
  the external content), and remaking it from the leads when it does not;
- ``purge``: after a person's data was scrubbed, rewrite the index in one piece (FTS5
  ``optimize``), so that the trigrams of the scrubbed texts are gone from it rather than only
  marked deleted in an older segment;
- ``drop``: remove the index from a copy that leaves the device (a sync package): it is derived
  data, rebuilt wherever it is needed.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy.exc import DBAPIError

SEARCH_TABLE = "lead_search"
SOURCE_VIEW = "lead_search_source"
SQLITE_CORRUPT = 11
TRIGGERS = ("lead_search_after_insert", "lead_search_after_delete", "lead_search_after_update")


def _execute(connection: Any, sql: str) -> Any:
    """Run ``sql`` on a SQLAlchemy connection or a plain ``sqlite3`` one."""
    if hasattr(connection, "exec_driver_sql"):
        return connection.exec_driver_sql(sql)
    return connection.execute(sql)


def is_index_table(name: str) -> bool:
    """Whether ``name`` is the index or one of FTS5's shadow tables for it (not in the ORM)."""
    return name == SEARCH_TABLE or name.startswith(f"{SEARCH_TABLE}_")


def has_index(connection: Any) -> bool:
    if getattr(getattr(connection, "dialect", None), "name", "sqlite") != "sqlite":
        return False
    found = _execute(
        connection,
        f"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{SEARCH_TABLE}'",
    ).fetchone()
    return bool(found and found[0])


def check(connection: Any) -> bool:
    """Whether the index matches the leads (True also when there is no index)."""
    if not has_index(connection):
        return True
    try:
        _execute(
            connection,
            f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}, rank) VALUES ('integrity-check', 1)",
        )
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        original = getattr(exc, "orig", exc)
        if getattr(original, "sqlite_errorcode", 0) & 0xFF == SQLITE_CORRUPT:
            return False  # FTS5 reports a mismatch as SQLITE_CORRUPT_VTAB
        raise
    return True


def rebuild(connection: Any) -> None:
    """Remake the index from the leads (in the caller's transaction)."""
    if has_index(connection):
        _execute(connection, f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}) VALUES ('rebuild')")


def purge(connection: Any) -> None:
    """Rewrite the index in one piece: entries of scrubbed texts are then really gone."""
    if has_index(connection):
        _execute(connection, f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}) VALUES ('optimize')")


def drop(connection: Any) -> None:
    """Remove the index, its view and its triggers (from a copy leaving the device)."""
    for trigger in TRIGGERS:
        _execute(connection, f"DROP TRIGGER IF EXISTS {trigger}")
    _execute(connection, f"DROP TABLE IF EXISTS {SEARCH_TABLE}")
    _execute(connection, f"DROP VIEW IF EXISTS {SOURCE_VIEW}")
