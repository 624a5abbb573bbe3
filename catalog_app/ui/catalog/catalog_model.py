"""The Qt model of a catalog search result: one row per truck model (a ``ModelSummary``).

The search service filters, counts and sorts in SQL and hands over the first page; further
pages are read as the view scrolls (``canFetchMore``/``fetchMore``), so a result of 10,000
models costs what the rows on screen cost. Pictures come from a ``ThumbnailCache``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
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
    Signal,
)
from sqlalchemy.exc import SQLAlchemyError

from catalog_app.domain.text import UserFacingError
from catalog_app.services.catalog import PAGE_SIZE, ModelSummary
from catalog_app.ui.catalog.compare_basket import CompareBasket
from catalog_app.ui.catalog.data_labels import choice_label, price_text, summary_facts, value_text
from catalog_app.ui.catalog.thumbnails import ThumbnailCache, load_scaled

__all__ = ["THUMBNAIL_SIZE", "ModelListModel", "ModelRole", "load_scaled"]

log = logging.getLogger(__name__)

THUMBNAIL_SIZE = QSize(120, 80)

AnyIndex = QModelIndex | QPersistentModelIndex
PageReader = Callable[[int, int], list[ModelSummary]]  # (offset, limit) -> rows


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
    PHOTO_PATH = Qt.ItemDataRole.UserRole + 10
    IN_COMPARE = Qt.ItemDataRole.UserRole + 11
    CODE = Qt.ItemDataRole.UserRole + 12


class ModelListModel(QAbstractListModel):
    """Rows of one search result, in the language given by ``set_language``.

    Signals:
        fetch_failed(str): reading a further page failed (the message, for the status bar).
    """

    fetch_failed = Signal(str)

    def __init__(
        self,
        language: str,
        thumbnails: ThumbnailCache | None = None,
        basket: CompareBasket | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[ModelSummary] = []
        self._total = 0
        self._read_page: PageReader | None = None
        self.thumbnails = thumbnails or ThumbnailCache(self)
        self.thumbnails.ready.connect(self._picture_ready)
        self._basket = basket
        if basket is not None:
            basket.changed.connect(self._basket_changed)

    # -- filling -------------------------------------------------------------------------
    def set_result(
        self, rows: list[ModelSummary], total: int, read_page: PageReader | None = None
    ) -> None:
        """Show a new result: its first rows, its size, and how to read further pages."""
        self.beginResetModel()
        self._rows = list(rows)
        self._total = max(total, len(self._rows))
        self._read_page = read_page
        self.endResetModel()

    def set_models(self, models: list[ModelSummary]) -> None:
        """Show exactly these models (no further pages)."""
        self.set_result(models, len(models))

    def set_language(self, language: str) -> None:
        if language == self._language:
            return
        self._language = language
        self._emit_all_changed()

    def clear_thumbnails(self) -> None:
        self.thumbnails.clear()

    @property
    def total(self) -> int:
        """Every model of the current result, read into the view or not."""
        return self._total

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._read_page is not None and self._more()

    def _more(self) -> bool:
        return len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._read_page is None or not self._more():
            return
        try:
            rows = self._read_page(len(self._rows), PAGE_SIZE)
        except (SQLAlchemyError, UserFacingError, OSError) as exc:
            log.exception("reading more of the catalog failed")
            self._total = len(self._rows)  # stop asking; the count label still says the truth
            self.fetch_failed.emit(str(exc))
            return
        if not rows:
            self._total = len(self._rows)  # the catalog shrank meanwhile
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # -- reading -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def summary(self, row: int) -> ModelSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def loaded_ids(self) -> list[uuid.UUID]:
        return [row.id for row in self._rows]

    def row_of(self, model_id: uuid.UUID) -> int:
        """The row of a model among the rows read so far, or -1."""
        for row, model in enumerate(self._rows):
            if model.id == model_id:
                return row
        return -1

    def fetch_until(self, row: int) -> bool:
        """Read pages until ``row`` exists; False if the result is shorter."""
        while row >= len(self._rows) and self.canFetchMore():
            before = len(self._rows)
            self.fetchMore()
            if len(self._rows) == before:
                break
        return row < len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        model = self.summary(index.row()) if index.isValid() else None
        if model is None:
            return None
        lang = self._language
        if role == Qt.ItemDataRole.DisplayRole:
            return model.name(lang)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnails.get(model.photo_path, THUMBNAIL_SIZE)
        if role == Qt.ItemDataRole.ToolTipRole:
            facts = " · ".join(summary_facts(model, lang))
            return (
                f"{model.name(lang)}\n{model.exhibitor(lang)}\n{facts}\n{price_text(model, lang)}"
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join([model.name(lang), model.exhibitor(lang), *summary_facts(model, lang)])
        return self._custom(model, role, lang)

    def _custom(self, model: ModelSummary, role: int, lang: str) -> Any:
        if role == ModelRole.SUMMARY:
            return model
        if role == ModelRole.MODEL_ID:
            return model.id
        if role == ModelRole.CODE:
            return model.code
        if role == ModelRole.PHOTO_PATH:
            return model.photo_path
        if role == ModelRole.IN_COMPARE:
            return self._basket is not None and model.id in self._basket
        values: dict[int, Callable[[], Any]] = {
            ModelRole.EXHIBITOR: lambda: model.exhibitor(lang),
            ModelRole.FACTS: lambda: summary_facts(model, lang),
            ModelRole.PRICE: lambda: price_text(model, lang),
            ModelRole.BODY_TYPE: lambda: choice_label("body_type", model.body_type, lang),
            ModelRole.POWERTRAIN: lambda: choice_label("powertrain", model.powertrain, lang),
            ModelRole.BATTERY: lambda: value_text("battery_kwh", model.battery_kwh, lang),
            ModelRole.RANGE: lambda: value_text("range_km", model.range_km, lang),
        }
        make = values.get(role)
        return make() if make is not None else None

    # -- changes from outside ------------------------------------------------------------
    def _emit_all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def _basket_changed(self) -> None:
        self._emit_all_changed()

    def _picture_ready(self, path: Path) -> None:
        for row, model in enumerate(self._rows):
            if model.photo_path == path:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
