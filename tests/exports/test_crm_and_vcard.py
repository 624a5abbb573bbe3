"""Leads go to a CRM (Salesforce Lead, HubSpot contacts) with the columns docs/exports.md
documents and the CRMs' own picklist values, and to address books as vCard 3.0 cards that a
strict little parser reads back."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from exports_data import CHINA, ExportWorld, db_leads

from catalog_app.services.exports import ExportFormat, ExportRequest, FileOptions, export_leads
from catalog_app.services.exports.crm_format import HUBSPOT, SALESFORCE
from catalog_app.services.exports.vcard_format import LINE_OCTETS

ROOT = Path(__file__).resolve().parents[2]


def export(world: ExportWorld, fmt: ExportFormat, path: Path, lang: str = "zh_CN") -> Path:
    request = ExportRequest(fmt, path, options=FileOptions(lang=lang), utc_offset=CHINA)
    export_leads(world.database, request, actor=world.manager)
    return path


def documented_columns(title: str) -> list[str]:
    """The first column of the markdown table under the heading ``title`` in docs/exports.md."""
    text = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    section = text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
    columns = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rule = set(cells[0]) <= set("-:")
        if line.startswith("|") and cells[0] not in ("Column", "") and not rule:
            columns.append(cells[0].strip("`"))
    return columns


@pytest.mark.parametrize(
    ("fmt", "layout", "title"),
    [
        (ExportFormat.SALESFORCE, SALESFORCE, "Salesforce Lead import"),
        (ExportFormat.HUBSPOT, HUBSPOT, "HubSpot contacts import"),
    ],
)
def test_crm_headers_are_the_documented_ones(world, out, fmt, layout, title):
    path = export(world, fmt, out / f"{fmt.value}.csv")
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # importers read plain UTF-8
    header = next(csv.reader(raw.decode("utf-8").splitlines()))
    assert header == [c.header for c in layout] == documented_columns(title)


def test_salesforce_rows_use_salesforce_values_and_carry_the_consent(world, out):
    path = export(world, ExportFormat.SALESFORCE, out / "sf.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = {r["External_Lead_Id__c"]: r for r in csv.DictReader(handle)}
    liu = rows[str(world.leads["liu"])]
    assert (liu["LastName"], liu["FirstName"]) == ("刘", "建华")
    assert liu["Rating"] == "Hot"
    assert liu["LeadSource"] == "Trade Show"
    assert liu["Status"] == "Open - Not Contacted"
    assert liu["Industry"] == "Transportation"
    assert liu["MobilePhone"] == "+8613800000001"  # E.164 is never marked
    assert liu["Phone"] == "0851-8555 1234"
    assert liu["Units_Of_Interest__c"] == "15"
    assert liu["Consent_Version__c"] and liu["Consent_Text__c"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", liu["Consent_Given_At__c"])
    assert liu["Consent_Purposes__c"] == "contact_about_vehicles"
    ouyang = rows[str(world.leads["ouyang"])]
    assert (ouyang["LastName"], ouyang["FirstName"]) == ("欧阳", "娜娜")
    formula = rows[str(world.leads["formula"])]
    assert formula["Company"] == "'+SUM(A1:A9)"
    # Salesforce requires LastName and Company: a lead without them still imports.
    nameless = rows[str(world.leads["formula"])]
    assert nameless["LastName"]


def test_hubspot_rows_use_hubspot_values(world, out):
    path = export(world, ExportFormat.HUBSPOT, out / "hs.csv", lang="en")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = {r["External Lead ID"]: r for r in csv.DictReader(handle)}
    martin = rows[str(world.leads["martin"])]
    assert (martin["First Name"], martin["Last Name"]) == ("Lucas", "Martin")
    assert martin["Email"] == "lucas@example.com"
    assert martin["Lead Status"] == "NEW"
    assert martin["Lifecycle Stage"] == "lead"
    basis = martin["Legal basis for processing contact's data"]
    assert basis == "Freely given consent from contact"
    assert martin["Lead Rating"] == "Cold"
    assert "Line two" in martin["Message"]


# --- vCard -------------------------------------------------------------------------------------


def unfold(text: str) -> list[str]:
    assert "\n" not in text.replace("\r\n", ""), "bare LF in a vCard"
    lines: list[str] = []
    for line in text.split("\r\n"):
        if line.startswith(" "):
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    return lines


def unescape(value: str) -> str:
    return re.sub(r"\\([\\,;nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse_cards(text: str) -> list[dict[str, list[str]]]:
    """A strict vCard 3.0 reader: BEGIN/VERSION/END, NAME[;params]:value, escapes undone."""
    cards: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] | None = None
    for line in unfold(text):
        name, _, value = line.partition(":")
        key = name.split(";", 1)[0].upper()
        if key == "BEGIN":
            assert value == "VCARD" and current is None
            current = {}
        elif key == "END":
            assert value == "VCARD" and current is not None
            assert current["VERSION"] == ["3.0"]
            cards.append(current)
            current = None
        else:
            assert current is not None, f"property outside a card: {line!r}"
            assert re.fullmatch(r"[A-Z0-9-]+(;[A-Z]+=[A-Z,]+)*", name), name
            current.setdefault(key, []).append(value)
    assert current is None
    return cards


def test_vcards_parse_one_per_lead_with_contacts_and_consent(world, out):
    path = export(world, ExportFormat.VCARD, out / "leads.vcf")
    raw = path.read_bytes()
    for physical in raw.split(b"\r\n"):
        assert len(physical) <= LINE_OCTETS
    cards = parse_cards(raw.decode("utf-8"))
    truth = db_leads(world.database)
    assert len(cards) == len(truth)
    by_id = {unescape(c["X-CATALOG-LEAD-ID"][0]): c for c in cards}
    liu = by_id[str(world.leads["liu"])]
    assert liu["N"] == ["刘;建华;;;"]
    assert unescape(liu["FN"][0]) == "刘建华"
    assert liu["TEL"] == ["+8613800000001", "0851-8555 1234"]
    assert liu["EMAIL"] == ["liu.jianhua@example.cn"]
    assert unescape(liu["ORG"][0]) == "遵义顺达物流有限公司"
    lead = truth[world.leads["liu"]]
    assert unescape(liu["X-CATALOG-CONSENT-TEXT"][0]) == lead.consent_text
    assert liu["X-CATALOG-CONSENT-VERSION"] == [lead.consent_version]
    martin = by_id[str(world.leads["martin"])]
    assert unescape(martin["ORG"][0]) == 'Freight, Forwarding; "Quotes" Ltd'
    assert "Line one\nLine two, with comma; and semicolon\\backslash" in unescape(martin["NOTE"][0])
