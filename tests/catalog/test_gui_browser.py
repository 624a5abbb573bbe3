"""A buyer browses the catalog: types in any writing, ticks filters and sees the counts move,
slides a range, sorts, switches cards and list, scrolls through many models."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from catalog_app.services.catalog_search import EXHIBITOR_FACET
from catalog_app.store.database import open_sqlite
from catalog_app.ui.catalog.catalog_delegate import CardMode
from catalog_app.ui.catalog.catalog_model import ModelRole
from tests.benchmarks import datagen
from tests.catalog.catalog_test_data import GUIZHOU_CODES, SWAP_CODES, TRACTOR_CODES
from tests.catalog.gui_helpers import (
    click,
    click_compare_chip,
    click_model,
    facet_text,
    index_of,
    open_page,
    search_for,
    shown_codes,
    tick,
    type_text,
)

ALL = {"GZ-T1", "GZ-D1", "QL-T2", "QL-H1", "ZC-L1", "ZC-M1", "HT-C1"}


def test_guizhou_typed_in_simplified_traditional_pinyin_or_initials_finds_the_same_trucks(
    qtbot: QtBot, make_state
) -> None:  # type: ignore[no-untyped-def]
    browser = open_page(qtbot, make_state("zh_CN")).browser
    assert shown_codes(browser) == ALL
    assert browser.count_label.text() == "共 7 款车型"
    for typed in ("贵州", "貴州", "guizhou", "gz", "GuiZhou"):
        search_for(qtbot, browser, typed, GUIZHOU_CODES)
        assert browser.count_label.text() == "共 3 款车型"
    search_for(qtbot, browser, "qianyinche", TRACTOR_CODES)
    search_for(qtbot, browser, "", ALL)


def test_a_search_that_finds_nothing_says_so_and_keeps_the_text(qtbot: QtBot, make_state) -> None:  # type: ignore[no-untyped-def]
    browser = open_page(qtbot, make_state("zh_CN")).browser
    search_for(qtbot, browser, "xyzzy", set())
    assert browser.list_stack.currentWidget() is browser.empty_label
    assert "xyzzy" in browser.empty_label.text()
    assert browser.search.text() == "xyzzy"


def test_ticking_filters_narrows_the_trucks_and_updates_every_count(
    qtbot: QtBot, make_state
) -> None:  # type: ignore[no-untyped-def]
    browser = open_page(qtbot, make_state("zh_CN")).browser
    assert facet_text(browser, "body_type", "tractor") == "牵引车  (3)"
    tick(qtbot, browser, "powertrain", "bev_swap")
    qtbot.waitUntil(lambda: shown_codes(browser) == SWAP_CODES, timeout=3000)
    assert browser.count_label.text() == "共 3 款车型"
    assert browser.filters_button.text() == "筛选（1）"
    assert facet_text(browser, "body_type", "tractor") == "牵引车  (1)"
    assert facet_text(browser, "body_type", "dump") == "自卸车  (0)"
    assert facet_text(browser, "powertrain", "bev_charge") == "纯电动（充电）  (3)"
    # a value with nothing to show cannot be ticked
    tick(qtbot, browser, "body_type", "dump")
    assert shown_codes(browser) == SWAP_CODES
    # a second tick in the same facet widens, a tick in another facet narrows
    tick(qtbot, browser, "powertrain", "bev_charge")
    qtbot.waitUntil(lambda: len(shown_codes(browser)) == 6, timeout=3000)
    tick(qtbot, browser, "body_type", "tractor")
    qtbot.waitUntil(lambda: shown_codes(browser) == {"GZ-T1", "QL-T2"}, timeout=3000)
    click(qtbot, browser.facet_panel.clear_button)
    qtbot.waitUntil(lambda: shown_codes(browser) == ALL, timeout=3000)
    assert browser.filters_button.text() == "筛选"
    assert not browser.facet_panel.clear_button.isEnabled()


def test_filters_and_text_that_exclude_everything_explain_how_to_get_out(
    qtbot: QtBot, make_state
) -> None:  # type: ignore[no-untyped-def]
    browser = open_page(qtbot, make_state("en")).browser
    tick(qtbot, browser, "body_type", "light")
    qtbot.waitUntil(lambda: shown_codes(browser) == {"ZC-L1"}, timeout=3000)
    search_for(qtbot, browser, "guizhou", set())
    assert "clear them all" in browser.empty_label.text()


def test_the_exhibitor_filter_lists_exhibitors_with_their_counts(qtbot: QtBot, make_state) -> None:  # type: ignore[no-untyped-def]
    state = make_state("zh_CN")
    browser = open_page(qtbot, state).browser
    overview = state.catalog.overview()
    traditional = next(e for e in overview.exhibitors if e.code == "HT")
    assert facet_text(browser, EXHIBITOR_FACET, traditional.id) == "貴州黔通換電  (1)"
    tick(qtbot, browser, EXHIBITOR_FACET, traditional.id)
    qtbot.waitUntil(lambda: shown_codes(browser) == {"HT-C1"}, timeout=3000)


def test_sliding_the_battery_range_keeps_the_trucks_inside_it(qtbot: QtBot, make_state) -> None:  # type: ignore[no-untyped-def]
    browser = open_page(qtbot, make_state("en")).browser
    battery = browser.facet_panel.ranges["battery_kwh"]
    browser.facet_panel.ensureWidgetVisible(battery)
    assert battery.span.text() == "any"
    slider = battery.slider
    low = slider.handle_center(0).toPoint()
    # drag the lower handle two thirds of the way: 100 … 430 kWh in 10 kWh steps
    target = QPoint(int(slider.width() * 0.6), low.y())
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=low)
    qtbot.mouseMove(slider, target)
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=target)
    bound = slider.low()
    assert bound is not None and 250 <= bound <= 330
    qtbot.waitUntil(lambda: shown_codes(browser) == {"GZ-D1", "QL-T2"}, timeout=3000)
    assert battery.span.text().endswith("430 kWh")
    assert browser.filters_button.text() == "Filters (1)"
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)  # the lower handle back to the start
    qtbot.waitUntil(lambda: len(shown_codes(browser)) == 7, timeout=3000)
    assert battery.span.text() == "any"


def test_sorting_by_price_puts_the_cheapest_first(qtbot: QtBot, make_state) -> None:  # type: ignore[no-untyped-def]
    browser = open_page(qtbot, make_state("zh_CN")).browser
    combo = browser.sort_combo
    combo.setCurrentIndex(combo.findText("价格从低到高"))
    qtbot.waitUntil(lambda: browser.model.index(0).data(ModelRole.CODE) == "ZC-L1", timeout=3000)
    last = browser.model.index(browser.model.rowCount() - 1)
    assert last.data(ModelRole.CODE) == "HT-C1"  # no price: last
    assert browser.model.index(0).data(ModelRole.PRICE) == "16.8 万元"


def test_cards_and_list_show_the_same_trucks_and_both_can_be_clicked(
    qtbot: QtBot, make_state
) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_state("zh_CN"))
    browser = page.browser
    assert browser.view_mode() is CardMode.GRID
    assert browser.view.viewMode() == QListView.ViewMode.IconMode
    card = browser.view.visualRect(index_of(browser, "GZ-T1"))
    assert card.height() > 200  # a card with a picture
    click(qtbot, browser.list_button)
    assert browser.view_mode() is CardMode.LIST
    assert browser.view.viewMode() == QListView.ViewMode.ListMode
    row = browser.view.visualRect(index_of(browser, "GZ-T1"))
    assert row.width() > card.width() and row.height() < card.height()
    assert shown_codes(browser) == ALL
    click_model(qtbot, browser, "QL-H1")
    qtbot.waitUntil(lambda: page.model_page.sheet is not None, timeout=3000)
    assert page.model_page.sheet.model.code == "QL-H1"


def test_the_compare_chip_on_a_card_picks_the_truck_and_a_fifth_is_refused(
    qtbot: QtBot, make_state
) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_state("zh_CN"))
    browser = page.browser
    for code in ("GZ-T1", "QL-T2", "QL-H1", "ZC-L1"):
        click_compare_chip(qtbot, browser, code)
        qtbot.waitUntil(lambda c=code: index_of(browser, c).data(ModelRole.IN_COMPARE))
    assert len(page.basket) == 4
    assert browser.selected_model_id() is None  # the chip is not the card
    with qtbot.waitSignal(browser.message, timeout=2000) as said:
        click_compare_chip(qtbot, browser, "ZC-M1")
    assert "最多可同时对比 4 款车型" in said.args[0]
    assert not index_of(browser, "ZC-M1").data(ModelRole.IN_COMPARE)
    click_compare_chip(qtbot, browser, "GZ-T1")  # a second click takes it out again
    qtbot.waitUntil(lambda: len(page.basket) == 3)


def test_a_long_result_is_read_page_by_page_as_the_list_scrolls(
    qtbot: QtBot, make_state, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    database = open_sqlite(tmp_path / "big.sqlite")
    try:
        datagen.generate_models(database, 150)
        browser = open_page(qtbot, make_state("en", database)).browser
        assert browser.count_label.text() == "150 models"
        assert browser.model.rowCount() == 60
        browser.view.scrollToBottom()
        qtbot.waitUntil(lambda: browser.model.rowCount() > 60, timeout=3000)
        browser.view.scrollToBottom()
        qtbot.waitUntil(lambda: browser.model.rowCount() == 150, timeout=3000)
        assert (
            len({i.data(ModelRole.MODEL_ID) for i in (browser.model.index(r) for r in range(150))})
            == 150
        )
        # a model picked far down stays picked while a new order still holds it …
        last = browser.model.summary(149)
        click_model(qtbot, browser, last.code)
        browser.sort_combo.setCurrentIndex(browser.sort_combo.findData("price_high"))
        qtbot.waitUntil(lambda: browser.model.rowCount() == 60, timeout=3000)
        assert browser.selected_model_id() == last.id
        # … and is let go when a filter leaves it out
        other = next(v for v in ("tractor", "dump", "light") if v != last.body_type)
        tick(qtbot, browser, "body_type", other)
        qtbot.waitUntil(lambda: browser.selected_model_id() is None, timeout=3000)
    finally:
        database.close()


def test_switching_to_english_relabels_the_browser_at_once(qtbot: QtBot, make_state) -> None:  # type: ignore[no-untyped-def]
    state = make_state("zh_CN")
    browser = open_page(qtbot, state).browser
    assert browser.sort_combo.itemText(0) == "目录顺序"
    assert browser.facet_panel.headings["body_type"].text() == "车型类别"
    state.languages.set_language("en")
    qtbot.waitUntil(lambda: browser.sort_combo.itemText(0) == "Catalog order", timeout=3000)
    assert browser.facet_panel.headings["body_type"].text() == "Body type"
    assert facet_text(browser, "body_type", "tractor") == "Tractor  (3)"
    assert browser.count_label.text() == "7 models"
    assert index_of(browser, "GZ-T1").data() == "Guizhou swap tractor 6x4"


def test_at_the_kiosk_every_target_is_big_enough_for_a_finger(qtbot: QtBot, make_state) -> None:  # type: ignore[no-untyped-def]
    from catalog_app.ui.catalog import CatalogBrowser, CompareBasket

    browser = CatalogBrowser(make_state("zh_CN"), CompareBasket(), touch=True)
    qtbot.addWidget(browser)
    browser.resize(1920, 1080)
    browser.show()
    qtbot.waitExposed(browser)
    for widget in (
        browser.search,
        browser.sort_combo,
        browser.grid_button,
        browser.list_button,
        browser.filters_button,
        browser.facet_panel.clear_button,
    ):
        assert widget.height() >= 48, widget.objectName()
    view = browser.facet_panel.views["body_type"]
    assert view.visualRect(view.model().index(0, 0)).height() >= 48
    assert browser.facet_panel.ranges["price_cny"].slider.height() >= 48
    chip = browser.delegate.chip_rect(
        browser.view.visualRect(browser.model.index(0)), browser.font()
    )
    assert chip.height() >= 40
    assert browser.search.font().pointSizeF() > browser.font().pointSizeF()


def test_after_importing_many_models_the_search_is_prepared_without_freezing_the_window(
    qtbot: QtBot, make_state, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    database = open_sqlite(tmp_path / "imported.sqlite")
    try:
        datagen.generate_models(database, 400)  # their search keys are not computed yet
        browser = open_page(qtbot, make_state("en", database)).browser
        assert browser.is_preparing()
        assert browser.empty_label.text() == "Preparing the search for 400 models…"
        assert not browser.facet_panel.isEnabled()
        qtbot.waitUntil(lambda: not browser.is_preparing(), timeout=30_000)
        assert browser.count_label.text() == "400 models"
        assert browser.model.rowCount() == 60 and browser.facet_panel.isEnabled()
        # a long exhibitor list shows only the exhibitors the result has models of
        view = browser.facet_panel.views[EXHIBITOR_FACET]
        rows = range(view.model().rowCount())
        assert len(rows) > 8 and browser.facet_panel.exhibitor_search.isVisible()
        type_text(qtbot, browser, "yunfeng")
        qtbot.waitUntil(lambda: browser.model.total < 400, timeout=3000)
        shown = [r for r in rows if not view.isRowHidden(r)]
        counts = browser.result.counts.exhibitors
        assert 0 < len(shown) == sum(1 for n in counts.values() if n) < len(rows)
    finally:
        database.close()
