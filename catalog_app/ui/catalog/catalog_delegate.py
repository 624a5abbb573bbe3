"""Draws one catalog row as a card: thumbnail, name, exhibitor, key facts and price."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from catalog_app.ui.catalog.catalog_model import THUMBNAIL_SIZE, ModelRole

MARGIN = 10
GAP = 12
LINE_GAP = 4
ROW_HEIGHT = THUMBNAIL_SIZE.height() + 2 * MARGIN

SELECTED = QColor("#dcebfb")
HOVER = QColor("#f1f6fc")
ACCENT = QColor("#1565c0")
PRICE = QColor("#b23c17")
MUTED = QColor("#5f6b7a")
PLACEHOLDER = QColor("#e6eaef")
SEPARATOR = QColor("#e3e7ec")


class ModelCardDelegate(QStyledItemDelegate):
    """Paints rows of ``ModelListModel``; no widget per row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(360, ROW_HEIGHT)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect
        state = option.state
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, SELECTED)
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), ACCENT)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, HOVER)
        painter.setPen(SEPARATOR)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        thumb_rect = QRect(
            rect.left() + MARGIN + 4,
            rect.top() + MARGIN,
            THUMBNAIL_SIZE.width(),
            THUMBNAIL_SIZE.height(),
        )
        self._paint_thumbnail(painter, thumb_rect, index.data(Qt.ItemDataRole.DecorationRole))

        text_left = thumb_rect.right() + GAP
        text_width = rect.right() - MARGIN - text_left
        base: QFont = option.font
        text_color = option.palette.color(QPalette.ColorRole.Text)

        name_font = QFont(base)
        name_font.setBold(True)
        name_font.setPointSizeF(base.pointSizeF() * 1.15)
        price_font = QFont(base)
        price_font.setBold(True)
        price_font.setPointSizeF(base.pointSizeF() * 1.1)
        lines = (
            QFontMetrics(name_font).height()
            + QFontMetrics(price_font).height()
            + QFontMetrics(base).height()
            + 2 * LINE_GAP
        )
        top = rect.top() + max(MARGIN, (rect.height() - lines) // 2)

        name = str(index.data() or "")
        top += self._draw_line(painter, name_font, text_color, text_left, top, text_width, name)
        top += LINE_GAP

        price = str(index.data(ModelRole.PRICE) or "")
        price_width = QFontMetrics(price_font).horizontalAdvance(price) + 4 if price else 0
        exhibitor = str(index.data(ModelRole.EXHIBITOR) or "")
        height = QFontMetrics(price_font).height()
        self._draw_line(
            painter, base, MUTED, text_left, top, text_width - price_width - GAP, exhibitor, height
        )
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
        self._draw_line(painter, base, text_color, text_left, top, text_width, facts)
        painter.restore()

    def _draw_line(
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

    def _paint_thumbnail(self, painter: QPainter, rect: QRect, pixmap: object) -> None:
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            target = QRect(0, 0, pixmap.width(), pixmap.height())
            target.moveCenter(rect.center())
            painter.drawPixmap(target, pixmap)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PLACEHOLDER)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(MUTED)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("No photo"))
