"""A small question with an optional note (why a form is cancelled), kept with the change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MAX_NOTE = 500


class NoteDialog(QDialog):
    def __init__(
        self,
        title: str,
        question: str,
        yes_text: str,
        no_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intentNoteDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        label = QLabel(question)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("intentNote")
        self.editor.setFixedHeight(80)
        buttons = QDialogButtonBox()
        self.yes: QPushButton = buttons.addButton(yes_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.no: QPushButton = buttons.addButton(no_text, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.resize(440, 220)

    @property
    def note(self) -> str:
        return self.editor.toPlainText().strip()[:MAX_NOTE]
