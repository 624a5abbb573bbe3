"""The sync log as people read it, and the server address this device remembers.

The address is kept in ``LocalSetting`` (never merged, never in a package) *without* its password:
a password is typed when needed, or comes from ``$PGPASSWORD`` / ``~/.pgpass`` as with any
PostgreSQL client.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from catalog_app.domain.enums import SyncDirection
from catalog_app.domain.models import LocalSetting, SyncLog
from catalog_app.store.database import Database

SERVER_KEY = "sync.server_url"


def without_password(url: str) -> str:
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    return parsed.set(password=None).render_as_string(hide_password=False)


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` put in (for one connection; never stored)."""
    if not password:
        return url
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def remembered_server(database: Database) -> str:
    with database.sessions() as session:
        setting = session.get(LocalSetting, SERVER_KEY)
        return setting.value if setting is not None else ""


def remember_server(database: Database, url: str) -> None:
    value = without_password(url)[:2000]
    with database.transaction() as session:
        setting = session.get(LocalSetting, SERVER_KEY)
        if setting is None:
            session.add(LocalSetting(key=SERVER_KEY, value=value))
        elif setting.value != value:
            setting.value = value


@dataclass(frozen=True)
class SyncLogRow:
    """One line of the sync log (this device's and those merged from other devices)."""

    id: uuid.UUID
    at: datetime
    direction: SyncDirection
    peer: str
    status: str
    message: str
    counts: dict[str, Any]
    device_id: uuid.UUID | None
    checksum: str

    @property
    def rows_changed(self) -> int:
        """New plus updated rows, as the log counted them."""
        tables = self.counts.get("tables", {})
        if not isinstance(tables, dict):
            return 0
        return sum(
            int(c.get("new", 0)) + int(c.get("updated", 0))
            for c in tables.values()
            if isinstance(c, dict)
        )


def recent_sync_log(database: Database, limit: int = 200) -> list[SyncLogRow]:
    """The newest sync-log entries first."""
    query = (
        select(SyncLog)
        .where(SyncLog.deleted_at.is_(None))
        .order_by(SyncLog.created_at.desc(), SyncLog.id.desc())
        .limit(limit)
    )
    with database.sessions() as session:
        return [
            SyncLogRow(
                log.id,
                log.created_at,
                log.direction,
                log.peer,
                log.status,
                log.message,
                dict(log.counts or {}),
                log.device_id,
                log.package_checksum,
            )
            for log in session.scalars(query)
        ]
