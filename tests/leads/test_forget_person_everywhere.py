"""A person asks to be forgotten: besides their lead, their name and phone go from the intent
forms made for them, their row of the organiser's attendee list and the drafts being typed
about them — and no merge, in either direction, and no re-import of the attendee list brings
any of it back. Other people who share a name keep their data."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from leads_data import LeadWorld
from sqlalchemy import select

from catalog_app.domain.base import utc_now
from catalog_app.domain.enums import IntentStatus
from catalog_app.domain.models import Attendee, AuditEntry, FormDraft, IntentForm, Lead
from catalog_app.services.attendees import AttendeeImportReport, write_attendees
from catalog_app.services.audit import AuditAction
from catalog_app.services.drafts import DraftService
from catalog_app.services.lead_list import ListOrder, ListQuery
from catalog_app.services.lead_query import LeadFilter
from catalog_app.services.personal_data import forget_person
from catalog_app.services.sync.apply import merge_packages
from catalog_app.services.sync.package import export_package
from catalog_app.store import lead_search_index
from catalog_app.store.database import Database, open_sqlite

ZHANG_CODE = "GZ-0001"
ATTENDEES = [
    # 张伟 by his badge code (the list has an older mobile), by his e-mail, and a namesake
    {"badge_code": ZHANG_CODE, "person_name": "张伟", "company": "贵州黔运物流有限公司",
     "title": "车队经理", "mobile": "13900000000", "email": ""},
    {"badge_code": "GZ-0002", "person_name": "张伟", "company": "贵州黔运物流有限公司",
     "title": "", "mobile": "", "email": "ZhangWei@Example.cn"},
    {"badge_code": "GZ-0003", "person_name": "张伟", "company": "遵义另一家公司",
     "title": "司机", "mobile": "13700000003", "email": "other.zhang@example.cn"},
]  # fmt: skip


def attendee_list(database: Database, rows: list[dict[str, str]]) -> AttendeeImportReport:
    report = AttendeeImportReport("attendees.csv", "utf-8", {})
    return write_attendees(database, [dict(row) for row in rows], report)


def intent_form(database: Database, lead_id: uuid.UUID | None, **fields: str) -> uuid.UUID:
    with database.transaction() as session:
        form = IntentForm(
            reference=f"T-{uuid.uuid4().hex[:6]}", lead_id=lead_id, status=IntentStatus.DRAFT
        )
        for name, value in fields.items():
            setattr(form, name, value)
        session.add(form)
        session.flush()
        return form.id


def prepare(world: LeadWorld) -> dict[str, uuid.UUID]:
    """张伟's lead scanned from his badge, two forms for him, one for someone else; the attendee
    list; drafts about him (one in a recovery file) and one about someone else."""
    database = world.database
    zhang = world.leads["zhang"]
    with database.transaction() as session:
        lead = session.get(Lead, zhang)
        assert lead is not None
        lead.badge_payload = ZHANG_CODE
    attendee_list(database, ATTENDEES)
    ids = {
        "zhang": zhang,
        "form": intent_form(
            database, zhang, buyer_company="贵州黔运物流有限公司", buyer_representative="张伟",
            buyer_phone="13800138001", buyer_address="贵阳市观山湖区",
        ),
        "typed_form": intent_form(  # typed by hand, not from the lead: found by his mobile
            database, None, buyer_company="黔运物流", buyer_representative="张总",
            buyer_phone="+86 138 0013 8001",
        ),
        "other_form": intent_form(
            database, world.leads["li"], buyer_company="遵义煤业集团",
            buyer_representative="李娜", buyer_phone="13800138002",
        ),
    }  # fmt: skip
    drafts = DraftService(database)
    drafts.save("lead_capture", {"person": {"person_name": "张伟", "mobile": "138 0013 8001"}})
    drafts.save("intent-editor", {"intent_id": str(ids["form"]), "data": {"lines": []}})
    drafts.save("kiosk", {"person": {"person_name": "张伟", "company": "遵义另一家公司"}})
    drafts._save_file("old-capture", {"badge_payload": ZHANG_CODE}, OSError("locked"))
    return ids


def found_by_search(database: Database, text: str) -> set[uuid.UUID]:
    return {row.id for row in ListQuery(database, LeadFilter(text=text), ListOrder()).page().rows}


def test_forgetting_reaches_the_forms_the_attendee_list_and_the_drafts(world: LeadWorld) -> None:
    database = world.database
    ids = prepare(world)
    assert forget_person(database, ids["zhang"], actor=world.manager) == 1
    with database.sessions() as session:
        for key in ("form", "typed_form"):
            form = session.get(IntentForm, ids[key])
            assert form is not None and form.erased_at is not None, key
            assert (form.buyer_representative, form.buyer_phone) == ("", ""), key
            assert form.deleted_at is None and form.buyer_company  # the company's intent stays
        other = session.get(IntentForm, ids["other_form"])
        assert other is not None and other.buyer_representative == "李娜"
        assert other.erased_at is None
        attendees = {a.badge_code: a for a in session.scalars(select(Attendee))}
        for code in (ZHANG_CODE, "GZ-0002"):
            row = attendees[code]
            assert row.erased_at is not None and row.deleted_at is not None, code
            assert (row.person_name, row.title, row.mobile, row.email) == ("", "", "", "")
        assert attendees["GZ-0003"].person_name == "张伟"  # a namesake keeps his data
        assert attendees["GZ-0003"].deleted_at is None
        slots = set(session.scalars(select(FormDraft.slot)))
        (entry,) = session.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.DELETE_PERSON)
        )
    assert slots == {"kiosk"}  # 张伟 of another company: not him
    assert DraftService(database).load("old-capture") is None  # the recovery file went too
    assert entry.detail == {"intent_forms": 2, "attendees": 2, "drafts": 3}
    assert "张伟" not in json.dumps(entry.detail, ensure_ascii=False)
    assert ids["zhang"] not in found_by_search(database, "zhangwei")
    with database.engine.begin() as connection:
        assert lead_search_index.check(connection)


def test_a_new_import_of_the_attendee_list_does_not_bring_him_back(world: LeadWorld) -> None:
    database = world.database
    ids = prepare(world)
    forget_person(database, ids["zhang"], actor=world.manager)
    report = attendee_list(database, ATTENDEES)
    assert report.forgotten == 2 and report.total == 3
    assert "2 asked to be forgotten" in report.summary("en")
    assert "2 人已要求删除" in report.summary("zh_CN")
    with database.sessions() as session:
        row = session.scalar(select(Attendee).where(Attendee.badge_code == ZHANG_CODE))
        assert row is not None and row.person_name == "" and row.deleted_at is not None


def _package(database: Database, folder: Path) -> Path:
    return export_package(database, folder, actor=None).path


def test_no_merge_in_either_direction_brings_him_back(world: LeadWorld, tmp_path: Path) -> None:
    office = world.database
    ids = prepare(world)
    booth = open_sqlite(tmp_path / "booth" / "booth.sqlite", backup_on_open=False)
    try:
        merge_packages(booth, [_package(office, tmp_path / "p1")], actor=None)
        assert ids["zhang"] in found_by_search(booth, "zhangwei")
        # The office forgets him; the booth, not knowing, edits all three afterwards.
        forget_person(office, ids["zhang"], actor=world.manager)
        with booth.transaction() as session:
            lead = session.get(Lead, ids["zhang"])
            form = session.get(IntentForm, ids["form"])
            assert lead is not None and form is not None
            lead.notes = "回访：张伟想要两台"
            form.buyer_phone = "13800138001 转 8"
            form.updated_at = utc_now()
        attendee_list(booth, [{**ATTENDEES[0], "title": "总经理"}])

        merge_packages(office, [_package(booth, tmp_path / "p2")], actor=None)
        merge_packages(booth, [_package(office, tmp_path / "p3")], actor=None)
        for database in (office, booth):
            with database.sessions() as session:
                lead = session.get(Lead, ids["zhang"])
                form = session.get(IntentForm, ids["form"])
                row = session.scalar(select(Attendee).where(Attendee.badge_code == ZHANG_CODE))
                assert lead is not None and form is not None and row is not None
                assert (lead.person_name, lead.mobile, lead.notes) == ("", "", "")
                assert lead.deleted_at is not None
                assert (form.buyer_representative, form.buyer_phone) == ("", "")
                assert (row.person_name, row.title, row.mobile) == ("", "", "")
            assert ids["zhang"] not in found_by_search(database, "zhangwei")
            assert not found_by_search(database, "回访")
            with database.engine.begin() as connection:
                assert lead_search_index.check(connection)
    finally:
        booth.close()
