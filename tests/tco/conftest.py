"""Fixtures of the TCO tests: the bundled sample fair in a database of its own (made once)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog_app.services.demo import build_demo_database
from catalog_app.store.database import Database, open_sqlite


@pytest.fixture(scope="session")
def sample_fair_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the sample fair (fifteen models of every powertrain)."""
    path, _report = build_demo_database(tmp_path_factory.mktemp("tco") / "fair.sqlite")
    return path


@pytest.fixture
def sample_fair(sample_fair_path: Path) -> Iterator[Database]:
    database = open_sqlite(sample_fair_path, backup_on_open=False)
    try:
        yield database
    finally:
        database.close()
