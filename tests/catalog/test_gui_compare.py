"""Staff put up to four trucks side by side: differences tinted, the better value marked, identical
rows hidden on request, and the comparison saved or printed as a PDF."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from catalog_app.ui.catalog import CompareBasket, CompareView
from catalog_app.ui.catalog.compare_model import CompareRole
from tests.catalog.gui_helpers import click, click_compare_chip, open_page


def compare_three(qtbot: QtBot, state: object):  # type: ignore[no-untyped-def]
    page = open_page(qtbot, state, 1600, 900)
    for code in ("GZ-T1", "QL-T2", "QL-H1"):
        click_compare_chip(qtbot, page.browser, code)
    qtbot.waitUntil(lambda: len(page.basket) == 3)
    click(qtbot, page.tray.compare_button)
    qtbot.waitUntil(lambda: page.compare_view.isVisible(), timeout=2000)
    return page, page.compare_view


def cell(view: CompareView, field_key: str, column: int, role: int = 0):  # type: ignore[no-untyped-def]
    row = view.model.row_of_field(field_key)
    assert row >= 0, field_key
    return view.model.index(row, column).data(role)


def test_the_comparison_marks_what_differs_and_which_value_is_better(
    qtbot: QtBot, make_state
) -> None:  # type: ignore[no-untyped-def]
    _page, view = compare_three(qtbot, make_state("zh_CN"))
    model = view.model
    assert model.columnCount() == 4
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "参数",
        "贵州牌 换电牵引车 6×4",
        "黔岭 K7 充电牵引车",
        "黔岭 H7 氢燃料电池牵引车",
    ]
    assert view.title.text() == "车型对比（3/4）"
    assert cell(view, "range_km", 0) == "续航里程"
    assert [cell(view, "range_km", c) for c in (1, 2, 3)] == ["200 km", "280 km", "✓ 460 km"]
    assert cell(view, "range_km", 3, CompareRole.BEST) is True
    assert cell(view, "range_km", 1, CompareRole.DIFFERS) is True
    assert cell(view, "energy_kwh_100km", 1) == "✓ 128 kWh/100 km"  # lower is better
    assert cell(view, "gcw_t", 1, CompareRole.DIFFERS) is False
    assert [cell(view, "gcw_t", c) for c in (1, 2, 3)] == ["49 t", "49 t", "49 t"]
    assert "price_cny" not in model.field_keys()  # shown once, in the price row at the top
    assert model.index(1, 1).data() == "✓ 46.8 万元"


def test_hide_identical_rows_leaves_only_what_differs(qtbot: QtBot, make_state) -> None:  # type: ignore[no-untyped-def]
    _page, view = compare_three(qtbot, make_state("en"))
    before = view.model.field_keys()
    assert "gcw_t" in before and "body_type" in before
    click(qtbot, view.hide_identical)
    after = view.model.field_keys()
    assert "gcw_t" not in after and "body_type" not in after
    assert "range_km" in after and "powertrain" in after
    assert all(
        view.model.index(view.model.row_of_field(k), 0).data(CompareRole.DIFFERS) for k in after
    )
    click(qtbot, view.hide_identical)
    assert view.model.field_keys() == before


def test_removing_a_truck_from_the_table_and_opening_another_ones_page(
    qtbot: QtBot, make_state
) -> None:  # type: ignore[no-untyped-def]
    page, view = compare_three(qtbot, make_state("zh_CN"))
    removes = view.table.findChildren(QPushButton, "compareRemove")
    assert [b.text() for b in removes] == ["移除"] * 3
    click(qtbot, removes[0])
    qtbot.waitUntil(lambda: view.model.columnCount() == 3, timeout=2000)
    assert view.title.text() == "车型对比（2/4）"
    details = view.table.findChildren(QPushButton, "compareDetails")
    click(qtbot, details[-1])
    qtbot.waitUntil(lambda: not page.is_comparing(), timeout=2000)
    qtbot.waitUntil(lambda: page.model_page.sheet is not None, timeout=2000)
    assert page.model_page.sheet.model.code == "QL-H1"


def test_saving_the_comparison_as_pdf_writes_the_file_off_the_gui_thread(
    qtbot: QtBot, make_state, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _page, view = compare_three(qtbot, make_state("zh_CN"))
    target = tmp_path / "给客户" / "对比"  # no suffix typed: .pdf is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF (*.pdf)")
    )
    with qtbot.waitSignal(view.pdf_written, timeout=15_000) as written:
        click(qtbot, view.save_button)
    path = written.args[0]
    assert path == target.with_suffix(".pdf") and path.is_file()
    text = PdfReader(path).pages[0].extract_text()
    assert "车型对比" in text and "黔岭 K7 充电牵引车" in text
    assert view.saved_label.isVisible() and str(path) in view.saved_label.text()
    assert view.open_saved.text() == "打开 PDF"


def test_a_pdf_that_cannot_be_written_is_explained_and_the_comparison_stays(
    qtbot: QtBot, make_state, tmp_path: Path, answer_message_boxes
) -> None:  # type: ignore[no-untyped-def]
    _page, view = compare_three(qtbot, make_state("en"))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    seen = answer_message_boxes("OK")
    view.save_pdf(blocker / "comparison.pdf")
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=15_000)
    assert seen[0].startswith("The PDF could not be written")
    assert view.model.columnCount() == 4 and view.save_button.isEnabled()


def test_printing_prints_the_same_pdf_page_by_page(
    qtbot: QtBot, make_state, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _page, view = compare_three(qtbot, make_state("zh_CN"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    with qtbot.waitSignal(view.message, timeout=15_000) as said:
        view.print_to(printer)
    assert said.args[0].startswith("已发送") and said.args[0].endswith("页到打印机。")
    assert printed.is_file() and len(PdfReader(printed).pages) >= 2


def test_an_empty_comparison_explains_how_to_add_trucks(qtbot: QtBot, make_state) -> None:  # type: ignore[no-untyped-def]
    page, view = compare_three(qtbot, make_state("zh_CN"))
    click(qtbot, view.clear_button)
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.empty_label, timeout=2000)
    assert "最多可加入 4 款" in view.empty_label.text()
    assert not view.save_button.isEnabled()
    click(qtbot, view.back_button)
    assert not page.is_comparing()


def test_the_kiosk_comparison_has_big_targets_and_no_files(qtbot: QtBot, make_state) -> None:  # type: ignore[no-untyped-def]
    state = make_state("zh_CN")
    basket = CompareBasket()
    view = CompareView(state, basket, touch=True, allow_pdf=False, show_back=False)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    for model in state.catalog.list_models("")[:2]:
        basket.add(model.id)
    qtbot.waitUntil(lambda: view.model.columnCount() == 3, timeout=2000)
    assert not view.save_button.isVisible() and not view.print_button.isVisible()
    assert not view.back_button.isVisible()
    assert view.hide_identical.height() >= 48 and view.clear_button.height() >= 48
    for button in view.table.findChildren(QPushButton, "compareRemove"):
        assert button.height() >= 48
