"""The Qt model of the catalog list: one row per truck model (a ``ModelSummary``).

The catalog service does the filtering (in SQL); this model holds the result and hands rows to
the view in pages (``canFetchMore``/``fetchMore``), and loads thumbnails only for rows drawn.
"""

from __future__ import annotations

import uuid
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QImageReader, QPixmap

from catalog_app.services.catalog import ModelSummary
from catalog_app.ui.catalog.data_labels import choice_label, price_text, summary_facts, value_text

THUMBNAIL_SIZE = QSize(120, 80)
PAGE_SIZE = 100

AnyIndex = QModelIndex | QPersistentModelIndex


class ModelRole(IntEnum):
    """Roles beyond Display (name) and Decoration (thumbnail)."""

    SUMMARY = Qt.ItemDataRole.UserRole + 1
    EXHIBITOR = Qt.ItemDataRole.UserRole + 2
    FACTS = Qt.ItemDataRole.UserRole + 3
    PRICE = Qt.ItemDataRole.UserRole + 4
    BODY_TYPE = Qt.ItemDataRole.UserRole + 5
    POWERTRAIN = Qt.ItemDataRole.UserRole + 6
    BATTERY = Qt.ItemDataRole.UserRole + 7
    RANGE = Qt.ItemDataRole.UserRole + 8
    MODEL_ID = Qt.ItemDataRole.UserRole + 9


class ModelListModel(QAbstractListModel):
    """Truck models for the catalog list, in the language given by ``set_language``."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._all: list[ModelSummary] = []
        self._shown = 0
        self._thumbnails: dict[Path, QPixmap | None] = {}

    # -- filling -------------------------------------------------------------------------
    def set_models(self, models: list[ModelSummary]) -> None:
        self.beginResetModel()
        self._all = list(models)
        self._shown = min(len(self._all), PAGE_SIZE)
        self.endResetModel()

    def set_language(self, language: str) -> None:
        if language == self._language:
            return
        self._language = language
        if self._shown:
            self.dataChanged.emit(self.index(0), self.index(self._shown - 1))

    def clear_thumbnails(self) -> None:
        self._thumbnails.clear()

    @property
    def total(self) -> int:
        """Every model of the current result, fetched into the view or not."""
        return len(self._all)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._all)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(PAGE_SIZE, len(self._all) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    # -- reading -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def summary(self, row: int) -> ModelSummary | None:
        return self._all[row] if 0 <= row < self._shown else None

    def row_of(self, model_id: uuid.UUID) -> int:
        """The row of a model (fetching pages as needed), or -1 if it is not in the result."""
        for row, model in enumerate(self._all):
            if model.id == model_id:
                while row >= self._shown:
                    self.fetchMore()
                return row
        return -1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        model = self.summary(index.row()) if index.isValid() else None
        if model is None:
            return None
        lang = self._language
        if role == Qt.ItemDataRole.DisplayRole:
            return model.name(lang)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(model.photo_path)
        if role == Qt.ItemDataRole.ToolTipRole:
            facts = " · ".join(summary_facts(model, lang))
            return (
                f"{model.name(lang)}\n{model.exhibitor(lang)}\n{facts}\n{price_text(model, lang)}"
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join([model.name(lang), model.exhibitor(lang), *summary_facts(model, lang)])
        return self._custom(model, role, lang)

    def _custom(self, model: ModelSummary, role: int, lang: str) -> Any:
        values: dict[int, Any] = {
            ModelRole.SUMMARY: model,
            ModelRole.MODEL_ID: model.id,
            ModelRole.EXHIBITOR: model.exhibitor(lang),
            ModelRole.FACTS: summary_facts(model, lang),
            ModelRole.PRICE: price_text(model, lang),
            ModelRole.BODY_TYPE: choice_label("body_type", model.body_type, lang),
            ModelRole.POWERTRAIN: choice_label("powertrain", model.powertrain, lang),
            ModelRole.BATTERY: value_text("battery_kwh", model.battery_kwh, lang),
            ModelRole.RANGE: value_text("range_km", model.range_km, lang),
        }
        return values.get(role)

    def _thumbnail(self, path: Path | None) -> QPixmap | None:
        if path is None:
            return None
        if path not in self._thumbnails:
            self._thumbnails[path] = load_scaled(path, THUMBNAIL_SIZE)
        return self._thumbnails[path]


def load_scaled(path: Path, size: QSize) -> QPixmap | None:
    """Read a picture scaled to fit ``size`` (aspect kept), decoding only what is needed."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid():
        reader.setScaledSize(original.scaled(size * 2, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    return QPixmap.fromImage(image).scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
