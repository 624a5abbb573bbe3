"""The Qt table of a comparison: a label column, then one column per model.

Rows: the models' pictures, their indicative prices (with the better-value mark), then each
spec group's heading and its fields. A field row whose values differ is tinted; the better
value (by the field's direction) is green, bold and starts with ✓. "Hide identical rows" leaves
out the rows where all models agree (and headings left empty).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap

from catalog_app.domain.spec_fields import Better
from catalog_app.domain.spec_format import format_price
from catalog_app.services.catalog_compare import ComparedGroup, ComparedRow, Comparison
from catalog_app.ui.catalog.thumbnails import load_scaled

AnyIndex = QModelIndex | QPersistentModelIndex

DIFFERS = QColor("#fff4d6")
GROUP = QColor("#eef4fb")
BETTER = QColor("#1b7a34")
ACCENT = QColor("#1565c0")
PRICE = QColor("#b23c17")
PHOTO = QSize(220, 140)
HEADLINE_FIELD = "price_cny"  # shown in the price row under the pictures, not again below


class RowKind(Enum):
    PHOTO = "photo"
    PRICE = "price"
    ACTIONS = "actions"  # the view puts "Details" and "Remove" buttons here
    GROUP = "group"
    FIELD = "field"


class CompareRole(IntEnum):
    KIND = Qt.ItemDataRole.UserRole + 1
    DIFFERS = Qt.ItemDataRole.UserRole + 2
    BEST = Qt.ItemDataRole.UserRole + 3
    FIELD_KEY = Qt.ItemDataRole.UserRole + 4


@dataclass(frozen=True)
class _Row:
    kind: RowKind
    group: ComparedGroup | None = None
    row: ComparedRow | None = None


class CompareTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._rows: list[_Row] = []
        self._lang = "zh_CN"
        self._hide_identical = False
        self._photos: dict[int, QPixmap | None] = {}
        self.labels = {"spec": "", "price": "", "higher": "", "lower": ""}
        self.base_font = QFont()  # the view's font (larger at the kiosk)

    # -- filling -------------------------------------------------------------------------
    def set_comparison(
        self, comparison: Comparison | None, lang: str, hide_identical: bool
    ) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self._lang = lang
        self._hide_identical = hide_identical
        self._photos = {}
        self._rows = self._layout()
        self.endResetModel()

    def set_hide_identical(self, hide: bool) -> None:
        self.set_comparison(self._comparison, self._lang, hide)

    @property
    def comparison(self) -> Comparison | None:
        return self._comparison

    def _layout(self) -> list[_Row]:
        comparison = self._comparison
        if comparison is None or not comparison.models:
            return []
        rows = [_Row(RowKind.PHOTO), _Row(RowKind.PRICE), _Row(RowKind.ACTIONS)]
        several = len(comparison.models) > 1
        for group in comparison.groups:
            fields = [
                row
                for row in group.rows
                if row.field.key != HEADLINE_FIELD
                and (row.differs or not (self._hide_identical and several))
            ]
            if fields:
                rows.append(_Row(RowKind.GROUP, group))
                rows += [_Row(RowKind.FIELD, group, row) for row in fields]
        return rows

    def group_rows(self) -> list[int]:
        return [i for i, row in enumerate(self._rows) if row.kind is RowKind.GROUP]

    def field_keys(self) -> list[str]:
        """The spec fields shown, in order (for tests and the accessibility text)."""
        return [r.row.field.key for r in self._rows if r.row is not None]

    def row_of_field(self, field_key: str) -> int:
        for position, row in enumerate(self._rows):
            if row.row is not None and row.row.field.key == field_key:
                return position
        return -1

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._comparison is None or not self._comparison.models:
            return 0
        return 1 + len(self._comparison.models)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or self._comparison is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if section == 0:
                return self.labels["spec"]
            model = self._comparison.models[section - 1]
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{model.name(self._lang)}\n{model.exhibitor(self._lang)}"
            return model.name(self._lang)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._comparison is None:
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == CompareRole.KIND:
            return entry.kind
        if entry.kind is RowKind.PHOTO:
            return self._photo_data(column, role)
        if entry.kind is RowKind.PRICE:
            return self._price_data(column, role)
        if entry.kind is RowKind.ACTIONS:
            return None
        if entry.kind is RowKind.GROUP:
            return self._group_data(entry, column, role)
        return self._field_data(entry, column, role)

    def _photo_data(self, column: int, role: int) -> Any:
        if column == 0 or self._comparison is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if column not in self._photos:
                path = self._comparison.models[column - 1].photo_path
                self._photos[column] = load_scaled(path, PHOTO) if path else None
            return self._photos[column]
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(PHOTO.width(), PHOTO.height() + 8)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _price_data(self, column: int, role: int) -> Any:
        assert self._comparison is not None
        if column == 0:
            return self.labels["price"] if role == Qt.ItemDataRole.DisplayRole else None
        price_row = self._comparison.row(HEADLINE_FIELD)
        best = price_row is not None and price_row.cells[column - 1].best
        if role == Qt.ItemDataRole.DisplayRole:
            price = format_price(self._comparison.models[column - 1].price_cny, self._lang)
            return f"✓ {price}" if best else price
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(BETTER if best else PRICE)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont(self.base_font)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.15)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == CompareRole.BEST:
            return best
        return None

    def _group_data(self, entry: _Row, column: int, role: int) -> Any:
        assert entry.group is not None
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return entry.group.label(self._lang)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(GROUP)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ACCENT)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont(self.base_font)
            font.setBold(True)
            return font
        return None

    def _field_data(self, entry: _Row, column: int, role: int) -> Any:
        row = entry.row
        assert row is not None
        differs = row.differs and len(row.cells) > 1
        if role == CompareRole.DIFFERS:
            return differs
        if role == CompareRole.FIELD_KEY:
            return row.field.key
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(DIFFERS) if differs else None
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.label(self._lang)
            if role == Qt.ItemDataRole.ToolTipRole and row.field.better is not Better.NONE:
                key = "higher" if row.field.better is Better.HIGHER else "lower"
                return self.labels[key]
            return None
        cell = row.cells[column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"✓ {cell.display(self._lang)}" if cell.best else cell.display(self._lang)
        if role == CompareRole.BEST:
            return cell.best
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if cell.best and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(BETTER)
        if cell.best and role == Qt.ItemDataRole.FontRole:
            font = QFont(self.base_font)
            font.setBold(True)
            return font
        if cell.best and role == Qt.ItemDataRole.ToolTipRole:
            key = "higher" if row.field.better is Better.HIGHER else "lower"
            return self.labels[key]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
