"""Put the newest good backup in place of a database file, and say what was done.

Used at start (the file is damaged) and from Settings (the database is open: it is closed
first, then reopened). The replaced file is never deleted: the store moves it aside.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from catalog_app.domain.text import UserFacingError
from catalog_app.store.backups import newest_good_backup, restore_newest_good_backup
from catalog_app.store.database import Database, open_database
from catalog_app.store.errors import NoGoodBackupError


@dataclass(frozen=True)
class RestoreOutcome:
    backup: Path
    kept_as: Path | None


def restore_file(db_path: Path) -> RestoreOutcome:
    """Restore ``db_path`` from its newest good backup (the database must not be open)."""
    backup, aside = restore_newest_good_backup(db_path)
    return RestoreOutcome(backup, aside)


@dataclass(frozen=True)
class ReopenResult:
    """After restoring an open database: the reopened database (None if it could not be
    reopened), what was restored (None if nothing was), and the error that stopped it."""

    database: Database | None
    outcome: RestoreOutcome | None
    error: Exception | None


def restore_open_database(database: Database) -> ReopenResult:
    """Close ``database``, restore its file from the newest good backup, reopen it.

    If there is no good backup, nothing is closed and ``NoGoodBackupError`` is raised. If the
    restore itself fails, the (unchanged or restored) file is reopened all the same.
    """
    path = database.path
    if path is None:
        raise RuntimeError("only a SQLite file has backups to restore")
    if newest_good_backup(path) is None:
        raise NoGoodBackupError(path)
    database.close()
    outcome: RestoreOutcome | None = None
    error: Exception | None = None
    try:
        outcome = restore_file(path)
    except (OSError, UserFacingError) as exc:
        error = exc
    try:
        reopened: Database | None = open_database(str(path), backup_on_open=False)
    except (OSError, UserFacingError) as exc:
        return ReopenResult(None, outcome, error or exc)
    return ReopenResult(reopened, outcome, error)


def describe(outcome: RestoreOutcome) -> str:
    """The sentence that tells the user which backup was used and where the old file is."""
    text = QCoreApplication.translate("Restore", "Restored the backup %1.").replace(
        "%1", str(outcome.backup)
    )
    if outcome.kept_as is not None:
        text += " " + QCoreApplication.translate(
            "Restore", "The previous file was kept as %1."
        ).replace("%1", str(outcome.kept_as))
    return text
