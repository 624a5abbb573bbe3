"""The Sync page: after the fair, every booth laptop's data comes together here.

Sections: this device's package (staff), merging packages with a dry run first (managers), the
central server (managers), and the sync log. Long work runs on the task runner with progress
and Cancel; the page never writes SQL (services in ``catalog_app/services/sync``).

Signals:
    message(str): a line for the status bar.
    data_changed(): rows came in (merge or pull): pages showing data may reload.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.sync.manifest import SUFFIX
from catalog_app.services.sync.package import ExportResult
from catalog_app.services.sync.summary import MergeSummary
from catalog_app.ui.app_state import AppState
from catalog_app.ui.sync.export_box import ExportBox
from catalog_app.ui.sync.merge_dialog import MergeDialog
from catalog_app.ui.sync.server_box import ServerBox
from catalog_app.ui.sync.sync_log_box import SyncLogBox

if TYPE_CHECKING:
    from catalog_app.services.sync.server import ServerSyncResult

PAGE_STYLE = "QScrollArea#syncPage, QWidget#syncContent { background: #f6f8fa; }"


class SyncPage(QScrollArea):
    """Export, merge, push, pull, and the log."""

    message = Signal(str)
    data_changed = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.setWidgetResizable(True)
        self.setStyleSheet(PAGE_STYLE)
        self._state = state
        self.merge_dialog: MergeDialog | None = None
        self.last_package_folder: Path | None = None

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.export_box = ExportBox(state)
        self.export_box.exported.connect(self._exported)
        self.merge_box = QGroupBox()
        self.merge_box.setObjectName("mergeBox")
        self.merge_explain = QLabel()
        self.merge_explain.setWordWrap(True)
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("mergePackages")
        self.merge_button.clicked.connect(self.choose_and_merge)
        self.merge_hint = QLabel()
        self.merge_hint.setObjectName("mergeHint")
        self.merge_hint.setWordWrap(True)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.merge_button)
        merge_row.addStretch(1)
        merge_layout = QVBoxLayout(self.merge_box)
        merge_layout.addWidget(self.merge_explain)
        merge_layout.addLayout(merge_row)
        merge_layout.addWidget(self.merge_hint)
        self.server_box = ServerBox(state)
        self.server_box.synced.connect(self._synced)
        self.log_box = SyncLogBox(state)

        content = QWidget()
        content.setObjectName("syncContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.export_box)
        layout.addWidget(self.merge_box)
        layout.addWidget(self.server_box)
        layout.addWidget(self.log_box, 1)
        content.setMaximumWidth(980)
        self.setWidget(content)

        state.staff_changed.connect(self._update_merge)
        state.database_changed.connect(self._update_merge)
        self.retranslate()

    @staticmethod
    def nav_label() -> str:
        """The page's name in the window's navigation (translated in this page's catalogue)."""
        return QCoreApplication.translate("SyncPage", "Sync")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.nav_label())
        self.merge_box.setTitle(self.tr("Merge packages from booth laptops"))
        self.merge_explain.setText(
            self.tr(
                "Choose the packages handed in (up to 10 at a time). They are checked and the "
                "merge is tried first without changing anything; nothing is lost or duplicated, "
                "and merging the same package again changes nothing. People captured on several "
                "laptops are linked for review on the Leads page."
            )
        )
        self.merge_button.setText(self.tr("Merge packages…"))
        self._update_merge()

    def showEvent(self, event: QShowEvent) -> None:
        self.log_box.refresh()
        super().showEvent(event)

    def _update_merge(self, _value: object = None) -> None:
        on_file = self._state.database.path is not None
        manager = self._state.is_manager
        busy = self.merge_dialog is not None and self.merge_dialog.isVisible()
        self.merge_button.setEnabled(on_file and manager and not busy)
        if not on_file:
            hint = self.tr("Packages are merged into a database file, not into a server.")
        elif not manager:
            hint = self.tr("Managers only: sign in as a manager to merge packages.")
        else:
            hint = ""
        self.merge_hint.setText(hint)
        self.merge_hint.setVisible(bool(hint))

    # -- merging -------------------------------------------------------------------------
    def choose_and_merge(self) -> None:
        start = self.last_package_folder or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose sync packages"),
            str(start),
            self.tr("Sync packages (*%1);;All files (*)").replace("%1", SUFFIX),
        )
        if files:
            self.merge([Path(f) for f in files])

    def merge(self, paths: list[Path]) -> MergeDialog | None:
        """Open the merge dialog on ``paths`` (it starts with the dry run)."""
        if not paths or not self._state.is_manager:
            return None
        self.last_package_folder = paths[0].parent
        dialog = MergeDialog(self._state, paths, self)
        dialog.merged.connect(self._merged)
        dialog.finished.connect(lambda _code: self._update_merge())
        self.merge_dialog = dialog
        dialog.open()
        self._update_merge()
        return dialog

    def _merged(self, summary: MergeSummary) -> None:
        total = summary.total
        self.message.emit(
            self.tr("Merged %1 package(s): %2 new, %3 updated rows.")
            .replace("%1", str(len(summary.packages)))
            .replace("%2", f"{total.new:,}")
            .replace("%3", f"{total.updated:,}")
        )
        self.log_box.refresh()
        self.data_changed.emit()

    def _exported(self, result: ExportResult) -> None:
        self.message.emit(self.tr("Sync package written: %1").replace("%1", result.path.name))
        self.log_box.refresh()

    def _synced(self, result: ServerSyncResult | None) -> None:
        self.log_box.refresh()
        if result is not None:
            self.message.emit(result.text(self._state.language))
            if result.total.changed:
                self.data_changed.emit()
