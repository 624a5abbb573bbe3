"""Intent forms as the booth uses them: start from a lead, check, save, print, revise, sign,
cancel — each status change timed and audited — and the totals the dashboard shows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from intent_test_data import lead_id, model_id
from sqlalchemy import func, select

from catalog_app.domain.enums import IntentStatus
from catalog_app.domain.models import AuditEntry, IntentForm, IntentLine, IntentStatusChange
from catalog_app.services.audit import AuditAction
from catalog_app.services.demo import seed_sample_fair
from catalog_app.services.intent_data import IntentInput, LineInput
from catalog_app.services.intent_numbering import parse_reference
from catalog_app.services.intent_prefill import IntentPrefill
from catalog_app.services.intent_query import (
    IntentFilter,
    count_intents,
    exhibitor_choices,
    list_intents,
)
from catalog_app.services.intent_samples import seed_sample_intents
from catalog_app.services.intents import (
    IntentError,
    IntentService,
    IntentValidationError,
    intent_totals_by_model,
)
from catalog_app.store.database import Database, device_code


@pytest.fixture
def seeded_db(any_db: Database) -> Iterator[Database]:
    """The sample fair with its leads and sample forms, on SQLite and on PostgreSQL."""
    seed_sample_fair(any_db)
    yield any_db


def _count(database: Database, model: type) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _audits(database: Database) -> list[AuditEntry]:
    with database.sessions() as session:
        query = select(AuditEntry).where(AuditEntry.action == AuditAction.INTENT_STATUS)
        return list(session.scalars(query.order_by(AuditEntry.created_at)))


def _from_lead(database: Database, code: str, language: str | None = None) -> IntentInput:
    return IntentPrefill(database).from_lead(lead_id(code), language).intent


def test_a_form_from_a_lead_has_the_buyer_and_the_sellers_models(fair_db: Database) -> None:
    prefill = IntentPrefill(fair_db).from_lead(lead_id("S-002"))
    intent = prefill.intent
    assert intent.buyer_company == "黔西示例煤业有限公司（示例）"
    assert intent.buyer_representative == "示例 王海燕"
    assert intent.buyer_phone
    assert intent.lead_id == lead_id("S-002")
    assert intent.seller.exhibitor_code == "QLHT"
    assert intent.seller.credit_code == "91520900MA6HQ1L28D"
    assert [(line.model_name, line.quantity) for line in intent.lines] == [
        ("黔岭 D8 纯电动自卸车 8×4 423 kWh", 20)
    ]
    line = intent.lines[0]
    assert line.announcement_no == "QLZ3310BEVD1"
    assert line.energy_mode == "charge"
    assert line.unit_price_cny == Decimal("768000.00")
    assert "423 kWh" in line.battery_config
    # the other exhibitor's swap package is named, not silently dropped
    assert prefill.skipped_models == ["黔岭 D8S 换电自卸车 8×4（筑能换电套餐）"]
    assert intent.payment.method == "finance_lease"
    assert intent.language == "zh+en"
    assert "车辆购置税" in intent.price_excludes


def test_an_english_speaking_buyer_gets_an_english_form(fair_db: Database) -> None:
    intent = _from_lead(fair_db, "S-006")
    assert intent.language == "en"
    assert intent.lines[0].model_name == "Qianling K7L long-range tractor 6x4 686 kWh"
    assert intent.seller.exhibitor_code == "QLHT"  # the exhibitor selling the model


def test_bad_values_are_named_by_field_in_both_languages_and_nothing_is_saved(
    fair_db: Database,
) -> None:
    intent = _from_lead(fair_db, "S-001")
    intent.buyer_company = "  "
    intent.buyer_credit_code = "91520100MA6EXAM013"  # wrong check character
    intent.buyer_phone = "12345"
    intent.lines[0].quantity = 0
    intent.lines.append(LineInput(model_name="", quantity=2, unit_price_cny=Decimal("-1")))
    intent.validity_days = 0
    before = _count(fair_db, IntentForm)
    with pytest.raises(IntentValidationError) as caught:
        IntentService(fair_db).save(intent)
    english = caught.value.by_field("en")
    chinese = caught.value.by_field("zh_CN")
    assert set(english) == {
        "buyer_company",
        "buyer_credit_code",
        "buyer_phone",
        "lines[0].quantity",
        "lines[1].model_name",
        "lines[1].unit_price_cny",
        "validity_days",
    }
    assert "check character" in english["buyer_credit_code"]
    assert chinese["buyer_credit_code"] == "统一社会信用代码校验位不符，请核对。"
    assert "1 到 100,000" in chinese["lines[0].quantity"]
    assert chinese["lines[1].unit_price_cny"] == "单价不能为负数。"
    assert "意向书未保存" in caught.value.text("zh_CN")
    assert _count(fair_db, IntentForm) == before


def test_a_form_without_lines_or_with_a_delivery_date_before_it_is_refused(
    fair_db: Database,
) -> None:
    intent = _from_lead(fair_db, "S-001")
    intent.lines = []
    intent.delivery.mode = "date"
    intent.delivery.date = date(2000, 1, 1)
    with pytest.raises(IntentValidationError) as caught:
        IntentService(fair_db).save(intent)
    assert set(caught.value.by_field("en")) == {"lines", "delivery.date"}


def test_a_new_form_gets_a_reference_of_this_device_and_is_a_draft(fair_db: Database) -> None:
    record = IntentService(fair_db).save(_from_lead(fair_db, "S-001"))
    parts = parse_reference(record.reference)
    assert parts is not None
    assert (parts.exhibitor_code, parts.device_code) == ("QLHT", device_code(fair_db.device_id))
    assert record.revision == 1 and record.status is IntentStatus.DRAFT
    assert [(c.from_status, c.to_status) for c in record.history] == [(None, IntentStatus.DRAFT)]
    assert record.data.total_value == Decimal("4580000.00")
    assert "本意向书仅表达合作意向" in record.non_binding_clause
    second = IntentService(fair_db).save(_from_lead(fair_db, "S-001"))
    assert parse_reference(second.reference).sequence == parts.sequence + 1  # type: ignore[union-attr]


def test_editing_a_draft_changes_it_in_place_and_removed_lines_become_tombstones(
    fair_db: Database,
) -> None:
    service = IntentService(fair_db)
    data = _from_lead(fair_db, "S-004")
    data.lines.append(LineInput(model_name="定制冷藏车（示例）", quantity=2))
    record = service.save(data)
    edited = record.data
    edited.lines = edited.lines[1:]
    edited.lines[0].quantity = 5
    again = service.save(edited, intent_id=record.id)
    assert again.id == record.id and again.revision == 1
    assert [(line.model_name, line.quantity) for line in again.data.lines] == [
        ("定制冷藏车（示例）", 5)
    ]
    with fair_db.sessions() as session:
        rows = list(session.scalars(select(IntentLine).where(IntentLine.intent_id == record.id)))
    assert len(rows) == 2 and sum(1 for row in rows if row.deleted_at is not None) == 1


def test_editing_a_printed_form_makes_revision_2_and_keeps_revision_1(
    seeded_db: Database,
) -> None:
    service = IntentService(seeded_db)
    first = service.save(_from_lead(seeded_db, "S-001"))
    service.mark_printed([first.id])
    changed = service.get(first.id).data
    changed.lines[0].quantity = 12
    second = service.save(changed, intent_id=first.id)

    assert (second.reference, second.revision) == (first.reference, 2)
    assert second.previous_revision_id == first.id
    assert second.status is IntentStatus.DRAFT
    assert second.data.lines[0].quantity == 12
    kept = service.get(first.id)
    assert kept.status is IntentStatus.PRINTED
    assert kept.data.lines[0].quantity == 10  # as the buyer holds it on paper
    assert kept.superseded_by_id == second.id and not kept.editable
    assert [r.revision for r in service.revisions(first.reference)] == [1, 2]
    with pytest.raises(IntentError) as caught:
        service.save(kept.data, intent_id=first.id)
    assert "第 1 版" in caught.value.text("zh_CN")
    listed = list_intents(seeded_db, IntentFilter(text=first.reference))
    assert [(row.revision, row.total_units) for row in listed] == [(2, 12)]
    every = list_intents(seeded_db, IntentFilter(text=first.reference, include_superseded=True))
    assert sorted(row.revision for row in every) == [1, 2]


def test_status_changes_are_timed_and_audited_and_wrong_moves_refused(
    seeded_db: Database,
) -> None:
    service = IntentService(seeded_db)
    record = service.save(_from_lead(seeded_db, "S-003"))
    audits_before = len(_audits(seeded_db))
    with pytest.raises(IntentError) as caught:
        service.set_status(record.id, IntentStatus.SIGNED)
    assert "草稿" in caught.value.text("zh_CN") and "draft" in caught.value.text("en")
    service.set_status(record.id, IntentStatus.PRINTED)
    service.set_status(record.id, IntentStatus.SIGNED, note="双方已盖章")
    final = service.set_status(record.id, IntentStatus.CANCELLED, note="买方撤回")

    steps = [(c.from_status, c.to_status, c.note) for c in final.history]
    assert steps == [
        (None, IntentStatus.DRAFT, ""),
        (IntentStatus.DRAFT, IntentStatus.PRINTED, ""),
        (IntentStatus.PRINTED, IntentStatus.SIGNED, "双方已盖章"),
        (IntentStatus.SIGNED, IntentStatus.CANCELLED, "买方撤回"),
    ]
    times = [c.changed_at for c in final.history]
    assert times == sorted(times)
    assert final.printed_at and final.signed_at and final.cancelled_at
    audits = _audits(seeded_db)[audits_before:]
    assert [(a.detail["from_status"], a.detail["to_status"]) for a in audits] == [
        ("draft", "printed"),
        ("printed", "signed"),
        ("signed", "cancelled"),
    ]
    assert all(a.object_id == str(record.id) for a in audits)
    assert audits[-1].detail["reference"] == record.reference
    with pytest.raises(IntentError):
        service.save(final.data, intent_id=record.id)  # cancelled forms do not change
    with pytest.raises(IntentError):
        service.set_status(record.id, IntentStatus.PRINTED)
    assert len(_audits(seeded_db)) == audits_before + 3


def test_totals_by_model_count_latest_revisions_and_leave_cancelled_forms_out(
    seeded_db: Database,
) -> None:
    totals = {t.model_name: t for t in intent_totals_by_model(seeded_db)}
    # sample forms: signed 10 K7 swap, printed 20 D8, draft 8 M8S, cancelled 30 E45 (left out),
    # and the English form's revision 2 with 3 K7L (revision 1 had 2).
    assert {name: t.units for name, t in totals.items()} == {
        "黔岭 D8 纯电动自卸车 8×4 423 kWh": 20,
        "黔岭 K7 换电牵引车 6×4 282 kWh": 10,
        "黔岭 M8S 换电搅拌车 8×4 10 m³": 8,
        "黔岭 K7L 远航版牵引车 6×4 686 kWh": 3,
    }
    assert totals["黔岭 D8 纯电动自卸车 8×4 423 kWh"].value == Decimal("15360000.00")
    assert totals["黔岭 K7L 远航版牵引车 6×4 686 kWh"].model_id == model_id("QLHT", "QL-T6-686L")
    values = [t.value for t in intent_totals_by_model(seeded_db)]
    assert values == sorted(values, reverse=True)
    cancelled = intent_totals_by_model(seeded_db, frozenset({IntentStatus.CANCELLED}))
    assert [(t.units, t.intents) for t in cancelled] == [(30, 1)]


def test_the_list_filters_by_status_exhibitor_date_and_text(fair_db: Database) -> None:
    def references(**conditions: object) -> list[str]:
        rows = list_intents(fair_db, IntentFilter(**conditions))  # type: ignore[arg-type]
        return sorted(row.reference for row in rows)

    assert len(references()) == 5 == count_intents(fair_db, IntentFilter())
    assert references(statuses=frozenset({IntentStatus.SIGNED})) == ["QLHT-SAMPLE-0001"]
    qlht = next(e.id for e in exhibitor_choices(fair_db) if e.code == "QLHT")
    assert references(exhibitor_ids=frozenset({qlht})) == [
        "QLHT-SAMPLE-0001",
        "QLHT-SAMPLE-0002",
        "QLHT-SAMPLE-0005",
    ]
    assert references(issued_from=date(2026, 5, 22), issued_to=date(2026, 5, 22)) == [
        "ZCSV-SAMPLE-0004",
        "ZNSW-SAMPLE-0003",
    ]
    assert references(text="煤业") == ["QLHT-SAMPLE-0002"]
    assert references(text="m8s") == ["ZNSW-SAMPLE-0003"]  # a model name, any case
    assert references(text="qlht-sample-0005-r2") == ["QLHT-SAMPLE-0005"]  # a scanned QR code
    row = list_intents(fair_db, IntentFilter(text="SAMPLE-0002"))[0]
    assert (row.total_units, row.total_value, row.exhibitor("zh_CN")) == (
        20,
        Decimal("15360000.00"),
        "黔岭重卡（示例）",
    )


def test_a_scanned_qr_payload_finds_the_revision_it_names(fair_db: Database) -> None:
    service = IntentService(fair_db)
    assert service.find("QLHT-SAMPLE-0005").revision == 2
    assert service.find("qlht-sample-0005-r1").revision == 1
    assert service.find("QLHT-SAMPLE-0005", revision=1).status is IntentStatus.PRINTED
    with pytest.raises(IntentError) as caught:
        service.find("QLHT-SAMPLE-9999")
    assert "QLHT-SAMPLE-9999" in caught.value.text("en")


def test_the_demo_adds_sample_forms_in_every_status_once(fair_db: Database) -> None:
    with fair_db.sessions() as session:
        statuses = set(session.scalars(select(IntentForm.status)))
        changes = _count(fair_db, IntentStatusChange)
    assert statuses == set(IntentStatus)
    assert seed_sample_intents(fair_db) == 0
    seed_sample_fair(fair_db)  # the whole demo again
    assert _count(fair_db, IntentForm) == 6 and _count(fair_db, IntentStatusChange) == changes
    signed = IntentService(fair_db).find("QLHT-SAMPLE-0001")
    assert "（示例）" in signed.data.buyer_company
    assert [c.to_status for c in signed.history] == [
        IntentStatus.DRAFT,
        IntentStatus.PRINTED,
        IntentStatus.SIGNED,
    ]
