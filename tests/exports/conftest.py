"""Fixtures of the export, dashboard and fair-report tests: a database with the sample fair, a
manager, a staff member and booth leads (``world``; ``any_world`` on SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from exports_data import ExportWorld, make_world

from catalog_app.store.database import Database, open_sqlite


@pytest.fixture
def world(tmp_path: Path) -> Iterator[ExportWorld]:
    database = open_sqlite(tmp_path / "fair.sqlite")
    try:
        yield make_world(database)
    finally:
        database.close()


@pytest.fixture
def any_world(any_db: Database) -> ExportWorld:
    return make_world(any_db)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
