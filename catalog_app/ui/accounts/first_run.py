"""The first start on a new database: create the first manager account (name and PIN).

Until a manager exists nobody can add staff, merge, export or delete; the first account is
therefore always a manager. It is created off the GUI thread (the PIN hash is slow on purpose)
and, once made, that person is signed in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
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


class FirstManagerDialog(QDialog):
    """Create the first manager; ``member`` is set when the dialog is accepted."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstManagerDialog")
        self._state = state
        self.member: StaffMember | None = None
        self._busy = False

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.name = QLineEdit()
        self.name.setObjectName("managerName")
        self.name.setMaxLength(100)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        self.name_error = error_label("managerNameError")
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow("", self.name_error)
        self.pins = NewPinFields(form, self)
        self.message = error_label("firstManagerMessage")

        self.create_button = QPushButton()
        self.create_button.setObjectName("createManagerButton")
        self.create_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)  # Enter never cancels by accident
        buttons = QDialogButtonBox()
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(self.create)
        self.cancel_button.clicked.connect(self.reject)
        self.name.textEdited.connect(lambda _t: show_error(self.name_error, ""))
        self.pins.repeat.returnPressed.connect(self.create)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self.name.setFocus()

    def create(self) -> None:
        if self._busy:
            return
        lang = self._state.language
        name = self.name.text().strip()
        if not name:
            show_error(self.name_error, NAME_REQUIRED.render(lang))
            self.name.setFocus()
            return
        pin = self.pins.checked_pin(lang)
        if pin is None:
            return
        self._set_busy(True)
        accounts = AccountService(self._state.database)
        self._state.tasks.start(
            "first-manager",
            lambda _ctx: accounts.create_staff(name, StaffRole.MANAGER, pin, actor=None),
            on_finished=if_alive(self, self._created),
            on_failed=if_alive(self, self._failed),
        )

    def _created(self, member: StaffMember) -> None:
        self._set_busy(False)
        self.member = member
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        show_error(self.message, error_text(error, self._state.language))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for line in (self.name, self.pins.pin, self.pins.repeat):
            line.setReadOnly(busy)  # read-only, not disabled: the focus stays where it is
        self.create_button.setEnabled(not busy)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Create the first manager account"))
        self.intro.setText(
            self.tr(
                "Nobody has an account on this device yet. The first account is a manager's: "
                "managers add booth staff, reset PINs, merge duplicates, export and delete. "
                "Choose a PIN of 4 to 12 digits that others do not know."
            )
        )
        self.name_label.setText(self.tr("&Name:"))
        self.create_button.setText(self.tr("&Create and sign in"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.pins.retranslate()
