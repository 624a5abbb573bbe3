"""THE merge rule itself: a join-semilattice in Python, and SQLite and PostgreSQL agree with it."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import JSON, Engine, create_engine, select

from catalog_app.domain.base import Base
from catalog_app.domain.enums import LeadSource
from catalog_app.services.sync.merge import (
    RANK_DELETED,
    RANK_ERASED,
    RANK_LIVE,
    conflicting,
    rank,
    version_key,
    winner,
)
from catalog_app.services.sync.server_rows import upsert_rows
from catalog_app.services.sync.tables import mergeable_tables, table_named
from catalog_app.store.database import Database

LEAD_ID = uuid.UUID("01900000-0000-7000-8000-000000000001")
DEVICES = [None, uuid.UUID(int=5), uuid.UUID("ffffffff-0000-4000-8000-000000000000")]
STAMPS = ["", "001700000000000.000000", "001700000000000.000002", "001700000000001.000000"]
WHEN = datetime(2026, 11, 25, 8, 30, tzinfo=UTC)


def lead_version(state: int, stamp: str, device: uuid.UUID | None) -> dict[str, Any]:
    """A whole lead row; the same (state, stamp, device) always gives the same row (one write)."""
    name = "" if state == RANK_ERASED else f"客户 {stamp[-3:]} {device}"
    return _whole_row(
        {
            "id": LEAD_ID,
            "source": LeadSource.BOOTH,
            "person_name": name,
            "mobile_e164": "" if state == RANK_ERASED else "+8613800138000",
            "company": f"company of {stamp}/{device}",
            "hlc": stamp,
            "device_id": device,
            "deleted_at": None if state == RANK_LIVE else WHEN,
            "created_at": WHEN,
            "updated_at": WHEN,
        }
    )


def _whole_row(given: dict[str, Any]) -> dict[str, Any]:
    """Every column of the lead table: the given values, else the column's default."""
    row = {}
    for column in table_named("lead").columns:
        if column.name in given:
            row[column.name] = given[column.name]
        elif column.default is not None and column.default.is_scalar:
            row[column.name] = column.default.arg  # type: ignore[attr-defined]
        elif column.nullable:
            row[column.name] = None
        else:
            row[column.name] = [] if isinstance(column.type, JSON) else ""
    return row


versions = st.builds(
    lead_version,
    st.sampled_from([RANK_LIVE, RANK_DELETED, RANK_ERASED]),
    st.sampled_from(STAMPS),
    st.sampled_from(DEVICES),
)


@given(versions, versions)
def test_the_winner_does_not_depend_on_the_order(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert winner("lead", a, b) == winner("lead", b, a)


@given(versions)
def test_a_version_merged_with_itself_is_itself(a: dict[str, Any]) -> None:
    assert winner("lead", a, a) == a


@given(versions, versions, versions)
def test_grouping_does_not_matter(a: Any, b: Any, c: Any) -> None:
    assert winner("lead", winner("lead", a, b), c) == winner("lead", a, winner("lead", b, c))


@given(versions, versions)
def test_a_tombstone_beats_every_live_version_and_an_erasure_every_plain_delete(
    a: dict[str, Any], b: dict[str, Any]
) -> None:
    if rank("lead", a) != rank("lead", b):
        assert rank("lead", winner("lead", a, b)) == max(rank("lead", a), rank("lead", b))


def test_between_live_versions_the_later_stamp_wins_then_the_greater_device() -> None:
    early = lead_version(RANK_LIVE, STAMPS[1], DEVICES[2])
    late = lead_version(RANK_LIVE, STAMPS[2], DEVICES[1])
    assert winner("lead", early, late) is late
    tie_low = lead_version(RANK_LIVE, STAMPS[2], DEVICES[1])
    tie_high = lead_version(RANK_LIVE, STAMPS[2], DEVICES[2])
    assert winner("lead", tie_high, tie_low) is tie_high
    assert version_key("lead", tie_low)[2] == DEVICES[1].hex  # type: ignore[union-attr]


def test_edits_that_saw_each_other_are_not_conflicts() -> None:
    one, two = DEVICES[1], DEVICES[2]
    here = lead_version(RANK_LIVE, STAMPS[1], one)
    there = lead_version(RANK_LIVE, STAMPS[2], two)
    assert one is not None and two is not None
    nobody_saw = conflicting("lead", there, here, {two.hex: STAMPS[2]}, {one.hex: STAMPS[1]})
    they_saw_ours = conflicting(
        "lead", there, here, {two.hex: STAMPS[2], one.hex: STAMPS[1]}, {one.hex: STAMPS[1]}
    )
    assert nobody_saw and not they_saw_ours
    assert not conflicting("lead", here, here, {}, {})


def test_only_mergeable_tables_merge_parents_first() -> None:
    names = [t.name for t in mergeable_tables()]
    assert "local_setting" not in names and "form_draft" not in names
    assert names.index("lead") < names.index("lead_interest") < len(names)
    assert names.index("fair") < names.index("exhibitor") < names.index("truck_model")


# -- the SQL form agrees with the Python form, on both back ends -------------------------------
ALL_VERSIONS = [
    lead_version(state, stamp, device)
    for state, stamp, device in itertools.product(
        (RANK_LIVE, RANK_DELETED, RANK_ERASED), STAMPS, DEVICES
    )
]


def _agrees(engine: Engine) -> None:
    lead = table_named("lead")
    with engine.begin() as connection:
        for current, incoming in itertools.product(ALL_VERSIONS, repeat=2):
            connection.execute(lead.delete())
            upsert_rows(connection, lead, [current])
            upsert_rows(connection, lead, [incoming])
            row = connection.execute(select(lead)).one()._mapping
            expected = winner("lead", current, incoming)
            assert (row["hlc"], row["device_id"], row["person_name"], row["deleted_at"]) == (
                expected["hlc"],
                expected["device_id"],
                expected["person_name"],
                expected["deleted_at"],
            ), (current, incoming)


@pytest.fixture
def sqlite_lead_table() -> Iterator[Engine]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine, tables=[table_named("lead")])
    yield engine
    engine.dispose()


def test_sqlite_upserts_keep_exactly_the_rule_s_winner(sqlite_lead_table: Engine) -> None:
    _agrees(sqlite_lead_table)


@pytest.mark.postgres
def test_postgresql_upserts_keep_exactly_the_rule_s_winner(postgres_db: Database) -> None:
    _agrees(postgres_db.engine)


def test_the_sql_link_id_function_makes_the_same_ids_as_the_domain_helper() -> None:
    from catalog_app.services.sync.duplicates import _link_id_hex, link_id

    for number in range(50):
        first, second = uuid.UUID(int=number * 7919), uuid.UUID(int=2**127 - number)
        assert _link_id_hex(first.hex, second.hex) == link_id(first, second).hex
