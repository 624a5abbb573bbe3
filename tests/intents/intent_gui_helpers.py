"""Helpers of the intent GUI tests: answer modal dialogs like a person would, find widgets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget


def when_dialog(kind: type[QWidget], act: Callable[[QWidget], None], wait_ms: int = 5000) -> None:
    """When a visible ``kind`` dialog appears (usually from an ``exec()`` about to start), run
    ``act`` on it once. Gives up after ``wait_ms``; a test waiting on its outcome then fails."""
    timer = QTimer()
    timer.setInterval(20)
    left = [wait_ms // 20]

    def poll() -> None:
        left[0] -= 1
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                timer.stop()
                act(widget)
                return
        if left[0] <= 0:
            timer.stop()

    timer.timeout.connect(poll)
    timer.start()
    _alive.append(timer)


_alive: list[QTimer] = []


def answer_box(button_text: str, seen: list[str] | None = None) -> None:
    """Click ``button_text`` in the next message box (and note its text in ``seen``)."""

    def act(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        if seen is not None:
            seen.append(widget.text())
        for button in widget.buttons():
            if button.text() == button_text:
                button.click()
                return
        widget.reject()  # the test then fails on what did not happen (no raising inside Qt)

    when_dialog(QMessageBox, act)


def visible(kind: type[QDialog]) -> QDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as a Chinese input method commits it (key clicks cannot carry Chinese)."""
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
