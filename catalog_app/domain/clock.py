"""Hybrid logical clock (HLC) stamps that order writes across devices whose wall clocks drift.

A stamp is ``PPPPPPPPPPPPPPP.CCCCCC``: wall milliseconds and a counter, zero-padded so that text
order is time order. Last-writer-wins compares ``(hlc, device_id)``: a total order, so the merge
rule built on it is idempotent, commutative and associative.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_FUTURE_DRIFT_MS = 60_000
_MS_DIGITS = 15
_COUNTER_DIGITS = 6
# Past this, a stamp borrows the next millisecond, so the text form keeps its width and order.
MAX_COUNTER = 10**_COUNTER_DIGITS - 1


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int = 0

    def __str__(self) -> str:
        return f"{self.wall_ms:0{_MS_DIGITS}d}.{self.counter:0{_COUNTER_DIGITS}d}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        wall, _, counter = text.partition(".")
        if not wall.isdigit() or not counter.isdigit():
            raise ValueError(f"not a clock stamp: {text!r}")
        return cls(int(wall), int(counter))


ZERO = Hlc(0, 0)


class ClockSkewError(ValueError):
    """A remote stamp lies too far in this device's future to be trusted."""


def _carry(wall_ms: int, counter: int) -> Hlc:
    return Hlc(wall_ms + 1, 0) if counter > MAX_COUNTER else Hlc(wall_ms, counter)


def next_stamp(last: Hlc, now_ms: int) -> Hlc:
    """The stamp for a local write: after ``last`` and no earlier than the wall clock."""
    if now_ms > last.wall_ms:
        return Hlc(now_ms, 0)
    return _carry(last.wall_ms, last.counter + 1)


def observe(last: Hlc, remote: Hlc, now_ms: int, *, max_drift_ms: int = MAX_FUTURE_DRIFT_MS) -> Hlc:
    """Advance the local clock past a stamp seen in merged data (refusing far-future stamps)."""
    if remote.wall_ms - now_ms > max_drift_ms:
        raise ClockSkewError(
            f"remote clock is {(remote.wall_ms - now_ms) / 1000:.0f} s ahead of this device"
        )
    wall = max(last.wall_ms, remote.wall_ms, now_ms)
    if wall == last.wall_ms == remote.wall_ms:
        counter = max(last.counter, remote.counter) + 1
    elif wall == last.wall_ms:
        counter = last.counter + 1
    elif wall == remote.wall_ms:
        counter = remote.counter + 1
    else:
        counter = 0
    return _carry(wall, counter)
