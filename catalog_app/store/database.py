"""Open a database — a SQLite file or a PostgreSQL URL — checked, migrated and ready for sessions.

Opening a SQLite file, in this order, so that a file we must not touch is never written:
1. a file that is not SQLite, or fails ``quick_check``, raises ``DamagedDatabaseError`` (the
   caller offers the newest good backup; the damaged file is kept);
2. a file whose schema revision this app does not know (made by a newer version) raises
   ``NewerSchemaError``, untouched — the checks run on a read-only connection;
3. an existing file is backed up (rotating, online backup API), then migrated to head;
4. this file's device identity is created on first open.
"""

from __future__ import annotations

import logging
import platform
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from catalog_app import __version__
from catalog_app.domain.clock import ZERO
from catalog_app.domain.ids import new_id
from catalog_app.domain.models import Device, LocalSetting
from catalog_app.store import backups
from catalog_app.store.errors import (
    DamagedDatabaseError,
    DatabaseUnavailableError,
    NewerSchemaError,
    NotADatabaseError,
)
from catalog_app.store.integrity import (
    check_file,
    looks_like_sqlite,
    stored_schema_revision,
    table_names,
)
from catalog_app.store.locations import is_server_url, media_dir_for
from catalog_app.store.migrations import HEAD_REVISION, is_known_revision, upgrade_to_head
from catalog_app.store.sqlite_settings import BUSY_TIMEOUT_MS, SQLITE_BEGIN, install_pragmas
from catalog_app.store.stamping import CLOCK_KEY, install_stamping
from catalog_app.store.write_errors import DatabaseMovedError, translate_write_error

DEVICE_KEY = "device_id"
log = logging.getLogger(__name__)


@dataclass
class Database:
    """An open database: its engine, a session factory, and this file's device identity."""

    engine: Engine
    sessions: sessionmaker[Session]
    device_id: uuid.UUID
    path: Path | None = None
    backup_keep: int = backups.DEFAULT_KEEP
    url: str = field(default="")
    # (st_dev, st_ino) of the file when opened: a write after the file was deleted or replaced
    # would go into a file nobody will ever open again, so it is refused.
    file_identity: tuple[int, int] | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def media_dir(self) -> Path:
        if self.path is None:
            raise RuntimeError("media files live beside a SQLite file")
        return media_dir_for(self.path)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises.

        On SQLite it takes the write lock at its start (BEGIN IMMEDIATE): a deferred transaction
        that reads and then writes fails at once with "database is locked" when another writer
        got in between, instead of waiting for the busy timeout.
        """
        if self.path is None:
            with self.sessions() as session, session.begin():
                yield session
            return
        self.check_file_still_there()
        try:
            with self.sessions() as session, session.begin():
                session.connection(execution_options={SQLITE_BEGIN: "IMMEDIATE"})
                yield session
        except (OperationalError, DatabaseError, sqlite3.Error) as exc:
            translated = translate_write_error(exc, self.path)
            if translated is None:
                raise
            raise translated from exc

    def check_file_still_there(self) -> None:
        """Raise DatabaseMovedError if the open file was deleted or replaced on disk."""
        if self.path is None or self.file_identity is None:
            return
        try:
            status = self.path.stat()
        except FileNotFoundError:
            raise DatabaseMovedError(self.path) from None
        if (status.st_dev, status.st_ino) != self.file_identity:
            raise DatabaseMovedError(self.path)

    def backup(self) -> Path:
        if self.path is None:
            raise RuntimeError("backups are made of SQLite files; PostgreSQL has its own tools")
        return backups.make_backup(self.path, keep=self.backup_keep)

    def schema_revision(self) -> str | None:
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
            return str(row[0]) if row else None

    def close(self) -> None:
        self.engine.dispose()


def _check_existing_file(path: Path) -> str | None:
    """Refuse a file we must not open; return its schema revision (None for a new file)."""
    if path.stat().st_size == 0:
        return None  # an empty file is a new database (sqlite3 treats it so)
    if not looks_like_sqlite(path):
        raise DamagedDatabaseError(path, "not a SQLite file", backups.newest_good_backup(path))
    # First the checks that must leave a foreign or newer file exactly as it was.
    try:
        revision = stored_schema_revision(path)
        tables = table_names(path)
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(path, str(exc), backups.newest_good_backup(path)) from exc
    if revision is not None and not is_known_revision(revision):
        raise NewerSchemaError(path, revision)
    if revision is None and [t for t in tables if not t.startswith("sqlite_")]:
        raise NotADatabaseError(path, "tables of another program, no catalog_app schema")
    problems = check_file(path)
    if problems:
        raise DamagedDatabaseError(path, "; ".join(problems[:3]), backups.newest_good_backup(path))
    return revision


def _ensure_device(db_sessions: sessionmaker[Session]) -> uuid.UUID:
    """This file's device id (made on first open), and the row that keeps its clock."""
    with db_sessions() as session, session.begin():
        if session.get(LocalSetting, CLOCK_KEY) is None:
            session.add(LocalSetting(key=CLOCK_KEY, value=str(ZERO)))
        setting = session.get(LocalSetting, DEVICE_KEY)
        if setting is not None:
            return uuid.UUID(setting.value)
        device_id = new_id()
        session.add(LocalSetting(key=DEVICE_KEY, value=str(device_id)))
        return device_id


def _register_device(database: Database) -> None:
    with database.transaction() as session:
        device = session.get(Device, database.device_id)
        if device is None:
            device = Device(id=database.device_id, code=device_code(database.device_id))
            device.name = platform.node() or "device"
            device.hostname = platform.node()
            session.add(device)
        if device.app_version != __version__:
            device.app_version = __version__


def device_code(device_id: uuid.UUID) -> str:
    """A short, readable code for the device (the last 6 hex digits of its random part)."""
    return device_id.hex[-6:].upper()


def _finish_open(engine: Engine, path: Path | None, url: str, backup_keep: int) -> Database:
    with engine.begin() as connection:
        upgrade_to_head(connection)
    sessions = sessionmaker(engine, expire_on_commit=False)
    device_id = _ensure_device(sessions)
    install_stamping(sessions, device_id)
    database = Database(engine, sessions, device_id, path, backup_keep, url)
    _register_device(database)
    return database


def open_sqlite(
    path: Path | str,
    *,
    backup_on_open: bool = True,
    backup_keep: int = backups.DEFAULT_KEEP,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Database:
    """Open (creating if needed) a SQLite database file; see the module docstring."""
    path = Path(path).expanduser().resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnavailableError(path, exc.strerror or str(exc)) from exc
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        revision = _check_existing_file(path)
        # A file about to be migrated is always backed up first; otherwise the caller may
        # take the start-up backup itself, off its GUI thread (backup_on_open=False).
        if backup_on_open or revision != HEAD_REVISION:
            try:
                backups.make_backup(path, keep=backup_keep)
            except (OSError, sqlite3.Error) as exc:
                # A failed backup must not stop the booth; the next periodic one retries.
                log.warning("backup at open failed for %s: %s", path, exc)
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": busy_timeout_ms / 1000})
    install_pragmas(engine, busy_timeout_ms)
    try:
        database = _finish_open(engine, path, f"sqlite:///{path}", backup_keep)
        status = path.stat()
        database.file_identity = (status.st_dev, status.st_ino)
        return database
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseUnavailableError(path, str(exc.orig)) from exc


def open_server(url: str) -> Database:
    """Open a PostgreSQL database from a URL (``postgresql://user@host/db``), migrated to head."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(parsed, pool_pre_ping=True)
    try:
        with engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT to_regclass('alembic_version') IS NOT NULL"
            ).scalar()
            if row:
                revision = connection.exec_driver_sql(
                    "SELECT version_num FROM alembic_version"
                ).scalar()
                if revision and not is_known_revision(str(revision)):
                    raise NewerSchemaError(parsed.render_as_string(hide_password=True), revision)
        return _finish_open(engine, None, parsed.render_as_string(hide_password=True), 0)
    except NewerSchemaError:
        engine.dispose()
        raise
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseUnavailableError(
            parsed.render_as_string(hide_password=True), str(exc.orig)
        ) from exc


def open_database(target: str, **options: object) -> Database:
    """Open a SQLite path or a PostgreSQL URL."""
    if is_server_url(target):
        return open_server(target)
    return open_sqlite(target, **options)  # type: ignore[arg-type]
