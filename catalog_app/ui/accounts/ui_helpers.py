"""Small helpers shared by the accounts and capture screens: the red message line under a
field, the text of an error in the user's language, and callbacks that only run while their
widget still exists (a background task may finish after its dialog was closed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel

from catalog_app.domain.text import UserFacingError

ERROR_STYLE = "color: #b3261e;"


def error_label(object_name: str) -> QLabel:
    """A red message line under a field; empty (and hidden) until there is something to say."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def error_text(error: BaseException, lang: str) -> str:
    """What to tell the person about ``error``, in their language where the service says it."""
    return error.text(lang) if isinstance(error, UserFacingError) else str(error)


def if_alive(owner: QObject, callback: Callable[..., Any]) -> Callable[..., None]:
    """``callback``, called only if ``owner`` (a widget or dialog) has not been deleted."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return call
