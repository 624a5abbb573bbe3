"""The vehicles part of the editor: the lines table, its buttons, and the live totals — units,
value in figures and in Chinese capital numerals (大写金额) — as the person types.

Signals:
    add_model_requested(): "Add model…" was pressed (the editor opens the picker).
    changed(): a line was added, removed, moved or edited.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.capital_numerals import capital_amount
from catalog_app.services.intent_data import LineInput
from catalog_app.ui.accounts.ui_helpers import error_label, show_error
from catalog_app.ui.intents.lines_model import COLUMN_OF_FIELD, LineColumn, LineDelegate, LinesModel

TABLE_HEIGHT = 190


class VehiclesSection(QGroupBox):
    add_model_requested = Signal()
    changed = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intentVehicles")
        self.model = LinesModel(language, self)
        self._marking = False
        self.table = QTableView()
        self.table.setObjectName("intentLines")
        self.table.setModel(self.model)
        self.table.setItemDelegate(LineDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setMinimumHeight(TABLE_HEIGHT)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LineColumn.MODEL, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (LineColumn.ANNOUNCEMENT, 130),
            (LineColumn.BATTERY, 150),
            (LineColumn.ENERGY, 110),
            (LineColumn.COLOUR, 70),
            (LineColumn.QUANTITY, 60),
            (LineColumn.PRICE, 120),
            (LineColumn.SUBTOTAL, 130),
            (LineColumn.TCO, 80),
        ):
            self.table.setColumnWidth(column, width)
        self.add_model = QPushButton()
        self.add_model.setObjectName("intentAddModel")
        self.add_model.clicked.connect(self.add_model_requested)
        self.add_blank = QPushButton()
        self.add_blank.setObjectName("intentAddLine")
        self.add_blank.clicked.connect(self._add_blank)
        self.remove = QPushButton()
        self.remove.setObjectName("intentRemoveLine")
        self.remove.clicked.connect(self._remove)
        self.up = QPushButton("↑")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down = QPushButton("↓")
        self.down.clicked.connect(lambda: self._move(1))
        self.totals = QLabel()
        self.totals.setObjectName("intentTotals")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.words = QLabel()
        self.words.setObjectName("intentTotalWords")
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_label("linesError")
        buttons = QHBoxLayout()
        for button in (self.add_model, self.add_blank, self.remove, self.up, self.down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.totals)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.words, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.error)
        for signal in (
            self.model.dataChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
        ):
            signal.connect(self._changed)
        self.retranslate()

    # -- content -------------------------------------------------------------------------
    def set_lines(self, lines: list[LineInput], tco_models: set) -> None:  # type: ignore[type-arg]
        self.model.set_lines(lines, tco_models)

    def lines(self) -> list[LineInput]:
        return [LineInput(**vars(line)) for line in self.model.lines]

    def append(self, line: LineInput) -> None:
        row = self.model.append(line)
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        for button in (self.add_model, self.add_blank, self.remove, self.up, self.down):
            button.setEnabled(not read_only)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Mark the cells named ``lines[i].field``; list the messages under the table."""
        cells: dict[tuple[int, str], str] = {}
        texts = []
        for name, text in problems.items():
            if name == "lines":
                texts.append(text)
            elif name.startswith("lines["):
                row = int(name[6 : name.index("]")])
                field = name.split(".", 1)[1]
                cells[(row, field)] = text
                column = COLUMN_OF_FIELD.get(field)
                where = self.tr("Line %1").replace("%1", str(row + 1))
                if column is not None:
                    label = self.model.headerData(column, Qt.Orientation.Horizontal)
                    where = f"{where}, {label}"
                texts.append(f"{where}: {text}")
        self._marking = True  # tinting cells is not an edit
        try:
            self.model.set_errors(cells)
        finally:
            self._marking = False
        show_error(self.error, "\n".join(texts))

    # -- reacting ------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        self._update_totals()
        if not self.model.read_only and not self._marking:
            self.changed.emit()

    def _update_totals(self) -> None:
        lines = self.model.lines
        units = sum(max(line.quantity, 0) for line in lines)
        value = sum((line.subtotal for line in lines), Decimal("0.00"))
        self.totals.setText(
            self.tr("Total: %1 unit(s) · ¥%2")
            .replace("%1", f"{units:,}")
            .replace("%2", f"{value:,.2f}")
        )
        try:
            words = capital_amount(value)
        except ValueError:
            words = "—"
        self.words.setText(self.tr("In words: RMB %1").replace("%1", words))

    def _add_blank(self) -> None:
        self.append(LineInput())
        self.table.edit(self.model.index(len(self.model.lines) - 1, LineColumn.MODEL))

    def _selected_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _remove(self) -> None:
        row = self._selected_row()
        if row >= 0:
            self.model.remove(row)

    def _move(self, step: int) -> None:
        row = self._selected_row()
        if row >= 0:
            self.table.selectRow(self.model.move(row, step))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Vehicles"))
        self.add_model.setText(self.tr("Add model…"))
        self.add_blank.setText(self.tr("Add line"))
        self.remove.setText(self.tr("Remove line"))
        self.up.setToolTip(self.tr("Move the line up"))
        self.down.setToolTip(self.tr("Move the line down"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LineColumn) - 1)
        self._update_totals()
