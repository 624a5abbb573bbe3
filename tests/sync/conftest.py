"""Fixtures of the sync tests: booth devices (fresh SQLite files, fast), packages, a manager.

A device is a copy of one migrated template file (migrations run once per session), opened with
``open_sqlite`` so that it gets its own device id and clock like a real booth laptop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sync_data import new_device

from catalog_app.domain.enums import StaffRole
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.store.database import Database
from catalog_app.store.migrations import upgrade_to_head

DeviceFactory = Callable[[str], Database]


@pytest.fixture(scope="session")
def template_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file migrated to head, with no device identity yet."""
    path = tmp_path_factory.mktemp("sync-template") / "template.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        upgrade_to_head(connection)
    engine.dispose()
    return path


@pytest.fixture
def make_device(tmp_path: Path, template_file: Path) -> Iterator[DeviceFactory]:
    """``make_device("booth-1")``: a new device's database in its own folder."""
    opened: list[Database] = []

    def make(name: str) -> Database:
        database = new_device(template_file, tmp_path / name)
        opened.append(database)
        return database

    yield make
    for database in opened:
        database.close()


@pytest.fixture
def usb_stick(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


def make_manager(database: Database) -> StaffMember:
    accounts = AccountService(database)
    return accounts.create_staff("王经理", StaffRole.MANAGER, "2468", actor=None)


@pytest.fixture
def manager_db(make_device: DeviceFactory) -> tuple[Database, StaffMember]:
    """The manager's office machine, with a manager account."""
    database = make_device("office")
    return database, make_manager(database)
