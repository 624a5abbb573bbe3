"""A form input with its error line right under it: messages are shown AT the field.

``FieldBox(editor)`` holds the editor and a red line that stays hidden (taking no space) until
``set_error(text)``; the editor is then marked (a red frame, property ``invalid``) and screen
readers get the message as the editor's accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

ERROR_COLOR = "#b3261e"
FORM_STYLE = f"""
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],
QTableWidget[invalid="true"], QCheckBox[invalid="true"] {{
    border: 2px solid {ERROR_COLOR};
    border-radius: 3px;
}}
QLabel[role="fieldError"] {{ color: {ERROR_COLOR}; }}
"""


class FieldBox(QWidget):
    """An editor and the message under it."""

    def __init__(self, editor: QWidget, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setObjectName(f"{name}Box")
        self.error = QLabel()
        self.error.setObjectName(f"{name}Error")
        self.error.setProperty("role", "fieldError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    @property
    def error_text(self) -> str:
        return self.error.text()

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.editor.setProperty("invalid", bool(text))
        self.editor.setAccessibleDescription(text)
        style = self.editor.style()
        style.unpolish(self.editor)
        style.polish(self.editor)
