"""Kiosk mode in Settings: the idle time and slide time, and a button that starts kiosk mode.

Only a manager who is signed in may change the times or start the kiosk; anyone else sees why
the controls are off. Starting refuses with a clear message when no staff account has a PIN.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.text import UserFacingError
from catalog_app.services.kiosk_settings import (
    IDLE_RANGE,
    SLIDE_RANGE,
    KioskSettings,
    load_kiosk_settings,
    save_kiosk_settings,
)
from catalog_app.ui.app_state import AppState

if TYPE_CHECKING:  # the kiosk (and QtCharts) load only when a manager starts it
    from catalog_app.ui.kiosk.kiosk_window import KioskWindow


class KioskSettingsBox(QGroupBox):
    """See the module docstring."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskSettingsBox")
        self._state = state
        self.kiosk: KioskWindow | None = None
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.idle = QSpinBox()
        self.idle.setObjectName("kioskIdleSeconds")
        self.idle.setRange(*IDLE_RANGE)
        self.slide = QSpinBox()
        self.slide.setObjectName("kioskSlideSeconds")
        self.slide.setRange(*SLIDE_RANGE)
        self.idle_caption = QLabel()
        self.slide_caption = QLabel()
        form = QFormLayout()
        form.addRow(self.idle_caption, self.idle)
        form.addRow(self.slide_caption, self.slide)
        self.save = QPushButton()
        self.save.setObjectName("kioskSaveSettings")
        self.save.clicked.connect(self._save)
        self.start = QPushButton()
        self.start.setObjectName("kioskStart")
        self.start.clicked.connect(self._start)
        self.message = QLabel()
        self.message.setObjectName("kioskSettingsMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.start)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        state.staff_changed.connect(lambda _member: self._sync())
        state.database_changed.connect(lambda _db: self.reload())
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        try:
            settings = load_kiosk_settings(self._state.database)
        except Exception as exc:  # noqa: BLE001 - shown in the box, settings page stays
            self.message.setText(str(exc))
            settings = KioskSettings()
        self.idle.setValue(settings.idle_seconds)
        self.slide.setValue(settings.slide_seconds)
        self._sync()

    def _sync(self) -> None:
        manager = self._state.is_manager
        for widget in (self.idle, self.slide, self.save, self.start):
            widget.setEnabled(manager)
        hint = "" if manager else self.tr("Only a manager who is signed in can change these.")
        self.start.setToolTip(hint)
        if not manager:
            self.message.setText(hint)

    def _save(self) -> None:
        settings = KioskSettings(self.idle.value(), self.slide.value())
        try:
            save_kiosk_settings(self._state.database, settings, actor=self._state.current_staff)
        except UserFacingError as exc:
            self.message.setText(exc.text(self._state.language))
            return
        self.message.setText(self.tr("Saved."))

    def _start(self) -> None:
        from catalog_app.ui.kiosk.launch import start_kiosk_over

        try:
            self.kiosk = start_kiosk_over(self.window(), self._state)
        except UserFacingError as exc:
            self.message.setText(exc.text(self._state.language))
            return
        self.message.setText("")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Kiosk mode"))
        self.explanation.setText(
            self.tr(
                "Full screen for buyers at the booth: catalog, comparison, cost against diesel "
                "and \u201cI am interested\u201d only. After the idle time everything a visitor "
                "typed is wiped and pictures of the models play. Leaving needs a staff PIN."
            )
        )
        self.idle_caption.setText(self.tr("Idle time (seconds)"))
        self.slide_caption.setText(self.tr("Each picture shows for (seconds)"))
        self.save.setText(self.tr("Save"))
        self.start.setText(self.tr("Start kiosk mode"))
        self._sync()
