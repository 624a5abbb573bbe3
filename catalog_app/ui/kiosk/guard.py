"""Keeps a visitor inside kiosk mode, and notices when someone is there.

``KioskGuard`` is an event filter on the whole QApplication while the kiosk runs:

- it swallows the keys that close, switch or reach other parts of the app: Escape, every
  combination with Ctrl, Alt or Meta (Ctrl+W, Ctrl+Q, Alt+F4, Ctrl+Tab, …), the function keys
  and the media/close keys — as shortcuts (``ShortcutOverride``) and as key presses;
- it calls ``on_activity`` for every touch, click, wheel or key, so the idle timer restarts.

Plain typing (letters, digits, Backspace, Enter) passes, so a visitor with a keyboard can type
the optional name. Window close requests (Alt+F4 from the window manager, ``close()``) are
refused by the kiosk window itself (``closeEvent``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
    }
)
CONTROL_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
BLOCKED_KEYS = frozenset(
    {
        Qt.Key.Key_Escape,
        Qt.Key.Key_Close,
        Qt.Key.Key_Back,
        Qt.Key.Key_Menu,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Help,
        Qt.Key.Key_Print,
        Qt.Key.Key_Launch0,
        Qt.Key.Key_LaunchMail,
        Qt.Key.Key_HomePage,
        Qt.Key.Key_Search,
        Qt.Key.Key_Explorer,
    }
)


def is_blocked_key(event: QKeyEvent) -> bool:
    """True for a key a kiosk visitor must not use."""
    key = Qt.Key(event.key())
    if key in BLOCKED_KEYS:
        return True
    if Qt.Key.Key_F1.value <= key.value <= Qt.Key.Key_F35.value:
        return True
    return bool(event.modifiers() & CONTROL_MODIFIERS)


class KioskGuard(QObject):
    """The application-wide event filter of kiosk mode (see the module docstring)."""

    def __init__(self, on_activity: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_activity = on_activity
        self.blocked = 0  # how many key events were swallowed (for tests and the log)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in ACTIVITY_EVENTS:
            self._on_activity()
        if (
            kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
            and isinstance(event, QKeyEvent)
            and is_blocked_key(event)
        ):
            if kind is QEvent.Type.ShortcutOverride:
                event.accept()  # no shortcut fires; the key press then comes here
            self.blocked += 1
            return True
        if kind is QEvent.Type.Shortcut:
            self.blocked += 1
            return True
        return False
