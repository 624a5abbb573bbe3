"""Stamp every write of a merged row with this device's hybrid logical clock.

A ``before_flush`` hook on the session factory sets ``hlc``, ``device_id`` and ``updated_at`` of
each new or changed ``Mergeable`` row, persists the clock in ``local_setting`` in the same
transaction, and refuses physical deletes of merged rows (tombstones only). A merge that copies
rows from another device sets ``session.info["keep_stamps"] = True`` to keep their stamps.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from catalog_app.domain.base import Mergeable, utc_now
from catalog_app.domain.clock import ZERO, Hlc, next_stamp
from catalog_app.domain.models import LocalSetting
from catalog_app.store.errors import PhysicalDeleteError

CLOCK_KEY = "hlc"
KEEP_STAMPS = "keep_stamps"


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


def _read_clock(session: Session) -> tuple[LocalSetting, Hlc]:
    # FOR UPDATE: two writers on a server must not hand out the same stamp (SQLite has no
    # FOR UPDATE; there BEGIN IMMEDIATE already serialises writers).
    setting = session.get(LocalSetting, CLOCK_KEY, populate_existing=True, with_for_update=True)
    if setting is None:
        setting = LocalSetting(key=CLOCK_KEY, value=str(ZERO))
        session.add(setting)
    try:
        return setting, Hlc.parse(setting.value)
    except ValueError:
        return setting, ZERO


def install_stamping(factory: sessionmaker[Session], device_id: uuid.UUID) -> None:
    @event.listens_for(factory, "before_flush")
    def _stamp(session: Session, _context: Any, _instances: Any) -> None:
        for obj in session.deleted:
            if isinstance(obj, Mergeable):
                raise PhysicalDeleteError(type(obj).__tablename__)  # type: ignore[attr-defined]
        if session.info.get(KEEP_STAMPS):
            return
        changed = [o for o in session.new if isinstance(o, Mergeable)]
        changed += [
            o
            for o in session.dirty
            if isinstance(o, Mergeable) and session.is_modified(o, include_collections=False)
        ]
        if not changed:
            return
        setting, clock = _read_clock(session)
        now = utc_now()
        wall = _wall_ms()
        for obj in changed:
            clock = next_stamp(clock, wall)
            obj.hlc = str(clock)
            obj.device_id = device_id
            obj.updated_at = now
            if obj.created_at is None:
                obj.created_at = now
        setting.value = str(clock)
