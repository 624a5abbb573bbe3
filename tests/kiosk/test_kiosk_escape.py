"""Ways a visitor might try to get out of kiosk mode, or to what staff see, and why each fails.

Keys: function keys (F11 toggles full screen elsewhere), Alt+Tab, Alt+Space (the window menu),
the Windows/Meta key, Ctrl+Tab, Alt+letter mnemonics of the desk window — all swallowed; the
window stays full screen, frameless and on top. Focus: Tab and Shift+Tab walk only through what
is on screen, and after the idle wipe no hidden field keeps the keyboard (typing lands nowhere
personal). Routes: the desk window behind stays hidden with its pages (leads, exports, settings)
out of reach until staff unlock; and whoever unlocks is the one signed in afterwards — a member of
staff who is not a manager does not inherit the manager's session that started the kiosk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from catalog_app.domain.enums import StaffRole
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.services.kiosk_settings import KioskSettings
from catalog_app.ui.app_state import AppState
from catalog_app.ui.kiosk.kiosk_window import KioskWindow

WAIT_MS = 8000
KioskFactory = Callable[..., KioskWindow]
NONE = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
META = Qt.KeyboardModifier.MetaModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _tap(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def full_screen_kiosk(
    qtbot: QtBot, kiosk_state: AppState, manager: StaffMember
) -> Iterator[KioskWindow]:
    """A kiosk started the way a booth starts it: full screen."""
    kiosk = KioskWindow(kiosk_state, KioskSettings(60, 6))
    qtbot.addWidget(kiosk)
    kiosk.start()
    qtbot.waitExposed(kiosk)
    yield kiosk
    if not kiosk.is_leaving:
        kiosk.leave(None)


def test_function_keys_alt_tab_and_the_windows_key_are_swallowed_and_it_stays_full_screen(
    qtbot: QtBot, full_screen_kiosk: KioskWindow
) -> None:
    kiosk = full_screen_kiosk
    flags = kiosk.windowFlags()
    assert kiosk.isFullScreen()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    screen = kiosk.current_screen()
    blocked = kiosk.guard.blocked
    keys = [
        (Qt.Key.Key_F11, NONE),
        (Qt.Key.Key_F4, ALT),
        (Qt.Key.Key_Tab, ALT),
        (Qt.Key.Key_Space, ALT),
        (Qt.Key.Key_Tab, CTRL),
        (Qt.Key.Key_Meta, META),
        (Qt.Key.Key_Super_L, NONE),
        (Qt.Key.Key_F1, NONE),
        (Qt.Key.Key_F5, NONE),
        (Qt.Key.Key_F10, SHIFT),  # the context menu key on many keyboards
        (Qt.Key.Key_Menu, NONE),
        (Qt.Key.Key_L, ALT),  # "&Leads" elsewhere
        (Qt.Key.Key_Comma, CTRL),  # "settings" in many apps
        (Qt.Key.Key_Escape, NONE),
    ]
    for key, modifier in keys:
        qtbot.keyClick(kiosk.browse, key, modifier)
    assert kiosk.guard.blocked >= blocked + len(keys)
    assert kiosk.isVisible() and kiosk.isFullScreen()
    assert kiosk.current_screen() is screen


def _focus_stays_on_screen(kiosk: KioskWindow) -> None:
    focused = QApplication.focusWidget()
    if focused is None:
        return
    assert focused.isVisible(), f"{focused.objectName() or focused} has the focus but is hidden"
    assert kiosk.isAncestorOf(focused), "the focus left the kiosk window"
    screen = kiosk.current_screen()
    assert screen.isAncestorOf(focused) or kiosk.top_bar.isAncestorOf(focused)


def test_tab_walks_only_through_what_is_on_screen(qtbot: QtBot, make_kiosk: KioskFactory) -> None:
    kiosk = make_kiosk()
    model = kiosk.models[0].id
    kiosk.basket.add(model)
    visits: list[Callable[[], None]] = [
        kiosk.go_home,
        lambda: kiosk.show_model(model),
        kiosk.show_compare,
        lambda: kiosk.show_tco(model),
        lambda: kiosk.show_interest(model),
        kiosk.show_exit,
    ]
    for visit in visits:
        visit()
        kiosk.activateWindow()
        for _ in range(30):
            target = QApplication.focusWidget() or kiosk
            qtbot.keyClick(target, Qt.Key.Key_Tab)
            _focus_stays_on_screen(kiosk)
        for _ in range(10):
            target = QApplication.focusWidget() or kiosk
            qtbot.keyClick(target, Qt.Key.Key_Backtab, SHIFT)
            _focus_stays_on_screen(kiosk)


def test_after_the_idle_wipe_typing_reaches_no_hidden_field(
    qtbot: QtBot, make_kiosk: KioskFactory, clock
) -> None:  # noqa: ANN001 - FakeClock
    kiosk = make_kiosk(idle_seconds=60)
    kiosk.activateWindow()
    qtbot.waitUntil(kiosk.isActiveWindow, timeout=WAIT_MS)
    _tap(qtbot, kiosk.interest_button)
    name = kiosk.interest.name
    name.setFocus()
    qtbot.keyClicks(name, "Li")
    assert name.hasFocus() and name.text() == "Li"
    clock.advance(61)
    kiosk.idle.check()
    assert kiosk.current_screen() is kiosk.attract and name.text() == ""
    _focus_stays_on_screen(kiosk)
    for char in "Wang 13800138000":
        target = QApplication.focusWidget() or kiosk
        qtbot.keyClicks(target, char)
    reached = [
        (field.objectName(), field.text())
        for field in kiosk.findChildren(QLineEdit)
        if "Wang" in field.text() or "1380013" in field.text().replace(" ", "")
    ]
    assert reached == [], "typing after the wipe reached a field"
    assert kiosk.interest.name.text() == "" and kiosk.interest.phone.text() == ""


def test_whoever_unlocks_is_signed_in_afterwards_not_the_manager_who_started_it(
    qtbot: QtBot, kiosk_state: AppState, manager: StaffMember
) -> None:
    from catalog_app.ui.kiosk.launch import start_kiosk_over

    staff = AccountService(kiosk_state.database).create_staff(
        "小张", StaffRole.STAFF, "1357", actor=manager
    )
    desk = QWidget()
    qtbot.addWidget(desk)
    desk.show()
    kiosk_state.sign_in(manager)
    kiosk = start_kiosk_over(desk, kiosk_state)
    assert not desk.isVisible()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [kiosk], "only the kiosk is on screen while it runs"
    _tap(qtbot, kiosk.staff_button)
    kiosk.exit_screen.staff_buttons[staff.id].click()
    for digit in "1357":
        _tap(qtbot, kiosk.exit_screen.keypad.buttons[digit])
    with qtbot.waitSignal(kiosk.left, timeout=WAIT_MS):
        _tap(qtbot, kiosk.exit_screen.unlock)
    assert desk.isVisible()
    assert kiosk_state.current_staff is not None
    assert kiosk_state.current_staff.id == staff.id
    assert not kiosk_state.is_manager  # leads, exports and settings stay manager-only
