"""The TCO calculator on the kiosk: the same ``TcoPage`` in touch size, numbers typed on a keypad.

The number boxes are read-only for the system keyboard; a tap on one opens the keypad panel at
the right with the field's name and unit; OK puts the value in (the results follow at once),
Cancel leaves the field as it was.

Signals:
    back(): return to the catalog.
    interest_requested(object): the model's id ("I am interested").
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from catalog_app.services.tco_fields import FIELDS_BY_KEY
from catalog_app.ui.app_state import AppState
from catalog_app.ui.kiosk.keypad import KeypadPanel
from catalog_app.ui.tco.tco_page import TcoPage

KEYPAD_WIDTH = 420


class KioskTcoScreen(QWidget):
    """See the module docstring."""

    back = Signal()
    interest_requested = Signal(object)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.editing: str | None = None
        self.page = TcoPage(state, touch=True)
        # Floats over the right of the screen (the results), so the form keeps its width.
        self.keypad = KeypadPanel(self)
        self.keypad.setFixedWidth(KEYPAD_WIDTH)
        self.keypad.hide()
        self.keypad.accepted.connect(self._accepted)
        self.keypad.cancelled.connect(self._close_keypad)
        self._editor_keys: dict[QObject, str] = {}
        for key, editor in self.page.form.editors.items():
            editor.setReadOnly(True)
            editor.installEventFilter(self)
            self._editor_keys[editor] = key
        self.back_button = QPushButton()
        self.back_button.setObjectName("tcoBack")
        self.back_button.clicked.connect(self.back.emit)
        self.interest = QPushButton()
        self.interest.setObjectName("tcoInterest")
        self.interest.setProperty("role", "primary")
        self.interest.clicked.connect(self._interest)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.interest)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.page, 1)
        self.retranslate()

    def show_model(self, model_id: uuid.UUID) -> bool:
        self._close_keypad()
        return self.page.set_model(model_id)

    def clear(self) -> None:
        """Forget the visitor's figures (the idle wipe)."""
        self._close_keypad()
        self.page.clear_typed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.MouseButtonPress and watched in self._editor_keys:
            self.open_keypad(self._editor_keys[watched])
            return True
        return False

    def open_keypad(self, key: str) -> None:
        """What a tap on the field ``key`` does."""
        spec = FIELDS_BY_KEY[key]
        lang = self._state.language
        editor: QLineEdit = self.page.form.editors[key]
        self.editing = key
        self.keypad.start(f"{spec.label(lang)} ({spec.unit(lang)})", editor.text())
        self._place_keypad()
        self.keypad.show()
        self.keypad.raise_()

    def _place_keypad(self) -> None:
        height = min(self.height() - 16, self.keypad.sizeHint().height() + 40)
        self.keypad.setGeometry(self.width() - KEYPAD_WIDTH - 16, 8, KEYPAD_WIDTH, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.keypad.isVisible():
            self._place_keypad()

    def _accepted(self, text: str) -> None:
        if self.editing is not None:
            self.page.form.type_text(self.editing, text)
            self.page.recalculate()
        self._close_keypad()

    def _close_keypad(self) -> None:
        self.editing = None
        self.keypad.hide()

    def _interest(self) -> None:
        if self.page.model_id is not None:
            self.interest_requested.emit(self.page.model_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back_button.setText(QCoreApplication.translate("KioskTco", "← All trucks"))
        self.interest.setText(QCoreApplication.translate("KioskTco", "I am interested"))
        self.keypad.retranslate()
