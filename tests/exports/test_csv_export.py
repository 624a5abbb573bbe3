"""A manager exports leads to CSV for Excel on a Chinese Windows PC: UTF-8 with a BOM by default
(without, or GB18030, on request), and the file reads back as the database holds the leads —
with formula-like text marked by a leading apostrophe and the originals kept in the database."""

from __future__ import annotations

import csv
from pathlib import Path

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
    CsvEncoding,
    ExportFormat,
    ExportRequest,
    FileOptions,
    export_leads,
)
from catalog_app.services.exports.cells import FORMULA_TRIGGERS, original_text


def export_csv(
    world: ExportWorld, path: Path, encoding: CsvEncoding | None = None, lang: str = "zh_CN"
) -> Path:
    request = ExportRequest(
        ExportFormat.CSV,
        path,
        options=FileOptions(lang=lang, encoding=encoding),
        utc_offset=CHINA,
        batch_size=4,
    )
    export_leads(world.database, request, actor=world.manager)
    return path


def read_rows(path: Path, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_reads_back_as_the_database_holds_the_leads(world, out):
    rows = read_rows(export_csv(world, out / "leads.csv"))
    truth = db_leads(world.database)
    by_id = {row["线索编号"]: row for row in rows}
    assert set(by_id) == {str(i) for i in truth}
    for lead_id, lead in truth.items():
        row = {key: original_text(value) for key, value in by_id[str(lead_id)].items()}
        assert row["姓名"] == lead.person_name
        assert row["单位"] == lead.company
        assert row["统一社会信用代码"] == lead.credit_code
        assert row["手机"] == lead.mobile
        assert row["手机（国际格式）"] == lead.mobile_e164
        assert row["座机"] == lead.landline
        assert row["备注"] == lead.notes
        assert row["同意书原文"] == lead.consent_text
        assert row["同意书版本"] == lead.consent_version
        assert row["采集时间 (UTC+08:00)"] == (lead.captured_at + CHINA).strftime(
            "%Y-%m-%d %H:%M:%S"
        )
        assert row["同意时间 (UTC+08:00)"] == (
            (lead.consent_at + CHINA).strftime("%Y-%m-%d %H:%M:%S") if lead.consent_at else ""
        )
        assert row["车队规模（辆）"] == ("" if lead.fleet_size is None else str(lead.fleet_size))
        units = sum(i.quantity for i in live_interests(lead))
        assert row["意向台数"] == (str(units) if units else "")


def test_phone_numbers_and_credit_codes_keep_their_leading_zeros_and_plus(world, out):
    rows = read_rows(export_csv(world, out / "leads.csv"))
    liu = next(r for r in rows if r["姓名"] == "刘建华")
    assert liu["统一社会信用代码"] == ALL_DIGIT_CREDIT_CODE
    assert liu["座机"] == "0851-8555 1234"
    assert original_text(liu["手机（国际格式）"]) == "+8613800000001"
    assert liu["评级"] == "热"
    assert liu["行业"] == "物流快递"
    assert "黔岭 K7 换电牵引车 6×4 282 kWh ×12" in liu["意向车型"]


def test_excel_sees_the_byte_order_mark_by_default(world, out):
    raw = export_csv(world, out / "leads.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "线索编号".encode() in raw[:64]
    assert b"\r\n" in raw  # RFC 4180 line ends


def test_plain_utf8_and_gb18030_on_request(world, out):
    plain = export_csv(world, out / "plain.csv", CsvEncoding.UTF8).read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert plain.decode("utf-8").startswith("线索编号")
    gb = export_csv(world, out / "gb.csv", CsvEncoding.GB18030)
    with pytest.raises(UnicodeDecodeError):
        gb.read_bytes().decode("utf-8")
    rows = read_rows(gb, "gb18030")
    assert {r["姓名"] for r in rows} >= {"刘建华", "欧阳娜娜", "Lucas Martin"}


def test_formula_like_cells_get_a_leading_apostrophe_and_the_database_keeps_the_original(
    world, out
):
    merged = add_merged_lead_with_control_start(world.database)
    with export_csv(world, out / "leads.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows:
        for cell in row:
            assert not (cell and cell[0] in FORMULA_TRIGGERS), f"unsafe cell {cell!r}"
    cells = {cell for row in rows for cell in row}
    for original in (*INJECTIONS.values(), NOTES_WITH_TAB, NOTES_WITH_CR, "\t=cmd", "\r@SUM(1)"):
        assert "'" + original in cells, original
    truth = db_leads(world.database)
    formula = truth[world.leads["formula"]]
    for field, original in INJECTIONS.items():
        assert getattr(formula, field) == original
    assert truth[world.leads["tab"]].notes == NOTES_WITH_TAB
    assert truth[world.leads["cr"]].notes == NOTES_WITH_CR
    assert truth[merged].company == "\r@SUM(1)"


def test_commas_quotes_and_new_lines_survive_the_round_trip(world, out):
    rows = read_rows(export_csv(world, out / "leads.csv", lang="en"))
    martin = next(r for r in rows if r["Name"] == "Lucas Martin")
    assert martin["Company"] == 'Freight, Forwarding; "Quotes" Ltd'
    assert martin["Notes"] == "Line one\nLine two, with comma; and semicolon\\backslash"
    assert martin["Rating"] == "Cold"
