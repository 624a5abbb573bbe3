"""The Sync page, driven like a person: export a package, dry-run then merge, cancel, refusals."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from sync_data import add_lead, contents

from catalog_app.domain.enums import StaffRole
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.services.sync.package import export_package
from catalog_app.store.database import Database
from catalog_app.ui.app_state import AppState
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.sync import merge_dialog as merge_dialog_module
from catalog_app.ui.sync.merge_dialog import MergeDialog
from catalog_app.ui.sync.sync_page import SyncPage

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def compiled_translations() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def office(manager_db: Any) -> Database:
    database: Database = manager_db[0]
    return database


@pytest.fixture
def manager(manager_db: Any) -> StaffMember:
    member: StaffMember = manager_db[1]
    return member


@pytest.fixture
def make_page(qapp: QApplication, qtbot: QtBot, office: Database) -> Iterator[Any]:
    made: list[tuple[SyncPage, LanguageManager]] = []

    def make(lang: str = "en", staff: StaffMember | None = None) -> SyncPage:
        languages = LanguageManager(qapp, lang)
        state = AppState(office, languages)
        if staff is not None:
            state.sign_in(staff)
        page = SyncPage(state)
        qtbot.addWidget(page)
        page.resize(1000, 900)
        page.show()
        qtbot.waitExposed(page)
        made.append((page, languages))
        return page

    yield make
    for page, languages in made:
        page._state.tasks.cancel_all()
        page._state.tasks.wait(20_000)
        languages.set_language("en")


def _packages(make_device: Any, usb: Path, leads_per_booth: int = 3) -> list[Path]:
    paths = []
    for n in range(2):
        booth = make_device(f"booth-{n}")
        for index in range(leads_per_booth):
            add_lead(booth, f"展台{n}客户{index}", mobile=f"+861380013{n}{index:03d}")
        add_lead(booth, "同一个人", mobile="+8613900139000")
        paths.append(export_package(booth, usb, actor=None).path)
    return paths


def _merge_dialog(page: SyncPage, paths: list[Path], qtbot: QtBot) -> MergeDialog:
    dialog = page.merge(paths)
    assert dialog is not None
    qtbot.waitUntil(
        lambda: dialog.dry_summary is not None or dialog.error.isVisible(), timeout=20_000
    )
    return dialog


def test_a_manager_reads_the_dry_run_then_merges_two_booth_packages(
    make_page: Any,
    make_device: Any,
    usb_stick: Path,
    office: Database,
    manager: StaffMember,
    qtbot: QtBot,
) -> None:
    paths = _packages(make_device, usb_stick)
    page = make_page("en", manager)
    before = contents(office)
    dialog = _merge_dialog(page, paths, qtbot)
    text = dialog.report.toPlainText()
    assert "Dry run" in text and "leads: 4 new" in text
    assert "Possible duplicate people (same mobile or e-mail): 1 pair(s)" in text
    assert contents(office) == before
    assert dialog.apply_button.isEnabled()

    with qtbot.waitSignal(dialog.merged, timeout=20_000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "Merged:" in dialog.report.toPlainText()
    assert not dialog.apply_button.isVisible()
    assert len(contents(office)["lead"]) == 8
    qtbot.waitUntil(lambda: page.log_box.table.rowCount() == 2, timeout=10_000)
    assert page.log_box.table.item(0, 1).text() == "Package merged"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_the_chinese_page_and_dialog_speak_chinese(
    make_page: Any, make_device: Any, usb_stick: Path, manager: StaffMember, qtbot: QtBot
) -> None:
    page = make_page("zh_CN", manager)
    assert page.title.text() == "同步"
    assert page.merge_button.text() == "合并同步包…"
    dialog = _merge_dialog(page, _packages(make_device, usb_stick, 1), qtbot)
    assert "试运行" in dialog.report.toPlainText()
    assert dialog.apply_button.text().replace("&", "") == "合并(M)" or "合并" in (
        dialog.apply_button.text()
    )
    dialog.reject()


def test_staff_may_export_but_not_merge_or_sync_and_the_page_says_why(
    make_page: Any, office: Database, manager: StaffMember
) -> None:
    staff = AccountService(office).create_staff("小李", StaffRole.STAFF, "1357", actor=manager)
    page = make_page("en", staff)
    assert page.export_box.export_button.isEnabled()
    assert not page.merge_button.isEnabled()
    assert "Managers only" in page.merge_hint.text() and page.merge_hint.isVisible()
    assert not page.server_box.push_button.isEnabled()
    assert not page.server_box.pull_button.isEnabled()
    page._state.sign_in(None)
    assert not page.export_box.export_button.isEnabled()
    assert "Sign in first" in page.export_box.hint.text()


def test_a_booth_exports_its_package_to_the_usb_stick(
    make_page: Any,
    office: Database,
    manager: StaffMember,
    usb_stick: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_lead(office, "张三")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(usb_stick))
    page = make_page("en", manager)
    with qtbot.waitSignal(page.export_box.exported, timeout=20_000):
        qtbot.mouseClick(page.export_box.export_button, Qt.MouseButton.LeftButton)
    written = list(usb_stick.glob("*.catpkg"))
    assert len(written) == 1
    assert written[0].name in page.export_box.result.text()
    assert "1 lead" in page.export_box.result.text()
    assert page.export_box.show_button.isVisible()


def test_cancelling_the_merge_half_way_changes_nothing(
    make_page: Any,
    make_device: Any,
    usb_stick: Path,
    office: Database,
    manager: StaffMember,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = _packages(make_device, usb_stick, leads_per_booth=30)
    monkeypatch.setattr("catalog_app.services.sync.apply_table.CHUNK_ROWS", 2)
    real_merge = merge_dialog_module.merge_opened
    reached = threading.Event()

    def slow_merge(*args: Any, progress: Any = None, **kwargs: Any) -> Any:
        def slowly(done: int, total: int, text: str) -> None:
            if not kwargs.get("dry_run") and "lead" in text:
                reached.set()
                time.sleep(0.05)
            if progress is not None:
                progress(done, total, text)

        return real_merge(*args, progress=slowly, **kwargs)

    monkeypatch.setattr(merge_dialog_module, "merge_opened", slow_merge)
    page = make_page("en", manager)
    dialog = _merge_dialog(page, paths, qtbot)
    before = contents(office)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=20_000)
    assert dialog.close_button.text() == "Cancel"
    qtbot.mouseClick(dialog.progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert "nothing was changed" in dialog.error.text()
    assert contents(office) == before
    assert dialog.apply_button.isEnabled()  # it can still be merged for real


def test_a_damaged_package_is_refused_in_the_dialog_with_its_reason(
    make_page: Any, make_device: Any, usb_stick: Path, manager: StaffMember, qtbot: QtBot
) -> None:
    good = _packages(make_device, usb_stick, 1)[0]
    broken = usb_stick / "broken.catpkg"
    broken.write_bytes(good.read_bytes()[:-500])
    page = make_page("zh_CN", manager)
    dialog = _merge_dialog(page, [good, broken], qtbot)
    assert dialog.error.isVisible()
    assert "broken.catpkg" in dialog.error.text() and "没有任何改动" in dialog.error.text()
    assert not dialog.apply_button.isEnabled()
    dialog.reject()


def test_push_without_an_address_says_so_at_the_field(
    make_page: Any, manager: StaffMember, qtbot: QtBot
) -> None:
    page = make_page("en", manager)
    box = page.server_box
    box.url.clear()
    qtbot.mouseClick(box.push_button, Qt.MouseButton.LeftButton)
    assert box.url_error.isVisible() and "postgresql://" in box.url_error.text()
    qtbot.keyClicks(box.url, "postgresql://")
    assert not box.url_error.isVisible()


@pytest.mark.postgres
def test_a_manager_pushes_from_the_page_and_the_address_is_remembered(
    make_page: Any,
    office: Database,
    manager: StaffMember,
    postgres_empty_url: str,
    qtbot: QtBot,
) -> None:
    add_lead(office, "张三")
    page = make_page("en", manager)
    box = page.server_box
    box.url.setText(postgres_empty_url)
    with qtbot.waitSignal(box.synced, timeout=30_000):
        qtbot.mouseClick(box.push_button, Qt.MouseButton.LeftButton)
    assert "Pushed to" in box.result.text()
    with qtbot.waitSignal(box.synced, timeout=30_000):
        qtbot.mouseClick(box.pull_button, Qt.MouseButton.LeftButton)
    assert "pull" in box.result.text().lower()
    from catalog_app.services.sync.history import remembered_server

    assert remembered_server(office).startswith("postgresql")
    qtbot.waitUntil(lambda: page.log_box.table.rowCount() >= 2, timeout=10_000)


def test_the_window_has_a_sync_page_in_its_navigation(
    qapp: QApplication, qtbot: QtBot, office: Database, manager: StaffMember
) -> None:
    from catalog_app.ui.main_window import MainWindow, Page

    languages = LanguageManager(qapp, "zh_CN")
    state = AppState(office, languages)
    state.sign_in(manager)
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.nav_labels()[Page.SYNC] == "同步"
        window.show_page(Page.SYNC)
        assert window.pages.currentWidget() is window.sync_page
        assert window.sync_page.merge_button.isEnabled()
        window.sync_page.message.emit("已合并")
        assert window.statusBar().currentMessage() == "已合并"
    finally:
        window.close()
        state.tasks.wait(20_000)
        languages.set_language("en")
