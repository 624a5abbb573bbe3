"""Sign in with a PIN: pick yourself from the list, type your PIN, press Enter.

The same dialog asks a manager to approve something a staff member may not do alone
(``managers_only=True``): it then lists managers only and does not change who is signed in.
The PIN is checked off the GUI thread (a slow hash on purpose); wrong PINs count down to a
lock-out kept in the database, and the dialog says how many tries are left.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.ui.accounts.pin_fields import PinEdit
from catalog_app.ui.accounts.ui_helpers import error_label, error_text, if_alive, show_error
from catalog_app.ui.app_state import AppState

MEMBER_ROLE = Qt.ItemDataRole.UserRole


class SignInDialog(QDialog):
    """Choose a person and check their PIN; ``member`` is set when the dialog is accepted."""

    def __init__(
        self,
        state: AppState,
        *,
        managers_only: bool = False,
        reason: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self._state = state
        self._managers_only = managers_only
        self._reason = reason
        self.member: StaffMember | None = None

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.people = QListWidget()
        self.people.setObjectName("signInPeople")
        self.people.setMinimumHeight(140)
        self.pin = PinEdit()
        self.pin.setObjectName("signInPin")
        self.message = error_label("signInMessage")
        self.people_label = QLabel()
        self.people_label.setBuddy(self.people)
        self.pin_label = QLabel()
        self.pin_label.setBuddy(self.pin)

        form = QFormLayout()
        form.addRow(self.people_label, self.people)
        form.addRow(self.pin_label, self.pin)
        form.addRow("", self.message)

        self.buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)  # Enter never cancels by accident
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.clicked.connect(self.check_pin)
        self.cancel_button.clicked.connect(self.reject)
        self.pin.returnPressed.connect(self.check_pin)
        self.people.itemActivated.connect(lambda _item: self.pin.setFocus())
        self.people.currentItemChanged.connect(lambda *_: self._person_changed())

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate()
        self.load_people()

    # -- people --------------------------------------------------------------------------
    def load_people(self) -> None:
        self.people.clear()
        try:
            members = AccountService(self._state.database).list_staff()
        except Exception as exc:  # noqa: BLE001 - say so in the dialog, never crash
            show_error(self.message, error_text(exc, self._state.language))
            return
        current = self._state.current_staff
        for member in members:
            if self._managers_only and not member.is_manager:
                continue
            item = QListWidgetItem(self._person_text(member))
            item.setData(MEMBER_ROLE, member)
            self.people.addItem(item)
            if current is not None and member.id == current.id and not self._managers_only:
                self.people.setCurrentItem(item)
        if self.people.currentItem() is None and self.people.count():
            self.people.setCurrentRow(0)
        if not self.people.count():
            show_error(self.message, self._nobody_text())
        self.sign_in_button.setEnabled(bool(self.people.count()))
        self.pin.setFocus()

    def select_person(self, name: str) -> None:
        """Select the person called ``name`` (for tests and for a remembered last person)."""
        for row in range(self.people.count()):
            member = self.people.item(row).data(MEMBER_ROLE)
            if member.display_name == name:
                self.people.setCurrentRow(row)
                return
        raise KeyError(name)

    def _person_text(self, member: StaffMember) -> str:
        role = self.tr("manager") if member.is_manager else self.tr("staff")
        return f"{member.display_name}  ·  {role}"

    def _nobody_text(self) -> str:
        if self._managers_only:
            return self.tr("There is no manager account on this device.")
        return self.tr("There are no staff accounts yet.")

    def _person_changed(self) -> None:
        show_error(self.message, "")
        self.pin.clear()
        self.pin.setFocus()

    def selected(self) -> StaffMember | None:
        item = self.people.currentItem()
        return item.data(MEMBER_ROLE) if item is not None else None

    # -- checking the PIN ----------------------------------------------------------------
    def check_pin(self) -> None:
        member = self.selected()
        if member is None or self.pin.isReadOnly():  # no second check while one runs
            return
        pin = self.pin.text()
        if not pin:
            show_error(self.message, self.tr("Type your PIN."))
            self.pin.setFocus()
            return
        self._set_busy(True)
        accounts = AccountService(self._state.database)
        self._state.tasks.start(
            "sign-in",
            lambda _ctx: accounts.authenticate(member.id, pin),
            on_finished=if_alive(self, self._accepted),
            on_failed=if_alive(self, self._refused),
        )

    def _accepted(self, member: StaffMember) -> None:
        self._set_busy(False)
        if self._managers_only and not member.is_manager:
            show_error(self.message, self.tr("A manager's PIN is needed here."))
            return
        self.member = member
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        show_error(self.message, error_text(error, self._state.language))
        self.pin.clear()
        self.pin.setFocus()

    def _set_busy(self, busy: bool) -> None:
        # The PIN field stays enabled (read-only) so that the focus stays in it.
        self.people.setEnabled(not busy)
        self.pin.setReadOnly(busy)
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setText(self.tr("Checking…") if busy else self._button_text())
        if not busy:
            self.pin.setFocus()

    # -- language ------------------------------------------------------------------------
    def _button_text(self) -> str:
        return self.tr("&Approve") if self._managers_only else self.tr("&Sign in")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self._managers_only:
            self.setWindowTitle(self.tr("Manager approval"))
            intro = self.tr("A manager must approve this with their PIN.")
            self.intro.setText(f"{self._reason}\n{intro}" if self._reason else intro)
        else:
            self.setWindowTitle(self.tr("Who is at the booth?"))
            self.intro.setText(
                self.tr("Choose your name and type your PIN. Leads you capture carry your name.")
            )
        self.people_label.setText(self.tr("&Person:"))
        self.pin_label.setText(self.tr("P&IN:"))
        self.sign_in_button.setText(self._button_text())
        self.cancel_button.setText(self.tr("Cancel"))
        for row in range(self.people.count()):
            item = self.people.item(row)
            item.setText(self._person_text(item.data(MEMBER_ROLE)))
