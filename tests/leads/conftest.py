"""Fixtures of the lead tests: a database with a catalog, staff and leads; the Qt app with the
app's font and look; an app state; answers for modal message boxes (tests never wait for a
human)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from leads_data import LeadWorld, make_world
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from catalog_app.store.database import Database, open_sqlite

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[LeadWorld]:
    database = open_sqlite(tmp_path / "leads.sqlite")
    try:
        yield make_world(database)
    finally:
        database.close()


@pytest.fixture
def any_world(any_db: Database) -> LeadWorld:
    return make_world(any_db)


@pytest.fixture(scope="session")
def leads_translations() -> None:
    """Compile the .qm files as the setup script does (fast when they are up to date)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def leads_app(qapp: QApplication, leads_translations: None) -> QApplication:
    from catalog_app.ui.fonts import apply_bundled_font
    from catalog_app.ui.look import apply_look

    apply_bundled_font(qapp)
    apply_look(qapp)
    return qapp


@pytest.fixture
def message_answers() -> Iterator[Callable[..., list[str]]]:
    """``message_answers("Delete", "OK")`` clicks those buttons, in order, in the next message
    boxes shown; returns (filled in as they come) the texts of the boxes it answered. A box with
    no such button is closed with its escape button, so a test never hangs."""
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
