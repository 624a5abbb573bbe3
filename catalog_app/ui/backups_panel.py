"""Settings: the list of backups, "Back up now", "Check integrity" and "Restore newest good backup".

Backups and the integrity check run off the GUI thread (task runner). A restore needs the
database closed and reopened, which only the main window can do: this panel confirms with the
user, then emits ``restore_requested``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.store.backups import list_backups
from catalog_app.store.integrity import check_file
from catalog_app.ui.app_state import AppState
from catalog_app.ui.backup_scheduler import BackupScheduler
from catalog_app.ui.dialogs import ask

INTEGRITY_TASK = "integrity-check"


class BackupsPanel(QGroupBox):
    """Backups of the open SQLite file.

    Signals:
        restore_requested(): the user confirmed restoring the newest good backup.
    """

    restore_requested = Signal()

    def __init__(
        self, state: AppState, scheduler: BackupScheduler, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupsPanel")
        self._state = state
        self._scheduler = scheduler

        self.table = QTableWidget(0, 2)
        self.table.setObjectName("backupsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(160)

        self.back_up_button = QPushButton()
        self.back_up_button.setObjectName("backUpNow")
        self.back_up_button.clicked.connect(self._back_up)
        self.check_button = QPushButton()
        self.check_button.setObjectName("checkIntegrity")
        self.check_button.clicked.connect(self._check_integrity)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self._confirm_restore)
        buttons = QHBoxLayout()
        for button in (self.back_up_button, self.check_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.hint = QLabel()
        self.hint.setObjectName("backupsHint")
        self.hint.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("backupsResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.result)

        scheduler.started.connect(lambda: self._set_busy(True))
        scheduler.finished.connect(self._backup_finished)
        scheduler.failed.connect(self._backup_failed)
        state.database_changed.connect(lambda _db: self.refresh())
        self.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels([self.tr("Taken at"), self.tr("Size")])
        self.back_up_button.setText(self.tr("Back up now"))
        self.check_button.setText(self.tr("Check integrity"))
        self.restore_button.setText(self.tr("Restore newest good backup..."))
        self.refresh()

    def refresh(self) -> None:
        """Reload the list of backups and enable what applies to this database."""
        path = self._state.database.path
        found = list_backups(path) if path is not None else []
        locale = QLocale()
        self.table.setRowCount(len(found))
        for row, info in enumerate(found):
            taken = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            when = QTableWidgetItem(taken)
            when.setToolTip(str(info.path))
            size = QTableWidgetItem(locale.formattedDataSize(info.size_bytes))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, when)
            self.table.setItem(row, 1, size)
        is_file = path is not None
        self.back_up_button.setEnabled(is_file and not self._scheduler.busy)
        self.check_button.setEnabled(is_file and not self._state.tasks.running(INTEGRITY_TASK))
        self.restore_button.setEnabled(is_file and bool(found))
        if not is_file:
            self.hint.setText(
                self.tr("This is a server database: its administrator backs it up on the server.")
            )
        else:
            minutes = max(1, self._scheduler.timer.interval() // 60_000)
            self.hint.setText(
                self.tr(
                    "A backup is made each time the app opens this file, every %1 minutes while "
                    'it runs, and when you press "Back up now". The newest %2 are kept.'
                )
                .replace("%1", str(minutes))
                .replace("%2", str(self._state.database.backup_keep))
            )

    # -- backups -------------------------------------------------------------------------
    def _back_up(self) -> None:
        if self._scheduler.back_up_now():
            self.result.setText(self.tr("Backing up..."))

    def _set_busy(self, busy: bool) -> None:
        self.back_up_button.setEnabled(not busy)

    def _backup_finished(self, path: Path) -> None:
        self.refresh()
        self.result.setText(self.tr("Backup written: %1").replace("%1", str(path)))

    def _backup_failed(self, reason: str) -> None:
        self.refresh()
        self.result.setText(self.tr("The backup failed: %1").replace("%1", reason))

    # -- integrity -----------------------------------------------------------------------
    def _check_integrity(self) -> None:
        path = self._state.database.path
        if path is None:
            return
        self.check_button.setEnabled(False)
        self.result.setText(self.tr("Checking the whole database file..."))
        self._state.tasks.start(
            INTEGRITY_TASK,
            lambda _context: check_file(path, thorough=True),
            on_finished=self._integrity_checked,
            on_failed=lambda error: self._integrity_checked([str(error)]),
        )

    def _integrity_checked(self, problems: object) -> None:
        self.check_button.setEnabled(True)
        found = [str(p) for p in problems] if isinstance(problems, list) else []
        if not found:
            self.result.setText(self.tr("Integrity check passed: no problems found."))
        else:
            self.result.setText(
                self.tr("Integrity check found problems: %1").replace("%1", "; ".join(found[:5]))
            )

    # -- restore -------------------------------------------------------------------------
    def _confirm_restore(self) -> None:
        confirmed = ask(
            self,
            QMessageBox.Icon.Warning,
            self.tr("Restore newest good backup"),
            self.tr(
                "Replace the open database with its newest good backup? Changes made after "
                "that backup will not be in the restored file. The current file is kept "
                "beside it under a new name."
            ),
            self.tr("Restore"),
            self.tr("Cancel"),
        )
        if confirmed:
            self.restore_requested.emit()
