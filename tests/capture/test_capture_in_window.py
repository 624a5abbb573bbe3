"""In the main window: a buyer looks at a truck in the catalog, the booth worker presses
"Capture interest" and lands on the capture form with that truck already picked; the status bar
says who is signed in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from capture_data import VCARD, Booth, type_like_a_scanner
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from catalog_app.store.database import Database
from catalog_app.ui.app_state import AppState
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.main_window import MainWindow, Page


@pytest.fixture
def window(
    gui_app: QApplication, qtbot: QtBot, booth_db: Database, booth: Booth
) -> Iterator[MainWindow]:
    languages = LanguageManager(gui_app, "en")
    state = AppState(booth_db, languages)
    state.sign_in(booth.staff)
    made = MainWindow(state, backup_interval_ms=3_600_000)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.close()
    state.tasks.wait(10_000)


def test_capture_interest_on_a_model_page_opens_the_form_with_that_model(
    window: MainWindow, booth: Booth, qtbot: QtBot
) -> None:
    page = window.catalog_page
    model_id = booth.models["QL-D31"]
    qtbot.waitUntil(lambda: page.select_model(model_id), timeout=5000)
    button = page.model_page.capture_button
    qtbot.waitUntil(lambda: button is not None and button.isVisible(), timeout=5000)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_page() is Page.LEADS
    form = window.capture_form
    assert form.isVisible()
    qtbot.waitUntil(lambda: form.business.interests.interests() == [(model_id, 1)], timeout=3000)
    assert form.person.editors["person_name"].hasFocus()


def test_the_status_bar_shows_who_is_signed_in(window: MainWindow, booth: Booth) -> None:
    switcher = window.staff_switcher
    assert switcher.person.text() == "Signed in: 小李 (staff)"
    assert not switcher.manage_button.isVisible()
    window.state.sign_in(booth.manager)
    assert switcher.manage_button.isVisible()
    assert window.capture_form.staff_label.text() == "Captured by: 王经理"


def test_after_choosing_leads_in_the_navigation_a_scan_lands_in_the_form(
    window: MainWindow, qtbot: QtBot
) -> None:
    navigation = window.navigation
    navigation.setFocus()
    rect = navigation.visualItemRect(navigation.item(int(Page.LEADS)))
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = window.capture_form
    qtbot.waitUntil(lambda: form.isAncestorOf(QApplication.focusWidget()), timeout=3000)
    type_like_a_scanner(VCARD)
    qtbot.waitUntil(lambda: form.person.editors["person_name"].text() == "张三", timeout=3000)
    assert window.current_page() is Page.LEADS
