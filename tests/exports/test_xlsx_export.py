"""A manager exports the fair's leads to Excel and the workbook reads back as the database holds
them: every value, phones and credit codes as text, times as real dates, a frozen and filtered
header, interests on their own sheet, formula-like text inert."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from exports_data import (
    ALL_DIGIT_CREDIT_CODE,
    CHINA,
    INJECTIONS,
    NOTES_WITH_CR,
    NOTES_WITH_TAB,
    ExportWorld,
    add_merged_lead_with_control_start,
    db_leads,
    live_interests,
)

from catalog_app.services.exports import (
    ExportFormat,
    ExportRequest,
    FileOptions,
    export_leads,
    xlsx_format,
)
from catalog_app.services.exports.cells import needs_marker


def export_xlsx(world: ExportWorld, path: Path, lang: str = "zh_CN") -> openpyxl.Workbook:
    request = ExportRequest(
        ExportFormat.XLSX, path, options=FileOptions(lang=lang), utc_offset=CHINA, batch_size=3
    )
    export_leads(world.database, request, actor=world.manager)
    return openpyxl.load_workbook(path)


def excel_text(value: object) -> object:
    """A cell's text as Excel shows it: OOXML escapes control characters as ``_x000D_``, which
    Excel decodes and openpyxl leaves as they are."""
    if isinstance(value, str):
        return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)
    return value


def rows_by_id(sheet) -> tuple[list[str], dict[str, dict[str, object]]]:  # type: ignore[no-untyped-def]
    values = [tuple(excel_text(v) for v in row) for row in sheet.iter_rows(values_only=True)]
    headers = [str(h) for h in values[0]]
    return headers, {str(row[0]): dict(zip(headers, row, strict=True)) for row in values[1:]}


def test_workbook_reads_back_every_lead_as_the_database_holds_it(world, out):
    book = export_xlsx(world, out / "leads.xlsx")
    assert book.sheetnames == ["线索", "意向车型", "导出说明"]
    headers, rows = rows_by_id(book["线索"])
    truth = db_leads(world.database)
    assert set(rows) == {str(i) for i in truth}
    for lead_id, lead in truth.items():
        row = rows[str(lead_id)]
        assert row["姓名"] == (lead.person_name or None)
        assert row["单位"] == (lead.company or None)
        assert row["手机"] == (lead.mobile or None)
        assert row["手机（国际格式）"] == (lead.mobile_e164 or None)
        assert row["统一社会信用代码"] == (lead.credit_code or None)
        assert row["电子邮箱"] == (lead.email or None)
        assert row["车队规模（辆）"] == lead.fleet_size
        assert row["备注"] == (lead.notes or None)
        assert row["同意书原文"] == (lead.consent_text or None)
        assert row["同意书版本"] == (lead.consent_version or None)
        local = (lead.captured_at + CHINA).replace(tzinfo=None)
        assert row["采集时间 (UTC+08:00)"] == local
        units = sum(i.quantity for i in live_interests(lead))
        assert row["意向台数"] == (units or None)


def test_phones_and_credit_codes_are_text_cells_and_times_are_dates(world, out):
    book = export_xlsx(world, out / "leads.xlsx")
    sheet = book["线索"]
    headers = [c.value for c in sheet[1]]
    column = {name: index + 1 for index, name in enumerate(headers)}
    liu = next(r for r in sheet.iter_rows(min_row=2) if r[2].value == "刘建华")
    code = liu[column["统一社会信用代码"] - 1]
    assert code.value == ALL_DIGIT_CREDIT_CODE and code.data_type == "s"
    landline = liu[column["座机"] - 1]
    assert landline.value == "0851-8555 1234" and landline.data_type == "s"
    mobile = liu[column["手机"] - 1]
    assert mobile.value == "13800000001" and mobile.data_type == "s"
    captured = liu[column["采集时间 (UTC+08:00)"] - 1]
    assert captured.is_date and isinstance(captured.value, datetime)
    assert captured.number_format == "yyyy-mm-dd hh:mm"
    assert liu[column["车队规模（辆）"] - 1].data_type == "n"


def test_header_is_frozen_filtered_and_formatted(world, out):
    book = export_xlsx(world, out / "leads.xlsx")
    for name in ("线索", "意向车型"):
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == sheet.dimensions
        assert sheet["A1"].font.bold
        assert sheet.column_dimensions["A"].width > 30  # the id column fits
    leads = book["线索"]
    assert leads.max_row == len(db_leads(world.database)) + 1


def test_interests_sheet_has_one_row_per_interest(world, out):
    book = export_xlsx(world, out / "leads.xlsx", lang="en")
    assert book.sheetnames == ["Leads", "Interests", "About this file"]
    _headers, _rows = rows_by_id(book["Leads"])
    interests = list(book["Interests"].iter_rows(min_row=2, values_only=True))
    truth = db_leads(world.database)
    expected = sorted(
        (str(lead.id), i.quantity) for lead in truth.values() for i in live_interests(lead)
    )
    assert sorted((str(r[0]), r[5]) for r in interests) == expected
    liu = [r for r in interests if r[1] == "刘建华"]
    assert {r[3] for r in liu} == {"QL-T6-282S", "QL-D8-423C"}
    assert {r[6] for r in liu} == {"Within 3 months", "Within 6 months"}


def test_formula_like_text_is_an_inert_string_and_the_database_keeps_the_original(world, out):
    merged = add_merged_lead_with_control_start(world.database)
    book = export_xlsx(world, out / "leads.xlsx")
    sheet = book["线索"]
    flagged = {}
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            text = excel_text(cell.value)
            if isinstance(text, str) and needs_marker(text):
                assert cell.data_type == "s", cell.coordinate
                assert cell.quotePrefix, f"{cell.coordinate} {text!r} lacks the marker"
                flagged[text] = cell.coordinate
    for text in (*INJECTIONS.values(), NOTES_WITH_TAB, NOTES_WITH_CR, "\t=cmd", "\r@SUM(1)"):
        assert text in flagged, text
    truth = db_leads(world.database)
    formula = truth[world.leads["formula"]]
    for field, text in INJECTIONS.items():
        assert getattr(formula, field) == text
    assert truth[merged].person_name == "\t=cmd"
    # No cell anywhere is a formula.
    for name in book.sheetnames:
        for row in book[name].iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def test_about_sheet_says_who_when_how_many_and_the_privacy_rule(world, out):
    book = export_xlsx(world, out / "leads.xlsx")
    about = {row[0]: row[1] for row in book["导出说明"].iter_rows(values_only=True)}
    assert about["导出人"] == "经理 周敏"
    assert about["线索数"] == str(len(db_leads(world.database)))
    assert about["筛选条件"] == "全部线索"
    assert "个人信息保护法" in about["个人信息"]


def test_a_table_longer_than_a_sheet_continues_on_the_next(world, out, monkeypatch):
    monkeypatch.setattr(xlsx_format, "MAX_ROWS", 5)  # header + 4 rows per sheet
    book = export_xlsx(world, out / "leads.xlsx")
    lead_sheets = [n for n in book.sheetnames if n.startswith("线索")]
    assert lead_sheets == ["线索", "线索 (2)", "线索 (3)"]
    ids = [
        row[0] for name in lead_sheets for row in book[name].iter_rows(min_row=2, values_only=True)
    ]
    assert len(ids) == len(set(ids)) == len(db_leads(world.database))
    for name in lead_sheets:
        assert book[name]["A1"].value == "线索编号"
        assert book[name].freeze_panes == "A2"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_headers_follow_the_export_language(world, out, lang):
    book = export_xlsx(world, out / f"leads-{lang}.xlsx", lang=lang)
    first = book.worksheets[0]["A1"].value
    assert first == ("线索编号" if lang == "zh_CN" else "Lead ID")


def test_an_exported_workbook_imports_into_another_database(world, out, tmp_path):
    """Round trip through the app's own lead import: every person, contact, rating and
    interest (model and units) comes back; formula-like text comes back as typed."""
    from catalog_app.services.demo import seed_sample_fair
    from catalog_app.services.lead_import import model_catalog, read_leads
    from catalog_app.store.database import open_sqlite

    path = out / "leads.xlsx"
    export_xlsx(world, path)
    other = open_sqlite(tmp_path / "office.sqlite")
    try:
        seed_sample_fair(other)
        rows, _report = read_leads(path, {"手机（国际格式）": "ignore"}, model_catalog(other))
    finally:
        other.close()
    truth = db_leads(world.database)
    assert len(rows) == len(truth)
    by_name = {(r.data.person_name, r.data.company): r.data for r in rows}
    for lead in truth.values():
        data = by_name[(lead.person_name, lead.company)]
        assert (data.mobile, data.email, data.credit_code) == (
            lead.mobile, lead.email, lead.credit_code
        )  # fmt: skip
        # The import trims cells and (through openpyxl) leaves Excel's _x000D_ escape as is.
        assert excel_text(data.notes).strip() == lead.notes.strip()
        assert data.rating == lead.rating
        assert sorted((i.model_id, i.quantity) for i in data.interests) == sorted(
            (i.model_id, i.quantity) for i in live_interests(lead)
        )
