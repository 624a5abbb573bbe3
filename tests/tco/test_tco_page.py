"""The TCO page as a salesperson uses it with a buyer: open it for a model, change figures,
make mistakes, switch language. What the screen shows must equal the service's numbers."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from catalog_app.services.tco import calculate_tco
from catalog_app.services.tco_defaults import load_model_defaults
from catalog_app.ui.app_state import AppState
from catalog_app.ui.tco.tco_dialog import TcoDialog
from catalog_app.ui.tco.tco_format import money, parse_number, whole_cny
from catalog_app.ui.tco.tco_page import TcoPage

WAIT_MS = 3000


def _model(state: AppState, code: str):  # noqa: ANN202 - a ModelSummary
    return next(m for m in state.catalog.list_models() if m.code == code)


def _page(qtbot: QtBot, state: AppState, code: str) -> TcoPage:
    page = TcoPage(state)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert page.set_model(_model(state, code).id)
    return page


def _retype(qtbot: QtBot, page: TcoPage, key: str, text: str) -> None:
    """Select the field's text and type ``text`` over it, key by key (Chinese too)."""
    editor = page.form.editors[key]
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    for char in text:
        if char.isascii():
            qtbot.keyClicks(editor, char)
        else:  # QTest only knows ASCII keys: send what an input method would
            event = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(editor, event)


def test_figures_on_screen_equal_the_service_for_a_swap_tractor(
    qtbot: QtBot, tco_state: AppState
) -> None:
    page = _page(qtbot, tco_state, "QL-T6-282S")
    expected = calculate_tco(load_model_defaults(tco_state.catalog, page.model_id).inputs)
    assert page.form.editors["battery_rent_cny_month"].text() == "8,800"
    assert page.results.savings.value.text() == money(expected.savings, "en")
    table = page.results.cash_flow
    assert table.rowCount() == len(expected.rows)
    for line, row in enumerate(expected.rows):
        assert page.results.cell_text(table, line, 1) == whole_cny(row.ev.total)
        assert page.results.cell_text(table, line, 5) == whole_cny(row.cumulative_savings)
    assert page.chart.nev_series.count() == len(expected.rows)
    assert page.chart.break_even_line.isVisible()
    assert "Payload estimated" in page.notes.text()


def test_typing_a_new_diesel_price_updates_the_results_as_you_type(
    qtbot: QtBot, tco_state: AppState
) -> None:
    page = _page(qtbot, tco_state, "QL-T6-423C")
    before = page.result
    assert before is not None
    _retype(qtbot, page, "diesel_price_cny_l", "8.4")
    qtbot.waitUntil(
        lambda: page.inputs is not None and page.inputs.diesel_price_cny_l == 8.4, timeout=WAIT_MS
    )
    assert page.result is not None and page.result.savings > before.savings
    expected = calculate_tco(page.inputs)
    assert page.results.savings.value.text() == money(expected.savings, "en")


def test_a_word_where_a_number_belongs_is_marked_and_kept(
    qtbot: QtBot, tco_state: AppState
) -> None:
    page = _page(qtbot, tco_state, "QL-T6-423C")
    _retype(qtbot, page, "annual_km", "lots")
    row = page.form.rows["annual_km"]
    qtbot.waitUntil(lambda: row.problem.isVisible(), timeout=WAIT_MS)
    assert row.problem.text() == "Distance per year: enter a number."
    assert page.form.editors["annual_km"].text() == "lots"
    assert not page.results.isEnabled()
    assert "correct the marked inputs" in page.status.text()
    _retype(qtbot, page, "annual_km", "12万")
    qtbot.waitUntil(lambda: page.results.isEnabled(), timeout=WAIT_MS)
    assert page.inputs is not None and page.inputs.annual_km == 120_000
    assert not row.problem.isVisible()


def test_tariff_shares_that_do_not_add_up_are_marked_at_the_valley_share(
    qtbot: QtBot, tco_state: AppState
) -> None:
    page = _page(qtbot, tco_state, "QL-T6-423C")
    _retype(qtbot, page, "peak_share_pct", "50")
    row = page.form.rows["valley_share_pct"]
    qtbot.waitUntil(lambda: row.problem.isVisible(), timeout=WAIT_MS)
    assert "120" in row.problem.text()


def test_out_of_range_years_are_refused_with_the_range(qtbot: QtBot, tco_state: AppState) -> None:
    page = _page(qtbot, tco_state, "QL-T6-423C")
    _retype(qtbot, page, "years", "45")
    row = page.form.rows["years"]
    qtbot.waitUntil(lambda: row.problem.isVisible(), timeout=WAIT_MS)
    assert row.problem.text() == "Years must be from 0 to 30 years."


def test_reset_brings_back_the_models_figures(qtbot: QtBot, tco_state: AppState) -> None:
    page = _page(qtbot, tco_state, "QL-T6-423C")
    _retype(qtbot, page, "ev_price_cny", "1")
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert page.form.editors["ev_price_cny"].text() == "728,000"
    assert page.inputs is not None and page.inputs.ev_price_cny == 728_000


def test_another_model_keeps_what_was_typed_and_takes_its_own_figures(
    qtbot: QtBot, tco_state: AppState
) -> None:
    page = _page(qtbot, tco_state, "QL-T6-423C")
    _retype(qtbot, page, "diesel_price_cny_l", "7.9")
    page.set_model(_model(tco_state, "QL-T6-686L").id)
    assert page.form.editors["diesel_price_cny_l"].text() == "7.9"
    assert parse_number(page.form.editors["ev_price_cny"].text()) == 898_000
    assert page.inputs is not None and page.inputs.model_code == "QL-T6-686L"


def test_a_fuel_cell_truck_asks_for_hydrogen_not_electricity(
    qtbot: QtBot, tco_state: AppState
) -> None:
    page = _page(qtbot, tco_state, "QY-T6-H2")
    assert page.form.editors["h2_price_cny_kg"].isVisible()
    assert not page.form.editors["peak_price_cny_kwh"].isVisible()
    assert not page.form.groups["electricity"].isVisible()
    assert page.results.break_even.value.text() == "None within 5 years"


def test_switching_to_chinese_translates_the_page_at_once(
    qtbot: QtBot, tco_state: AppState
) -> None:
    page = _page(qtbot, tco_state, "QL-T6-282S")
    tco_state.languages.set_language("zh_CN")
    caption = page.form.rows["ev_price_cny"].caption
    qtbot.waitUntil(lambda: caption.text() == "购车价", timeout=WAIT_MS)
    assert page.reset_button.text() == "恢复该车型的默认值"
    assert page.title.text().startswith("全生命周期成本：黔岭")
    assert page.results.savings.value.text().endswith("万元")
    assert page.chart.y_axis.titleText() == "万元"


def test_the_dialog_reuses_its_window_for_the_next_model(qtbot: QtBot, tco_state: AppState) -> None:
    from PySide6.QtWidgets import QWidget

    from catalog_app.ui.tco import open_tco_dialog

    parent = QWidget()
    qtbot.addWidget(parent)
    first = open_tco_dialog(parent, tco_state, _model(tco_state, "QL-T6-282S").id)
    second = open_tco_dialog(parent, tco_state, _model(tco_state, "ZC-L4-100C").id)
    assert isinstance(first, TcoDialog) and first is second
    assert second.isVisible() and second.page.inputs is not None
    assert second.page.inputs.model_code == "ZC-L4-100C"
    second.close()


def test_the_model_pages_tco_button_in_the_main_window_opens_the_calculator(
    qtbot: QtBot, tco_state: AppState
) -> None:
    from catalog_app.ui.main_window import MainWindow

    window = MainWindow(tco_state)
    qtbot.addWidget(window)
    window.show()
    model_page = window.catalog_page.model_page
    assert model_page.show_model(_model(tco_state, "QL-D8-423C").id)
    button = model_page.tco_button
    assert button is not None
    qtbot.waitUntil(button.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(TcoDialog, "tcoDialog")
    assert isinstance(dialog, TcoDialog) and dialog.isVisible()
    assert dialog.page.inputs is not None and dialog.page.inputs.model_code == "QL-D8-423C"
    dialog.close()
    window.close()
