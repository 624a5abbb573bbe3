"""A Qt list model of one facet's values: tickable, each with how many models it would show.

A value whose count is 0 stays listed (so values never jump around) but is greyed out and
cannot be ticked; a value that is ticked can always be unticked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)

AnyIndex = QModelIndex | QPersistentModelIndex

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class FacetValue:
    value: Any  # a choice value (str) or an exhibitor id (uuid.UUID)
    label: str


class FacetListModel(QAbstractListModel):
    """Signals:
    ticks_changed(): a value was ticked or unticked by the person (not by ``set_ticked``).
    """

    ticks_changed = Signal()

    def __init__(self, row_height: int = 26, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: list[FacetValue] = []
        self._counts: dict[Any, int] = {}
        self._ticked: set[Any] = set()
        self._row_height = row_height

    def set_values(self, values: list[FacetValue]) -> None:
        """Replace the values (labels in the current language); ticks of vanished values go."""
        self.beginResetModel()
        self._values = list(values)
        self._ticked &= {v.value for v in values}
        self.endResetModel()

    def relabel(self, labels: dict[Any, str]) -> None:
        self._values = [FacetValue(v.value, labels.get(v.value, v.label)) for v in self._values]
        self._all_changed()

    def set_counts(self, counts: dict[Any, int]) -> None:
        self._counts = dict(counts)
        self._all_changed()

    def ticked(self) -> frozenset[Any]:
        return frozenset(self._ticked)

    def set_ticked(self, values: frozenset[Any]) -> None:
        self._ticked = {v for v in values if any(fv.value == v for fv in self._values)}
        self._all_changed()

    def row_of(self, value: Any) -> int:
        for row, item in enumerate(self._values):
            if item.value == value:
                return row
        return -1

    def _all_changed(self) -> None:
        if self._values:
            self.dataChanged.emit(self.index(0), self.index(len(self._values) - 1))

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._values)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._values):
            return None
        item = self._values[index.row()]
        count = self._counts.get(item.value, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.label}  ({count})"
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = item.value in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.label
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(-1, self._row_height)
        if role == VALUE_ROLE:
            return item.value
        if role == COUNT_ROLE:
            return count
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        item = self._values[index.row()]
        usable = item.value in self._ticked or self._counts.get(item.value, 0) > 0
        if not usable:
            return Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        item = self._values[index.row()]
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked:
            self._ticked.add(item.value)
        else:
            self._ticked.discard(item.value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()
        return True

    def toggle(self, row: int) -> None:
        """Tick or untick a row as a click on it would (rows that cannot be ticked are left)."""
        index = self.index(row)
        if not self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return
        checked = self.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        self.setData(index, new, Qt.ItemDataRole.CheckStateRole)
