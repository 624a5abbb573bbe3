"""The Leads page's dialogs as a person uses them: importing a file (preview, mapping, progress,
cancel, twice, bad files), editing a lead opened from the list, and the page in the window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from leads_data import LeadWorld
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from catalog_app.domain.models import Lead
from catalog_app.ui.app_state import AppState
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.leads.lead_import_dialog import LeadImportDialog
from catalog_app.ui.leads.lead_list_model import Column
from catalog_app.ui.leads.leads_page import LeadsPage
from catalog_app.ui.main_window import MainWindow, Page

WAIT = 15_000
GOOD = (
    "姓名,单位,手机,邮箱,意向车型,数量,评级\n"
    "孙强,贵州黔北物流有限公司,13912345678,sunqiang@example.cn,QL-E49,5,热\n"
    "周丽,六盘水煤矿,13912345677,,黔岭 D31 纯电自卸车,2,温\n"
    "吴刚,安顺市政环卫,13912345679,,,,冷\n"
)


def lead_count(world: LeadWorld) -> int:
    with world.database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Lead)) or 0)


@pytest.fixture
def make_page(
    leads_app: QApplication, qtbot: QtBot, world: LeadWorld
) -> Iterator[Callable[..., LeadsPage]]:
    made: list[tuple[LeadsPage, LanguageManager]] = []

    def make(lang: str = "en", who: str | None = "manager") -> LeadsPage:
        languages = LanguageManager(leads_app, lang)
        state = AppState(world.database, languages)
        if who is not None:
            state.sign_in(getattr(world, who))
        page = LeadsPage(state)
        qtbot.addWidget(page)
        page.resize(1200, 720)
        page.show()
        page.show_list()
        qtbot.waitExposed(page)
        panel = page.list_panel
        qtbot.waitUntil(
            lambda: panel.model.rowCount() > 0 and not panel.model.is_loading, timeout=WAIT
        )
        made.append((page, languages))
        return page

    yield make
    for page, languages in made:
        page.list_panel.counts.stop_all()
        page.close()
        page._state.tasks.wait(WAIT)
        languages.set_language("en")


def open_import(page: LeadsPage) -> LeadImportDialog:
    page.list_panel.actions.import_leads.trigger()
    dialog = page.list_panel.actions.import_dialog
    assert isinstance(dialog, LeadImportDialog) and dialog.isVisible()
    return dialog


def load(qtbot: QtBot, dialog: LeadImportDialog, path: Path) -> None:
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog._task is None, timeout=WAIT)


def test_import_a_gb18030_file_with_chinese_headers_then_again(
    make_page: Callable[..., LeadsPage], qtbot: QtBot, world: LeadWorld, tmp_path: Path
) -> None:
    page = make_page()
    path = tmp_path / "登记表.csv"
    path.write_bytes(GOOD.encode("gb18030"))
    dialog = open_import(page)
    load(qtbot, dialog, path)
    assert "3 data row(s); read as gb18030." in dialog.messages.toPlainText()
    assert dialog.field_combo("姓名").currentData() == "person_name"  # type: ignore[union-attr]
    assert dialog.field_combo("意向车型").currentData() == "models"  # type: ignore[union-attr]
    assert dialog.columns.item(0, 1).text().startswith("孙强  |  周丽")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert "3 new" in dialog.messages.toPlainText()
    assert not dialog.import_button.isEnabled()
    panel = page.list_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 10, timeout=WAIT)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    again = open_import(page)
    load(qtbot, again, path)
    qtbot.mouseClick(again.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.report is not None, timeout=WAIT)
    assert "0 new, 3 imported before" in again.messages.toPlainText()
    assert lead_count(world) == 10


def test_a_bad_file_lists_row_and_column_and_nothing_is_written(
    make_page: Callable[..., LeadsPage], qtbot: QtBot, world: LeadWorld, tmp_path: Path
) -> None:
    page = make_page(lang="zh_CN")
    path = tmp_path / "bad.csv"
    path.write_text("姓名,手机,评级\n郑一,12345,热\n,13912345670,也许\n", encoding="utf-8-sig")
    dialog = open_import(page)
    load(qtbot, dialog, path)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "未写入任何数据" in dialog.messages.toPlainText(), timeout=WAIT)
    text = dialog.messages.toPlainText()
    assert "第 2 行，“手机”列" in text and "第 3 行，“评级”列" in text
    assert "第 3 行，“姓名”列" in text
    assert dialog.import_button.isEnabled()  # fix the file and try again
    assert lead_count(world) == 7


def test_a_column_the_app_does_not_know_can_be_chosen_by_hand(
    make_page: Callable[..., LeadsPage], qtbot: QtBot, world: LeadWorld, tmp_path: Path
) -> None:
    page = make_page()
    path = tmp_path / "other.csv"
    path.write_text("联系人,对方单位全称\n冯七,冯氏运输\n", encoding="utf-8")
    dialog = open_import(page)
    load(qtbot, dialog, path)
    assert "No name or company column" not in dialog.messages.toPlainText()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "row 2" in dialog.messages.toPlainText(), timeout=WAIT)
    assert "Enter at least one of mobile" in dialog.messages.toPlainText()
    path.write_text("联系人,单位全称,联系人手机号\n冯七,冯氏运输,13912345604\n", encoding="utf-8")
    load(qtbot, dialog, path)
    combo = dialog.field_combo("单位全称")
    assert combo is not None and combo.currentData() == "ignore"
    combo.setCurrentIndex(combo.findData("company"))
    qtbot.waitUntil(
        lambda: dialog._task is None and dialog.mapping.get("单位全称") == "company", timeout=WAIT
    )
    phone = dialog.field_combo("联系人手机号")
    assert phone is not None
    phone.setCurrentIndex(phone.findData("mobile"))
    qtbot.waitUntil(
        lambda: dialog._task is None and dialog.mapping.get("联系人手机号") == "mobile",
        timeout=WAIT,
    )
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    with world.database.sessions() as session:
        feng = session.scalar(select(Lead).where(Lead.person_name == "冯七"))
        assert feng is not None and feng.company == "冯氏运输" and feng.mobile == "13912345604"


def test_an_import_can_be_cancelled_and_writes_nothing(
    make_page: Callable[..., LeadsPage], qtbot: QtBot, world: LeadWorld, tmp_path: Path
) -> None:
    page = make_page()
    rows = "\n".join(f"访客{i},公司{i},139{i:08d}" for i in range(600))
    path = tmp_path / "many.csv"
    path.write_text("姓名,单位,手机\n" + rows + "\n", encoding="utf-8")
    dialog = open_import(page)
    load(qtbot, dialog, path)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.cancel_button.isVisible() and not dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cancelled" in dialog.messages.toPlainText(), timeout=WAIT)
    assert lead_count(world) == 7 and dialog.report is None


def test_staff_are_told_that_only_managers_import(
    make_page: Callable[..., LeadsPage], message_answers: Callable[..., list[str]], qtbot: QtBot
) -> None:
    page = make_page(who="staff")
    assert not page.list_panel.actions.import_leads.isEnabled()
    seen = message_answers("OK")
    page.list_panel.actions.open_import()
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT)
    assert "Only a manager" in seen[0]


def test_open_a_lead_from_the_list_fix_it_and_save(
    make_page: Callable[..., LeadsPage], qtbot: QtBot, world: LeadWorld
) -> None:
    page = make_page()
    panel = page.list_panel
    names = [panel.model.index(r, Column.NAME).data() for r in range(panel.model.rowCount())]
    row = names.index("王芳")
    rect = panel.view.visualRect(panel.model.index(row, Column.NAME))
    # a double click is a click and then a second, quick one (QTest sends the second alone)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: page.edit_dialog is not None and page.edit_dialog.isVisible(), timeout=WAIT
    )
    dialog = page.edit_dialog
    assert dialog is not None
    email = dialog.editors["email"]
    title = dialog.editors["title"]
    qtbot.keyClicks(email, "wangfang-at-example")
    qtbot.keyClicks(title, "fleet manager")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["email"].isVisible(), timeout=WAIT)
    assert dialog.errors["email"].text() == "Not a valid e-mail address."
    assert email.text() == "wangfang-at-example" and title.text() == "fleet manager"  # kept
    email.setText("")
    qtbot.keyClicks(email, "wangfang@example.cn")
    dialog.rating.setCurrentIndex(dialog.rating.findText("Hot"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.edit_dialog is None, timeout=WAIT)  # closed and deleted
    qtbot.waitUntil(
        lambda: panel.model.index(row, Column.EMAIL).data() == "wangfang@example.cn", timeout=WAIT
    )
    assert panel.model.index(row, Column.RATING).data() == "Hot"
    with world.database.sessions() as session:
        lead = session.get(Lead, world.leads["wang"])
        assert (
            lead is not None and lead.title == "fleet manager" and lead.consent_version == "2026-1"
        )


def test_the_leads_page_in_the_window_in_both_languages(
    leads_app: QApplication, qtbot: QtBot, world: LeadWorld
) -> None:
    languages = LanguageManager(leads_app, "zh_CN")
    state = AppState(world.database, languages)
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_page(Page.LEADS)
        page = window.leads_page
        assert window.pages.currentWidget() is page
        assert [page.tabs.tabText(i) for i in range(2)] == ["采集", "全部线索"]
        assert page.tabs.widget(0) is window.capture_form
        page.show_list()
        qtbot.waitUntil(lambda: page.list_panel.model.rowCount() == 7, timeout=WAIT)
        languages.set_language("en")
        qtbot.waitUntil(lambda: page.tabs.tabText(0) == "Capture", timeout=WAIT)
        assert page.tabs.tabText(1) == "All leads"
        assert page.list_panel.filters.rating.itemText(1) == "Hot"
    finally:
        window.close()
        state.tasks.wait(WAIT)
        languages.set_language("en")
