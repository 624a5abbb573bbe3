"""Fuzzed formula injection (OWASP "CSV Injection"): whatever a lead's name, company, title and
notes begin with — ``=``, ``+``, ``-``, ``@``, a tab, a carriage return, a line feed,
apostrophes before any of them, or anything else — no exported cell can run as a formula, and
the text comes back as typed.

- CSV and the CRM layouts (Salesforce, HubSpot): no cell starts with a trigger (in the CRM
  layouts a phone number in E.164 form, ``+8613900000100``, stays as it is, as docs/exports.md
  says: it cannot hold a formula); a cell with the apostrophe marker reads back
  (``original_text``) as the stored text.
- XLSX: no formula cell anywhere; a text that could run is a string cell with Excel's
  quote-prefix flag; the cell's value is the stored text itself.
"""

from __future__ import annotations

import csv
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from reliability_fuzz import FUZZ, scaled

from catalog_app.domain.enums import LeadSource, StaffRole
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.services.consent import current_consent
from catalog_app.services.exports import ExportFormat, ExportRequest, FileOptions, export_leads
from catalog_app.services.exports.cells import FORMULA_TRIGGERS, needs_marker, original_text
from catalog_app.services.exports.crm_format import E164
from catalog_app.services.lead_input import LeadInput, validate_lead
from catalog_app.services.lead_query import LeadFilter
from catalog_app.services.leads import LeadService
from catalog_app.store.database import Database, open_sqlite

FIELDS = ("person_name", "company", "title", "notes")
starts = st.lists(
    st.sampled_from([*sorted(FORMULA_TRIGGERS), "'", " ", "\u3000", "＝"]), max_size=3
)
dangerous_text = st.builds(
    lambda head, body: "".join(head) + body,
    starts,
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20).filter(
        lambda text: "_x" not in text and "\x00" not in text
    ),
)


@pytest.fixture(scope="module")
def booth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, StaffMember]]:
    database = open_sqlite(
        tmp_path_factory.mktemp("fuzz-formula") / "booth.sqlite", backup_on_open=False
    )
    manager = AccountService(database).create_staff("王经理", StaffRole.MANAGER, "2468", actor=None)
    yield database, manager
    database.close()


def excel_text(value: object) -> object:
    """A cell's text as Excel shows it (OOXML writes control characters as ``_x000D_``)."""
    if isinstance(value, str):
        return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)
    return value


def export(
    database: Database, manager: StaffMember, lead_id: uuid.UUID, fmt: ExportFormat, folder: Path
) -> Path:
    target = folder / f"lead-{fmt.value}{fmt.suffix}"
    export_leads(
        database,
        ExportRequest(
            fmt,
            target,
            filter=LeadFilter(ids=frozenset({lead_id})),
            options=FileOptions(lang="en"),
            mark_exported=False,
        ),
        actor=manager,
    )
    return target


def check_csv(path: Path, typed: dict[str, str], *, crm: bool) -> None:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = [cell for row in rows for cell in row]
    for cell in cells:
        if crm and E164.fullmatch(cell):
            continue
        assert not (cell and cell[0] in FORMULA_TRIGGERS), f"unsafe cell {cell!r} in {path.name}"
    if crm:  # names are split and notes combined for the CRM's own fields
        return
    read_back = {original_text(cell) for cell in cells}
    for field in ("person_name", "company", "notes"):
        if typed[field].strip():
            assert typed[field] in read_back or typed[field].strip() in read_back, field


def check_xlsx(path: Path, typed: dict[str, str]) -> None:
    book = load_workbook(path)
    values = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                text = excel_text(cell.value)
                if isinstance(text, str):
                    values.add(text)
                    if needs_marker(text):
                        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    for field in ("person_name", "company", "notes"):
        if typed[field].strip():
            assert typed[field] in values or typed[field].strip() in values, field


@settings(FUZZ, max_examples=scaled(0.25))  # four exports per example
@given(values=st.fixed_dictionaries({field: dangerous_text for field in FIELDS}))
def test_no_exported_cell_can_run_as_a_formula_and_the_text_comes_back(
    booth: tuple[Database, StaffMember],
    tmp_path_factory: pytest.TempPathFactory,
    values: dict[str, str],
) -> None:
    database, manager = booth
    wording = current_consent("en")
    lead = LeadInput(
        mobile="139 0000 0100",
        consent_given=True,
        consent_text=wording.text,
        consent_version=wording.version,
        **values,
    )
    assume(not validate_lead(lead, LeadSource.BOOTH))
    lead_id = LeadService(database).save(lead, source=LeadSource.BOOTH, staff_id=manager.id)
    with database.sessions() as session:
        from catalog_app.domain.models import Lead

        stored = session.get(Lead, lead_id)
        assert stored is not None
        typed = {field: getattr(stored, field) for field in FIELDS}
    folder = tmp_path_factory.mktemp("export")
    for fmt in (ExportFormat.CSV, ExportFormat.SALESFORCE, ExportFormat.HUBSPOT):
        check_csv(export(database, manager, lead_id, fmt, folder), typed, crm=fmt != "csv")
    check_xlsx(export(database, manager, lead_id, ExportFormat.XLSX, folder), typed)
