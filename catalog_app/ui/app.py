"""Start the desktop app: QApplication, the bundled font, the translator, the database, the window.

``run_gui`` is what ``catalog-app gui`` calls; ``run_for_benchmark`` measures start-up.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from catalog_app.domain.text import default_language, normalise_language
from catalog_app.locations import resources_dir
from catalog_app.store.database import open_database
from catalog_app.ui.app_state import AppState
from catalog_app.ui.catalog.thumbnails import stop_decoding
from catalog_app.ui.fonts import BundledFontError, apply_bundled_font
from catalog_app.ui.gui_thread_gc import freeze_long_lived
from catalog_app.ui.gui_thread_gc import install as install_gui_thread_gc
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.look import apply_look
from catalog_app.ui.main_window import MainWindow
from catalog_app.ui.open_dialogs import EXIT_ERROR, open_with_dialogs

log = logging.getLogger(__name__)

APP_NAME = "catalog-app"
# The backup "at start" is taken a moment after the window shows, off the GUI thread.
STARTUP_BACKUP_DELAY_MS = 3000


def create_application() -> QApplication:
    """The process's QApplication (created once)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("CatalogApp")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.png")))
    install_gui_thread_gc(app)
    return app


def prepare_application(lang: str | None) -> tuple[QApplication, LanguageManager]:
    """QApplication with the bundled font, our look and the translator for ``lang``."""
    app = create_application()
    apply_bundled_font(app)
    apply_look(app)
    languages = LanguageManager(app, normalise_language(lang or default_language()), app)
    return app, languages


def _install_exception_hook(window: MainWindow) -> None:
    """An error in a slot is logged and shown in the status bar; the booth keeps running."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, tb))
        with contextlib.suppress(RuntimeError):  # the window may already be gone
            text = QCoreApplication.translate("MainWindow", "Unexpected error: %1")
            window.show_status(text.replace("%1", str(error)))

    sys.excepthook = hook


def run_gui(db_target: str, lang: str | None = None) -> int:
    """Run the desktop app on ``db_target`` (a SQLite path or a server URL); the exit code."""
    try:
        app, languages = prepare_application(lang)
    except BundledFontError as exc:
        print(f"catalog-app: {exc}", file=sys.stderr)
        QMessageBox.critical(None, APP_NAME, str(exc))
        return EXIT_ERROR
    database, code = open_with_dialogs(db_target, languages.language)
    if database is None:
        return code
    state = AppState(database, languages)
    window = MainWindow(state)
    if languages.problem:
        window.show_status(languages.problem)
    _install_exception_hook(window)
    window.show()
    QTimer.singleShot(0, freeze_long_lived)
    QTimer.singleShot(STARTUP_BACKUP_DELAY_MS, window.backups.back_up_now)
    try:
        return app.exec()
    finally:
        state.tasks.wait(10_000)
        stop_decoding()
        state.database.close()


def run_for_benchmark(db_path: str) -> None:
    """Start-up as a user sees it: app, font, translator, database, the window shown and drawn
    once; then close it again. Errors propagate (no dialogs)."""
    app, languages = prepare_application(None)
    database = open_database(db_path, backup_on_open=False)
    state = AppState(database, languages)
    window = MainWindow(state)
    window.show()
    app.processEvents()
    window.close()
    window.deleteLater()
    state.tasks.wait(10_000)
    stop_decoding()
    database.close()
