"""The badge field at the top of the capture form.

A scanner's burst is caught by ``ScanBurstDetector`` wherever the focus is; this field is for the
other ways a payload arrives: a badge code typed by hand and Enter, or a payload pasted from the
clipboard (a multi-line vCard is passed on whole, not flattened into one line).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget


class ScanField(QLineEdit):
    """Signals:
    payload_entered(str): a payload to read (typed and Enter, or pasted).
    """

    payload_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanField")
        self.setClearButtonEnabled(True)
        self.returnPressed.connect(self._typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if "\n" in text.strip() or "\r" in text.strip():
                self.payload_entered.emit(text)
                self.setText("")
                return
        super().keyPressEvent(event)

    def _typed(self) -> None:
        text = self.text()
        if text.strip():
            self.payload_entered.emit(text)
        self.setText("")  # not clear(): no undo history kept per scan
