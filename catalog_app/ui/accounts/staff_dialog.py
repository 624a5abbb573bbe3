"""Staff management, for managers: who has an account, their role, PIN and lock-out; add a
person, give a new PIN (which also ends a lock-out), change a role. Every change is audited by
the accounts service; the last manager cannot lose the role.

Staff cannot open it: ``open_staff_management`` refuses with a message, and the dialog itself
refuses to be built for anyone but a signed-in manager.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.base import utc_now
from catalog_app.domain.enums import StaffRole
from catalog_app.services.accounts import AccountService, PermissionDenied, StaffMember
from catalog_app.ui.accounts.staff_edit_dialog import StaffEditDialog
from catalog_app.ui.accounts.ui_helpers import error_label, error_text, if_alive, show_error
from catalog_app.ui.app_state import AppState
from catalog_app.ui.dialogs import inform

MEMBER_ROLE = Qt.ItemDataRole.UserRole


def open_staff_management(state: AppState, parent: QWidget | None = None) -> QDialog | None:
    """Show the staff dialog to a manager; anyone else is told why not. Returns the dialog."""
    try:
        dialog = StaffManagementDialog(state, parent)
    except PermissionDenied as refused:
        inform(
            parent,
            QMessageBox.Icon.Warning,
            StaffManagementDialog.tr_title(),
            refused.text(state.language),
            QCoreApplication.translate("StaffManagementDialog", "OK"),
        )
        return None
    dialog.open()
    return dialog


class StaffManagementDialog(QDialog):
    """The staff list with add / new PIN / role actions (managers only)."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        if not state.is_manager:
            raise PermissionDenied()
        super().__init__(parent)
        self.setObjectName("staffManagementDialog")
        self._state = state
        self._edit: StaffEditDialog | None = None

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("staffTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.message = error_label("staffMessage")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addStaffButton")
        self.pin_button = QPushButton()
        self.pin_button.setObjectName("resetPinButton")
        self.role_button = QPushButton()
        self.role_button.setObjectName("changeRoleButton")
        self.close_button = QPushButton()
        self.add_button.clicked.connect(lambda: self._open_edit(None))
        self.pin_button.clicked.connect(lambda: self._open_edit(self.selected()))
        self.role_button.clicked.connect(self.toggle_role)
        self.close_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.pin_button, self.role_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(640, 420)
        self.retranslate()
        self.reload()

    @staticmethod
    def tr_title() -> str:
        return QCoreApplication.translate("StaffManagementDialog", "Staff and PINs")

    # -- the list ------------------------------------------------------------------------
    def reload(self, select_id: object = None) -> None:
        previous = self.selected()
        wanted = select_id or (previous.id if previous else None)
        try:
            members = AccountService(self._state.database).list_staff()
        except Exception as exc:  # noqa: BLE001 - shown in the dialog
            show_error(self.message, error_text(exc, self._state.language))
            return
        self.table.setRowCount(len(members))
        for row, member in enumerate(members):
            cells = (member.display_name, self._role_text(member), self._pin_text(member))
            for column, text in enumerate((*cells, self._status_text(member))):
                item = QTableWidgetItem(text)
                item.setData(MEMBER_ROLE, member)
                self.table.setItem(row, column, item)
            if member.id == wanted:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> StaffMember | None:
        items = self.table.selectedItems()
        return items[0].data(MEMBER_ROLE) if items else None

    def select_person(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(MEMBER_ROLE).display_name == name:
                self.table.selectRow(row)
                return
        raise KeyError(name)

    def _role_text(self, member: StaffMember) -> str:
        return self.tr("Manager") if member.is_manager else self.tr("Booth staff")

    def _pin_text(self, member: StaffMember) -> str:
        return self.tr("set") if member.has_pin else self.tr("not set")

    def _status_text(self, member: StaffMember) -> str:
        if member.locked_until is not None and member.locked_until > utc_now():
            until = QLocale().toString(member.locked_until.astimezone().time(), "HH:mm")
            return self.tr("locked until %1").replace("%1", until)
        return self.tr("active")

    def _update_buttons(self) -> None:
        member = self.selected()
        self.pin_button.setEnabled(member is not None)
        self.role_button.setEnabled(member is not None)
        if member is not None and member.is_manager:
            self.role_button.setText(self.tr("Make booth &staff"))
        else:
            self.role_button.setText(self.tr("Make &manager"))

    # -- actions -------------------------------------------------------------------------
    def _open_edit(self, target: StaffMember | None) -> None:
        actor = self._state.current_staff
        if actor is None:
            return
        self._edit = StaffEditDialog(self._state, actor, target, self)
        self._edit.accepted.connect(self._edited)
        self._edit.open()

    def _edited(self) -> None:
        edit = self._edit
        if edit is None or edit.result_member is None:
            return
        member = edit.result_member
        self._say(self.tr("Saved: %1.").replace("%1", member.display_name))
        self.reload(member.id)

    def toggle_role(self) -> None:
        member = self.selected()
        actor = self._state.current_staff
        if member is None or actor is None:
            return
        new_role = StaffRole.STAFF if member.is_manager else StaffRole.MANAGER
        accounts = AccountService(self._state.database)
        self.role_button.setEnabled(False)
        self._state.tasks.start(
            "change-role",
            lambda _ctx: accounts.change_role(member.id, new_role, actor=actor),
            on_finished=if_alive(self, lambda _r: self._role_changed(member)),
            on_failed=if_alive(self, self._failed),
        )

    def _role_changed(self, member: StaffMember) -> None:
        self._say(self.tr("Role changed: %1.").replace("%1", member.display_name))
        self.reload(member.id)
        current = self._state.current_staff
        if current is not None and current.id == member.id:
            # Managers who make themselves staff lose manager rights at once.
            self._state.sign_in(AccountService(self._state.database).get(member.id))

    def _failed(self, error: BaseException) -> None:
        show_error(self.message, error_text(error, self._state.language))
        self.message.setStyleSheet("color: #b3261e;")
        self._update_buttons()

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("color: #1b5e20;")
        show_error(self.message, text)

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr_title())
        self.hint.setText(
            self.tr(
                "Every person at the booth signs in with their own PIN, so each lead shows who "
                "captured it. Changes here are written to the audit log."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("PIN"), self.tr("Status")]
        )
        self.add_button.setText(self.tr("&Add person…"))
        self.pin_button.setText(self.tr("New &PIN…"))
        self.close_button.setText(self.tr("Close"))
        self._update_buttons()
