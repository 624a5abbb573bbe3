"""Merging two leads that are one person: the manager picks field by field, interests combine,
the merged-away lead stays as a tombstone that points at the survivor, and it is audited."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from catalog_app.domain.enums import (
    DuplicateStatus,
    Financing,
    Industry,
    LeadSource,
    Rating,
    StaffRole,
    Timeframe,
)
from catalog_app.domain.models import AuditEntry, Lead, LeadDuplicateLink, LeadInterest, TruckModel
from catalog_app.domain.text import UserFacingError
from catalog_app.services.accounts import AccountService, PermissionDenied, StaffMember
from catalog_app.services.consent import current_consent
from catalog_app.services.lead_input import InterestInput, LeadInput
from catalog_app.services.lead_merge import (
    Pick,
    default_picks,
    load_sides,
    merge_leads,
    merged_into,
    survivor_of,
)
from catalog_app.services.leads import LeadService
from catalog_app.store.database import Database


def consented(**fields: object) -> LeadInput:
    wording = current_consent("zh_CN")
    return LeadInput(
        consent_given=True, consent_text=wording.text, consent_version=wording.version, **fields
    )  # type: ignore[arg-type]


def models(database: Database, count: int = 3) -> list[uuid.UUID]:
    from catalog_app.domain.enums import ExhibitorKind
    from catalog_app.domain.models import Exhibitor, Fair

    with database.transaction() as session:
        fair = Fair(code="F", name_zh="展会", name_en="Fair")
        maker = Exhibitor(
            fair=fair, code="M", name_zh="厂家", name_en="Maker", kind=ExhibitorKind.MAKER
        )
        rows = [
            TruckModel(
                exhibitor=maker,
                code=f"T{i}",
                name_zh=f"牵引车{i}",
                name_en=f"Tractor {i}",
                body_type="tractor",
                powertrain="bev_swap",
            )
            for i in range(count)
        ]
        session.add_all([fair, maker, *rows])
        session.flush()
        return [row.id for row in rows]


@pytest.fixture
def people(any_db: Database) -> tuple[StaffMember, StaffMember]:
    accounts = AccountService(any_db)
    boss = accounts.create_staff("王经理", StaffRole.MANAGER, "9876", actor=None)
    staff = accounts.create_staff("小李", StaffRole.STAFF, "1234", actor=boss)
    return boss, staff


def two_captures(database: Database, model_ids: list[uuid.UUID]) -> tuple[uuid.UUID, uuid.UUID]:
    leads = LeadService(database)
    first = leads.save(
        consented(
            person_name="张三",
            company="贵州示例物流",
            mobile="138 0013 8000",
            industry=Industry.LOGISTICS,
            rating=Rating.WARM,
            notes="上午来过，看了换电牵引车",
            interests=[InterestInput(model_ids[0], 5, Timeframe.UNKNOWN)],
        ),
        source=LeadSource.BOOTH,
    )
    second = leads.save(
        consented(
            person_name="张三",
            company="贵州示例物流有限公司",
            mobile="+86 13800138000",
            email="zhang@example.cn",
            title="车队经理",
            rating=Rating.HOT,
            notes="下午带老板再来，要报价",
            interests=[
                InterestInput(model_ids[0], 10, Timeframe.WITHIN_3_MONTHS, Financing.FINANCE_LEASE),
                InterestInput(model_ids[1], 2),
            ],
        ),
        source=LeadSource.BOOTH,
    )
    return first, second


def test_a_manager_merges_field_by_field_and_history_is_kept(
    any_db: Database, people: tuple[StaffMember, StaffMember]
) -> None:
    boss, _staff = people
    model_ids = models(any_db)
    first, second = two_captures(any_db, model_ids)
    survivor, other = load_sides(any_db, first, second)
    picks = default_picks(survivor, other)
    assert picks["email"] is Pick.OTHER  # the survivor has none: take the other's
    assert picks["person_name"] is Pick.SURVIVOR
    assert picks["notes"] is Pick.BOTH
    picks["company"] = Pick.OTHER  # the manager prefers the full company name
    picks["rating"] = Pick.OTHER

    assert merge_leads(any_db, first, second, picks, actor=boss) == first

    with any_db.sessions() as session:
        kept = session.get(Lead, first)
        gone = session.get(Lead, second)
        assert kept is not None and gone is not None
        assert kept.company == "贵州示例物流有限公司"
        assert kept.email == "zhang@example.cn" and kept.email_normalized == "zhang@example.cn"
        assert kept.title == "车队经理"
        assert kept.rating is Rating.HOT
        assert "上午来过" in kept.notes and "下午带老板再来" in kept.notes
        assert "youxian" in kept.company_key  # search keys follow the new values
        interests = {
            i.model_id: i
            for i in session.scalars(
                select(LeadInterest).where(
                    LeadInterest.lead_id == first, LeadInterest.deleted_at.is_(None)
                )
            )
        }
        assert interests[model_ids[0]].quantity == 10  # the larger of 5 and 10
        assert interests[model_ids[0]].timeframe is Timeframe.WITHIN_3_MONTHS
        assert interests[model_ids[0]].financing is Financing.FINANCE_LEASE
        assert interests[model_ids[1]].quantity == 2  # moved over
        # The merged-away lead is a tombstone that still holds what was captured.
        assert gone.deleted_at is not None and gone.merged_into_id == first
        assert gone.notes == "下午带老板再来，要报价" and gone.mobile == "+86 13800138000"
        link = session.scalars(select(LeadDuplicateLink)).one()
        assert link.status is DuplicateStatus.MERGED and link.resolved_by_staff_id == boss.id
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "merge_leads")).one()
        assert entry.staff_id == boss.id and entry.object_id == str(first)
        assert entry.detail["merged_id"] == str(second)
        assert set(entry.detail["fields_from_merged"]) >= {"company", "email", "rating", "notes"}
        assert "zhang@example.cn" not in str(entry.detail)  # no personal values in the log
    assert merged_into(any_db, first) == [second]
    assert survivor_of(any_db, second) == first


def test_staff_cannot_merge_and_nothing_changes(
    sqlite_db: Database,
) -> None:
    accounts = AccountService(sqlite_db)
    boss = accounts.create_staff("王经理", StaffRole.MANAGER, "9876", actor=None)
    staff = accounts.create_staff("小李", StaffRole.STAFF, "1234", actor=boss)
    first, second = two_captures(sqlite_db, models(sqlite_db))
    with pytest.raises(PermissionDenied):
        merge_leads(sqlite_db, first, second, {}, actor=staff)
    with pytest.raises(PermissionDenied):
        merge_leads(sqlite_db, first, second, {}, actor=None)
    with sqlite_db.sessions() as session:
        assert session.get(Lead, second).deleted_at is None  # type: ignore[union-attr]


def test_a_lead_merged_away_cannot_be_merged_again(
    sqlite_db: Database,
) -> None:
    boss = AccountService(sqlite_db).create_staff("王经理", StaffRole.MANAGER, "9876", actor=None)
    first, second = two_captures(sqlite_db, models(sqlite_db))
    merge_leads(sqlite_db, first, second, {}, actor=boss)
    with pytest.raises(UserFacingError) as caught:
        merge_leads(sqlite_db, first, second, {}, actor=boss)
    assert "已合并" in caught.value.text("zh_CN")
    with pytest.raises(UserFacingError):
        load_sides(sqlite_db, first, first)


def test_links_to_a_third_lead_move_to_the_survivor(sqlite_db: Database) -> None:
    boss = AccountService(sqlite_db).create_staff("王经理", StaffRole.MANAGER, "9876", actor=None)
    first, second = two_captures(sqlite_db, models(sqlite_db))
    third = LeadService(sqlite_db).save(
        consented(person_name="张三丰", email="zhang@example.cn"), source=LeadSource.BOOTH
    )
    merge_leads(sqlite_db, first, second, {}, actor=boss)
    with sqlite_db.sessions() as session:
        open_pairs = {
            frozenset((link.lead_a_id, link.lead_b_id))
            for link in session.scalars(
                select(LeadDuplicateLink).where(LeadDuplicateLink.status == DuplicateStatus.OPEN)
            )
        }
    assert open_pairs == {frozenset((first, third))}
