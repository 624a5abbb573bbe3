"""The booth worker of the soak test: drives the real main window with the mouse and keyboard.

``capture(visitor)`` captures one lead on the Leads page's Capture tab: the visitor arrives by
a scanner burst (a vCard typed key by key), by a badge code typed into the badge field, or is
typed in by hand; one or two models are picked in the model picker, sometimes a rating and a
note, the consent box is clicked and Ctrl+S pressed; it returns once the form said "saved".

``random_action()`` does one of the other things people do between visitors: switch screens in
the navigation, search the catalog, open the lead list (and scroll it or search it), scan a badge
and throw the form away (then restore and discard the draft), type half a lead and let the
draft autosave, toggle the UI language in Settings.

Text arrives as an input method's commit (as Chinese does from an IME): key presses typed faster
than a person would be taken for a scanner's burst by the form, which is right for a scanner and
wrong for this test. Only the scanner burst itself is sent key by key.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from catalog_app.domain.enums import Rating
from catalog_app.ui.leads.leads_page import LeadsPage
from catalog_app.ui.main_window import MainWindow, Page
from tests.reliability.soak_booth import SEARCHES, Booth, Visitor

WAIT_MS = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def commit_text(widget: QWidget, text: str) -> None:
    """What an input method delivers when a word is chosen: one commit of ``text``."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_like_a_scanner(payload: str) -> None:
    """A USB scanner: one key press per character to the focused widget, Enter per line."""
    for char in payload + "\n":
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        if char == "\n":
            key, text = Qt.Key.Key_Return, "\r"
        elif char.isascii() and char.isalnum():
            key, text = Qt.Key(ord(char.upper())), char
        else:
            key, text = Qt.Key.Key_unknown, char
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, NO_MODIFIER, text))


class BoothWorker:
    """Uses one ``MainWindow`` like a person at the booth (see the module docstring)."""

    def __init__(self, window: MainWindow, qtbot: QtBot, booth: Booth, rng: random.Random) -> None:
        self.window = window
        self.qtbot = qtbot
        self.booth = booth
        self.rng = rng
        self.form = window.capture_form
        self.done: Counter[str] = Counter()  # what was done, by name (for the report)
        self.actions: dict[str, Callable[[], None]] = {
            "switch screen": self.switch_screen,
            "search catalog": self.search_catalog,
            "open lead list": self.open_lead_list,
            "scan and clear": self.scan_and_clear,
            "save draft": self.save_draft,
            "toggle language": self.toggle_language,
        }

    # -- navigation ----------------------------------------------------------------------
    def go_to(self, page: Page) -> None:
        """Click the page's entry in the navigation on the left."""
        navigation = self.window.navigation
        rect = navigation.visualItemRect(navigation.item(int(page)))
        self.qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert self.window.current_page() is page

    def open_tab(self, index: int) -> None:
        """Click a tab of the Leads page (Capture or All leads)."""
        bar = self.window.leads_page.tabs.tabBar()
        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert self.window.leads_page.tabs.currentIndex() == index

    def open_capture(self) -> None:
        if self.window.current_page() is not Page.LEADS:
            self.go_to(Page.LEADS)
        if self.window.leads_page.tabs.currentIndex() != LeadsPage.CAPTURE_TAB:
            self.open_tab(LeadsPage.CAPTURE_TAB)
        self.ensure_active()

    def ensure_active(self) -> None:
        """The window has the keyboard, as after a person's click on it. Offscreen Qt drops the
        active window when a popup closes or the dashboard's charts first appear (a window
        system gives it back), and key presses would then go nowhere."""
        QApplication.processEvents()  # (de)activations arrive as events
        if QApplication.activeWindow() is not self.window:
            self.window.activateWindow()
            QApplication.processEvents()
        assert QApplication.activeWindow() is self.window, "the main window is not active"

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        """A key pressed on the keyboard: it goes to an open popup first, as Qt sends it."""
        target = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        self.qtbot.keyClick(target, key, modifier)

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        assert widget.isVisible() and widget.isEnabled(), widget.objectName()
        where = pos if pos is not None else widget.rect().center()
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)

    # -- one lead ------------------------------------------------------------------------
    def capture(self, visitor: Visitor) -> uuid.UUID:
        """Capture ``visitor`` from an empty form to "saved"; the new lead's id."""
        form = self.form
        assert form.isVisible() and not form._saving
        way = self.rng.random()
        if way < 0.05:
            self.scan_vcard(visitor)
        elif way < 0.15:
            self.scan_code(self.rng.choice(self.booth.badge_codes))
        else:
            editors = form.person.editors
            commit_text(editors["person_name"], visitor.name)
            commit_text(editors["company"], visitor.company)
            commit_text(editors["mobile"], visitor.mobile)
            if self.rng.random() < 0.3:
                commit_text(editors["email"], visitor.email)
        for code in self.rng.sample(self.booth.model_codes, self.rng.choice((1, 1, 2))):
            self.pick_model(code)
        if self.rng.random() < 0.6:
            self.click(form.business.rating_buttons[self.rng.choice(list(Rating))])
        if self.rng.random() < 0.2:
            commit_text(form.business.notes, f"想看换电站，车队 {visitor.number % 90 + 10} 台")
        self.agree()
        with self.qtbot.waitSignal(form.saved, timeout=WAIT_MS, raising=False) as saved:
            self.press(Qt.Key.Key_S, CTRL)
        assert saved.signal_triggered, f"not saved: {form.status.text()}"
        (lead_id,) = saved.args
        assert isinstance(lead_id, uuid.UUID)
        return lead_id

    def scan_vcard(self, visitor: Visitor) -> None:
        editors = self.form.person.editors
        editors["person_name"].setFocus()
        type_like_a_scanner(visitor.vcard())
        self.qtbot.waitUntil(lambda: editors["person_name"].text() == visitor.name, timeout=WAIT_MS)

    def scan_code(self, code: str) -> None:
        """A badge code typed into the badge field and Enter (the look-up fills the form)."""
        field = self.form.scan_field
        commit_text(field, code)
        self.qtbot.keyClick(field, Qt.Key.Key_Return)
        assert self.form.person.editors["person_name"].text(), "the badge code was not found"

    def pick_model(self, code: str) -> None:
        interests = self.form.business.interests
        before = len(interests.interests())
        commit_text(interests.picker.lineEdit(), code)
        self.press(Qt.Key.Key_Return)  # to the completer's list, when it popped up
        assert QApplication.activePopupWidget() is None, "the completer stayed open"
        self.ensure_active()
        picked = interests.interests()
        assert len(picked) in (before, before + 1) and picked, f"model {code} was not picked"

    def agree(self) -> None:
        check = self.form.consent.check
        self.click(check, QPoint(8, check.height() // 2))  # on the box itself
        assert check.isChecked()

    # -- between visitors ----------------------------------------------------------------
    def random_action(self) -> str:
        name = self.rng.choice(list(self.actions))
        self.actions[name]()
        self.done[name] += 1
        return name

    def switch_screen(self) -> None:
        self.go_to(self.rng.choice(list(Page)))
        self.qtbot.wait(1)  # let the page's own start-up (queries on show) run

    def search_catalog(self, term: str | None = None, open_first: bool | None = None) -> None:
        """Search the catalog (for ``term``, else a random one); Enter opens the first model."""
        self.go_to(Page.CATALOG)
        browser = self.window.catalog_page.browser
        if browser.search.text():
            with self.qtbot.waitSignal(browser.model.modelReset, timeout=WAIT_MS):
                browser.search.clear()
        term = term if term is not None else self.rng.choice(SEARCHES)
        self.ensure_active()
        with self.qtbot.waitSignal(browser.model.modelReset, timeout=WAIT_MS):
            commit_text(browser.search, term)
        assert browser.result is not None and browser.query().text == term
        if open_first if open_first is not None else self.rng.random() < 0.5:
            self.press(Qt.Key.Key_Return)
            assert browser.result.total == 0 or browser.selected_model_id() is not None

    def open_lead_list(self, browse: bool = True) -> None:
        """The All leads tab, newest first; with ``browse`` sometimes scrolled or searched."""
        self.go_to(Page.LEADS)
        self.open_tab(LeadsPage.LIST_TAB)
        panel = self.window.leads_page.list_panel
        self.qtbot.waitUntil(lambda: not panel.model.is_loading, timeout=WAIT_MS)
        if browse and self.rng.random() < 0.3:
            panel.view.scrollToBottom()  # fetches the next page
            self.qtbot.waitUntil(lambda: not panel.model.is_loading, timeout=WAIT_MS)
        if browse and self.rng.random() < 0.3:
            self.ensure_active()
            search = panel.filters.search
            with self.qtbot.waitSignal(panel.filters.changed, timeout=WAIT_MS):
                commit_text(search, self.rng.choice(("王", "wang", "139", "example.cn")))
            self.qtbot.waitUntil(lambda: not panel.model.is_loading, timeout=WAIT_MS)
            with self.qtbot.waitSignal(panel.filters.changed, timeout=WAIT_MS):
                search.clear()
            self.qtbot.waitUntil(lambda: not panel.model.is_loading, timeout=WAIT_MS)

    def scan_and_clear(self) -> None:
        """The wrong visitor scanned: empty the form, restore it from the banner, throw it away."""
        self.open_capture()
        form = self.form
        self.scan_vcard(self._stranger())
        self.click(form.clear_button)
        banner = form.draft_banner
        assert banner.isVisible() and form.person.is_empty()
        self.click(banner.restore_button)
        assert form.person.editors["person_name"].text()
        self.click(form.clear_button)
        self.click(banner.discard_button)
        assert form.person.is_empty() and not banner.isVisible()

    def save_draft(self) -> None:
        """Half a lead typed, then a pause: the draft is autosaved; then the form is emptied."""
        self.open_capture()
        form = self.form
        stranger = self._stranger()
        with self.qtbot.waitSignal(
            form.drafts.written, timeout=WAIT_MS, check_params_cb=lambda where: where != "discarded"
        ) as written:
            commit_text(form.person.editors["person_name"], stranger.name)
            commit_text(form.person.editors["mobile"], stranger.mobile)
        assert written.args == ["database"], f"the draft went to: {written.args}"
        self.click(form.clear_button)
        self.click(form.draft_banner.discard_button)
        assert form.person.is_empty()

    def toggle_language(self) -> None:
        self.go_to(Page.SETTINGS)
        combo = self.window.settings_page.language_combo
        other = "en" if self.window.state.language.startswith("zh") else "zh_CN"
        combo.setCurrentIndex(combo.findData(other))
        assert self.window.state.language == other

    def home(self) -> None:
        """The same screens in the same state, to compare memory: Chinese, the catalog searched
        for "kWh" with its first model open, the lead list's first page, the capture tab."""
        if not self.window.state.language.startswith("zh"):
            self.toggle_language()
        self.search_catalog("kWh", open_first=True)
        self.open_lead_list(browse=False)
        self.open_capture()

    def _stranger(self) -> Visitor:
        """Someone who is not saved (numbers far above the captured visitors')."""
        number = 90_000_000 + self.rng.randrange(9_000_000)
        return Visitor(number, "路人甲", "示例公司", f"139{number:08d}", f"x{number}@example.cn")
