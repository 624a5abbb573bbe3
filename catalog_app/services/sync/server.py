"""Push this device's changes to a central PostgreSQL server, and pull everyone else's.

Both directions apply THE merge rule (``merge.py``) in the target, row by row, with
``INSERT … ON CONFLICT (id) DO UPDATE … WHERE <incoming wins>`` (``server_rows.py``): the same
laws as package merges, safe when several devices push at once (row locks; rows in id order;
a batch that meets a deadlock is retried).

Push — incremental and resumable
    Rows go table by table (parents first) in ``(hlc, id)`` order, in batches; each batch is one
    server transaction, and after its commit the table's push mark (``knowledge.py``) moves to
    its last row. A dropped connection loses at most the batch in flight: the next push starts
    after the last committed batch. Only rows stamped up to the local clock at the start are
    sent (rows written meanwhile go next time). Rows that reach this file later with *older*
    stamps (a merged package, a pull from another server) move the marks back, so they are
    still sent.

Pull — incremental by the server's transaction ids
    A device's stamps say when it wrote, not when the server received the row, so a pull cannot
    ask for "stamps since last time". It asks for rows whose PostgreSQL ``xmin`` (the id of the
    transaction that wrote the row version) is at or after the snapshot's ``xmin`` recorded by
    the previous pull: every transaction before that mark had finished, so nothing is missed
    (rows seen twice merge to no change). The pull reads one REPEATABLE READ snapshot, table by
    table, and commits locally in batches; a table's mark moves when the table is done, so an
    interrupted pull repeats at most the table it was in. The mark keeps the xid epoch: after a
    wrap-around of the server's 32-bit transaction ids, or a server restored from a dump, the
    next pull reads everything once.

Both are managers' work (``actor=None`` is the command line), audited, and logged in
``sync_log``. Media files do not travel through the server (packages carry them).
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from psycopg import errors as pg_errors
from sqlalchemy import Connection, Table, func, literal, select, tuple_
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.types import Uuid

from catalog_app.domain.enums import SyncDirection
from catalog_app.domain.models import LocalSetting
from catalog_app.domain.text import Bilingual
from catalog_app.services.accounts import StaffMember, require_manager
from catalog_app.services.sync import errors as reasons
from catalog_app.services.sync import knowledge as marks
from catalog_app.services.sync.errors import ServerSyncError, SyncError
from catalog_app.services.sync.progress import CancelFn, Progress, ProgressFn, SyncCancelled
from catalog_app.services.sync.server_log import ServerSyncResult, log_sync
from catalog_app.services.sync.server_pull import PullPlan, pull_table, server_clock_problem
from catalog_app.services.sync.server_rows import (
    count_changes,
    ensure_parents,
    upsert_rows,
)
from catalog_app.services.sync.summary import TableCounts
from catalog_app.services.sync.tables import mergeable_tables
from catalog_app.store.database import Database, open_server
from catalog_app.store.locations import is_server_url

BATCH_ROWS = 2000
DEADLOCK_RETRIES = 5
_RETRYABLE = (pg_errors.DeadlockDetected, pg_errors.SerializationFailure)


def display_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _check(database: Database, url: str, actor: StaffMember | None) -> None:
    if actor is not None:
        require_manager(actor)
    if database.path is None:
        raise SyncError(reasons.LOCAL_NOT_FILE)
    if not is_server_url(url):
        raise SyncError(reasons.NOT_A_SERVER_URL, url=display_url(url))


def _open(database: Database, url: str) -> Database:
    server = open_server(url)
    if server.device_id == database.device_id:
        server.close()
        raise SyncError(reasons.SERVER_IS_SELF, server=display_url(url))
    return server


def _lost(
    exc: Exception, result: ServerSyncResult, total: int, action: Bilingual
) -> ServerSyncError:
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:300]
    return ServerSyncError(
        reasons.CONNECTION_LOST,
        server=result.server,
        done=result.total.incoming,
        total=total,
        action=action,
        detail=detail,
    )


def _unique(exc: IntegrityError) -> ServerSyncError:
    text = str(exc.orig).strip().splitlines()[0]
    return ServerSyncError(reasons.SERVER_UNIQUE_CLASH, table="?", detail=text[:300])


# -- push -------------------------------------------------------------------------------------
def _push_query(table: Table, mark: tuple[str, uuid.UUID], upto: str, limit: int) -> Any:
    after = tuple_(literal(mark[0]), literal(mark[1], Uuid()))
    return (
        select(table)
        .where(tuple_(table.c.hlc, table.c.id) > after, table.c.hlc <= upto)
        .order_by(table.c.hlc, table.c.id)
        .limit(limit)
    )


def _pending(database: Database, server_id: uuid.UUID, upto: str) -> int:
    total = 0
    with database.engine.connect() as connection:
        for table in mergeable_tables():
            mark = marks.parse_push_mark(
                marks_value(database, marks.push_key(server_id, table.name))
            )
            query = _push_query(table, mark, upto, 10**12).subquery()
            total += int(connection.scalar(select(func.count()).select_from(query)) or 0)
    return total


def marks_value(database: Database, key: str) -> str | None:
    with database.sessions() as session:
        setting = session.get(LocalSetting, key)
        return setting.value if setting is not None else None


def _save_mark(database: Database, key: str, expected: str | None, value: str) -> None:
    """Move a push mark — unless a merge moved it back meanwhile (then its value stands)."""
    with database.transaction() as session:
        setting = session.get(LocalSetting, key)
        if (setting.value if setting is not None else None) != expected:
            return
        if setting is None:
            session.add(LocalSetting(key=key, value=value))
        else:
            setting.value = value


def _write_batch(
    server: Connection, local: Connection, table: Table, rows: list[dict[str, Any]]
) -> TableCounts:
    for attempt in range(DEADLOCK_RETRIES):
        try:
            with server.begin():
                counts, _lowest = count_changes(server, table, rows)
                ensure_parents(local, server, table, rows)
                upsert_rows(server, table, rows)
            return counts
        except OperationalError as exc:
            if isinstance(exc.orig, _RETRYABLE) and attempt + 1 < DEADLOCK_RETRIES:
                time.sleep(0.05 * (attempt + 1))
                continue
            raise
    raise AssertionError("unreachable")


def push(
    database: Database,
    url: str,
    *,
    actor: StaffMember | None,
    batch_rows: int = BATCH_ROWS,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> ServerSyncResult:
    """Send every row the server may not have yet; see the module docstring."""
    _check(database, url, actor)
    server = _open(database, url)
    steps = Progress(progress, is_cancelled)
    result = ServerSyncResult(SyncDirection.PUSH, display_url(url), server.device_id)
    try:
        with database.sessions() as session:
            upto = str(marks.read_clock(session))
        total = _pending(database, server.device_id, upto)
        steps.report(0, total, "")
        with server.engine.connect() as server_connection:
            for table in mergeable_tables():
                key = marks.push_key(server.device_id, table.name)
                while True:
                    steps.raise_if_cancelled()
                    expected = marks_value(database, key)
                    mark = marks.parse_push_mark(expected)
                    with database.engine.connect() as local:
                        rows = [
                            dict(r._mapping)
                            for r in local.execute(_push_query(table, mark, upto, batch_rows))
                        ]
                        if not rows:
                            break
                        counts = _write_batch(server_connection, local, table, rows)
                    last = rows[-1]
                    _save_mark(
                        database, key, expected, marks.format_push_mark(last["hlc"], last["id"])
                    )
                    result.add(table.name, counts)
                    steps.report(result.total.incoming, total, table.name)
    except SyncCancelled:
        log_sync(database, result, actor, status="cancelled")
        raise
    except IntegrityError as exc:
        log_sync(database, result, actor, status="failed", message=str(exc.orig)[:500])
        raise _unique(exc) from exc
    except DBAPIError as exc:
        log_sync(database, result, actor, status="interrupted", message=str(exc.orig)[:500])
        raise _lost(exc, result, total, reasons.ACTION_PUSH) from exc
    finally:
        server.close()
    log_sync(database, result, actor, status="ok")
    return result


# -- pull -------------------------------------------------------------------------------------
def pull(
    database: Database,
    url: str,
    *,
    actor: StaffMember | None,
    accept_clock_skew: bool = False,
    batch_rows: int = BATCH_ROWS,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> ServerSyncResult:
    """Bring in every row changed on the server since the last pull; see the module docstring."""
    _check(database, url, actor)
    server = _open(database, url)
    steps = Progress(progress, is_cancelled)
    result = ServerSyncResult(SyncDirection.PULL, display_url(url), server.device_id)
    total = 0
    try:
        with server.engine.connect() as connection:
            connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                connection.exec_driver_sql("SET TRANSACTION READ ONLY")
                plan = PullPlan.start(connection, database, server.device_id)
                problem = server_clock_problem(connection, database)
                if problem and not accept_clock_skew:
                    raise ServerSyncError(reasons.SERVER_CLOCK_AHEAD, minutes=problem)
                total = plan.total
                steps.report(0, total, "")
                for table in mergeable_tables():
                    pull_table(connection, database, plan, table, result, steps, batch_rows)
    except SyncCancelled:
        log_sync(database, result, actor, status="cancelled")
        raise
    except IntegrityError as exc:
        log_sync(database, result, actor, status="failed", message=str(exc.orig)[:500])
        raise _unique(exc) from exc
    except DBAPIError as exc:
        log_sync(database, result, actor, status="interrupted", message=str(exc.orig)[:500])
        raise _lost(exc, result, total, reasons.ACTION_PULL) from exc
    finally:
        server.close()
    log_sync(database, result, actor, status="ok")
    return result


__all__ = ["BATCH_ROWS", "ServerSyncResult", "display_url", "pull", "push"]
