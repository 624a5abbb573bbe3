"""Draws catalog models as list rows or grid cards, with a compare chip; no widget per row.

The chip ("+ Compare" / "✓ In comparison") is part of the painting; a click on it toggles the
model in the compare basket (``compare_clicked``) instead of selecting the card.
"""

from __future__ import annotations

import uuid
from enum import Enum

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from catalog_app.ui.catalog.catalog_model import ModelRole
from catalog_app.ui.catalog.sizing import DESK, Sizing
from catalog_app.ui.catalog.thumbnails import ThumbnailCache

MARGIN = 10
GAP = 12
LINE_GAP = 4

SELECTED = QColor("#dcebfb")
HOVER = QColor("#f1f6fc")
CARD = QColor("#ffffff")
CARD_BORDER = QColor("#dde3ea")
ACCENT = QColor("#1565c0")
PRICE = QColor("#b23c17")
MUTED = QColor("#5f6b7a")
PLACEHOLDER = QColor("#e6eaef")
SEPARATOR = QColor("#e3e7ec")
CHIP_ON = QColor("#1565c0")
CHIP_OFF = QColor("#eef4fb")

AnyIndex = QModelIndex | QPersistentModelIndex


class CardMode(Enum):
    LIST = "list"
    GRID = "grid"


class ModelCardDelegate(QStyledItemDelegate):
    """Paints rows of ``ModelListModel``.

    Signals:
        compare_clicked(object): the compare chip of a model (its id) was clicked.
    """

    compare_clicked = QtSignal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        sizing: Sizing = DESK,
        thumbnails: ThumbnailCache | None = None,
        show_compare_chip: bool = True,
    ) -> None:
        super().__init__(parent)
        self.sizing = sizing
        self.mode = CardMode.LIST
        self.card_size = QSize(sizing.card_width, self.grid_card_height())
        self._thumbnails = thumbnails
        self._show_chip = show_compare_chip

    # -- geometry ------------------------------------------------------------------------
    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        body = self.sizing.font(base)
        name = self.sizing.font(base, 1.12, bold=True)
        price = self.sizing.font(base, 1.08, bold=True)
        return body, name, price

    def grid_card_height(self, base: QFont | None = None) -> int:
        body, name, price = self._fonts(base or QFont())
        lines = (
            2 * QFontMetrics(name).height()
            + 3 * QFontMetrics(body).height()
            + max(QFontMetrics(price).height(), self.chip_height(body))
        )
        return self.sizing.card_photo_height + lines + 5 * LINE_GAP + 3 * MARGIN

    def chip_height(self, font: QFont) -> int:
        return max(QFontMetrics(font).height() + 8, 24 if not self.sizing.touch else 40)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        if self.mode is CardMode.GRID:
            return self.card_size
        return QSize(360, self.sizing.row_height)

    def chip_rect(self, rect: QRect, font: QFont) -> QRect:
        """Where the compare chip of the card or row in ``rect`` is drawn."""
        body = self.sizing.font(font)
        metrics = QFontMetrics(body)
        width = (
            max(
                metrics.horizontalAdvance(self._chip_text(True)),
                metrics.horizontalAdvance(self._chip_text(False)),
            )
            + 20
        )
        height = self.chip_height(body)
        inner = rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        return QRect(inner.right() - width + 1, inner.bottom() - height + 1, width, height)

    def _chip_text(self, on: bool) -> str:
        return self.tr("✓ Comparing") if on else self.tr("+ Compare")

    # -- painting ------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.mode is CardMode.GRID:
            self._paint_card(painter, option, index)
        else:
            self._paint_row(painter, option, index)
        painter.restore()

    def _background(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect) -> None:
        state = option.state
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, SELECTED)
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), ACCENT)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, HOVER)

    def _paint_row(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect = option.rect
        self._background(painter, option, rect)
        painter.setPen(SEPARATOR)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        thumb_w = self.sizing.thumbnail_width
        thumb_h = rect.height() - 2 * MARGIN
        thumb_rect = QRect(rect.left() + MARGIN + 4, rect.top() + MARGIN, thumb_w, thumb_h)
        self._paint_photo(painter, thumb_rect, index, option.font)

        body, name_font, price_font = self._fonts(option.font)
        text_color = option.palette.color(QPalette.ColorRole.Text)
        left = thumb_rect.right() + GAP
        width = rect.right() - MARGIN - left
        chip = self.chip_rect(rect, option.font) if self._show_chip else QRect()
        top = rect.top() + MARGIN
        top += self._line(painter, name_font, text_color, left, top, width, str(index.data() or ""))
        top += LINE_GAP
        price = str(index.data(ModelRole.PRICE) or "")
        price_metrics = QFontMetrics(price_font)
        price_width = price_metrics.horizontalAdvance(price) + 4 if price else 0
        exhibitor = str(index.data(ModelRole.EXHIBITOR) or "")
        height = price_metrics.height()
        self._line(painter, body, MUTED, left, top, width - price_width - GAP, exhibitor, height)
        if price:
            painter.setFont(price_font)
            painter.setPen(PRICE)
            painter.drawText(
                QRect(rect.right() - MARGIN - price_width, top, price_width, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                price,
            )
        top += height + LINE_GAP
        facts = " · ".join(index.data(ModelRole.FACTS) or [])
        facts_width = (chip.left() - GAP - left) if self._show_chip else width
        self._line(painter, body, text_color, left, top, facts_width, facts)
        if self._show_chip:
            self._paint_chip(painter, chip, body, bool(index.data(ModelRole.IN_COMPARE)))

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect = option.rect.adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        painter.setPen(ACCENT if selected else CARD_BORDER)
        painter.setBrush(SELECTED if selected else (HOVER if hover else CARD))
        painter.drawRoundedRect(rect, 8, 8)
        photo = QRect(
            rect.left() + MARGIN,
            rect.top() + MARGIN,
            rect.width() - 2 * MARGIN,
            self.sizing.card_photo_height,
        )
        self._paint_photo(painter, photo, index, option.font)
        body, name_font, price_font = self._fonts(option.font)
        text_color = option.palette.color(QPalette.ColorRole.Text)
        left, width = photo.left(), photo.width()
        top = photo.bottom() + 1 + LINE_GAP + 2
        name = self._two_lines(str(index.data() or ""), name_font, width)
        name_height = (name.count("\n") + 1) * QFontMetrics(name_font).height()
        painter.setFont(name_font)
        painter.setPen(text_color)
        painter.drawText(
            QRect(left, top, width, name_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            name,
        )
        top += name_height + LINE_GAP
        exhibitor = str(index.data(ModelRole.EXHIBITOR) or "")
        top += self._line(painter, body, MUTED, left, top, width, exhibitor) + LINE_GAP
        facts = list(index.data(ModelRole.FACTS) or [])
        for line in (facts[:2], facts[2:]):
            top += self._line(painter, body, text_color, left, top, width, " · ".join(line))
            top += LINE_GAP
        chip = self.chip_rect(option.rect.adjusted(4, 4, -4, -4), option.font)
        price = str(index.data(ModelRole.PRICE) or "")
        price_right = chip.left() - GAP if self._show_chip else rect.right() - MARGIN
        self._line(
            painter, price_font, PRICE, left, chip.top(), price_right - left, price, chip.height()
        )
        if self._show_chip:
            self._paint_chip(painter, chip, body, bool(index.data(ModelRole.IN_COMPARE)))

    def _two_lines(self, text: str, font: QFont, width: int) -> str:
        """``text`` wrapped to at most two lines, the second elided."""
        metrics = QFontMetrics(font)
        if metrics.horizontalAdvance(text) <= width:
            return text
        cut = len(text)
        while cut > 1 and metrics.horizontalAdvance(text[:cut]) > width:
            cut -= 1
        space = text.rfind(" ", 0, cut + 1)
        if space > cut // 2:  # break between words when that keeps the first line full enough
            cut = space
        first, rest = text[:cut].rstrip(), text[cut:].lstrip()
        return first + "\n" + metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)

    def _paint_chip(self, painter: QPainter, rect: QRect, font: QFont, on: bool) -> None:
        painter.setPen(Qt.PenStyle.NoPen if on else ACCENT)
        painter.setBrush(CHIP_ON if on else CHIP_OFF)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff") if on else ACCENT)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._chip_text(on))

    def _line(
        self,
        painter: QPainter,
        font: QFont,
        color: QColor,
        left: int,
        top: int,
        width: int,
        text: str,
        height: int = 0,
    ) -> int:
        """Draw one line of text, elided to ``width``; return the line's height."""
        metrics = QFontMetrics(font)
        height = height or metrics.height()
        painter.setFont(font)
        painter.setPen(color)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0))
        painter.drawText(
            QRect(left, top, max(width, 0), height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            elided,
        )
        return height

    def _paint_photo(self, painter: QPainter, rect: QRect, index: AnyIndex, font: QFont) -> None:
        path = index.data(ModelRole.PHOTO_PATH)
        pixmap: object = None
        if self._thumbnails is not None and path is not None:
            pixmap = self._thumbnails.get(path, rect.size())
        elif path is not None:
            pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            target = QRect(QPoint(0, 0), pixmap.size())
            target.moveCenter(rect.center())
            painter.drawPixmap(target, pixmap)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PLACEHOLDER)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(MUTED)
        painter.setFont(self.sizing.font(font))
        pending = path is not None and self._thumbnails is not None
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "" if pending else self.tr("No photo"))

    # -- clicks on the chip --------------------------------------------------------------
    def editorEvent(
        self,
        event: QEvent,
        model: object,
        option: QStyleOptionViewItem,
        index: AnyIndex,
    ) -> bool:
        if (
            self._show_chip
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            rect = option.rect.adjusted(4, 4, -4, -4) if self.mode is CardMode.GRID else option.rect
            if self.chip_rect(rect, option.font).contains(event.position().toPoint()):
                model_id = index.data(ModelRole.MODEL_ID)
                if isinstance(model_id, uuid.UUID):
                    self.compare_clicked.emit(model_id)
                return True
        if (
            self._show_chip
            and event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
        ):
            rect = option.rect.adjusted(4, 4, -4, -4) if self.mode is CardMode.GRID else option.rect
            if self.chip_rect(rect, option.font).contains(event.position().toPoint()):
                return True  # the chip is not the card: no selection change
        return super().editorEvent(event, model, option, index)  # type: ignore[arg-type]


def chip_center(view: QAbstractItemView, index: QModelIndex) -> QPoint:
    """Where a person would click the compare chip of ``index`` (for tests and automation)."""
    delegate = view.itemDelegate()
    assert isinstance(delegate, ModelCardDelegate)
    rect = view.visualRect(index)
    if delegate.mode is CardMode.GRID:
        rect = rect.adjusted(4, 4, -4, -4)
    return delegate.chip_rect(rect, view.font()).center()
