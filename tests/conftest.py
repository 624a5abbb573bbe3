"""Shared fixtures for every test folder: a fresh SQLite database, a real PostgreSQL server.

Kept small and generic; fixtures for one area live in that folder's own ``conftest.py``.

- ``sqlite_db``: an open ``Database`` on a fresh file in the test's temporary folder.
- ``postgres_server`` / ``postgres_url``: a throwaway PostgreSQL server started once per session
  (see ``tests/postgres_server.py``) and the URL of its ``catalog_test`` database; skipped when
  PostgreSQL is not installed, a failure when CI=true.
- ``postgres_empty_url``: a URL of a new, empty PostgreSQL schema per test.
- ``postgres_db``: an open ``Database`` on such a schema (migrated to head by ``open_server``).
- ``any_db``: both of the above in turn, so model and store tests run on both back ends.
"""

from __future__ import annotations

import gc
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

# Set before anything imports Qt: GUI tests run without a screen.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("CATALOG_APP_LANG", "en")

from postgres_server import PostgresServer, PostgresUnavailable, start_server  # noqa: E402

from catalog_app.store.database import Database, open_server, open_sqlite  # noqa: E402

POSTGRES_TEST_DATABASE = "catalog_test"


def _on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


@pytest.fixture(autouse=True)
def _gui_thread_garbage_collection(request: pytest.FixtureRequest) -> Iterator[None]:
    """In tests with widgets, Python's cycle collector runs on the GUI thread only, as in the
    app (catalog_app/ui/gui_thread_gc.py): a background task must never free a widget."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from catalog_app.ui.gui_thread_gc import GuiThreadGarbageCollector

    qapp = request.getfixturevalue("qapp")
    gc.collect()
    gc.freeze()  # earlier tests' survivors: out of sight, so each collection here stays cheap
    collector = GuiThreadGarbageCollector(qapp)
    try:
        yield
    finally:
        collector.stop()
        collector.deleteLater()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """An open database on a fresh SQLite file, closed after the test."""
    database = open_sqlite(tmp_path / "catalog.sqlite")
    try:
        yield database
    finally:
        database.close()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the whole session, stopped and removed at the end."""
    try:
        server = start_server()
    except PostgresUnavailable as exc:
        if _on_ci():
            pytest.fail(f"CI must run the PostgreSQL tests, but: {exc}", pytrace=False)
        pytest.skip(str(exc))
    try:
        with psycopg.connect(server.conninfo(), autocommit=True) as admin:
            admin.execute(
                sql.SQL("CREATE DATABASE {}").format(sql.Identifier(POSTGRES_TEST_DATABASE))
            )
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """``postgresql+psycopg://postgres@127.0.0.1:PORT/catalog_test`` on the session's server."""
    return postgres_server.url(POSTGRES_TEST_DATABASE)


@pytest.fixture(scope="session")
def postgres_admin(postgres_url: str) -> Iterator[psycopg.Connection[Any]]:
    """One autocommit connection to ``catalog_test``, kept for the whole session."""
    parsed = make_url(postgres_url)
    conninfo = psycopg.conninfo.make_conninfo(
        host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database
    )
    with psycopg.connect(conninfo, autocommit=True) as admin:
        admin.execute("SET lock_timeout = '20s'")
        yield admin


@pytest.fixture
def postgres_empty_url(postgres_url: str, postgres_admin: psycopg.Connection[Any]) -> Iterator[str]:
    """The URL of a new, empty schema made for this test in ``catalog_test`` (dropped after).

    A schema per test rather than a database per test: CREATE DATABASE costs ~0.2 s here (it
    waits for checkpoints), CREATE SCHEMA ~1 ms. Connections made from the URL see only that
    schema (``search_path``) and carry its name as ``application_name``, so that connections a
    test leaves open can be ended before the schema is dropped.
    """
    name = f"t_{uuid.uuid4().hex[:16]}"
    postgres_admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
    url = make_url(postgres_url).update_query_dict(
        {"options": f"-csearch_path={name}", "application_name": name}
    )
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        postgres_admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        postgres_admin.execute(
            sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name))
        )


@pytest.fixture
def postgres_db(postgres_empty_url: str) -> Iterator[Database]:
    """An open database on a fresh PostgreSQL schema (migrated to head by ``open_server``)."""
    database = open_server(postgres_empty_url)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest) -> Database:
    """The same test on a SQLite file and on a PostgreSQL database."""
    fixture = "sqlite_db" if request.param == "sqlite" else "postgres_db"
    database: Database = request.getfixturevalue(fixture)
    return database


@pytest.fixture(autouse=True)
def fast_pin_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """PINs hash with scrypt n=2**17 (~0.4 s) in the app; tests use a cheap cost. The cost is
    stored with each hash, so verifying works the same way."""
    monkeypatch.setattr("catalog_app.domain.pins.SCRYPT_N", 2**10)
