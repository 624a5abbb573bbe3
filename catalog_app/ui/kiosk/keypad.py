"""On-screen numeric keypads for a kiosk with no keyboard.

``NumericKeypad`` types into a ``QLineEdit`` (digits, optionally ``.``, backspace and clear);
it is used for the phone number, the staff PIN and, inside ``KeypadPanel``, for any number of
the TCO form. Keys are 72 px high (touch targets need 48).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.ui.kiosk.kiosk_style import KEYPAD_KEY, SMALL_KEYPAD_KEY

BACKSPACE = "⌫"


class NumericKeypad(QWidget):
    """Digits 1–9, 0, a decimal point or a plus sign, backspace, clear.

    Signals:
        typed(str): the target's text after a key was pressed.
    """

    typed = Signal(str)

    def __init__(
        self,
        target: QLineEdit | None = None,
        *,
        decimal: bool = False,
        plus: bool = False,
        max_length: int = 20,
        key_height: int = KEYPAD_KEY,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("numericKeypad")
        self._target = target
        self._max_length = max_length
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(10)
        extra = "." if decimal else ("+" if plus else "")
        layout = ("123", "456", "789", f"{extra or 'C'}0{BACKSPACE}")
        for row, keys in enumerate(layout):
            for column, key in enumerate(keys):
                button = QPushButton(key)
                button.setObjectName(f"key_{key}")
                button.setProperty("role", "key")
                button.setMinimumHeight(key_height)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.clicked.connect(lambda _checked=False, k=key: self.press(k))
                grid.addWidget(button, row, column)
                self.buttons[key] = button
        if extra:
            clear = QPushButton("C")
            clear.setObjectName("key_C")
            clear.setProperty("role", "key")
            clear.setMinimumHeight(key_height)
            clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            clear.clicked.connect(lambda: self.press("C"))
            grid.addWidget(clear, 4, 0, 1, 3)
            clear.setMinimumHeight(max(48, key_height - 12))
            self.buttons["C"] = clear
        self.buttons["C"].setToolTip(QCoreApplication.translate("NumericKeypad", "Clear"))

    def set_target(self, target: QLineEdit | None) -> None:
        self._target = target

    @property
    def target(self) -> QLineEdit | None:
        return self._target

    def press(self, key: str) -> None:
        """What a finger on ``key`` does."""
        target = self._target
        if target is None:
            return
        text = target.text()
        if key == BACKSPACE:
            text = text[:-1]
        elif key == "C":
            text = ""
        elif (key == "." and "." in text) or (key == "+" and text):
            return
        elif len(text) < self._max_length:
            text += key
        target.setText(text)
        self.typed.emit(text)


class KeypadPanel(QFrame):
    """A keypad under a caption and the value being typed, with OK and Cancel: the kiosk's way
    to change a number of the TCO form.

    Signals:
        accepted(str): the value typed (OK).
        cancelled(): Cancel (the field keeps its value).
    """

    accepted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCard")
        self.caption = QLabel()
        self.caption.setObjectName("keypadCaption")
        self.caption.setWordWrap(True)
        self.value = QLineEdit()
        self.value.setObjectName("keypadValue")
        self.value.setReadOnly(True)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.keypad = NumericKeypad(self.value, decimal=True, key_height=SMALL_KEYPAD_KEY)
        self.ok = QPushButton()
        self.ok.setObjectName("keypadOk")
        self.ok.setProperty("role", "primary")
        self.cancel = QPushButton()
        self.cancel.setObjectName("keypadCancel")
        self.ok.clicked.connect(lambda: self.accepted.emit(self.value.text()))
        self.cancel.clicked.connect(self.cancelled.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.setSpacing(12)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.keypad)
        layout.addLayout(buttons)
        self.retranslate()

    def start(self, caption: str, value: str) -> None:
        self.caption.setText(caption)
        self.value.setText(value.replace(",", ""))

    def retranslate(self) -> None:
        self.ok.setText(QCoreApplication.translate("KeypadPanel", "OK"))
        self.cancel.setText(QCoreApplication.translate("KeypadPanel", "Cancel"))
