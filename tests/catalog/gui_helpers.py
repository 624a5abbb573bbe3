"""What a person does on the catalog screens, as small steps for the GUI tests."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QListView, QWidget
from pytestqt.qtbot import QtBot

from catalog_app.ui.catalog.catalog_browser import CatalogBrowser
from catalog_app.ui.catalog.catalog_delegate import chip_center
from catalog_app.ui.catalog.catalog_model import ModelRole
from catalog_app.ui.catalog.catalog_page import CatalogPage
from catalog_app.ui.catalog.facet_model import VALUE_ROLE

# Pages opened by the running test: kept alive here while a test holds only a part of one
# (``open_page(...).browser``); emptied after each test (conftest).
OPEN_PAGES: list[CatalogPage] = []


def open_page(qtbot: QtBot, state: object, width: int = 1366, height: int = 768) -> CatalogPage:
    page = CatalogPage(state)  # type: ignore[arg-type]
    OPEN_PAGES.append(page)
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    return page


def rows(browser: CatalogBrowser) -> Iterator[QModelIndex]:
    for row in range(browser.model.rowCount()):
        yield browser.model.index(row)


def shown_codes(browser: CatalogBrowser) -> set[str]:
    return {str(index.data(ModelRole.CODE)) for index in rows(browser)}


def index_of(browser: CatalogBrowser, code: str) -> QModelIndex:
    for index in rows(browser):
        if index.data(ModelRole.CODE) == code:
            return index
    raise AssertionError(f"{code} is not shown: {sorted(shown_codes(browser))}")


def type_text(qtbot: QtBot, browser: CatalogBrowser, text: str) -> None:
    """Type as a person does: Latin letters as key presses, Chinese through the input method."""
    browser.search.clear()
    browser.search.setFocus()
    if text.isascii():
        qtbot.keyClicks(browser.search, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(browser.search, event)


def search_for(qtbot: QtBot, browser: CatalogBrowser, text: str, expected: set[str]) -> None:
    type_text(qtbot, browser, text)
    qtbot.waitUntil(lambda: shown_codes(browser) == expected, timeout=3000)


def click_model(qtbot: QtBot, browser: CatalogBrowser, code: str) -> None:
    index = index_of(browser, code)
    browser.view.scrollTo(index)
    rect = browser.view.visualRect(index)
    point = rect.topLeft() + (rect.bottomRight() - rect.topLeft()) / 3  # away from the chip
    qtbot.mouseClick(browser.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: browser.selected_model_id() == index.data(ModelRole.MODEL_ID))


def click_compare_chip(qtbot: QtBot, browser: CatalogBrowser, code: str) -> None:
    index = index_of(browser, code)
    browser.view.scrollTo(index)
    point = chip_center(browser.view, index)
    qtbot.mouseClick(browser.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def facet_row(view: QListView, value: object) -> QModelIndex:
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(VALUE_ROLE) == value:
            return index
    raise AssertionError(f"{value!r} is not offered")


def tick(qtbot: QtBot, browser: CatalogBrowser, facet: str, value: object) -> None:
    """Tap a facet value anywhere on its row."""
    view = browser.facet_panel.views[facet]
    index = facet_row(view, value)
    view.scrollTo(index)
    browser.facet_panel.ensureWidgetVisible(view)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def facet_text(browser: CatalogBrowser, facet: str, value: object) -> str:
    return str(facet_row(browser.facet_panel.views[facet], value).data())


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())
