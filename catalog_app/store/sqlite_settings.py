"""The pragmas every SQLite connection of the app runs with, and why.

- ``journal_mode=WAL``: readers never block the writer (the GUI reads while a lead is saved).
- ``synchronous=FULL``: in WAL mode, NORMAL may lose the last commits on a power cut (they sit in
  the WAL until a checkpoint syncs it). FULL fsyncs the WAL at every commit, so a lead the UI
  reports as saved survives a pulled power cord. One fsync per human action is cheap; bulk jobs
  (imports, merges) use one transaction, hence one fsync.
- ``foreign_keys=ON``: SQLite leaves them off by default.
- ``busy_timeout``: wait for another writer (the CLI, a backup) instead of failing at once.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Engine, event

BUSY_TIMEOUT_MS = 5000
# Execution option naming the kind of BEGIN ("IMMEDIATE" for write transactions).
SQLITE_BEGIN = "sqlite_begin"


def apply_pragmas(dbapi_connection: sqlite3.Connection, busy_timeout_ms: int) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def install_pragmas(engine: Engine, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Run ``apply_pragmas`` on every new DBAPI connection of ``engine``."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling fights SAVEPOINT and BEGIN IMMEDIATE; let
        # SQLAlchemy emit BEGIN itself (SQLAlchemy docs, "Serializable isolation / Savepoints").
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection, busy_timeout_ms)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        kind = connection.get_execution_options().get(SQLITE_BEGIN, "")
        connection.exec_driver_sql(f"BEGIN {kind}".strip())
