"""Periodic backups of the open SQLite file, made off the GUI thread.

Every ``interval_ms`` (10 minutes by default) — and on demand from the Settings page — a backup
is taken through the task runner. A failure is logged and reported through ``failed`` (shown in
the status bar); it never stops the booth. PostgreSQL databases are backed up by their server.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from catalog_app.domain.text import UserFacingError
from catalog_app.store import backups
from catalog_app.ui.app_state import AppState

log = logging.getLogger(__name__)

BACKUP_INTERVAL_MS = 10 * 60 * 1000
TASK_NAME = "backup"


class BackupScheduler(QObject):
    """Takes backups of ``state.database`` on a timer and on request.

    Signals:
        started(): a backup began.
        finished(object): the ``Path`` of the new backup file.
        failed(str): a backup failed; the reason, for people.
    """

    started = Signal()
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, state: AppState, interval_ms: int = BACKUP_INTERVAL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._state = state
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.back_up_now)

    def start(self) -> None:
        if self._state.database.is_sqlite:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def busy(self) -> bool:
        return bool(self._state.tasks.running(TASK_NAME))

    def back_up_now(self) -> bool:
        """Start a backup unless one is running or the database is not a file; True if started."""
        database = self._state.database
        if database.path is None or self.busy:
            return False
        db_path = database.path
        keep = database.backup_keep
        self.started.emit()
        self._state.tasks.start(
            TASK_NAME,
            lambda _context: backups.make_backup(db_path, keep=keep),
            on_finished=self._finished,
            on_failed=self._failed,
        )
        return True

    def _finished(self, path: object) -> None:
        log.info("backup written to %s", path)
        self.finished.emit(Path(str(path)))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            reason = error.text(self._state.language)
        else:
            reason = str(error) or type(error).__name__
        log.error("backup failed: %s", reason)
        self.failed.emit(reason)
