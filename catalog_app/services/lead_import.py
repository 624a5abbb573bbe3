"""Import leads collected elsewhere (paper forms typed later, another lead app's export) from a
.csv or .xlsx file: all or nothing, never twice, duplicates linked and never collapsed.

Reading: ``attendee_files.read_table`` (CSV as UTF-8 with or without BOM, UTF-16 or GB18030,
decided from the bytes; XLSX with openpyxl). Columns are recognised by their zh/en names
(``lead_import_columns``); ``mapping`` (the CLI's ``--map column=field``) overrides them.

All or nothing: every row is read and checked first (the same checks as the capture form,
``validate_lead``); any problem stops the import before anything is written, and the error lists
each one with its row, column and reason in both languages. The rows are then written in ONE
transaction through ``LeadService.save`` (source IMPORT), which also links people already present
(same phone, e-mail, or name and a similar company) as possible duplicates for a person to merge
— never merging them itself. Cancelling rolls the whole file back.

Never twice: each row gets a stable id, ``stable_id("imported_lead", identity)``, where the
identity is the row's person as normalised text — name and company folded (width, case,
Traditional/Simplified), mobile in E.164, landline digits, e-mail and WeChat lower-cased. It does
not depend on the file's name, encoding, column order or row position, so importing the same file
again (or the same rows re-saved as .xlsx, or on another laptop) adds nothing: rows whose id is
present are counted as "already imported". A person deleted at their request stays a tombstone
under that id, so a re-import cannot bring them back either. Changing a row's contact details
makes a new identity: it is imported as a new lead and linked to the old one as a duplicate.
The same person twice in one file is imported once (the report names the rows).

Consent: leads collected elsewhere were not shown our consent wording, so none is invented. If
the file has a consent column ("同意"/"consent": yes/no), a "yes" is stored as consent given, with
the file's own wording, version and time columns when present, else a wording saying the file
records consent obtained elsewhere, version "import" and the import time; its purpose is
``contact_about_vehicles`` (being contacted about the vehicles is what a lead is for). Without a
consent column, or with "no", the lead stores a wording saying it was collected elsewhere with no
recorded consent, version "import", no time and NO purposes — so exports filtered by a consent
purpose leave it out until the person agrees.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog_app.domain.base import utc_now
from catalog_app.domain.contacts import normalise_phone
from catalog_app.domain.enums import FollowUp, LeadSource
from catalog_app.domain.ids import stable_id
from catalog_app.domain.models import Lead, LeadDuplicateLink, TruckModel
from catalog_app.domain.search_keys import fold
from catalog_app.domain.text import Bilingual
from catalog_app.services.accounts import StaffMember, require_manager
from catalog_app.services.attendee_files import Table, read_table
from catalog_app.services.audit import AuditAction, record
from catalog_app.services.catalog_import import ImportCancelled
from catalog_app.services.import_problems import CatalogImportError, ImportProblem, Problems
from catalog_app.services.lead_import_columns import ColumnPlan, MappingError, plan_columns
from catalog_app.services.lead_import_rows import RowReader
from catalog_app.services.lead_input import LeadInput, validate_lead
from catalog_app.services.leads import LeadService
from catalog_app.store.database import Database

CHUNK = 500
ProgressCallback = Callable[[int, int], bool]  # (done, total) -> keep going?

NO_ROWS = Bilingual(zh="文件只有表头，没有数据行。", en="The file has a header row but no data.")


class LeadImportError(CatalogImportError):
    """The lead file has problems; nothing was imported (row, column and reason each)."""


@dataclass(frozen=True)
class ImportRow:
    number: int  # as a person sees it in a spreadsheet (the header is row 1)
    data: LeadInput
    lead_id: uuid.UUID
    captured_at: datetime | None
    follow_up: FollowUp | None


@dataclass
class LeadImportReport:
    file_name: str
    encoding: str
    columns: dict[str, str]  # file column -> field
    ignored_columns: list[str] = field(default_factory=list)
    rows: int = 0
    added: int = 0
    already_imported: int = 0
    deleted_earlier: int = 0
    repeated_in_file: list[tuple[int, int]] = field(default_factory=list)  # (row, first row)
    duplicates_linked: int = 0
    notes: list[ImportProblem] = field(default_factory=list)  # kept in the notes, not lost

    def summary(self, lang: str) -> str:
        zh = lang.startswith("zh")
        if zh:
            lines = [
                f"已导入线索文件 {self.file_name}：共 {self.rows} 行，新增 {self.added} 条，"
                f"此前已导入 {self.already_imported} 条，"
                f"已按本人要求删除 {self.deleted_earlier} 条。"
            ]
            if self.duplicates_linked:
                lines.append(f"与已有线索疑似重复 {self.duplicates_linked} 处，已标记待人工合并。")
            if self.repeated_in_file:
                pairs = "、".join(f"第 {r} 行同第 {f} 行" for r, f in self.repeated_in_file[:20])
                lines.append(f"文件内重复的人只导入一次：{pairs}")
        else:
            lines = [
                f"Imported the lead file {self.file_name}: {self.rows} rows, {self.added} new, "
                f"{self.already_imported} imported before, {self.deleted_earlier} deleted "
                "earlier at the person's request."
            ]
            if self.duplicates_linked:
                lines.append(
                    f"{self.duplicates_linked} possible duplicate(s) of leads already present "
                    "were marked for a person to merge."
                )
            if self.repeated_in_file:
                pairs = ", ".join(f"row {r} = row {f}" for r, f in self.repeated_in_file[:20])
                lines.append(f"People repeated in the file were imported once: {pairs}")
        lines += [f"  • {note.text(lang)}" for note in self.notes[:20]]
        if self.ignored_columns:
            label = "未使用的列：" if zh else "Columns not used: "
            lines.append(label + ("、" if zh else ", ").join(self.ignored_columns))
        return "\n".join(lines)


@dataclass(frozen=True)
class ImportPreview:
    """What the import dialog shows before importing: the columns and a few rows."""

    table: Table
    plan: ColumnPlan | None
    problems: list[ImportProblem]


def preview_file(path: Path, mapping: dict[str, str] | None = None) -> ImportPreview:
    """Read the file and recognise its columns (TableFileError if it cannot be read)."""
    table = read_table(Path(path))
    try:
        return ImportPreview(table, plan_columns(table.headers, mapping), [])
    except MappingError as exc:
        return ImportPreview(table, None, exc.problems)


def model_catalog(database: Database) -> dict[str, uuid.UUID]:
    """Folded model codes and names → model id, to recognise the models a file names."""
    from catalog_app.services.lead_import_values import fold_word

    found: dict[str, uuid.UUID] = {}
    query = select(TruckModel.id, TruckModel.code, TruckModel.name_zh, TruckModel.name_en).where(
        TruckModel.deleted_at.is_(None)
    )
    with database.sessions() as session:
        for model_id, *names in session.execute(query):
            for name in names:
                if name:
                    found.setdefault(fold_word(name), model_id)
    return found


def read_leads(
    path: Path, mapping: dict[str, str] | None, models: dict[str, uuid.UUID]
) -> tuple[list[ImportRow], LeadImportReport]:
    """Every row of the file as a checked lead; LeadImportError lists all the problems."""
    path = Path(path)
    table = read_table(path)
    try:
        plan = plan_columns(table.headers, mapping)
    except MappingError as exc:
        raise LeadImportError(path.name, exc.problems) from exc
    report = LeadImportReport(path.name, table.encoding, plan.used(), plan.ignored)
    problems = Problems()
    if not table.rows:
        problems.add("", "", NO_ROWS)
    reader = RowReader(plan, models, path.name, utc_now())
    rows: list[ImportRow] = []
    first_row_of: dict[str, int] = {}
    for number, cells in table.rows:
        data, captured_at, follow_up = reader.read(number, cells, problems, report.notes)
        for problem in validate_lead(data, LeadSource.IMPORT):
            problems.add(number, reader.column_of(problem.field), problem.message, **problem.params)
        who = identity(data)
        if who in first_row_of:
            report.repeated_in_file.append((number, first_row_of[who]))
            continue
        first_row_of[who] = number
        lead_id = stable_id("imported_lead", who)
        rows.append(ImportRow(number, data, lead_id, captured_at, follow_up))
    if problems:
        raise LeadImportError(path.name, problems.items)
    report.rows = len(table.rows)
    return rows, report


def identity(data: LeadInput) -> str:
    """The person of a row as normalised text (see the module docstring)."""
    digits = re.sub(r"\D", "", data.landline)
    parts = (
        fold(data.person_name),
        fold(data.company),
        normalise_phone(data.mobile) or re.sub(r"\D", "", data.mobile),
        digits,
        data.email.strip().lower(),
        data.wechat_id.strip().lower(),
    )
    return "\x1e".join(parts)


def write_leads(
    database: Database,
    rows: list[ImportRow],
    report: LeadImportReport,
    *,
    staff_id: uuid.UUID | None,
    via: str,
    progress: ProgressCallback | None = None,
) -> LeadImportReport:
    """Write rows checked by ``read_leads`` in one transaction (cancel: nothing is written)."""
    service = LeadService(database)
    total = len(rows)
    with database.transaction() as session:
        links_before = _count_links(session)
        existing = _existing(session, [row.lead_id for row in rows])
        for done, row in enumerate(rows, start=1):
            asking = progress is not None and (done == 1 or done % 50 == 0)
            if asking and not progress(done - 1, total):  # type: ignore[misc]
                raise ImportCancelled()
            deleted = existing.get(row.lead_id)
            if deleted is not None:
                if deleted:
                    report.deleted_earlier += 1
                else:
                    report.already_imported += 1
                continue
            service.save(
                row.data,
                source=LeadSource.IMPORT,
                create_with_id=row.lead_id,
                captured_at=row.captured_at,
                session=session,
            )
            if row.follow_up is not None:
                lead = session.get(Lead, row.lead_id)
                if lead is not None:
                    lead.follow_up = row.follow_up
            report.added += 1
        report.duplicates_linked = _count_links(session) - links_before
        record(
            session,
            AuditAction.IMPORT_LEADS,
            staff_id=staff_id,
            object_type="file",
            object_id=report.file_name[:64],
            via=via,
            rows=report.rows,
            added=report.added,
            already_imported=report.already_imported,
            deleted_earlier=report.deleted_earlier,
        )
    if progress is not None:
        progress(total, total)
    return report


def import_leads(
    database: Database,
    path: Path,
    mapping: dict[str, str] | None = None,
    *,
    actor: StaffMember | None,
    command_line: bool = False,
    progress: ProgressCallback | None = None,
) -> LeadImportReport:
    """Read, check and import a lead file (see the module docstring). In the app a manager
    must be signed in; the command line is the office's tool (its user can open the database
    file anyway) and is recorded as such in the audit log."""
    if not command_line:
        require_manager(actor)
    rows, report = read_leads(path, mapping, model_catalog(database))
    return write_leads(
        database,
        rows,
        report,
        staff_id=actor.id if actor else None,
        via="command line" if command_line else "app",
        progress=progress,
    )


def _existing(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, bool]:
    """Ids already present → whether the person was deleted (a scrubbed tombstone)."""
    found: dict[uuid.UUID, bool] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(Lead.id, Lead.deleted_at, Lead.merged_into_id).where(
            Lead.id.in_(ids[start : start + CHUNK])
        )
        for lead_id, deleted_at, merged_into in session.execute(query):
            found[lead_id] = deleted_at is not None and merged_into is None
    return found


def _count_links(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(LeadDuplicateLink)) or 0)
