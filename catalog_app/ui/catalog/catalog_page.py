"""The catalog page: search as you type, the model list, and the selected model's spec sheet."""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from catalog_app.domain.text import UserFacingError
from catalog_app.ui.app_state import AppState
from catalog_app.ui.catalog.catalog_delegate import ModelCardDelegate
from catalog_app.ui.catalog.catalog_model import ModelListModel, ModelRole
from catalog_app.ui.catalog.spec_sheet_view import SpecSheetView

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
LIST_WIDTH = 470


class CatalogPage(QWidget):
    """Browse the catalog.

    Signals:
        message(str): something for the status bar (e.g. the catalog could not be read).
    """

    message = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogPage")
        self._state = state
        self._failure = ""

        self.search = QLineEdit()
        self.search.setObjectName("catalogSearch")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._select_first)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

        self.count_label = QLabel()
        self.count_label.setObjectName("catalogCount")

        self.model = ModelListModel(state.language, self)
        self.view = QListView()
        self.view.setObjectName("catalogList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ModelCardDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setMouseTracking(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("catalogEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.view)
        self.list_stack.addWidget(self.empty_label)

        left = QWidget()
        left.setObjectName("catalogListPane")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 0)
        left_layout.setSpacing(8)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.list_stack, 1)

        self.sheet_view = SpecSheetView()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.sheet_view)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LIST_WIDTH, 800])
        left.setMinimumWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        state.database_changed.connect(lambda _db: self._database_changed())
        self.retranslate()
        self.reload()

    # -- public --------------------------------------------------------------------------
    def reload(self) -> None:
        """Query the catalog for the search text; keep the selected model if it is still found."""
        self._search_timer.stop()
        selected = self.selected_model_id()
        try:
            models = self._state.catalog.list_models(self.search.text())
            self._failure = ""
        except (SQLAlchemyError, UserFacingError, OSError) as exc:
            log.exception("reading the catalog failed")
            models = []
            text = exc.text(self._state.language) if isinstance(exc, UserFacingError) else str(exc)
            self._failure = self.tr("The catalog could not be read: %1").replace("%1", text)
            self.message.emit(self._failure)
        self.model.set_models(models)
        self._update_counts()
        if selected is not None and self.select_model(selected):
            return
        self.sheet_view.show_sheet(None, self._state.language)

    def select_model(self, model_id: uuid.UUID) -> bool:
        """Select a model in the list (and show its sheet); False if the list does not hold it."""
        row = self.model.row_of(model_id)
        if row < 0:
            return False
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self._show(model_id)
        return True

    def selected_model_id(self) -> uuid.UUID | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        value = index.data(ModelRole.MODEL_ID)
        return value if isinstance(value, uuid.UUID) else None

    # -- reacting ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        lang = self._state.language
        self.search.setPlaceholderText(
            self.tr("Search models: name, maker, model code or announcement no.")
        )
        self.search.setToolTip(self.tr("Type to filter the list; Enter selects the first model"))
        self.model.set_language(lang)
        self._update_counts()
        self.sheet_view.set_language(lang)

    def _database_changed(self) -> None:
        self.model.clear_thumbnails()
        self.sheet_view.show_sheet(None, self._state.language)
        self.reload()

    def _update_counts(self) -> None:
        total = self.model.total
        has_search = bool(self.search.text().strip())
        self.count_label.setText(self.tr("Models: %1").replace("%1", str(total)))
        if self._failure:
            self.empty_label.setText(self._failure)
        elif has_search:
            self.empty_label.setText(
                self.tr('No model matches "%1". Try fewer letters or another spelling.').replace(
                    "%1", self.search.text().strip()
                )
            )
        else:
            self.empty_label.setText(
                self.tr(
                    "The catalog is empty.\n\n"
                    "To try the app with the sample fair, quit and run:\n"
                    "catalog-app demo --start\n\n"
                    "To load your own models, import a catalog file (.json) or a workbook "
                    "(.xlsx), then start the app again:\n"
                    "catalog-app import <file>"
                )
            )
        self.list_stack.setCurrentWidget(self.view if total else self.empty_label)
        self.count_label.setVisible(bool(total) or has_search)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            if self.selected_model_id() is None:
                self.sheet_view.show_sheet(None, self._state.language)
            return
        model_id = indexes[0].data(ModelRole.MODEL_ID)
        if isinstance(model_id, uuid.UUID):
            self._show(model_id)

    def _show(self, model_id: uuid.UUID) -> None:
        current = self.sheet_view.sheet
        if current is not None and current.model.id == model_id:
            return
        try:
            sheet = self._state.catalog.spec_sheet(model_id)
        except (SQLAlchemyError, UserFacingError, OSError) as exc:
            log.exception("reading a spec sheet failed")
            failure = self.tr("The spec sheet could not be read: %1")
            self.message.emit(failure.replace("%1", str(exc)))
            sheet = None
        self.sheet_view.show_sheet(sheet, self._state.language)

    def _select_first(self) -> None:
        self.reload()
        if self.model.rowCount():
            first: QModelIndex = self.model.index(0)
            self.view.setCurrentIndex(first)
            self.view.setFocus()
