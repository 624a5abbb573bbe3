"""Fixtures of the accounts tests: a database with a manager and a staff member (or none), the
app state around it, and answers to message boxes. Tests never wait for a human."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from accounts_data import MANAGER_PIN, STAFF_PIN, People, StateFactory
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from catalog_app.domain.enums import StaffRole
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.store.database import Database, open_sqlite
from catalog_app.ui.app_state import AppState
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
def accounts_db(tmp_path: Path) -> Iterator[Database]:
    database = open_sqlite(tmp_path / "booth.sqlite")
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def people(accounts_db: Database) -> People:
    accounts = AccountService(accounts_db)
    manager = accounts.create_staff("王经理", StaffRole.MANAGER, MANAGER_PIN, actor=None)
    staff = accounts.create_staff("小李", StaffRole.STAFF, STAFF_PIN, actor=manager)
    return People(manager, staff)


@pytest.fixture
def make_state(gui_app: QApplication, accounts_db: Database) -> Iterator[StateFactory]:
    """``make_state(lang="en", staff=None)``: the app state of one window."""
    made: list[tuple[AppState, LanguageManager]] = []

    def make(lang: str = "en", staff: StaffMember | None = None) -> AppState:
        languages = LanguageManager(gui_app, lang)
        state = AppState(accounts_db, languages)
        if staff is not None:
            state.sign_in(staff)
        made.append((state, languages))
        return state

    yield make
    for state, languages in made:
        state.tasks.wait(10_000)
        languages.set_language("en")


@pytest.fixture
def answer_message_boxes() -> Iterator[Callable[..., list[str]]]:
    """``answer_message_boxes("OK")`` clicks those buttons in the next message boxes shown;
    returns the texts of the boxes it answered (filled in as they come)."""
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
                    if match:
                        match[0].click()
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
