"""Test data of the lead tests: a small catalog, a manager and a staff member, leads with
Chinese names (a module with a unique name, importable from every test file of this folder)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from catalog_app.domain.enums import (
    ExhibitorKind,
    FollowUp,
    Industry,
    LeadSource,
    Rating,
    StaffRole,
)
from catalog_app.domain.models import Exhibitor, Fair, Lead, TruckModel
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.services.consent import current_consent
from catalog_app.services.lead_input import InterestInput, LeadInput
from catalog_app.services.leads import LeadService
from catalog_app.store.database import Database

START = datetime(2026, 5, 21, 2, 0, tzinfo=UTC)


@dataclass
class LeadWorld:
    database: Database
    manager: StaffMember
    staff: StaffMember
    tractor: uuid.UUID
    dump: uuid.UUID
    light: uuid.UUID
    leads: dict[str, uuid.UUID]


def consented(**fields: object) -> LeadInput:
    wording = current_consent("zh_CN")
    return LeadInput(
        consent_given=True,
        consent_text=wording.text,
        consent_version=wording.version,
        consent_purposes=list(wording.purposes),
        **fields,  # type: ignore[arg-type]
    )


def fill_catalog(database: Database) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    with database.transaction() as session:
        fair = Fair(code="LEAD-TEST", name_zh="线索测试展会", name_en="Lead test fair")
        maker = Exhibitor(
            fair=fair, code="QL", name_zh="黔岭重卡", name_en="Qianling", kind=ExhibitorKind.MAKER
        )
        tractor = TruckModel(
            exhibitor=maker,
            code="QL-E49",
            name_zh="黔岭 E49 换电牵引车",
            name_en="Qianling E49 swap tractor",
            body_type="tractor",
            powertrain="bev_swap",
            sort_order=1,
        )
        dump = TruckModel(
            exhibitor=maker,
            code="QL-D31",
            name_zh="黔岭 D31 纯电自卸车",
            name_en="Qianling D31 electric dump truck",
            body_type="dump",
            powertrain="bev_charge",
            sort_order=2,
        )
        light = TruckModel(
            exhibitor=maker,
            code="ZC-L45",
            name_zh="筑城 L45 电动轻卡",
            name_en="Zhucheng L45 electric light truck",
            body_type="light",
            powertrain="bev_charge",
            sort_order=3,
        )
        session.add_all([fair, maker, tractor, dump, light])
        session.flush()
        return tractor.id, dump.id, light.id


PEOPLE = (
    # key, name, company, mobile, email, rating, industry
    ("zhang", "张伟", "贵州黔运物流有限公司", "13800138001", "zhangwei@example.cn", Rating.HOT),
    ("li", "李娜", "遵义煤业集团", "13800138002", "lina@example.cn", Rating.WARM),
    ("wang", "王芳", "六盘水建材有限公司", "13800138003", "", Rating.COLD),
    ("liu", "刘洋", "安顺市政环卫", "13800138004", "liuyang@example.cn", None),
    ("chen", "陈静", "贵阳供应链管理公司", "13800138005", "chenjing@example.cn", Rating.HOT),
    ("yang", "杨磊", "黔西南能源公司", "13800138006", "", Rating.WARM),
    ("zhao", "赵敏", "毕节物流有限公司", "13800138007", "zhaomin@example.cn", None),
)


def make_world(database: Database) -> LeadWorld:
    """The catalog, a manager (PIN 9876) and a staff member (1234), and seven leads captured
    an hour apart (张伟 first, 赵敏 last)."""
    tractor, dump, light = fill_catalog(database)
    accounts = AccountService(database)
    manager = accounts.create_staff("王经理", StaffRole.MANAGER, "9876", actor=None)
    staff = accounts.create_staff("小李", StaffRole.STAFF, "1234", actor=manager)
    service = LeadService(database)
    leads: dict[str, uuid.UUID] = {}
    models = (tractor, dump, light)
    for index, (key, name, company, mobile, email, rating) in enumerate(PEOPLE):
        data = consented(
            person_name=name,
            company=company,
            mobile=mobile,
            email=email,
            rating=rating,
            industry=Industry.LOGISTICS,
            interests=[InterestInput(models[index % 3], quantity=index + 1)],
        )
        leads[key] = service.save(
            data,
            source=LeadSource.BOOTH,
            staff_id=(manager if index % 2 else staff).id,
            captured_at=START + timedelta(hours=index),
        )
    with database.transaction() as session:
        lead = session.get(Lead, leads["liu"])
        assert lead is not None
        lead.follow_up = FollowUp.CONTACTED
    return LeadWorld(database, manager, staff, tractor, dump, light, leads)
