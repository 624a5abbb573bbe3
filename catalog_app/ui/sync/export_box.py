"""Export this device's sync package to a folder or USB stick (any signed-in staff member).

Signals:
    exported(object): the ``ExportResult`` after a package was written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.sync.package import ExportResult, export_package
from catalog_app.ui.accounts.ui_helpers import ERROR_STYLE, if_alive
from catalog_app.ui.app_state import AppState
from catalog_app.ui.sync.progress_row import ProgressRow
from catalog_app.ui.sync.sync_work import error_text, run_cancellable

EXPORT_TASK = "sync-export-package"


class ExportBox(QGroupBox):
    """ "Export sync package…": a folder is chosen, the package written with progress."""

    exported = Signal(object)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPackageBox")
        self._state = state
        self.last_folder: Path | None = None
        self.last_result: ExportResult | None = None
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportPackage")
        self.export_button.clicked.connect(self.choose_and_export)
        self.show_button = QPushButton()
        self.show_button.setObjectName("showPackage")
        self.show_button.setVisible(False)
        self.show_button.clicked.connect(self._show_folder)
        self.hint = QLabel()
        self.hint.setObjectName("exportPackageHint")
        self.hint.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("exportPackageResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setVisible(False)
        self.progress = ProgressRow("exportProgress")
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.show_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        state.staff_changed.connect(self._staff_changed)
        state.database_changed.connect(self._staff_changed)
        self.retranslate()

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.result.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("This device's data"))
        self.explain.setText(
            self.tr(
                "At the end of the day, write this laptop's leads, intents and catalog changes "
                "into one sync package file (.catpkg) on a USB stick or in a folder, and give it "
                "to the sales manager. The app keeps running while it is written."
            )
        )
        self.export_button.setText(self.tr("Export sync package…"))
        self.show_button.setText(self.tr("Show in folder"))
        self.update_enabled()

    def _staff_changed(self, _value: object) -> None:
        self.update_enabled()

    def update_enabled(self) -> None:
        on_file = self._state.database.path is not None
        signed_in = self._state.current_staff is not None
        self.export_button.setEnabled(on_file and signed_in and not self.progress.busy)
        if not on_file:
            hint = self.tr("This window is open on a server database: use push and pull.")
        elif not signed_in:
            hint = self.tr(
                "Sign in first: the package holds personal data, and who exported it is recorded."
            )
        else:
            hint = ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    # -- exporting -----------------------------------------------------------------------
    def choose_and_export(self) -> None:
        start = self.last_folder or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Where should the sync package go?"), str(start)
        )
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        if self.progress.busy or self._state.database.path is None:
            return
        database, actor = self._state.database, self._state.current_staff
        if actor is None:
            return
        self.last_folder = folder
        self.result.setStyleSheet("")
        self._say(self.tr("Writing the sync package…"))
        self.show_button.setVisible(False)
        task = self._state.tasks.start(
            EXPORT_TASK,
            lambda context: run_cancellable(context, export_package, database, folder, actor=actor),
            on_finished=if_alive(self, self._done),
            on_failed=if_alive(self, self._failed),
            on_cancelled=if_alive(self, self._cancelled),
            on_progress=if_alive(self, self.progress.report),
        )
        self.progress.follow(task)
        self.update_enabled()

    def _done(self, result: ExportResult) -> None:
        self.progress.finish()
        self.last_result = result
        self._say(
            self.tr("Sync package written: %1 (%n lead(s)).", "", result.leads).replace(
                "%1", str(result.path)
            )
        )
        self.show_button.setVisible(True)
        self.update_enabled()
        self.exported.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.progress.finish()
        self.result.setStyleSheet(ERROR_STYLE)
        self._say(error_text(error, self._state.language))
        self.update_enabled()

    def _cancelled(self) -> None:
        self.progress.finish()
        self._say(self.tr("Cancelled: no package was written."))
        self.update_enabled()

    def _show_folder(self) -> None:
        if self.last_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_result.path.parent)))
