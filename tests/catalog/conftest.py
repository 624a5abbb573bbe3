"""Fixtures of the catalog tests: the test catalog on SQLite and PostgreSQL, and for the screens
a prepared QApplication, compiled translations and an ``AppState`` in either language.

The test catalog (``catalog_test_data.py``) is imported through the real importer, so the
search keys are those a booth laptop has. GUI tests run offscreen and never wait for a human.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from catalog_app.services.catalog import CatalogService
from catalog_app.store.database import Database, open_sqlite
from tests.catalog.catalog_test_data import fill_test_catalog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def catalog_db(any_db: Database, tmp_path: Path) -> Database:
    """The test catalog on SQLite and on PostgreSQL in turn."""
    fill_test_catalog(any_db, tmp_path / "source")
    return any_db


@pytest.fixture
def catalog(catalog_db: Database) -> CatalogService:
    return CatalogService(catalog_db)


@pytest.fixture
def sqlite_catalog_db(sqlite_db: Database, tmp_path: Path) -> Database:
    fill_test_catalog(sqlite_db, tmp_path / "source")
    return sqlite_db


# -- screens ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def compiled_translations() -> None:
    """The .qm catalogues, built as the setup script builds them (fast when up to date)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def gui_app(qapp: QApplication, compiled_translations: None) -> QApplication:
    from catalog_app.ui.fonts import apply_bundled_font
    from catalog_app.ui.look import apply_look

    apply_bundled_font(qapp)
    apply_look(qapp)
    return qapp


def png(color: str, width: int = 600, height: int = 400) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


@pytest.fixture
def screen_db(gui_app: QApplication, tmp_path: Path) -> Iterator[Database]:
    """The test catalog on SQLite with real pictures (a green side view, a blue front view)."""
    database = open_sqlite(tmp_path / "booth" / "catalog.sqlite")
    pictures = {"gz-t1-side.png": png("#2e7d32"), "gz-t1-front.png": png("#1565c0", 400, 400)}
    fill_test_catalog(database, tmp_path / "source", pictures)
    try:
        yield database
    finally:
        database.close()


StateFactory = Callable[..., object]


@pytest.fixture
def make_state(gui_app: QApplication, screen_db: Database) -> Iterator[StateFactory]:
    """``make_state(lang="zh_CN", database=None)``: an AppState with its LanguageManager."""
    from catalog_app.ui.app_state import AppState
    from catalog_app.ui.i18n import LanguageManager

    made = []

    def make(lang: str = "zh_CN", database: Database | None = None) -> AppState:
        languages = LanguageManager(gui_app, lang)
        state = AppState(database or screen_db, languages)
        made.append((state, languages))
        return state

    yield make
    for state, languages in made:
        state.tasks.wait(10_000)
        languages.set_language("en")


@pytest.fixture
def answer_message_boxes() -> Iterator[Callable[..., list[str]]]:
    """``answer_message_boxes("OK")`` clicks those buttons, in order, in the next message boxes
    shown and returns their texts as they come (a box without such a button is escaped)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

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
                    (match[0] if match else widget.escapeButton() or widget).click()
            if not pending:
                timer.stop()

        timer.timeout.connect(poll)
        timer.start()
        timers.append(timer)
        return seen

    yield answer
    for timer in timers:
        timer.stop()


@pytest.fixture(autouse=True)
def collect_qt_garbage_on_the_gui_thread() -> Iterator[None]:
    """After each test, delete what Qt was asked to delete and collect Python's cycles here,
    on the GUI thread: left to chance, the collector may run inside a worker thread and free a
    widget there, which crashes Qt."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    from tests.catalog.gui_helpers import OPEN_PAGES

    OPEN_PAGES.clear()
    if QApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    gc.collect()
