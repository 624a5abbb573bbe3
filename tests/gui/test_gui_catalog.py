"""A booth worker opens the app, finds a truck and shows its spec sheet — in Chinese and English."""

from __future__ import annotations

from gui_data import FAIR_NAME_EN, FAIR_NAME_ZH, WindowFactory
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from catalog_app.ui.catalog.catalog_model import ModelRole
from catalog_app.ui.catalog.catalog_page import CatalogPage
from catalog_app.ui.main_window import Page
from catalog_app.ui.placeholder_page import PlaceholderPage


def _names(page: CatalogPage) -> list[str]:
    model = page.model
    return [str(model.index(row).data()) for row in range(model.rowCount())]


def _row_of(page: CatalogPage, text: str) -> QModelIndex:
    for row in range(page.model.rowCount()):
        index = page.model.index(row)
        if text in str(index.data()):
            return index
    raise AssertionError(f"{text!r} not in the list: {_names(page)}")


def _click_model(qtbot: QtBot, page: CatalogPage, text: str) -> None:
    """Click the row whose name contains ``text``; wait until its spec sheet is shown."""
    index = _row_of(page, text)
    wanted = index.data(ModelRole.MODEL_ID)
    rect = page.view.visualRect(index)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def shown() -> bool:
        sheet = page.sheet_view.sheet
        return sheet is not None and sheet.model.id == wanted

    qtbot.waitUntil(shown, timeout=3000)


def _type_with_input_method(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _spec(page: CatalogPage, kind: str, key: str) -> str:
    label = page.sheet_view.findChild(QLabel, f"spec{kind}_{key}")
    assert label is not None, f"no spec {kind} for {key}"
    return label.text()


def test_window_title_names_the_fair_and_banner_says_sample(make_window: WindowFactory) -> None:
    window = make_window("zh_CN")
    assert FAIR_NAME_ZH in window.windowTitle()
    assert window.banner.isVisible()
    assert "示例数据" in window.banner.text()
    assert "测试用示例数据" in window.banner.text()


def test_catalog_lists_every_model_with_its_facts(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("zh_CN")
    page = window.catalog_page
    assert window.current_page() is Page.CATALOG
    assert _names(page) == ["黔岭 E49 换电牵引车", "黔岭 D31 纯电自卸车", "筑城 L45 电动轻卡"]
    assert "3" in page.count_label.text()
    first = page.model.index(0)
    assert first.data(ModelRole.EXHIBITOR) == "黔岭重卡"
    assert first.data(ModelRole.BODY_TYPE) == "牵引车"
    assert first.data(ModelRole.POWERTRAIN) == "纯电动（换电）"
    assert first.data(ModelRole.BATTERY) == "282 kWh"
    assert first.data(ModelRole.RANGE) == "220 km"
    assert first.data(ModelRole.PRICE) == "49.8 万元"
    # the thumbnail, decoded off the GUI thread
    qtbot.waitUntil(lambda: first.data(Qt.ItemDataRole.DecorationRole) is not None, timeout=3000)


def test_clicking_a_model_shows_its_full_spec_sheet_in_chinese(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("zh_CN")
    page = window.catalog_page
    _click_model(qtbot, page, "E49")
    assert _spec(page, "Label", "battery_kwh") == "电池电量"
    assert _spec(page, "Value", "battery_kwh") == "282 kWh"
    assert _spec(page, "Value", "battery_chemistry") == "磷酸铁锂"
    assert _spec(page, "Value", "energy_kwh_100km") == "128 kWh/100 km"
    headings = [w.text() for w in page.sheet_view.findChildren(QLabel, "specGroupHeading")]
    assert "动力电池" in headings and "驱动与续航" in headings
    assert page.sheet_view.findChild(QLabel, "modelName").text() == "黔岭 E49 换电牵引车"
    assert page.sheet_view.findChild(QLabel, "modelPrice").text() == "49.8 万元"
    assert "拟合" in page.sheet_view.findChild(QLabel, "compositeNote").text()
    assert page.sheet_view.findChild(QLabel, "optionName").text() == "350 kWh 大电池包"
    photo = page.sheet_view.findChild(QLabel, "modelPhoto")
    assert photo.pixmap() is not None and not photo.pixmap().isNull()


def test_typing_in_the_search_box_narrows_the_list(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    page = make_window("zh_CN").catalog_page
    qtbot.keyClicks(page.search, "D31")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert _names(page) == ["黔岭 D31 纯电自卸车"]
    page.search.clear()
    _type_with_input_method(page.search, "筑城")  # Chinese arrives from an IME, not key codes
    qtbot.waitUntil(lambda: _names(page) == ["筑城 L45 电动轻卡"], timeout=3000)
    page.search.clear()
    qtbot.keyClicks(page.search, "no such truck")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=3000)
    assert page.list_stack.currentWidget() is page.empty_label
    assert "no such truck" in page.empty_label.text()


def test_selection_survives_a_search_that_still_finds_the_model(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    page = make_window("zh_CN").catalog_page
    _click_model(qtbot, page, "E49")
    _type_with_input_method(page.search, "黔岭")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    assert page.sheet_view.sheet is not None
    assert page.sheet_view.sheet.model.code == "QL-E49"


def test_switching_to_english_at_run_time_relabels_navigation_and_specs(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("zh_CN")
    page = window.catalog_page
    _click_model(qtbot, page, "E49")
    assert window.nav_labels() == ["车型目录", "客户线索", "购车意向", "数据看板", "同步", "设置"]

    window.show_page(Page.SETTINGS)
    combo = window.settings_page.language_combo
    combo.setCurrentIndex(combo.findData("en"))

    qtbot.waitUntil(lambda: window.nav_labels()[0] == "Catalog", timeout=3000)
    assert window.nav_labels() == ["Catalog", "Leads", "Intents", "Dashboard", "Sync", "Settings"]
    assert FAIR_NAME_EN in window.windowTitle()
    assert "SAMPLE DATA" in window.banner.text()
    assert _spec(page, "Label", "battery_kwh") == "Battery capacity"
    assert _spec(page, "Value", "battery_chemistry") == "LFP"
    assert page.sheet_view.findChild(QLabel, "modelName").text() == "Qianling E49 swap tractor"
    assert page.sheet_view.findChild(QLabel, "modelPrice").text() == "¥498,000"
    assert str(page.model.index(0).data()) == "Qianling E49 swap tractor"
    assert window.settings_page.title.text() == "Settings"

    combo.setCurrentIndex(combo.findData("zh_CN"))
    qtbot.waitUntil(lambda: window.nav_labels()[0] == "车型目录", timeout=3000)
    assert _spec(page, "Label", "battery_kwh") == "电池电量"


def test_an_empty_catalog_tells_how_to_load_the_sample(
    make_window: WindowFactory, empty_db: object
) -> None:
    window = make_window("en", database=empty_db)
    page = window.catalog_page
    assert page.model.rowCount() == 0
    assert page.list_stack.currentWidget() is page.empty_label
    assert "catalog-app demo" in page.empty_label.text()
    assert "import" in page.empty_label.text()
    assert not window.banner.isVisible()
    assert window.windowTitle() == "NEV Truck Fair Catalog"


def test_unbuilt_pages_say_so_plainly(make_window: WindowFactory, qtbot: QtBot) -> None:
    """Pages still to be built say so (in both languages); built ones show no such notice."""
    window = make_window("zh_CN")
    placeholders = []
    for page in (Page.LEADS, Page.INTENTS, Page.DASHBOARD):
        rect = window.navigation.visualItemRect(window.navigation.item(int(page)))
        qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page() is page
        shown = window.pages.currentWidget()
        status = shown.findChild(QLabel, "placeholderStatus")
        if isinstance(shown, PlaceholderPage):
            assert "尚未实现" in status.text()
            placeholders.append(status)
        else:
            assert status is None
    window.state.languages.set_language("en")
    for status in placeholders:
        qtbot.waitUntil(lambda s=status: "Not built yet" in s.text(), timeout=3000)


def test_in_the_main_window_a_model_page_offers_compare_tco_and_interest(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("zh_CN")
    page = window.catalog_page
    _click_model(qtbot, page, "E49")
    model_page = page.model_page
    assert model_page.compare_button.isVisible()
    assert model_page.tco_button.isVisible()  # the main window answers these two requests
    assert model_page.capture_button.isVisible()
    qtbot.mouseClick(model_page.compare_button, Qt.MouseButton.LeftButton)
    assert page.tray.isVisible() and len(page.basket) == 1
    qtbot.mouseClick(page.tray.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.is_comparing, timeout=3000)
    assert page.compare_view.model.columnCount() == 2  # the label column and the tractor
