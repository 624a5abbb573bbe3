"""The SQLite store: pragmas, where the file lives, online backups, and damaged files.

About durability: a power cut cannot be simulated in a test process (the OS page cache survives
a killed process, so even ``synchronous=OFF`` would pass a kill -9 test). What is tested instead
is the setting that makes an acknowledged lead survive one: ``synchronous=FULL`` in WAL mode must
be in effect on *every* connection the engine hands out, not only on the first one.

Damaged files are made the way RELIABILITY.md says: a few pages in the middle of a good file (or
its header) overwritten with random bytes. The app must refuse them with a clear message in the
user's language, point at the newest good backup, and restore it without losing the damaged file.
"""

from __future__ import annotations

import random
import re
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog_app.domain.enums import LeadSource
from catalog_app.domain.models import Fair, Lead
from catalog_app.store import backups
from catalog_app.store.backups import (
    list_backups,
    make_backup,
    newest_good_backup,
    restore_newest_good_backup,
)
from catalog_app.store.database import Database, open_database, open_sqlite
from catalog_app.store.errors import (
    DamagedDatabaseError,
    DatabaseUnavailableError,
    NewerSchemaError,
    NoGoodBackupError,
    NotADatabaseError,
    PhysicalDeleteError,
    StoreError,
)
from catalog_app.store.integrity import check_file, read_only_connection
from catalog_app.store.locations import (
    DB_ENV_VAR,
    DB_FILE_NAME,
    default_data_dir,
    is_server_url,
    resolve_db_target,
)
from catalog_app.store.sqlite_settings import BUSY_TIMEOUT_MS

CHINESE = re.compile(r"[\u4e00-\u9fff]")
PAGE_SIZE = 4096
LEADS_IN_GOOD_FILE = 1500


def _pragma(session_or_connection: Session, name: str) -> object:
    return session_or_connection.connection().exec_driver_sql(f"PRAGMA {name}").scalar()


def _add_leads(database: Database, count: int, *, prefix: str = "客户") -> None:
    with database.transaction() as session:
        fair = Fair(code=f"FAIR-{prefix}-{count}", name_zh="展会")
        session.add(fair)
        session.flush()
        session.add_all(
            Lead(
                fair_id=fair.id,
                person_name=f"{prefix}{number}",
                company=f"物流公司 {number}",
                mobile_e164=f"+86138{number:08d}",
                notes="需要回访，关注换电重卡和融资租赁方案。" * 3,
                source=LeadSource.BOOTH,
            )
            for number in range(count)
        )


def _count_leads_read_only(path: Path) -> int:
    with closing(read_only_connection(path)) as connection:
        return int(connection.execute("SELECT count(*) FROM lead").fetchone()[0])


# --- pragmas ----------------------------------------------------------------------------------


def test_a_connection_from_the_engine_runs_with_the_durable_pragmas(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as connection:
        pragmas = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "busy_timeout": BUSY_TIMEOUT_MS,
    }
    assert BUSY_TIMEOUT_MS > 0


def test_every_pooled_connection_has_synchronous_full_not_only_the_first(
    sqlite_db: Database,
) -> None:
    sessions = [sqlite_db.sessions() for _ in range(8)]
    try:
        raw_connections = set()
        for session in sessions:
            session.begin()
            assert _pragma(session, "synchronous") == 2
            assert _pragma(session, "foreign_keys") == 1
            assert _pragma(session, "journal_mode") == "wal"
            raw_connections.add(id(session.connection().connection.dbapi_connection))
        assert len(raw_connections) == len(sessions)  # eight distinct connections, all checked
    finally:
        for session in sessions:
            session.close()
    # Connections made later, after the pool was emptied, get them too.
    sqlite_db.engine.dispose()
    with sqlite_db.sessions() as session:
        assert _pragma(session, "synchronous") == 2


def test_journal_mode_wal_is_stored_in_the_file_itself(sqlite_db: Database) -> None:
    assert sqlite_db.path is not None
    with sqlite_db.transaction() as session:
        session.add(Fair(code="WAL", name_zh="展会"))
    with closing(sqlite3.connect(sqlite_db.path)) as bare:
        assert bare.execute("PRAGMA journal_mode").fetchone() == ("wal",)


# --- where the file lives ---------------------------------------------------------------------


def test_the_db_option_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV_VAR, "/from/env/catalog.sqlite")
    assert resolve_db_target("/from/cli/booth.sqlite") == "/from/cli/booth.sqlite"


def test_the_environment_beats_the_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV_VAR, "/from/env/catalog.sqlite")
    assert resolve_db_target(None) == "/from/env/catalog.sqlite"
    assert resolve_db_target("") == "/from/env/catalog.sqlite"


def test_without_option_or_environment_the_file_lives_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(DB_ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    target = resolve_db_target(None)
    assert target == str(default_data_dir() / DB_FILE_NAME)
    if sys.platform.startswith("linux"):
        assert target == str(tmp_path / "xdg" / "catalog-app" / DB_FILE_NAME)


def test_a_postgresql_url_in_the_environment_is_recognised_as_a_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(DB_ENV_VAR, "postgresql://booth@db.example/catalog")
    assert is_server_url(resolve_db_target(None))
    assert not is_server_url(resolve_db_target("/data/catalog.sqlite"))


def test_open_database_opens_a_sqlite_path(tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "nested" / "catalog.sqlite"))
    try:
        assert database.is_sqlite
        assert database.path == (tmp_path / "nested" / "catalog.sqlite").resolve()
    finally:
        database.close()


@pytest.mark.postgres
def test_open_database_opens_a_postgresql_url(postgres_empty_url: str) -> None:
    database = open_database(postgres_empty_url)
    try:
        assert not database.is_sqlite
        with pytest.raises(RuntimeError, match="PostgreSQL has its own tools"):
            database.backup()
    finally:
        database.close()


def test_a_database_path_that_cannot_be_made_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(DatabaseUnavailableError) as refused:
        open_sqlite(blocker / "catalog.sqlite")
    assert "无法打开数据库" in refused.value.text("zh_CN")


# --- backups ----------------------------------------------------------------------------------


def test_a_backup_holds_every_committed_row_even_those_still_in_the_wal(
    sqlite_db: Database,
) -> None:
    assert sqlite_db.path is not None
    _add_leads(sqlite_db, 25)
    wal = Path(f"{sqlite_db.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the rows sit in the WAL, not the main file

    backup = sqlite_db.backup()

    assert backup.parent == backups.backup_dir_for(sqlite_db.path)
    assert check_file(backup) == []
    assert _count_leads_read_only(backup) == 25
    with closing(read_only_connection(backup)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        names = {row[0] for row in connection.execute("SELECT person_name FROM lead")}
    assert "客户7" in names
    assert [info.path for info in list_backups(sqlite_db.path)] == [backup]


def test_backups_rotate_keeping_only_the_newest_ones(sqlite_db: Database) -> None:
    assert sqlite_db.path is not None
    start = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    made = [
        make_backup(sqlite_db.path, keep=3, now=start + timedelta(minutes=minute))
        for minute in range(6)
    ]
    kept = list_backups(sqlite_db.path)
    assert [info.path for info in kept] == list(reversed(made[-3:]))  # newest first
    assert [info.taken_at for info in kept] == [
        start + timedelta(minutes=minute) for minute in (5, 4, 3)
    ]
    for stale in made[:3]:
        assert not stale.exists()
    assert not list(backups.backup_dir_for(sqlite_db.path).glob("*.partial"))


def test_reopening_a_file_backs_it_up_and_rotates_by_backup_keep(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite"
    open_sqlite(path).close()
    assert list_backups(path) == []  # a brand-new file has nothing to back up
    for _ in range(4):
        open_sqlite(path, backup_keep=2).close()
    assert len(list_backups(path)) == 2


def test_a_backup_succeeds_while_another_connection_holds_a_write_transaction(
    sqlite_db: Database,
) -> None:
    assert sqlite_db.path is not None
    _add_leads(sqlite_db, 10)
    with closing(sqlite3.connect(sqlite_db.path, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO local_setting (key, value) VALUES ('uncommitted', 'x')")
        began = time.monotonic()

        backup = sqlite_db.backup()

        took = time.monotonic() - began
        writer.execute("ROLLBACK")
    assert took < BUSY_TIMEOUT_MS / 1000 / 2, "the backup waited for the writer"
    assert check_file(backup) == []
    assert _count_leads_read_only(backup) == 10
    with closing(read_only_connection(backup)) as connection:
        uncommitted = connection.execute(
            "SELECT count(*) FROM local_setting WHERE key = 'uncommitted'"
        ).fetchone()
    assert uncommitted == (0,)


def test_a_backup_taken_while_the_app_keeps_writing_is_consistent(sqlite_db: Database) -> None:
    assert sqlite_db.path is not None
    _add_leads(sqlite_db, 5, prefix="先")
    stop = threading.Event()
    errors: list[BaseException] = []

    def keep_writing() -> None:
        try:
            while not stop.is_set():
                _add_leads(sqlite_db, 3, prefix=f"w{time.monotonic_ns()}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        taken = [sqlite_db.backup() for _ in range(3)]
    finally:
        stop.set()
        writer.join(timeout=30)
    assert errors == []
    for backup in taken:
        assert check_file(backup, thorough=True) == []
        assert _count_leads_read_only(backup) % 3 == 5 % 3  # whole transactions only


# --- damaged files ----------------------------------------------------------------------------


@dataclass(frozen=True)
class GoodFile:
    path: Path
    backup: Path
    leads: int


@pytest.fixture
def good_file(tmp_path: Path) -> GoodFile:
    """A closed database file with enough rows to span many pages, and one good backup of it."""
    path = tmp_path / "booth" / "catalog.sqlite"
    database = open_sqlite(path)
    try:
        _add_leads(database, LEADS_IN_GOOD_FILE)
        backup = database.backup()
    finally:
        database.close()
    assert not Path(f"{path}-wal").exists()  # closed cleanly: everything is in the main file
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA freelist_count").fetchone() == (0,)
        assert connection.execute("PRAGMA page_size").fetchone() == (PAGE_SIZE,)
    return GoodFile(path, backup, LEADS_IN_GOOD_FILE)


def _overwrite(path: Path, offset: int, length: int, seed: int) -> None:
    noise = random.Random(seed).randbytes(length)
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(noise)


def damage_middle_pages(path: Path, pages: int = 4) -> None:
    """Overwrite ``pages`` whole pages in the middle of the file with random bytes."""
    total = path.stat().st_size // PAGE_SIZE
    assert total > 20, "the file is too small to damage in the middle"
    _overwrite(path, (total // 2) * PAGE_SIZE, pages * PAGE_SIZE, seed=20261125)


def damage_header(path: Path) -> None:
    """Overwrite the 100-byte file header (magic string, page size, formats) with random bytes."""
    _overwrite(path, 0, 100, seed=7)


@pytest.mark.parametrize(
    "damage", [damage_middle_pages, damage_header], ids=["middle-pages", "header"]
)
def test_a_damaged_file_is_refused_and_points_at_the_newest_good_backup(
    good_file: GoodFile, damage: Callable[[Path], None]
) -> None:
    damage(good_file.path)
    damaged_bytes = good_file.path.read_bytes()

    with pytest.raises(DamagedDatabaseError) as refused:
        open_sqlite(good_file.path)

    error = refused.value
    assert error.path == good_file.path
    assert error.newest_backup == good_file.backup
    assert check_file(good_file.backup) == []
    assert good_file.path.read_bytes() == damaged_bytes  # the failed open wrote nothing
    assert len(list_backups(good_file.path)) == 1  # and did not back up the damage
    assert "损坏" in error.text("zh_CN")
    assert "damaged" in error.text("en")


@pytest.mark.parametrize(
    "damage", [damage_middle_pages, damage_header], ids=["middle-pages", "header"]
)
def test_restoring_the_newest_good_backup_keeps_the_damaged_file_and_brings_the_rows_back(
    good_file: GoodFile, damage: Callable[[Path], None]
) -> None:
    damage(good_file.path)
    damaged_bytes = good_file.path.read_bytes()
    with pytest.raises(DamagedDatabaseError):
        open_sqlite(good_file.path)

    used, aside = restore_newest_good_backup(good_file.path)

    assert used == good_file.backup
    assert aside is not None and aside != good_file.path
    assert aside.parent == good_file.path.parent
    assert aside.read_bytes() == damaged_bytes  # kept, byte for byte
    assert check_file(good_file.path) == []
    reopened = open_sqlite(good_file.path)
    try:
        with reopened.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Lead)) == good_file.leads
        _add_leads(reopened, 1, prefix="恢复后")  # and it takes new leads
    finally:
        reopened.close()


def test_a_damaged_newest_backup_is_passed_over_for_an_older_good_one(
    good_file: GoodFile,
) -> None:
    newer = make_backup(good_file.path, now=datetime.now(UTC) + timedelta(hours=1))
    assert list_backups(good_file.path)[0].path == newer
    damage_middle_pages(newer)
    assert check_file(newer) != []
    assert newest_good_backup(good_file.path) == good_file.backup


def test_without_any_good_backup_restoring_says_so(tmp_path: Path) -> None:
    path = tmp_path / "lonely.sqlite"
    path.write_bytes(b"\0" * PAGE_SIZE)
    with pytest.raises(NoGoodBackupError) as refused:
        restore_newest_good_backup(path)
    assert path.read_bytes() == b"\0" * PAGE_SIZE
    assert CHINESE.search(refused.value.text("zh_CN"))


def test_a_text_file_is_refused_cleanly_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    text = "姓名,手机\n李雷,13800138000\n"
    path.write_text(text, encoding="utf-8")

    with pytest.raises((DamagedDatabaseError, NotADatabaseError)) as refused:
        open_sqlite(path)

    assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leads.csv"]
    assert CHINESE.search(refused.value.text("zh_CN"))
    assert str(path) in refused.value.text("en")
    if isinstance(refused.value, DamagedDatabaseError):
        assert refused.value.newest_backup is None


def test_a_sqlite_database_of_another_program_is_refused_and_left_as_it_was(
    tmp_path: Path,
) -> None:
    path = tmp_path / "places.sqlite"
    with closing(sqlite3.connect(path)) as other:
        other.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        other.execute("INSERT INTO moz_places (url) VALUES ('https://example.com')")
        other.commit()
    before = path.read_bytes()

    with pytest.raises(NotADatabaseError) as refused:
        open_sqlite(path).close()

    assert path.read_bytes() == before
    assert CHINESE.search(refused.value.text("zh_CN"))


# --- messages in the user's language ----------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        DamagedDatabaseError("/data/catalog.sqlite", "quick_check failed", None),
        NewerSchemaError("/data/catalog.sqlite", "9999_future"),
        NotADatabaseError("/data/leads.csv", "not a SQLite file"),
        DatabaseUnavailableError("/data/catalog.sqlite", "disk I/O error"),
        NoGoodBackupError("/data/catalog.sqlite"),
        PhysicalDeleteError("lead"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_every_store_error_reads_in_chinese_and_in_english(error: StoreError) -> None:
    chinese = error.text("zh_CN")
    english = error.text("en")
    assert CHINESE.search(chinese), chinese
    assert not CHINESE.search(english), english
    assert english == str(error)
    assert "{" not in chinese and "{" not in english  # every placeholder was filled
    assert error.text("zh") == chinese
