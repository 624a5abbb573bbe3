"""Read the leads of an export from the database in batches, in constant memory.

One read transaction (a consistent snapshot: REPEATABLE READ on PostgreSQL, a deferred BEGIN on
SQLite) streams the leads chosen by a ``LeadFilter`` in capture order, ``batch_size`` rows at a
time (``yield_per``: a server-side cursor on PostgreSQL, SQLite's stepping cursor on a file);
for each batch one more query fetches their interests. Nothing holds more than a batch, plus
small lookup tables of models, staff and devices (bounded by the catalog, not by the leads).

Rows are read as stored (``type_coerce`` to plain types: no per-value ORM conversion, which
would cost more than the whole file write), then turned into ``ExportLead`` tuples: ids as text,
times as ``Moment`` at the export's offset, vocabularies as their stored keys (each writer
labels them in its own way).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Any, NamedTuple

from sqlalchemy import Connection, String, func, select, type_coerce

from catalog_app.domain.models import Device, Lead, LeadInterest, StaffAccount, TruckModel
from catalog_app.services.exports.moments import Moment, MomentMaker
from catalog_app.services.lead_query import LeadFilter, apply_filter
from catalog_app.store.database import Database

DEFAULT_BATCH = 2000


class ExportInterest(NamedTuple):
    model_code: str
    model_name_zh: str
    model_name_en: str
    quantity: int
    timeframe: str
    financing: str
    energy_preference: str
    notes: str

    def model_name(self, lang: str) -> str:
        if lang.startswith("zh") or not self.model_name_en:
            return self.model_name_zh or self.model_code
        return self.model_name_en


class ExportLead(NamedTuple):
    """One lead as every export format needs it (vocabulary values as stored keys)."""

    id: str
    captured: Moment | None
    person_name: str
    company: str
    credit_code: str
    title: str
    mobile: str
    mobile_e164: str
    landline: str
    email: str
    wechat_id: str
    industry: str
    fleet_size: int | None
    rating: str
    follow_up: str
    source: str
    staff: str
    device: str
    notes: str
    consent_at: Moment | None
    consent_version: str
    consent_purposes: tuple[str, ...]
    consent_text: str
    exported_at: Moment | None
    interests: tuple[ExportInterest, ...]

    @property
    def units(self) -> int:
        return sum(i.quantity for i in self.interests)


def _raw(column: Any) -> Any:
    """A column read as stored (no ORM type processing)."""
    return type_coerce(column, String())


LEAD_COLUMNS = (
    Lead.id,
    Lead.captured_at,
    Lead.person_name,
    Lead.company,
    Lead.credit_code,
    Lead.title,
    Lead.mobile,
    Lead.mobile_e164,
    Lead.landline,
    Lead.email,
    Lead.wechat_id,
    Lead.industry,
    Lead.fleet_size,
    Lead.rating,
    Lead.follow_up,
    Lead.source,
    Lead.staff_id,
    Lead.captured_on_device_id,
    Lead.notes,
    Lead.consent_at,
    Lead.consent_version,
    Lead.consent_purposes,
    Lead.consent_text,
    Lead.exported_at,
)
_PLAIN = {"fleet_size"}  # read with its own type (an integer)
INTEREST_COLUMNS = (
    "lead_id",
    "model_id",
    "quantity",
    "timeframe",
    "financing",
    "energy_preference",
    "notes",
)
# Run on the DBAPI cursor (see ``raw_batches``); every name comes from the model.
_INTEREST_SQL = (
    f"SELECT {', '.join(INTEREST_COLUMNS)} FROM {LeadInterest.__tablename__} "
    "WHERE deleted_at IS NULL AND lead_id IN ({marks}) ORDER BY lead_id, created_at, id"
)


class RawBatch(NamedTuple):
    rows: Sequence[Any]
    interests: dict[Any, list[Any]]


def _lead_query(flt: LeadFilter):  # type: ignore[no-untyped-def]
    columns = [c if c.key in _PLAIN else _raw(c).label(c.key) for c in LEAD_COLUMNS]
    query = select(*columns).select_from(Lead)
    return apply_filter(query, flt).order_by(Lead.captured_at, Lead.id)


def id_text(stored: Any) -> str:
    """An id as canonical text, whether stored as 32 hex digits (SQLite) or a UUID."""
    if isinstance(stored, str) and len(stored) == 32:
        return f"{stored[:8]}-{stored[8:12]}-{stored[12:16]}-{stored[16:20]}-{stored[20:]}"
    return str(stored)


def stored_id(value: uuid.UUID, database: Database) -> Any:
    """``value`` as a raw column holds it on this back end (the lookup tables' keys)."""
    return value.hex if database.is_sqlite else value


class LeadStream:
    """``with LeadStream(db, flt) as stream: stream.total; for batch in stream.batches(): ...``"""

    def __init__(
        self,
        database: Database,
        flt: LeadFilter,
        moments: MomentMaker | None = None,
        batch_size: int = DEFAULT_BATCH,
        *,
        count: bool = True,
    ) -> None:
        self._database = database
        self._count = count
        self._filter = flt
        self.moments = moments or MomentMaker()
        self._batch_size = max(1, batch_size)
        self._connection: Connection | None = None
        self.total = 0  # leads in the snapshot (0 when not counted)
        self._models: dict[Any, tuple[str, str, str]] = {}
        self._staff: dict[Any, str] = {}
        self._devices: dict[Any, str] = {}
        self._purposes: dict[Any, tuple[str, ...]] = {}
        self._interest_sql: dict[int, str] = {}

    # -- the snapshot ----------------------------------------------------------------------
    def __enter__(self) -> LeadStream:
        connection = self._database.engine.connect()
        if not self._database.is_sqlite:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        connection.begin()
        self._connection = connection
        try:
            if self._count:  # a full scan on a big file: only when someone shows progress
                query = apply_filter(select(func.count()).select_from(Lead), self._filter)
                self.total = int(connection.scalar(query) or 0)
            self._load_lookups(connection)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.rollback()  # read only: nothing to keep
            finally:
                self._connection.close()
                self._connection = None

    def _load_lookups(self, connection: Connection) -> None:
        models = select(
            _raw(TruckModel.id), TruckModel.code, TruckModel.name_zh, TruckModel.name_en
        )
        self._models = {row[0]: (row[1], row[2], row[3]) for row in connection.execute(models)}
        staff = select(_raw(StaffAccount.id), StaffAccount.display_name)
        self._staff = {row[0]: row[1] for row in connection.execute(staff)}
        self._staff[None] = ""
        devices = select(_raw(Device.id), Device.name, Device.code)
        self._devices = {
            row[0]: f"{row[1]} ({row[2]})" if row[1] else row[2]
            for row in connection.execute(devices)
        }
        self._devices[None] = ""

    # -- lookups ---------------------------------------------------------------------------
    def model(self, stored_model_id: Any) -> tuple[str, str, str]:
        """(code, name_zh, name_en) of a model id as stored; empty texts when unknown."""
        return self._models.get(stored_model_id, ("", "", ""))

    @property
    def staff_names(self) -> dict[Any, str]:
        """Display names by stored staff id (None maps to "")."""
        return self._staff

    @property
    def device_names(self) -> dict[Any, str]:
        """Device labels, "name (CODE)", by stored device id (None maps to "")."""
        return self._devices

    def staff_name(self, stored_staff_id: Any) -> str:
        return self._staff.get(stored_staff_id, "")

    def device_name(self, stored_device_id: Any) -> str:
        return self._devices.get(stored_device_id, "")

    def purposes(self, stored: Any) -> tuple[str, ...]:
        """The purposes of a stored JSON list (memoised: a file holds few distinct lists)."""
        key = stored if isinstance(stored, str) or stored is None else json.dumps(stored)
        found = self._purposes.get(key)
        if found is None:
            value = json.loads(stored) if isinstance(stored, str) else stored
            found = tuple(str(p) for p in value) if isinstance(value, list) else ()
            self._purposes[key] = found
        return found

    # -- the rows --------------------------------------------------------------------------
    def raw_batches(self) -> Iterator[RawBatch]:
        """Batches of leads as stored (``LEAD_COLUMNS`` order) with their interests' rows
        (``INTEREST_COLUMNS`` order) by stored lead id: for writers that must be fast.

        SQLAlchemy builds and runs the statement (so the filter's values are bound as the
        column types say). On SQLite the rows are then fetched straight from the DBAPI cursor,
        which steps through the file lazily: the per-row ``Row`` machinery would cost more than
        writing the row to a CSV file. On PostgreSQL a server-side cursor (``stream_results``)
        is read through SQLAlchemy, which buffers it ``batch_size`` rows at a time.
        """
        connection = self._connection
        if connection is None:
            raise RuntimeError("LeadStream used outside its with-block")
        query = _lead_query(self._filter)
        if self._database.is_sqlite:
            result = connection.execute(query)
            fetch = result.cursor.fetchmany
        else:
            streaming = connection.execution_options(
                stream_results=True, max_row_buffer=self._batch_size
            )
            result = streaming.execute(query)
            fetch = result.fetchmany
        try:
            while True:
                rows = fetch(self._batch_size)
                if not rows:
                    break
                yield RawBatch(rows, self._interests(connection, [row[0] for row in rows]))
        finally:
            result.close()

    def batches(self) -> Iterator[list[ExportLead]]:
        """Batches of ``ExportLead``: for writers that want named fields."""
        for batch in self.raw_batches():
            interests = batch.interests
            yield [self.lead(row, interests.get(row[0], ())) for row in batch.rows]

    def _interests(self, connection: Connection, lead_ids: list[Any]) -> dict[Any, list[Any]]:
        """The live interests of ``lead_ids`` (stored ids), in the order they were added."""
        sql = self._interest_sql.get(len(lead_ids))
        if sql is None:
            mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
            sql = _INTEREST_SQL.format(marks=", ".join([mark] * len(lead_ids)))
            self._interest_sql = {len(lead_ids): sql}  # batches share one size (but the last)
        found: dict[Any, list[Any]] = {}
        result = connection.exec_driver_sql(sql, tuple(lead_ids))
        try:
            for row in result.cursor.fetchall():
                found.setdefault(row[0], []).append(row)
        finally:
            result.close()
        return found

    def interest(self, row: Any) -> ExportInterest:
        _lead_id, model_id, quantity, timeframe, financing, energy, notes = row
        code, name_zh, name_en = self.model(model_id)
        return ExportInterest(
            code, name_zh, name_en, quantity or 0, timeframe, financing, energy, notes or ""
        )

    def lead(self, row: Any, interest_rows: Any) -> ExportLead:
        (
            lead_id,
            captured,
            name,
            company,
            credit_code,
            title,
            mobile,
            e164,
            landline,
            email,
            wechat,
            industry,
            fleet,
            rating,
            follow_up,
            source,
            staff_id,
            device_id,
            notes,
            consent_at,
            consent_version,
            purposes,
            consent_text,
            exported_at,
        ) = row
        moment = self.moments
        return ExportLead(
            id_text(lead_id),
            moment(captured),
            name or "",
            company or "",
            credit_code or "",
            title or "",
            mobile or "",
            e164 or "",
            landline or "",
            email or "",
            wechat or "",
            industry or "",
            fleet,
            rating or "",
            follow_up or "",
            source or "",
            self.staff_name(staff_id),
            self.device_name(device_id),
            notes or "",
            moment(consent_at),
            consent_version or "",
            self.purposes(purposes),
            consent_text or "",
            moment(exported_at),
            tuple(self.interest(i) for i in interest_rows),
        )
