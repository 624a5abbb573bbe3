"""Importing leads collected elsewhere: GB18030 and UTF-8 CSV with Chinese headers, Excel, the
same file twice, bad files (row/column/reason, nothing written), duplicates linked, consent."""

from __future__ import annotations

from pathlib import Path

import pytest
from leads_data import LeadWorld
from openpyxl import Workbook
from sqlalchemy import func, select

from catalog_app.cli import main
from catalog_app.domain.enums import FollowUp, Industry, LeadSource, Rating
from catalog_app.domain.models import AuditEntry, Lead, LeadDuplicateLink, LeadInterest
from catalog_app.services.accounts import PermissionDenied
from catalog_app.services.audit import AuditAction
from catalog_app.services.lead_import import LeadImportError, import_leads, preview_file
from catalog_app.services.lead_import_columns import MappingError, parse_mapping
from catalog_app.services.lead_list import ListOrder, ListQuery
from catalog_app.services.lead_query import LeadFilter
from catalog_app.services.personal_data import forget_person
from catalog_app.store.database import Database

HEADER = "姓名,单位,手机,座机,邮箱,职务,行业,车队规模,意向车型,数量,评级,备注,登记时间,跟进状态"
ROWS = (
    "孙强,贵州黔北物流有限公司,13912345678,,sunqiang@example.cn,车队长,物流快递,30,QL-E49,5,热,"
    "要试驾,2026-05-21 10:30,新线索",
    "周丽,六盘水煤矿,,0851-8555 1234,,采购经理,矿业,12,黔岭 D31 纯电自卸车×2、未知车型,,温,,"
    "2026/5/22,已联系",
    "吴刚,安顺市政环卫,13912345679,,,,市政环卫,,,,冷,,,",
)


def csv_text(*rows: str) -> str:
    return "\n".join((HEADER, *rows)) + "\n"


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def count(database: Database, model: type) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def names(database: Database) -> set[str]:
    rows = ListQuery(database, LeadFilter(sources=frozenset({LeadSource.IMPORT})), ListOrder())
    return {row.person_name for row in rows.page().rows}


def test_a_gb18030_csv_with_chinese_headers_is_read_correctly(
    world: LeadWorld, tmp_path: Path
) -> None:
    path = write(tmp_path / "纸质登记表.csv", csv_text(*ROWS), "gb18030")
    report = import_leads(world.database, path, actor=world.manager)
    assert report.encoding == "gb18030"
    assert (report.rows, report.added, report.already_imported) == (3, 3, 0)
    assert names(world.database) == {"孙强", "周丽", "吴刚"}
    with world.database.sessions() as session:
        sun = session.scalar(select(Lead).where(Lead.person_name == "孙强"))
        zhou = session.scalar(select(Lead).where(Lead.person_name == "周丽"))
        assert sun is not None and zhou is not None
        assert (sun.company, sun.mobile_e164, sun.title) == (
            "贵州黔北物流有限公司",
            "+8613912345678",
            "车队长",
        )
        assert (sun.industry, sun.fleet_size, sun.rating) == (Industry.LOGISTICS, 30, Rating.HOT)
        assert sun.source is LeadSource.IMPORT
        assert sun.captured_at is not None and sun.captured_at.astimezone().hour == 10
        quantities = [
            i.quantity
            for i in session.scalars(select(LeadInterest).where(LeadInterest.lead_id == sun.id))
        ]
        assert quantities == [5]
        # a landline in its column; "矿业" understood; a model with ×2; an unknown one kept
        assert zhou.landline == "0851-8555 1234" and zhou.industry == Industry.COAL_MINING
        assert zhou.follow_up is FollowUp.CONTACTED
        assert "未知车型" in zhou.notes
        wanted = list(session.scalars(select(LeadInterest).where(LeadInterest.lead_id == zhou.id)))
        assert [(i.model_id, i.quantity) for i in wanted] == [(world.dump, 2)]
    assert any("未知车型" in note.text("zh_CN") for note in report.notes)
    assert "新增 3 条" in report.summary("zh_CN")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_with_or_without_a_byte_order_mark(
    world: LeadWorld, tmp_path: Path, encoding: str
) -> None:
    path = write(tmp_path / "leads.csv", csv_text(ROWS[0]), encoding)
    report = import_leads(world.database, path, actor=world.manager)
    assert report.encoding == encoding and report.added == 1
    assert names(world.database) == {"孙强"}


def test_an_excel_workbook_with_english_headers(world: LeadWorld, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Company", "Mobile No.", "E-mail", "Model", "Qty", "Rating"])
    sheet.append(
        [
            "Anna Li",
            "Green Haul Ltd",
            13912340000,
            "anna@example.com",
            "Qianling E49 swap tractor",
            3,
            "hot",
        ]
    )
    path = tmp_path / "other-app.xlsx"
    book.save(path)
    report = import_leads(world.database, path, actor=world.manager)
    assert report.encoding == "xlsx" and report.added == 1
    with world.database.sessions() as session:
        anna = session.scalar(select(Lead).where(Lead.person_name == "Anna Li"))
        assert anna is not None and anna.mobile == "13912340000" and anna.rating is Rating.HOT


def test_importing_the_same_file_twice_adds_nothing(world: LeadWorld, tmp_path: Path) -> None:
    path = write(tmp_path / "leads.csv", csv_text(*ROWS), "gb18030")
    import_leads(world.database, path, actor=world.manager)
    leads, interests = count(world.database, Lead), count(world.database, LeadInterest)
    again = import_leads(world.database, path, actor=world.manager)
    assert (again.added, again.already_imported) == (0, 3)
    assert (count(world.database, Lead), count(world.database, LeadInterest)) == (leads, interests)
    # the same rows saved as UTF-8 in another column order are the same people too
    columns = HEADER.split(",")
    reordered = [",".join(reversed(columns))] + [",".join(reversed(r.split(","))) for r in ROWS]
    other = write(tmp_path / "copy.csv", "\n".join(reordered), "utf-8")
    assert import_leads(world.database, other, actor=world.manager).added == 0
    assert count(world.database, Lead) == leads


def test_a_bad_file_reports_row_column_and_reason_and_writes_nothing(
    world: LeadWorld, tmp_path: Path
) -> None:
    bad = csv_text(
        ROWS[0],
        "郑一,某公司,12345,,,,,很多,,,热,,,",
        ",,13912345670,,,,,,,,maybe,,,",
        "王二,某公司,13912345671,,not-an-email,,,,,,,,明天,",
    )
    path = write(tmp_path / "bad.csv", bad, "gb18030")
    before = count(world.database, Lead)
    with pytest.raises(LeadImportError) as failed:
        import_leads(world.database, path, actor=world.manager)
    zh, en = failed.value.text("zh_CN"), failed.value.text("en")
    assert "未写入任何数据" in zh and "nothing was written" in en
    assert "第 3 行，“车队规模”列" in zh and "第 3 行，“手机”列" in zh
    assert "row 4, column “评级”" in en and "row 4, column “姓名”" in en
    assert "row 5, column “邮箱”" in en and "row 5, column “登记时间”" in en
    assert len(failed.value.problems) == 6
    assert count(world.database, Lead) == before
    with world.database.sessions() as session:
        assert (
            session.scalar(select(AuditEntry).where(AuditEntry.action == AuditAction.IMPORT_LEADS))
            is None
        )


def test_people_already_present_are_linked_as_duplicates_not_merged(
    world: LeadWorld, tmp_path: Path
) -> None:
    """张伟 was captured at the booth with 13800138001; the file has him again."""
    text = "姓名,公司,手机\n张伟,黔运物流,138 0013 8001\n"
    path = write(tmp_path / "again.csv", text, "utf-8")
    report = import_leads(world.database, path, actor=world.manager)
    assert report.added == 1 and report.duplicates_linked == 1
    with world.database.sessions() as session:
        link = session.scalar(select(LeadDuplicateLink))
        assert link is not None and link.reason == "phone"
        assert world.leads["zhang"] in (link.lead_a_id, link.lead_b_id)
        assert (
            session.scalar(select(func.count()).select_from(Lead).where(Lead.person_name == "张伟"))
            == 2
        )


def test_the_same_person_twice_in_one_file_is_imported_once(
    world: LeadWorld, tmp_path: Path
) -> None:
    text = "姓名,手机\n郑明,13912345600\n郑明,139 1234 5600\n"
    report = import_leads(
        world.database, write(tmp_path / "x.csv", text, "utf-8"), actor=world.manager
    )
    assert report.added == 1 and report.repeated_in_file == [(3, 2)]
    assert "第 3 行同第 2 行" in report.summary("zh_CN")


def test_consent_is_never_invented(world: LeadWorld, tmp_path: Path) -> None:
    """No consent column: the wording says so, version "import", no time, no purpose — so
    exports filtered by purpose leave the lead out. A "yes" column records consent."""
    plain = write(tmp_path / "plain.csv", "姓名,手机\n钱多,13912345601\n", "utf-8")
    agreed = write(
        tmp_path / "agreed.csv",
        "姓名,手机,是否同意\n孙少,13912345602,是\n李白,13912345603,否\n",
        "utf-8",
    )
    import_leads(world.database, plain, actor=world.manager)
    import_leads(world.database, agreed, actor=world.manager)
    with world.database.sessions() as session:
        by_name = {lead.person_name: lead for lead in session.scalars(select(Lead))}
    qian, sun, li = by_name["钱多"], by_name["孙少"], by_name["李白"]
    assert qian.consent_version == "import" and qian.consent_at is None
    assert qian.consent_purposes == [] and "没有此人同意的记录" in qian.consent_text
    assert "records no consent" in qian.consent_text
    assert sun.consent_at is not None and sun.consent_purposes == ["contact_about_vehicles"]
    assert "已同意被联系（“是”）" in sun.consent_text
    assert li.consent_at is None and li.consent_purposes == []
    purposeful = LeadFilter(
        consent_purpose="contact_about_vehicles", sources=frozenset({LeadSource.IMPORT})
    )
    assert {
        r.person_name for r in ListQuery(world.database, purposeful, ListOrder()).page().rows
    } == {"孙少"}


def test_a_person_deleted_at_their_request_is_not_brought_back_by_a_re_import(
    world: LeadWorld, tmp_path: Path
) -> None:
    path = write(tmp_path / "leads.csv", csv_text(ROWS[0]), "utf-8")
    import_leads(world.database, path, actor=world.manager)
    with world.database.sessions() as session:
        sun = session.scalar(select(Lead.id).where(Lead.person_name == "孙强"))
    assert sun is not None
    forget_person(world.database, sun, actor=world.manager)
    again = import_leads(world.database, path, actor=world.manager)
    assert (again.added, again.deleted_earlier) == (0, 1)
    assert "孙强" not in names(world.database)


def test_columns_can_be_mapped_and_only_managers_import(world: LeadWorld, tmp_path: Path) -> None:
    text = "联系人,单位全称,联系人手机,备用号码\n冯七,冯氏运输,13912345604,13912345605\n"
    path = write(tmp_path / "m.csv", text, "utf-8")
    preview = preview_file(path)
    assert preview.plan is not None and preview.plan.used() == {"联系人": "person_name"}
    mapping = parse_mapping(["单位全称=company", "联系人手机=mobile", "备用号码=ignore"])
    with pytest.raises(PermissionDenied):
        import_leads(world.database, path, mapping, actor=world.staff)
    report = import_leads(world.database, path, mapping, actor=world.manager)
    assert report.columns == {
        "联系人": "person_name",
        "单位全称": "company",
        "联系人手机": "mobile",
    }
    assert report.ignored_columns == ["备用号码"]
    with pytest.raises(MappingError):
        parse_mapping(["备用号码=nonsense"])
    with world.database.sessions() as session:
        entry = session.scalar(
            select(AuditEntry).where(AuditEntry.action == AuditAction.IMPORT_LEADS)
        )
        assert entry is not None and entry.staff_id == world.manager.id
        assert entry.detail["added"] == 1 and "冯七" not in str(entry.detail)


def test_the_command_imports_and_reports_problems(
    world: LeadWorld, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = str(world.database.path)
    good = write(tmp_path / "good.csv", csv_text(*ROWS), "gb18030")
    assert main(["leads", "import", str(good), "--db", db_path, "--lang", "zh_CN"]) == 0
    assert "新增 3 条" in capsys.readouterr().out
    assert main(["leads", "import", str(good), "--db", db_path, "--lang", "en"]) == 0
    assert "0 new, 3 imported before" in capsys.readouterr().out
    bad = write(tmp_path / "bad.csv", "姓名,手机\n,123\n", "utf-8")
    assert main(["leads", "import", str(bad), "--db", db_path, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "row 2, column “手机”" in err and "nothing was written" in err
    assert main(["leads", "import", str(good), "--map", "x", "--db", db_path, "--lang", "en"]) == 1
    assert "COLUMN=field" in capsys.readouterr().err
