"""Tell a USB badge scanner from a person: fast keystroke bursts ending in Enter.

A scanner "types" its payload like a keyboard, a few milliseconds per character, wherever the
keyboard focus happens to be, and ends with Enter (line breaks inside a vCard arrive as Enter
too). People do not type eight characters at under 30 ms each. ``ScanBurstDetector`` watches
key presses aimed at widgets inside one screen (an application event filter):

1. a key press more than ``max_gap_ms`` after the previous one starts a new candidate burst;
   the focused widget's content is noted;
2. from the ``swallow_after``-th fast key on, keys are held back from the widget (so a long
   payload never lands in, say, the Notes field, and its Enters press no buttons);
3. when the keys stop for ``quiet_ms``: a burst of at least ``min_chars`` ending in Enter is a
   scan — the focused widget gets back the content it had and ``scanned(payload)`` is emitted;
   anything else was a person after all, and the held-back keys are delivered to the widget.

The clock is injectable for tests (``clock``, milliseconds).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
IGNORED_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


@dataclass
class _HeldKey:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class _WidgetSnapshot:
    """What the focused widget held when a burst began, to put back after a scan."""

    def __init__(self, widget: QWidget | None) -> None:
        self.widget = widget
        self.state: Any = None
        if isinstance(widget, QLineEdit):
            self.state = (widget.text(), widget.cursorPosition())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            self.state = (widget.toPlainText(), widget.textCursor().position())
        elif isinstance(widget, QAbstractSpinBox):
            self.state = widget.text()
        elif isinstance(widget, QComboBox):
            self.state = (widget.currentIndex(), widget.currentText())
        elif isinstance(widget, QAbstractButton):
            self.state = widget.isChecked()

    def restore(self) -> None:
        widget = self.widget
        if widget is None or self.state is None:
            return
        if isinstance(widget, QLineEdit):
            text, cursor = self.state
            if widget.text() != text:
                widget.setText(text)
            widget.setCursorPosition(cursor)
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            text, cursor = self.state
            if widget.toPlainText() != text:
                widget.setPlainText(text)
                moved = widget.textCursor()
                moved.setPosition(min(cursor, len(text)))
                widget.setTextCursor(moved)
        elif isinstance(widget, QAbstractSpinBox):
            line = widget.findChild(QLineEdit)
            if line is not None and line.text() != self.state:
                line.setText(self.state)
                widget.interpretText()
        elif isinstance(widget, QComboBox):
            index, text = self.state
            widget.setCurrentIndex(index)
            if widget.isEditable():
                widget.setEditText(text)
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            widget.setChecked(self.state)


class ScanBurstDetector(QObject):
    """Watches key presses to widgets inside ``screen``; see the module docstring.

    Signals:
        scanned(str): a scanner's payload (line breaks as "\\n", the final Enter removed).
    """

    scanned = Signal(str)

    def __init__(
        self,
        screen: QWidget,
        *,
        min_chars: int = 8,
        max_gap_ms: float = 30.0,
        quiet_ms: int = 90,
        swallow_after: int = 4,
        clock: Callable[[], float] = _monotonic_ms,
    ) -> None:
        super().__init__(screen)
        self._screen = screen
        self.min_chars = min_chars
        self.max_gap_ms = max_gap_ms
        self.swallow_after = swallow_after
        self._clock = clock
        self._enabled = True
        self._replaying = False
        self._chars: list[str] = []
        self._held: list[_HeldKey] = []
        self._snapshot: _WidgetSnapshot | None = None
        self._last_ms = -1e12
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(quiet_ms)
        self._quiet.timeout.connect(self.finish)
        # The application-wide filter (every event of the app passes through it, in Python) is
        # on only while the screen is shown: the screen's own show and hide events switch it.
        self._watching = False
        screen.installEventFilter(self)
        if screen.isVisible():
            self._watch(True)

    def set_enabled(self, enabled: bool) -> None:
        if not enabled:
            self.finish()
        self._enabled = enabled

    @property
    def pending(self) -> bool:
        """A burst is being collected (its end not yet decided)."""
        return bool(self._chars)

    def detach(self) -> None:
        self._watch(False)
        self._screen.removeEventFilter(self)

    def _watch(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    # -- the filter ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._screen and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._watch(event.type() == QEvent.Type.Show)
            return False
        if (
            event.type() != QEvent.Type.KeyPress
            or self._replaying
            or not self._enabled
            or not isinstance(watched, QWidget)
        ):
            return False
        if watched is not QApplication.focusWidget() or not self._inside(watched):
            return False  # each press once (not again while it propagates to parents)
        assert isinstance(event, QKeyEvent)
        return self._key(watched, event)

    def _inside(self, widget: QWidget) -> bool:
        return widget is self._screen or self._screen.isAncestorOf(widget)

    def _key(self, widget: QWidget, event: QKeyEvent) -> bool:
        if event.modifiers() & IGNORED_MODIFIERS or event.isAutoRepeat():
            return False
        key = event.key()
        text = "\n" if key in ENTER_KEYS else event.text()
        if not text or (text != "\n" and not text.isprintable() and text != "\t"):
            return False  # Shift and other keys without text neither count nor break a burst
        now = self._clock()
        if now - self._last_ms > self.max_gap_ms:
            self.finish()
            self._snapshot = _WidgetSnapshot(widget)
        self._last_ms = now
        self._chars.append(text)
        self._quiet.start()
        if len(self._chars) >= self.swallow_after:
            self._held.append(_HeldKey(key, event.modifiers(), event.text()))
            return True
        return False

    # -- the end of a burst --------------------------------------------------------------
    def finish(self) -> None:
        """Decide about the burst collected so far (called when the keys go quiet)."""
        self._quiet.stop()
        chars, held, snapshot = self._chars, self._held, self._snapshot
        self._chars, self._held, self._snapshot = [], [], None
        self._last_ms = -1e12
        if not chars:
            return
        payload = "".join(chars)
        if len(payload.strip()) >= self.min_chars and payload.endswith("\n"):
            if snapshot is not None:
                snapshot.restore()
            self.scanned.emit(payload.rstrip("\n"))
            return
        self._replay(snapshot.widget if snapshot else None, held)

    def _replay(self, widget: QWidget | None, held: list[_HeldKey]) -> None:
        if widget is None or not held:
            return
        self._replaying = True
        try:
            for item in held:
                key = Qt.Key(item.key)
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(widget, QKeyEvent(kind, key, item.modifiers, item.text))
        except RuntimeError:  # the widget went away meanwhile (its screen was closed)
            pass
        finally:
            self._replaying = False
