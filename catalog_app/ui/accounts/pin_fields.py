"""PIN entry fields: digits only, hidden as they are typed.

``PinEdit`` is one hidden, digits-only line; ``NewPinFields`` is a PIN typed twice (for a new
account or a reset) that checks itself and says what is wrong in the UI language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from catalog_app.domain.pins import MAX_PIN_LENGTH, pin_problem
from catalog_app.services.accounts import BAD_PIN
from catalog_app.ui.accounts.ui_helpers import error_label, show_error


class PinEdit(QLineEdit):
    """A PIN line: digits only, shown as dots, at most MAX_PIN_LENGTH."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setMaxLength(MAX_PIN_LENGTH)
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{MAX_PIN_LENGTH}}}"), self)
        )
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
        )


class NewPinFields:
    """A new PIN typed twice, added to a form layout; ``checked_pin(lang)`` says what's wrong."""

    def __init__(self, form: QFormLayout, parent: QWidget) -> None:
        self.pin = PinEdit(parent)
        self.pin.setObjectName("newPin")
        self.repeat = PinEdit(parent)
        self.repeat.setObjectName("repeatPin")
        self.error = error_label("pinError")
        self.pin_label = QLabel(parent)
        self.repeat_label = QLabel(parent)
        self.pin_label.setBuddy(self.pin)
        self.repeat_label.setBuddy(self.repeat)
        form.addRow(self.pin_label, self.pin)
        form.addRow(self.repeat_label, self.repeat)
        form.addRow("", self.error)
        self.pin.textEdited.connect(lambda _t: show_error(self.error, ""))
        self.repeat.textEdited.connect(lambda _t: show_error(self.error, ""))
        self.retranslate()

    def retranslate(self) -> None:
        self.pin_label.setText(QCoreApplication.translate("NewPinFields", "&PIN (4–12 digits):"))
        self.repeat_label.setText(QCoreApplication.translate("NewPinFields", "PIN &again:"))

    def checked_pin(self, lang: str) -> str | None:
        """The PIN if it is acceptable and typed the same twice; else shows why, returns None."""
        pin = self.pin.text()
        problem = pin_problem(pin)
        if problem:
            show_error(self.error, BAD_PIN[problem].render(lang))
            self.pin.setFocus()
            return None
        if self.repeat.text() != pin:
            show_error(
                self.error,
                QCoreApplication.translate("NewPinFields", "The two PINs are not the same."),
            )
            self.repeat.clear()
            self.repeat.setFocus()
            return None
        show_error(self.error, "")
        return pin

    def clear(self) -> None:
        self.pin.clear()
        self.repeat.clear()
