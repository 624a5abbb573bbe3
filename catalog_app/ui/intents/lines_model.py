"""The vehicle lines of the form being edited, as an editable table model, with its delegates.

Columns: model, announcement number, battery, charge/swap, colour, quantity, indicative unit
price, subtotal (computed) and whether the TCO page covers the line's model. A line the checks
refused is tinted and its message is the cell's tooltip.
"""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation
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
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from catalog_app.domain.intent_terms import ENERGY_MODE_LABELS, EnergyMode
from catalog_app.services.intent_checks import MAX_QUANTITY, MAX_UNIT_PRICE
from catalog_app.services.intent_data import LineInput, money

AnyIndex = QModelIndex | QPersistentModelIndex
ERROR_TINT = QColor("#fde7e6")


class LineColumn(IntEnum):
    MODEL = 0
    ANNOUNCEMENT = 1
    BATTERY = 2
    ENERGY = 3
    COLOUR = 4
    QUANTITY = 5
    PRICE = 6
    SUBTOTAL = 7
    TCO = 8


FIELD_OF_COLUMN = {
    LineColumn.MODEL: "model_name",
    LineColumn.ANNOUNCEMENT: "announcement_no",
    LineColumn.BATTERY: "battery_config",
    LineColumn.ENERGY: "energy_mode",
    LineColumn.COLOUR: "colour",
    LineColumn.QUANTITY: "quantity",
    LineColumn.PRICE: "unit_price_cny",
}
COLUMN_OF_FIELD = {name: column for column, name in FIELD_OF_COLUMN.items()}


def _header(column: LineColumn) -> str:
    translate = QCoreApplication.translate
    return {
        LineColumn.MODEL: translate("LinesModel", "Model"),
        LineColumn.ANNOUNCEMENT: translate("LinesModel", "Announcement no."),
        LineColumn.BATTERY: translate("LinesModel", "Battery"),
        LineColumn.ENERGY: translate("LinesModel", "Charge / swap"),
        LineColumn.COLOUR: translate("LinesModel", "Colour"),
        LineColumn.QUANTITY: translate("LinesModel", "Qty"),
        LineColumn.PRICE: translate("LinesModel", "Unit price (CNY)"),
        LineColumn.SUBTOTAL: translate("LinesModel", "Subtotal (CNY)"),
        LineColumn.TCO: translate("LinesModel", "TCO page"),
    }[column]


class LinesModel(QAbstractTableModel):
    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.lines: list[LineInput] = []
        self.tco_models: set[uuid.UUID] = set()
        self.read_only = False
        self._errors: dict[tuple[int, str], str] = {}

    # -- content -------------------------------------------------------------------------
    def set_lines(self, lines: list[LineInput], tco_models: set[uuid.UUID]) -> None:
        self.beginResetModel()
        self.lines = [LineInput(**vars(line)) for line in lines]
        self.tco_models = set(tco_models)
        self._errors = {}
        self.endResetModel()

    def append(self, line: LineInput) -> int:
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(line)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self._errors = {}
            self.endRemoveRows()

    def move(self, row: int, step: int) -> int:
        target = row + step
        if not (0 <= row < len(self.lines) and 0 <= target < len(self.lines)):
            return row
        self.beginResetModel()
        self.lines[row], self.lines[target] = self.lines[target], self.lines[row]
        self._errors = {}
        self.endResetModel()
        return target

    def chosen_tco_models(self) -> list[uuid.UUID]:
        """Models of the lines ticked for the TCO page, in line order."""
        return [line.model_id for line in self.lines if line.model_id in self.tco_models]  # type: ignore[misc]

    def set_errors(self, errors: dict[tuple[int, str], str]) -> None:
        self._errors = dict(errors)
        if self.lines:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.lines) - 1, len(LineColumn) - 1)
            )

    def set_language(self, language: str) -> None:
        self.language = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LineColumn) - 1)
        if self.lines:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.lines) - 1, len(LineColumn) - 1)
            )

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(LineColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _header(LineColumn(section))
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only or not index.isValid():
            return base
        column = LineColumn(index.column())
        if column == LineColumn.SUBTOTAL:
            return base
        if column == LineColumn.TCO:
            line = self.lines[index.row()]
            return base | Qt.ItemFlag.ItemIsUserCheckable if line.model_id else base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lines):
            return None
        line = self.lines[index.row()]
        column = LineColumn(index.column())
        error = self._errors.get((index.row(), FIELD_OF_COLUMN.get(column, "")))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(line, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == LineColumn.TCO:
            if not line.model_id:
                return None
            checked = line.model_id in self.tco_models
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            LineColumn.QUANTITY,
            LineColumn.PRICE,
            LineColumn.SUBTOTAL,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return ERROR_TINT
        if role == Qt.ItemDataRole.ToolTipRole:
            return error or None
        return None

    def _display(self, line: LineInput, column: LineColumn) -> str:
        if column == LineColumn.ENERGY:
            label = ENERGY_MODE_LABELS.get(line.energy_mode)  # type: ignore[call-overload]
            return label.render(self.language) if label else line.energy_mode
        if column == LineColumn.QUANTITY:
            return f"{line.quantity:,}"
        if column == LineColumn.PRICE:
            return f"{money(line.unit_price_cny):,.2f}"
        if column == LineColumn.SUBTOTAL:
            return f"{line.subtotal:,.2f}"
        if column == LineColumn.TCO:
            return ""
        return str(getattr(line, FIELD_OF_COLUMN[column]))

    def _edit_value(self, line: LineInput, column: LineColumn) -> Any:
        if column == LineColumn.QUANTITY:
            return line.quantity
        if column == LineColumn.PRICE:
            return float(money(line.unit_price_cny))
        if column in FIELD_OF_COLUMN:
            return getattr(line, FIELD_OF_COLUMN[column])
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or self.read_only:
            return False
        line = self.lines[index.row()]
        column = LineColumn(index.column())
        if column == LineColumn.TCO and role == Qt.ItemDataRole.CheckStateRole:
            if not line.model_id:
                return False
            if Qt.CheckState(value) == Qt.CheckState.Checked:
                self.tco_models.add(line.model_id)
            else:
                self.tco_models.discard(line.model_id)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column == LineColumn.QUANTITY:
            try:
                line.quantity = int(value)
            except (TypeError, ValueError):
                return False
        elif column == LineColumn.PRICE:
            try:
                line.unit_price_cny = money(Decimal(str(value)))
            except (InvalidOperation, ValueError):
                return False
        elif column in FIELD_OF_COLUMN:
            setattr(line, FIELD_OF_COLUMN[column], str(value or "").strip())
        else:
            return False
        self._errors.pop((index.row(), FIELD_OF_COLUMN.get(column, "")), None)
        last = self.index(index.row(), len(LineColumn) - 1)
        self.dataChanged.emit(self.index(index.row(), 0), last)
        return True


class LineDelegate(QStyledItemDelegate):
    """Spin boxes for quantity and price, a list for charge/swap, text for the rest."""

    def __init__(self, model: LinesModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        column = LineColumn(index.column())
        if column == LineColumn.QUANTITY:
            spin = QSpinBox(parent)
            spin.setRange(0, MAX_QUANTITY)
            spin.setGroupSeparatorShown(True)
            return spin
        if column == LineColumn.PRICE:
            price = QDoubleSpinBox(parent)
            price.setRange(0, float(MAX_UNIT_PRICE))
            price.setDecimals(2)
            price.setSingleStep(1000)
            price.setGroupSeparatorShown(True)
            return price
        if column == LineColumn.ENERGY:
            combo = QComboBox(parent)
            combo.addItem("—", "")
            for mode in EnergyMode:
                combo.addItem(ENERGY_MODE_LABELS[mode].render(self._model.language), mode.value)
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
            return
        super().setEditorData(editor, index)

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractTableModel, index: AnyIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
