"""The kiosk: one full-screen window with the catalog, a model, the comparison, the TCO
calculator, "I am interested", the attract loop and the staff exit — and nothing else (no way to
leads, exports or settings).

While it runs, ``KioskGuard`` filters the whole application's keys (Escape, Ctrl/Alt/Meta
combinations, function keys) and reports activity to the idle clock; a close request (Alt+F4,
``close()``) is refused unless a member of staff unlocked it with their PIN. After
``idle_seconds`` without a touch the kiosk wipes everything the visitor typed or picked (phone,
name, company, consent, ticks, TCO figures, comparison, filters, language) and plays the attract
loop; a touch brings back the start screen.

Signals:
    left(object): the kiosk closed; the ``StaffMember`` who unlocked it.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.catalog import CatalogService, ModelSummary
from catalog_app.services.kiosk_settings import KioskSettings, load_kiosk_settings
from catalog_app.ui.app_state import AppState
from catalog_app.ui.catalog.compare_basket import CompareBasket
from catalog_app.ui.catalog.compare_view import CompareView
from catalog_app.ui.catalog.model_page import ModelPage
from catalog_app.ui.kiosk.attract_screen import AttractScreen
from catalog_app.ui.kiosk.browse_screen import BrowseScreen
from catalog_app.ui.kiosk.exit_screen import ExitScreen
from catalog_app.ui.kiosk.guard import KioskGuard
from catalog_app.ui.kiosk.idle import IdleWatcher
from catalog_app.ui.kiosk.interest_screen import InterestScreen
from catalog_app.ui.kiosk.kiosk_style import KIOSK_QSS, mark_kiosk_part
from catalog_app.ui.kiosk.tco_screen import KioskTcoScreen

log = logging.getLogger(__name__)
THANKS_MS = 8000


class KioskWindow(QWidget):
    """See the module docstring."""

    left = Signal(object)

    def __init__(
        self,
        state: AppState,
        settings: KioskSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(KIOSK_QSS)
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.state = state
        self.settings = settings or load_kiosk_settings(state.database)
        self.start_language = state.language
        self.basket = CompareBasket(parent=self)
        self.models: list[ModelSummary] = []
        self.unlocked_by: object = None
        self._leaving = False
        language = self._lang

        self.fair_label = QLabel()
        self.home_button = QPushButton()
        self.home_button.setObjectName("kioskHome")
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("kioskCompareButton")
        self.interest_button = QPushButton()
        self.interest_button.setObjectName("kioskInterestButton")
        self.interest_button.setProperty("role", "primary")
        self.language_button = QPushButton()
        self.language_button.setObjectName("kioskLanguage")
        self.staff_button = QPushButton()
        self.staff_button.setObjectName("kioskStaffButton")
        self.staff_button.setProperty("role", "quiet")
        self.staff_button.setMinimumSize(96, 56)
        bar = QFrame()
        bar.setObjectName("kioskTopBar")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(16, 8, 16, 8)
        bar_layout.addWidget(self.fair_label, 1)
        for button in (
            self.home_button,
            self.compare_button,
            self.interest_button,
            self.language_button,
            self.staff_button,
        ):
            bar_layout.addWidget(button)
        self.top_bar = bar

        self.browse = BrowseScreen(self.basket, language)
        # The catalog's own model page and comparison, in touch size, without the desk's extras.
        self.model_screen = ModelPage(
            state,
            self.basket,
            touch=True,
            show_capture_action=False,
            show_brochures=False,
            show_back=True,
        )
        self.compare = CompareView(state, self.basket, touch=True, allow_pdf=False)
        self.tco = KioskTcoScreen(state)
        self.interest = InterestScreen(state)
        self.exit_screen = ExitScreen(state)
        self.attract = AttractScreen(self.settings.slide_seconds)
        for part in (
            bar,
            self.browse,
            self.tco,
            self.interest,
            self.exit_screen,
            self.attract,
        ):
            mark_kiosk_part(part)
        self.stack = QStackedWidget()
        for screen in (
            self.browse,
            self.model_screen,
            self.compare,
            self.tco,
            self.interest,
            self.exit_screen,
            self.attract,
        ):
            self.stack.addWidget(screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.stack, 1)

        self.home_button.clicked.connect(self.go_home)
        self.compare_button.clicked.connect(self.show_compare)
        self.interest_button.clicked.connect(self._interest_from_top_bar)
        self.language_button.clicked.connect(self.toggle_language)
        self.staff_button.clicked.connect(self.show_exit)
        self.browse.model_chosen.connect(self.show_model)
        self.browse.tco_requested.connect(self.show_tco)
        self.model_screen.back_requested.connect(self.go_home)
        self.model_screen.tco_requested.connect(self.show_tco)
        self.compare.back_requested.connect(self.go_home)
        self.compare.model_activated.connect(self.show_model)
        self.tco.back.connect(self.go_home)
        self.tco.interest_requested.connect(self.show_interest)
        self.interest.back.connect(self.go_home)
        self.interest.saved.connect(self._lead_saved)
        self.exit_screen.cancelled.connect(self.go_home)
        self.exit_screen.unlocked.connect(self.leave)
        self.attract.woken.connect(self.wake)
        self.basket.changed.connect(self._update_compare_button)
        self.basket.rejected_full.connect(self._compare_full)

        self.guard = KioskGuard(self._activity, self)
        self.idle = IdleWatcher(self.settings.idle_seconds, now=clock, parent=self)
        self.idle.idle.connect(self.on_idle)
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.setInterval(THANKS_MS)
        self._thanks_timer.timeout.connect(self.go_home)
        self.retranslate()

    # -- running -----------------------------------------------------------------------------
    def _lang(self) -> str:
        return self.state.language

    def start(self, full_screen: bool = True) -> None:
        """Show the kiosk and take over the keyboard until staff unlock it."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.guard)
        self.load_models()
        self.go_home()
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.idle.start()

    def load_models(self) -> None:
        catalog = CatalogService(self.state.database)
        try:
            models = catalog.list_models()
            fair = catalog.current_fair()
        except Exception as exc:  # noqa: BLE001 - the kiosk stays up and says so
            log.exception("kiosk could not read the catalog")
            self.fair_label.setText(str(exc))
            return
        self.models = models
        fair_name = fair.name(self._lang()) if fair else ""
        self.fair_label.setText(fair_name)
        self.browse.set_models(models)
        self.attract.set_models(models, f"{fair.name_zh} · {fair.name_en}" if fair else "")
        self.interest.set_models(models, [])

    def _activity(self) -> None:
        self.idle.poke()

    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def _show(self, screen: QWidget) -> None:
        if screen is not self.attract:
            self.attract.stop()
        self.top_bar.setVisible(screen is not self.attract)
        self.stack.setCurrentWidget(screen)

    def go_home(self) -> None:
        self._thanks_timer.stop()
        if self.interest.thanks.isVisible():
            self.interest.clear()
        self._show(self.browse)

    def show_model(self, model_id: uuid.UUID) -> None:
        if self.model_screen.show_model(model_id):
            self._show(self.model_screen)

    def show_compare(self) -> None:
        self._show(self.compare)

    def show_tco(self, model_id: uuid.UUID) -> None:
        if self.tco.show_model(model_id):
            self._show(self.tco)

    def show_interest(self, model_id: uuid.UUID | None) -> None:
        ticked = self.basket.ids() + ([model_id] if model_id else [])
        from_tco = self.current_screen() is self.tco and self.tco.page.model_id == model_id
        self.interest.tco_inputs = self.tco.page.inputs if from_tco else None
        self.interest.set_models(self.models, ticked)
        self.interest.show_problems({}, "")
        self.interest.thanks.hide()
        self._show(self.interest)

    def _interest_from_top_bar(self) -> None:
        screen = self.current_screen()
        if screen is self.model_screen:
            self.show_interest(self.model_screen.model_id())
        elif screen is self.tco:
            self.show_interest(self.tco.page.model_id)
        else:
            self.show_interest(None)

    def show_exit(self) -> None:
        self.exit_screen.start()
        self._show(self.exit_screen)

    def _lead_saved(self, _lead_id: object) -> None:
        self._thanks_timer.start()

    def wake(self) -> None:
        self.idle.poke()
        self.go_home()

    def on_idle(self) -> None:
        """Nobody touched the kiosk for a while: wipe everything, play the attract loop."""
        self.wipe()
        self._show(self.attract)
        self.attract.start()

    def wipe(self) -> None:
        """Forget everything the last visitor typed or picked."""
        self._thanks_timer.stop()
        self.interest.clear()
        self.tco.clear()
        self.basket.clear()
        self.model_screen.show_model(None)  # options ticked on the model page go too
        self.exit_screen.pin.clear()
        self.exit_screen.message.hide()
        if self.state.language != self.start_language:
            self.state.languages.set_language(self.start_language)
        self.browse.reset()

    def toggle_language(self) -> None:
        chinese = self._lang().startswith("zh")
        self.state.languages.set_language("en" if chinese else "zh_CN")

    # -- leaving -------------------------------------------------------------------------------
    def leave(self, member: object) -> None:
        """A member of staff unlocked the kiosk: stop guarding and close."""
        self.unlocked_by = member
        self._leaving = True
        self.idle.stop()
        self.attract.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.guard)
        self.left.emit(member)  # first: a main window waiting behind shows before this closes
        self.close()

    @property
    def is_leaving(self) -> bool:
        return self._leaving

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._leaving:
            self.state.tasks.wait(5_000)
            super().closeEvent(event)
            return
        event.ignore()  # Alt+F4, a window manager's close, close(): staff PIN only
        self.guard.blocked += 1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.home_button.setText(QCoreApplication.translate("KioskWindow", "All trucks"))
        self.interest_button.setText(QCoreApplication.translate("KioskWindow", "I am interested"))
        self.language_button.setText("English" if self._lang().startswith("zh") else "中文")
        self.staff_button.setText(QCoreApplication.translate("KioskWindow", "Staff"))
        self._update_compare_button()
        for screen in (self.browse, self.exit_screen):
            screen.retranslate()
        if self.models:
            self.interest.set_models(self.models, [])
            catalog = CatalogService(self.state.database)
            fair = catalog.current_fair()
            self.fair_label.setText(fair.name(self._lang()) if fair else "")

    def _update_compare_button(self) -> None:
        count = len(self.basket)
        self.compare_button.setText(
            QCoreApplication.translate("KioskWindow", "Compare (%1)").replace("%1", str(count))
        )

    def _compare_full(self) -> None:
        self.browse.count_label.setText(
            QCoreApplication.translate("KioskWindow", "Up to four trucks can be compared at once.")
        )
