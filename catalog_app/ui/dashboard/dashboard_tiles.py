"""The dashboard's headline numbers (tiles) and its tables (intents by status, per staff)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class KpiTile(QFrame):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.setProperty("kpi", name)
        self.value = QLabel("—")
        self.value.setObjectName("kpiValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label = QLabel()
        self.label.setObjectName("kpiLabel")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.label)


class KpiStrip(QWidget):
    """A row of tiles, ``names`` in order; ``tiles[name]`` to fill one."""

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = {name: KpiTile(name) for name in names}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        for column, name in enumerate(names):
            layout.addWidget(self.tiles[name], 0, column)
            layout.setColumnStretch(column, 1)

    def set(self, name: str, value: str, label: str) -> None:
        tile = self.tiles[name]
        tile.value.setText(value)
        tile.label.setText(label)


class FiguresTable(QWidget):
    """A titled, read-only table of a few rows; numbers right-aligned."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = QLabel()
        self.title.setObjectName("chartTitle")
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)

    def show_rows(
        self,
        title: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        empty_text: str,
        bold_last: bool = False,
    ) -> None:
        self.title.setText(title)
        table = self.table
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(list(headers))
        shown = rows or [[empty_text] + [""] * (len(headers) - 1)]
        table.setRowCount(len(shown))
        for r, row in enumerate(shown):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if bold_last and rows and r == len(shown) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        height = header.height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + 4
        table.setMinimumHeight(min(height, 320))
        table.setMaximumHeight(max(height, 120))

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
