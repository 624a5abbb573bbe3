"""Fixtures of the kiosk tests: the sample fair with a manager account, the app state, and a
kiosk window on a clock the test controls."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from catalog_app.domain.enums import StaffRole
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.services.demo import build_demo_database
from catalog_app.services.kiosk_settings import KioskSettings
from catalog_app.store.database import Database, open_sqlite
from catalog_app.ui.app_state import AppState
from catalog_app.ui.fonts import apply_bundled_font
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.kiosk.kiosk_window import KioskWindow
from catalog_app.ui.look import apply_look

MANAGER_PIN = "2468"
ROOT = Path(__file__).resolve().parents[2]


class FakeClock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session")
def kiosk_translations() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def sample_fair_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, _report = build_demo_database(tmp_path_factory.mktemp("kiosk") / "fair.sqlite")
    return path


@pytest.fixture
def kiosk_db(sample_fair_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A copy of the sample fair (file and media) for this test: leads are written to it."""
    folder = tmp_path / "booth"
    shutil.copytree(sample_fair_file.parent, folder)
    database = open_sqlite(folder / sample_fair_file.name, backup_on_open=False)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def manager(kiosk_db: Database) -> StaffMember:
    return AccountService(kiosk_db).create_staff(
        "王经理", StaffRole.MANAGER, MANAGER_PIN, actor=None
    )


@pytest.fixture
def kiosk_state(
    qapp: QApplication, kiosk_db: Database, kiosk_translations: None
) -> Iterator[AppState]:
    apply_bundled_font(qapp)
    apply_look(qapp)
    languages = LanguageManager(qapp, "zh_CN")
    state = AppState(kiosk_db, languages)
    yield state
    state.tasks.wait(10_000)
    languages.set_language("en")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_kiosk(
    qtbot: QtBot, kiosk_state: AppState, manager: StaffMember, clock: FakeClock
) -> Iterator[Callable[..., KioskWindow]]:
    """``make_kiosk(idle_seconds=60)``: a started kiosk (not full screen), on ``clock``."""
    made: list[KioskWindow] = []

    def make(idle_seconds: int = 60, **options: object) -> KioskWindow:
        kiosk = KioskWindow(kiosk_state, KioskSettings(idle_seconds, 6), clock=clock, **options)
        qtbot.addWidget(kiosk)
        kiosk.start(full_screen=False)
        kiosk.resize(1366, 768)
        qtbot.waitExposed(kiosk)
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        if not kiosk.is_leaving:
            kiosk.leave(None)
