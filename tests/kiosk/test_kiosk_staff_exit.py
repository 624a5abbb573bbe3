"""Nobody but staff leaves kiosk mode: keys and close requests are caught, the PIN decides,
five wrong PINs lock the account; without a staff PIN kiosk mode does not start at all."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from catalog_app.domain.enums import StaffRole
from catalog_app.domain.text import UserFacingError
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.services.kiosk_settings import (
    KioskSettings,
    check_kiosk_can_start,
    load_kiosk_settings,
    save_kiosk_settings,
)
from catalog_app.store.database import Database
from catalog_app.ui.app_state import AppState
from catalog_app.ui.kiosk.kiosk_window import KioskWindow

WAIT_MS = 8000
KioskFactory = Callable[..., KioskWindow]


def _tap(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _enter_pin(qtbot: QtBot, kiosk: KioskWindow, pin: str) -> str:
    """Type ``pin`` on the exit keypad, tap "Leave", wait for the answer; the message shown."""
    screen = kiosk.exit_screen
    for digit in pin:
        _tap(qtbot, screen.keypad.buttons[digit])
    _tap(qtbot, screen.unlock)
    qtbot.waitUntil(lambda: not screen.checking, timeout=WAIT_MS)
    return screen.message.text() if screen.message.isVisible() else ""


def test_escape_alt_f4_ctrl_w_and_ctrl_q_leave_the_kiosk_open(
    qtbot: QtBot, make_kiosk: KioskFactory
) -> None:
    behind = QMainWindow()  # a window with the usual shortcuts, like the booth's main window
    quit_action = QAction("Quit", behind)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    close_action = QAction("Close", behind)
    close_action.setShortcut(QKeySequence("Ctrl+W"))
    triggered: list[str] = []
    quit_action.triggered.connect(lambda: triggered.append("quit"))
    close_action.triggered.connect(lambda: triggered.append("close"))
    behind.addAction(quit_action)
    behind.addAction(close_action)
    field = QLineEdit()
    behind.setCentralWidget(field)
    qtbot.addWidget(behind)
    behind.show()
    behind.activateWindow()
    qtbot.waitUntil(behind.isActiveWindow, timeout=WAIT_MS)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert triggered == ["quit"]  # the shortcut works before kiosk mode starts
    triggered.clear()
    kiosk = make_kiosk()
    kiosk.activateWindow()
    target = kiosk.browse
    qtbot.keyClick(target, Qt.Key.Key_Escape)
    qtbot.keyClick(target, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(target, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(target, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(field, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not kiosk.close()  # what Alt+F4 from the window manager does
    assert triggered == []
    assert kiosk.isVisible() and kiosk.current_screen() is kiosk.browse
    assert kiosk.guard.blocked >= 5


def test_plain_typing_still_reaches_the_optional_name(
    qtbot: QtBot, make_kiosk: KioskFactory
) -> None:
    kiosk = make_kiosk()
    _tap(qtbot, kiosk.interest_button)
    qtbot.keyClicks(kiosk.interest.name, "Li Wei")
    assert kiosk.interest.name.text() == "Li Wei"


def test_the_right_pin_leaves_kiosk_mode(
    qtbot: QtBot, make_kiosk: KioskFactory, manager: StaffMember
) -> None:
    kiosk = make_kiosk()
    _tap(qtbot, kiosk.staff_button)
    assert kiosk.current_screen() is kiosk.exit_screen
    assert kiosk.exit_screen.chosen_staff() == manager.id  # the only one: already chosen
    with qtbot.waitSignal(kiosk.left, timeout=WAIT_MS) as left:
        for digit in "2468":
            _tap(qtbot, kiosk.exit_screen.keypad.buttons[digit])
        _tap(qtbot, kiosk.exit_screen.unlock)
    assert isinstance(left.args[0], StaffMember) and left.args[0].id == manager.id
    assert not kiosk.isVisible() and kiosk.is_leaving


def test_five_wrong_pins_lock_the_account_and_say_so(
    qtbot: QtBot, make_kiosk: KioskFactory, manager: StaffMember
) -> None:
    kiosk = make_kiosk()
    _tap(qtbot, kiosk.staff_button)
    messages = [_enter_pin(qtbot, kiosk, "1111") for _ in range(5)]
    assert messages[0] == "PIN 不正确（还可再试 4 次）。"
    assert messages[3] == "PIN 不正确（还可再试 1 次）。"
    assert "已锁定" in messages[4]
    assert "已锁定" in _enter_pin(qtbot, kiosk, "2468")  # even the right PIN, for a while
    assert kiosk.isVisible() and not kiosk.is_leaving
    assert kiosk.exit_screen.pin.text() == ""


def test_back_from_the_staff_screen_returns_to_the_catalog(
    qtbot: QtBot, make_kiosk: KioskFactory
) -> None:
    kiosk = make_kiosk()
    _tap(qtbot, kiosk.staff_button)
    _tap(qtbot, kiosk.exit_screen.keypad.buttons["1"])
    _tap(qtbot, kiosk.exit_screen.cancel)
    assert kiosk.current_screen() is kiosk.browse
    assert kiosk.exit_screen.pin.text() == ""


def test_kiosk_mode_refuses_to_start_without_a_staff_pin(kiosk_db: Database) -> None:
    with pytest.raises(UserFacingError) as refused:
        check_kiosk_can_start(kiosk_db)
    assert "PIN" in refused.value.text("en") and "员工" in refused.value.text("zh_CN")


def test_cli_kiosk_without_staff_exits_with_the_message(
    kiosk_db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from catalog_app.cli import main

    shown: list[str] = []
    monkeypatch.setattr(
        "catalog_app.ui.kiosk.launch.inform", lambda _p, _i, _t, text, _ok: shown.append(text)
    )
    path = str(kiosk_db.path)
    kiosk_db.close()
    assert main(["--kiosk", "--db", path, "--lang", "en"]) == 1
    assert "no staff account has a PIN" in capsys.readouterr().err
    assert shown and "Settings" in shown[0]


def test_only_a_manager_starts_the_kiosk_from_settings_and_gets_the_window_back(
    qtbot: QtBot, kiosk_state: AppState, manager: StaffMember
) -> None:
    from catalog_app.ui.kiosk.settings_box import KioskSettingsBox

    window = QWidget()
    box = KioskSettingsBox(kiosk_state, window)
    qtbot.addWidget(window)
    window.show()
    assert not box.start.isEnabled()
    staff = AccountService(kiosk_state.database).create_staff(
        "小张", StaffRole.STAFF, "1357", actor=manager
    )
    kiosk_state.sign_in(staff)
    assert not box.start.isEnabled()
    kiosk_state.sign_in(manager)
    assert box.start.isEnabled()
    box.idle.setValue(90)
    _tap(qtbot, box.save)
    assert load_kiosk_settings(kiosk_state.database).idle_seconds == 90
    _tap(qtbot, box.start)
    kiosk = box.kiosk
    assert kiosk is not None and kiosk.isVisible() and not window.isVisible()
    assert kiosk.idle.timeout == 90
    kiosk.leave(manager)
    assert window.isVisible()


def test_kiosk_times_are_checked_and_kept_for_managers_only(
    kiosk_db: Database, manager: StaffMember
) -> None:
    assert load_kiosk_settings(kiosk_db) == KioskSettings(60, 6)
    with pytest.raises(UserFacingError):
        save_kiosk_settings(kiosk_db, KioskSettings(5, 6), actor=manager)
    with pytest.raises(UserFacingError):
        save_kiosk_settings(kiosk_db, KioskSettings(120, 6), actor=None)
    save_kiosk_settings(kiosk_db, KioskSettings(120, 8), actor=manager)
    assert load_kiosk_settings(kiosk_db) == KioskSettings(120, 8)
