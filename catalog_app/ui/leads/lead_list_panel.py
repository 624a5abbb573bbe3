"""The "All leads" tab: search and filters, the lazily fetched table, the counts and the actions.

Queries and counts run off the GUI thread (``LeadListModel``, ``LeadCounts``); sorting is done
in SQL by the query, and the model is reset with the new order. The actions (rate, follow-up,
edit, delete, personal data, import) live in ``LeadListActions``.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from catalog_app.services.lead_list import ListOrder, ListQuery, count_not_exported
from catalog_app.services.lead_rows import LeadRow, filter_choices
from catalog_app.ui.app_state import AppState
from catalog_app.ui.leads.lead_counts import LeadCounts
from catalog_app.ui.leads.lead_filter_bar import LeadFilterBar
from catalog_app.ui.leads.lead_list_actions import LeadListActions
from catalog_app.ui.leads.lead_list_model import (
    COLUMN_OF_SORT,
    LEAD_ID_ROLE,
    SORT_OF_COLUMN,
    Column,
    LeadListModel,
)

MATCHING = "matching"
NOT_EXPORTED = "not_exported"
COLUMN_WIDTHS = {
    Column.NAME: 110,
    Column.COMPANY: 170,
    Column.PHONE: 115,
    Column.EMAIL: 150,
    Column.RATING: 56,
    Column.FOLLOW_UP: 76,
    Column.MODELS: 190,
    Column.STAFF: 80,
    Column.SOURCE: 72,
}


class LeadListPanel(QWidget):
    """Every lead, searchable and filterable, with bulk actions.

    Signals:
        edit_requested(object): open this lead (a UUID) for editing.
        message(str): something for the status bar.
    """

    edit_requested = Signal(object)
    message = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadListPanel")
        self._state = state
        self.order = ListOrder()
        self._failure = ""

        self.filters = LeadFilterBar(state.language)
        self.filters.changed.connect(self.reload)
        self.model = LeadListModel(state.tasks, state.language, self)
        self.model.loading_changed.connect(lambda _busy: self._update_status())
        self.model.page_loaded.connect(lambda _rows: self._update_status())
        self.model.failed.connect(self._load_failed)
        self.counts = LeadCounts(state.tasks, self)
        self.counts.counted.connect(lambda _name, _value: self._update_status())
        self.counts.counting.connect(lambda _name: self._update_status())

        self.view = QTableView()
        self.view.setObjectName("leadTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSortIndicator(Column.CAPTURED, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self.sort_by_column)
        self.view.doubleClicked.connect(self._open_index)

        self.actions = LeadListActions(state, self)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_args: self.actions.update_enabled()
        )

        self.count_label = QLabel()
        self.count_label.setObjectName("leadCount")
        self.not_exported_label = QLabel()
        self.not_exported_label.setObjectName("leadNotExportedCount")
        self.empty_label = QLabel()
        self.empty_label.setObjectName("leadListEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)

        status = QHBoxLayout()
        status.setContentsMargins(0, 0, 0, 0)
        status.addWidget(self.count_label)
        status.addSpacing(16)
        status.addWidget(self.not_exported_label)
        status.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(self.filters)
        layout.addWidget(self.actions.toolbar)
        layout.addLayout(status)
        layout.addWidget(self.stack, 1)

        state.database_changed.connect(lambda _db: self.database_changed())
        state.staff_changed.connect(lambda _staff: self.actions.update_enabled())
        self.retranslate()
        self.reload_choices()
        self.reload()

    # -- queries -------------------------------------------------------------------------
    def reload(self) -> None:
        """Run the current filter and order again: first page and the counts."""
        self._failure = ""
        query = ListQuery(self._state.database, self.filters.current_filter(), self.order)
        self.model.set_query(query)
        self.counts.request(MATCHING, query.count)
        self.recount_not_exported()
        self.actions.update_enabled()
        self._update_status()

    def recount_after_change(self) -> None:
        """The counts again (rows were rated, deleted, ...); the rows shown stay."""
        query = self.model.query
        if query is not None:
            self.counts.request(MATCHING, query.count)
        self.recount_not_exported()

    def recount_not_exported(self) -> None:
        database = self._state.database
        self.counts.request(NOT_EXPORTED, lambda stop: count_not_exported(database, stop))

    def reload_choices(self) -> None:
        try:
            self.filters.set_choices(filter_choices(self._state.database))
        except SQLAlchemyError as exc:
            self.message.emit(str(exc))

    def database_changed(self) -> None:
        self.counts.stop_all()
        self.reload_choices()
        self.reload()

    def sort_by_column(self, section: int) -> None:
        """Header click: sort by that column (again: the other way round) in SQL."""
        column = Column(section)
        header = self.view.horizontalHeader()
        sort = SORT_OF_COLUMN.get(column)
        if sort is None:  # not sortable in SQL: keep the current order and its indicator
            current = COLUMN_OF_SORT[self.order.sort]
            header.setSortIndicator(current, _qt_order(self.order.descending))
            self.message.emit(
                self.tr(
                    "This column cannot be sorted; sort by name, company, rating or capture time."
                )
            )
            return
        if sort is self.order.sort:
            descending = not self.order.descending
        else:
            descending = sort.value in ("captured",)  # newest first; names A→Z; hot first
        self.set_order(ListOrder(sort, descending))

    def set_order(self, order: ListOrder) -> None:
        self.order = order
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(COLUMN_OF_SORT[order.sort], _qt_order(order.descending))
        header.blockSignals(False)
        query = ListQuery(self._state.database, self.filters.current_filter(), order)
        self.model.set_query(query)  # the count does not change with the order
        self.actions.update_enabled()
        self._update_status()

    # -- selection -----------------------------------------------------------------------
    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        found = [self.model.lead_at(row) for row in rows]
        return [lead.id for lead in found if lead is not None]

    def selected_leads(self) -> list[LeadRow]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [lead for row in rows if (lead := self.model.lead_at(row)) is not None]

    def select_rows(self, rows: list[int]) -> None:
        """Select these rows (as a person ctrl-clicking them)."""
        selection = self.view.selectionModel()
        selection.clearSelection()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for row in rows:
            selection.select(self.model.index(row, 0), flags)
        if rows:
            selection.setCurrentIndex(
                self.model.index(rows[-1], 0), selection.SelectionFlag.NoUpdate
            )

    def _open_index(self, index: QModelIndex) -> None:
        lead_id = index.data(LEAD_ID_ROLE)
        if isinstance(lead_id, uuid.UUID):
            self.edit_requested.emit(lead_id)

    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if index.isValid() and not self.view.selectionModel().isRowSelected(index.row()):
            self.select_rows([index.row()])
        self.actions.context_menu().popup(self.view.viewport().mapToGlobal(position))

    # -- status --------------------------------------------------------------------------
    def _load_failed(self, reason: str) -> None:
        self._failure = self.tr("The leads could not be read: %1").replace("%1", reason)
        self.message.emit(self._failure)
        self._update_status()

    def _update_status(self) -> None:
        # Grouped digits in the UI language (the process locale may be "C" on a bare system).
        locale = QLocale("zh_CN" if self._state.language.startswith("zh") else "en_US")
        matching = self.counts.values.get(MATCHING)
        if matching is None:
            self.count_label.setText(self.tr("Counting leads…"))
        else:
            text = self.tr("%Ln lead(s)", "", matching)
            self.count_label.setText(text.replace(str(matching), locale.toString(matching)))
        waiting = self.counts.values.get(NOT_EXPORTED)
        if waiting is None:
            self.not_exported_label.setText(self.tr("Not yet exported: counting…"))
        else:
            self.not_exported_label.setText(
                self.tr("Not yet exported or synced: %1").replace("%1", locale.toString(waiting))
            )
        self.not_exported_label.setProperty("attention", bool(waiting))
        empty = self.model.rowCount() == 0 and not self.model.is_loading
        if self._failure:
            self.empty_label.setText(self._failure)
        elif self.filters.is_narrowed():
            self.empty_label.setText(
                self.tr(
                    "No lead matches the search and filters. Try fewer letters, another "
                    "spelling or “Clear filters”."
                )
            )
        else:
            self.empty_label.setText(
                self.tr(
                    "No leads yet. Leads captured on the Capture tab, left at the kiosk or "
                    "imported from a file (managers: “Import leads…”) appear here."
                )
            )
        self.stack.setCurrentWidget(self.empty_label if empty or self._failure else self.view)

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.filters.set_language(self._state.language)
        self.model.set_language(self._state.language)
        self.actions.retranslate()
        self._update_status()


def _qt_order(descending: bool) -> Qt.SortOrder:
    return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
