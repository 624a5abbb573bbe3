"""Up to four models side by side on the kiosk: rows by spec group, differences marked.

A row whose values differ is shaded; where the field has a direction (higher or lower is
better) the best value is green and bold. "Only differences" hides the identical rows. Each
model's column has a button to take it out of the comparison.

Signals:
    back(): return to the catalog.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.spec_fields import Better
from catalog_app.services.catalog import CatalogService, SpecEntry, SpecSheet
from catalog_app.ui.kiosk.session import KioskSession

DIFFERENT = QColor("#fff4d6")
BEST = QColor("#2e7d32")
GROUP = QColor("#e3edf8")


def best_values(entries: list[SpecEntry | None]) -> set[int]:
    """Columns holding the best value of a numeric row (empty when no direction or a tie of all)."""
    numbers = [
        (i, float(e.raw))
        for i, e in enumerate(entries)
        if e is not None and isinstance(e.raw, int | float)
    ]
    direction = next((e.better for e in entries if e is not None), Better.NONE)
    if direction is Better.NONE or len(numbers) < 2:
        return set()
    pick = max if direction is Better.HIGHER else min
    best = pick(value for _i, value in numbers)
    winners = {i for i, value in numbers if value == best}
    return set() if len(winners) == len(numbers) else winners


class CompareScreen(QWidget):
    """See the module docstring."""

    back = Signal()

    def __init__(self, session: KioskSession, language: object, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._language = language
        self.sheets: list[SpecSheet] = []
        self.title = QLabel()
        self.title.setObjectName("kioskTitle")
        self.back_button = QPushButton()
        self.back_button.setObjectName("compareBack")
        self.back_button.clicked.connect(self.back.emit)
        self.only_differences = QPushButton()
        self.only_differences.setObjectName("compareOnlyDifferences")
        self.only_differences.setCheckable(True)
        self.only_differences.toggled.connect(lambda _on: self._fill())
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.remove_row = QHBoxLayout()
        self.remove_buttons: list[QPushButton] = []
        self.table = QTableWidget()
        self.table.setObjectName("compareTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.only_differences)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addLayout(self.remove_row)
        layout.addWidget(self.table, 1)
        session.compare_changed.connect(self._reload_if_shown)
        self._catalog: CatalogService | None = None
        self.retranslate()

    def show_models(self, catalog: CatalogService) -> None:
        self._catalog = catalog
        self.sheets = [
            sheet for i in self._session.compared if (sheet := catalog.spec_sheet(i)) is not None
        ]
        self._fill()

    def _reload_if_shown(self) -> None:
        if self._catalog is not None and self.isVisible():
            self.show_models(self._catalog)

    def _remove(self, model_id: uuid.UUID) -> None:
        self._session.set_compared(model_id, False)

    def _fill(self) -> None:
        lang = self._language()  # type: ignore[operator]
        sheets = self.sheets
        self.empty.setVisible(len(sheets) < 2)
        self.empty.setText(
            QCoreApplication.translate(
                "KioskCompare", "Tap “Compare” on two to four trucks to see them side by side."
            )
            if len(sheets) < 2
            else ""
        )
        for button in self.remove_buttons:
            button.deleteLater()
        self.remove_buttons = []
        while self.remove_row.count():
            self.remove_row.takeAt(0)
        self.remove_row.addSpacing(260)
        for sheet in sheets:
            button = QPushButton(
                QCoreApplication.translate("KioskCompare", "Remove %1").replace(
                    "%1", sheet.model.code
                )
            )
            button.setObjectName("compareRemove")
            button.clicked.connect(lambda _c=False, i=sheet.model.id: self._remove(i))
            self.remove_row.addWidget(button, 1)
            self.remove_buttons.append(button)
        table = self.table
        table.clear()
        table.setColumnCount(len(sheets) + 1)
        table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("KioskCompare", "Specification"),
                *(s.model.name(lang) for s in sheets),
            ]
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(0, 260)
        rows: list[tuple[str, list[SpecEntry | None] | None]] = []
        by_group: dict[str, tuple[str, dict[str, list[SpecEntry | None]]]] = {}
        for column, sheet in enumerate(sheets):
            for group in sheet.groups:
                label, fields = by_group.setdefault(group.key, (group.label(lang), {}))
                for entry in group.entries:
                    cells = fields.setdefault(entry.field.key, [None] * len(sheets))
                    cells[column] = entry
        for label, fields in by_group.values():
            shown = [
                (key, cells)
                for key, cells in fields.items()
                if not self.only_differences.isChecked() or _differs(cells, lang)
            ]
            if shown:
                rows.append((label, None))
                rows.extend((key, cells) for key, cells in shown)
        table.setRowCount(len(rows))
        bold = QFont(table.font())
        bold.setBold(True)
        for line, (key, cells) in enumerate(rows):
            if cells is None:
                item = QTableWidgetItem(key)
                item.setFont(bold)
                item.setBackground(QBrush(GROUP))
                table.setItem(line, 0, item)
                table.setSpan(line, 0, 1, len(sheets) + 1)
                continue
            first = next(e for e in cells if e is not None)
            table.setItem(line, 0, QTableWidgetItem(first.label(lang)))
            differs = _differs(cells, lang)
            best = best_values(cells)
            for column, entry in enumerate(cells, start=1):
                item = QTableWidgetItem(entry.display(lang) if entry else "—")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if differs:
                    item.setBackground(QBrush(DIFFERENT))
                if column - 1 in best:
                    item.setForeground(QBrush(BEST))
                    item.setFont(bold)
                table.setItem(line, column, item)

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("KioskCompare", "Compare"))
        self.back_button.setText(QCoreApplication.translate("KioskCompare", "← All trucks"))
        self.only_differences.setText(
            QCoreApplication.translate("KioskCompare", "Only differences")
        )
        self._fill()


def _differs(cells: list[SpecEntry | None], lang: str) -> bool:
    return len({e.display(lang) if e else "" for e in cells}) > 1
