"""``catalog-app demo``: a database seeded with the bundled sample fair (marked as sample data).

Running it again on the same file refreshes the sample (re-import updates, never duplicates);
``fresh=True`` first moves an existing file aside (kept, never deleted) and starts anew.
"""

from __future__ import annotations

from pathlib import Path

from catalog_app.locations import sample_catalog_path
from catalog_app.services.catalog_import import ImportReport, import_catalog
from catalog_app.store.backups import set_aside
from catalog_app.store.database import Database, open_sqlite
from catalog_app.store.locations import default_data_dir

SAMPLE_DB_NAME = "sample-fair.sqlite"


def default_demo_path() -> Path:
    return default_data_dir() / SAMPLE_DB_NAME


def seed_sample_fair(database: Database) -> ImportReport:
    """Import the bundled sample fair into an open database, with its sample intent forms
    (added once: forms already there are left as they are) and its fictional attendee list
    (badge codes to scan; importing it again changes nothing)."""
    from catalog_app.services.attendees import import_attendees
    from catalog_app.services.intent_samples import seed_sample_intents

    report = import_catalog(database, sample_catalog_path())
    seed_sample_intents(database)
    attendees = sample_catalog_path().with_name("attendees.csv")
    if attendees.is_file():
        import_attendees(database, attendees)
    return report


def build_demo_database(
    path: Path | None = None, *, fresh: bool = False
) -> tuple[Path, ImportReport]:
    """Create (or refresh) a database seeded with the sample fair; return its path and report."""
    target = Path(path) if path is not None else default_demo_path()
    target = target.expanduser().resolve()
    if fresh and target.exists():
        set_aside(target, "previous")
    database = open_sqlite(target)
    try:
        report = seed_sample_fair(database)
    finally:
        database.close()
    return target, report


def create_demo_database(path: Path | None = None, *, fresh: bool = False) -> Path:
    """Create (or refresh) a database at ``path`` seeded with the sample fair; return its path."""
    return build_demo_database(path, fresh=fresh)[0]
