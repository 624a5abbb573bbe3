"""The TCO calculator in a window of its own beside the main window (not modal).

``open_tco_dialog(parent, state, model_id)`` shows the calculator for a model; a second request
reuses the open window (what was typed stays; the model's own figures change).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from catalog_app.ui.app_state import AppState
from catalog_app.ui.tco.tco_page import TcoPage

DIALOG_SIZE = (1280, 760)


class TcoDialog(QDialog):
    """A window holding one ``TcoPage``."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tcoDialog")
        self.setModal(False)
        self.page = TcoPage(state)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 8)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = DIALOG_SIZE
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("TCO calculator"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("Close"))


def open_tco_dialog(parent: QWidget, state: AppState, model_id: uuid.UUID) -> TcoDialog:
    """Show the calculator for ``model_id`` (reusing the parent's open calculator window)."""
    dialog = parent.findChild(TcoDialog, "tcoDialog")
    if not isinstance(dialog, TcoDialog):
        dialog = TcoDialog(state, parent)
    dialog.page.set_model(model_id)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
