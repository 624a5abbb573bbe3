"""Fixtures of the GUI tests: a catalog with Chinese data, a main window, message-box answers.

Qt runs offscreen (no screen needed); the UI translations are compiled once per session by the
same script the setup runs. Tests never wait for a human: modal message boxes are answered by
``answer_message_boxes``, waits use ``qtbot.waitUntil`` / ``waitSignal`` with timeouts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_data import ROOT, WindowFactory, fill_catalog
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from catalog_app.store.database import Database, open_sqlite
from catalog_app.ui.app_state import AppState
from catalog_app.ui.fonts import apply_bundled_font
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.look import apply_look
from catalog_app.ui.main_window import MainWindow

# tests/conftest.py sets this too; the QApplication (made later by pytest-qt) reads it.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """Compile the .qm files as the setup script does (fast when they are up to date)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def gui_app(qapp: QApplication) -> QApplication:
    """The test QApplication with the bundled font and the app's look, as run_gui prepares it."""
    apply_bundled_font(qapp)
    apply_look(qapp)
    return qapp


@pytest.fixture
def catalog_db(tmp_path: Path) -> Iterator[Database]:
    """An open SQLite database holding the test fair."""
    database = open_sqlite(tmp_path / "booth" / "catalog.sqlite")
    fill_catalog(database, tmp_path)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    database = open_sqlite(tmp_path / "empty" / "catalog.sqlite")
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def make_window(
    gui_app: QApplication, qtbot: QtBot, catalog_db: Database
) -> Iterator[WindowFactory]:
    """Build a shown main window: ``make_window(lang="zh_CN", database=None)``."""
    made: list[tuple[MainWindow, LanguageManager]] = []

    def make(lang: str = "zh_CN", database: Database | None = None) -> MainWindow:
        languages = LanguageManager(gui_app, lang)
        state = AppState(database or catalog_db, languages)
        window = MainWindow(state)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append((window, languages))
        return window

    yield make
    for window, languages in made:
        window.close()
        window.state.tasks.wait(10_000)
        if window.state.database is not catalog_db:
            window.state.database.close()
        languages.set_language("en")


@pytest.fixture
def answer_message_boxes() -> Iterator[Callable[..., list[str]]]:
    """``answer_message_boxes("Restore", "OK")`` clicks those buttons, in order, in the next
    message boxes shown; returns (filled in as they come) the texts of the boxes it answered.
    A box with no such button is closed with its escape button, so a test never hangs."""
    timers: list[QTimer] = []

    def answer(*buttons: str) -> list[str]:
        pending = list(buttons)
        seen: list[str] = []
        timer = QTimer()
        timer.setInterval(20)

        def poll() -> None:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QMessageBox) and widget.isVisible() and pending:
                    seen.append(widget.text())
                    wanted = pending.pop(0)
                    match = [b for b in widget.buttons() if b.text() == wanted]
                    escape = widget.escapeButton()
                    if match:
                        match[0].click()
                    elif escape is not None:
                        escape.click()
                    else:
                        widget.reject()
            if not pending:
                timer.stop()

        timer.timeout.connect(poll)
        timer.start()
        timers.append(timer)
        return seen

    yield answer
    for timer in timers:
        timer.stop()
