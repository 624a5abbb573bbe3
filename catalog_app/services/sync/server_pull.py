"""Pull, table by table: which server rows are new since the last pull, and applying them here.

See ``server.py`` for why a pull is keyed by the server's transaction ids (``xmin``) and not by
the devices' clock stamps. Marks are ``pull:<server>:<table>`` = the 64-bit snapshot ``xmin``
(epoch included) of the pull that last finished the table.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, func, literal_column, select
from sqlalchemy.sql.elements import ColumnElement

from catalog_app.domain.clock import MAX_FUTURE_DRIFT_MS, Hlc, observe
from catalog_app.domain.models import LocalSetting
from catalog_app.services.sync import knowledge as marks
from catalog_app.services.sync.progress import Progress
from catalog_app.services.sync.server_log import ServerSyncResult
from catalog_app.services.sync.server_rows import count_changes, ensure_parents, upsert_rows
from catalog_app.services.sync.summary import TableCounts
from catalog_app.services.sync.tables import mergeable_tables
from catalog_app.store.database import Database

XID_BITS = 32
NO_DRIFT_LIMIT = 10**15
_ROW_XID = literal_column("(xmin::text)::bigint")


def _stored_mark(database: Database, key: str) -> int | None:
    with database.sessions() as session:
        setting = session.get(LocalSetting, key)
    try:
        return int(setting.value) if setting is not None else None
    except ValueError:
        return None


def _save_mark(database: Database, key: str, value: int) -> None:
    with database.transaction() as session:
        setting = session.get(LocalSetting, key)
        if setting is None:
            session.add(LocalSetting(key=key, value=str(value)))
        else:
            setting.value = str(value)


@dataclass
class PullPlan:
    """The snapshot mark of this pull, and where each table starts from (None: everything)."""

    server_id: uuid.UUID
    snapshot: int
    since: dict[str, int | None] = field(default_factory=dict)
    total: int = 0

    @classmethod
    def start(cls, connection: Connection, database: Database, server_id: uuid.UUID) -> PullPlan:
        snapshot = int(
            connection.exec_driver_sql(
                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text"
            ).scalar_one()
        )
        plan = cls(server_id, snapshot)
        for table in mergeable_tables():
            stored = _stored_mark(database, marks.pull_key(server_id, table.name))
            same_epoch = stored is not None and stored >> XID_BITS == snapshot >> XID_BITS
            plan.since[table.name] = stored if same_epoch and stored <= snapshot else None
            count = select(func.count()).select_from(table).where(plan.changed(table))
            plan.total += int(connection.scalar(count) or 0)
        return plan

    def changed(self, table: Table) -> ColumnElement[bool]:
        since = self.since.get(table.name)
        if since is None:
            return literal_column("TRUE")  # type: ignore[return-value]
        return since & ((1 << XID_BITS) - 1) <= _ROW_XID


def server_clock_problem(connection: Connection, database: Database) -> int:
    """Minutes by which the server's newest stamp lies ahead of this file's time (0: fine)."""
    newest = ""
    for table in mergeable_tables():
        stamp = connection.scalar(select(func.max(table.c.hlc.collate("C"))))
        if stamp and stamp > newest:
            newest = stamp
    if not newest:
        return 0
    with database.sessions() as session:
        local = marks.read_clock(session)
    here = max(time.time_ns() // 1_000_000, local.wall_ms)
    ahead = Hlc.parse(newest).wall_ms - here
    return max(1, round(ahead / 60_000)) if ahead > MAX_FUTURE_DRIFT_MS else 0


def _apply(
    database: Database,
    server: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    server_id: uuid.UUID,
) -> TableCounts:
    """One local transaction: the batch, the parents it needs, clock, knowledge and marks."""
    with database.transaction() as session:
        local = session.connection()
        local.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        counts, lowest = count_changes(local, table, rows)
        newest = max(str(row["hlc"] or "") for row in rows)
        if newest:
            now_ms = time.time_ns() // 1_000_000
            clock = observe(
                marks.read_clock(session), Hlc.parse(newest), now_ms, max_drift_ms=NO_DRIFT_LIMIT
            )
            marks.write_clock(session, clock)
            session.flush()
        ensure_parents(server, local, table, rows)
        upsert_rows(local, table, rows)
        seen: dict[str, str] = {}
        for row in rows:
            if row.get("device_id") is not None and row["hlc"]:
                key = row["device_id"].hex
                seen[key] = max(seen.get(key, ""), row["hlc"])
        marks.raise_knowledge(session, seen)
        if lowest:
            marks.lower_push_marks(session, {table.name: lowest}, except_server=server_id)
    return counts


def pull_table(
    connection: Connection,
    database: Database,
    plan: PullPlan,
    table: Table,
    result: ServerSyncResult,
    steps: Progress,
    batch_rows: int,
) -> None:
    """Pull one table in id order, a local commit per batch; then move its mark."""
    last: uuid.UUID | None = None
    while True:
        steps.raise_if_cancelled()
        query = select(table).where(plan.changed(table)).order_by(table.c.id).limit(batch_rows)
        if last is not None:
            query = query.where(table.c.id > last)
        rows = [dict(row._mapping) for row in connection.execute(query)]
        if not rows:
            break
        result.add(table.name, _apply(database, connection, table, rows, plan.server_id))
        steps.report(result.total.incoming, plan.total, table.name)
        last = rows[-1]["id"]
    _save_mark(database, marks.pull_key(plan.server_id, table.name), plan.snapshot)
