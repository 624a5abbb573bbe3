"""The main window: navigation on the left, one page at a time on the right, a sample-data
banner when the fair is sample data, and the status bar.

The window does not own a fixed database: ``AppState`` holds it, and restoring a backup swaps it
(close, restore, reopen) while the window stays open.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.text import UserFacingError
from catalog_app.services.catalog import FairInfo
from catalog_app.ui.accounts import StaffSwitcher
from catalog_app.ui.app_state import AppState
from catalog_app.ui.backup_scheduler import BACKUP_INTERVAL_MS, BackupScheduler
from catalog_app.ui.catalog.catalog_page import CatalogPage
from catalog_app.ui.dashboard import DashboardPage
from catalog_app.ui.dialogs import inform
from catalog_app.ui.intents.intents_page import IntentsPage
from catalog_app.ui.leads.leads_page import LeadsPage
from catalog_app.ui.look import icon
from catalog_app.ui.restore import describe, restore_open_database
from catalog_app.ui.settings_page import SettingsPage
from catalog_app.ui.sync.sync_page import SyncPage
from catalog_app.ui.tco import open_tco_dialog

log = logging.getLogger(__name__)

NAV_WIDTH = 176
STATUS_TIMEOUT_MS = 15_000


class Page(IntEnum):
    CATALOG = 0
    LEADS = 1
    INTENTS = 2
    DASHBOARD = 3
    SYNC = 4
    SETTINGS = 5


ICONS = {
    Page.CATALOG: "catalog",
    Page.LEADS: "leads",
    Page.INTENTS: "intents",
    Page.DASHBOARD: "dashboard",
    Page.SYNC: "sync",
    Page.SETTINGS: "settings",
}


class MainWindow(QMainWindow):
    """The booth's window over one ``AppState``."""

    def __init__(
        self,
        state: AppState,
        backup_interval_ms: int = BACKUP_INTERVAL_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.fair: FairInfo | None = None
        self.backups = BackupScheduler(state, backup_interval_ms, self)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(NAV_WIDTH)
        self.navigation.setIconSize(QSize(26, 26))
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        nav_font = self.navigation.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.25)
        self.navigation.setFont(nav_font)
        for page in Page:
            item = QListWidgetItem(icon(ICONS[page]), "")
            item.setSizeHint(QSize(NAV_WIDTH - 16, 52))
            self.navigation.addItem(item)

        self.catalog_page = CatalogPage(state)
        self.catalog_page.message.connect(self.show_status)
        self.catalog_page.model_page.tco_requested.connect(
            lambda model_id: open_tco_dialog(self, state, model_id)
        )
        self.settings_page = SettingsPage(state, self.backups)
        self.settings_page.backups.restore_requested.connect(self.restore_newest_backup)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.catalog_page)
        self.leads_page = LeadsPage(state)
        self.leads_page.message.connect(self.show_status)
        self.capture_form = self.leads_page.capture_form  # the Leads page's Capture tab
        self.pages.addWidget(self.leads_page)
        self.catalog_page.model_page.capture_requested.connect(self.capture_for_model)
        self.intents_page = IntentsPage(state)
        self.intents_page.message.connect(self.show_status)
        self.pages.addWidget(self.intents_page)
        self.dashboard_page = DashboardPage(state)
        self.dashboard_page.message.connect(self.show_status)
        self.pages.addWidget(self.dashboard_page)
        self.sync_page = SyncPage(state)
        self.sync_page.message.connect(self.show_status)
        self.sync_page.data_changed.connect(self.reload_fair)
        self.pages.addWidget(self.sync_page)
        self.pages.addWidget(self.settings_page)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)

        self.banner = QLabel()
        self.banner.setObjectName("sampleBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)

        right = QWidget()
        right.setObjectName("centralArea")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.pages, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)
        self.resize(1366, 768)
        self.setMinimumSize(1000, 620)

        self.staff_switcher = StaffSwitcher(state)
        self.statusBar().addPermanentWidget(self.staff_switcher)
        self.backups.finished.connect(self._backup_finished)
        self.backups.failed.connect(self._backup_failed)
        state.database_changed.connect(lambda _db: self.reload_fair())
        self.reload_fair()
        self.show_page(Page.CATALOG)
        self.retranslate()
        self.backups.start()

    # -- pages ---------------------------------------------------------------------------
    def show_page(self, page: Page) -> None:
        self.navigation.setCurrentRow(int(page))

    def capture_for_model(self, model_id: uuid.UUID) -> None:
        """The model page's "capture interest": the capture form, with that model picked."""
        self.show_page(Page.LEADS)
        self.leads_page.show_capture()
        self.capture_form.start_with_model(model_id)

    def current_page(self) -> Page:
        return Page(self.pages.currentIndex())

    def nav_labels(self) -> list[str]:
        return [self.navigation.item(row).text() for row in range(self.navigation.count())]

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        labels = {
            Page.CATALOG: self.tr("Catalog"),
            Page.LEADS: self.tr("Leads"),
            Page.INTENTS: self.tr("Intents"),
            Page.DASHBOARD: self.tr("Dashboard"),
            Page.SYNC: SyncPage.nav_label(),
            Page.SETTINGS: self.tr("Settings"),
        }
        for page, text in labels.items():
            item = self.navigation.item(int(page))
            item.setText(text)
            item.setToolTip(text)
        self._update_title_and_banner()

    def reload_fair(self) -> None:
        try:
            self.fair = self.state.catalog.current_fair()
        except Exception as exc:  # noqa: BLE001 - the window must still open
            log.exception("reading the fair failed")
            self.fair = None
            self.show_status(str(exc))
        self._update_title_and_banner()

    def _update_title_and_banner(self) -> None:
        lang = self.state.language
        app_name = self.tr("NEV Truck Fair Catalog")
        fair_name = self.fair.name(lang) if self.fair else ""
        self.setWindowTitle(f"{fair_name} — {app_name}" if fair_name else app_name)
        sample = self.fair is not None and self.fair.is_sample
        if sample and self.fair is not None:
            self.banner.setText(
                self.tr("SAMPLE DATA — %1").replace(
                    "%1", self.fair.notice(lang) or self.tr("not a real fair")
                )
            )
        self.banner.setVisible(sample)

    # -- status and backups --------------------------------------------------------------
    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def _backup_finished(self, path: Path) -> None:
        self.show_status(
            self.tr("Backed up at %1: %2")
            .replace("%1", datetime.now().strftime("%H:%M"))
            .replace("%2", path.name)
        )

    def _backup_failed(self, reason: str) -> None:
        self.statusBar().showMessage(self.tr("Backup failed: %1").replace("%1", reason))

    def restore_newest_backup(self) -> None:
        """Close the database, put its newest good backup in place, reopen (Settings asks first)."""
        self.backups.stop()
        self.state.tasks.cancel_all()
        self.state.tasks.wait(30_000)
        title = self.tr("Restore newest good backup")
        try:
            result = restore_open_database(self.state.database)
        except UserFacingError as exc:
            inform(
                self, QMessageBox.Icon.Warning, title, exc.text(self.state.language), self.tr("OK")
            )
            self.backups.start()
            return
        if result.database is None:
            reason = (
                result.error.text(self.state.language)
                if isinstance(result.error, UserFacingError)
                else str(result.error)
            )
            inform(
                self,
                QMessageBox.Icon.Critical,
                title,
                self.tr("The database could not be reopened: %1\nThe app will close.").replace(
                    "%1", reason
                ),
                self.tr("OK"),
            )
            self.close()
            return
        self.state.replace_database(result.database)
        self.backups.start()
        if result.outcome is not None:
            message = describe(result.outcome)
            self.show_status(message)
            inform(self, QMessageBox.Icon.Information, title, message, self.tr("OK"))
        elif result.error is not None:
            inform(self, QMessageBox.Icon.Warning, title, str(result.error), self.tr("OK"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.backups.stop()
        self.state.tasks.cancel_all()
        if not self.state.tasks.wait(10_000):
            log.warning("background tasks still running at close")
        super().closeEvent(event)
