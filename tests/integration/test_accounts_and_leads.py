"""Staff accounts with PIN lock-out and roles; the core of saving, flagging and deleting leads."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from catalog_app.domain.enums import LeadSource, Rating, StaffRole
from catalog_app.domain.models import AuditEntry, Lead, LeadDuplicateLink, LeadInterest
from catalog_app.services.accounts import (
    MAX_ATTEMPTS,
    AccountError,
    AccountService,
    LockedOutError,
    PermissionDenied,
    WrongPinError,
)
from catalog_app.services.consent import current_consent
from catalog_app.services.lead_input import InterestInput, LeadInput
from catalog_app.services.leads import LeadService, LeadValidationError
from catalog_app.store.database import Database


def consented(**fields: object) -> LeadInput:
    wording = current_consent("zh_CN")
    return LeadInput(
        consent_given=True, consent_text=wording.text, consent_version=wording.version, **fields
    )  # type: ignore[arg-type]


def test_the_first_account_is_a_manager_and_then_only_managers_add_staff(
    any_db: Database,
) -> None:
    accounts = AccountService(any_db)
    with pytest.raises(PermissionDenied):
        accounts.create_staff("小李", StaffRole.STAFF, "1234", actor=None)
    boss = accounts.create_staff("王经理", StaffRole.MANAGER, "9876", actor=None)
    staff = accounts.create_staff("小李", StaffRole.STAFF, "1234", actor=boss)
    with pytest.raises(PermissionDenied):
        accounts.create_staff("小张", StaffRole.STAFF, "1111", actor=staff)
    assert [m.display_name for m in accounts.list_staff()] == sorted(["王经理", "小李"])


def test_wrong_pins_count_down_then_lock_and_the_lock_survives_a_restart(
    sqlite_db: Database,
) -> None:
    accounts = AccountService(sqlite_db)
    boss = accounts.create_staff("王经理", StaffRole.MANAGER, "9876", actor=None)
    for attempt in range(1, MAX_ATTEMPTS):
        with pytest.raises(WrongPinError) as wrong:
            accounts.authenticate(boss.id, "0000")
        assert wrong.value.attempts_left == MAX_ATTEMPTS - attempt
    with pytest.raises(LockedOutError) as locked:
        accounts.authenticate(boss.id, "0000")
    assert "锁定" in locked.value.text("zh_CN")
    again = AccountService(sqlite_db)  # as after a restart: the lock is in the database
    with pytest.raises(LockedOutError):
        again.authenticate(boss.id, "9876")


def test_a_right_pin_resets_the_count(sqlite_db: Database) -> None:
    accounts = AccountService(sqlite_db)
    boss = accounts.create_staff("王经理", StaffRole.MANAGER, "9876", actor=None)
    with pytest.raises(WrongPinError):
        accounts.authenticate(boss.id, "0000")
    assert accounts.authenticate(boss.id, "9876").is_manager
    with pytest.raises(WrongPinError) as wrong:
        accounts.authenticate(boss.id, "0000")
    assert wrong.value.attempts_left == MAX_ATTEMPTS - 1


def test_role_changes_are_audited_and_the_last_manager_stays(sqlite_db: Database) -> None:
    accounts = AccountService(sqlite_db)
    boss = accounts.create_staff("王经理", StaffRole.MANAGER, "9876", actor=None)
    with pytest.raises(AccountError):
        accounts.change_role(boss.id, StaffRole.STAFF, actor=boss)
    staff = accounts.create_staff("小李", StaffRole.STAFF, "1234", actor=boss)
    accounts.change_role(staff.id, StaffRole.MANAGER, actor=boss)
    with sqlite_db.sessions() as session:
        actions = list(session.scalars(select(AuditEntry.action)))
    assert "role_change" in actions and actions.count("staff_created") == 2


def test_a_lead_is_saved_with_normalised_contacts_interests_and_consent(any_db: Database) -> None:
    leads = LeadService(any_db)
    lead_id = leads.save(
        consented(
            person_name="张 三",
            company="示例物流",
            mobile="138 0013 8000",
            email=" Zhang@Example.CN ",
            rating=Rating.HOT,
            interests=[InterestInput(None, 10)],
        ),
        source=LeadSource.BOOTH,
    )
    record = leads.get(lead_id)
    assert record.data.mobile == "138 0013 8000"
    assert record.data.consent_at is not None and record.data.consent_version == "2026-1"
    assert [i.quantity for i in record.data.interests] == [10]
    with any_db.sessions() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        assert lead.mobile_e164 == "+8613800138000"
        assert lead.email_normalized == "zhang@example.cn"
        assert "zhangsan" in lead.person_name_key
        assert lead.captured_on_device_id == any_db.device_id


def test_bad_input_is_refused_field_by_field_and_nothing_is_written(any_db: Database) -> None:
    leads = LeadService(any_db)
    with pytest.raises(LeadValidationError) as caught:
        leads.save(
            LeadInput(
                person_name="李四",
                mobile="0851-8555 1234",
                email="li@",
                credit_code="91350100M000100Y44",
            ),
            source=LeadSource.BOOTH,
        )
    fields = caught.value.by_field("zh_CN")
    assert set(fields) == {"mobile", "email", "credit_code", "consent_given"}
    assert "座机" in fields["mobile"]
    with any_db.sessions() as session:
        assert session.scalars(select(Lead)).first() is None


def test_the_same_person_twice_is_linked_not_collapsed(any_db: Database) -> None:
    leads = LeadService(any_db)
    first = leads.save(consented(person_name="张三", mobile="13800138000"), source=LeadSource.BOOTH)
    assert leads.find_duplicates(consented(mobile="+86 138 0013 8000"))[0].lead_id == first
    second = leads.save(
        consented(person_name="张三丰", mobile="138-0013-8000"), source=LeadSource.KIOSK
    )
    third = leads.save(
        consented(person_name="王五", company="贵州示例煤业有限公司", email="w@example.cn"),
        source=LeadSource.BOOTH,
    )
    fourth = leads.save(
        consented(person_name="王五", company="贵州示例煤业公司", email="wang@example.com"),
        source=LeadSource.BOOTH,
    )
    with any_db.sessions() as session:
        links = {
            frozenset((x.lead_a_id, x.lead_b_id)): x.reason
            for x in session.scalars(select(LeadDuplicateLink))
        }
        assert session.query(Lead).count() == 4
    assert links == {
        frozenset((first, second)): "phone",
        frozenset((third, fourth)): "name_company",
    }


def test_updating_a_lead_replaces_its_interests_with_tombstones(any_db: Database) -> None:
    leads = LeadService(any_db)
    model_a, model_b = None, None
    lead_id = leads.save(
        consented(person_name="赵六", mobile="13900000001", interests=[InterestInput(model_a, 2)]),
        source=LeadSource.BOOTH,
    )
    leads.save(
        consented(person_name="赵六", mobile="13900000001", interests=[InterestInput(model_b, 5)]),
        source=LeadSource.BOOTH,
        lead_id=lead_id,
    )
    assert [i.quantity for i in leads.get(lead_id).data.interests] == [5]
    with any_db.sessions() as session:
        assert session.query(LeadInterest).count() == 1  # same model key: updated in place


def test_deleting_a_person_scrubs_personal_data_keeps_a_tombstone_and_is_audited(
    any_db: Database,
) -> None:
    accounts = AccountService(any_db)
    boss = accounts.create_staff("王经理", StaffRole.MANAGER, "9876", actor=None)
    staff = accounts.create_staff("小李", StaffRole.STAFF, "1234", actor=boss)
    leads = LeadService(any_db)
    lead_id = leads.save(
        consented(
            person_name="张三", mobile="13800138000", email="z@example.cn", notes="likes blue"
        ),
        source=LeadSource.BOOTH,
    )
    with pytest.raises(PermissionDenied):
        leads.delete_person(lead_id, actor=staff)
    leads.delete_person(lead_id, actor=boss)
    with any_db.sessions() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.deleted_at is not None
        assert (lead.person_name, lead.mobile, lead.mobile_e164, lead.email, lead.notes) == (
            "",
            "",
            "",
            "",
            "",
        )
        assert "delete_person" in session.scalars(select(AuditEntry.action)).all()


def test_the_lead_filter_finds_by_pinyin_phone_rating_model_and_source(any_db: Database) -> None:
    from catalog_app.services.lead_query import LeadFilter, LeadSort, count_leads, lead_select

    leads = LeadService(any_db)
    zhang = leads.save(
        consented(
            person_name="张三", company="貴州示例物流", mobile="13800138000", rating=Rating.HOT
        ),
        source=LeadSource.BOOTH,
    )
    leads.save(
        consented(person_name="李四", company="示例煤业", mobile="13900000002", rating=Rating.COLD),
        source=LeadSource.KIOSK,
    )
    assert count_leads(any_db, LeadFilter()) == 2
    assert count_leads(any_db, LeadFilter(text="zhangsan")) == 1
    assert count_leads(any_db, LeadFilter(text="贵州")) == 1
    assert count_leads(any_db, LeadFilter(text="gzsl")) == 1
    assert count_leads(any_db, LeadFilter(text="0013 8000")) == 1
    assert count_leads(any_db, LeadFilter(ratings=frozenset({Rating.COLD}))) == 1
    assert count_leads(any_db, LeadFilter(sources=frozenset({LeadSource.KIOSK}))) == 1
    assert count_leads(any_db, LeadFilter(consent_purpose="contact_about_vehicles")) == 0
    with any_db.sessions() as session:
        names = [
            lead.person_name for lead in session.scalars(lead_select(LeadFilter(), LeadSort.NAME))
        ]
        assert names == ["李四", "张三"]  # pinyin order: li < zhang
    accounts = AccountService(any_db)
    boss = accounts.create_staff("王经理", StaffRole.MANAGER, "9876", actor=None)
    leads.delete_lead(zhang, actor=boss)
    assert count_leads(any_db, LeadFilter()) == 1
    assert count_leads(any_db, LeadFilter(include_deleted=True)) == 2
