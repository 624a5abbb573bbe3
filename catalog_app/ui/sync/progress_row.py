"""A progress bar with a Cancel button and a line of text, for one sync task at a time."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from catalog_app.ui.sync.sync_work import progress_text
from catalog_app.ui.tasks import Task


class ProgressRow(QWidget):
    """Shows the running task's progress; Cancel asks it to stop (it rolls back)."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.bar = QProgressBar()
        self.bar.setObjectName(f"{object_name}Bar")
        self.bar.setTextVisible(True)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setMinimumWidth(220)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName(f"{object_name}Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.text)
        layout.addWidget(self.cancel_button)
        self.task: Task | None = None
        self.setVisible(False)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.is_done

    def follow(self, task: Task) -> None:
        """Show ``task``'s progress. The caller started it with ``on_progress=row.report`` (so no
        report is missed) and calls ``finish`` from its end handlers."""
        self.task = task
        self.bar.setRange(0, 0)  # busy until the first report
        self.text.setText("")
        self.cancel_button.setEnabled(True)
        self.setVisible(True)

    def report(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.text.setText(progress_text(text))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.text.setText(self.tr("Cancelling…"))

    def finish(self) -> None:
        self.setVisible(False)
        self.task = None
