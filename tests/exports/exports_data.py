"""Test data of the export tests: the sample fair's catalog, a manager and a staff member, and
leads saved the way the booth saves them — including people who typed things that look like
spreadsheet formulas (a module with a unique name, importable from every test file here)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from catalog_app.domain.enums import (
    EnergyPreference,
    Financing,
    Industry,
    LeadSource,
    Rating,
    StaffRole,
    Timeframe,
)
from catalog_app.domain.models import Lead, LeadInterest, TruckModel
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.services.consent import current_consent
from catalog_app.services.demo import seed_sample_fair
from catalog_app.services.lead_input import InterestInput, LeadInput
from catalog_app.services.leads import LeadService
from catalog_app.store.database import Database

CHINA = timedelta(hours=8)
DAY_ONE = datetime(2026, 6, 18, 1, 30, tzinfo=UTC)  # 09:30 in Guiyang
ALL_DIGIT_CREDIT_CODE = "005201000000000012"  # valid check digit; would be a number in Excel
LETTER_CREDIT_CODE = "91520115MA6DKP9X1H"
# What people may type (or a merged file may bring) that a spreadsheet would run.
INJECTIONS = {
    "person_name": "=1+1",
    "company": "+SUM(A1:A9)",
    "title": "-2+3+cmd|' /C calc'!A0",
    "notes": "@SUM(1+1)*cmd|' /C calc'!A0",
}
NOTES_WITH_TAB = "\t=1+1"
NOTES_WITH_CR = '\r=HYPERLINK("http://example.com")'


@dataclass
class ExportWorld:
    database: Database
    manager: StaffMember
    staff: StaffMember
    models: dict[str, uuid.UUID]  # by code
    leads: dict[str, uuid.UUID]  # by a short name


def consented(**fields: object) -> LeadInput:
    wording = current_consent("zh_CN")
    return LeadInput(
        consent_given=True,
        consent_text=wording.text,
        consent_version=wording.version,
        consent_purposes=list(wording.purposes),
        **fields,  # type: ignore[arg-type]
    )


def make_world(database: Database) -> ExportWorld:
    """The sample fair (6 sample leads) plus five booth leads by two people."""
    seed_sample_fair(database)
    accounts = AccountService(database)
    manager = accounts.create_staff("经理 周敏", StaffRole.MANAGER, "2468", actor=None)
    staff = accounts.create_staff("展台 小王", StaffRole.STAFF, "1357", actor=manager)
    with database.sessions() as session:
        models = {m.code: m.id for m in session.scalars(select(TruckModel))}
    service = LeadService(database)
    leads: dict[str, uuid.UUID] = {}

    def save(key: str, data: LeadInput, staff_id: uuid.UUID, minutes: int) -> None:
        leads[key] = service.save(
            data,
            source=LeadSource.BOOTH,
            staff_id=staff_id,
            captured_at=DAY_ONE + timedelta(minutes=minutes),
        )

    save(
        "liu",
        consented(
            person_name="刘建华",
            company="遵义顺达物流有限公司",
            credit_code=ALL_DIGIT_CREDIT_CODE,
            title="车队长",
            mobile="13800000001",
            landline="0851-8555 1234",
            email="liu.jianhua@example.cn",
            wechat_id="liujh_0851",
            industry=Industry.LOGISTICS,
            fleet_size=80,
            rating=Rating.HOT,
            notes="想要年底前交车，关注换电站",
            interests=[
                InterestInput(
                    models["QL-T6-282S"],
                    12,
                    Timeframe.WITHIN_3_MONTHS,
                    Financing.BATTERY_AS_A_SERVICE,
                    EnergyPreference.SWAP,
                ),
                InterestInput(
                    models["QL-D8-423C"],
                    3,
                    Timeframe.WITHIN_6_MONTHS,
                    Financing.FINANCE_LEASE,
                    EnergyPreference.CHARGE,
                ),
            ],
        ),  # fmt: skip
        staff.id,
        5,
    )
    save(
        "ouyang",
        consented(
            person_name="欧阳娜娜",
            company="毕节煤业集团有限公司",
            credit_code=LETTER_CREDIT_CODE,
            mobile="+86 139 0000 0002",
            industry=Industry.COAL_MINING,
            rating=Rating.WARM,
            interests=[InterestInput(models["QL-D8-423C"], 20)],
        ),
        manager.id,
        70,
    )
    save(
        "martin",
        consented(
            person_name="Lucas Martin",
            company='Freight, Forwarding; "Quotes" Ltd',
            email="lucas@example.com",
            industry=Industry.SUPPLY_CHAIN,
            rating=Rating.COLD,
            notes="Line one\nLine two, with comma; and semicolon\\backslash",
        ),
        staff.id,
        24 * 60 + 10,
    )
    save(
        "formula",
        consented(
            mobile="13800000004",
            industry=Industry.OTHER,
            interests=[InterestInput(models["ZC-L4-100C"], 2)],
            **INJECTIONS,
        ),
        staff.id,
        24 * 60 + 40,
    )
    tab = consented(person_name="王强", mobile="13800000005", notes=NOTES_WITH_TAB)
    save("tab", tab, staff.id, 100)
    cr = consented(person_name="李静", mobile="13800000006", notes=NOTES_WITH_CR)
    save("cr", cr, staff.id, 110)
    return ExportWorld(database, manager, staff, models, leads)


def add_merged_lead_with_control_start(database: Database) -> uuid.UUID:
    """A lead as a merge from another device may bring it: a name starting with a tab (the
    capture form strips it, another app's data may not)."""
    with database.transaction() as session:
        lead = Lead(
            person_name="\t=cmd",
            company="\r@SUM(1)",
            source=LeadSource.IMPORT,
            mobile="13800000009",
            captured_at=DAY_ONE + timedelta(hours=3),
        )
        session.add(lead)
        session.flush()
        return lead.id


def db_leads(database: Database) -> dict[uuid.UUID, Lead]:
    """Every live lead with its interests, read through the ORM (the truth to compare with)."""
    with database.sessions() as session:
        leads = session.scalars(
            select(Lead).where(Lead.deleted_at.is_(None), Lead.merged_into_id.is_(None))
        ).all()
        for lead in leads:
            _ = [i for i in lead.interests]  # load while the session is open
        session.expunge_all()
        return {lead.id: lead for lead in leads}


def live_interests(lead: Lead) -> list[LeadInterest]:
    return [i for i in lead.interests if i.deleted_at is None]


def partial_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".partial"))
