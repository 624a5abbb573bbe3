"""Reference numbers: unique across booth devices that never talk to each other, and never
repeated by one device — even after a backup is restored or its rows come back in a merge."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from catalog_app.domain.base import Base
from catalog_app.domain.models import IntentForm, LocalSetting
from catalog_app.services.intent_numbering import (
    SAMPLE_DEVICE_CODE,
    SEQUENCE_KEY,
    allocate_reference,
    format_reference,
    parse_reference,
    qr_payload,
    reference_code,
    split_payload,
)
from catalog_app.store.database import device_code


@dataclass
class SimulatedDevice:
    """A booth laptop: its own database (in memory) and device code."""

    code: str
    sessions: sessionmaker[Session]
    issued: list[str] = field(default_factory=list)

    @classmethod
    def make(cls, device_id: uuid.UUID) -> SimulatedDevice:
        engine = create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
        Base.metadata.create_all(engine)
        return cls(device_code(device_id), sessionmaker(engine))

    def issue(self, exhibitor: str) -> str:
        with self.sessions() as session, session.begin():
            reference = allocate_reference(session, exhibitor, self.code)
            session.add(IntentForm(reference=reference))
        self.issued.append(reference)
        return reference

    def receive(self, references: list[str]) -> None:
        """A merge brings in forms made elsewhere (or this device's own, from the manager)."""
        with self.sessions() as session, session.begin():
            have = set(session.scalars(select(IntentForm.reference)))
            for reference in references:
                if reference not in have:
                    session.add(IntentForm(reference=reference))

    def restore_counter(self, value: int) -> None:
        """A backup from earlier put an older counter back."""
        with self.sessions() as session, session.begin():
            setting = session.get(LocalSetting, SEQUENCE_KEY)
            if setting is not None:
                setting.value = str(min(int(setting.value), value))


def _distinct_device_ids(count: int) -> st.SearchStrategy[list[uuid.UUID]]:
    return st.lists(
        st.uuids(version=4), min_size=count, max_size=count, unique_by=lambda u: device_code(u)
    )


operations = st.lists(
    st.tuples(
        st.sampled_from(["issue", "issue", "issue", "merge", "restore"]),
        st.integers(min_value=0, max_value=3),  # device
        st.integers(min_value=0, max_value=3),  # other device / exhibitor / counter
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(device_ids=_distinct_device_ids(4), steps=operations)
def test_simulated_devices_never_hand_out_the_same_reference(
    device_ids: list[uuid.UUID], steps: list[tuple[str, int, int]]
) -> None:
    devices = [SimulatedDevice.make(device_id) for device_id in device_ids]
    exhibitors = ["QLHT", "ZCSV", "qy-ge", ""]
    issued: list[str] = []
    for action, index, other in steps:
        device = devices[index]
        if action == "issue":
            issued.append(device.issue(exhibitors[other]))
        elif action == "merge":
            devices[other].receive(device.issued)
            device.receive(devices[other].issued)  # and the manager's file comes back
        else:
            device.restore_counter(other)
    assert len(issued) == len(set(issued)), "a reference was handed out twice"
    for reference in issued:
        parts = parse_reference(reference)
        assert parts is not None
        assert parts.device_code in {d.code for d in devices}


def test_one_device_counts_up_per_device_not_per_exhibitor() -> None:
    device = SimulatedDevice.make(uuid.UUID("0198f1a2-0000-7000-8000-0000005569cc"))
    assert device.issue("QLHT") == "QLHT-5569CC-0001"
    assert device.issue("ZCSV") == "ZCSV-5569CC-0002"
    assert device.issue("QLHT") == "QLHT-5569CC-0003"


def test_a_restored_backup_does_not_reissue_numbers_already_used() -> None:
    device = SimulatedDevice.make(uuid.uuid4())
    first = [device.issue("QLHT") for _ in range(3)]
    device.restore_counter(0)
    assert device.issue("QLHT") not in first
    assert parse_reference(device.issued[-1]).sequence == 4  # type: ignore[union-attr]


def test_reference_parts_read_back_and_codes_are_cleaned() -> None:
    assert reference_code("qy-ge 2") == "QYGE2"
    assert reference_code("") == "INT"
    reference = format_reference("QLHT", "5569CC", 7)
    assert reference == "QLHT-5569CC-0007"
    parts = parse_reference(reference)
    assert parts is not None and (parts.exhibitor_code, parts.device_code, parts.sequence) == (
        "QLHT",
        "5569CC",
        7,
    )
    assert format_reference("QLHT", "5569CC", 12345) == "QLHT-5569CC-12345"
    assert parse_reference("not a reference") is None


def test_the_qr_payload_names_the_revision_and_reads_back() -> None:
    assert qr_payload("QLHT-5569CC-0007", 1) == "QLHT-5569CC-0007"
    assert qr_payload("QLHT-5569CC-0007", 2) == "QLHT-5569CC-0007-R2"
    assert split_payload(" qlht-5569cc-0007-r2 ") == ("QLHT-5569CC-0007", 2)
    assert split_payload("QLHT-5569CC-0007") == ("QLHT-5569CC-0007", None)


@given(st.uuids(version=4))
def test_device_codes_are_six_hex_digits_of_the_random_part(device_id: uuid.UUID) -> None:
    code = device_code(device_id)
    assert len(code) == 6 and int(code, 16) == device_id.int & 0xFFFFFF
    assert code != SAMPLE_DEVICE_CODE  # sample references cannot collide with a device's
