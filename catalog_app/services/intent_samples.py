"""Fictional sample intent forms for the demo database: one or more in each status.

Made from the sample fair's sample leads, with stable ids (``stable_id``) and references on the
pseudo-device ``SAMPLE`` (no real device has that code), so running ``catalog-app demo`` again —
or on another laptop, then merging — adds nothing. A form that already exists is left as it is
(whatever a person did to it since). Every buyer is marked as sample data; credit codes are
invented (with a valid check character).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy import select

from catalog_app.domain.credit_code import check_character
from catalog_app.domain.enums import IntentStatus
from catalog_app.domain.ids import stable_id
from catalog_app.domain.intent_terms import DeliveryMode, IntentLanguage, TransportPaidBy
from catalog_app.domain.models import Fair, IntentForm, IntentLine, IntentStatusChange, Lead
from catalog_app.services.intent_data import IntentInput
from catalog_app.services.intent_numbering import SAMPLE_DEVICE_CODE, format_reference
from catalog_app.services.intent_prefill import IntentPrefill
from catalog_app.services.intent_rows import apply_input
from catalog_app.services.intent_tco import tco_for_models
from catalog_app.store.database import Database

SAMPLE_FAIR_CODE = "GZ-NEV-SAMPLE"
CHINA = timezone(timedelta(hours=8))


def _credit_code(first17: str) -> str:
    return first17 + check_character(first17)


@dataclass(frozen=True)
class SampleIntent:
    code: str
    lead_code: str
    number: int
    language: IntentLanguage
    statuses: tuple[tuple[IntentStatus, str], ...]  # each status and its local time
    issued_on: date
    buyer_credit_code: str
    buyer_address: str
    colour: str = ""
    quantity: int | None = None
    revision_of: str | None = None  # this sample is revision 2 of that one
    deposit_percent: int | None = None
    instalment_months: int | None = None
    partner: str = ""
    note: str = ""
    delivery_date: date | None = None
    include_tco: bool = False


SAMPLES: tuple[SampleIntent, ...] = (
    SampleIntent(
        "SI-01",
        "S-001",
        1,
        IntentLanguage.ZH_EN,
        (
            (IntentStatus.DRAFT, "2026-05-21 10:05"),
            (IntentStatus.PRINTED, "2026-05-21 10:20"),
            (IntentStatus.SIGNED, "2026-05-21 11:02"),
        ),
        date(2026, 5, 21),
        _credit_code("91520100MA6EXAM01"),
        "贵州省贵阳市示例区物流园 1 号（示例地址）",
        colour="白色",
        partner="筑能换电（示例）",
        deposit_percent=10,
    ),
    SampleIntent(
        "SI-02",
        "S-002",
        2,
        IntentLanguage.ZH,
        ((IntentStatus.DRAFT, "2026-05-21 14:30"), (IntentStatus.PRINTED, "2026-05-21 14:48")),
        date(2026, 5, 21),
        _credit_code("91522300MA6EXAM02"),
        "贵州省黔西示例镇煤矿路 8 号（示例地址）",
        colour="中国红",
        partner="黔融融资租赁（示例）",
        instalment_months=36,
        deposit_percent=20,
    ),
    SampleIntent(
        "SI-03",
        "S-003",
        3,
        IntentLanguage.ZH_EN,
        ((IntentStatus.DRAFT, "2026-05-22 09:40"),),
        date(2026, 5, 22),
        _credit_code("91520115MA6EXAM03"),
        "贵州省贵安新区示例建材产业园（示例地址）",
        colour="白色",
        include_tco=True,
    ),
    SampleIntent(
        "SI-04",
        "S-004",
        4,
        IntentLanguage.ZH,
        (
            (IntentStatus.DRAFT, "2026-05-22 11:10"),
            (IntentStatus.PRINTED, "2026-05-22 11:25"),
            (IntentStatus.CANCELLED, "2026-05-23 16:00"),
        ),
        date(2026, 5, 22),
        _credit_code("91520102MA6EXAM04"),
        "贵州省贵阳市示例区城配中心（示例地址）",
        instalment_months=24,
        note="买方改为整体租赁方案（示例）",
        delivery_date=date(2026, 8, 1),
    ),
    SampleIntent(
        "SI-05",
        "S-006",
        5,
        IntentLanguage.EN,
        ((IntentStatus.DRAFT, "2026-05-23 10:00"), (IntentStatus.PRINTED, "2026-05-23 10:15")),
        date(2026, 5, 23),
        _credit_code("91520100MA6EXAM05"),
        "1 Sample Road, Guiyang (sample address)",
        quantity=2,
    ),
    SampleIntent(
        "SI-05-R2",
        "S-006",
        5,
        IntentLanguage.EN,
        ((IntentStatus.DRAFT, "2026-05-23 15:30"),),
        date(2026, 5, 23),
        _credit_code("91520100MA6EXAM05"),
        "1 Sample Road, Guiyang (sample address)",
        quantity=3,
        revision_of="SI-05",
    ),
)


def _at(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=CHINA).astimezone(UTC)


def _input(database: Database, sample: SampleIntent, lead: Lead) -> IntentInput:
    data = IntentPrefill(database).from_lead(lead.id, sample.language).intent
    data.issued_on = sample.issued_on
    data.buyer_credit_code = sample.buyer_credit_code
    data.buyer_address = sample.buyer_address
    for line in data.lines:
        line.colour = sample.colour
        if sample.quantity is not None:
            line.quantity = sample.quantity
    payment = data.payment
    payment.deposit_percent = sample.deposit_percent
    payment.instalment_months = sample.instalment_months
    payment.partner = sample.partner
    if sample.delivery_date is not None:
        data.delivery.mode = DeliveryMode.DATE.value
        data.delivery.date = sample.delivery_date
    data.delivery.place = data.place
    data.delivery.transport = TransportPaidBy.SELLER.value
    if sample.include_tco:
        models = [line.model_id for line in data.lines if line.model_id]
        data.tco_inputs = tco_for_models(database, models, data.tco_inputs)
        data.include_tco = data.tco_inputs is not None
    return data


def sample_intent_id(code: str) -> uuid.UUID:
    return stable_id("intent", SAMPLE_FAIR_CODE, code)


def seed_sample_intents(database: Database) -> int:
    """Add the sample forms that are not there yet (on the sample fair only); how many."""
    with database.sessions() as session:
        fair = session.scalars(select(Fair).where(Fair.code == SAMPLE_FAIR_CODE)).first()
        if fair is None or not fair.is_sample:
            return 0
    added = 0
    for sample in SAMPLES:
        intent_id = sample_intent_id(sample.code)
        with database.sessions() as session:
            if session.get(IntentForm, intent_id) is not None:
                continue
            lead = session.get(Lead, stable_id("lead", SAMPLE_FAIR_CODE, sample.lead_code))
            if lead is None or lead.deleted_at is not None:
                continue
        data = _input(database, sample, lead)
        if not data.lines:
            continue
        with database.transaction() as session:
            if session.get(IntentForm, intent_id) is not None:
                continue
            _write(session, sample, intent_id, data)
            added += 1
    return added


def _write(session, sample: SampleIntent, intent_id: uuid.UUID, data: IntentInput) -> None:  # type: ignore[no-untyped-def]
    times = [(status, _at(when)) for status, when in sample.statuses]
    form = IntentForm(
        id=intent_id,
        reference=format_reference(data.seller.exhibitor_code, SAMPLE_DEVICE_CODE, sample.number),
        revision=2 if sample.revision_of else 1,
        previous_revision_id=sample_intent_id(sample.revision_of) if sample.revision_of else None,
        status=times[-1][0],
        created_at=times[0][1],
    )
    apply_input(form, data)
    for status, when in times:
        if status is IntentStatus.PRINTED:
            form.printed_at = when
        elif status is IntentStatus.SIGNED:
            form.signed_at = when
        elif status is IntentStatus.CANCELLED:
            form.cancelled_at = when
    session.add(form)
    session.flush()
    for number, line in enumerate(data.lines, start=1):
        session.add(
            IntentLine(
                id=stable_id("intent_line", SAMPLE_FAIR_CODE, sample.code, str(number)),
                intent_id=intent_id,
                line_no=number,
                model_id=line.model_id,
                model_name=line.model_name,
                announcement_no=line.announcement_no,
                battery_config=line.battery_config,
                energy_mode=line.energy_mode,
                colour=line.colour,
                quantity=line.quantity,
                unit_price_cny=float(line.unit_price_cny),
            )
        )
    previous: IntentStatus | None = None
    for index, (status, when) in enumerate(times):
        note = sample.note if status is IntentStatus.CANCELLED else ""
        if index == 0 and sample.revision_of:
            note = "revision 2 of printed revision 1"
        session.add(
            IntentStatusChange(
                id=stable_id("intent_status", SAMPLE_FAIR_CODE, sample.code, str(index)),
                intent_id=intent_id,
                from_status=previous,
                to_status=status,
                changed_at=when,
                note=note,
            )
        )
        previous = status
