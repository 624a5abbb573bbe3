"""Times in an export: one fixed UTC offset for the whole file, named in the column headers.

The database keeps UTC. People read local time, and Excel has no time zones, so an export
writes every time at one offset — by default this computer's offset when the export starts
(UTC+08:00 in China) — and says which in the header ("采集时间 (UTC+08:00)"). A fixed offset
never makes a time ambiguous (no daylight-saving jumps inside a file).

Rows come from the database as stored: text on SQLite (``2026-06-18 01:42:00.000000``, UTC),
aware datetimes on PostgreSQL. Converting is the costly part of a row, and leads come out
ordered by time, so conversions are memoised per minute in a small bounded table.
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


class _Minute(NamedTuple):
    """What one minute (UTC) becomes at the export's offset."""

    local_prefix: str  # "2026-06-18 09:42" (local)
    serial: float  # Excel serial day number of the local minute's start
    utc_prefix: str  # "2026-06-18T01:42"
    local: datetime  # naive local start of the minute


@dataclass
class MomentMaker:
    """Turns stored times into local text, Excel serials or ``Moment`` at one fixed offset.

    Leads rarely share a second, but thousands share a minute, and a whole-minute offset leaves
    the seconds as they are: so the conversion is memoised per minute, and each time costs a
    dict look-up and a string slice.
    """

    offset: timedelta = field(default_factory=local_offset)
    _minutes: dict[object, _Minute] = field(default_factory=dict, repr=False)
    _prefixes: dict[str, str] = field(default_factory=dict, repr=False)  # text's fast path

    @property
    def label(self) -> str:
        return offset_label(self.offset)

    def _minute(self, stored: object) -> tuple[_Minute, int]:
        """The stored time's minute (memoised) and its seconds."""
        if isinstance(stored, str):  # SQLite: "YYYY-MM-DD HH:MM:SS[.ffffff]" in UTC
            key: object = stored[:16]
            seconds = int(stored[17:19] or 0)
        elif isinstance(stored, datetime):  # PostgreSQL: aware datetime
            aware = stored if stored.tzinfo is not None else stored.replace(tzinfo=UTC)
            utc = aware.astimezone(UTC)
            key, seconds = utc.replace(second=0, microsecond=0, tzinfo=None), utc.second
        else:
            raise TypeError(f"not a stored time: {stored!r}")
        found = self._minutes.get(key)
        if found is None:
            start = datetime.fromisoformat(key) if isinstance(key, str) else key
            assert isinstance(start, datetime)
            local = start + self.offset
            found = _Minute(
                local.strftime("%Y-%m-%d %H:%M"),
                (local - EXCEL_EPOCH).total_seconds() / 86400.0,
                start.strftime("%Y-%m-%dT%H:%M"),
                local,
            )
            if len(self._minutes) >= _MEMO_LIMIT:
                self._minutes.clear()
                self._prefixes.clear()
            self._minutes[key] = found
            if isinstance(key, str):
                self._prefixes[key] = found.local_prefix + ":"
        return found, seconds

    def text(self, stored: object) -> str:
        """The local text ``YYYY-MM-DD HH:MM:SS`` of a stored time ("" for None)."""
        if stored is None:
            return ""
        if stored.__class__ is str:  # SQLite text: a slice, a look-up, a slice
            prefix = self._prefixes.get(stored[:16])  # type: ignore[index]
            if prefix is not None:
                return prefix + stored[17:19]  # type: ignore[index]
        minute, seconds = self._minute(stored)
        return f"{minute.local_prefix}:{seconds:02d}"

    def serial(self, stored: object) -> float | None:
        """Excel's serial day number of a stored time at the offset (None for None)."""
        if stored is None:
            return None
        minute, seconds = self._minute(stored)
        return minute.serial + seconds / 86400.0

    def __call__(self, stored: object) -> Moment | None:
        if stored is None:
            return None
        minute, seconds = self._minute(stored)
        return Moment(
            minute.local.replace(second=seconds),
            f"{minute.local_prefix}:{seconds:02d}",
            minute.serial + seconds / 86400.0,
            f"{minute.utc_prefix}:{seconds:02d}Z",
        )

    def from_datetime(self, moment: datetime | None) -> Moment | None:
        """A ``Moment`` from an aware datetime (for rows read through the ORM)."""
        return None if moment is None else self(moment)
