"""Where catalog searches read from: a narrow, derived copy of ``truck_model`` on SQLite.

Searching 10,000 models means scanning every folded search key and counting facets on every
keystroke. ``truck_model`` rows are wide (descriptions, notes, stamps), so on SQLite the search
reads a derived table instead, ``catalog_search_v1``: one row per model with only what the
search needs (the search text, facet values, range values, the catalog order). Measured at
10,000 models, a LIKE scan over it takes about 40 % of the time of the same scan over
``truck_model`` (see tests/benchmarks/bench_search.py).

The derived table is not part of the ORM metadata and has no migration: it holds nothing that
is not in ``truck_model`` and can be dropped at any time. Triggers on ``truck_model`` keep it
current whoever writes (the importer, a merge, the CLI, another process). ``ensure`` (run once
per service) checks that the table and its triggers exist and hold one row per model, and
rebuilds them otherwise — e.g. after a migration rebuilt ``truck_model`` (which drops its
triggers). The triggers use plain SQL only, so any SQLite client can still write the file.

On PostgreSQL, or when the SQLite file cannot be written, the search reads ``truck_model``
itself through ``model_source()``, a subquery with the same column names.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    case,
    func,
    literal,
    select,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql import FromClause

from catalog_app.domain.models import Exhibitor, TruckModel
from catalog_app.store.database import Database
from catalog_app.store.sqlite_settings import SQLITE_BEGIN

log = logging.getLogger(__name__)

TABLE_NAME = "catalog_search_v1"
TRIGGERS = tuple(f"{TABLE_NAME}_{suffix}" for suffix in ("insert", "update", "delete"))

# Outside Base.metadata on purpose: derived data, never migrated, merged or exported.
_metadata = MetaData()
SEARCH_TABLE = Table(
    TABLE_NAME,
    _metadata,
    Column("model_id", Uuid, primary_key=True),
    Column("exhibitor_id", Uuid, nullable=False),
    Column("live", Boolean, nullable=False),
    Column("search_text", Text, nullable=False),
    Column("body_type", String(32)),
    Column("powertrain", String(32)),
    Column("drive_form", String(16)),
    Column("battery_kwh", Float),
    Column("range_km", Float),
    Column("payload_kg", Float),
    Column("gcw_t", Float),
    Column("price_cny", Float),
    Column("sort_order", Integer),
    Column("name_zh", String(200)),
)

_COLUMNS = (
    "model_id, exhibitor_id, live, search_text, body_type, powertrain, drive_form, battery_kwh, "
    "range_km, payload_kg, gcw_t, price_cny, sort_order, name_zh"
)

# The values of one model row ``{r}`` (NEW in a trigger, m in the rebuild). A model without a
# search key (rows written by tools that do not fill it) is still found by its plain texts.
_VALUES = """
    {r}.id, {r}.exhibitor_id, {r}.deleted_at IS NULL,
    CASE WHEN {r}.search_key <> '' THEN {r}.search_key ELSE lower(
        {r}.code || ' ' || {r}.name_zh || ' ' || {r}.name_en || ' ' || {r}.maker_zh || ' ' ||
        {r}.maker_en || ' ' || {r}.announcement_no || ' ' || coalesce((
            SELECT e.name_zh || ' ' || e.name_en FROM exhibitor AS e
            WHERE e.id = {r}.exhibitor_id), '')) END,
    {r}.body_type, {r}.powertrain, {r}.drive_form, {r}.battery_kwh, {r}.range_km,
    {r}.payload_kg, {r}.gcw_t, {r}.price_cny, {r}.sort_order, {r}.name_zh"""

_CREATE = (
    f"""CREATE TABLE {TABLE_NAME} (
        model_id CHAR(32) NOT NULL PRIMARY KEY,
        exhibitor_id CHAR(32) NOT NULL,
        live INTEGER NOT NULL,
        search_text TEXT NOT NULL,
        body_type VARCHAR(32),
        powertrain VARCHAR(32),
        drive_form VARCHAR(16),
        battery_kwh FLOAT,
        range_km FLOAT,
        payload_kg FLOAT,
        gcw_t FLOAT,
        price_cny FLOAT,
        sort_order INTEGER,
        name_zh VARCHAR(200)
    ) WITHOUT ROWID""",
    f"""CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON truck_model BEGIN
        INSERT OR REPLACE INTO {TABLE_NAME} ({_COLUMNS}) SELECT {_VALUES.format(r="NEW")};
    END""",
    f"""CREATE TRIGGER {TRIGGERS[1]} AFTER UPDATE ON truck_model BEGIN
        DELETE FROM {TABLE_NAME} WHERE model_id = OLD.id;
        INSERT OR REPLACE INTO {TABLE_NAME} ({_COLUMNS}) SELECT {_VALUES.format(r="NEW")};
    END""",
    f"""CREATE TRIGGER {TRIGGERS[2]} AFTER DELETE ON truck_model BEGIN
        DELETE FROM {TABLE_NAME} WHERE model_id = OLD.id;
    END""",
    f"INSERT INTO {TABLE_NAME} ({_COLUMNS}) SELECT {_VALUES.format(r='m')} FROM truck_model AS m",
)


def model_source() -> FromClause:
    """``truck_model`` read directly, with the derived table's column names (any database)."""
    fallback = func.lower(
        TruckModel.code
        + " "
        + TruckModel.name_zh
        + " "
        + TruckModel.name_en
        + " "
        + TruckModel.maker_zh
        + " "
        + TruckModel.maker_en
        + " "
        + TruckModel.announcement_no
        + " "
        + func.coalesce(
            select(Exhibitor.name_zh + " " + Exhibitor.name_en)
            .where(Exhibitor.id == TruckModel.exhibitor_id)
            .scalar_subquery(),
            literal(""),
        )
    )
    return select(
        TruckModel.id.label("model_id"),
        TruckModel.exhibitor_id.label("exhibitor_id"),
        TruckModel.deleted_at.is_(None).label("live"),
        case((TruckModel.search_key != "", TruckModel.search_key), else_=fallback).label(
            "search_text"
        ),
        TruckModel.body_type.label("body_type"),
        TruckModel.powertrain.label("powertrain"),
        TruckModel.drive_form.label("drive_form"),
        TruckModel.battery_kwh.label("battery_kwh"),
        TruckModel.range_km.label("range_km"),
        TruckModel.payload_kg.label("payload_kg"),
        TruckModel.gcw_t.label("gcw_t"),
        TruckModel.price_cny.label("price_cny"),
        TruckModel.sort_order.label("sort_order"),
        TruckModel.name_zh.label("name_zh"),
    ).subquery("catalog_search_source")


class SearchSource:
    """Decides, once, what a database's searches read: the derived table or ``truck_model``."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._lock = threading.Lock()
        self._source: FromClause | None = None

    def get(self) -> FromClause:
        with self._lock:
            if self._source is None:
                self._source = self._decide()
            return self._source

    def _decide(self) -> FromClause:
        if not self._db.is_sqlite:
            return model_source()
        try:
            if not self._is_current():
                self._rebuild()
            return SEARCH_TABLE
        except SQLAlchemyError as exc:  # read-only or locked file: search the wide table
            log.warning("catalog search index not available, reading truck_model: %s", exc)
            return model_source()

    def _is_current(self) -> bool:
        with self._db.engine.connect() as connection:
            names = {
                str(row[0])
                for row in connection.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE name LIKE ? ESCAPE '\\'",
                    (TABLE_NAME.replace("_", "\\_") + "%",),
                )
            }
            if names != {TABLE_NAME, *TRIGGERS}:
                return False
            derived, models = connection.exec_driver_sql(
                f"SELECT (SELECT count(*) FROM {TABLE_NAME}), (SELECT count(*) FROM truck_model)"
            ).one()
            return bool(derived == models)

    def _rebuild(self) -> None:
        """Drop and recreate the table and its triggers, filled from ``truck_model`` (atomic)."""
        options = {SQLITE_BEGIN: "IMMEDIATE"}
        with (
            self._db.engine.connect().execution_options(**options) as connection,
            connection.begin(),
        ):
                for trigger in TRIGGERS:
                    connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
                connection.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE_NAME}")
                for statement in _CREATE:
                    connection.exec_driver_sql(statement)
        log.info("catalog search index rebuilt")


def drop_search_index(database: Database) -> None:
    """Remove the derived table and its triggers (tests; a file handed to an older tool)."""
    with database.engine.begin() as connection:
        for trigger in TRIGGERS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE_NAME}")
