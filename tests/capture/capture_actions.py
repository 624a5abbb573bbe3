"""Counting what a booth worker does (a module with a unique name, importable from every test
file of this folder): each scan, typed word, key press and click goes through ``UserActions``
and is one action. An event filter on the application watches every key and mouse press and
input-method commit; one that arrives outside a counted action is *stray*, and the tests
assert there were none — so an action cannot be done behind the counter's back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from capture_data import type_like_a_person, type_like_a_scanner
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

PRESSES = (
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.InputMethod,
)


class _PressWatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.stray: list[str] = []
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in PRESSES:
            if self.inside:
                self.seen += 1
            else:
                self.stray.append(f"{event.type().name} to {type(watched).__name__}")
        return False


class UserActions:
    """The test's hands. ``log`` names each action in order; ``stray`` lists presses that came
    from somewhere else (it must stay empty)."""

    def __init__(self, qtbot: QtBot) -> None:
        self._qtbot = qtbot
        self._watcher = _PressWatcher()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self._watcher)
        self.log: list[str] = []

    @property
    def count(self) -> int:
        return len(self.log)

    @property
    def stray(self) -> list[str]:
        return self._watcher.stray

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._watcher)

    @contextmanager
    def _action(self, name: str) -> Iterator[None]:
        before = self._watcher.seen
        self._watcher.inside = True
        try:
            yield
        finally:
            self._watcher.inside = False
        assert self._watcher.seen > before, f"{name}: no press reached the application"
        self.log.append(name)

    def scan(self, payload: str) -> None:
        """One pull of the scanner's trigger (it types the whole payload and Enter)."""
        with self._action("scan"):
            type_like_a_scanner(payload)

    def type(self, widget: QWidget, text: str) -> None:
        """One word typed into ``widget``."""
        with self._action(f"type {text}"):
            type_like_a_person(widget, text)

    def key(
        self,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        widget: QWidget | None = None,
    ) -> None:
        """One key (with its modifier) pressed where the focus is, or on ``widget``."""
        target = widget or QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        with self._action(f"key {modifier.name}+{key.name}"):
            self._qtbot.keyClick(target, key, modifier)

    def click(self, widget: QWidget) -> None:
        with self._action(f"click {widget.objectName()}"):
            self._qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
