"""Everything personal that leaves the app, is merged or is deleted leaves exactly one audit
entry — who, what, which object — and the entry holds no personal data itself.

Exports: leads in every format (XLSX, CSV, Salesforce, HubSpot, vCard), one person's data (JSON
and PDF), a device's sync package. Merges: two leads of one person, a device's package.
Deletions: a lead, a person (erased on request). Refused attempts (a member of staff who is not
a manager; the file locked by another program) leave neither a change nor an entry: the entry is
written in the same transaction as the change it records.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from reliability_fuzz import fingerprint

from catalog_app.domain.enums import LeadSource, StaffRole
from catalog_app.domain.text import UserFacingError
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.services.audit import AuditAction, recent_entries
from catalog_app.services.consent import current_consent
from catalog_app.services.exports import ExportFormat, ExportRequest, export_leads
from catalog_app.services.lead_input import LeadInput
from catalog_app.services.lead_merge import merge_leads
from catalog_app.services.lead_query import LeadFilter
from catalog_app.services.leads import LeadService
from catalog_app.services.personal_data import export_personal_data
from catalog_app.services.sync.apply import merge_packages
from catalog_app.services.sync.package import export_package
from catalog_app.store.database import Database, open_sqlite

PERSON = {"person_name": "欧阳娜娜", "mobile": "139 0000 0166", "email": "nana@example.cn"}
WATCHED = ("lead", "lead_interest", "audit_entry")


@dataclass
class Office:
    database: Database
    manager: StaffMember
    staff: StaffMember
    person: uuid.UUID  # the lead whose data is exported, then erased
    twin: uuid.UUID  # the same person captured again, merged into ``person``
    other: uuid.UUID  # another lead, deleted
    package: Path  # a booth device's sync package
    folder: Path


def save(database: Database, **fields: Any) -> uuid.UUID:
    wording = current_consent("zh_CN")
    return LeadService(database).save(
        LeadInput(
            consent_given=True,
            consent_text=wording.text,
            consent_version=wording.version,
            **fields,
        ),
        source=LeadSource.BOOTH,
    )


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    root = tmp_path_factory.mktemp("audit")
    booth = open_sqlite(root / "booth" / "catalog.sqlite", backup_on_open=False)
    save(booth, person_name="李雷", mobile="139 0000 0177")
    package = export_package(booth, root / "usb", actor=None).path
    booth.close()
    database = open_sqlite(root / "office" / "catalog.sqlite", backup_on_open=False)
    accounts = AccountService(database)
    manager = accounts.create_staff("王经理", StaffRole.MANAGER, "2468", actor=None)
    staff = accounts.create_staff("小李", StaffRole.STAFF, "1357", actor=manager)
    person = save(database, company="黔岭物流", **PERSON)
    twin = save(database, company="黔岭物流有限公司", **PERSON)
    other = save(database, person_name="韩梅梅", mobile="139 0000 0188")
    (root / "out").mkdir()
    yield Office(database, manager, staff, person, twin, other, package, root / "out")
    database.close()


def entries(database: Database) -> list[Any]:
    return recent_entries(database, limit=10_000)


def one_new_entry(office: Office, action: str, run: Callable[[], object]) -> Any:
    """Run ``run``; exactly one entry was added, for ``action``, by the manager; it is returned."""
    before = {(e.at, e.action, e.object_id) for e in entries(office.database)}
    run()
    new = [e for e in entries(office.database) if (e.at, e.action, e.object_id) not in before]
    assert [e.action for e in new] == [action]
    entry = new[0]
    detail = json.dumps(entry.detail, ensure_ascii=False)
    for value in PERSON.values():
        assert value not in detail and value.replace(" ", "") not in detail, "personal data"
    return entry


def test_every_export_merge_and_deletion_of_personal_data_is_audited_once(
    office: Office,
) -> None:
    db, manager = office.database, office.manager
    for fmt in ExportFormat:
        target = office.folder / f"leads{fmt.suffix}"
        entry = one_new_entry(
            office,
            AuditAction.EXPORT,
            lambda fmt=fmt, target=target: export_leads(
                db, ExportRequest(fmt, target, filter=LeadFilter()), actor=manager
            ),
        )
        assert entry.staff_id == manager.id and target.is_file()
    entry = one_new_entry(
        office,
        AuditAction.PERSONAL_DATA_EXPORT,
        lambda: export_personal_data(
            db, office.person, office.folder / "request", actor=manager, lang="zh_CN"
        ),
    )
    assert entry.object_id == str(office.person) and entry.staff_id == manager.id
    entry = one_new_entry(
        office,
        AuditAction.EXPORT,
        lambda: export_package(db, office.folder / "usb", actor=manager),
    )
    assert entry.object_type == "sync_package"

    entry = one_new_entry(
        office,
        AuditAction.MERGE_LEADS,
        lambda: merge_leads(db, office.person, office.twin, {}, actor=manager),
    )
    assert entry.object_id == str(office.person)
    assert entry.detail["merged_id"] == str(office.twin)
    entry = one_new_entry(
        office,
        AuditAction.MERGE_PACKAGES,
        lambda: merge_packages(db, [office.package], actor=manager),
    )
    assert entry.staff_id == manager.id and entry.detail["packages"] == [office.package.name]

    leads = LeadService(db)
    entry = one_new_entry(
        office, AuditAction.DELETE_LEAD, lambda: leads.delete_lead(office.other, actor=manager)
    )
    assert entry.object_id == str(office.other)
    entry = one_new_entry(
        office,
        AuditAction.DELETE_PERSON,
        lambda: leads.delete_person(office.person, actor=manager),
    )
    assert entry.object_id == str(office.person) and entry.staff_id == manager.id


def test_refused_attempts_leave_neither_a_change_nor_an_entry(office: Office) -> None:
    db, staff = office.database, office.staff
    keep = save(db, person_name="张伟", mobile="139 0000 0199")
    again = save(db, person_name="张伟", mobile="139 0000 0199")
    attempts: list[Callable[[], object]] = [
        lambda: export_leads(
            db, ExportRequest(ExportFormat.CSV, office.folder / "no.csv"), actor=staff
        ),
        lambda: export_personal_data(db, keep, office.folder / "no", actor=staff, lang="en"),
        lambda: merge_leads(db, keep, again, {}, actor=staff),
        lambda: merge_packages(db, [office.package], actor=staff),
        lambda: LeadService(db).delete_lead(keep, actor=staff),
        lambda: LeadService(db).delete_person(keep, actor=staff),
    ]
    for attempt in attempts:
        before = fingerprint(db, WATCHED)
        with pytest.raises(UserFacingError) as refused:
            attempt()
        assert "经理" in refused.value.text("zh_CN")  # managers only
        assert fingerprint(db, WATCHED) == before
    assert not (office.folder / "no.csv").exists() and not (office.folder / "no").exists()


def test_an_erasure_that_cannot_be_written_leaves_no_entry_either(office: Office) -> None:
    """The entry and the change share one transaction: a locked file refuses both."""
    db = office.database
    lead = save(db, person_name="赵敏", mobile="139 0000 0111")
    before = fingerprint(db, WATCHED)
    other = sqlite3.connect(str(db.path), isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(UserFacingError) as refused:
            LeadService(db).delete_person(lead, actor=office.manager)
        assert "另一个程序" in refused.value.text("zh_CN")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert fingerprint(db, WATCHED) == before
