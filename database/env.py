"""Alembic environment: runs on the connection the store hands over (or on sqlalchemy.url).

The store runs ``upgrade head`` programmatically at open. Developers make a new revision with
``alembic revision --autogenerate -m "..."`` (alembic.ini at the repository top points here).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import catalog_app.domain.models  # noqa: F401  (registers every table)
from catalog_app.domain.base import Base

config = context.config
target_metadata = Base.metadata


def run_migrations(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: rebuild tables instead
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


given = config.attributes.get("connection")
if given is not None:
    run_migrations(given)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite")
    with engine.connect() as connection:
        run_migrations(connection)
