"""The Qt model of the intents list: one row per form (its latest revision), filtered in SQL.

Rows come in pages (``canFetchMore``/``fetchMore``) from ``intent_query.list_intents``; the
filter bar sets an ``IntentFilter`` and the model starts again from the first page.
"""

from __future__ import annotations

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
)
from PySide6.QtGui import QColor, QFont

from catalog_app.domain.enums import IntentStatus
from catalog_app.domain.intent_terms import STATUS_LABELS
from catalog_app.services.intent_data import IntentSummary
from catalog_app.services.intent_query import IntentFilter, list_intents
from catalog_app.store.database import Database

PAGE_SIZE = 200
AnyIndex = QModelIndex | QPersistentModelIndex
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_COLOURS = {
    IntentStatus.DRAFT: "#5f6b7a",
    IntentStatus.PRINTED: "#1565c0",
    IntentStatus.SIGNED: "#2e7d32",
    IntentStatus.CANCELLED: "#b3261e",
}


class Column(IntEnum):
    REFERENCE = 0
    STATUS = 1
    DATE = 2
    BUYER = 3
    EXHIBITOR = 4
    MODELS = 5
    UNITS = 6
    VALUE = 7


def _header(column: Column) -> str:
    texts = {
        Column.REFERENCE: QCoreApplication.translate("IntentListModel", "Reference"),
        Column.STATUS: QCoreApplication.translate("IntentListModel", "Status"),
        Column.DATE: QCoreApplication.translate("IntentListModel", "Date"),
        Column.BUYER: QCoreApplication.translate("IntentListModel", "Buyer"),
        Column.EXHIBITOR: QCoreApplication.translate("IntentListModel", "Seller"),
        Column.MODELS: QCoreApplication.translate("IntentListModel", "Models"),
        Column.UNITS: QCoreApplication.translate("IntentListModel", "Units"),
        Column.VALUE: QCoreApplication.translate("IntentListModel", "Value (CNY)"),
    }
    return texts[column]


class IntentListModel(QAbstractTableModel):
    """Forms for the list, in the language given by ``set_language``."""

    def __init__(self, database: Database, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._language = language
        self._filter = IntentFilter()
        self._rows: list[IntentSummary] = []
        self._exhausted = True

    # -- filling -------------------------------------------------------------------------
    def set_database(self, database: Database) -> None:
        self._database = database
        self.reload()

    def set_filter(self, flt: IntentFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """The first page of the current filter (raises what the service raises)."""
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        try:
            self._load_page()
        finally:
            self.endResetModel()

    def _load_page(self) -> list[IntentSummary]:
        page = list_intents(self._database, self._filter, offset=len(self._rows), limit=PAGE_SIZE)
        self._rows.extend(page)
        self._exhausted = len(page) < PAGE_SIZE
        return page

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted:
            return
        start = len(self._rows)
        page = list_intents(self._database, self._filter, offset=start, limit=PAGE_SIZE)
        self._exhausted = len(page) < PAGE_SIZE
        if page:
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def set_language(self, language: str) -> None:
        self._language = language
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    # -- reading -------------------------------------------------------------------------
    def summary(self, row: int) -> IntentSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, intent_id: uuid.UUID) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == intent_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _header(Column(section))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.summary(index.row())
        if row is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SUMMARY_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.UNITS, Column.VALUE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATUS:
            return QColor(STATUS_COLOURS[row.status])
        if role == Qt.ItemDataRole.FontRole and row.status is IntentStatus.CANCELLED:
            font = QFont()
            font.setStrikeOut(column in (Column.REFERENCE, Column.BUYER))
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.MODELS, Column.BUYER):
            return self._display(row, column)
        return None

    def _display(self, row: IntentSummary, column: Column) -> str:
        if column == Column.REFERENCE:
            suffix = QCoreApplication.translate("IntentListModel", " (rev. %1)").replace(
                "%1", str(row.revision)
            )
            return row.reference + (suffix if row.revision > 1 else "")
        if column == Column.STATUS:
            return STATUS_LABELS[row.status].render(self._language)
        if column == Column.DATE:
            return row.issued_on.isoformat() if row.issued_on else ""
        if column == Column.BUYER:
            return row.buyer_company
        if column == Column.EXHIBITOR:
            return row.exhibitor(self._language)
        if column == Column.MODELS:
            return row.models
        if column == Column.UNITS:
            return f"{row.total_units:,}"
        return f"{row.total_value:,.2f}"
