"""A person's requests: a copy of everything kept about them (JSON + readable PDF, with the
consent wording), and deleting them (scrubbed, tombstone kept, merged leads too) — managers
only, audited without personal values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from leads_data import LeadWorld, consented
from pypdf import PdfReader
from sqlalchemy import select

from catalog_app.domain.enums import LeadSource
from catalog_app.domain.models import AuditEntry, Lead, LeadInterest
from catalog_app.domain.models.leads import PERSONAL_FIELDS
from catalog_app.services.accounts import PermissionDenied
from catalog_app.services.audit import AuditAction
from catalog_app.services.consent import CONSENT_TEXT
from catalog_app.services.lead_merge import default_picks, load_sides, merge_leads
from catalog_app.services.leads import LeadService
from catalog_app.services.personal_data import (
    collect_personal_data,
    export_personal_data,
    forget_person,
)


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_the_copy_holds_every_field_the_consent_wording_and_the_audit(
    world: LeadWorld, tmp_path: Path
) -> None:
    lead_id = world.leads["zhang"]
    files = export_personal_data(
        world.database, lead_id, tmp_path / "out", actor=world.manager, lang="zh_CN"
    )
    data = json.loads(files.json_path.read_text(encoding="utf-8"))
    lead = data["lead"]
    assert lead["person_name"] == "张伟" and lead["mobile"] == "13800138001"
    assert lead["consent_text"] == CONSENT_TEXT.zh and lead["consent_version"] == "2026-1"
    assert lead["consent_at"] and lead["consent_purposes"] == ["contact_about_vehicles"]
    with world.database.sessions() as session:
        columns = {c.key for c in Lead.__table__.columns}
    assert columns <= set(lead)  # every column, technical ones too
    assert data["interests"][0]["model_code"] == "QL-E49"
    text = pdf_text(files.pdf_path)
    assert "个人信息副本" in text and "张伟" in text and "13800138001" in text
    assert CONSENT_TEXT.zh[:20] in text
    # the export itself is audited, naming the files but no personal value
    with world.database.sessions() as session:
        entry = session.scalar(
            select(AuditEntry).where(AuditEntry.action == AuditAction.PERSONAL_DATA_EXPORT)
        )
        assert entry is not None and entry.staff_id == world.manager.id
        assert entry.object_id == str(lead_id) and "张伟" not in json.dumps(entry.detail)
    # a second copy lists the first export among the audit entries about the person
    again = collect_personal_data(world.database, lead_id)
    assert [a["action"] for a in again.audit] == [AuditAction.PERSONAL_DATA_EXPORT]
    english = export_personal_data(
        world.database, lead_id, tmp_path / "en", actor=world.manager, lang="en"
    )
    text = pdf_text(english.pdf_path)
    assert "Copy of personal data" in text and "Consent wording" in text
    squeezed = "".join(text.split())  # table cells wrap their lines
    assert "Copyofpersonaldatamade" in squeezed  # the earlier export, in the audit section


def test_staff_cannot_export_or_delete_a_person(world: LeadWorld, tmp_path: Path) -> None:
    lead_id = world.leads["li"]
    folder = tmp_path / "copies"
    with pytest.raises(PermissionDenied):
        export_personal_data(world.database, lead_id, folder, actor=world.staff, lang="en")
    with pytest.raises(PermissionDenied):
        forget_person(world.database, lead_id, actor=world.staff)
    assert not folder.exists()


def test_deleting_a_person_scrubs_them_and_the_leads_merged_into_them(world: LeadWorld) -> None:
    service = LeadService(world.database)
    second = service.save(
        consented(person_name="张伟", company="黔运物流", mobile="13800138001", notes="第二次来"),
        source=LeadSource.BOOTH,
    )
    survivor = world.leads["zhang"]
    sides = load_sides(world.database, survivor, second)
    merge_leads(world.database, survivor, second, default_picks(*sides), actor=world.manager)
    assert collect_personal_data(world.database, survivor).merged_leads[0]["notes"] == "第二次来"
    assert forget_person(world.database, survivor, actor=world.manager) == 2
    with world.database.sessions() as session:
        for lead_id in (survivor, second):
            lead = session.get(Lead, lead_id)
            assert lead is not None and lead.deleted_at is not None  # the tombstone stays
            assert all(getattr(lead, name) == "" for name in PERSONAL_FIELDS)
            assert lead.person_name_key == ""
        interests = session.scalars(select(LeadInterest).where(LeadInterest.lead_id == survivor))
        assert all(i.deleted_at is not None and i.notes == "" for i in interests)
        deletions = session.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.DELETE_PERSON)
        ).all()
        assert {e.object_id for e in deletions} == {str(survivor), str(second)}
        assert all(e.staff_id == world.manager.id for e in deletions)


def test_an_unknown_lead_is_a_clear_message(world: LeadWorld, tmp_path: Path) -> None:
    import uuid

    from catalog_app.domain.text import UserFacingError

    with pytest.raises(UserFacingError) as missing:
        export_personal_data(world.database, uuid.uuid4(), tmp_path, actor=world.manager, lang="en")
    assert missing.value.text("zh_CN") == "找不到这条线索。"
