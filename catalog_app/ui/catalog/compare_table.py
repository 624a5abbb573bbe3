"""The comparison's table view: group headings spanning the row, a fixed label column, model
columns sharing the rest, and "Details" / "Remove" under each model's picture.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from catalog_app.ui.catalog.compare_model import CompareRole, CompareTableModel, RowKind
from catalog_app.ui.catalog.sizing import Sizing

LABEL_COLUMN = 200


class CompareTable(QTableView):
    """Signals:
    details_clicked(object): "Details" under a model (its id).
    remove_clicked(object): "Remove" under a model (its id).
    """

    details_clicked = Signal(object)
    remove_clicked = Signal(object)

    def __init__(
        self, model: CompareTableModel, sizing: Sizing, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareTable")
        self.sizing = sizing
        self.setModel(model)
        self._model = model
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        sizing.apply_font(self)
        model.base_font = self.font()
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setMinimumHeight(sizing.target)
        sizing.apply_font(header, bold=True)
        model.modelReset.connect(self._lay_out)

    def _lay_out(self) -> None:
        self.clearSpans()
        columns = self._model.columnCount()
        for row in self._model.group_rows():
            self.setSpan(row, 0, 1, columns)
        header = self.horizontalHeader()
        if columns:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(0, LABEL_COLUMN + (40 if self.sizing.touch else 0))
            for column in range(1, columns):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.resizeRowsToContents()
        for row in range(self._model.rowCount()):
            kind = self._model.index(row, 0).data(CompareRole.KIND)
            if kind is RowKind.ACTIONS:
                self._place_buttons(row)
            if kind is not RowKind.PHOTO:
                self.setRowHeight(row, max(self.rowHeight(row), self.sizing.target + 4))

    def _place_buttons(self, row: int) -> None:
        """A handful of buttons (one pair per model), not a widget per row."""
        comparison = self._model.comparison
        if comparison is None:
            return
        for column, model in enumerate(comparison.models, start=1):
            cell = QWidget()
            buttons = QHBoxLayout(cell)
            buttons.setContentsMargins(4, 2, 4, 2)
            buttons.setSpacing(6)
            details = QPushButton(self.tr("Details"))
            details.setObjectName("compareDetails")
            details.clicked.connect(
                lambda _c=False, i=model.id: self._clicked(self.details_clicked, i)
            )
            remove = QPushButton(self.tr("Remove"))
            remove.setObjectName("compareRemove")
            remove.clicked.connect(
                lambda _c=False, i=model.id: self._clicked(self.remove_clicked, i)
            )
            for button in (details, remove):
                self.sizing.apply_font(button)
                button.setMinimumHeight(self.sizing.target)
            buttons.addStretch(1)
            buttons.addWidget(details)
            buttons.addWidget(remove)
            buttons.addStretch(1)
            self.setIndexWidget(self._model.index(row, column), cell)

    def _clicked(self, signal: Signal, model_id: uuid.UUID) -> None:
        signal.emit(model_id)  # type: ignore[attr-defined]
