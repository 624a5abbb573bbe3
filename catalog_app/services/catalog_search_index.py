"""Where catalog searches read from: a narrow table derived from ``truck_model``.

Searching 10,000 models means scanning every key and counting facets on every keystroke.
``truck_model`` rows are wide (descriptions, notes, stamps) and its ``search_key`` has no
syllable boundaries (see ``catalog_search_text.py``), so the search reads ``catalog_search_v4``
instead: one row per model on show (neither it nor its exhibitor deleted) with its keys,
facet values, range values, catalog order, and the clock stamps of the model and exhibitor
rows it was made from.

The table is derived data, outside the ORM metadata and without a migration: it holds nothing
that is not in the catalog tables, is never merged or exported, and can be dropped at any time
(the next search rebuilds it). It is brought up to date by ``SearchIndex.refresh``: rows whose
model or exhibitor stamp changed (every write stamps ``hlc``), new models and vanished ones are
recomputed in Python. ``get`` runs that check on first use and then at most every
``RECHECK_SECONDS`` (or at once after ``invalidate``), so a catalog changed by an import or a
merge — in this process or another — is searched as it is.

When the table cannot be written (a read-only file, a server account without CREATE), the
search reads ``truck_model`` itself through ``model_source()`` and its ``search_key``.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    delete,
    func,
    insert,
    inspect,
    literal,
    select,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql import FromClause

from catalog_app.domain.models import Exhibitor, SpecValue, TruckModel
from catalog_app.domain.spec_fields import FIELDS_BY_KEY, FieldKind
from catalog_app.services.catalog_search_text import build_keys
from catalog_app.store.database import Database
from catalog_app.store.sqlite_settings import SQLITE_BEGIN

log = logging.getLogger(__name__)

RECHECK_SECONDS = 5.0
KEYS_VERSION = 1  # raise when build_keys or model_texts change: every row is then recomputed
BATCH = 500
FACET_COLUMNS = ("body_type", "powertrain", "drive_form")
FIGURE_COLUMNS = ("battery_kwh", "range_km", "payload_kg", "gcw_t", "price_cny")

TABLE_PREFIX = "catalog_search_v"
# Outside Base.metadata on purpose: derived data, never migrated, merged or exported.
_metadata = MetaData()
SEARCH_TABLE = Table(
    f"{TABLE_PREFIX}4",
    _metadata,
    Column("model_id", Uuid, primary_key=True),
    Column("exhibitor_id", Uuid, nullable=False),
    Column("han_key", Text, nullable=False),
    Column("latin_key", Text, nullable=False),
    Column("pinyin_key", Text, nullable=False),
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
    Column("source_stamp", String(64), nullable=False),
    # Without search text, the facet counts, exhibitor counts and the first page read these
    # indexes alone.
    Index("ix_catalog_search_v4_facets", "body_type", "powertrain", "drive_form", "exhibitor_id"),
    Index(
        "ix_catalog_search_v4_exhibitor", "exhibitor_id", "body_type", "powertrain", "drive_form"
    ),
    Index("ix_catalog_search_v4_order", "sort_order", "name_zh", "model_id"),
)
# Spec values kept in spec_value rows whose words are searched: text as written, choices by
# their labels in both languages ("磷酸铁锂", "LFP").
TEXT_SPECS = tuple(
    k for k, f in FIELDS_BY_KEY.items() if f.kind is not FieldKind.NUMBER and not f.column
)
CHOICE_COLUMNS = ("body_type", "powertrain", "drive_form", "recommended_catalog")


def model_source() -> FromClause:
    """``truck_model`` read directly, with the derived table's column names (any database)."""
    return (
        select(
            TruckModel.id.label("model_id"),
            TruckModel.exhibitor_id.label("exhibitor_id"),
            TruckModel.search_key.label("han_key"),  # the importer's key holds both
            TruckModel.search_key.label("latin_key"),
            literal("").label("pinyin_key"),
            *(getattr(TruckModel, c).label(c) for c in FACET_COLUMNS + FIGURE_COLUMNS),
            TruckModel.sort_order.label("sort_order"),
            TruckModel.name_zh.label("name_zh"),
        )
        .join(Exhibitor, Exhibitor.id == TruckModel.exhibitor_id)
        .where(TruckModel.deleted_at.is_(None), Exhibitor.deleted_at.is_(None))
        .subquery("catalog_search_source")
    )


def _stamp_expression() -> Any:
    """What a row was made from: the key recipe's version and both rows' clock stamps."""
    return literal(f"{KEYS_VERSION}:") + TruckModel.hlc + "/" + Exhibitor.hlc


def model_texts(row: Any, specs: Sequence[str]) -> list[str]:
    """Every text a model is found by: names, codes, maker, exhibitor, text specs, labels."""
    texts = [
        row.code,
        row.name_zh,
        row.name_en,
        row.maker_zh,
        row.maker_en,
        row.announcement_no,
        row.exhibitor_zh,
        row.exhibitor_en,
        *specs,
    ]
    for column in CHOICE_COLUMNS:
        value = getattr(row, column) or ""
        if value and column != "recommended_catalog":
            field = FIELDS_BY_KEY[column]
            texts += [field.choice_label(value, "zh_CN"), field.choice_label(value, "en")]
    return [t for t in texts if t]


class SearchIndex:
    """Keeps one database's search table current and says what searches read."""

    def __init__(self, database: Database, recheck_seconds: float = RECHECK_SECONDS) -> None:
        self._db = database
        self._lock = threading.Lock()
        self._source: FromClause | None = None
        self._checked_at = float("-inf")
        self._recheck = recheck_seconds
        self.refreshed_rows = 0  # rows recomputed by the last refresh (tests, benchmarks)

    def get(self) -> FromClause:
        """What to search; the derived table, refreshed if it is due for a check."""
        with self._lock:
            due = time.monotonic() - self._checked_at >= self._recheck
            if self._source is None or (self._source is SEARCH_TABLE and due):
                self._source = self._refresh_or_fallback()
            return self._source

    def pending(self) -> int:
        """How many rows the next refresh would recompute (all models when there is no table).

        Reads only; a screen uses it to run a big refresh (after importing thousands of
        models) off the GUI thread through ``get``.
        """
        engine = self._db.engine
        try:
            with engine.connect() as connection:
                if not engine.dialect.has_table(connection, SEARCH_TABLE.name):
                    return int(
                        connection.scalar(select(func.count()).select_from(TruckModel)) or 0
                    )
                stale, gone = self._changes(connection)
                return len(stale) + len(gone)
        except SQLAlchemyError:
            return 0  # the search will read truck_model directly

    def invalidate(self) -> None:
        """Check for changed models at the next search (call after an import or a merge)."""
        with self._lock:
            self._checked_at = float("-inf")
            if self._source is not SEARCH_TABLE:
                self._source = None

    def _refresh_or_fallback(self) -> FromClause:
        try:
            self.refreshed_rows = self.refresh()
            self._checked_at = time.monotonic()
            return SEARCH_TABLE
        except SQLAlchemyError as exc:
            log.warning("catalog search table not available, reading truck_model: %s", exc)
            return model_source()

    def refresh(self) -> int:
        """Bring the table up to date; return how many rows were recomputed or dropped.

        The check reads only; a write transaction is taken just when something changed (and
        the check is repeated inside it, in case another process refreshed meanwhile).
        """
        engine = self._db.engine
        with engine.connect() as connection:
            if engine.dialect.has_table(connection, SEARCH_TABLE.name):
                stale, gone = self._changes(connection)
                if not stale and not gone:
                    return 0
        options = {SQLITE_BEGIN: "IMMEDIATE"} if self._db.is_sqlite else {}
        with engine.connect().execution_options(**options) as connection, connection.begin():
            for name in inspect(connection).get_table_names():
                if is_derived_table(name) and name != SEARCH_TABLE.name:  # an older version
                    Table(name, MetaData()).drop(connection)
            SEARCH_TABLE.create(connection, checkfirst=True)
            stale, gone = self._changes(connection)
            for chunk in _chunks(gone):
                connection.execute(delete(SEARCH_TABLE).where(SEARCH_TABLE.c.model_id.in_(chunk)))
            for chunk in _chunks(stale):
                rows = self._rows(connection, chunk)
                connection.execute(delete(SEARCH_TABLE).where(SEARCH_TABLE.c.model_id.in_(chunk)))
                if rows:
                    connection.execute(insert(SEARCH_TABLE), rows)
        if len(stale) + len(gone) > BATCH:
            log.info("catalog search table: %d rows recomputed", len(stale) + len(gone))
        return len(stale) + len(gone)

    def _changes(self, connection: Connection) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
        """Models on show whose row is missing or outdated; rows of models no longer on show."""
        derived = SEARCH_TABLE.c
        stale = connection.scalars(
            select(TruckModel.id)
            .join(Exhibitor, Exhibitor.id == TruckModel.exhibitor_id)
            .outerjoin(SEARCH_TABLE, derived.model_id == TruckModel.id)
            .where(
                TruckModel.deleted_at.is_(None),
                Exhibitor.deleted_at.is_(None),
                derived.model_id.is_(None) | (derived.source_stamp != _stamp_expression()),
            )
        ).all()
        gone = connection.scalars(
            select(derived.model_id)
            .outerjoin(TruckModel, TruckModel.id == derived.model_id)
            .outerjoin(Exhibitor, Exhibitor.id == TruckModel.exhibitor_id)
            .where(
                TruckModel.id.is_(None)
                | TruckModel.deleted_at.is_not(None)
                | Exhibitor.deleted_at.is_not(None)
            )
        ).all()
        return list(stale), list(gone)

    def _rows(self, connection: Connection, model_ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
        models = connection.execute(
            select(
                *TruckModel.__table__.columns,
                Exhibitor.name_zh.label("exhibitor_zh"),
                Exhibitor.name_en.label("exhibitor_en"),
                _stamp_expression().label("stamp"),
            )
            .join(Exhibitor, Exhibitor.id == TruckModel.exhibitor_id)
            .where(TruckModel.id.in_(model_ids))
        ).all()
        specs: dict[uuid.UUID, list[str]] = {}
        for model_id, key, text in connection.execute(
            select(SpecValue.model_id, SpecValue.field_key, SpecValue.text_value).where(
                SpecValue.model_id.in_(model_ids),
                SpecValue.field_key.in_(TEXT_SPECS),
                SpecValue.deleted_at.is_(None),
                SpecValue.text_value.is_not(None),
            )
        ):
            field = FIELDS_BY_KEY[key]
            if field.kind is FieldKind.CHOICE:
                for lang in ("zh_CN", "en"):
                    specs.setdefault(model_id, []).append(field.choice_label(str(text), lang))
            else:
                specs.setdefault(model_id, []).append(str(text))
        rows = []
        for row in models:
            keys = build_keys(model_texts(row, specs.get(row.id, [])))
            values = {c: getattr(row, c) for c in FACET_COLUMNS + FIGURE_COLUMNS}
            rows.append(
                {
                    "model_id": row.id,
                    "exhibitor_id": row.exhibitor_id,
                    **keys._asdict(),
                    "sort_order": row.sort_order,
                    "name_zh": row.name_zh,
                    "source_stamp": row.stamp,
                    **values,
                }
            )
        return rows


def _chunks(ids: Sequence[uuid.UUID], size: int = BATCH) -> Iterable[Sequence[uuid.UUID]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def is_derived_table(name: str) -> bool:
    """True for the search table (any version): derived data, outside the ORM metadata. Schema
    comparisons of models and migrations leave these out."""
    return name.startswith(TABLE_PREFIX)


def drop_search_table(database: Database) -> None:
    """Remove the derived table (tests; a file handed to an older tool). Rebuilt on next use."""
    with database.engine.begin() as connection:
        SEARCH_TABLE.drop(connection, checkfirst=True)


def count_rows(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(SEARCH_TABLE)) or 0)
