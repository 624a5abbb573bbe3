"""Add a staff account, or give someone a new PIN (a manager does both).

One small dialog in two modes. The work (a slow PIN hash, an audited write) runs off the GUI
thread; problems are shown under the field they concern.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.enums import StaffRole
from catalog_app.services.accounts import NAME_REQUIRED, AccountService, StaffMember
from catalog_app.ui.accounts.pin_fields import NewPinFields
from catalog_app.ui.accounts.ui_helpers import error_label, error_text, if_alive, show_error
from catalog_app.ui.app_state import AppState


class StaffEditDialog(QDialog):
    """``target=None``: add a person (name, role, PIN); else: a new PIN for ``target``."""

    def __init__(
        self,
        state: AppState,
        actor: StaffMember,
        target: StaffMember | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("staffEditDialog")
        self._state = state
        self._actor = actor
        self._target = target
        self.result_member: StaffMember | None = None
        self._busy = False

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("staffName")
        self.name.setMaxLength(100)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        self.name_error = error_label("staffNameError")
        self.role = QComboBox()
        self.role.setObjectName("staffRole")
        self.role_label = QLabel()
        self.role_label.setBuddy(self.role)
        if target is None:
            form.addRow(self.name_label, self.name)
            form.addRow("", self.name_error)
            form.addRow(self.role_label, self.role)
            self.name.textEdited.connect(lambda _t: show_error(self.name_error, ""))
        else:
            self.name.hide()
            self.role.hide()
        self.pins = NewPinFields(form, self)
        self.message = error_label("staffEditMessage")

        self.ok_button = QPushButton()
        self.ok_button.setObjectName("staffEditOk")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)  # Enter never cancels by accident
        buttons = QDialogButtonBox()
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.save)
        self.pins.repeat.returnPressed.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.retranslate()
        (self.name if target is None else self.pins.pin).setFocus()

    def save(self) -> None:
        if self._busy:
            return
        lang = self._state.language
        name = self.name.text().strip()
        if self._target is None and not name:
            show_error(self.name_error, NAME_REQUIRED.render(lang))
            self.name.setFocus()
            return
        pin = self.pins.checked_pin(lang)
        if pin is None:
            return
        accounts = AccountService(self._state.database)
        actor, target = self._actor, self._target
        role = StaffRole(self.role.currentData() or StaffRole.STAFF.value)

        def work(_ctx: object) -> StaffMember:
            if target is None:
                return accounts.create_staff(name, role, pin, actor=actor)
            accounts.set_pin(target.id, pin, actor=actor)
            return accounts.get(target.id)

        self._set_busy(True)
        self._state.tasks.start(
            "staff-edit",
            work,
            on_finished=if_alive(self, self._saved),
            on_failed=if_alive(self, self._failed),
        )

    def _saved(self, member: StaffMember) -> None:
        self._set_busy(False)
        self.result_member = member
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        show_error(self.message, error_text(error, self._state.language))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for line in (self.name, self.pins.pin, self.pins.repeat):
            line.setReadOnly(busy)  # read-only, not disabled: the focus stays where it is
        self.role.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self._target is None:
            self.setWindowTitle(self.tr("Add a person"))
            self.intro.setText(
                self.tr("Booth staff capture leads and print intents; managers may do everything.")
            )
            self.ok_button.setText(self.tr("&Add"))
        else:
            self.setWindowTitle(self.tr("New PIN"))
            self.intro.setText(
                self.tr("A new PIN for %1. A lock-out after wrong PINs ends with it.").replace(
                    "%1", self._target.display_name
                )
            )
            self.ok_button.setText(self.tr("&Set PIN"))
        self.name_label.setText(self.tr("&Name:"))
        self.role_label.setText(self.tr("&Role:"))
        current = self.role.currentData()
        self.role.clear()
        self.role.addItem(self.tr("Booth staff"), StaffRole.STAFF.value)
        self.role.addItem(self.tr("Manager"), StaffRole.MANAGER.value)
        if current:
            self.role.setCurrentIndex(self.role.findData(current))
        self.cancel_button.setText(self.tr("Cancel"))
        self.pins.retranslate()
