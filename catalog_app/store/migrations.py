"""Run the Alembic migrations shipped with the app, and tell which revisions this app knows."""

from __future__ import annotations

from functools import cache

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection

from catalog_app.locations import migrations_dir


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    if head is None:
        raise RuntimeError("no migrations are shipped with the app")
    return head


def is_known_revision(revision: str) -> bool:
    try:
        return _script().get_revision(revision) is not None
    except CommandError:
        return False


def upgrade_to_head(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")
