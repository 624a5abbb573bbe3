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


# --- GUI ------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def dashboard_translations() -> None:
    """Compile the .qm files as the setup script does (fast when they are up to date)."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def gui_state(qapp, world: ExportWorld, dashboard_translations: None):  # type: ignore[no-untyped-def]
    """An ``AppState`` over the test fair, the app's font and look, Chinese UI; the manager is
    signed in. Background tasks are waited for at the end."""
    from catalog_app.ui.app_state import AppState
    from catalog_app.ui.fonts import apply_bundled_font
    from catalog_app.ui.i18n import LanguageManager
    from catalog_app.ui.look import apply_look

    apply_bundled_font(qapp)
    apply_look(qapp)
    languages = LanguageManager(qapp, "zh_CN")
    state = AppState(world.database, languages)
    state.sign_in(world.manager)
    yield state
    state.tasks.cancel_all()
    state.tasks.wait(20_000)
    languages.set_language("en")


@pytest.fixture
def answer_boxes():  # type: ignore[no-untyped-def]
    """``answer_boxes("Replace")`` clicks that button in the next message box shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    timers: list[QTimer] = []

    def answer(*buttons: str) -> list[str]:
        pending, seen = list(buttons), []
        timer = QTimer()
        timer.setInterval(20)

        def poll() -> None:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QMessageBox) and widget.isVisible() and pending:
                    seen.append(widget.text())
                    wanted = pending.pop(0)
                    match = [b for b in widget.buttons() if b.text() == wanted]
                    (match[0] if match else widget.escapeButton()).click()
            if not pending:
                timer.stop()

        timer.timeout.connect(poll)
        timer.start()
        timers.append(timer)
        return seen

    yield answer
    for timer in timers:
        timer.stop()
