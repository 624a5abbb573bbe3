"""The Intents page as the booth uses it: start a form from a lead, add a truck, watch the totals,
fix what is refused, save, preview, print several forms (and cancel), revise a printed form,
mark signed, cancel, get an unsaved form back after a crash — in English and Chinese."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from intent_gui_helpers import answer_box, type_text, visible, when_dialog
from intent_test_data import lead_id
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from catalog_app.domain.enums import IntentStatus
from catalog_app.services.intents import IntentService
from catalog_app.store.database import Database
from catalog_app.ui.intents import intent_actions
from catalog_app.ui.intents.intent_list_model import Column
from catalog_app.ui.intents.intents_page import IntentsPage
from catalog_app.ui.intents.lines_model import LineColumn
from catalog_app.ui.intents.note_dialog import NoteDialog
from catalog_app.ui.intents.pickers import LeadPickerDialog, ModelPickerDialog
from catalog_app.ui.intents.preview_dialog import PreviewDialog


def _page(window: QWidget) -> IntentsPage:
    page = window.intents_page  # type: ignore[attr-defined]
    assert isinstance(page, IntentsPage)
    return page


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _select(page: IntentsPage, *references: str) -> None:
    selection = page.view.selectionModel()
    selection.clearSelection()
    for row in range(page.model.rowCount()):
        summary = page.model.summary(row)
        if summary is not None and summary.reference in references:
            selection.select(
                page.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def _status_of(database: Database, reference: str) -> IntentStatus:
    return IntentService(database).find(reference).status


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_create_from_a_lead_add_a_truck_see_totals_fix_save_and_preview(
    intent_window, qtbot: QtBot, fair_db: Database
) -> None:
    page = _page(intent_window("en"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)

    def choose_lead(dialog: QWidget) -> None:
        assert isinstance(dialog, LeadPickerDialog)
        qtbot.keyClicks(dialog.search, "13900000102")  # the buyer's mobile
        dialog.reload()
        if dialog.results.count() == 1:  # (a failed assert here would abort Qt's event loop)
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        else:
            dialog.reject()

    when_dialog(LeadPickerDialog, choose_lead)
    _click(qtbot, page.new_from_lead_button)
    editor = page.editor
    qtbot.waitUntil(lambda: page.stack.currentWidget() is editor, timeout=5000)
    assert editor.fields.buyer_company.text() == "黔西示例煤业有限公司（示例）"
    vehicles = editor.vehicles
    assert vehicles.model.rowCount() == 1
    assert "20 unit(s) · ¥15,360,000.00" in vehicles.totals.text()
    assert "壹仟伍佰叁拾陆万元整" in vehicles.words.text()

    def choose_model(dialog: QWidget) -> None:
        assert isinstance(dialog, ModelPickerDialog)
        dialog.search.setText("M8 纯电动搅拌车")  # as an input method commits Chinese
        dialog.reload()
        if dialog.results.count() == 1:
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        else:
            dialog.reject()

    when_dialog(ModelPickerDialog, choose_model)
    _click(qtbot, vehicles.add_model)
    qtbot.waitUntil(lambda: vehicles.model.rowCount() == 2, timeout=5000)
    quantity = vehicles.model.index(1, LineColumn.QUANTITY)
    vehicles.table.setCurrentIndex(quantity)
    vehicles.table.edit(quantity)  # as a double-click on the cell does
    qtbot.waitUntil(lambda: vehicles.table.viewport().findChild(QSpinBox) is not None)
    spin = vehicles.table.viewport().findChild(QSpinBox)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "3")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: vehicles.model.lines[1].quantity == 3, timeout=3000)
    # 20 × 768,000 + 3 × 788,000
    assert "23 unit(s) · ¥17,724,000.00" in vehicles.totals.text()
    assert "壹仟柒佰柒拾贰万肆仟元整" in vehicles.words.text()

    qtbot.keyClicks(editor.fields.buyer_credit_code, "91522300MA6EXAM029")  # wrong check char
    _click(qtbot, editor.header.save)
    box = editor.fields.boxes["buyer_credit_code"]
    assert box.error.isVisible() and "check character" in box.error.text()
    assert editor.fields.buyer_credit_code.text() == "91522300MA6EXAM029"  # still there
    assert editor.record is None
    editor.fields.buyer_credit_code.clear()
    qtbot.keyClicks(editor.fields.buyer_credit_code, "91522300MA6EXAM028")
    qtbot.waitUntil(lambda: not box.error.isVisible(), timeout=3000)  # checked as you type
    _click(qtbot, editor.header.save)
    assert editor.record is not None
    record = editor.record
    assert record.reference in editor.header.title.text()
    saved = IntentService(fair_db).get(record.id)
    assert [line.quantity for line in saved.data.lines] == [20, 3]
    assert saved.data.buyer_credit_code == "91522300MA6EXAM028"

    _click(qtbot, editor.header.preview)
    qtbot.waitUntil(lambda: visible(PreviewDialog) is not None, timeout=15000)
    preview = visible(PreviewDialog)
    assert isinstance(preview, PreviewDialog)
    qtbot.waitUntil(lambda: preview.page_count >= 2, timeout=5000)
    assert record.reference in preview.windowTitle()
    preview.close()
    _click(qtbot, editor.header.back)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.list_panel, timeout=3000)
    assert page.model.row_of(record.id) >= 0


def test_printing_several_forms_makes_one_job_with_every_page_and_marks_drafts_printed(
    intent_window, qtbot: QtBot, fair_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(intent_window("en"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)
    target = tmp_path / "printed.pdf"
    monkeypatch.setattr(page.actions, "choose_printer", lambda count: _pdf_printer(target))
    _select(page, "ZNSW-SAMPLE-0003", "QLHT-SAMPLE-0002")
    assert page.print_button.text() == "Print 2 forms…"
    with qtbot.waitSignal(page.actions.changed, timeout=60000):
        _click(qtbot, page.print_button)
    expected = sum(
        len(PdfReader(io_bytes).pages)
        for io_bytes in (
            _rendered(fair_db, "ZNSW-SAMPLE-0003"),
            _rendered(fair_db, "QLHT-SAMPLE-0002"),
        )
    )
    assert len(PdfReader(str(target)).pages) == expected
    assert _status_of(fair_db, "ZNSW-SAMPLE-0003") is IntentStatus.PRINTED  # was a draft
    assert _status_of(fair_db, "QLHT-SAMPLE-0002") is IntentStatus.PRINTED
    row = page.model.row_of(IntentService(fair_db).find("ZNSW-SAMPLE-0003").id)
    assert page.model.index(row, Column.STATUS).data() == "Printed"


def _rendered(database: Database, reference: str):  # type: ignore[no-untyped-def]
    import io

    from catalog_app.services.intent_render import IntentRenderer

    return io.BytesIO(IntentRenderer(database).render(IntentService(database).find(reference).id))


def test_a_cancelled_batch_print_marks_nothing_printed(
    intent_window, qtbot: QtBot, fair_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(intent_window("en"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)
    monkeypatch.setattr(
        page.actions, "choose_printer", lambda count: _pdf_printer(tmp_path / "x.pdf")
    )
    original = intent_actions.print_pdfs
    reached = threading.Event()

    def slow_printer(printer, documents, *, cancelled, progress=None):  # type: ignore[no-untyped-def]
        reached.set()
        for _ in range(500):  # the person presses Cancel while the job runs
            if cancelled():
                break
            threading.Event().wait(0.02)
        return original(printer, documents, cancelled=cancelled, progress=progress)

    monkeypatch.setattr(intent_actions, "print_pdfs", slow_printer)
    _select(page, "ZNSW-SAMPLE-0003")
    _click(qtbot, page.print_button)
    qtbot.waitUntil(reached.is_set, timeout=30000)
    progress = page.actions.progress
    assert isinstance(progress, QProgressDialog) and progress.isVisible()
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    with qtbot.waitSignal(page.actions.message, timeout=30000) as said:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert "nothing was marked printed" in said.args[0]
    assert _status_of(fair_db, "ZNSW-SAMPLE-0003") is IntentStatus.DRAFT


def test_editing_a_printed_form_saves_revision_2_and_keeps_the_printed_one(
    intent_window, qtbot: QtBot, fair_db: Database
) -> None:
    page = _page(intent_window("en"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)
    _select(page, "QLHT-SAMPLE-0002")
    _click(qtbot, page.open_button)
    editor = page.editor
    assert "saving changes makes revision 2" in editor.header.banner.text()
    type_text(editor.fields.buyer_address, "（补充）")
    assert editor.header.title.text().endswith("*")
    _click(qtbot, editor.header.save)
    assert editor.record is not None and editor.record.revision == 2
    assert "revision 2" in editor.header.title.text()
    revisions = IntentService(fair_db).revisions("QLHT-SAMPLE-0002")
    assert [(r.revision, r.status) for r in revisions] == [
        (1, IntentStatus.PRINTED),
        (2, IntentStatus.DRAFT),
    ]
    assert not revisions[0].data.buyer_address.endswith("（补充）")


def test_mark_signed_and_cancel_from_the_list_with_a_reason(
    intent_window, qtbot: QtBot, fair_db: Database
) -> None:
    page = _page(intent_window("en"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)
    _select(page, "QLHT-SAMPLE-0002")
    seen: list[str] = []
    answer_box("Mark signed", seen)
    _click(qtbot, page.signed_button)
    qtbot.waitUntil(lambda: _status_of(fair_db, "QLHT-SAMPLE-0002") is IntentStatus.SIGNED)
    assert "signed" in seen[0]

    def give_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, NoteDialog)
        type_text(dialog.editor, "买方改签其他车型")
        dialog.yes.click()

    _select(page, "QLHT-SAMPLE-0002")
    when_dialog(NoteDialog, give_reason)
    _click(qtbot, page.cancel_button)
    qtbot.waitUntil(lambda: _status_of(fair_db, "QLHT-SAMPLE-0002") is IntentStatus.CANCELLED)
    history = IntentService(fair_db).find("QLHT-SAMPLE-0002").history
    assert history[-1].note == "买方改签其他车型"
    assert not page.signed_button.isEnabled() or page.selected_summaries()[0].status is not (
        IntentStatus.PRINTED
    )


def test_the_filters_narrow_the_list(intent_window, qtbot: QtBot) -> None:
    page = _page(intent_window("en"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)
    type_text(page.filters.search, "煤业")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    page.filters.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=3000)
    page.filters.status.setCurrentIndex(page.filters.status.findData("draft"))
    assert sorted(page.model.summary(r).reference for r in range(page.model.rowCount())) == [  # type: ignore[union-attr]
        "QLHT-SAMPLE-0005",
        "ZNSW-SAMPLE-0003",
    ]
    assert "2" in page.count.text()


def test_an_unsaved_form_is_offered_back_after_a_crash(
    intent_window, qtbot: QtBot, fair_db: Database
) -> None:
    window = intent_window("en")
    page = _page(window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)
    page.new_from_lead(lead_id("S-001"))
    editor = page.editor
    with qtbot.waitSignal(editor.drafts.written, timeout=10000):
        type_text(editor.fields.buyer_address, "贵阳市观山湖区示例路 9 号")
    # The booth laptop loses power: a new window on the same file.
    answer_box("Open it")
    second = _page(intent_window("en"))
    qtbot.waitUntil(lambda: second.stack.currentWidget() is second.editor, timeout=5000)
    assert second.editor.fields.buyer_address.text() == "贵阳市观山湖区示例路 9 号"
    assert second.editor.fields.buyer_company.text() == "贵州示例物流有限公司（示例）"
    assert second.editor.dirty


def test_the_page_speaks_chinese(intent_window, qtbot: QtBot) -> None:
    page = _page(intent_window("zh_CN"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)
    assert page.title.text() == "购车意向书"
    assert page.new_from_lead_button.text() == "从线索新建…"
    assert page.model.headerData(Column.BUYER, Qt.Orientation.Horizontal) == "买方"
    statuses = {page.model.index(r, Column.STATUS).data() for r in range(page.model.rowCount())}
    assert statuses == {"草稿", "已打印", "已签署", "已作废"}
    page.new_blank()
    editor = page.editor
    assert editor.header.save.text() == "保存"
    assert editor.fields.buyer_group.title().startswith("买方")
