"""Fixtures of the TCO tests: the bundled sample fair in a database of its own (made once), and
the app state over it for the screens."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from catalog_app.services.demo import build_demo_database
from catalog_app.store.database import Database, open_sqlite
from catalog_app.ui.app_state import AppState
from catalog_app.ui.fonts import apply_bundled_font
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.look import apply_look


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


@pytest.fixture(scope="session")
def built_translations() -> None:
    """The .qm catalogues, compiled as the setup script does (fast when up to date)."""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, str(root / "scripts" / "build_translations.py")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def tco_state(
    qapp: QApplication, sample_fair: Database, built_translations: None
) -> Iterator[AppState]:
    """The app's shared state over the sample fair, in English (switch with set_language)."""
    apply_bundled_font(qapp)
    apply_look(qapp)
    languages = LanguageManager(qapp, "en")
    state = AppState(sample_fair, languages)
    yield state
    state.tasks.wait(10_000)
    languages.set_language("en")
