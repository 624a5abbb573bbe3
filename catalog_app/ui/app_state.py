"""What every page of the window shares: the database, the language, the task runner, and who
is at the booth.

Passed to each page explicitly (no global registry). The database can be swapped while the
window is open — after restoring a backup — and pages reload on ``database_changed``. The
person signed in (``current_staff``; None until someone signs in with their PIN) decides what
the pages allow: managers only may delete, export, merge and change settings.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from catalog_app.services.accounts import StaffMember
from catalog_app.services.catalog import CatalogService
from catalog_app.store.database import Database
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.tasks import TaskRunner


class AppState(QObject):
    """The shared state of one main window.

    Signals:
        database_changed(object): a new ``Database`` replaced the previous one.
        staff_changed(object): the person signed in changed (a ``StaffMember`` or None).
    """

    database_changed = Signal(object)
    staff_changed = Signal(object)

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
        self._staff: StaffMember | None = None

    @property
    def database(self) -> Database:
        return self._database

    @property
    def catalog(self) -> CatalogService:
        return self._catalog

    @property
    def language(self) -> str:
        return self.languages.language

    @property
    def current_staff(self) -> StaffMember | None:
        return self._staff

    @property
    def is_manager(self) -> bool:
        return self._staff is not None and self._staff.is_manager

    def sign_in(self, member: StaffMember | None) -> None:
        """Record who is at the booth now (None: nobody signed in)."""
        self._staff = member
        self.staff_changed.emit(member)

    def replace_database(self, database: Database) -> None:
        """Use ``database`` from now on (the caller has closed the previous one)."""
        self._database = database
        self._catalog = CatalogService(database)
        self._staff = None  # accounts live in the database: sign in again
        self.database_changed.emit(database)
        self.staff_changed.emit(None)
