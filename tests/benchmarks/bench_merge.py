"""Merge benchmark: ten booth packages of 100,000 leads each merged into the manager's file.

``merge.packages`` — subject: ``merge_packages`` (services/sync/apply.py) of 10 sync packages
(``.catpkg`` files written by ``export_package`` from files made by ``datagen.generate_leads``,
one seed per booth: 100,000 leads, about 150,000 interests, their fair, staff and devices) into
a fresh, empty database opened with ``open_sqlite``. Everything the manager waits for is in the
time: opening each archive, extracting and hashing the data (sha256), ``quick_check``, row
counts, the per-chunk counts for the summary, the ``INSERT … SELECT … ON CONFLICT DO UPDATE
… WHERE <incoming wins>`` upserts, duplicate links for people captured twice, knowledge and
clock, sync log and audit, one durable commit. Baseline: a bare ``sqlite3`` connection with
the app's pragmas (WAL, synchronous=FULL, foreign keys) and the same page cache, ATTACHing the
same ten data files (already extracted) and ``INSERT INTO main.t SELECT … FROM pkg.t`` for every
merged table in foreign-key order, in one transaction. Goal: at most 2x.

A second row, for information, merges the same ten packages again (nothing changes) against the
same ATTACH with ``INSERT OR IGNORE`` (nothing inserted).

With ``--quick`` the packages hold 10,000 leads each.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
import zipfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from catalog_app.services.sync.apply import MAX_PACKAGES, MERGE_CACHE_KIB, merge_packages
from catalog_app.services.sync.manifest import DATA_NAME
from catalog_app.services.sync.package import export_package
from catalog_app.services.sync.tables import column_names, mergeable_tables
from catalog_app.store.database import open_sqlite
from catalog_app.store.sqlite_settings import BUSY_TIMEOUT_MS
from tests.benchmarks import datagen
from tests.benchmarks.harness import Benchmark, Pair, RunContext, register

PACKAGES = MAX_PACKAGES
LEADS = 100_000
QUICK_LEADS = 10_000
FIRST_SEED = 7001


@dataclass(frozen=True)
class _Packages:
    template: Path  # an empty, migrated database file: each round starts from a copy
    packages: list[Path]  # the .catpkg files
    extracted: list[Path]  # their data.sqlite, for the baseline's ATTACH
    leads: int


def _make_packages(ctx: RunContext) -> _Packages:
    leads = QUICK_LEADS if ctx.quick else LEADS
    folder = ctx.folder(f"merge-{leads}")
    template = folder / "empty" / "catalog.sqlite"
    open_sqlite(template, backup_on_open=False).close()
    packages, extracted = [], []
    for index in range(PACKAGES):
        source = folder / f"booth-{index}" / "catalog.sqlite"
        source.parent.mkdir(parents=True, exist_ok=True)
        datagen.generate_leads(source, leads, seed=FIRST_SEED + index)
        database = open_sqlite(source, backup_on_open=False)
        try:
            result = export_package(database, folder / "usb", actor=None)
        finally:
            database.close()
        shutil.rmtree(source.parent)  # the booth's own file is not needed any more
        packages.append(result.path)
        data = folder / "extracted" / f"booth-{index}.sqlite"
        data.parent.mkdir(exist_ok=True)
        with (
            zipfile.ZipFile(result.path) as archive,
            archive.open(DATA_NAME) as member,
            data.open("wb") as out,
        ):
            shutil.copyfileobj(member, out, 1 << 20)
        extracted.append(data)
    return _Packages(template, packages, extracted, leads)


def _fresh_target(fixture: _Packages, name: str) -> Path:
    folder = fixture.template.parent.parent / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    target = folder / "catalog.sqlite"
    shutil.copyfile(fixture.template, target)
    return target


def _bare_connection(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the app's pragmas (see store/sqlite_settings.py)."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA cache_size = -{MERGE_CACHE_KIB}")
    return connection


def _bare_insert(connection: sqlite3.Connection, files: list[Path], verb: str) -> float:
    started = time.perf_counter()
    connection.execute("BEGIN IMMEDIATE")
    for index, path in enumerate(files):
        connection.execute(f"ATTACH DATABASE ? AS p{index}", (str(path),))
        for table in mergeable_tables():
            columns = ", ".join(column_names(table))
            connection.execute(
                f"{verb} INTO main.{table.name} ({columns}) "
                f"SELECT {columns} FROM p{index}.{table.name}"
            )
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    for index in range(len(files)):
        connection.execute(f"DETACH DATABASE p{index}")
    return elapsed


@register(
    "merge.packages",
    [
        Benchmark(
            "merge 10 packages of 100,000 leads into a new file",
            subject="merge_packages: open, check, count, upsert with the rule, link duplicates",
            baseline="bare sqlite3: ATTACH the 10 data files + INSERT … SELECT per table",
            goal_ratio=2.0,
            metric="merge",
        ),
        Benchmark(
            "merge the same 10 packages again (nothing changes)",
            subject="merge_packages again: every row already there",
            baseline="bare sqlite3: ATTACH + INSERT OR IGNORE per table",
            metric="again",
        ),
    ],
    repeat=3,
    quick_repeat=2,
    warmup=0,
    number=1,
)
@contextmanager
def merge_packages_suite(ctx: RunContext) -> Iterator[Pair]:
    fixture: _Packages = ctx.cached("merge-packages", lambda: _make_packages(ctx))

    def subject() -> dict[str, float]:
        target = _fresh_target(fixture, "subject")
        database = open_sqlite(target, backup_on_open=False)
        try:
            started = time.perf_counter()
            first = merge_packages(database, fixture.packages, actor=None)
            merged = time.perf_counter()
            again = merge_packages(database, fixture.packages, actor=None)
            done = time.perf_counter()
        finally:
            database.close()
        if first.total.new < PACKAGES * fixture.leads or again.changed_anything:
            raise RuntimeError("the merge did not bring every lead, or the second one changed")
        return {"merge": merged - started, "again": done - merged}

    def baseline() -> dict[str, float]:
        target = _fresh_target(fixture, "baseline")
        with closing(_bare_connection(target)) as connection:
            first = _bare_insert(connection, fixture.extracted, "INSERT")
            again = _bare_insert(connection, fixture.extracted, "INSERT OR IGNORE")
            leads = connection.execute("SELECT count(*) FROM lead").fetchone()[0]
        if leads != PACKAGES * fixture.leads:
            raise RuntimeError(f"the baseline holds {leads} leads")
        return {"merge": first, "again": again}

    yield Pair(subject=subject, baseline=baseline)
