"""Storage faults while saving a lead: full disk, read-only file, a lock held by another program,
the file deleted or replaced under the app, a damaged file. Each ends in a clear message in the
user's language, nothing already saved is lost, and once the cause is gone a retry saves.

Recipes from RELIABILITY.md: ``max_page_count`` for a full disk, ``query_only`` for a read-only
medium (the tests run as root, for whom chmod does not stop writes), a second connection holding
``BEGIN IMMEDIATE`` for a lock, bytes overwritten for damage.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from catalog_app.domain.enums import LeadSource
from catalog_app.services.consent import current_consent
from catalog_app.services.lead_input import LeadInput
from catalog_app.services.leads import LeadService
from catalog_app.store.database import Database, open_sqlite
from catalog_app.store.write_errors import (
    DatabaseDamagedInUseError,
    DatabaseLockedError,
    DatabaseMovedError,
    DiskFullError,
    ReadOnlyDatabaseError,
)


def lead(number: int) -> LeadInput:
    wording = current_consent("en")
    return LeadInput(
        person_name=f"Buyer {number}",
        mobile=f"139{number:08d}",
        notes="x" * 2000,
        consent_given=True,
        consent_text=wording.text,
        consent_version=wording.version,
    )


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_sqlite(tmp_path / "booth.sqlite", backup_on_open=False, busy_timeout_ms=200)
    yield database
    database.close()


def on_every_connection(database: Database, *pragmas: str) -> None:
    """Run ``pragmas`` on every (new) connection of ``database`` from now on."""
    database.engine.dispose()

    def apply(connection: Any, _record: Any) -> None:
        for pragma in pragmas:
            connection.execute(pragma)

    event.listen(database.engine, "connect", apply)


def saved_names(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT person_name FROM lead")]


def test_a_full_disk_says_so_keeps_what_was_saved_and_a_retry_works_once_there_is_room(
    db: Database,
) -> None:
    leads = LeadService(db)
    leads.save(lead(1), source=LeadSource.BOOTH)
    with sqlite3.connect(db.path) as connection:  # type: ignore[arg-type]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
    on_every_connection(db, f"PRAGMA max_page_count = {pages + 2}")

    with pytest.raises(DiskFullError) as full:
        for number in range(2, 200):
            leads.save(lead(number), source=LeadSource.BOOTH)
    assert "disk is full" in full.value.text("en")
    assert "磁盘空间已满" in full.value.text("zh_CN")
    assert "still in the form" in full.value.text("en")
    assert "Buyer 1" in saved_names(db.path)  # type: ignore[arg-type]

    on_every_connection(db, "PRAGMA max_page_count = 1073741823")
    leads.save(lead(999), source=LeadSource.BOOTH)
    assert "Buyer 999" in saved_names(db.path)  # type: ignore[arg-type]


def test_a_read_only_file_says_so(db: Database) -> None:
    on_every_connection(db, "PRAGMA query_only = ON")
    with pytest.raises(ReadOnlyDatabaseError) as refused:
        LeadService(db).save(lead(1), source=LeadSource.BOOTH)
    assert "read-only" in refused.value.text("en") and "只读" in refused.value.text("zh_CN")
    assert refused.value.retryable


def test_a_lock_held_by_another_program_says_wait_and_retry_then_saves(db: Database) -> None:
    other = sqlite3.connect(db.path, isolation_level=None)  # type: ignore[arg-type]
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseLockedError) as locked:
            LeadService(db).save(lead(1), source=LeadSource.BOOTH)
        assert "Another program" in locked.value.text("en")
        assert "另一个程序" in locked.value.text("zh_CN")
    finally:
        other.execute("ROLLBACK")
        other.close()
    LeadService(db).save(lead(1), source=LeadSource.BOOTH)
    assert saved_names(db.path) == ["Buyer 1"]  # type: ignore[arg-type]


def test_a_file_deleted_under_the_running_app_is_not_written_into_the_void(db: Database) -> None:
    leads = LeadService(db)
    leads.save(lead(1), source=LeadSource.BOOTH)
    assert db.path is not None
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db.path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(DatabaseMovedError) as moved:
        leads.save(lead(2), source=LeadSource.BOOTH)
    assert "deleted or replaced" in moved.value.text("en")
    assert not moved.value.retryable


def test_a_file_replaced_under_the_running_app_is_not_written_into(
    db: Database, tmp_path: Path
) -> None:
    leads = LeadService(db)
    leads.save(lead(1), source=LeadSource.BOOTH)
    assert db.path is not None
    other = open_sqlite(tmp_path / "other.sqlite", backup_on_open=False)
    other.close()
    os.replace(tmp_path / "other.sqlite", db.path)
    with pytest.raises(DatabaseMovedError):
        leads.save(lead(2), source=LeadSource.BOOTH)
    assert "Buyer 2" not in saved_names(db.path)  # the replacement was not written into


def test_a_file_damaged_while_open_says_restore_a_backup(db: Database) -> None:
    leads = LeadService(db)
    for number in range(40):
        leads.save(lead(number), source=LeadSource.BOOTH)
    assert db.path is not None
    with sqlite3.connect(db.path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.engine.dispose()
    data = bytearray(db.path.read_bytes())
    page = 4096
    for offset in range(page, len(data), page):
        data[offset : offset + 64] = os.urandom(64)  # every page's header, not the file header
    with db.path.open("r+b") as handle:  # in place: same file, as a failing disk would do
        handle.write(bytes(data))
    with pytest.raises(DatabaseDamagedInUseError) as damaged:
        leads.save(lead(100), source=LeadSource.BOOTH)
    assert "damaged" in damaged.value.text("en") and "备份" in damaged.value.text("zh_CN")
