"""The merge laws over random multi-device histories (hypothesis).

Three booth laptops capture, edit, delete and erase leads (people repeat across laptops: a small
pool of mobiles and e-mails), exchange packages with each other now and then, and run with wall
clocks hours behind or ahead. Then their packages are merged on fresh machines in different
orders and groupings:

- commutative: merging A then B gives the same rows as B then A;
- idempotent: merging a package again changes nothing;
- associative: (A ∪ B) ∪ C gives the same rows as A ∪ (B ∪ C);
- every row equals the version that wins the rule among all devices' versions (a model check),
  so tombstones (and erasures) are respected;
- every two live leads sharing a mobile or an e-mail end up connected by links for review.

Rows written by the merging machines themselves (their sync log, audit and link rows) differ
between machines by nature and are left out of the comparisons.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sync_data import (
    add_lead,
    contents,
    delete_lead,
    edit_lead,
    erase_person,
    new_device,
    unlinked_duplicates,
)

from catalog_app.services.sync.apply import merge_packages
from catalog_app.services.sync.merge import version_key
from catalog_app.services.sync.package import export_package
from catalog_app.services.sync.tables import mergeable_tables
from catalog_app.store import sqlite_settings, stamping
from catalog_app.store.database import Database

DEVICES = 3
PHONES = ["+8613800138000", "+8613900139000", "+8613700137000", ""]
EMAILS = ["zhang@example.cn", "li@example.cn", ""]
COMPANIES = ["黔运物流", "贵州煤业", "Gui'an Energy", "绿色运输"]
SKEWS_MS = [0, -3 * 3600_000, -45_000, 40_000, 2 * 3600_000]  # behind, a little, hours ahead

create = st.tuples(
    st.just("create"),
    st.integers(0, DEVICES - 1),
    st.sampled_from(PHONES),
    st.sampled_from(EMAILS),
)
change = st.one_of(
    st.tuples(
        st.just("edit"),
        st.integers(0, DEVICES - 1),
        st.integers(0, 20),
        st.sampled_from(COMPANIES + PHONES[:2]),
    ),
    st.tuples(st.just("delete"), st.integers(0, DEVICES - 1), st.integers(0, 20)),
    st.tuples(st.just("erase"), st.integers(0, DEVICES - 1), st.integers(0, 20)),
)
step = st.one_of(
    create,
    change,
    change,
    st.tuples(st.just("sync"), st.integers(0, DEVICES - 1), st.integers(0, DEVICES - 1)),
    st.tuples(st.just("skew"), st.integers(0, DEVICES - 1), st.sampled_from(SKEWS_MS)),
)
# Leads are captured, every laptop gets everyone's (a "share"), then laptops change them
# concurrently, with the odd exchange, new capture or clock change in between.
histories = st.builds(
    lambda first, rest: [*first, ("share", 0), *rest],
    st.lists(create, min_size=1, max_size=4),
    st.lists(step, min_size=2, max_size=12),
)


@dataclass
class Fleet:
    root: Path
    template: Path
    devices: list[Database] = field(default_factory=list)
    skews: list[int] = field(default_factory=list)
    leads: list[uuid.UUID] = field(default_factory=list)
    opened: list[Database] = field(default_factory=list)
    count: int = 0

    def machine(self, name: str) -> Database:
        self.count += 1
        database = new_device(self.template, self.root / f"{self.count}-{name}")
        self.opened.append(database)
        return database

    def package(self, database: Database) -> Path:
        return export_package(database, self.root / "usb", actor=None).path

    def merged(self, *packages: Path) -> Database:
        target = self.machine("merge")
        for package in packages:
            merge_packages(target, [package], actor=None, accept_clock_skew=True)
        return target


@contextmanager
def no_fsync() -> Iterator[None]:
    """Thrown-away test files need no fsync per commit (the disk here is slow at it)."""
    real = sqlite_settings.apply_pragmas

    def fast(connection: Any, busy_timeout_ms: int) -> None:
        real(connection, busy_timeout_ms)
        connection.execute("PRAGMA synchronous = OFF")

    sqlite_settings.apply_pragmas = fast  # type: ignore[assignment]
    try:
        yield
    finally:
        sqlite_settings.apply_pragmas = real  # type: ignore[assignment]


@contextmanager
def device_clock(skew_ms: int) -> Iterator[None]:
    """This device's wall clock is ``skew_ms`` off (the store stamps writes from it)."""
    real = stamping._wall_ms
    stamping._wall_ms = lambda: time.time_ns() // 1_000_000 + skew_ms  # type: ignore[assignment]
    try:
        yield
    finally:
        stamping._wall_ms = real  # type: ignore[assignment]


def _has(database: Database, lead_id: uuid.UUID) -> bool:
    from catalog_app.domain.models import Lead

    with database.sessions() as session:
        found = session.get(Lead, lead_id)
        return found is not None and found.deleted_at is None


def play(fleet: Fleet, history: list[tuple[Any, ...]]) -> None:
    for action, who, *rest in history:
        device = fleet.devices[who]
        with device_clock(fleet.skews[who]):
            if action == "create":
                phone, email = rest
                fleet.leads.append(add_lead(device, "客户", mobile=phone, email=email))
            elif action == "sync":
                source = fleet.devices[rest[0]]
                if source is not device:
                    merge_packages(
                        device, [fleet.package(source)], actor=None, accept_clock_skew=True
                    )
            elif action == "share":
                share(fleet)
            elif action == "skew":
                fleet.skews[who] = rest[0]
            elif fleet.leads:
                lead_id = fleet.leads[rest[0] % len(fleet.leads)]
                if not _has(device, lead_id):
                    continue  # a laptop can only change the leads it has
                if action == "edit":
                    value = rest[1]
                    field_name = "mobile_e164" if value.startswith("+") else "company"
                    edit_lead(device, lead_id, **{field_name: value})
                elif action == "delete":
                    delete_lead(device, lead_id)
                else:
                    erase_person(device, lead_id)


def share(fleet: Fleet) -> None:
    """Every laptop merges every other laptop's package."""
    packages = [fleet.package(device) for device in fleet.devices]
    for index, device in enumerate(fleet.devices):
        others = [p for n, p in enumerate(packages) if n != index]
        merge_packages(device, others, actor=None, accept_clock_skew=True)


def winners(devices: list[Database]) -> dict[str, dict[Any, dict[str, Any]]]:
    """For every table and id, the version the rule picks among all devices' versions."""
    best: dict[str, dict[Any, dict[str, Any]]] = {}
    for database in devices:
        with database.engine.connect() as connection:
            for table in mergeable_tables():
                rows = best.setdefault(table.name, {})
                for row in connection.execute(select(table)):
                    version = dict(row._mapping)
                    here = rows.get(version["id"])
                    key = version_key(table.name, version)
                    if here is None or key > version_key(table.name, here):
                        rows[version["id"]] = version
    return best


def assert_rows_are_the_winners(target: Database, expected: dict[str, Any]) -> None:
    with target.engine.connect() as connection:
        for table in ("lead", "lead_interest", "device"):
            merged = {
                row.id: dict(row._mapping) for row in connection.execute(select(mergeable(table)))
            }
            for row_id, version in expected[table].items():
                assert merged[row_id] == version, (table, row_id)


def assert_same_derived_links(first: Database, second: Database) -> None:
    """A pair linked by merges on both machines for the same reason has the very same row on
    both. (The reason may differ: one machine may have seen the pair share a phone, the other,
    after a package changed that phone, only an e-mail; where such rows meet, "phone" wins.)"""
    table = mergeable("lead_duplicate_link")
    found = []
    for database in (first, second):
        with database.engine.connect() as connection:
            query = select(table).where(table.c.device_id.is_(None))
            found.append({row.id: tuple(row) for row in connection.execute(query)})
    reason = table.c.keys().index("reason")
    for link_id in found[0].keys() & found[1].keys():
        if found[0][link_id][reason] == found[1][link_id][reason]:
            assert found[0][link_id] == found[1][link_id]


def mergeable(name: str) -> Any:
    return next(t for t in mergeable_tables() if t.name == name)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=histories)
def test_merging_is_commutative_idempotent_and_associative(
    template_file: Path, history: list[tuple[Any, ...]]
) -> None:
    with tempfile.TemporaryDirectory() as folder, no_fsync():
        fleet = Fleet(Path(folder), template_file)
        try:
            fleet.devices = [fleet.machine(f"booth-{n}") for n in range(DEVICES)]
            fleet.skews = [0] * DEVICES
            play(fleet, history)
            a, b, c = (fleet.package(device) for device in fleet.devices)
            expected = winners(fleet.devices)

            ab, ba = fleet.merged(a, b), fleet.merged(b, a)
            # Left out: the merging machines' own rows, and links found by merges (device None:
            # derived data, compared below).
            mergers = {ab.device_id, ba.device_id, None}
            assert contents(ab, exclude_devices=mergers) == contents(ba, exclude_devices=mergers)
            assert_same_derived_links(ab, ba)

            before = contents(ab)
            merge_packages(ab, [a, b], actor=None, accept_clock_skew=True)  # again
            assert contents(ab) == before

            left = fleet.merged(fleet.package(ab), c)  # (A ∪ B) ∪ C
            bc = fleet.merged(b, c)
            right = fleet.merged(a, fleet.package(bc))  # A ∪ (B ∪ C)
            mergers = {ab.device_id, bc.device_id, left.device_id, right.device_id, None}
            merged = contents(left, exclude_devices=mergers)
            assert merged == contents(right, exclude_devices=mergers)
            assert_same_derived_links(left, right)

            assert_rows_are_the_winners(left, expected)
            for target in (left, right, ab, ba):
                assert not unlinked_duplicates(target)
        finally:
            for database in fleet.opened:
                database.close()
