"""Row ids and the hybrid logical clock: the two things every merged row is ordered by.

UUIDv7 ids must be real RFC 9562 version-7 UUIDs, in creation order even within one millisecond,
carrying the time they were made. Stable ids must be a pure function of kind and source keys.
HLC stamps must only move forward, sort as text exactly as they sort as numbers, and refuse a
remote clock more than a minute in this device's future.
"""

from __future__ import annotations

import time
import uuid

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from catalog_app.domain.clock import (
    MAX_FUTURE_DRIFT_MS,
    ZERO,
    ClockSkewError,
    Hlc,
    next_stamp,
    observe,
)
from catalog_app.domain.ids import new_id, stable_id

# Stamps within the printable range: 15 digits of milliseconds, 6 digits of counter.
wall_ms = st.integers(min_value=0, max_value=10**15 - 1)
counters = st.integers(min_value=0, max_value=10**6 - 2)
stamps = st.builds(Hlc, wall_ms, counters)
# Realistic wall clocks: 2000-01-01 .. 2100-01-01 in milliseconds.
wall_clocks = st.integers(min_value=946_684_800_000, max_value=4_102_444_800_000)


def _unix_ms(value: uuid.UUID) -> int:
    return value.int >> 80


# --- UUIDv7 -----------------------------------------------------------------------------------


def test_a_new_id_is_an_rfc_9562_version_7_uuid() -> None:
    for _ in range(100):
        value = new_id()
        assert value.version == 7
        assert value.variant == uuid.RFC_4122
        assert (value.int >> 76) & 0xF == 0x7
        assert (value.int >> 62) & 0b11 == 0b10


def test_ten_thousand_ids_made_in_a_burst_come_out_in_strictly_increasing_order() -> None:
    burst = [new_id() for _ in range(10_000)]
    assert len(set(burst)) == len(burst)
    assert all(earlier < later for earlier, later in zip(burst, burst[1:], strict=False))
    # Their text form sorts the same way (ids are compared as text in logs and SQLite).
    assert [str(value) for value in burst] == sorted(str(value) for value in burst)
    assert all(value.version == 7 for value in burst)


def test_an_id_carries_the_moment_it_was_made() -> None:
    before = time.time_ns() // 1_000_000
    value = new_id()
    after = time.time_ns() // 1_000_000
    # A burst made earlier in this process may have pushed the counter a little ahead.
    assert before - 5 <= _unix_ms(value) <= after + 1_000


# --- stable ids -------------------------------------------------------------------------------


def test_a_stable_id_is_the_same_on_every_device_for_the_same_source_keys() -> None:
    first = stable_id("model", "GZ-NEV-SAMPLE", "QL-E49")
    again = stable_id("model", "GZ-NEV-SAMPLE", "QL-E49")
    assert first == again
    assert first.version == 5


def test_a_stable_id_differs_when_the_kind_or_any_key_differs() -> None:
    base = stable_id("model", "FAIR", "QL-E49")
    assert stable_id("option", "FAIR", "QL-E49") != base
    assert stable_id("model", "FAIR", "QL-E50") != base
    assert stable_id("model", "OTHER", "QL-E49") != base
    # Keys are separated, not concatenated: ("AB", "C") is not ("A", "BC").
    assert stable_id("model", "AB", "C") != stable_id("model", "A", "BC")


@pytest.mark.parametrize("keys", [(), ("",), ("FAIR", "")], ids=["no-keys", "empty", "one-empty"])
def test_a_stable_id_refuses_missing_or_empty_source_keys(keys: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="non-empty source keys"):
        stable_id("model", *keys)


@given(kind=st.text(min_size=1, max_size=20), keys=st.lists(st.text(min_size=1), min_size=1))
def test_a_stable_id_is_a_pure_function_of_its_inputs(kind: str, keys: list[str]) -> None:
    assert stable_id(kind, *keys) == stable_id(kind, *keys)


# --- hybrid logical clock ---------------------------------------------------------------------


@given(last=stamps, now=wall_ms)
def test_a_local_write_gets_a_stamp_after_the_last_one_and_not_before_the_wall_clock(
    last: Hlc, now: int
) -> None:
    stamp = next_stamp(last, now)
    assert stamp > last
    assert stamp.wall_ms >= now
    assert stamp.wall_ms == max(last.wall_ms, now)


@given(start=stamps, walls=st.lists(wall_ms, min_size=1, max_size=50))
def test_a_run_of_local_writes_is_strictly_increasing_even_when_the_wall_clock_jumps_back(
    start: Hlc, walls: list[int]
) -> None:
    clock = start
    for wall in walls:
        stamp = next_stamp(clock, wall)
        assert stamp > clock
        clock = stamp


@given(a=stamps, b=stamps)
def test_stamps_sort_as_text_exactly_as_they_sort_as_numbers(a: Hlc, b: Hlc) -> None:
    assert (str(a) < str(b)) == (a < b)
    assert (str(a) == str(b)) == (a == b)
    assert (str(a) < str(b)) == ((a.wall_ms, a.counter) < (b.wall_ms, b.counter))


@given(stamp=stamps)
def test_a_stamp_reads_back_from_its_text(stamp: Hlc) -> None:
    assert Hlc.parse(str(stamp)) == stamp
    assert len(str(stamp)) == len(str(ZERO)) == 22


@pytest.mark.parametrize("text", ["", "abc", "12.", ".5", "1.2.3", "-1.0", "12 .0"])
def test_text_that_is_not_a_stamp_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Hlc.parse(text)


@given(last=stamps, now=wall_clocks, ahead=st.integers(min_value=-(10**9), max_value=60_000))
def test_observing_a_remote_stamp_moves_the_clock_past_both_clocks(
    last: Hlc, now: int, ahead: int
) -> None:
    remote = Hlc(max(0, now + ahead), 3)
    observed = observe(last, remote, now)
    assert observed > last
    assert observed > remote
    assert observed.wall_ms >= now
    # The next local write still follows it.
    assert next_stamp(observed, now) > observed


@given(last=stamps, now=wall_clocks, extra=st.integers(min_value=1, max_value=10**9))
def test_observing_a_stamp_more_than_a_minute_in_the_future_is_refused(
    last: Hlc, now: int, extra: int
) -> None:
    remote = Hlc(now + MAX_FUTURE_DRIFT_MS + extra, 0)
    with pytest.raises(ClockSkewError, match="ahead of this device"):
        observe(last, remote, now)


def test_a_remote_clock_exactly_sixty_seconds_ahead_is_still_accepted() -> None:
    now = 1_700_000_000_000
    remote = Hlc(now + 60_000, 7)
    assert observe(ZERO, remote, now) == Hlc(now + 60_000, 8)
    with pytest.raises(ClockSkewError):
        observe(ZERO, Hlc(now + 60_001, 0), now)
    assert MAX_FUTURE_DRIFT_MS == 60_000


@given(
    a=st.builds(Hlc, wall_clocks, counters),
    b=st.builds(Hlc, wall_clocks, counters),
    now=wall_clocks,
)
def test_observing_remote_stamps_in_either_order_leaves_the_clock_past_both(
    a: Hlc, b: Hlc, now: int
) -> None:
    assume(max(a.wall_ms, b.wall_ms) - now <= MAX_FUTURE_DRIFT_MS)
    first = observe(observe(ZERO, a, now), b, now)
    second = observe(observe(ZERO, b, now), a, now)
    assert first > a and first > b
    assert second > a and second > b
    # The wall part is the latest wall time seen; it moves one millisecond further only when a
    # counter would outgrow its six digits (the carry that keeps text order == time order).
    latest = max(a.wall_ms, b.wall_ms, now)
    assert latest <= first.wall_ms <= latest + 1
    assert latest <= second.wall_ms <= latest + 1


def test_a_counter_that_would_outgrow_six_digits_carries_into_the_next_millisecond() -> None:
    full = Hlc(1_800_000_000_000, 999_999)
    after_local = next_stamp(full, 1_700_000_000_000)
    after_remote = observe(ZERO, full, 1_800_000_000_000)
    assert after_local == after_remote == Hlc(1_800_000_000_001, 0)
    assert str(after_local) > str(full) and len(str(after_local)) == len(str(full))
