"""What this file has seen of every device, and how far it has pushed to and pulled from servers.

All of it lives in ``LocalSetting`` (never merged, never sent in a package except the knowledge):

- ``seen:<device hex>`` — the greatest stamp of that device's writes this file has seen (a
  version vector; this device's own entry is its clock). Raised by every merge and pull; used
  to tell conflicting edits from plain updates (``merge.py``).
- ``push:<server hex>:<table>`` — ``hlc|id`` of the last row of ``table`` pushed to that server
  (rows are pushed in ``(hlc, id)`` order). A merge or pull that brings rows stamped *below* a
  push mark lowers the mark (``lower_push_marks``): those rows are new to the server even
  though their stamps are old, and the next push must send them.
- ``pull:<server hex>:<table>`` — the server's transaction-id mark up to which ``table`` has
  been pulled (see ``server.py``).

A server is named by its own device id (every database has one), so marks survive a changed
host name or URL, and a different server never inherits another's marks.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from catalog_app.domain.clock import ZERO, Hlc
from catalog_app.domain.models import LocalSetting
from catalog_app.services.sync.tables import mergeable_tables
from catalog_app.store.database import DEVICE_KEY
from catalog_app.store.stamping import CLOCK_KEY

SEEN_PREFIX = "seen:"
PUSH_PREFIX = "push:"
PULL_PREFIX = "pull:"
ZERO_ID = uuid.UUID(int=0)

Knowledge = dict[str, str]


def push_key(server_id: uuid.UUID, table: str) -> str:
    return f"{PUSH_PREFIX}{server_id.hex}:{table}"


def pull_key(server_id: uuid.UUID, table: str) -> str:
    return f"{PULL_PREFIX}{server_id.hex}:{table}"


def _settings(session: Session, prefix: str) -> list[LocalSetting]:
    query = select(LocalSetting).where(LocalSetting.key.startswith(prefix, autoescape=True))
    return list(session.scalars(query))


def read_clock(session: Session) -> Hlc:
    setting = session.get(LocalSetting, CLOCK_KEY)
    try:
        return Hlc.parse(setting.value) if setting is not None else ZERO
    except ValueError:
        return ZERO


def write_clock(session: Session, clock: Hlc) -> None:
    setting = session.get(LocalSetting, CLOCK_KEY)
    if setting is None:
        session.add(LocalSetting(key=CLOCK_KEY, value=str(clock)))
    elif str(clock) > setting.value:
        setting.value = str(clock)


def read_knowledge(session: Session) -> Knowledge:
    """This file's version vector: stored marks, and its own clock for its own device."""
    found = {s.key[len(SEEN_PREFIX) :]: s.value for s in _settings(session, SEEN_PREFIX)}
    device = session.get(LocalSetting, DEVICE_KEY)
    if device is not None:
        own = uuid.UUID(device.value).hex
        found[own] = max(found.get(own, ""), str(read_clock(session)))
    return found


def raise_knowledge(session: Session, vector: Mapping[str, str]) -> None:
    """Record that this file has now seen ``vector`` too (entry-wise maximum)."""
    stored = {s.key[len(SEEN_PREFIX) :]: s for s in _settings(session, SEEN_PREFIX)}
    for device_hex, stamp in vector.items():
        if not stamp:
            continue
        setting = stored.get(device_hex)
        if setting is None:
            session.add(LocalSetting(key=f"{SEEN_PREFIX}{device_hex}", value=stamp))
        elif stamp > setting.value:
            setting.value = stamp


def knowledge_from_rows(connection: Connection) -> Knowledge:
    """The greatest stamp per writing device over every merged table (used at export, where the
    stored marks may not cover rows that reached the file some other way)."""
    found: Knowledge = {}
    for table in mergeable_tables():
        query = select(table.c.device_id, func.max(table.c.hlc)).group_by(table.c.device_id)
        for device_id, stamp in connection.execute(query):
            if device_id is None or not stamp:
                continue
            key = device_id.hex
            if stamp > found.get(key, ""):
                found[key] = stamp
    return found


def combine(*vectors: Mapping[str, str]) -> Knowledge:
    combined: Knowledge = {}
    for vector in vectors:
        for key, stamp in vector.items():
            if stamp > combined.get(key, ""):
                combined[key] = stamp
    return combined


# -- push and pull marks ----------------------------------------------------------------------
def format_push_mark(hlc: str, row_id: uuid.UUID) -> str:
    return f"{hlc}|{row_id.hex}"


def parse_push_mark(value: str | None) -> tuple[str, uuid.UUID]:
    if not value or "|" not in value:
        return "", ZERO_ID
    hlc, _, hex_id = value.partition("|")
    try:
        return hlc, uuid.UUID(hex_id)
    except ValueError:
        return "", ZERO_ID


def lower_push_marks(
    session: Session,
    lowest: Mapping[str, str],
    *,
    except_server: uuid.UUID | None = None,
) -> int:
    """Rows of ``table`` stamped from ``lowest[table]`` on just arrived: every server's push
    mark above that point moves back to it (the next push sends them). Returns marks moved."""
    moved = 0
    skip = f"{PUSH_PREFIX}{except_server.hex}:" if except_server else None
    for setting in _settings(session, PUSH_PREFIX):
        if skip and setting.key.startswith(skip):
            continue
        table = setting.key.rsplit(":", 1)[-1]
        stamp = lowest.get(table)
        if not stamp:
            continue
        mark_hlc, _ = parse_push_mark(setting.value)
        if mark_hlc >= stamp:
            setting.value = format_push_mark(stamp, ZERO_ID)
            moved += 1
    return moved


def server_ids_with_marks(session: Session) -> Iterable[str]:
    return sorted({s.key.split(":")[1] for s in _settings(session, PUSH_PREFIX)})
