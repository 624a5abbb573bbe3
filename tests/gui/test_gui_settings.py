"""A manager looks after the booth's data from Settings: backups, integrity, restore, language."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_data import WindowFactory
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from catalog_app.domain.models import TruckModel
from catalog_app.store.backups import list_backups
from catalog_app.store.database import Database, device_code
from catalog_app.ui.main_window import Page


def test_settings_show_where_the_data_lives_and_this_device(
    make_window: WindowFactory, catalog_db: Database
) -> None:
    window = make_window("en")
    window.show_page(Page.SETTINGS)
    settings = window.settings_page
    assert settings.location.text() == str(catalog_db.path)
    assert settings.revision.text() == catalog_db.schema_revision()
    assert device_code(catalog_db.device_id) in settings.device.text()
    assert settings.version.text()


def test_back_up_now_makes_a_backup_file_appear(
    make_window: WindowFactory, catalog_db: Database, qtbot: QtBot
) -> None:
    assert catalog_db.path is not None
    before = len(list_backups(catalog_db.path))
    window = make_window("zh_CN")
    window.show_page(Page.SETTINGS)
    panel = window.settings_page.backups
    with qtbot.waitSignal(window.backups.finished, timeout=10_000):
        qtbot.mouseClick(panel.back_up_button, Qt.MouseButton.LeftButton)
    backups = list_backups(catalog_db.path)
    assert len(backups) == before + 1
    assert backups[0].path.is_file()
    qtbot.waitUntil(lambda: panel.table.rowCount() == before + 1, timeout=3000)
    assert "备份已保存" in panel.result.text()
    assert "备份" in window.statusBar().currentMessage()


def test_a_failed_backup_is_shown_in_the_status_bar_not_a_crash(
    make_window: WindowFactory,
    catalog_db: Database,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("catalog_app.store.backups.make_backup", broken)
    window = make_window("en")
    with qtbot.waitSignal(window.backups.failed, timeout=10_000):
        assert window.backups.back_up_now()
    assert "No space left on device" in window.statusBar().currentMessage()
    assert window.isVisible()


def test_periodic_backups_run_on_a_timer(
    gui_app: object, catalog_db: Database, qtbot: QtBot
) -> None:
    from catalog_app.ui.app_state import AppState
    from catalog_app.ui.i18n import LanguageManager
    from catalog_app.ui.main_window import MainWindow

    state = AppState(catalog_db, LanguageManager(gui_app, "en"))  # type: ignore[arg-type]
    window = MainWindow(state, backup_interval_ms=50)
    qtbot.addWidget(window)
    assert window.backups.timer.isActive()
    with qtbot.waitSignal(window.backups.finished, timeout=10_000):
        pass
    window.close()
    state.tasks.wait(10_000)
    assert not window.backups.timer.isActive()


def test_check_integrity_runs_in_the_background_and_reports(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("en")
    window.show_page(Page.SETTINGS)
    panel = window.settings_page.backups
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Integrity check passed" in panel.result.text(), timeout=10_000)
    assert panel.check_button.isEnabled()


def test_restore_newest_good_backup_swaps_the_database_in_place(
    make_window: WindowFactory,
    catalog_db: Database,
    qtbot: QtBot,
    answer_message_boxes: Callable[..., list[str]],
) -> None:
    assert catalog_db.path is not None
    catalog_db.backup()
    with catalog_db.transaction() as session:  # typed after the backup: lost by the restore
        tractor = session.query(TruckModel).filter_by(code="QL-E49").one()
        tractor.name_en = "Renamed after the backup"
    window = make_window("en")
    assert str(window.catalog_page.model.index(0).data()) == "Renamed after the backup"
    window.show_page(Page.SETTINGS)
    panel = window.settings_page.backups
    assert panel.restore_button.isEnabled()

    seen = answer_message_boxes("Restore", "OK")
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)

    assert window.state.database is not catalog_db
    assert str(window.catalog_page.model.index(0).data()) == "Qianling E49 swap tractor"
    assert "Restored the backup" in seen[1]
    assert "kept as" in seen[1]
    kept = list(catalog_db.path.parent.glob("catalog.sqlite.damaged-*"))
    assert kept, "the replaced file is kept beside the database"


def test_cancelling_the_restore_changes_nothing(
    make_window: WindowFactory,
    catalog_db: Database,
    qtbot: QtBot,
    answer_message_boxes: Callable[..., list[str]],
) -> None:
    catalog_db.backup()
    window = make_window("en")
    window.show_page(Page.SETTINGS)
    seen = answer_message_boxes("Cancel")
    qtbot.mouseClick(window.settings_page.backups.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
    assert window.state.database is catalog_db
