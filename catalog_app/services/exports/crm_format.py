"""CRM import layouts: Salesforce Lead and HubSpot contacts (CSV files for their import tools).

Each layout is declared once — header, value, and what it maps to — and docs/exports.md shows
the same table (a test keeps them equal). Standard fields use the CRM's own names and picklist
values (Salesforce API names; HubSpot property labels), so the import tools map them without
help; what has no standard field goes to custom fields (``…__c`` in Salesforce, new properties
in HubSpot) that the manager creates once — or leaves unmapped. The consent (wording, version,
time, purposes) travels in every row.

Text cells are neutralised against formulas like any CSV, except phone numbers already in
E.164 form (``+8613900000101``): they cannot carry a formula, and a marker would end up in the
CRM as part of the number.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from catalog_app.domain.enums import FollowUp, Industry, Rating
from catalog_app.domain.text import Bilingual
from catalog_app.services.exports import vocabulary as vocab
from catalog_app.services.exports.cells import neutralise
from catalog_app.services.exports.csv_format import open_text
from catalog_app.services.exports.names import split_name
from catalog_app.services.exports.source import ExportLead, LeadStream, RawBatch
from catalog_app.services.exports.writers import ExportFormat, FileOptions

E164 = re.compile(r"\+[1-9]\d{5,14}")
NO_NAME = Bilingual(zh="（未留姓名）", en="(no name given)")
NO_COMPANY = Bilingual(zh="（未留单位）", en="(no company given)")

SALESFORCE_INDUSTRY = {
    Industry.LOGISTICS: "Transportation",
    Industry.COAL_MINING: "Energy",
    Industry.ENERGY_POWER: "Utilities",
    Industry.CONSTRUCTION: "Construction",
    Industry.MUNICIPAL: "Government",
    Industry.SUPPLY_CHAIN: "Shipping",
    Industry.FINANCE_LEASING: "Finance",
    Industry.SWAP_CHARGING: "Energy",
    Industry.OTHER: "Other",
}
SALESFORCE_STATUS = {
    FollowUp.NEW: "Open - Not Contacted",
    FollowUp.CONTACTED: "Working - Contacted",
    FollowUp.QUALIFIED: "Working - Contacted",
    FollowUp.WON: "Closed - Converted",
    FollowUp.LOST: "Closed - Not Converted",
}
SALESFORCE_RATING = {Rating.HOT: "Hot", Rating.WARM: "Warm", Rating.COLD: "Cold"}
HUBSPOT_LEAD_STATUS = {
    FollowUp.NEW: "NEW",
    FollowUp.CONTACTED: "CONNECTED",
    FollowUp.QUALIFIED: "IN_PROGRESS",
    FollowUp.WON: "OPEN_DEAL",
    FollowUp.LOST: "UNQUALIFIED",
}
HUBSPOT_LIFECYCLE = {
    FollowUp.QUALIFIED: "salesqualifiedlead",
    FollowUp.WON: "customer",
}
HUBSPOT_CONSENT_BASIS = "Freely given consent from contact"


@dataclass(frozen=True)
class CrmContext:
    lang: str

    def first_name(self, lead: ExportLead) -> str:
        name = split_name(lead.person_name)
        return " ".join(part for part in (name.extra, name.given) if part)

    def last_name(self, lead: ExportLead) -> str:
        return split_name(lead.person_name).family or NO_NAME.render(self.lang)

    def description(self, lead: ExportLead) -> str:
        """What has no field of its own, as readable lines in the export's language."""
        zh = self.lang.startswith("zh")
        lines = [
            ("姓名（原文）" if zh else "Name as typed", lead.person_name),
            (
                "车队规模" if zh else "Fleet size",
                "" if lead.fleet_size is None else str(lead.fleet_size),
            ),
            ("意向车型" if zh else "Models of interest", self.interests(lead)),
            ("备注" if zh else "Notes", lead.notes),
            ("登记员工" if zh else "Staff", lead.staff),
            ("来源" if zh else "Source", vocab.label(vocab.SOURCES, lead.source, self.lang)),
        ]
        return "\n".join(f"{label}: {value}" for label, value in lines if value)

    def interests(self, lead: ExportLead) -> str:
        separator = "；" if self.lang.startswith("zh") else "; "
        return separator.join(f"{i.model_name(self.lang)} ×{i.quantity}" for i in lead.interests)


Getter = Callable[[ExportLead, CrmContext], str]


@dataclass(frozen=True)
class CrmColumn:
    header: str
    value: Getter
    maps_to: str  # for the documentation: the CRM field, and whether it must be created


def _text(value: str | None) -> str:
    return value or ""


def _moment_iso(value: object) -> str:
    return getattr(value, "utc_iso", "") if value is not None else ""


def _mobile(lead: ExportLead) -> str:
    return lead.mobile_e164 or lead.mobile


SALESFORCE: tuple[CrmColumn, ...] = (
    CrmColumn("FirstName", lambda ld, cx: cx.first_name(ld), "First Name"),
    CrmColumn("LastName", lambda ld, cx: cx.last_name(ld), "Last Name (required)"),
    CrmColumn(
        "Company",
        lambda ld, cx: ld.company or NO_COMPANY.render(cx.lang),
        "Company (required)",
    ),
    CrmColumn("Title", lambda ld, cx: ld.title, "Title"),
    CrmColumn("Email", lambda ld, cx: ld.email, "Email"),
    CrmColumn("Phone", lambda ld, cx: ld.landline, "Phone"),
    CrmColumn("MobilePhone", lambda ld, cx: _mobile(ld), "Mobile"),
    CrmColumn("Industry", lambda ld, cx: SALESFORCE_INDUSTRY.get(ld.industry, ""), "Industry"),
    CrmColumn("Rating", lambda ld, cx: SALESFORCE_RATING.get(ld.rating, ""), "Rating"),
    CrmColumn("LeadSource", lambda ld, cx: "Trade Show", "Lead Source"),
    CrmColumn("Status", lambda ld, cx: SALESFORCE_STATUS.get(ld.follow_up, ""), "Lead Status"),
    CrmColumn("Description", lambda ld, cx: cx.description(ld), "Description"),
    CrmColumn("External_Lead_Id__c", lambda ld, cx: ld.id, "custom, Text(36), External ID"),
    CrmColumn("Credit_Code__c", lambda ld, cx: ld.credit_code, "custom, Text(18)"),
    CrmColumn("WeChat_Id__c", lambda ld, cx: ld.wechat_id, "custom, Text(64)"),
    CrmColumn(
        "Fleet_Size__c",
        lambda ld, cx: "" if ld.fleet_size is None else str(ld.fleet_size),
        "custom, Number(7, 0)",
    ),
    CrmColumn("Models_Of_Interest__c", lambda ld, cx: cx.interests(ld), "custom, Long Text"),
    CrmColumn(
        "Units_Of_Interest__c",
        lambda ld, cx: str(ld.units) if ld.interests else "",
        "custom, Number(7, 0)",
    ),
    CrmColumn("Captured_At__c", lambda ld, cx: _moment_iso(ld.captured), "custom, Date/Time"),
    CrmColumn(
        "Consent_Given_At__c", lambda ld, cx: _moment_iso(ld.consent_at), "custom, Date/Time"
    ),
    CrmColumn("Consent_Version__c", lambda ld, cx: ld.consent_version, "custom, Text(32)"),
    CrmColumn(
        "Consent_Purposes__c",
        lambda ld, cx: ";".join(ld.consent_purposes),
        "custom, Text(255) (purpose keys, ; between)",
    ),
    CrmColumn("Consent_Text__c", lambda ld, cx: ld.consent_text, "custom, Long Text"),
)

HUBSPOT: tuple[CrmColumn, ...] = (
    CrmColumn("First Name", lambda ld, cx: cx.first_name(ld), "firstname"),
    CrmColumn("Last Name", lambda ld, cx: split_name(ld.person_name).family, "lastname"),
    CrmColumn("Email", lambda ld, cx: ld.email, "email (HubSpot's de-duplication key)"),
    CrmColumn("Phone Number", lambda ld, cx: ld.landline, "phone"),
    CrmColumn("Mobile Phone Number", lambda ld, cx: _mobile(ld), "mobilephone"),
    CrmColumn("Company Name", lambda ld, cx: ld.company, "company"),
    CrmColumn("Job Title", lambda ld, cx: ld.title, "jobtitle"),
    CrmColumn(
        "Industry", lambda ld, cx: vocab.label(vocab.INDUSTRIES, ld.industry, "en"), "industry"
    ),
    CrmColumn(
        "Lead Status", lambda ld, cx: HUBSPOT_LEAD_STATUS.get(ld.follow_up, ""), "hs_lead_status"
    ),
    CrmColumn(
        "Lifecycle Stage",
        lambda ld, cx: HUBSPOT_LIFECYCLE.get(ld.follow_up, "lead"),
        "lifecyclestage",
    ),
    CrmColumn(
        "Legal basis for processing contact's data",
        lambda ld, cx: HUBSPOT_CONSENT_BASIS if ld.consent_at else "",
        "hs_legal_basis (with HubSpot's data-privacy settings on)",
    ),
    CrmColumn("Message", lambda ld, cx: cx.description(ld), "message"),
    CrmColumn("Lead Rating", lambda ld, cx: SALESFORCE_RATING.get(ld.rating, ""), "custom"),
    CrmColumn("External Lead ID", lambda ld, cx: ld.id, "custom"),
    CrmColumn("Unified Social Credit Code", lambda ld, cx: ld.credit_code, "custom"),
    CrmColumn("WeChat ID", lambda ld, cx: ld.wechat_id, "custom"),
    CrmColumn(
        "Fleet Size",
        lambda ld, cx: "" if ld.fleet_size is None else str(ld.fleet_size),
        "custom, number",
    ),
    CrmColumn("Models of Interest", lambda ld, cx: cx.interests(ld), "custom, multi-line text"),
    CrmColumn(
        "Units of Interest",
        lambda ld, cx: str(ld.units) if ld.interests else "",
        "custom, number",
    ),
    CrmColumn("Captured At", lambda ld, cx: _moment_iso(ld.captured), "custom, date-time"),
    CrmColumn("Consent Given At", lambda ld, cx: _moment_iso(ld.consent_at), "custom, date-time"),
    CrmColumn("Consent Version", lambda ld, cx: ld.consent_version, "custom"),
    CrmColumn("Consent Purposes", lambda ld, cx: ";".join(ld.consent_purposes), "custom"),
    CrmColumn("Consent Text", lambda ld, cx: ld.consent_text, "custom, multi-line text"),
)

LAYOUTS: dict[str, tuple[CrmColumn, ...]] = {"salesforce": SALESFORCE, "hubspot": HUBSPOT}


def crm_cell(text: str) -> str:
    """A CRM cell: neutralised like any CSV cell, but an E.164 number stays as it is."""
    if text and text[0] == "+" and E164.fullmatch(text):
        return text
    return neutralise(text)


class CrmLeadWriter:
    def __init__(self, path: Path, stream: LeadStream, options: FileOptions, layout: str) -> None:
        self._stream = stream
        self._columns = LAYOUTS[layout]
        self._context = CrmContext(options.lang)
        self._file = open_text(path, options.encoding_for(ExportFormat(layout)))
        self._writer = csv.writer(self._file)
        self._writer.writerow([column.header for column in self._columns])

    def write(self, batch: RawBatch) -> None:
        stream, context, columns = self._stream, self._context, self._columns
        rows = []
        for row in batch.rows:
            lead = stream.lead(row, batch.interests.get(row[0], ()))
            rows.append([crm_cell(_text(column.value(lead, context))) for column in columns])
        self._writer.writerows(rows)

    def finish(self) -> None:
        self._file.close()

    def close(self) -> None:
        if not self._file.closed:
            self._file.close()
