"""A manager at the office opens the dashboard: the fair's figures appear (computed off the GUI
thread), follow a lead saved meanwhile and the language; "Export leads…" writes a file with
progress, can be cancelled, and is closed to staff; "Fair report…" saves the PDF."""

from __future__ import annotations

import threading
import time

import pytest
from exports_data import ExportWorld
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from catalog_app.domain.enums import LeadSource, Rating
from catalog_app.services.audit import AuditAction, recent_entries
from catalog_app.services.exports import ExportFormat
from catalog_app.services.lead_input import LeadInput
from catalog_app.services.lead_query import LeadFilter
from catalog_app.services.leads import LeadService
from catalog_app.ui.dashboard import DashboardPage
from catalog_app.ui.dashboard.export_dialog import ExportDialog

WAIT = 20_000


def open_dashboard(qtbot: QtBot, state) -> DashboardPage:  # type: ignore[no-untyped-def]
    page = DashboardPage(state)
    qtbot.addWidget(page)
    page.resize(1190, 720)
    with qtbot.waitSignal(page.figures_shown, timeout=WAIT):
        page.show()
    return page


def test_the_dashboard_shows_the_fairs_figures(qtbot, gui_state, world: ExportWorld):
    page = open_dashboard(qtbot, gui_state)
    view = page.view
    assert view is not None
    tiles = view.kpis.tiles
    assert tiles["leads"].value.text() == "12"
    assert tiles["hot"].value.text() == "3"
    assert tiles["leads"].label.text() == "线索"
    assert view.by_rating.labels == ["热", "温", "冷", "未评级"]
    assert view.by_rating.values == [3, 3, 3, 3]
    assert view.by_day.title.text() == "按日期的线索"
    assert sum(view.by_hour.values) == 12
    models = dict(zip(view.by_model.labels, view.by_model.values, strict=True))
    assert models["黔岭 D8 纯电动自卸车 8×4 423 kWh"] == 3
    staff = {view.staff_table.cell(r, 0): view.staff_table.cell(r, 1) for r in range(4)}
    assert staff["展台 小王"] == "5" and staff["经理 周敏"] == "1"
    assert view.status_table.cell(4, 0) == "合计（不含作废）"
    assert "12 条线索" in page.updated.text()


def test_a_lead_saved_elsewhere_shows_up_without_a_click(qtbot, gui_state, world):
    page = open_dashboard(qtbot, gui_state)
    page.timer.setInterval(100)
    page.timer.start()
    LeadService(world.database).save(
        LeadInput(person_name="赵六", company="六盘水运输公司", mobile="13800000011"),
        source=LeadSource.IMPORT,
    )
    qtbot.waitUntil(lambda: page.view.kpis.tiles["leads"].value.text() == "13", timeout=WAIT)


def test_switching_to_english_relabels_the_charts(qtbot, gui_state):
    page = open_dashboard(qtbot, gui_state)
    gui_state.languages.set_language("en")
    qtbot.waitUntil(lambda: page.view.by_day.title.text() == "Leads by day", timeout=WAIT)
    assert page.view.by_rating.labels == ["Hot", "Warm", "Cold", "Unrated"]
    assert page.export_button.text() == "Export leads…"


def test_staff_cannot_export_but_a_manager_can(qtbot, gui_state, world, out):
    page = open_dashboard(qtbot, gui_state)
    gui_state.sign_in(world.staff)
    assert not page.export_button.isEnabled()
    assert "经理" in page.export_button.toolTip()
    gui_state.sign_in(world.manager)
    assert page.export_button.isEnabled()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.export_dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: "12" in dialog.count_label.text(), timeout=WAIT)
    dialog.path.setText(str(out / "线索.xlsx"))
    with qtbot.waitSignal(page.figures_shown, timeout=WAIT):  # the page refreshes afterwards
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=WAIT)
    assert (out / "线索.xlsx").stat().st_size > 5000
    assert "已导出 12 条线索" in dialog.status.text()
    [entry] = recent_entries(world.database, action=AuditAction.EXPORT)
    assert entry.detail["rows"] == 12 and entry.staff_id == world.manager.id


def test_staff_see_why_the_export_dialog_will_not_export(qtbot, gui_state, world):
    gui_state.sign_in(world.staff)
    dialog = ExportDialog(gui_state)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.export_button.isEnabled()
    assert dialog.notice.isVisible() and "经理" in dialog.notice.text()


def test_the_dialog_starts_from_the_lead_lists_filter(qtbot, gui_state, world, out):
    initial = LeadFilter(text="刘", ratings=frozenset({Rating.HOT}), industries=frozenset({"x"}))
    dialog = ExportDialog(gui_state, initial)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.filters.models.items.count() > 0, timeout=WAIT)
    assert dialog.filters.rating_boxes[Rating.HOT].isChecked()
    assert "搜索“刘”" in dialog.filters.kept_label.text()
    assert dialog.filters.current_filter() == initial
    qtbot.waitUntil(lambda: "0 条线索" in dialog.count_label.text(), timeout=WAIT)
    qtbot.mouseClick(dialog.filters.drop_kept, Qt.MouseButton.LeftButton)
    assert dialog.filters.current_filter() == LeadFilter(ratings=frozenset({Rating.HOT}))
    qtbot.waitUntil(lambda: "3 条线索" in dialog.count_label.text(), timeout=WAIT)


def test_choosing_a_format_changes_the_file_name_and_encoding(qtbot, gui_state):
    dialog = ExportDialog(gui_state)
    qtbot.addWidget(dialog)
    dialog.path.setText("/tmp/fair/leads.xlsx")
    dialog.format.setCurrentIndex(dialog.format.findData(ExportFormat.CSV))
    assert dialog.path.text() == "/tmp/fair/leads.csv"
    assert dialog.encoding.isEnabled() and dialog.encoding.currentText().startswith("UTF-8 带 BOM")
    dialog.format.setCurrentIndex(dialog.format.findData(ExportFormat.SALESFORCE))
    assert dialog.encoding.currentText().startswith("UTF-8 不带 BOM")
    dialog.format.setCurrentIndex(dialog.format.findData(ExportFormat.VCARD))
    assert dialog.path.text() == "/tmp/fair/leads.vcf" and not dialog.encoding.isEnabled()


def test_cancelling_a_long_export_leaves_no_file(qtbot, gui_state, out, monkeypatch):
    from catalog_app.ui.dashboard import export_dialog as module

    real = module.export_leads
    started = threading.Event()

    def slow(database, request, *, actor, progress, is_cancelled):  # type: ignore[no-untyped-def]
        def report(done, total, phase):  # type: ignore[no-untyped-def]
            progress(done, total, phase)
            started.set()
            deadline = time.monotonic() + 10
            while not is_cancelled() and time.monotonic() < deadline:
                time.sleep(0.01)  # a big file: each batch takes a while

        return real(database, request, actor=actor, progress=report, is_cancelled=is_cancelled)

    monkeypatch.setattr(module, "export_leads", slow)
    dialog = ExportDialog(gui_state)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(out / "leads.xlsx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    # The progress report is queued to the GUI thread: wait for it, not only for the worker.
    qtbot.waitUntil(dialog.progress.isVisible, timeout=WAIT)
    assert dialog.cancel_button.text() == "取消"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已取消" in dialog.status.text(), timeout=WAIT)
    assert list(out.iterdir()) == []
    assert dialog.cancel_button.text() == "关闭" and dialog.export_button.isEnabled()


def test_an_existing_file_is_replaced_only_when_the_manager_agrees(
    qtbot, gui_state, out, answer_boxes
):
    target = out / "leads.csv"
    target.write_text("keep me", encoding="utf-8")
    dialog = ExportDialog(gui_state)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData(ExportFormat.CSV))
    dialog.path.setText(str(target))
    answer_boxes("保留原文件")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert target.read_text(encoding="utf-8") == "keep me" and dialog.task is None
    answer_boxes("替换")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=WAIT)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_failed_export_says_why_and_keeps_the_choices(qtbot, gui_state, out):
    dialog = ExportDialog(gui_state)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.filters.rating_boxes[Rating.HOT].setChecked(True)
    missing = out / "no-such-folder" / "leads.xlsx"
    dialog.path.setText(str(missing))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "导出失败" in dialog.status.text(), timeout=WAIT)
    assert str(missing.parent) in dialog.status.text()
    assert dialog.path.text() == str(missing)
    assert dialog.filters.rating_boxes[Rating.HOT].isChecked()


def test_fair_report_button_saves_a_pdf(qtbot, gui_state, out, monkeypatch):
    page = open_dashboard(qtbot, gui_state)
    target = out / "展会报告.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    with qtbot.waitSignal(page.message, timeout=WAIT, check_params_cb=lambda t: "已保存" in t):
        qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_main_windows_dashboard_entry_opens_the_dashboard(qtbot, gui_state, lang):
    from catalog_app.ui.main_window import MainWindow, Page

    gui_state.languages.set_language(lang)
    window = MainWindow(gui_state)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.dashboard_page.figures_shown, timeout=WAIT):
        window.show_page(Page.DASHBOARD)
    assert window.pages.currentWidget() is window.dashboard_page
    window.close()
