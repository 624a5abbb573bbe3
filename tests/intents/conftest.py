"""Fixtures of the intent tests: the sample fair (with its sample leads and sample intent forms)
in a fresh SQLite file per test, copied from one built per session, and the main window. (Plain
helpers live in ``intent_test_data.py``.)"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog_app.services.demo import build_demo_database
from catalog_app.store.database import Database, open_sqlite
from catalog_app.store.locations import media_dir_for


@pytest.fixture(scope="session")
def sample_fair_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed demo database (sample fair, leads and intent forms), built once."""
    folder = tmp_path_factory.mktemp("sample-fair")
    path, _report = build_demo_database(folder / "fair.sqlite")
    return path


@pytest.fixture
def fair_db(sample_fair_file: Path, tmp_path: Path) -> Iterator[Database]:
    """An open copy of the sample-fair database for this test alone."""
    target = tmp_path / "booth" / "fair.sqlite"
    target.parent.mkdir(parents=True)
    shutil.copyfile(sample_fair_file, target)
    shutil.copytree(media_dir_for(sample_fair_file), media_dir_for(target))
    database = open_sqlite(target, backup_on_open=False)
    try:
        yield database
    finally:
        database.close()


# -- GUI --------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def intent_translations() -> None:
    """Compile the UI catalogues as the setup does (fast when up to date)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, str(root / "scripts" / "build_translations.py")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def intent_window(qapp, qtbot, fair_db: Database, intent_translations: None):  # type: ignore[no-untyped-def]
    """``intent_window(lang="en")``: the main window on the sample fair, showing the Intents
    page."""
    from catalog_app.ui.app_state import AppState
    from catalog_app.ui.fonts import apply_bundled_font
    from catalog_app.ui.i18n import LanguageManager
    from catalog_app.ui.look import apply_look
    from catalog_app.ui.main_window import MainWindow, Page

    apply_bundled_font(qapp)
    apply_look(qapp)
    made = []

    def make(lang: str = "en", database: Database | None = None) -> MainWindow:
        languages = LanguageManager(qapp, lang)
        state = AppState(database or fair_db, languages)
        window = MainWindow(state)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.show_page(Page.INTENTS)
        made.append((window, languages))
        return window

    yield make
    for window, languages in made:
        window.close()
        window.state.tasks.wait(10_000)
        languages.set_language("en")
