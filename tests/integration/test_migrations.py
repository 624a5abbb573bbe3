"""Schema migrations: new files start at head, old files are upgraded with their data kept, files
from a newer app are refused untouched, and the models agree with what the migrations build.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, event, inspect, select

from catalog_app.domain.base import Base
from catalog_app.domain.enums import LeadSource, Rating
from catalog_app.domain.models import Fair, FormDraft, Lead
from catalog_app.services.catalog_search_index import is_derived_table
from catalog_app.store import backups, lead_search_index
from catalog_app.store.database import Database, open_server, open_sqlite
from catalog_app.store.errors import NewerSchemaError
from catalog_app.store.migrations import alembic_config, head_revision, is_known_revision

FUTURE_REVISION = "9999_future"


@pytest.fixture
def plain_engine(tmp_path: Path) -> Iterator[Engine]:
    """A bare SQLAlchemy engine on a new file: no app pragmas, no migrations, no stamping.

    ``synchronous=OFF`` only to keep the test fast (old-style DDL commits one statement at a
    time); it is not stored in the file.
    """
    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")

    @event.listens_for(engine, "connect")
    def _fast(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous = OFF")

    try:
        yield engine
    finally:
        engine.dispose()


def _file_of(engine: Engine) -> Path:
    database = engine.url.database
    assert database is not None
    return Path(database)


def _not_derived(name: str | None, type_: str, _parents: Any) -> bool:
    # The catalog search keeps a derived table (catalog_search_v*) outside the ORM metadata, made
    # and refreshed from truck_model at run time and never migrated; it is not part of the schema
    # the migrations build (see catalog_app/services/catalog_search_index.py). Nor are the lead
    # search's FTS5 index and its shadow tables, made by migration 0005 outside the ORM
    # (see catalog_app/store/lead_search_index.py).
    if type_ != "table" or name is None:
        return True
    return not (is_derived_table(name) or lead_search_index.is_index_table(name))


def _schema_differences(database: Database) -> list[Any]:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": _not_derived}
        )
        return list(compare_metadata(context, Base.metadata))


def _side_files(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal")]


# --- a new database ---------------------------------------------------------------------------


def test_the_shipped_migrations_end_at_head_revision() -> None:
    from catalog_app.store.migrations import HEAD_REVISION

    assert head_revision() == HEAD_REVISION, "move HEAD_REVISION to the newest migration"
    assert is_known_revision("0001")
    assert is_known_revision("0002")
    assert is_known_revision("0003")
    assert is_known_revision("0004")
    assert is_known_revision("0005")
    assert not is_known_revision(FUTURE_REVISION)


def test_a_new_file_starts_at_the_head_revision(sqlite_db: Database) -> None:
    assert sqlite_db.schema_revision() == head_revision()
    tables = set(inspect(sqlite_db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_an_empty_file_is_treated_as_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    database = open_sqlite(path)
    try:
        assert database.schema_revision() == head_revision()
    finally:
        database.close()


# --- upgrading an old file --------------------------------------------------------------------


def test_a_file_made_at_0001_is_upgraded_to_head_and_keeps_its_rows(
    plain_engine: Engine,
) -> None:
    fair_id, lead_id, device = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    with plain_engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
    with plain_engine.begin() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            "0001"
        )
        assert not inspect(connection).has_table("form_draft")
        # Rows written the way the 0001-era app wrote them: UUIDs as 32 hex digits, UTC times.
        connection.exec_driver_sql(
            "INSERT INTO fair (id, code, name_zh, name_en, venue_zh, venue_en, is_sample, "
            "notice_zh, notice_en, created_at, updated_at, hlc, device_id) VALUES "
            "(?, 'OLD-FAIR', '旧展会', 'Old fair', '', '', 0, '', '', "
            "'2026-05-01 08:00:00.000000', '2026-05-01 08:00:00.000000', "
            "'001777622400000.000000', ?)",
            (fair_id.hex, device.hex),
        )
        connection.exec_driver_sql(
            "INSERT INTO lead (id, fair_id, person_name, person_name_key, company, company_key, "
            "credit_code, title, mobile, mobile_e164, landline, email, email_normalized, "
            "wechat_id, industry, source, rating, follow_up, notes, badge_payload, consent_text, "
            "consent_version, consent_purposes, created_at, updated_at, hlc, device_id) VALUES "
            "(?, ?, '张伟', 'zhang wei', '远航运输', 'yuan hang yun shu', '', '', "
            "'13900139000', '+8613900139000', '', '', '', '', 'logistics', 'booth', 'hot', 'new', "
            "'老客户', '', '', '', '[\"follow_up\"]', '2026-05-01 08:05:00.000000', "
            "'2026-05-01 08:05:00.000000', '001777622700000.000000', ?)",
            (lead_id.hex, fair_id.hex, device.hex),
        )
    path = _file_of(plain_engine)
    plain_engine.dispose()

    upgraded = open_sqlite(path)
    try:
        assert upgraded.schema_revision() == head_revision()
        with upgraded.sessions() as session:
            fair = session.get(Fair, fair_id)
            lead = session.get(Lead, lead_id)
            assert fair is not None and fair.name_zh == "旧展会"
            assert lead is not None
            assert lead.person_name == "张伟"
            assert lead.fair_id == fair_id
            assert lead.source is LeadSource.BOOTH
            assert lead.rating is Rating.HOT
            assert lead.consent_purposes == ["follow_up"]
            assert lead.created_at.isoformat() == "2026-05-01T08:05:00+00:00"
            assert lead.device_id == device  # not restamped by the upgrade
            assert lead.hlc == "001777622700000.000000"
        # The table that 0002 adds is usable.
        with upgraded.transaction() as session:
            session.add(FormDraft(slot="lead_capture", payload={"person_name": "未保存"}))
        with upgraded.sessions() as session:
            assert session.scalars(select(FormDraft.slot)).all() == ["lead_capture"]
        assert _schema_differences(upgraded) == []
    finally:
        upgraded.close()


def test_an_old_file_is_backed_up_before_it_is_upgraded(plain_engine: Engine) -> None:
    with plain_engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
    path = _file_of(plain_engine)
    plain_engine.dispose()

    open_sqlite(path).close()

    taken = backups.list_backups(path)
    assert len(taken) == 1
    with closing(sqlite3.connect(taken[0].path)) as backup:
        revision = backup.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == ("0001",)


# --- a file from a newer app ------------------------------------------------------------------


@pytest.fixture
def future_file(tmp_path: Path) -> Path:
    """A database file as a newer app would leave it: WAL mode, closed, an unknown revision."""
    path = tmp_path / "future.sqlite"
    open_sqlite(path).close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (FUTURE_REVISION,))
        connection.commit()
    for side in _side_files(path):
        assert not side.exists()
    return path


def test_a_file_made_by_a_newer_app_is_refused_with_its_bytes_and_mtime_unchanged(
    future_file: Path,
) -> None:
    before_bytes = future_file.read_bytes()
    before_mtime = future_file.stat().st_mtime_ns

    with pytest.raises(NewerSchemaError) as refused:
        open_sqlite(future_file)

    assert refused.value.revision == FUTURE_REVISION
    assert refused.value.path == future_file
    assert future_file.read_bytes() == before_bytes
    assert future_file.stat().st_mtime_ns == before_mtime
    assert backups.list_backups(future_file) == []  # not even a backup was written
    assert "升级" in refused.value.text("zh_CN")
    assert "newer version" in refused.value.text("en")


def test_refusing_a_newer_file_leaves_no_wal_or_shm_files_beside_it(future_file: Path) -> None:
    before = sorted(os.listdir(future_file.parent))

    with pytest.raises(NewerSchemaError):
        open_sqlite(future_file)

    assert sorted(os.listdir(future_file.parent)) == before
    for side in _side_files(future_file):
        assert not side.exists(), f"{side.name} appeared"


# --- models and migrations agree --------------------------------------------------------------


def test_the_models_match_what_the_migrations_build_on_sqlite(sqlite_db: Database) -> None:
    assert _schema_differences(sqlite_db) == []


@pytest.mark.postgres
def test_the_models_match_what_the_migrations_build_on_postgresql(postgres_db: Database) -> None:
    assert _schema_differences(postgres_db) == []


@pytest.mark.postgres
def test_open_server_migrates_an_empty_postgresql_database_from_its_url(
    postgres_empty_url: str,
) -> None:
    database = open_server(postgres_empty_url)
    try:
        assert not database.is_sqlite
        assert database.schema_revision() == head_revision()
        assert set(Base.metadata.tables) <= set(inspect(database.engine).get_table_names())
    finally:
        database.close()
    # Opening again finds it at head and migrates nothing.
    again = open_server(postgres_empty_url)
    try:
        assert again.schema_revision() == head_revision()
        assert again.device_id == database.device_id
    finally:
        again.close()


@pytest.mark.postgres
def test_postgresql_migrates_step_by_step_from_0001_with_rows_kept(
    postgres_empty_url: str,
) -> None:
    engine = create_engine(postgres_empty_url)
    fair_id = uuid.uuid4()
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0001")
            connection.exec_driver_sql(
                "INSERT INTO fair (id, code, name_zh, name_en, venue_zh, venue_en, is_sample, "
                "notice_zh, notice_en, created_at, updated_at, hlc) VALUES "
                "(%(id)s, 'PG-OLD', '旧展会', '', '', '', false, '', '', "
                "'2026-05-01 08:00:00+00', '2026-05-01 08:00:00+00', '001777622400000.000000')",
                {"id": fair_id},
            )
    finally:
        engine.dispose()
    database = open_server(postgres_empty_url)
    try:
        assert database.schema_revision() == head_revision()
        with database.sessions() as session:
            fair = session.get(Fair, fair_id)
            assert fair is not None and fair.code == "PG-OLD"
    finally:
        database.close()


@pytest.mark.postgres
def test_a_postgresql_database_from_a_newer_app_is_refused(postgres_empty_url: str) -> None:
    engine = create_engine(postgres_empty_url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"
            )
            connection.exec_driver_sql(f"INSERT INTO alembic_version VALUES ('{FUTURE_REVISION}')")
    finally:
        engine.dispose()
    with pytest.raises(NewerSchemaError) as refused:
        open_server(postgres_empty_url)
    assert refused.value.revision == FUTURE_REVISION
