"""Leaving kiosk mode: a member of staff picks their name and types their PIN on the keypad.

The PIN is checked by ``AccountService.authenticate`` off the GUI thread (a salted scrypt hash
takes a moment); wrong PINs are counted in the database, and after five the account is locked
for a while — the message says so and the keypad stays usable for another member of staff.

Signals:
    unlocked(object): the ``StaffMember`` who opened the kiosk.
    cancelled(): back to the kiosk.
"""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.text import UserFacingError
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.services.kiosk_settings import staff_who_can_unlock
from catalog_app.ui.app_state import AppState
from catalog_app.ui.kiosk.keypad import NumericKeypad

log = logging.getLogger(__name__)


class ExitScreen(QWidget):
    """See the module docstring."""

    unlocked = Signal(object)
    cancelled = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._staff_group = QButtonGroup(self)
        self.staff_buttons: dict[uuid.UUID, QPushButton] = {}
        self.checking = False
        self.title = QLabel()
        self.title.setObjectName("kioskTitle")
        self.staff_caption = QLabel()
        self.staff_row = QVBoxLayout()
        self.pin_caption = QLabel()
        self.pin = QLineEdit()
        self.pin.setObjectName("kioskPin")
        self.pin.setReadOnly(True)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaximumWidth(420)
        self.keypad = NumericKeypad(self.pin, max_length=12)
        self.keypad.setMaximumWidth(420)
        self.message = QLabel()
        self.message.setObjectName("kioskProblem")
        self.message.setWordWrap(True)
        self.message.hide()
        self.unlock = QPushButton()
        self.unlock.setObjectName("kioskUnlock")
        self.unlock.setProperty("role", "primary")
        self.unlock.clicked.connect(self.try_unlock)
        self.cancel = QPushButton()
        self.cancel.setObjectName("kioskExitCancel")
        self.cancel.clicked.connect(self._cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.unlock)
        who = QVBoxLayout()
        who.setSpacing(12)
        who.addWidget(self.title)
        who.addWidget(self.staff_caption)
        who.addLayout(self.staff_row)
        who.addWidget(self.message)
        who.addStretch(1)
        who.addLayout(buttons)
        pin = QVBoxLayout()
        pin.setSpacing(10)
        pin.addWidget(self.pin_caption)
        pin.addWidget(self.pin)
        pin.addWidget(self.keypad)
        pin.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(40)
        layout.addLayout(who, 3)
        layout.addLayout(pin, 2)
        self.retranslate()

    def start(self) -> None:
        """Fresh: the staff who can unlock, an empty PIN, no message."""
        for button in self.staff_buttons.values():
            self._staff_group.removeButton(button)
            button.deleteLater()
        self.staff_buttons = {}
        while self.staff_row.count():
            self.staff_row.takeAt(0)
        for member in staff_who_can_unlock(self._state.database):
            button = QPushButton(member.display_name)
            button.setObjectName("kioskStaff")
            button.setCheckable(True)
            self._staff_group.addButton(button)
            self.staff_row.addWidget(button)
            self.staff_buttons[member.id] = button
        self.staff_row.addStretch(1)
        current = self._state.current_staff
        chosen = self.staff_buttons.get(current.id) if current else None
        if chosen is None and len(self.staff_buttons) == 1:
            chosen = next(iter(self.staff_buttons.values()))
        if chosen is not None:
            chosen.setChecked(True)
        self.pin.clear()
        self.message.hide()

    def chosen_staff(self) -> uuid.UUID | None:
        return next((i for i, b in self.staff_buttons.items() if b.isChecked()), None)

    def try_unlock(self) -> None:
        if self.checking:
            return
        staff_id, pin = self.chosen_staff(), self.pin.text()
        if staff_id is None:
            self._say(QCoreApplication.translate("KioskExit", "Tap your name first."))
            return
        if not pin:
            self._say(QCoreApplication.translate("KioskExit", "Type your PIN on the keypad."))
            return
        self.checking = True
        self.unlock.setEnabled(False)
        self._say(QCoreApplication.translate("KioskExit", "Checking…"), problem=False)
        database = self._state.database
        self._state.tasks.start(
            "kiosk-unlock",
            lambda _ctx: AccountService(database).authenticate(staff_id, pin),
            on_finished=self._unlocked,
            on_failed=self._refused,
        )

    def _unlocked(self, member: StaffMember) -> None:
        self.checking = False
        self.unlock.setEnabled(True)
        self.pin.clear()
        self.message.hide()
        self.unlocked.emit(member)

    def _refused(self, error: BaseException) -> None:
        self.checking = False
        self.unlock.setEnabled(True)
        self.pin.clear()
        if isinstance(error, UserFacingError):
            self._say(error.text(self._state.language))
        else:
            log.error("kiosk unlock failed: %s", error)
            self._say(
                QCoreApplication.translate("KioskExit", "The PIN could not be checked: %1").replace(
                    "%1", str(error)
                )
            )

    def _cancel(self) -> None:
        self.pin.clear()
        self.message.hide()
        self.cancelled.emit()

    def _say(self, text: str, *, problem: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(
            "" if problem else "background: #e3edf8; color: #1f2d3d; padding: 10px 14px;"
        )
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.message.show()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("KioskExit", "Staff only: leave kiosk mode"))
        self.staff_caption.setText(QCoreApplication.translate("KioskExit", "Who are you?"))
        self.pin_caption.setText(QCoreApplication.translate("KioskExit", "PIN"))
        self.unlock.setText(QCoreApplication.translate("KioskExit", "Leave kiosk mode"))
        self.cancel.setText(QCoreApplication.translate("KioskExit", "Back to the kiosk"))
