"""Browse the catalog: search as you type, filters with counts, sorting, cards or a list.

Every change (a keystroke after a short pause, a tick, a slider released, another sort) runs
one search through ``CatalogService.search``; the result's first page is shown at once and
further pages are read as the view scrolls. The selected model survives a search that still
finds it.
"""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from catalog_app.domain.text import UserFacingError
from catalog_app.services.catalog import CatalogQuery, SearchResult
from catalog_app.ui.app_state import AppState
from catalog_app.ui.catalog.browser_bar import BrowserBar
from catalog_app.ui.catalog.catalog_delegate import CardMode, ModelCardDelegate
from catalog_app.ui.catalog.catalog_model import ModelListModel, ModelRole
from catalog_app.ui.catalog.compare_basket import CompareBasket
from catalog_app.ui.catalog.facet_panel import FacetPanel
from catalog_app.ui.catalog.results_view import ResultsView
from catalog_app.ui.catalog.sizing import sizing_for
from catalog_app.ui.catalog.style import apply_catalog_style
from catalog_app.ui.catalog.thumbnails import ThumbnailCache

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 120
PREPARE_IN_BACKGROUND = 300  # models whose keys are missing: more than this, off the GUI thread
READ_ERRORS = (SQLAlchemyError, UserFacingError, OSError)


class CatalogBrowser(QWidget):
    """The model browser; reused by the kiosk with ``touch=True``.

    Signals:
        current_model_changed(object): the selected model's id, or None.
        model_activated(object): a model was double-clicked / tapped twice or Enter pressed.
        message(str): something for the status bar (e.g. the catalog could not be read).
    """

    current_model_changed = Signal(object)
    model_activated = Signal(object)
    message = Signal(str)

    def __init__(
        self,
        state: AppState,
        basket: CompareBasket,
        *,
        touch: bool = False,
        show_compare_chips: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("catalogBrowser")
        apply_catalog_style(self, touch)
        self._state = state
        self.basket = basket
        self.sizing = sizing_for(touch)
        self._failure = ""
        self._result: SearchResult | None = None
        self._selected: uuid.UUID | None = None
        self._preparing = False

        self.bar = BrowserBar(self.sizing)
        self.search = self.bar.search
        self.sort_combo = self.bar.sort_combo
        self.filters_button = self.bar.filters_button
        self.grid_button, self.list_button = self.bar.grid_button, self.bar.list_button
        self.count_label = self.bar.count_label
        self.search.returnPressed.connect(self._select_first)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.sort_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.grid_button.clicked.connect(lambda: self.set_view_mode(CardMode.GRID))
        self.list_button.clicked.connect(lambda: self.set_view_mode(CardMode.LIST))

        self.facet_panel = FacetPanel(self.sizing)
        self.facet_panel.setFixedWidth(300 if touch else 236)
        self.facet_panel.changed.connect(self.reload)
        self.filters_button.toggled.connect(self.facet_panel.setVisible)

        self.thumbnails = ThumbnailCache(self)
        self.model = ModelListModel(state.language, self.thumbnails, basket, self)
        self.model.fetch_failed.connect(self._fetch_failed)
        self.delegate = ModelCardDelegate(
            self,
            sizing=self.sizing,
            thumbnails=self.thumbnails,
            show_compare_chip=show_compare_chips,
        )
        self.delegate.compare_clicked.connect(self._toggle_compare)
        self.view = ResultsView(self.model, self.delegate)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(self._activated)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("catalogEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sizing.apply_font(self.empty_label)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.view)
        self.list_stack.addWidget(self.empty_label)

        self._build_layout()
        # Bound methods, not lambdas: a lambda holding self in the state's connection would
        # keep this widget alive for the garbage collector, which may run on any thread.
        state.database_changed.connect(self._database_changed)
        self.set_view_mode(CardMode.GRID)
        self.retranslate()
        self._start()

    def _start(self) -> None:
        """Search at once; or, when thousands of models are new (an import), first compute
        their search keys off the GUI thread, saying so."""
        catalog = self._state.catalog
        pending = catalog.search_pending()
        if pending < PREPARE_IN_BACKGROUND:
            self.reload_overview()
            self.reload()
            return
        self._preparing = True
        self.facet_panel.setEnabled(False)
        self.model.set_result([], 0)
        self.list_stack.setCurrentWidget(self.empty_label)
        self.empty_label.setText(
            self.tr("Preparing the search for %1 models…").replace("%1", f"{pending:,}")
        )
        self._state.tasks.start(
            "catalog-search-keys",
            lambda _ctx: catalog.prepare_search(),
            on_finished=lambda _result: self._prepared(),
            on_failed=lambda _error: self._prepared(),
        )

    def _prepared(self) -> None:
        self._preparing = False
        self.facet_panel.setEnabled(True)
        self.reload_overview()
        self.reload()

    def is_preparing(self) -> bool:
        return self._preparing

    def _build_layout(self) -> None:
        results = QVBoxLayout()
        results.setContentsMargins(12, 12, 8, 0)
        results.setSpacing(self.sizing.spacing)
        results.addWidget(self.bar)
        results.addWidget(self.list_stack, 1)
        right = QWidget()
        right.setObjectName("catalogResults")
        right.setLayout(results)
        body = QHBoxLayout(self)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.facet_panel)
        body.addWidget(right, 1)

    # -- public --------------------------------------------------------------------------
    def query(self) -> CatalogQuery:
        """What the search box, the filters and the sort ask for now."""
        query = CatalogQuery(text=self.search.text(), sort=self.bar.sort())
        return self.facet_panel.apply_to(query)

    def set_query(self, query: CatalogQuery) -> None:
        """Show ``query`` in the search box, filters and sort, and search (kiosk reset)."""
        blockers = [self.search.blockSignals(True), self.sort_combo.blockSignals(True)]
        self.search.setText(query.text)
        self.bar.set_sort(query.sort)
        self.search.blockSignals(blockers[0])
        self.sort_combo.blockSignals(blockers[1])
        self.facet_panel.load(query)
        self.reload()

    @property
    def result(self) -> SearchResult | None:
        return self._result

    def reload(self) -> None:
        """Search now; keep the selected model if it is still found."""
        self._search_timer.stop()
        if self._preparing:
            return  # searched when the keys are ready
        query = self.query()
        catalog = self._state.catalog
        try:
            result = catalog.search(query)
            self._failure = ""
        except READ_ERRORS as exc:
            log.exception("searching the catalog failed")
            result = None
            self._failure = self.tr("The catalog could not be read: %1").replace(
                "%1", self._error_text(exc)
            )
            self.message.emit(self._failure)
        self._result = result
        if result is None:
            self.model.set_result([], 0)
        else:
            self.model.set_result(
                list(result.models),
                result.total,
                lambda offset, limit: catalog.search_page(query, offset, limit),
            )
            self.facet_panel.show_counts(result.counts)
        self._update_counts()
        selected = self._selected
        if selected is None or self.select_model(selected):
            return
        # Still found, further down than the rows read so far: its page stays open (reading
        # every page down to it on each keystroke would cost more than the search).
        try:
            still_found = self._state.catalog.search_contains(query, selected)
        except READ_ERRORS:
            still_found = False
        if not still_found:
            self._set_selected(None)

    def reload_overview(self) -> None:
        """Read what the filters offer (after start and after the database changed)."""
        try:
            overview = self._state.catalog.overview()
        except READ_ERRORS as exc:
            log.exception("reading the catalog overview failed")
            self.message.emit(
                self.tr("The catalog could not be read: %1").replace("%1", self._error_text(exc))
            )
            return
        self.facet_panel.set_overview(overview, self._state.language)

    def select_model(self, model_id: uuid.UUID, *, search_all: bool = False) -> bool:
        """Select a model of the result (reading pages up to it); False if it is not there."""
        row = self.model.row_of(model_id)
        if row < 0 and search_all and self.model.canFetchMore():
            try:
                ids = self._state.catalog.search_ids(self.query())
            except READ_ERRORS:
                ids = []
            if model_id in ids and self.model.fetch_until(ids.index(model_id)):
                row = self.model.row_of(model_id)
        if row < 0:
            return False
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self._set_selected(model_id)
        return True

    def selected_model_id(self) -> uuid.UUID | None:
        return self._selected

    def clear_selection(self) -> None:
        self.view.clearSelection()
        self._set_selected(None)

    def set_view_mode(self, mode: CardMode) -> None:
        self.view.set_mode(mode)
        (self.grid_button if mode is CardMode.GRID else self.list_button).setChecked(True)

    def view_mode(self) -> CardMode:
        return self.view.mode()

    # -- reacting ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        lang = self._state.language
        self.model.set_language(lang)
        self.facet_panel.retranslate(lang)
        self._update_counts()

    def _database_changed(self, _database: object = None) -> None:
        self.model.clear_thumbnails()
        self._set_selected(None)
        self._start()

    def _update_counts(self) -> None:
        if self._preparing:
            return  # the empty label says that the search is being prepared
        total = self.model.total
        has_search = bool(self.search.text().strip())
        filtered = has_search or self.facet_panel.has_filters()
        ticks = sum(len(m.ticked()) for m in self.facet_panel.models.values())
        ranges = sum(not r.bounds().is_open for r in self.facet_panel.ranges.values())
        self.bar.show_counts(total, ticks + ranges)
        if self._failure:
            self.empty_label.setText(self._failure)
        elif filtered:
            text = self.search.text().strip()
            self.empty_label.setText(
                self.tr('No model matches "%1". Try fewer letters or another spelling.').replace(
                    "%1", text
                )
                if text and not self.facet_panel.has_filters()
                else self.tr("No model matches these filters. Untick some, or clear them all.")
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

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            if not self.view.selectionModel().hasSelection():
                self._set_selected(None)
            return
        model_id = indexes[0].data(ModelRole.MODEL_ID)
        if isinstance(model_id, uuid.UUID):
            self._set_selected(model_id)

    def _set_selected(self, model_id: uuid.UUID | None) -> None:
        if model_id == self._selected:
            return
        self._selected = model_id
        self.current_model_changed.emit(model_id)

    def _activated(self, index: QModelIndex) -> None:
        model_id = index.data(ModelRole.MODEL_ID)
        if isinstance(model_id, uuid.UUID):
            self.model_activated.emit(model_id)

    def _select_first(self) -> None:
        self.reload()
        if self.model.rowCount():
            first = self.model.index(0)
            self.view.setCurrentIndex(first)
            self.view.setFocus()

    def _toggle_compare(self, model_id: uuid.UUID) -> None:
        if model_id not in self.basket and self.basket.is_full:
            self.message.emit(
                self.tr("Up to %1 models can be compared; remove one first.").replace(
                    "%1", str(self.basket.capacity)
                )
            )
            return
        self.basket.toggle(model_id)

    def _fetch_failed(self, reason: str) -> None:
        self.message.emit(self.tr("More models could not be read: %1").replace("%1", reason))

    def _error_text(self, exc: BaseException) -> str:
        return exc.text(self._state.language) if isinstance(exc, UserFacingError) else str(exc)
