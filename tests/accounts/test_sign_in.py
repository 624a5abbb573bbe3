"""Who is at the booth: the first start creates the manager; people sign in and switch with
their PIN; wrong PINs count down to a lock-out that a manager's new PIN ends."""

from __future__ import annotations

from accounts_data import MANAGER_PIN, STAFF_PIN, People, StateFactory
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from catalog_app.domain.models import AuditEntry
from catalog_app.services.accounts import MAX_ATTEMPTS, AccountService
from catalog_app.store.database import Database
from catalog_app.ui.accounts import FirstManagerDialog, SignInDialog, StaffSwitcher


def type_pin(widget: QWidget, pin: str) -> None:
    QTest.keyClicks(widget, pin, Qt.KeyboardModifier.NoModifier, 45)


def show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)


def test_the_first_start_creates_the_manager_and_signs_them_in(
    make_state: StateFactory, accounts_db: Database, qtbot: QtBot
) -> None:
    state = make_state("en")
    switcher = StaffSwitcher(state)
    show(qtbot, switcher)
    assert switcher.person.text() == "Nobody signed in"
    assert switcher.switch_button.text() == "&Set up the first manager…"
    assert not switcher.manage_button.isVisible()
    dialog = switcher.request_sign_in()
    assert isinstance(dialog, FirstManagerDialog)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.name_error.text() == "Please enter a name."
    dialog.name.setText("王经理")
    type_pin(dialog.pins.pin, "24680")
    type_pin(dialog.pins.repeat, "24681")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.pins.error.text() == "The two PINs are not the same."
    assert dialog.pins.repeat.text() == "" and dialog.pins.repeat.hasFocus()
    type_pin(dialog.pins.repeat, "24680")
    qtbot.keyClick(dialog.pins.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: state.current_staff is not None, timeout=5000)
    assert state.is_manager and state.current_staff.display_name == "王经理"  # type: ignore[union-attr]
    assert switcher.person.text() == "Signed in: 王经理 (manager)"
    assert switcher.manage_button.isVisible()
    with accounts_db.sessions() as session:
        assert session.scalars(select(AuditEntry.action)).all() == ["staff_created"]


def test_a_too_short_pin_is_refused_in_chinese(make_state: StateFactory, qtbot: QtBot) -> None:
    state = make_state("zh_CN")
    dialog = FirstManagerDialog(state)
    show(qtbot, dialog)
    assert dialog.windowTitle() == "创建第一个经理账户"
    dialog.name.setText("王经理")
    type_pin(dialog.pins.pin, "12")
    type_pin(dialog.pins.repeat, "12")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.pins.error.text() == "PIN 应为 4 到 12 位数字。"
    assert state.current_staff is None


def test_staff_sign_in_with_their_pin_and_switch_to_another_person(
    make_state: StateFactory, people: People, qtbot: QtBot
) -> None:
    state = make_state("en")
    switcher = StaffSwitcher(state)
    show(qtbot, switcher)
    dialog = switcher.request_sign_in()
    assert isinstance(dialog, SignInDialog)
    dialog.select_person("小李")
    type_pin(dialog.pin, STAFF_PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: state.current_staff == people.staff, timeout=5000)
    assert switcher.person.text() == "Signed in: 小李 (staff)"
    assert not switcher.manage_button.isVisible()
    # The manager takes over the booth.
    switch = switcher.request_sign_in()
    assert isinstance(switch, SignInDialog)
    assert switch.selected() == people.staff  # starts at the person signed in now
    switch.select_person("王经理")
    type_pin(switch.pin, MANAGER_PIN)
    qtbot.keyClick(switch.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: state.current_staff == people.manager, timeout=5000)
    assert switcher.manage_button.isVisible()
    qtbot.mouseClick(switcher.sign_out_button, Qt.MouseButton.LeftButton)
    assert state.current_staff is None


def test_wrong_pins_count_down_to_a_lock_out_that_a_new_pin_ends(
    make_state: StateFactory, people: People, accounts_db: Database, qtbot: QtBot
) -> None:
    state = make_state("en")
    dialog = SignInDialog(state)
    show(qtbot, dialog)
    dialog.select_person("小李")
    for attempt in range(1, MAX_ATTEMPTS):
        type_pin(dialog.pin, "0000")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
        left = MAX_ATTEMPTS - attempt
        qtbot.waitUntil(
            lambda left=left: f"({left} more tries" in dialog.message.text(), timeout=3000
        )
        assert dialog.pin.text() == ""  # cleared for the next try
    type_pin(dialog.pin, "0000")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "locked" in dialog.message.text(), timeout=3000)
    type_pin(dialog.pin, STAFF_PIN)  # even the right PIN is refused while locked
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=3000)
    assert "locked" in dialog.message.text()
    assert state.current_staff is None and dialog.isVisible()
    # A manager gives a new PIN: the lock ends.
    AccountService(accounts_db).set_pin(people.staff.id, "5555", actor=people.manager)
    type_pin(dialog.pin, "5555")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert dialog.member == people.staff


def test_the_approval_dialog_lists_managers_only_and_keeps_who_is_signed_in(
    make_state: StateFactory, people: People, qtbot: QtBot
) -> None:
    state = make_state("zh_CN", staff=people.staff)
    dialog = SignInDialog(state, managers_only=True, reason="合并两条线索。")
    show(qtbot, dialog)
    assert dialog.windowTitle() == "经理批准"
    assert [dialog.people.item(r).text() for r in range(dialog.people.count())] == [
        "王经理  ·  经理"
    ]
    type_pin(dialog.pin, MANAGER_PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.member is not None, timeout=3000)
    assert dialog.member == people.manager
    assert state.current_staff == people.staff
