"""Times in an export: one fixed UTC offset for the whole file, named in the column headers.

The database keeps UTC. People read local time, and Excel has no time zones, so an export
writes every time at one offset — by default this computer's offset when the export starts
(UTC+08:00 in China) — and says which in the header ("采集时间 (UTC+08:00)"). A fixed offset
never makes a time ambiguous (no daylight-saving jumps inside a file).

Rows come from the database as stored: text on SQLite (``2026-06-18 01:42:00.000000``, UTC),
aware datetimes on PostgreSQL. Converting is the costly part of a row, and leads come out
ordered by time, so conversions are memoised per second in a small bounded table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

EXCEL_EPOCH = datetime(1899, 12, 30)
_MEMO_LIMIT = 4096


class Moment(NamedTuple):
    """One instant, ready for every kind of file."""

    local: datetime  # naive, at the export's offset
    text: str  # "2026-06-18 09:42:00" at the export's offset
    serial: float  # Excel's serial day number at the export's offset
    utc_iso: str  # "2026-06-18T01:42:00Z" (CRM imports, vCard REV)


def local_offset() -> timedelta:
    """This computer's current UTC offset."""
    offset = datetime.now().astimezone().utcoffset()
    return offset if offset is not None else timedelta(0)


def offset_label(offset: timedelta) -> str:
    """``UTC+08:00`` / ``UTC-03:30`` / ``UTC``."""
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


@dataclass
class MomentMaker:
    """Turns stored times into ``Moment`` at one fixed offset (memoised per second)."""

    offset: timedelta = field(default_factory=local_offset)
    _memo: dict[object, Moment] = field(default_factory=dict, repr=False)
    _texts: dict[object, str] = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        return offset_label(self.offset)

    def __call__(self, stored: object) -> Moment | None:
        if stored is None:
            return None
        if isinstance(stored, str):
            key: object = stored[:19]
        elif isinstance(stored, datetime):
            key = stored.replace(microsecond=0)
        else:
            raise TypeError(f"not a stored time: {stored!r}")
        found = self._memo.get(key)
        if found is None:
            found = self._make(stored)
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = found
        return found

    def text(self, stored: object) -> str:
        """Just the local text of a stored time ("" for None): the CSV writer's fast path."""
        if stored is None:
            return ""
        key = stored[:19] if isinstance(stored, str) else stored
        found = self._texts.get(key)
        if found is None:
            moment = self(stored)
            found = moment.text if moment is not None else ""
            if len(self._texts) >= _MEMO_LIMIT:
                self._texts.clear()
            self._texts[key] = found
        return found

    def _make(self, stored: object) -> Moment:
        if isinstance(stored, str):
            utc = datetime.fromisoformat(stored[:19]).replace(tzinfo=UTC)
        else:
            assert isinstance(stored, datetime)
            aware = stored if stored.tzinfo is not None else stored.replace(tzinfo=UTC)
            utc = aware.astimezone(UTC).replace(microsecond=0)
        local = (utc + self.offset).replace(tzinfo=None)
        serial = (local - EXCEL_EPOCH).total_seconds() / 86400.0
        return Moment(
            local,
            local.strftime("%Y-%m-%d %H:%M:%S"),
            serial,
            utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
        )

    def from_datetime(self, moment: datetime | None) -> Moment | None:
        """A ``Moment`` from an aware datetime (for rows read through the ORM)."""
        return None if moment is None else self(moment)
