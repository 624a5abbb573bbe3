"""The Qt model of the lead list: one row per lead, fetched a page at a time off the GUI thread.

The query (``services.lead_list.ListQuery``) does the filtering and sorting in SQL; this model
only holds the pages fetched so far. ``fetchMore`` starts a background task for the next page
(keyset paging, so page 5,000 costs what page 1 does) and returns at once; the rows are inserted
when the page arrives. A new query (typed search, filter, sort) resets the model, interrupts the
page query still running for the old one and ignores its late result.
"""

from __future__ import annotations

import logging
import uuid
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from catalog_app.domain.enums import Rating
from catalog_app.domain.text import UserFacingError
from catalog_app.services.lead_labels import industry_label, label
from catalog_app.services.lead_list import PAGE_SIZE, LeadPage, ListQuery, ListSort, PageCursor
from catalog_app.services.lead_rows import LeadRow
from catalog_app.services.query_interrupt import QueryInterrupted, QueryInterrupter
from catalog_app.ui.tasks import TaskCancelled, TaskContext, TaskRunner

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex
LEAD_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    NAME = 0
    COMPANY = 1
    PHONE = 2
    EMAIL = 3
    RATING = 4
    FOLLOW_UP = 5
    MODELS = 6
    STAFF = 7
    SOURCE = 8
    CAPTURED = 9


SORT_OF_COLUMN = {
    Column.NAME: ListSort.NAME,
    Column.COMPANY: ListSort.COMPANY,
    Column.RATING: ListSort.RATING,
    Column.CAPTURED: ListSort.CAPTURED,
}
COLUMN_OF_SORT = {sort: column for column, sort in SORT_OF_COLUMN.items()}
RATING_COLOURS = {Rating.HOT: "#c62828", Rating.WARM: "#e65100", Rating.COLD: "#1565c0"}


def header_texts() -> dict[Column, str]:
    return {
        Column.NAME: QCoreApplication.translate("LeadListModel", "Name"),
        Column.COMPANY: QCoreApplication.translate("LeadListModel", "Company"),
        Column.PHONE: QCoreApplication.translate("LeadListModel", "Phone"),
        Column.EMAIL: QCoreApplication.translate("LeadListModel", "E-mail"),
        Column.RATING: QCoreApplication.translate("LeadListModel", "Rating"),
        Column.FOLLOW_UP: QCoreApplication.translate("LeadListModel", "Follow-up"),
        Column.MODELS: QCoreApplication.translate("LeadListModel", "Models of interest"),
        Column.STAFF: QCoreApplication.translate("LeadListModel", "Staff"),
        Column.SOURCE: QCoreApplication.translate("LeadListModel", "Source"),
        Column.CAPTURED: QCoreApplication.translate("LeadListModel", "Captured"),
    }


class LeadListModel(QAbstractTableModel):
    """Leads of the current ``ListQuery``, fetched page by page.

    Signals:
        loading_changed(bool): a page is being fetched (True) or not (False).
        failed(str): a page could not be read (the reason, in the UI language).
        page_loaded(int): a page arrived; the number of rows now held.
    """

    loading_changed = Signal(bool)
    failed = Signal(str)
    page_loaded = Signal(int)

    def __init__(self, tasks: TaskRunner, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._language = language
        self._rows: list[LeadRow] = []
        self._query: ListQuery | None = None
        self._cursor: PageCursor | None = None
        self._exhausted = True
        self._generation = 0
        self._loading = False
        self._interrupter: QueryInterrupter | None = None
        self._headers = header_texts()

    # -- the query ---------------------------------------------------------------------
    @property
    def query(self) -> ListQuery | None:
        return self._query

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        """Every row of the query has been fetched."""
        return self._exhausted

    def set_query(self, query: ListQuery | None) -> None:
        """Show the leads of ``query`` (from its first page); None empties the list."""
        self._stop_loading()
        self.beginResetModel()
        self._generation += 1
        self._query = query
        self._rows = []
        self._cursor = None
        self._exhausted = query is None
        self.endResetModel()
        if query is not None:
            self._load_next()

    def reload(self) -> None:
        """The same query again from its first page (after the data changed)."""
        self.set_query(self._query)

    def set_language(self, language: str) -> None:
        self._language = language
        self._headers = header_texts()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _stop_loading(self) -> None:
        if self._interrupter is not None:
            self._interrupter.interrupt()
            self._interrupter = None
        self._set_loading(False)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- lazy fetching -----------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._load_next()

    def _load_next(self) -> None:
        if self._query is None or self._exhausted or self._loading:
            return
        query, cursor, generation = self._query, self._cursor, self._generation
        interrupter = QueryInterrupter()
        self._interrupter = interrupter

        def work(context: TaskContext) -> LeadPage:
            try:
                return query.page(cursor, PAGE_SIZE, interrupter)
            except QueryInterrupted as exc:
                raise TaskCancelled() from exc

        self._set_loading(True)
        self._tasks.start(
            "lead-list-page",
            work,
            on_finished=lambda page: self._page_arrived(generation, page),
            on_failed=lambda exc: self._page_failed(generation, exc),
        )

    def _page_arrived(self, generation: int, page: LeadPage) -> None:
        if generation != self._generation:
            return
        self._interrupter = None
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._cursor = page.next
        self._exhausted = page.next is None
        self._set_loading(False)
        self.page_loaded.emit(len(self._rows))

    def _page_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._interrupter = None
        self._exhausted = True  # no retry loop; the page offers "reload"
        self._set_loading(False)
        reason = error.text(self._language) if isinstance(error, UserFacingError) else str(error)
        self.failed.emit(reason)

    # -- rows changed elsewhere --------------------------------------------------------
    def lead_at(self, row: int) -> LeadRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, lead_id: uuid.UUID) -> int:
        for row, lead in enumerate(self._rows):
            if lead.id == lead_id:
                return row
        return -1

    def replace_rows(self, fresh: dict[uuid.UUID, LeadRow], gone: set[uuid.UUID]) -> None:
        """Show new values of some rows in place and drop ``gone`` ones (no reset: the view
        keeps its scroll position and the rest of the selection)."""
        for row, lead in enumerate(self._rows):
            if lead.id in fresh:
                self._rows[row] = fresh[lead.id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        for row in range(len(self._rows) - 1, -1, -1):
            if self._rows[row].id in gone:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    # -- reading -----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(Column(section)) if 0 <= section < len(Column) else None
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if Column(section) in SORT_OF_COLUMN:
                return QCoreApplication.translate(
                    "LeadListModel", "Click to sort by this column; click again to reverse"
                )
            return None
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        lead = self.lead_at(index.row()) if index.isValid() else None
        if lead is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(lead, column)
        if role == LEAD_ID_ROLE:
            return lead.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(lead)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.RATING and lead.rating:
            return QBrush(QColor(RATING_COLOURS[lead.rating]))
        if role == Qt.ItemDataRole.FontRole and column is Column.NAME and lead.possible_duplicate:
            font = QCoreApplication.instance().font()  # type: ignore[union-attr]
            font.setItalic(True)
            return font
        return None

    def _text(self, lead: LeadRow, column: Column) -> str:
        lang = self._language
        if column is Column.NAME:
            name = lead.person_name or "—"
            return f"{name}  ⚑" if lead.possible_duplicate else name
        if column is Column.COMPANY:
            return lead.company
        if column is Column.PHONE:
            return lead.mobile or lead.landline
        if column is Column.EMAIL:
            return lead.email
        if column is Column.RATING:
            return label(lead.rating, lang) or "—"
        if column is Column.FOLLOW_UP:
            return label(lead.follow_up, lang)
        if column is Column.MODELS:
            return "、".join(_interest_text(i.name(lang), i.quantity) for i in lead.interests)
        if column is Column.STAFF:
            return lead.staff_name
        if column is Column.SOURCE:
            return label(lead.source, lang)
        if lead.captured_at is None:
            return "—"
        return lead.captured_at.astimezone().strftime("%Y-%m-%d %H:%M")

    def _tooltip(self, lead: LeadRow) -> str:
        lang = self._language
        lines = [" · ".join(p for p in (lead.person_name, lead.title, lead.company) if p)]
        contacts = [lead.mobile, lead.landline, lead.email]
        if lead.wechat_id:
            contacts.append(
                QCoreApplication.translate("LeadListModel", "WeChat: %1").replace(
                    "%1", lead.wechat_id
                )
            )
        lines.append("  ".join(c for c in contacts if c))
        if lead.industry:
            lines.append(industry_label(lead.industry, lang))
        for interest in lead.interests:
            lines.append("• " + _interest_text(interest.name(lang), interest.quantity))
        if lead.possible_duplicate:
            lines.append(
                QCoreApplication.translate(
                    "LeadListModel", "⚑ Possibly the same person as another lead (see duplicates)"
                )
            )
        if lead.exported_at is None:
            lines.append(QCoreApplication.translate("LeadListModel", "Not yet exported or synced"))
        return "\n".join(line for line in lines if line)


def _interest_text(name: str, quantity: int) -> str:
    return f"{name} ×{quantity}" if quantity > 1 else name
