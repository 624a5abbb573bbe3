"""Store benchmarks: a durable lead save, and opening an existing large database.

``store.lead_save``: what the capture screen does per lead, one ORM transaction adding a lead and
one interest (``with db.transaction() as s: s.add(Lead(...)); s.add(LeadInterest(...))``) on a
file opened by ``open_sqlite`` (WAL, synchronous=FULL: an fsync per save). Baseline: the same two
rows inserted with bare ``sqlite3`` and COMMIT, same pragmas, on another file in the same folder
with the same schema and catalog. Goal: the ORM path costs at most 3x the bare inserts.

``store.open``: for information, ``open_sqlite`` on an existing 10,000-model file (quick_check,
schema revision check, online backup, migrations to head, device registration) against
``sqlite3.connect`` + ``PRAGMA quick_check``.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from catalog_app.domain.enums import (
    EnergyPreference,
    ExhibitorKind,
    Financing,
    FollowUp,
    Industry,
    LeadSource,
    Rating,
    Timeframe,
)
from catalog_app.domain.ids import new_id
from catalog_app.domain.models import Exhibitor, Lead, LeadInterest, StaffAccount, TruckModel
from catalog_app.store.database import Database, open_sqlite
from catalog_app.store.sqlite_settings import BUSY_TIMEOUT_MS
from tests.benchmarks import datagen
from tests.benchmarks.harness import Benchmark, Pair, RunContext, register

SAVE_MODELS = 50  # a small catalog, so that the saved rows' foreign keys point somewhere
OPEN_MODELS = 10_000
PEOPLE = 64  # distinct capture-screen inputs, cycled through by both sides
CONSENT_PURPOSES = ["follow_up"]


@dataclass(frozen=True)
class _Refs:
    """Rows a captured lead points at (the same ids in both files: the catalog is seeded)."""

    fair_id: uuid.UUID
    exhibitor_id: uuid.UUID
    model_id: uuid.UUID
    staff_id: uuid.UUID


def _people() -> list[dict[str, Any]]:
    """Fictional capture-screen inputs, the same for subject and baseline."""
    people = []
    for index in range(PEOPLE):
        surname, surname_py, _ = datagen.SURNAMES[index % len(datagen.SURNAMES)]
        given, given_py = datagen.GIVEN_NAMES[(index * 7) % len(datagen.GIVEN_NAMES)]
        number = f"139{index:04d}{(index * 7919) % 10000:04d}"
        company = f"贵阳{datagen.COMPANY_WORDS[index % len(datagen.COMPANY_WORDS)]}物流有限公司"
        email = f"{surname_py}{given_py}{index}@example.cn"
        people.append(
            {
                "person_name": f"{surname}{given}",
                "person_name_key": f"{surname_py}{given_py}",
                "company": company,
                "company_key": company.removesuffix("有限公司"),
                "title": "车队长",
                "mobile": f"{number[:3]} {number[3:7]} {number[7:]}",
                "mobile_e164": f"+86{number}",
                "email": email,
                "email_normalized": email,
                "industry": Industry.LOGISTICS.value,
                "fleet_size": 20 + index,
                "notes": "关注换电站布局",
            }
        )
    return people


def _sql_time(moment: datetime) -> str:
    """A UTC datetime as SQLAlchemy's DateTime stores it on SQLite."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _refs(path: Path) -> _Refs:
    database = open_sqlite(path, backup_on_open=False)
    try:
        with database.sessions() as session:
            makers = select(Exhibitor).where(Exhibitor.kind == ExhibitorKind.MAKER)
            exhibitor = session.scalars(makers.order_by(Exhibitor.code)).first()
            model = session.scalars(select(TruckModel).order_by(TruckModel.code)).first()
            staff = session.scalars(select(StaffAccount).order_by(StaffAccount.id)).first()
            if exhibitor is None or model is None or staff is None:
                raise RuntimeError("the generated catalog is missing rows")
            return _Refs(exhibitor.fair_id, exhibitor.id, model.id, staff.id)
    finally:
        database.close()


def _bare_connection(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the app's pragmas (see store/sqlite_settings.py)."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise RuntimeError(f"could not put {path} in WAL mode ({mode})")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


def _null_columns(path: Path) -> tuple[int, frozenset[str], frozenset[str]]:
    """Lead count and which columns are NULL in the newest lead and interest."""
    with closing(sqlite3.connect(path)) as connection:
        connection.row_factory = sqlite3.Row
        leads = connection.execute("SELECT count(*) FROM lead").fetchone()[0]
        lead = connection.execute("SELECT * FROM lead ORDER BY id DESC LIMIT 1").fetchone()
        interest = connection.execute(
            "SELECT * FROM lead_interest ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if lead is None or interest is None:
            return leads, frozenset(), frozenset()
        return (
            leads,
            frozenset(k for k, v in dict(lead).items() if v is None),
            frozenset(k for k, v in dict(interest).items() if v is None),
        )


@register(
    "store.lead_save",
    [
        Benchmark(
            "durable lead save (lead + 1 interest, per save)",
            subject="ORM: with db.transaction(): add Lead, add LeadInterest (open_sqlite file)",
            baseline="sqlite3: BEGIN; INSERT lead; INSERT lead_interest; COMMIT (same pragmas)",
            goal_ratio=3.0,
        )
    ],
    repeat=40,
    quick_repeat=10,
    warmup=2,
    number=5,
)
@contextmanager
def lead_save(ctx: RunContext) -> Iterator[Pair]:
    with _lead_save_pair(ctx.folder("store-save"), durable=True) as pair:
        yield pair


@register(
    "store.lead_save_nosync",
    [
        Benchmark(
            "lead save without fsync (CPU cost only)",
            subject="the same ORM save, both files at synchronous=OFF",
            baseline="the same bare sqlite3 save at synchronous=OFF",
        )
    ],
    repeat=40,
    quick_repeat=10,
    warmup=2,
    number=5,
)
@contextmanager
def lead_save_nosync(ctx: RunContext) -> Iterator[Pair]:
    """For reading the durable row: the ratio without the disk (fsync cost differs a lot from
    one disk, and one moment, to the next)."""
    with _lead_save_pair(ctx.folder("store-save-nosync"), durable=False) as pair:
        yield pair


def _no_fsync(database: Database) -> None:
    """Run ``PRAGMA synchronous = OFF`` after the store's own pragmas on every new connection."""

    @event.listens_for(database.engine, "connect")
    def _off(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous = OFF")

    database.engine.dispose()  # connections made so far reconnect with the listener


@contextmanager
def _lead_save_pair(folder: Path, *, durable: bool) -> Iterator[Pair]:
    subject_path = folder / "orm.sqlite"
    baseline_path = folder / "bare.sqlite"
    for path in (subject_path, baseline_path):
        datagen.generate_models(path, SAVE_MODELS)
    refs = _refs(subject_path)
    if refs != _refs(baseline_path):
        raise RuntimeError("the two files should hold the same seeded catalog")
    people = _people()
    calls = count()

    database = open_sqlite(subject_path)
    if not durable:
        _no_fsync(database)

    def save_orm() -> None:
        person = people[next(calls) % PEOPLE]
        now = datetime.now(UTC)
        lead_id = new_id()
        with database.transaction() as session:
            session.add(
                Lead(
                    id=lead_id,
                    fair_id=refs.fair_id,
                    exhibitor_id=refs.exhibitor_id,
                    source=LeadSource.BOOTH,
                    rating=Rating.WARM,
                    consent_text=datagen.CONSENT_TEXT,
                    consent_version=datagen.CONSENT_VERSION,
                    consent_at=now,
                    consent_purposes=CONSENT_PURPOSES,
                    staff_id=refs.staff_id,
                    captured_on_device_id=database.device_id,
                    captured_at=now,
                    **person,
                )
            )
            session.add(
                LeadInterest(
                    lead_id=lead_id,
                    model_id=refs.model_id,
                    quantity=2,
                    timeframe=Timeframe.WITHIN_6_MONTHS,
                    financing=Financing.FINANCE_LEASE,
                    energy_preference=EnergyPreference.SWAP,
                )
            )

    connection = _bare_connection(baseline_path)
    if not durable:
        connection.execute("PRAGMA synchronous = OFF")
    device_hex = new_id().hex
    lead_sql = _insert_sql("lead", datagen.LEAD_COLUMNS)
    interest_sql = _insert_sql("lead_interest", datagen.INTEREST_COLUMNS)
    purposes = json.dumps(CONSENT_PURPOSES)
    bare_calls = count()

    def save_bare() -> None:
        person = people[next(bare_calls) % PEOPLE]
        now = datetime.now(UTC)
        stamp = _sql_time(now)
        wall_ms = int(now.timestamp() * 1000)
        lead_hex = new_id().hex
        lead_row = (
            lead_hex, stamp, stamp, f"{wall_ms:015d}.{0:06d}", device_hex, None,
            refs.fair_id.hex, refs.exhibitor_id.hex, person["person_name"],
            person["person_name_key"], person["company"], person["company_key"], "",
            person["title"], person["mobile"], person["mobile_e164"], "", person["email"],
            person["email_normalized"], "", person["industry"], person["fleet_size"],
            LeadSource.BOOTH.value, Rating.WARM.value, FollowUp.NEW.value, person["notes"], "",
            datagen.CONSENT_TEXT, datagen.CONSENT_VERSION, stamp, purposes, refs.staff_id.hex,
            device_hex, stamp, None, None, None,
        )  # fmt: skip
        interest_row = (
            new_id().hex, stamp, stamp, f"{wall_ms:015d}.{1:06d}", device_hex, None,
            lead_hex, refs.model_id.hex, 2, Timeframe.WITHIN_6_MONTHS.value,
            Financing.FINANCE_LEASE.value, EnergyPreference.SWAP.value, "",
        )  # fmt: skip
        connection.execute("BEGIN")
        try:
            connection.execute(lead_sql, lead_row)
            connection.execute(interest_sql, interest_row)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    try:
        yield Pair(subject=save_orm, baseline=save_bare)
    finally:
        database.close()
        connection.close()
    # Both sides must have written the same shape of rows (same columns left NULL).
    orm_leads, orm_lead_nulls, orm_interest_nulls = _null_columns(subject_path)
    bare_leads, bare_lead_nulls, bare_interest_nulls = _null_columns(baseline_path)
    if orm_leads != next(calls) or bare_leads != next(bare_calls):
        raise RuntimeError("a save did not reach the file")
    if (orm_lead_nulls, orm_interest_nulls) != (bare_lead_nulls, bare_interest_nulls):
        raise RuntimeError(
            "subject and baseline wrote different rows: NULL columns "
            f"{sorted(orm_lead_nulls ^ bare_lead_nulls)} / "
            f"{sorted(orm_interest_nulls ^ bare_interest_nulls)}"
        )


def _catalog_file(ctx: RunContext) -> Path:
    """A 10,000-model database, generated once per run (about 10 s)."""

    def make() -> Path:
        path = ctx.folder("catalog-10000") / "catalog.sqlite"
        datagen.generate_models(path, OPEN_MODELS)
        return path

    path: Path = ctx.cached("catalog-10000", make)
    return path


@register(
    "store.open",
    [
        Benchmark(
            "open existing 10,000-model database",
            subject="open_sqlite(): quick_check + revision check + backup + migrations + device",
            baseline="sqlite3.connect() + PRAGMA quick_check",
        )
    ],
    repeat=7,
    quick_repeat=3,
    warmup=1,
)
@contextmanager
def open_existing(ctx: RunContext) -> Iterator[Pair]:
    path = _catalog_file(ctx)

    def open_app() -> None:
        open_sqlite(path).close()

    def open_bare() -> None:
        with closing(sqlite3.connect(path)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                raise RuntimeError(f"quick_check: {rows[:3]}")

    yield Pair(subject=open_app, baseline=open_bare)
