"""The domain model on a real database, SQLite and PostgreSQL alike (the ``any_db`` fixture).

Every table can be written and read back; every merged row is stamped by the store with this
device's id, a hybrid-logical-clock stamp that only moves forward, and UTC times; merged rows are
never deleted physically, only made tombstones; a merge can keep the stamps it brings along;
unique and foreign keys hold; the database knows its own device.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from catalog_app import __version__
from catalog_app.domain.base import Base, Mergeable
from catalog_app.domain.clock import Hlc
from catalog_app.domain.enums import (
    DuplicateStatus,
    ExhibitorKind,
    Financing,
    IntentStatus,
    LeadSource,
    MediaKind,
    Rating,
    StaffRole,
    SyncDirection,
    Timeframe,
)
from catalog_app.domain.models import (
    AuditEntry,
    Device,
    Exhibitor,
    Fair,
    IntentForm,
    IntentLine,
    IntentStatusChange,
    Lead,
    LeadDuplicateLink,
    LeadInterest,
    LocalSetting,
    Media,
    ModelOption,
    SpecValue,
    StaffAccount,
    SyncLog,
    TruckModel,
)
from catalog_app.store import stamping
from catalog_app.store.database import Database, device_code, open_server, open_sqlite
from catalog_app.store.errors import PhysicalDeleteError
from catalog_app.store.stamping import CLOCK_KEY, KEEP_STAMPS

SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")


@dataclass(frozen=True)
class Booth:
    """Ids of one fully populated booth: a fair, its catalog, a lead and an intent form."""

    fair: uuid.UUID
    exhibitor: uuid.UUID
    model: uuid.UUID
    staff: uuid.UUID
    lead: uuid.UUID
    second_lead: uuid.UUID
    intent: uuid.UUID


def _fair(code: str = "GZ-2026") -> Fair:
    return Fair(code=code, name_zh="广州新能源商用车展", name_en="Guangzhou NEV Truck Fair")


def _exhibitor(fair: Fair, code: str = "E01") -> Exhibitor:
    return Exhibitor(fair=fair, code=code, name_zh="示例汽车", kind=ExhibitorKind.MAKER)


def _model(exhibitor: Exhibitor, code: str = "QL-E49") -> TruckModel:
    return TruckModel(
        exhibitor=exhibitor,
        code=code,
        name_zh="纯电动牵引车",
        body_type="tractor",
        powertrain="bev",
        battery_kwh=423.0,
        price_cny=780_000.0,
    )


def build_booth(db: Database) -> Booth:
    """Write one of every kind of row, in one transaction, as the booth would."""
    with db.transaction() as session:
        fair = _fair()
        exhibitor = _exhibitor(fair)
        model = _model(exhibitor)
        session.add_all([fair, exhibitor, model])
        session.add_all(
            [
                SpecValue(model=model, field_key="battery_kwh", number_value=423.0),
                SpecValue(model=model, field_key="cell_chemistry", text_value="LFP"),
                ModelOption(model=model, code="BIG-PACK", name_zh="大电池包", price_cny=60_000.0),
                Media(
                    model=model,
                    sha256="ab" * 32,
                    kind=MediaKind.PHOTO,
                    mime_type="image/jpeg",
                    size_bytes=12_345,
                ),
            ]
        )
        staff = StaffAccount(display_name="王芳", role=StaffRole.MANAGER)
        session.add(staff)
        session.flush()
        lead = Lead(
            fair_id=fair.id,
            exhibitor_id=exhibitor.id,
            person_name="李雷",
            company="顺达物流有限公司",
            mobile="138 0013 8000",
            mobile_e164="+8613800138000",
            source=LeadSource.BOOTH,
            rating=Rating.HOT,
            consent_purposes=["follow_up"],
            consent_at=datetime(2026, 11, 25, 10, 0, tzinfo=SHANGHAI),
            staff_id=staff.id,
            captured_on_device_id=db.device_id,
            tco_inputs={"km_per_day": 300},
        )
        second = Lead(
            fair_id=fair.id,
            person_name="李雷",
            mobile_e164="+8613800138000",
            source=LeadSource.KIOSK,
        )
        session.add_all([lead, second])
        session.flush()
        session.add_all(
            [
                LeadInterest(
                    lead=lead,
                    model_id=model.id,
                    quantity=10,
                    timeframe=Timeframe.WITHIN_3_MONTHS,
                    financing=Financing.FINANCE_LEASE,
                ),
                LeadDuplicateLink(
                    lead_a_id=lead.id,
                    lead_b_id=second.id,
                    reason="phone",
                    status=DuplicateStatus.OPEN,
                ),
            ]
        )
        intent = IntentForm(
            reference="E01-ABC123-0001",
            lead_id=lead.id,
            exhibitor_id=exhibitor.id,
            fair_id=fair.id,
            staff_id=staff.id,
            issued_on=date(2026, 11, 25),
            seller={"name_zh": "示例汽车"},
            total_cny=7_800_000.0,
        )
        intent.lines = [
            IntentLine(line_no=1, model_id=model.id, model_name="纯电动牵引车", quantity=10),
            IntentLine(line_no=2, model_name="换电站服务", quantity=1, unit_price_cny=0.0),
        ]
        intent.status_changes = [
            IntentStatusChange(
                from_status=IntentStatus.DRAFT,
                to_status=IntentStatus.PRINTED,
                changed_at=datetime.now(UTC),
                staff_id=staff.id,
            )
        ]
        session.add(intent)
        session.add_all(
            [
                AuditEntry(action="intent.print", staff_id=staff.id, detail={"copies": 2}),
                SyncLog(direction=SyncDirection.PACKAGE_EXPORT, counts={"lead": 2}),
            ]
        )
        session.flush()
        return Booth(fair.id, exhibitor.id, model.id, staff.id, lead.id, second.id, intent.id)


def _mergeable_tables() -> list[type[Base]]:
    return [
        mapper.class_
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Mergeable) and issubclass(mapper.class_, Base)
    ]


def _hlc_of(db: Database, model: type[Mergeable], row_id: uuid.UUID) -> str:
    with db.sessions() as session:
        row = session.get(model, row_id)
        assert row is not None
        return row.hlc


def _is_utc(moment: datetime) -> bool:
    return moment.tzinfo is not None and moment.utcoffset() == timedelta(0)


# --- writing and reading every table ---------------------------------------------------------


def test_a_whole_booth_of_rows_is_written_and_read_back(any_db: Database) -> None:
    booth = build_booth(any_db)
    with any_db.sessions() as session:
        intent = session.get(IntentForm, booth.intent)
        assert intent is not None
        assert [line.line_no for line in intent.lines] == [1, 2]
        assert intent.status_changes[0].to_status is IntentStatus.PRINTED
        assert intent.seller == {"name_zh": "示例汽车"}
        lead = session.get(Lead, booth.lead)
        assert lead is not None
        assert lead.company == "顺达物流有限公司"
        assert lead.consent_purposes == ["follow_up"]
        assert lead.tco_inputs == {"km_per_day": 300}
        assert lead.interests[0].financing is Financing.FINANCE_LEASE
        model = session.get(TruckModel, booth.model)
        assert model is not None
        assert {spec.field_key for spec in model.spec_values} == {"battery_kwh", "cell_chemistry"}
        assert model.options[0].price_cny == 60_000.0
        assert model.media[0].kind is MediaKind.PHOTO
        assert model.exhibitor.fair.code == "GZ-2026"
        counts = {
            table.__tablename__: session.scalar(select(func.count()).select_from(table))
            for table in _mergeable_tables()
        }
    assert counts == {
        "attendee": 0,
        "audit_entry": 1,
        "device": 1,
        "exhibitor": 1,
        "fair": 1,
        "intent_form": 1,
        "intent_line": 2,
        "intent_status_change": 1,
        "lead": 2,
        "lead_duplicate_link": 1,
        "lead_interest": 1,
        "media": 1,
        "model_option": 1,
        "spec_value": 2,
        "staff_account": 1,
        "sync_log": 1,
        "truck_model": 1,
    }


def test_every_merged_row_carries_this_devices_stamp_and_utc_times(any_db: Database) -> None:
    build_booth(any_db)
    seen = 0
    with any_db.sessions() as session:
        for table in _mergeable_tables():
            for row in session.scalars(select(table)):
                assert isinstance(row, Mergeable)
                where = f"{table.__tablename__} {row.id}"
                assert row.device_id == any_db.device_id, where
                assert row.hlc, where
                assert Hlc.parse(row.hlc).wall_ms > 0, where
                assert _is_utc(row.created_at), where
                assert _is_utc(row.updated_at), where
                assert row.deleted_at is None, where
                assert row.id.version == 7, where
                seen += 1
    assert seen == 19


def test_rows_written_in_one_flush_get_distinct_increasing_stamps(any_db: Database) -> None:
    with any_db.transaction() as session:
        fairs = [_fair(f"F{number:02d}") for number in range(20)]
        session.add_all(fairs)
    stamps = [fair.hlc for fair in fairs]
    assert len(set(stamps)) == len(stamps)
    with any_db.sessions() as session:
        stored = session.scalar(select(LocalSetting.value).where(LocalSetting.key == CLOCK_KEY))
    assert stored == max(stamps)


# --- the clock --------------------------------------------------------------------------------


def test_an_update_advances_the_rows_clock_and_its_updated_at(any_db: Database) -> None:
    booth = build_booth(any_db)
    before_hlc = _hlc_of(any_db, Lead, booth.lead)
    with any_db.sessions() as session:
        before = session.get(Lead, booth.lead)
        assert before is not None
        before_updated, created = before.updated_at, before.created_at
    with any_db.transaction() as session:
        lead = session.get(Lead, booth.lead)
        assert lead is not None
        lead.rating = Rating.WARM
    with any_db.sessions() as session:
        after = session.get(Lead, booth.lead)
        assert after is not None
        assert after.rating is Rating.WARM
        assert Hlc.parse(after.hlc) > Hlc.parse(before_hlc)
        assert after.updated_at >= before_updated
        assert after.created_at == created
        assert after.device_id == any_db.device_id


def test_a_session_that_changes_nothing_does_not_move_the_clock(any_db: Database) -> None:
    booth = build_booth(any_db)
    before = _hlc_of(any_db, Fair, booth.fair)
    with any_db.transaction() as session:
        fair = session.get(Fair, booth.fair)
        assert fair is not None
        fair.name_zh = fair.name_zh  # same value: not a change
    assert _hlc_of(any_db, Fair, booth.fair) == before


def test_the_clock_strictly_increases_over_a_sequence_of_writes(any_db: Database) -> None:
    booth = build_booth(any_db)
    stamps: list[str] = []
    for step in range(15):
        with any_db.transaction() as session:
            if step % 3 == 0:
                fair = _fair(f"NEXT-{step}")
                session.add(fair)
                session.flush()
                stamps.append(fair.hlc)
            else:
                lead = session.get(Lead, booth.lead)
                assert lead is not None
                lead.notes = f"call back, attempt {step}"
                session.flush()
                stamps.append(lead.hlc)
    parsed = [Hlc.parse(stamp) for stamp in stamps]
    assert all(a < b for a, b in zip(parsed, parsed[1:], strict=False))
    assert stamps == sorted(stamps)  # text order is the same
    with any_db.sessions() as session:
        newest = session.scalar(select(func.max(Lead.hlc)))
        clock = session.get(LocalSetting, CLOCK_KEY)
    assert clock is not None
    assert clock.value == stamps[-1]
    assert newest is not None and newest <= clock.value


def _overlapping_writes(
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    wait_until_b_waits: Callable[[threading.Event], None],
) -> tuple[str, str]:
    """Writer A flushes (holding the write lock) while writer B flushes; then A commits.

    The wall clock is frozen so that two writers that read the same clock value would stamp
    alike. ``wait_until_b_waits`` gets an event set when B sends a statement that needs the
    write lock. Returns the stamps of A's row and of B's row.
    """
    frozen = time.time_ns() // 1_000_000
    monkeypatch.setattr(stamping, "_wall_ms", lambda: frozen)
    stamps: dict[str, str] = {}
    errors: list[BaseException] = []
    b_started = threading.Event()
    b_writing = threading.Event()
    b_thread: list[threading.Thread] = []

    def spot_b_writing(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        needs_write_lock = (
            statement.lstrip().upper().startswith(("INSERT", "UPDATE", "BEGIN IMMEDIATE"))
        )
        if needs_write_lock and threading.current_thread() in b_thread:
            b_writing.set()

    def writer_b() -> None:
        b_started.set()
        try:
            with db.transaction() as session:
                fair = _fair("WRITER-B")
                session.add(fair)
                session.flush()
                stamps["b"] = fair.hlc
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            errors.append(exc)

    session_a = db.sessions()
    event.listen(db.engine, "before_cursor_execute", spot_b_writing)
    try:
        session_a.begin()
        fair_a = _fair("WRITER-A")
        session_a.add(fair_a)
        session_a.flush()
        stamps["a"] = fair_a.hlc
        thread_b = threading.Thread(target=writer_b)
        b_thread.append(thread_b)
        thread_b.start()
        assert b_started.wait(10)
        wait_until_b_waits(b_writing)
        session_a.commit()
    finally:
        session_a.close()
        event.remove(db.engine, "before_cursor_execute", spot_b_writing)
    thread_b.join(30)
    assert not thread_b.is_alive()
    if errors:
        raise errors[0]
    return stamps["a"], stamps["b"]


def test_two_overlapping_writers_on_sqlite_both_commit_with_distinct_stamps(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def wait(b_writing: threading.Event) -> None:
        # B is inside the statement that needs A's lock; give it time to start waiting there.
        assert b_writing.wait(10), "writer B never tried to write"
        time.sleep(0.2)

    stamp_a, stamp_b = _overlapping_writes(sqlite_db, monkeypatch, wait)
    assert Hlc.parse(stamp_b) > Hlc.parse(stamp_a)


def _until_a_backend_waits_for_a_lock(db: Database) -> Callable[[threading.Event], None]:
    def wait(_b_writing: threading.Event) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with db.engine.connect() as connection:
                waiting = connection.exec_driver_sql(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND application_name = current_setting('application_name')"
                ).scalar()
            if waiting:
                return
            time.sleep(0.02)
        raise RuntimeError("writer B never waited for writer A")  # not the xfail's error

    return wait


@pytest.mark.postgres
def test_two_overlapping_writers_on_postgresql_get_distinct_stamps(
    postgres_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamp_a, stamp_b = _overlapping_writes(
        postgres_db, monkeypatch, _until_a_backend_waits_for_a_lock(postgres_db)
    )
    assert stamp_a != stamp_b, f"both writers stamped {stamp_a}"
    assert Hlc.parse(stamp_b) > Hlc.parse(stamp_a)


# --- deletes are tombstones -------------------------------------------------------------------


def test_deleting_a_merged_row_physically_is_refused(any_db: Database) -> None:
    booth = build_booth(any_db)
    with pytest.raises(PhysicalDeleteError) as raised, any_db.transaction() as session:
        lead = session.get(Lead, booth.lead)
        assert lead is not None
        session.delete(lead)
        session.flush()
    assert "lead" in raised.value.text("en")
    assert "物理删除" in raised.value.text("zh_CN")
    with any_db.sessions() as session:
        assert session.get(Lead, booth.lead) is not None


def test_a_physical_delete_is_refused_even_while_merging_with_kept_stamps(any_db: Database) -> None:
    booth = build_booth(any_db)
    with pytest.raises(PhysicalDeleteError), any_db.transaction() as session:
        session.info[KEEP_STAMPS] = True
        fair = session.get(Fair, booth.fair)
        session.delete(fair)
        session.flush()


def test_mark_deleted_makes_a_stamped_tombstone_that_keeps_its_id(any_db: Database) -> None:
    booth = build_booth(any_db)
    before = _hlc_of(any_db, Lead, booth.second_lead)
    with any_db.transaction() as session:
        lead = session.get(Lead, booth.second_lead)
        assert lead is not None
        lead.mark_deleted()
    with any_db.sessions() as session:
        tombstone = session.get(Lead, booth.second_lead)
        assert tombstone is not None
        assert tombstone.is_deleted
        assert tombstone.deleted_at is not None and _is_utc(tombstone.deleted_at)
        assert Hlc.parse(tombstone.hlc) > Hlc.parse(before)
        first_deleted_at = tombstone.deleted_at
    # Marking again changes nothing: the first deletion time stands.
    with any_db.transaction() as session:
        lead = session.get(Lead, booth.second_lead)
        assert lead is not None
        lead.mark_deleted()
    with any_db.sessions() as session:
        again = session.get(Lead, booth.second_lead)
        assert again is not None and again.deleted_at == first_deleted_at


# --- merges keep the stamps they bring --------------------------------------------------------


def test_a_merge_session_keeps_the_stamps_of_the_rows_it_copies(any_db: Database) -> None:
    other_device = uuid.uuid4()
    row_id = uuid.uuid4()
    remote_created = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)
    remote_updated = datetime(2026, 11, 24, 9, 45, 1, 250_000, tzinfo=UTC)
    remote_hlc = str(Hlc(1_795_000_000_000, 4))
    with any_db.sessions() as session, session.begin():
        session.info[KEEP_STAMPS] = True
        session.add(
            Fair(
                id=row_id,
                code="REMOTE",
                name_zh="远程展会",
                hlc=remote_hlc,
                device_id=other_device,
                created_at=remote_created,
                updated_at=remote_updated,
            )
        )
    with any_db.sessions() as session:
        fair = session.get(Fair, row_id)
        assert fair is not None
        assert fair.hlc == remote_hlc
        assert fair.device_id == other_device
        assert fair.created_at == remote_created
        assert fair.updated_at == remote_updated


def _session_adding(session: Session, *rows: object) -> None:
    session.add_all(rows)
    session.flush()


# --- keys and constraints ---------------------------------------------------------------------


def test_a_fair_code_is_unique(any_db: Database) -> None:
    build_booth(any_db)
    with pytest.raises(IntegrityError), any_db.transaction() as session:
        _session_adding(session, _fair())


@pytest.mark.parametrize(
    "what", ["exhibitor code", "model code", "spec field", "option code", "intent revision"]
)
def test_codes_are_unique_within_their_parent(any_db: Database, what: str) -> None:
    booth = build_booth(any_db)
    with pytest.raises(IntegrityError), any_db.transaction() as session:
        fair = session.get(Fair, booth.fair)
        exhibitor = session.get(Exhibitor, booth.exhibitor)
        model = session.get(TruckModel, booth.model)
        assert fair is not None and exhibitor is not None and model is not None
        duplicates: dict[str, Callable[[], Base]] = {
            "exhibitor code": lambda: _exhibitor(fair),
            "model code": lambda: _model(exhibitor),
            "spec field": lambda: SpecValue(model=model, field_key="battery_kwh"),
            "option code": lambda: ModelOption(model=model, code="BIG-PACK", name_zh="重复"),
            "intent revision": lambda: IntentForm(reference="E01-ABC123-0001", revision=1),
        }
        _session_adding(session, duplicates[what]())


def test_the_same_code_is_fine_under_another_parent(any_db: Database) -> None:
    build_booth(any_db)
    with any_db.transaction() as session:
        other_fair = _fair("SH-2027")
        exhibitor = _exhibitor(other_fair)  # same exhibitor code "E01", other fair
        _session_adding(session, other_fair, exhibitor, _model(exhibitor))
        _session_adding(session, IntentForm(reference="E01-ABC123-0001", revision=2))


def test_a_row_pointing_at_a_missing_parent_is_refused(any_db: Database) -> None:
    with pytest.raises(IntegrityError), any_db.transaction() as session:
        _session_adding(
            session,
            Exhibitor(fair_id=uuid.uuid4(), code="E99", name_zh="孤儿", kind=ExhibitorKind.OTHER),
        )


# --- this database's device -------------------------------------------------------------------


def test_the_database_knows_its_own_device(any_db: Database) -> None:
    with any_db.sessions() as session:
        device = session.get(Device, any_db.device_id)
        setting = session.get(LocalSetting, "device_id")
        assert device is not None
        assert setting is not None and uuid.UUID(setting.value) == any_db.device_id
        assert device.code == device_code(any_db.device_id)
        assert len(device.code) == 6
        assert device.app_version == __version__
        assert device.device_id == any_db.device_id
        assert device.hlc
        assert session.scalar(select(func.count()).select_from(Device)) == 1


def test_reopening_a_database_keeps_its_device_identity(any_db: Database) -> None:
    again = open_sqlite(any_db.path) if any_db.path is not None else open_server(any_db.url)
    try:
        assert again.device_id == any_db.device_id
        with again.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Device)) == 1
    finally:
        again.close()


# --- time -------------------------------------------------------------------------------------


def test_a_time_written_in_any_zone_reads_back_as_the_same_instant_in_utc(
    any_db: Database,
) -> None:
    captured = datetime(2026, 11, 25, 23, 59, 58, 123_456, tzinfo=SHANGHAI)
    with any_db.transaction() as session:
        lead = Lead(person_name="韩梅梅", source=LeadSource.BOOTH, captured_at=captured)
        session.add(lead)
    with any_db.sessions() as session:
        stored = session.get(Lead, lead.id)
        assert stored is not None and stored.captured_at is not None
        assert stored.captured_at == captured
        assert _is_utc(stored.captured_at)
        assert stored.captured_at.replace(tzinfo=None) == datetime(
            2026, 11, 25, 15, 59, 58, 123_456
        )
        # Sorting and filtering by time work on the stored form too.
        found = session.scalar(
            select(Lead.id).where(Lead.captured_at > datetime(2026, 11, 25, 15, 0, tzinfo=UTC))
        )
        assert found == lead.id


def test_a_naive_datetime_is_refused_rather_than_guessed(any_db: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"), any_db.transaction() as session:
        session.add(
            Lead(person_name="无时区", source=LeadSource.BOOTH, captured_at=datetime(2026, 1, 1))
        )
        session.flush()
