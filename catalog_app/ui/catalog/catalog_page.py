"""The staff window's catalog page: the browser beside the selected model's page, the compare
tray underneath, and the comparison one click away.

Others connect to the model page's requests: ``page.model_page.tco_requested`` and
``page.model_page.capture_requested`` (each carries a model id); the buttons appear once
connected.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget

from catalog_app.ui.app_state import AppState
from catalog_app.ui.catalog.catalog_browser import CatalogBrowser
from catalog_app.ui.catalog.catalog_model import ModelListModel
from catalog_app.ui.catalog.compare_basket import CompareBasket
from catalog_app.ui.catalog.compare_tray import CompareTray
from catalog_app.ui.catalog.compare_view import CompareView
from catalog_app.ui.catalog.model_page import ModelPage

BROWSER_SHARE = 0.6  # of the page's width, the rest for the model page


class CatalogPage(QWidget):
    """Browse, look at one model, compare.

    Signals:
        message(str): something for the status bar.
    """

    message = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogPage")
        self._state = state
        self.basket = CompareBasket(parent=self)
        self.browser = CatalogBrowser(state, self.basket)
        self.model_page = ModelPage(state, self.basket)
        self.compare_view = CompareView(state, self.basket)
        self.tray = CompareTray(state, self.basket)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("catalogSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(self.model_page)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.browser.setMinimumWidth(480)
        self.model_page.setMinimumWidth(380)
        browse = QWidget()
        browse_layout = QVBoxLayout(browse)
        browse_layout.setContentsMargins(0, 0, 0, 0)
        browse_layout.setSpacing(0)
        browse_layout.addWidget(self.splitter, 1)
        browse_layout.addWidget(self.tray)
        self.stack = QStackedWidget()
        self.stack.addWidget(browse)
        self.stack.addWidget(self.compare_view)
        self._browse = browse
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._sized = False

        self.browser.current_model_changed.connect(self.model_page.show_model)
        self.browser.message.connect(self.message)
        self.model_page.message.connect(self.message)
        self.compare_view.message.connect(self.message)
        self.tray.compare_requested.connect(self.show_comparison)
        self.compare_view.back_requested.connect(self.show_browser)
        self.compare_view.model_activated.connect(self._show_compared_model)
        self.basket.rejected_full.connect(self._basket_full)
        state.database_changed.connect(self._database_changed)

    # -- what the old page offered (tests and other pages use these) ---------------------
    @property
    def search(self):  # type: ignore[no-untyped-def]
        return self.browser.search

    @property
    def model(self) -> ModelListModel:
        return self.browser.model

    @property
    def view(self):  # type: ignore[no-untyped-def]
        return self.browser.view

    @property
    def count_label(self):  # type: ignore[no-untyped-def]
        return self.browser.count_label

    @property
    def list_stack(self):  # type: ignore[no-untyped-def]
        return self.browser.list_stack

    @property
    def empty_label(self):  # type: ignore[no-untyped-def]
        return self.browser.empty_label

    @property
    def sheet_view(self) -> ModelPage:
        return self.model_page

    def reload(self) -> None:
        self.browser.reload()

    def select_model(self, model_id: uuid.UUID) -> bool:
        return self.browser.select_model(model_id, search_all=True)

    def selected_model_id(self) -> uuid.UUID | None:
        return self.browser.selected_model_id()

    # -- pages ---------------------------------------------------------------------------
    def show_comparison(self) -> None:
        self.stack.setCurrentWidget(self.compare_view)

    def show_browser(self) -> None:
        self.stack.setCurrentWidget(self._browse)

    def is_comparing(self) -> bool:
        return self.stack.currentWidget() is self.compare_view

    def _show_compared_model(self, model_id: uuid.UUID) -> None:
        self.show_browser()
        if not self.browser.select_model(model_id, search_all=True):
            self.browser.clear_selection()
            self.model_page.show_model(model_id)

    def _database_changed(self, _database: object) -> None:
        self.model_page.show_model(None)

    def _basket_full(self) -> None:
        self.message.emit(
            self.tr("Up to %1 models can be compared; remove one first.").replace(
                "%1", str(self.basket.capacity)
            )
        )

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._sized and self.width() > 0:
            self._sized = True
            total = self.splitter.width()
            self.splitter.setSizes([int(total * BROWSER_SHARE), total - int(total * BROWSER_SHARE)])
