"""Who is at the booth: a small control for the main window's status bar (or a page header).

It shows the signed-in person and their role, and offers to sign in (or switch person), to sign
out, and — for managers — to manage staff. On a database without any manager it offers to
create the first manager account instead of signing in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QToolButton, QWidget

from catalog_app.services.accounts import AccountService
from catalog_app.ui.accounts.first_run import FirstManagerDialog
from catalog_app.ui.accounts.sign_in_dialog import SignInDialog
from catalog_app.ui.accounts.staff_dialog import open_staff_management
from catalog_app.ui.app_state import AppState


def request_sign_in(state: AppState, parent: QWidget | None) -> QDialog:
    """Ask who is at the booth (PIN); on a database without a manager, create the first one.
    The dialog is opened (not blocking); whoever it accepts is signed in."""
    try:
        first_run = not AccountService(state.database).has_manager()
    except Exception:  # noqa: BLE001 - the sign-in dialog shows the problem itself
        first_run = False
    dialog: FirstManagerDialog | SignInDialog = (
        FirstManagerDialog(state, parent) if first_run else SignInDialog(state, parent=parent)
    )

    def signed_in() -> None:
        if dialog.member is not None:
            state.sign_in(dialog.member)

    dialog.accepted.connect(signed_in)
    dialog.open()
    return dialog


class StaffSwitcher(QWidget):
    """The signed-in person with sign-in / switch / sign-out / manage-staff actions."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffSwitcher")
        self._state = state
        self.dialog: QDialog | None = None

        self.person = QLabel()
        self.person.setObjectName("currentStaff")
        self.person.setTextFormat(Qt.TextFormat.PlainText)
        self.switch_button = QToolButton()
        self.switch_button.setObjectName("switchPersonButton")
        self.sign_out_button = QToolButton()
        self.sign_out_button.setObjectName("signOutButton")
        self.manage_button = QToolButton()
        self.manage_button.setObjectName("manageStaffButton")
        for button in (self.switch_button, self.sign_out_button, self.manage_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAutoRaise(True)
        self.switch_button.clicked.connect(self.request_sign_in)
        self.sign_out_button.clicked.connect(lambda: self._state.sign_in(None))
        self.manage_button.clicked.connect(self.manage_staff)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.person)
        layout.addWidget(self.switch_button)
        layout.addWidget(self.sign_out_button)
        layout.addWidget(self.manage_button)
        state.staff_changed.connect(lambda _member: self.refresh())
        self.refresh()

    def request_sign_in(self) -> QDialog:
        """Open the sign-in dialog (or the first-manager dialog on a new database)."""
        self.dialog = request_sign_in(self._state, self.window())
        return self.dialog

    def manage_staff(self) -> QDialog | None:
        self.dialog = open_staff_management(self._state, self.window())
        return self.dialog

    def refresh(self) -> None:
        member = self._state.current_staff
        if member is None:
            self.person.setText(self.tr("Nobody signed in"))
            if self._has_manager():
                self.switch_button.setText(self.tr("&Sign in…"))
            else:
                self.switch_button.setText(self.tr("&Set up the first manager…"))
        else:
            role = self.tr("manager") if member.is_manager else self.tr("staff")
            self.person.setText(
                self.tr("Signed in: %1 (%2)").replace("%1", member.display_name).replace("%2", role)
            )
            self.switch_button.setText(self.tr("S&witch person…"))
        self.sign_out_button.setText(self.tr("Sign &out"))
        self.manage_button.setText(self.tr("Staff…"))
        self.sign_out_button.setVisible(member is not None)
        self.manage_button.setVisible(self._state.is_manager)

    def _has_manager(self) -> bool:
        try:
            return AccountService(self._state.database).has_manager()
        except Exception:  # noqa: BLE001 - a label; the dialog will say what is wrong
            return True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
