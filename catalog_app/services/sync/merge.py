"""THE merge rule: which version of a row survives when two copies of the data meet.

Every merge in the app — sync packages (``apply.py``), pushes to and pulls from a PostgreSQL
server (``server.py``) — decides through the functions of this module and nothing else.

The rule (per row, whole-row last-writer-wins with tombstones that win)
-----------------------------------------------------------------------
A row version is ranked by its *version key*, compared left to right::

    (rank, hlc, device_id)

- ``rank`` is 0 for a live row, 1 for a tombstone (``deleted_at`` set), and 2 for an *erased*
  version — a lead tombstone whose personal fields were scrubbed because the person asked to be
  forgotten (``LeadService.delete_person``), or an intent form or attendee-list row whose
  ``erased_at`` is set (scrubbed for the same reason; the form stays live). So **deletes win**:
  a tombstone beats every live version of the row whatever its stamp, as in cr-sqlite,
  PowerSync and Couchbase Lite — an edit made on another laptop after (or before) the delete
  never brings the row back. And an erasure beats every version that was not erased, so a
  person's data never comes back through a merge either. Tombstones are final: nothing in the
  app turns one back into a live row.
- ``hlc`` is the hybrid-logical-clock stamp of the write (``domain/clock.py``): fixed-width
  digits, compared as bytes (``COLLATE "C"`` on PostgreSQL, SQLite's BINARY).
- ``device_id`` breaks ties between devices that wrote with the same stamp (compared as bytes:
  a UUID's text order equals its byte order; a missing id counts as the zero UUID).

The row with the greater key wins whole (all columns, its stamps included); equal keys are the
same write. Taking the maximum of a total order is a join-semilattice: the merge is idempotent
(``m(A, A) = A``), commutative (``m(A, B) = m(B, A)``) and associative
(``m(m(A, B), C) = m(A, m(B, C)))``, so devices may be merged in any order, any number of times.
``tests/sync/test_merge_laws.py`` checks it with hypothesis over random multi-device histories.

Merged rows keep their stamps: the package merge copies them with ``INSERT … SELECT`` and the
server sync with Core ``INSERT … ON CONFLICT``, neither of which passes the ORM's stamping hook
(``store/stamping.py``); rows the merge itself makes (sync log, audit, duplicate links) are
ordinary local writes, stamped after the local clock was advanced past every merged stamp.

Clock skew
----------
The local clock is advanced past the greatest merged stamp (``domain.clock.observe``). A package
whose stamps lie more than ``MAX_FUTURE_DRIFT_MS`` (60 s) ahead of its own export time, or of
this machine's clock, comes from a laptop whose clock ran fast: it is *flagged* in the dry run
and *refused* unless the person merging accepts it explicitly (``accept_clock_skew``; the CLI's
``--accept-clock-skew``), because accepting pushes this file's clock ahead by as much. A pull
from a server holding such stamps is treated the same way. A stamp later than the package's own
clock cannot come from an honest package: that package is refused as damaged.

What counts as a conflict
-------------------------
Each file keeps a *knowledge vector* (``knowledge.py``): for each device, the greatest stamp of
that device's writes it has seen (its own clock for itself; merged packages raise the others).
A package carries its device's vector. Two differing versions of a row — ``P`` coming in,
``L`` here — are **conflicting** when neither side had seen the other's: the package's vector
is below ``L``'s stamp for ``L``'s device, and ours is below ``P``'s for ``P``'s device. That is
an edit made on two devices since they last exchanged data; the rule above picks the winner and
the dry run counts both kinds (incoming won / ours kept). Versions written by the same device
never conflict. Versions that differ only in their stamps (``STAMP_COLUMNS``) — the same catalog
file imported on two laptops, say — are the same content: a winner still replaces the row (so
the laws hold), but it is counted as unchanged and never as a conflict. The counts are
information only: the result never depends on them.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table, and_, case, func, literal, or_, tuple_
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import Uuid

from catalog_app.domain.models.leads import PERSONAL_FIELDS

RANK_LIVE = 0
RANK_DELETED = 1
RANK_ERASED = 2
ZERO_DEVICE = uuid.UUID(int=0)

# Tables whose tombstones can be *erased* (personal fields scrubbed), and those fields.
ERASABLE: dict[str, tuple[str, ...]] = {"lead": PERSONAL_FIELDS}
# Tables whose rows say so themselves when they were erased: ``erased_at`` set.
ERASE_MARKED = frozenset({"intent_form", "attendee"})

VersionKey = tuple[int, str, str]
# Columns that say who wrote a version and when, not what it says.
STAMP_COLUMNS = frozenset({"hlc", "device_id", "created_at", "updated_at"})


# -- the rule in Python (the reference; the SQL below must agree with it) ---------------------
def rank(table_name: str, row: Mapping[str, Any]) -> int:
    if table_name in ERASE_MARKED and row.get("erased_at") is not None:
        return RANK_ERASED
    if row.get("deleted_at") is None:
        return RANK_LIVE
    fields = ERASABLE.get(table_name)
    if fields and all(not row.get(name) for name in fields):
        return RANK_ERASED
    return RANK_DELETED


def _device_hex(value: object) -> str:
    if value is None:
        return ZERO_DEVICE.hex
    if isinstance(value, uuid.UUID):
        return value.hex
    return uuid.UUID(str(value)).hex


def version_key(table_name: str, row: Mapping[str, Any]) -> VersionKey:
    """The key a row version is ranked by (see the module docstring)."""
    return (rank(table_name, row), str(row.get("hlc") or ""), _device_hex(row.get("device_id")))


def winner(table_name: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> Mapping[str, Any]:
    """The surviving version of two versions of one row (``a`` on equal keys: the same write)."""
    return b if version_key(table_name, b) > version_key(table_name, a) else a


def same_content(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two versions say the same thing (they may differ in ``STAMP_COLUMNS``)."""
    names = (set(a) | set(b)) - STAMP_COLUMNS
    return all(a.get(name) == b.get(name) for name in names)


def knew(knowledge: Mapping[str, str], row: Mapping[str, Any]) -> bool:
    """Whether a file with this knowledge vector had seen the write that made ``row``."""
    seen = knowledge.get(_device_hex(row.get("device_id")), "")
    return bool(seen) and seen >= str(row.get("hlc") or "")


def conflicting(
    table_name: str,
    incoming: Mapping[str, Any],
    local: Mapping[str, Any],
    incoming_knowledge: Mapping[str, str],
    local_knowledge: Mapping[str, str],
) -> bool:
    """Two versions written without either side having seen the other (module docstring)."""
    if version_key(table_name, incoming) == version_key(table_name, local):
        return False
    if same_content(incoming, local):
        return False
    return not knew(incoming_knowledge, local) and not knew(local_knowledge, incoming)


# -- the same rule as SQL (SQLite and PostgreSQL) ---------------------------------------------
def rank_sql(table: Table, columns: Any) -> ColumnElement[int]:
    """``rank`` of the row in ``columns`` (``table.c``, an alias's ``.c`` or ``excluded``)."""
    if table.name in ERASE_MARKED:
        return case(
            (columns.erased_at.is_not(None), RANK_ERASED),
            (columns.deleted_at.is_(None), RANK_LIVE),
            else_=RANK_DELETED,
        )
    fields = ERASABLE.get(table.name)
    if fields:
        erased = and_(*(func.coalesce(columns[name], "") == "" for name in fields))
        return case(
            (columns.deleted_at.is_(None), RANK_LIVE),
            (erased, RANK_ERASED),
            else_=RANK_DELETED,
        )
    return case((columns.deleted_at.is_(None), RANK_LIVE), else_=RANK_DELETED)


def _hlc_sql(columns: Any, dialect: str) -> ColumnElement[str]:
    hlc: ColumnElement[str] = columns.hlc
    return hlc.collate("C") if dialect == "postgresql" else hlc


def _device_sql(columns: Any) -> ColumnElement[uuid.UUID]:
    return func.coalesce(columns.device_id, literal(ZERO_DEVICE, Uuid()))


def version_sql(table: Table, columns: Any, dialect: str) -> ColumnElement[Any]:
    return tuple_(rank_sql(table, columns), _hlc_sql(columns, dialect), _device_sql(columns))


def incoming_wins(table: Table, incoming: Any, current: Any, dialect: str) -> ColumnElement[bool]:
    """SQL: the incoming version's key is greater than the current one's (it replaces it)."""
    return version_sql(table, incoming, dialect) > version_sql(table, current, dialect)


def same_version(table: Table, a: Any, b: Any, dialect: str) -> ColumnElement[bool]:
    return and_(
        rank_sql(table, a) == rank_sql(table, b),
        a.hlc == b.hlc,
        _device_sql(a) == _device_sql(b),
    )


def content_differs_sql(table: Table, a: Any, b: Any) -> ColumnElement[bool]:
    """SQL: the two versions differ in some column other than ``STAMP_COLUMNS``."""
    names = [c.name for c in table.columns if c.name not in STAMP_COLUMNS]
    return or_(*(a[name].is_distinct_from(b[name]) for name in names))


def knew_sql(seen_hlc: ColumnElement[Any], row: Any) -> ColumnElement[bool]:
    """SQL form of ``knew``: ``seen_hlc`` is the knowledge entry joined for the row's device."""
    return and_(seen_hlc.is_not(None), seen_hlc != "", seen_hlc >= row.hlc)


def conflicting_sql(
    table: Table,
    incoming: Any,
    local: Any,
    incoming_seen_local: ColumnElement[Any],
    local_seen_incoming: ColumnElement[Any],
    dialect: str,
) -> ColumnElement[bool]:
    """SQL form of ``conflicting`` for a package row joined to its local version."""
    return and_(
        local.id.is_not(None),
        ~same_version(table, incoming, local, dialect),
        content_differs_sql(table, incoming, local),
        ~or_(knew_sql(incoming_seen_local, local), knew_sql(local_seen_incoming, incoming)),
    )
