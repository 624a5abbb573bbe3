"""Open the database at start, with a clear dialog when it cannot be opened as it is.

- damaged file: the store's message, and a choice: restore the newest good backup (then say
  which backup was used and where the damaged file was kept, and open) or quit;
- file made by a newer version: the message, and quit with exit code 2 (file untouched);
- any other problem the store explains (locked, unreadable, no server): the message, quit (1).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from catalog_app.domain.text import UserFacingError
from catalog_app.store.database import Database, open_database
from catalog_app.store.errors import DamagedDatabaseError, NewerSchemaError
from catalog_app.ui.dialogs import choose, inform
from catalog_app.ui.restore import describe, restore_file

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_NEWER_SCHEMA = 2


def open_with_dialogs(
    target: str, lang: str, parent: QWidget | None = None
) -> tuple[Database | None, int]:
    """Open ``target``; return (database, 0), or (None, exit code) if the user must quit."""
    title = QCoreApplication.translate("OpenDatabase", "Opening the database")
    ok = QCoreApplication.translate("OpenDatabase", "OK")
    for _attempt in range(2):
        try:
            # The start-up backup is taken off the GUI thread once the window shows (run_gui).
            return open_database(target, backup_on_open=False), EXIT_OK
        except DamagedDatabaseError as exc:
            log.error("damaged database: %s", exc)
            if not _offer_restore(exc, lang, parent):
                return None, EXIT_ERROR
        except NewerSchemaError as exc:
            log.error("newer schema: %s", exc)
            inform(parent, QMessageBox.Icon.Critical, title, exc.text(lang), ok)
            return None, EXIT_NEWER_SCHEMA
        except UserFacingError as exc:
            log.error("cannot open database: %s", exc)
            inform(parent, QMessageBox.Icon.Critical, title, exc.text(lang), ok)
            return None, EXIT_ERROR
    return None, EXIT_ERROR


def _offer_restore(error: DamagedDatabaseError, lang: str, parent: QWidget | None) -> bool:
    """Ask whether to restore; restore if so. True if a backup was put in place."""
    title = QCoreApplication.translate("OpenDatabase", "The database is damaged")
    ok = QCoreApplication.translate("OpenDatabase", "OK")
    if error.newest_backup is None:
        text = (
            error.text(lang)
            + "\n\n"
            + QCoreApplication.translate(
                "OpenDatabase",
                "No good backup of this file was found, so it cannot be restored here. "
                "Keep the file for a technician; the app will close.",
            )
        )
        inform(parent, QMessageBox.Icon.Critical, title, text, ok)
        return False
    text = (
        error.text(lang)
        + "\n\n"
        + QCoreApplication.translate("OpenDatabase", "Newest good backup: %1").replace(
            "%1", str(error.newest_backup)
        )
    )
    answer = choose(
        parent,
        QMessageBox.Icon.Critical,
        title,
        text,
        [
            (
                QCoreApplication.translate("OpenDatabase", "Restore newest good backup"),
                QMessageBox.ButtonRole.AcceptRole,
            ),
            (QCoreApplication.translate("OpenDatabase", "Quit"), QMessageBox.ButtonRole.RejectRole),
        ],
    )
    if answer != 0:
        return False
    try:
        outcome = restore_file(error.path)
    except (OSError, UserFacingError) as exc:
        reason = exc.text(lang) if isinstance(exc, UserFacingError) else str(exc)
        failure = QCoreApplication.translate("OpenDatabase", "The restore failed: %1")
        inform(parent, QMessageBox.Icon.Critical, title, failure.replace("%1", reason), ok)
        return False
    inform(
        parent,
        QMessageBox.Icon.Information,
        QCoreApplication.translate("OpenDatabase", "Backup restored"),
        describe(outcome),
        ok,
    )
    return True
