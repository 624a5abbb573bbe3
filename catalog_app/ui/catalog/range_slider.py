"""A slider with two handles for "from … to …" filters; usable with a mouse, a finger or keys.

Values move in steps (10 kWh, 10,000 CNY, …) between the catalog's smallest and largest value.
With both handles at the ends the filter is open ("any"). Keys: Left/Right (or Down/Up) move
the active handle one step, Page Up/Down ten steps, Home/End to the ends, Space switches
between the two handles.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

TRACK = QColor("#d5dde6")
SPAN = QColor("#1565c0")
HANDLE = QColor("#ffffff")
FOCUS = QColor("#0d47a1")


class RangeSlider(QWidget):
    """Signals:
    moved(): a handle moved (while dragging too).
    committed(): a move ended (mouse released, key pressed): time to filter.
    """

    moved = Signal()
    committed = Signal()

    def __init__(self, target: int = 30, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self._minimum = 0.0
        self._step = 1.0
        self._steps = 1
        self._low = 0
        self._high = 1
        self._active = 0  # 0: low handle, 1: high handle
        self._dragging = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(target)

    def sizeHint(self) -> QSize:
        return QSize(200, self._target)

    # -- values --------------------------------------------------------------------------
    def set_bounds(self, minimum: float, maximum: float, step: float) -> None:
        """Span the values from ``minimum`` to ``maximum`` (widened to whole steps); open."""
        step = step if step > 0 else 1.0
        self._minimum = math.floor(minimum / step) * step
        top = math.ceil(maximum / step) * step
        self._step = step
        self._steps = max(1, round((top - self._minimum) / step))
        self._low, self._high = 0, self._steps
        self.update()

    @property
    def minimum(self) -> float:
        return self._minimum

    @property
    def maximum(self) -> float:
        return self._minimum + self._steps * self._step

    def value_at(self, step: int) -> float:
        return round(self._minimum + step * self._step, 6)

    def low(self) -> float | None:
        """The lower bound, or None when the handle is at the start (no bound)."""
        return None if self._low == 0 else self.value_at(self._low)

    def high(self) -> float | None:
        return None if self._high == self._steps else self.value_at(self._high)

    def is_open(self) -> bool:
        return self._low == 0 and self._high == self._steps

    def set_values(self, low: float | None, high: float | None) -> None:
        """Put the handles at the steps nearest to ``low`` and ``high`` (None: the ends)."""
        self._low = 0 if low is None else self._to_step(low)
        self._high = self._steps if high is None else self._to_step(high)
        if self._low > self._high:
            self._low, self._high = self._high, self._low
        self.update()

    def reset(self) -> None:
        self._low, self._high = 0, self._steps
        self.update()

    def _to_step(self, value: float) -> int:
        return max(0, min(self._steps, round((value - self._minimum) / self._step)))

    # -- geometry ------------------------------------------------------------------------
    def _radius(self) -> float:
        return max(7.0, self._target / 2 - 6)

    def _track(self) -> QRectF:
        r = self._radius()
        return QRectF(r + 1, self.height() / 2 - 2, self.width() - 2 * r - 2, 4)

    def _x_of(self, step: int) -> float:
        track = self._track()
        return track.left() + track.width() * step / self._steps

    def _step_at(self, x: float) -> int:
        track = self._track()
        fraction = (x - track.left()) / max(track.width(), 1.0)
        return max(0, min(self._steps, round(fraction * self._steps)))

    def handle_center(self, which: int) -> QPointF:
        """Centre of handle 0 (low) or 1 (high), for tests and automation."""
        return QPointF(self._x_of(self._low if which == 0 else self._high), self.height() / 2)

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = self._track()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(track, 2, 2)
        span = QRectF(
            QPointF(self._x_of(self._low), track.top()),
            QPointF(self._x_of(self._high), track.bottom()),
        )
        painter.setBrush(SPAN if self.isEnabled() else TRACK.darker(120))
        painter.drawRoundedRect(span, 2, 2)
        radius = self._radius()
        for which in (0, 1):
            center = self.handle_center(which)
            focused = self.hasFocus() and which == self._active
            painter.setPen(QPen(FOCUS if focused else SPAN, 3 if focused else 2))
            painter.setBrush(HANDLE)
            painter.drawEllipse(center, radius, radius)

    # -- mouse and touch (Qt turns touches into mouse events) ----------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x = event.position().x()
        low_x, high_x = self._x_of(self._low), self._x_of(self._high)
        if self._low == self._high:
            self._active = 0 if x < low_x else 1
        else:
            self._active = 0 if abs(x - low_x) <= abs(x - high_x) else 1
        self._dragging = True
        self._move_active_to(self._step_at(x))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self._move_active_to(self._step_at(event.position().x()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging and event.button() == Qt.MouseButton.LeftButton:
            self._dragging = False
            self.committed.emit()

    def _move_active_to(self, step: int) -> None:
        if self._active == 0:
            step = min(step, self._high)
            changed, self._low = step != self._low, step
        else:
            step = max(step, self._low)
            changed, self._high = step != self._high, step
        if changed:
            self.update()
            self.moved.emit()

    # -- keys ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self._low if self._active == 0 else self._high
        moves = {
            Qt.Key.Key_Left: current - 1,
            Qt.Key.Key_Down: current - 1,
            Qt.Key.Key_Right: current + 1,
            Qt.Key.Key_Up: current + 1,
            Qt.Key.Key_PageDown: current - 10,
            Qt.Key.Key_PageUp: current + 10,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: self._steps,
        }
        if key == Qt.Key.Key_Space:
            self._active = 1 - self._active
            self.update()
            return
        if key in moves:
            self._move_active_to(max(0, min(self._steps, moves[key])))
            self.committed.emit()
            return
        super().keyPressEvent(event)
