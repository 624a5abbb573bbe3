"""Fixtures of the capture tests: a booth database, the capture form on screen (offscreen),
answers to message boxes. Tests never wait for a human."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from capture_data import Booth, FormFactory, fill_booth
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from catalog_app.store.database import Database, open_sqlite
from catalog_app.ui.app_state import AppState
from catalog_app.ui.capture import CaptureForm
from catalog_app.ui.fonts import apply_bundled_font
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.look import apply_look

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def compiled_translations() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def gui_app(qapp: QApplication, compiled_translations: None) -> QApplication:
    apply_bundled_font(qapp)
    apply_look(qapp)
    return qapp


@pytest.fixture
def booth_db(tmp_path: Path) -> Iterator[Database]:
    database = open_sqlite(tmp_path / "booth" / "booth.sqlite", busy_timeout_ms=300)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def booth(booth_db: Database, tmp_path: Path) -> Booth:
    return fill_booth(booth_db, tmp_path)


@pytest.fixture
def make_form(
    gui_app: QApplication, qtbot: QtBot, booth_db: Database, booth: Booth
) -> Iterator[FormFactory]:
    """``make_form(lang="en", staff=None)``: a capture form shown, with ``staff`` signed in."""
    made: list[tuple[CaptureForm, LanguageManager]] = []

    def make(
        lang: str = "en", staff: object = None, database: Database | None = None
    ) -> CaptureForm:
        languages = LanguageManager(gui_app, lang)
        state = AppState(database or booth_db, languages)
        if staff is not None:
            state.sign_in(staff)  # type: ignore[arg-type]
        form = CaptureForm(state)
        form.resize(1190, 720)
        qtbot.addWidget(form)
        form.show()
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(lambda: form.business.interests.picker.count() == 3, timeout=5000)
        made.append((form, languages))
        return form

    yield make
    for form, languages in made:
        form.scan_detector.detach()
        form._state.tasks.wait(10_000)
        languages.set_language("en")


@pytest.fixture
def answer_message_boxes() -> Iterator[Callable[..., list[str]]]:
    """``answer_message_boxes("OK")`` clicks those buttons in the next message boxes shown."""
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
