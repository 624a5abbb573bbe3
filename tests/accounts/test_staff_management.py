"""Managers add booth staff, give new PINs and change roles; staff cannot open the dialog; the
last manager keeps the role; every change is in the audit log."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from accounts_data import People, StateFactory
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from catalog_app.domain.enums import StaffRole
from catalog_app.domain.models import AuditEntry
from catalog_app.services.accounts import AccountService, PermissionDenied
from catalog_app.store.database import Database
from catalog_app.ui.accounts import StaffManagementDialog, StaffSwitcher, open_staff_management
from catalog_app.ui.accounts.staff_edit_dialog import StaffEditDialog


def audit_actions(database: Database) -> list[str]:
    with database.sessions() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.created_at)))


def open_dialog(qtbot: QtBot, state: object) -> StaffManagementDialog:
    dialog = open_staff_management(state)  # type: ignore[arg-type]
    assert isinstance(dialog, StaffManagementDialog)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def edit_dialog(qtbot: QtBot, dialog: StaffManagementDialog) -> StaffEditDialog:
    qtbot.waitUntil(lambda: dialog._edit is not None and dialog._edit.isVisible(), timeout=3000)
    assert dialog._edit is not None
    return dialog._edit


def test_staff_cannot_open_staff_management(
    make_state: StateFactory,
    people: People,
    qtbot: QtBot,
    answer_message_boxes: Callable[..., list[str]],
) -> None:
    state = make_state("en", staff=people.staff)
    switcher = StaffSwitcher(state)
    qtbot.addWidget(switcher)
    switcher.show()
    assert not switcher.manage_button.isVisible()  # not even offered
    seen = answer_message_boxes("OK")
    assert open_staff_management(state) is None
    assert seen == ["Only a manager can do this."]
    with pytest.raises(PermissionDenied):
        StaffManagementDialog(state)
    nobody = make_state("en")
    with pytest.raises(PermissionDenied):
        StaffManagementDialog(nobody)


def test_a_manager_adds_a_person_and_they_can_sign_in(
    make_state: StateFactory, people: People, accounts_db: Database, qtbot: QtBot
) -> None:
    state = make_state("en", staff=people.manager)
    dialog = open_dialog(qtbot, state)
    assert dialog.table.rowCount() == 2
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    add = edit_dialog(qtbot, dialog)
    add.name.setText("小张")
    QTest.keyClicks(add.pins.pin, "4321", Qt.KeyboardModifier.NoModifier, 30)
    QTest.keyClicks(add.pins.repeat, "4321", Qt.KeyboardModifier.NoModifier, 30)
    qtbot.mouseClick(add.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=5000)
    assert "Saved: 小张." in dialog.message.text()
    added = next(m for m in AccountService(accounts_db).list_staff() if m.display_name == "小张")
    assert added.role is StaffRole.STAFF
    assert AccountService(accounts_db).authenticate(added.id, "4321") == added
    assert audit_actions(accounts_db).count("staff_created") == 3


def test_a_new_pin_ends_a_lock_out_and_is_audited(
    make_state: StateFactory, people: People, accounts_db: Database, qtbot: QtBot
) -> None:
    accounts = AccountService(accounts_db)
    for _ in range(5):
        with pytest.raises(Exception):  # noqa: B017 - wrong PIN, then locked
            accounts.authenticate(people.staff.id, "0000")
    state = make_state("en", staff=people.manager)
    dialog = open_dialog(qtbot, state)
    dialog.select_person("小李")
    assert "locked until" in dialog.table.item(dialog.table.currentRow(), 3).text()
    qtbot.mouseClick(dialog.pin_button, Qt.MouseButton.LeftButton)
    reset = edit_dialog(qtbot, dialog)
    assert "小李" in reset.intro.text()
    QTest.keyClicks(reset.pins.pin, "8888", Qt.KeyboardModifier.NoModifier, 30)
    QTest.keyClicks(reset.pins.repeat, "8888", Qt.KeyboardModifier.NoModifier, 30)
    qtbot.keyClick(reset.pins.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Saved: 小李." in dialog.message.text(), timeout=5000)
    dialog.select_person("小李")
    assert dialog.table.item(dialog.table.currentRow(), 3).text() == "active"
    assert accounts.authenticate(people.staff.id, "8888") == people.staff
    assert "pin_reset" in audit_actions(accounts_db)


def test_roles_change_but_the_last_manager_stays_a_manager(
    make_state: StateFactory, people: People, accounts_db: Database, qtbot: QtBot
) -> None:
    state = make_state("zh_CN", staff=people.manager)
    dialog = open_dialog(qtbot, state)
    assert dialog.windowTitle() == "员工与 PIN"
    dialog.select_person("王经理")
    assert dialog.role_button.text() == "改为展位员工(&S)"
    qtbot.mouseClick(dialog.role_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=3000)
    assert dialog.message.text() == "不能取消最后一位经理的经理权限。"
    dialog.select_person("小李")
    qtbot.mouseClick(dialog.role_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已更改角色：小李" in dialog.message.text(), timeout=3000)
    assert AccountService(accounts_db).get(people.staff.id).is_manager
    assert "role_change" in audit_actions(accounts_db)
    # Now the first manager may step down; they lose manager rights at once.
    dialog.select_person("王经理")
    qtbot.mouseClick(dialog.role_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not state.is_manager, timeout=3000)
    assert state.current_staff is not None and state.current_staff.display_name == "王经理"
