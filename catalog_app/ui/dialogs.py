"""Small modal message boxes with our own (translated) button texts.

All modal questions of the UI go through these helpers, so they look alike and tests can answer
them by finding the visible ``QMessageBox`` and clicking a button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


def message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def ask(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    yes_text: str,
    no_text: str,
) -> bool:
    """A yes/no question; True only if the user chose ``yes_text``."""
    box = message_box(parent, icon, title, text)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def choose(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    choices: list[tuple[str, QMessageBox.ButtonRole]],
    default: int = 0,
) -> int:
    """Several answers; returns the index of the chosen one (the escape answer is the last)."""
    box = message_box(parent, icon, title, text)
    buttons: list[QPushButton] = [box.addButton(label, role) for label, role in choices]
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[-1])
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else len(buttons) - 1


def inform(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, ok_text: str
) -> None:
    box = message_box(parent, icon, title, text)
    box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    box.exec()
