"""Integrity checks of a SQLite file, run on a read-only connection that changes nothing."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


def looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == SQLITE_HEADER


def read_only_connection(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only: nothing, not even the journal mode, is written."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def check_file(path: Path, *, thorough: bool = False) -> list[str]:
    """Problems found by ``quick_check`` (or ``integrity_check``); an empty list means ok."""
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        with closing(read_only_connection(path)) as connection:
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def stored_schema_revision(path: Path) -> str | None:
    """The Alembic revision recorded in the file, or None for a file without one."""
    with closing(read_only_connection(path)) as connection:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
