"""The Dashboard page: what the fair produced, kept up to date, with "Export leads…" and
"Fair report…".

The figures are computed off the GUI thread (``services/dashboard.compute_figures`` on the task
runner). They are recomputed when the page is shown, after an export, on "Refresh", and — while
the page is visible — whenever a cheap fingerprint of the data (``change_token``, polled every
``POLL_MS``) shows that leads or intents changed, e.g. a save on the Leads page or a merge.
The charts (QtCharts) load the first time the page is shown, not at start-up.

Signals:
    message(str): something for the window's status bar.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.text import UserFacingError
from catalog_app.services.dashboard import DashboardFigures, change_token, compute_figures
from catalog_app.services.lead_query import LeadFilter
from catalog_app.ui.app_state import AppState
from catalog_app.ui.tasks import Task

POLL_MS = 5000


class DashboardPage(QWidget):
    message = Signal(str)
    figures_shown = Signal(object)  # the DashboardFigures now on screen (tests wait on it)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self._state = state
        self.view = None  # DashboardView, made on first show
        self.figures: DashboardFigures | None = None
        self.export_dialog = None
        self._token: tuple[object, ...] | None = None
        self._compute: Task | None = None
        self._poll: Task | None = None
        self._again = False
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.updated = QLabel()
        self.updated.setObjectName("dashboardUpdated")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("dashboardRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton()
        self.export_button.setObjectName("dashboardExport")
        self.export_button.clicked.connect(self.open_export_dialog)
        self.report_button = QPushButton()
        self.report_button.setObjectName("dashboardReport")
        self.report_button.clicked.connect(self.choose_report_file)
        header = QHBoxLayout()
        header.setContentsMargins(16, 12, 16, 0)
        title_box = QVBoxLayout()
        title_box.setSpacing(0)
        title_box.addWidget(self.title)
        title_box.addWidget(self.updated)
        header.addLayout(title_box, 1)
        for button in (self.refresh_button, self.export_button, self.report_button):
            header.addWidget(button)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.loading = QLabel()
        self.loading.setObjectName("dashboardLoading")
        self.body.addWidget(self.loading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addLayout(self.body, 1)
        self.setStyleSheet(
            "QWidget#kpiTile { background: #ffffff; border: 1px solid #dde3ea;"
            " border-radius: 6px; }"
            "QLabel#kpiValue { font-size: 16pt; font-weight: bold; color: #1f3a5f; }"
            "QLabel#kpiLabel { color: #5f6b7a; }"
            "QLabel#chartTitle { font-weight: bold; color: #1f3a5f; }"
            "QLabel#chartEmpty { color: #5f6b7a; }"
            "QLabel#dashboardUpdated { color: #5f6b7a; }"
            "QWidget[card=true] { background: #ffffff; border: 1px solid #dde3ea; }"
        )
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll_changes)
        # Bound methods, not lambdas: Qt drops the connections when this page is deleted.
        state.staff_changed.connect(self._staff_changed)
        state.database_changed.connect(self._database_changed)
        self.retranslate()
        self._update_buttons()

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Dashboard"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export leads…"))
        self.report_button.setText(self.tr("Fair report…"))
        self.loading.setText(self.tr("Adding up the figures…"))
        self._update_buttons()
        self._show_updated()

    def _staff_changed(self, _member: object) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        manager = self._state.is_manager
        self.export_button.setEnabled(manager)
        self.export_button.setToolTip(
            self.tr("Save the leads as Excel, CSV, a CRM import file or vCards.")
            if manager
            else self.tr("Only a manager can export leads (they hold personal data).")
        )

    def _show_updated(self) -> None:
        f = self.figures
        if f is None:
            self.updated.setText("")
            return
        at = (f.generated_at + f.offset).strftime("%H:%M:%S")
        self.updated.setText(
            self.tr("%n lead(s) · updated %1", "", f.total_leads).replace("%1", at)
        )

    # -- keeping the figures current -----------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.view is None:
            from catalog_app.ui.dashboard.dashboard_view import DashboardView

            self.view = DashboardView(lambda: self._state.language)
            self.body.addWidget(self.view, 1)
            if self.figures is not None:
                self.view.show_figures(self.figures)
        self.timer.start()
        self.refresh()

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.timer.stop()
        super().hideEvent(event)

    def _database_changed(self, _database: object = None) -> None:
        self._token = None
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Recompute every figure off the GUI thread (again afterwards if one is running)."""
        if self._compute is not None and not self._compute.is_done:
            self._again = True
            return
        database = self._state.database

        def work(_ctx: object) -> tuple[tuple[object, ...], DashboardFigures]:
            token = change_token(database)
            return token, compute_figures(database)

        self._compute = self._state.tasks.start(
            "dashboard-figures", work, on_finished=self._computed, on_failed=self._failed
        )
        self._compute.signals.ended.connect(self._compute_ended)

    def _computed(self, result: tuple[tuple[object, ...], DashboardFigures]) -> None:
        self._token, self.figures = result
        self.loading.setVisible(False)
        if self.view is not None:
            self.view.show_figures(self.figures)
        self._show_updated()
        self.figures_shown.emit(self.figures)

    def _failed(self, error: BaseException) -> None:
        lang = self._state.language
        text = error.text(lang) if isinstance(error, UserFacingError) else str(error)
        self.message.emit(self.tr("The figures could not be read: %1").replace("%1", text))

    def _compute_ended(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def _poll_changes(self) -> None:
        busy = (self._poll is not None and not self._poll.is_done) or (
            self._compute is not None and not self._compute.is_done
        )
        if busy or not self.isVisible():
            return
        database = self._state.database
        self._poll = self._state.tasks.start(
            "dashboard-poll", lambda _ctx: change_token(database), on_finished=self._polled
        )

    def _polled(self, token: tuple[object, ...]) -> None:
        if token != self._token:
            self.refresh()

    # -- export and report ---------------------------------------------------------------------
    def open_export_dialog(self, initial_filter: LeadFilter | None = None):  # type: ignore[no-untyped-def]
        from catalog_app.ui.dashboard.export_dialog import ExportDialog

        if self.export_dialog is not None and self.export_dialog.isVisible():
            self.export_dialog.raise_()
            return self.export_dialog
        dialog = ExportDialog(self._state, initial_filter or LeadFilter(), self)
        dialog.exported.connect(self._after_export)
        self.export_dialog = dialog
        dialog.show()
        return dialog

    def _after_export(self, result) -> None:  # type: ignore[no-untyped-def]
        self.message.emit(
            self.tr("Exported %1 lead(s) to %2")
            .replace("%1", f"{result.rows:,}")
            .replace("%2", str(result.path))
        )
        self.refresh()

    def choose_report_file(self) -> None:
        name = self.tr("fair-report") + f"-{date.today():%Y-%m-%d}.pdf"
        from catalog_app.ui.dashboard.export_dialog import default_folder

        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the fair report"), str(default_folder() / name),
            self.tr("PDF document (*.pdf)"),
        )  # fmt: skip
        if chosen:
            self.write_report(Path(chosen))

    def write_report(self, path: Path) -> Task:
        """Write the fair report to ``path`` off the GUI thread (the figures are recomputed)."""
        from catalog_app.services.exports.fair_report import write_fair_report  # reportlab

        database, lang = self._state.database, self._state.language
        self.report_button.setEnabled(False)
        self.message.emit(self.tr("Writing the fair report…"))
        task = self._state.tasks.start(
            "fair-report",
            lambda _ctx: write_fair_report(database, path, lang),
            on_finished=self._report_written,
            on_failed=self._report_failed,
        )
        task.signals.ended.connect(self._report_ended)
        return task

    def _report_ended(self) -> None:
        self.report_button.setEnabled(True)

    def _report_written(self, result) -> None:  # type: ignore[no-untyped-def]
        self.message.emit(self.tr("Fair report saved: %1").replace("%1", str(result.path)))

    def _report_failed(self, error: BaseException) -> None:
        lang = self._state.language
        text = error.text(lang) if isinstance(error, UserFacingError) else str(error)
        self.message.emit(self.tr("The fair report was not saved: %1").replace("%1", text))
