"""Hypothesis profiles for the fuzz tests: ``ci`` (default, quick) and ``nightly`` (thorough),
and the fixtures of the storage-fault GUI tests.

Run the long run with ``HYPOTHESIS_PROFILE=nightly bash scripts/test.sh tests/reliability``.
``reliability_fuzz.scaled(fraction)`` gives a slow fuzzer its share of the profile's examples.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reliability_form import MODELS, fill_small_booth

from catalog_app.store.database import open_sqlite
from catalog_app.ui.app_state import AppState
from catalog_app.ui.capture import CaptureForm
from catalog_app.ui.fonts import apply_bundled_font
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.look import apply_look

settings.register_profile("ci", max_examples=60)
settings.register_profile("nightly", max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[2]
FormMaker = Callable[[str], CaptureForm]


@pytest.fixture(scope="session")
def fault_translations() -> None:
    """The .qm catalogues (a fresh checkout has none): the Chinese messages come from them."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def booth_file(tmp_path: Path) -> Path:
    return tmp_path / "booth" / "booth.sqlite"


@pytest.fixture
def fault_state(
    qapp: QApplication, fault_translations: None, booth_file: Path
) -> Iterator[Callable[[str], AppState]]:
    """``fault_state(lang)``: the app state on a small booth file (short busy timeout, so a
    lock is reported in a fraction of a second). Whatever database the state holds at the end
    (a restore replaces it) is closed."""
    made: list[tuple[AppState, LanguageManager]] = []

    def make(lang: str) -> AppState:
        apply_bundled_font(qapp)
        apply_look(qapp)
        database = open_sqlite(booth_file, backup_on_open=False, busy_timeout_ms=250)
        fill_small_booth(database)
        languages = LanguageManager(qapp, lang)
        state = AppState(database, languages)
        made.append((state, languages))
        return state

    yield make
    for state, languages in made:
        state.tasks.wait(10_000)
        state.database.close()
        languages.set_language("en")


@pytest.fixture
def capture_form(qtbot: QtBot, fault_state: Callable[[str], AppState]) -> Iterator[FormMaker]:
    """``capture_form(lang)``: the real capture form, shown (offscreen), models loaded."""
    made: list[CaptureForm] = []

    def make(lang: str) -> CaptureForm:
        form = CaptureForm(fault_state(lang))
        form.resize(1190, 720)
        qtbot.addWidget(form)
        form.show()
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(lambda: form.business.interests.picker.count() == len(MODELS), timeout=5000)
        made.append(form)
        return form

    yield make
    for form in made:
        form.scan_detector.detach()
        form._state.tasks.wait(10_000)
