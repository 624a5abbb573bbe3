"""Starting kiosk mode: from the command line (``catalog-app --kiosk``) or from Settings.

On its own (``--kiosk``) the kiosk takes the same rotating backups as the desk window: one a
moment after start, then every ten minutes, off the GUI thread.

Both refuse to start when no staff account has a PIN (nobody could leave kiosk mode), with a
message saying what to do. From Settings only a manager may start it; the main window hides
while the kiosk runs (so it cannot be reached) and comes back when staff unlock the kiosk, with
the person who unlocked it signed in.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from catalog_app.domain.text import UserFacingError
from catalog_app.services.accounts import StaffMember, require_manager
from catalog_app.services.kiosk_settings import check_kiosk_can_start
from catalog_app.ui.app_state import AppState
from catalog_app.ui.backup_scheduler import BACKUP_INTERVAL_MS, BackupScheduler
from catalog_app.ui.catalog.thumbnails import stop_decoding
from catalog_app.ui.dialogs import inform
from catalog_app.ui.kiosk.kiosk_window import KioskWindow

log = logging.getLogger(__name__)
EXIT_REFUSED = 1


def start_kiosk_over(window: QWidget, state: AppState) -> KioskWindow:
    """Hide ``window`` and run the kiosk over it (managers only; ``UserFacingError`` else)."""
    require_manager(state.current_staff)
    check_kiosk_can_start(state.database)
    kiosk = KioskWindow(state)

    def back(member: object) -> None:
        # Whoever unlocked is at the desk now: a member of staff must not come back to the
        # manager's session that started the kiosk (leads, exports, settings).
        state.sign_in(member if isinstance(member, StaffMember) else None)
        window.show()
        window.raise_()
        kiosk.deleteLater()

    kiosk.left.connect(back)
    window.hide()
    kiosk.start()
    return kiosk


def run_kiosk(db_target: str, lang: str | None = None) -> int:
    """``catalog-app --kiosk``: the kiosk alone, full screen, until staff unlock it."""
    from catalog_app.ui.app import STARTUP_BACKUP_DELAY_MS, prepare_application
    from catalog_app.ui.open_dialogs import open_with_dialogs

    app, languages = prepare_application(lang)
    database, code = open_with_dialogs(db_target, languages.language)
    if database is None:
        return code
    state = AppState(database, languages)
    try:
        try:
            check_kiosk_can_start(database)
        except UserFacingError as exc:
            text = exc.text(languages.language)
            print(f"catalog-app: {text}", file=sys.stderr)
            inform(None, QMessageBox.Icon.Warning, "catalog-app", text, "OK")
            return EXIT_REFUSED
        kiosk = KioskWindow(state)
        # All day at the booth: the same rotating backups as the desk window takes.
        scheduler = BackupScheduler(state, BACKUP_INTERVAL_MS, kiosk)
        scheduler.failed.connect(lambda reason: log.error("kiosk backup failed: %s", reason))
        kiosk.start()
        scheduler.start()
        QTimer.singleShot(STARTUP_BACKUP_DELAY_MS, scheduler.back_up_now)
        try:
            return app.exec()
        finally:
            scheduler.stop()
    finally:
        state.tasks.wait(10_000)
        stop_decoding()
        database.close()
