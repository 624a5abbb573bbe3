"""The dashboard's figures on the sample fair and on booth leads, and the printable fair report:
its text (read back with pypdf) holds the Chinese labels and the same totals."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from exports_data import CHINA, ExportWorld
from pypdf import PdfReader
from sqlalchemy import select

from catalog_app.domain.enums import IntentStatus, LeadSource
from catalog_app.domain.models import IntentForm, IntentLine
from catalog_app.domain.spec_format import format_price
from catalog_app.services.dashboard import change_token, compute_figures
from catalog_app.services.demo import seed_sample_fair
from catalog_app.services.exports.fair_report import write_fair_report
from catalog_app.services.intent_data import money
from catalog_app.services.lead_input import LeadInput
from catalog_app.services.lead_query import LeadFilter
from catalog_app.services.leads import LeadService
from catalog_app.store.database import Database, open_sqlite


@pytest.fixture
def demo_db(tmp_path: Path):  # type: ignore[no-untyped-def]
    database = open_sqlite(tmp_path / "demo.sqlite")
    seed_sample_fair(database)
    try:
        yield database
    finally:
        database.close()


def intent_truth(database: Database) -> dict[IntentStatus, tuple[int, int, Decimal]]:
    """Forms, units and value per status, added up the slow way (latest revisions only)."""
    with database.sessions() as session:
        forms = [f for f in session.scalars(select(IntentForm)) if f.deleted_at is None]
        superseded = {f.previous_revision_id for f in forms if f.previous_revision_id}
        current = [f for f in forms if f.id not in superseded]
        lines = [line for line in session.scalars(select(IntentLine)) if line.deleted_at is None]
    totals: dict[IntentStatus, tuple[int, int, Decimal]] = {}
    for status in IntentStatus:
        ids = {f.id for f in current if f.status is status}
        own = [line for line in lines if line.intent_id in ids]
        totals[status] = (
            len(ids),
            sum(line.quantity for line in own),
            sum((money(line.unit_price_cny) * line.quantity for line in own), Decimal("0.00")),
        )
    return totals


def test_dashboard_figures_of_the_sample_fair(demo_db):
    f = compute_figures(demo_db, offset=CHINA)
    assert f.total_leads == 6
    assert f.hot_leads == 2
    assert [(k.key, k.count) for k in f.by_rating] == [
        ("hot", 2), ("warm", 2), ("cold", 2), ("", 0)
    ]  # fmt: skip
    assert f.by_day == ((date(2026, 6, 18), 4), (date(2026, 6, 19), 2))
    # 09:42, 10:15, 11:05, 14:20 on day one; 09:10 and 15:30 on day two (Guiyang time)
    assert {h: n for h, n in enumerate(f.by_hour) if n} == {9: 2, 10: 1, 11: 1, 14: 1, 15: 1}
    assert dict((k.key, k.count) for k in f.by_industry) == {
        "logistics": 2, "coal_mining": 1, "construction": 1, "energy_power": 1, "supply_chain": 1
    }  # fmt: skip
    assert [(k.key, k.count) for k in f.by_source] == [("sample", 6)]
    assert f.by_model[0].code == "ZC-L4-100C" and f.by_model[0].units == 30
    assert f.units_of_interest == sum(m.units for m in f.by_model) == 98
    truth = intent_truth(demo_db)
    for total in f.intents_by_status:
        assert (total.forms, total.units, total.value) == truth[total.status]
    counted = [s for s in IntentStatus if s is not IntentStatus.CANCELLED]
    assert f.intent_value == sum((truth[s][2] for s in counted), Decimal("0.00"))
    assert f.signed_value == truth[IntentStatus.SIGNED][2]
    assert sum(row.counted_value for row in f.intent_models) == f.intent_value


def test_hours_follow_the_chosen_utc_offset(demo_db):
    utc = compute_figures(demo_db, offset=timedelta(0))
    assert {h: n for h, n in enumerate(utc.by_hour) if n} == {1: 2, 2: 1, 3: 1, 6: 1, 7: 1}


def test_staff_figures_and_filters_on_booth_leads(world: ExportWorld):
    f = compute_figures(world.database, offset=CHINA)
    assert f.total_leads == 12
    staff = {s.name: s for s in f.by_staff}
    assert staff["展台 小王"].leads == 5 and staff["展台 小王"].hot == 1
    assert staff["经理 周敏"].leads == 1
    booth = compute_figures(
        world.database, LeadFilter(sources=frozenset({LeadSource.BOOTH})), offset=CHINA
    )
    assert booth.total_leads == 6
    d8 = next(m for m in booth.by_model if m.code == "QL-D8-423C")
    assert (d8.leads, d8.units) == (2, 23)


def test_deleted_leads_do_not_count(world: ExportWorld):
    service = LeadService(world.database)
    service.delete_lead(world.leads["tab"], actor=world.manager)
    assert compute_figures(world.database, offset=CHINA).total_leads == 11


def test_change_token_moves_when_a_lead_is_saved(world: ExportWorld):
    before = change_token(world.database)
    assert change_token(world.database) == before
    LeadService(world.database).save(
        LeadInput(person_name="赵六", mobile="13800000010"), source=LeadSource.IMPORT
    )
    assert change_token(world.database) != before


def report_text(path: Path) -> tuple[str, PdfReader]:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_fair_report_in_chinese_has_the_labels_totals_and_an_embedded_font(demo_db, tmp_path):
    result = write_fair_report(demo_db, tmp_path / "报告.pdf", "zh_CN", offset=CHINA)
    text, reader = report_text(result.path)
    f = result.figures
    for label in (
        "展会成果报告", "线索", "热线索", "按日期的线索", "按时段的线索", "按行业的线索",
        "线索最多的车型", "热门车型", "按状态的意向书", "每位员工的成果", "合计（不含作废）",
        "示例数据", "电动贵州·绿色黔行",
    ):  # fmt: skip
        assert label in text, label
    assert format_price(float(f.intent_value), "zh_CN") in text  # 2,717.8 万元
    assert format_price(float(f.signed_value), "zh_CN") in text
    assert "筑城 E45 纯电动厢式轻卡 4.5 t" in text
    assert f"第 1 页，共 {len(reader.pages)} 页" in text
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    assert all("/FontFile2" in f["/DescendantFonts"][0].get_object()["/FontDescriptor"]
               for f in fonts if "/DescendantFonts" in f)  # fmt: skip
    assert list(tmp_path.glob("*.partial")) == []


def test_fair_report_in_english(world: ExportWorld, tmp_path):
    result = write_fair_report(world.database, tmp_path / "report.pdf", "en", offset=CHINA)
    text, reader = report_text(result.path)
    for label in ("Fair report", "Leads by day", "Top models", "Intents by status",
                  "Results per staff member", "展台 小王", "经理 周敏", "Page 1 of"):  # fmt: skip
        assert label in text, label
    assert len(reader.pages) >= 3


def test_fair_report_of_an_empty_database_says_so(tmp_path):
    database = open_sqlite(tmp_path / "empty.sqlite")
    try:
        result = write_fair_report(database, tmp_path / "empty.pdf", "zh_CN", offset=CHINA)
    finally:
        database.close()
    text, _reader = report_text(result.path)
    assert "尚无线索" in text and "暂无数据" in text


@pytest.mark.postgres
def test_dashboard_figures_on_postgresql(postgres_db):
    from exports_data import make_world

    world = make_world(postgres_db)
    f = compute_figures(world.database, offset=CHINA)
    assert f.total_leads == 12 and f.hot_leads == 3
    assert sum(f.by_hour) == 12 and f.by_day[0] == (date(2026, 6, 18), 8)
    assert {s.name: s.leads for s in f.by_staff}["展台 小王"] == 5
    truth = intent_truth(postgres_db)
    assert {t.status: (t.forms, t.units, t.value) for t in f.intents_by_status} == truth
