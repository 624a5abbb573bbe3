"""What every page of the window shares: the open database, the language and the task runner.

Passed to each page explicitly (no global registry). The database can be swapped while the
window is open — after restoring a backup — and pages reload on ``database_changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from catalog_app.services.catalog import CatalogService
from catalog_app.store.database import Database
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.tasks import TaskRunner


class AppState(QObject):
    """The shared state of one main window.

    Signals:
        database_changed(object): a new ``Database`` replaced the previous one.
    """

    database_changed = Signal(object)

    def __init__(
        self,
        database: Database,
        languages: LanguageManager,
        tasks: TaskRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._catalog = CatalogService(database)
        self.languages = languages
        self.tasks = tasks or TaskRunner(self)

    @property
    def database(self) -> Database:
        return self._database

    @property
    def catalog(self) -> CatalogService:
        return self._catalog

    @property
    def language(self) -> str:
        return self.languages.language

    def replace_database(self, database: Database) -> None:
        """Use ``database`` from now on (the caller has closed the previous one)."""
        self._database = database
        self._catalog = CatalogService(database)
        self.database_changed.emit(database)
