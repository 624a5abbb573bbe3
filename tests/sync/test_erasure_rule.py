"""The merge rule for rows marked erased (``erased_at``: intent forms, attendee-list rows): an
erased version beats every version that is not, live or deleted, whatever its stamp; between
erased versions the later write wins. SQLite and PostgreSQL agree with the Python form."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, select

from catalog_app.domain.base import Base
from catalog_app.services.sync.merge import (
    ERASE_MARKED,
    RANK_DELETED,
    RANK_ERASED,
    RANK_LIVE,
    rank,
    winner,
)
from catalog_app.services.sync.server_rows import upsert_rows
from catalog_app.services.sync.tables import table_named
from catalog_app.store.database import Database

ROW_ID = uuid.UUID("01900000-0000-7000-8000-0000000000a1")
DEVICES = [None, uuid.UUID(int=5)]
STAMPS = ["001700000000000.000000", "001700000000001.000000"]
WHEN = datetime(2026, 11, 25, 8, 30, tzinfo=UTC)
STATES = ("live", "deleted", "erased", "erased and deleted")


def attendee_version(state: str, stamp: str, device: uuid.UUID | None) -> dict[str, Any]:
    erased = state.startswith("erased")
    return {
        "id": ROW_ID,
        "fair_id": None,
        "badge_code": "GZ-0001",
        "person_name": "" if erased else f"张伟 {stamp[-3:]} {device}",
        "company": "黔运物流",
        "title": "",
        "mobile": "" if erased else "13800138001",
        "email": "",
        "source_file": f"{state}.csv",
        "erased_at": WHEN if erased else None,
        "created_at": WHEN,
        "updated_at": WHEN,
        "hlc": stamp,
        "device_id": device,
        "deleted_at": WHEN if state in ("deleted", "erased and deleted") else None,
    }


VERSIONS = [attendee_version(*combo) for combo in itertools.product(STATES, STAMPS, DEVICES)]


def test_an_erased_version_outranks_every_version_that_is_not() -> None:
    assert {"intent_form", "attendee"} == ERASE_MARKED
    ranks = {state: rank("attendee", attendee_version(state, STAMPS[0], None)) for state in STATES}
    assert ranks == {
        "live": RANK_LIVE,
        "deleted": RANK_DELETED,
        "erased": RANK_ERASED,
        "erased and deleted": RANK_ERASED,
    }
    early_erased = attendee_version("erased", STAMPS[0], None)
    late_edit = attendee_version("live", STAMPS[1], DEVICES[1])
    late_delete = attendee_version("deleted", STAMPS[1], DEVICES[1])
    assert winner("attendee", early_erased, late_edit) is early_erased
    assert winner("attendee", late_delete, early_erased) is early_erased
    later_erased = attendee_version("erased and deleted", STAMPS[1], None)
    assert winner("attendee", early_erased, later_erased) is later_erased


def _agrees(engine: Engine) -> None:
    table = table_named("attendee")
    with engine.begin() as connection:
        for current, incoming in itertools.product(VERSIONS, repeat=2):
            connection.execute(table.delete())
            upsert_rows(connection, table, [current])
            upsert_rows(connection, table, [incoming])
            row = connection.execute(select(table)).one()._mapping
            expected = winner("attendee", current, incoming)
            assert (row["hlc"], row["device_id"], row["source_file"]) == (
                expected["hlc"],
                expected["device_id"],
                expected["source_file"],
            ), (current, incoming)


@pytest.fixture
def sqlite_attendee_table() -> Iterator[Engine]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine, tables=[table_named("fair"), table_named("attendee")])
    yield engine
    engine.dispose()


def test_sqlite_upserts_keep_exactly_the_rule_s_winner(sqlite_attendee_table: Engine) -> None:
    _agrees(sqlite_attendee_table)


@pytest.mark.postgres
def test_postgresql_upserts_keep_exactly_the_rule_s_winner(postgres_db: Database) -> None:
    _agrees(postgres_db.engine)
