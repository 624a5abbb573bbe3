"""Where the database file lives: ``--db PATH``, else $CATALOG_APP_DB, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "catalog-app"
APP_AUTHOR = "CatalogApp"
DB_ENV_VAR = "CATALOG_APP_DB"
DB_FILE_NAME = "catalog.sqlite"


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def resolve_db_target(cli_value: str | None = None) -> str:
    """The database to open: a file path, or a ``postgresql://`` URL."""
    if cli_value:
        return cli_value
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return from_env
    return str(default_data_dir() / DB_FILE_NAME)


def is_server_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgresql+psycopg://", "postgres://"))


def media_dir_for(db_path: Path) -> Path:
    """Media files (by content hash) are kept beside the database file they belong to."""
    return db_path.parent / "media"
