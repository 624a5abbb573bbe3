"""Run the Alembic migrations shipped with the app, and tell which revisions this app knows.

Alembic is imported only when a migration has to run or an unknown revision has to be judged:
opening a file that is already at ``HEAD_REVISION`` (every start of the booth app but the first
after an upgrade) skips it, which keeps start-up fast.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from catalog_app.locations import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# The newest revision in database/versions; tests/integration/test_migrations.py checks that
# this matches Alembic's own head, so a new migration cannot forget to move it.
HEAD_REVISION = "0005"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    if head is None:
        raise RuntimeError("no migrations are shipped with the app")
    return head


def is_known_revision(revision: str) -> bool:
    if revision == HEAD_REVISION:
        return True
    from alembic.util.exc import CommandError

    try:
        return _script().get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(connection: Connection) -> str | None:
    """The revision recorded in the database (None for a new one), read with plain SQL."""
    if not connection.dialect.has_table(connection, "alembic_version"):
        return None
    row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return str(row[0]) if row else None


# Alembic runs env.py through process-wide proxies (``alembic.context``, ``alembic.op``): two
# upgrades at once in one process (a push to a new server while a package is opened) would see
# each other's configuration. One at a time.
_ALEMBIC_LOCK = threading.Lock()


def upgrade_to_head(connection: Connection) -> None:
    """Migrate to the newest revision; nothing (not even importing Alembic) if already there."""
    if current_revision(connection) == HEAD_REVISION:
        return
    from alembic import command

    with _ALEMBIC_LOCK:
        command.upgrade(alembic_config(connection), "head")
