"""Integrity checks of a SQLite file, run on a read-only connection that changes nothing."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


def looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == SQLITE_HEADER


def read_only_connection(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """Open ``path`` read-only: nothing, not even the journal mode, is written.

    A read-only connection to a WAL file still creates ``-wal``/``-shm`` files beside it;
    ``immutable`` reads the main file alone and creates nothing (it ignores a ``-wal`` file, so
    use it only where that is right: to look at a file we may have to refuse untouched).
    """
    suffix = "?mode=ro&immutable=1" if immutable else "?mode=ro"
    return sqlite3.connect(f"{path.resolve().as_uri()}{suffix}", uri=True)


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
    """The Alembic revision recorded in the file, or None for a file without one.

    Read without creating side files (``immutable``): a file from a newer version of the app, or
    another program's database, must be refused exactly as it was.
    """
    with closing(read_only_connection(path, immutable=True)) as connection:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None


def table_names(path: Path) -> list[str]:
    """The tables in the file, read without creating side files."""
    with closing(read_only_connection(path, immutable=True)) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    return [str(row[0]) for row in rows]
