"""Catalog search benchmarks at 10,000 models: per keystroke, per filter tap, text matching.

The file is the generated 10,000-model catalog (``datagen.generate_models``) with
``truck_model.search_key`` filled as the importer fills it, and the search table built once
(untimed; its build time is printed as a note).

``search.keystroke``: people typing into the search box — pinyin letter by letter
("y" … "yunfeng"), initials ("yfzk"), characters from an input method ("云峰", "云峰 牵引车"),
an announcement number digit by digit, a figure ("282 kwh"), then clearing. Subject: what the
screen runs per keystroke, ``CatalogService.search(query)``: facet counts, total and the first
page of 60 model summaries (with photos' paths). Baseline: a plain SQLite LIKE of the folded
text over ``truck_model.search_key`` returning the matching ids — the least any search over
the same keys does. Rows: the mean per keystroke and the 95th percentile of a typing session.

``search.filter_tap``: a buyer at the kiosk ticking facets and moving range sliders, no text.
Subject: ``CatalogService.search`` as above; baseline: the same filters as one bare SQL
SELECT of the matching ids.

``search.text_match``: for information, the text matching alone: the service's match over its
derived keys (count of matches) against an FTS5 trigram index of the same keys (MATCH for words
of 3+ characters, its LIKE scan below that) — what FTS5 would save if the search used it.
"""

from __future__ import annotations

import math
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

from sqlalchemy import func, select

from catalog_app.domain.search_keys import fold, search_key
from catalog_app.services.catalog import CatalogQuery, CatalogService, CatalogSort, NumberRange
from catalog_app.services.catalog_search import text_condition
from catalog_app.services.catalog_search_index import SEARCH_TABLE
from catalog_app.store.database import open_sqlite
from tests.benchmarks import datagen
from tests.benchmarks.harness import Benchmark, Pair, RunContext, register

MODELS = 10_000
TYPING: tuple[str, ...] = (
    *("y", "yu", "yun", "yunf", "yunfe", "yunfen", "yunfeng"),
    *("y", "yf", "yfz", "yfzk"),
    *("云峰", "云峰 牵引", "云峰 牵引车"),
    *("0", "00", "002", "002z", "002z5", "002z51", "002z518", "002z5180"),
    *("2", "28", "282", "282 ", "282 k", "282 kw", "282 kwh"),
    "",
)
SWAP, CHARGE = frozenset({"bev_swap"}), frozenset({"bev_charge"})
TAPS: tuple[CatalogQuery, ...] = (
    CatalogQuery(),
    CatalogQuery(body_types=frozenset({"tractor"})),
    CatalogQuery(body_types=frozenset({"tractor"}), powertrains=SWAP),
    CatalogQuery(body_types=frozenset({"tractor", "dump"}), powertrains=SWAP),
    CatalogQuery(body_types=frozenset({"tractor", "dump"}), powertrains=SWAP | CHARGE),
    CatalogQuery(body_types=frozenset({"tractor", "dump"}), powertrains=SWAP | CHARGE).with_range(
        "battery_kwh", NumberRange(250, None)
    ),
    CatalogQuery(body_types=frozenset({"tractor", "dump"}), powertrains=SWAP | CHARGE)
    .with_range("battery_kwh", NumberRange(250, 450))
    .with_range("price_cny", NumberRange(None, 800_000)),
    CatalogQuery(drive_forms=frozenset({"6x4"}), sort=CatalogSort.PRICE_LOW),
    CatalogQuery(sort=CatalogSort.RANGE),
)


def p95(samples: Sequence[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def session(steps: Sequence[object], run: Callable[[object], object]) -> dict[str, float]:
    """Run every step, timing each; the mean and the 95th percentile per step."""
    times = []
    for step in steps:
        started = time.perf_counter()
        run(step)
        times.append(time.perf_counter() - started)
    return {"step": sum(times) / len(times), "p95": p95(times)}


def fill_search_keys(path: Path) -> None:
    """``truck_model.search_key`` as the importer and migration 0004 fill it."""
    with closing(sqlite3.connect(path)) as connection:
        rows = connection.execute(
            "SELECT m.id, m.code, m.name_zh, m.name_en, m.maker_zh, m.maker_en, "
            "m.announcement_no, e.name_zh, e.name_en "
            "FROM truck_model m JOIN exhibitor e ON e.id = m.exhibitor_id"
        ).fetchall()
        keys = [(search_key(*(str(v or "") for v in row[1:])), row[0]) for row in rows]
        connection.executemany("UPDATE truck_model SET search_key = ? WHERE id = ?", keys)
        connection.commit()


def _catalog(ctx: RunContext) -> Path:
    """The 10,000-model file of this suite, keys filled and the search table built."""

    def make() -> Path:
        source = ctx.folder("search-source") / "catalog.sqlite"
        datagen.generate_models(source, MODELS)
        fill_search_keys(source)
        path = ctx.folder("search") / "catalog.sqlite"
        shutil.copyfile(source, path)
        database = open_sqlite(path, backup_on_open=False)
        try:
            started = time.perf_counter()
            CatalogService(database).overview()
            print(
                f"  search table built for {MODELS:,} models in "
                f"{time.perf_counter() - started:.1f} s (once, after an import)",
                flush=True,
            )
        finally:
            database.close()
        return path

    path: Path = ctx.cached("search-catalog-10000", make)
    return path


def _bare(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, check_same_thread=False)
    connection.execute("PRAGMA journal_mode = WAL")
    return connection


@register(
    "search.keystroke",
    [
        Benchmark(
            "search per keystroke, 10,000 models (mean)",
            subject="CatalogService.search(): facet counts + total + first 60 summaries",
            baseline="sqlite3: ids WHERE truck_model.search_key LIKE '%folded text%'",
            goal_ratio=3.0,
            metric="step",
        ),
        Benchmark(
            "search per keystroke, 10,000 models (p95 of a typing session)",
            subject="the same, 95th percentile over the session's keystrokes",
            baseline="the same bare LIKE, its 95th percentile",
            goal_seconds=0.016,
            metric="p95",
        ),
    ],
    repeat=7,
    quick_repeat=2,
)
@contextmanager
def keystroke(ctx: RunContext) -> Iterator[Pair]:
    path = _catalog(ctx)
    database = open_sqlite(path, backup_on_open=False)
    catalog = CatalogService(database)
    bare = _bare(path)
    like = "SELECT id FROM truck_model WHERE deleted_at IS NULL AND search_key LIKE ?"
    try:
        yield Pair(
            subject=lambda: session(TYPING, lambda t: catalog.search(CatalogQuery(text=str(t)))),
            baseline=lambda: session(
                TYPING,
                lambda t: bare.execute(like, (f"%{fold(str(t))}%",)).fetchall(),
            ),
        )
    finally:
        bare.close()
        database.close()


def _bare_filter(query: CatalogQuery) -> tuple[str, list[object]]:
    sql = ["SELECT id FROM truck_model WHERE deleted_at IS NULL"]
    args: list[object] = []
    for column, values in (
        ("body_type", query.body_types),
        ("powertrain", query.powertrains),
        ("drive_form", query.drive_forms),
    ):
        if values:
            sql.append(f"AND {column} IN ({', '.join('?' for _ in values)})")
            args += sorted(values)
    for key, bounds in query.ranges.items():
        if bounds.low is not None:
            sql.append(f"AND {key} >= ?")
            args.append(bounds.low)
        if bounds.high is not None:
            sql.append(f"AND {key} <= ?")
            args.append(bounds.high)
    return " ".join(sql), args


@register(
    "search.filter_tap",
    [
        Benchmark(
            "filter tap (facets, ranges, sort), 10,000 models (mean)",
            subject="CatalogService.search() with ticks and ranges, no text",
            baseline="sqlite3: ids WHERE the same columns IN (...) / BETWEEN",
            goal_ratio=3.0,
            metric="step",
        ),
        Benchmark(
            "filter tap, 10,000 models (p95)",
            subject="the same, 95th percentile over the taps",
            baseline="the same bare SELECT, its 95th percentile",
            goal_seconds=0.016,
            metric="p95",
        ),
    ],
    repeat=7,
    quick_repeat=2,
)
@contextmanager
def filter_tap(ctx: RunContext) -> Iterator[Pair]:
    path = _catalog(ctx)
    database = open_sqlite(path, backup_on_open=False)
    catalog = CatalogService(database)
    bare = _bare(path)
    statements = [_bare_filter(q) for q in TAPS]
    try:
        yield Pair(
            subject=lambda: session(TAPS, lambda q: catalog.search(q)),  # type: ignore[arg-type]
            baseline=lambda: session(
                statements,
                lambda s: bare.execute(*s).fetchall(),  # type: ignore[misc]
            ),
        )
    finally:
        bare.close()
        database.close()


@register(
    "search.text_match",
    [
        Benchmark(
            "text matching alone: derived keys LIKE vs FTS5 trigram",
            subject="count of models whose keys match (the service's own condition)",
            baseline="FTS5 trigram table of the same keys: MATCH (3+ chars) or LIKE",
            metric="step",
        )
    ],
    repeat=7,
    quick_repeat=2,
)
@contextmanager
def text_match(ctx: RunContext) -> Iterator[Pair]:
    path = _catalog(ctx)
    database = open_sqlite(path, backup_on_open=False)
    CatalogService(database).overview()  # the derived table is current
    fts = ctx.folder("search") / "fts.sqlite"
    with closing(sqlite3.connect(fts)) as connection:
        connection.execute("DROP TABLE IF EXISTS keys")
        connection.execute(
            "CREATE VIRTUAL TABLE keys USING fts5(han_key, latin_key, pinyin_key, "
            "tokenize='trigram')"
        )
        connection.execute(f"ATTACH DATABASE '{path}' AS catalog")
        connection.execute(
            "INSERT INTO keys SELECT han_key, latin_key, pinyin_key "
            f"FROM catalog.{SEARCH_TABLE.name}"
        )
        connection.commit()
    bare = sqlite3.connect(fts, check_same_thread=False)

    def ours(text: object) -> int:
        condition = text_condition(SEARCH_TABLE, str(text))
        statement = select(func.count()).select_from(SEARCH_TABLE)
        if condition is not None:
            statement = statement.where(condition)
        with database.engine.connect() as connection:
            return int(connection.scalar(statement) or 0)

    def trigram(text: object) -> int:
        words = fold(str(text)).split()
        if not words:
            return int(bare.execute("SELECT count(*) FROM keys").fetchone()[0])
        long_words = [w for w in words if len(w) >= 3]
        short = [w for w in words if len(w) < 3]
        sql, args = "SELECT count(*) FROM keys WHERE 1", []
        if long_words:
            sql += " AND keys MATCH ?"
            args.append(" AND ".join('"' + w.replace('"', '""') + '"' for w in long_words))
        for word in short:
            sql += " AND (han_key LIKE ? OR latin_key LIKE ? OR pinyin_key LIKE ?)"
            args += [f"%{word}%", f"%{word}%", f"%|{word}%"]
        return int(bare.execute(sql, args).fetchone()[0])

    try:
        yield Pair(
            subject=lambda: session(TYPING, ours),
            baseline=lambda: session(TYPING, trigram),
        )
    finally:
        bare.close()
        database.close()
