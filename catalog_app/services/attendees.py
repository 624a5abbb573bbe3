"""The organiser's attendee list: import it before the fair, look badge codes up offline.

``import_attendees`` reads a .csv or .xlsx list (``attendee_files.read_table``), recognises
its columns by their zh/en names (胸卡号/badge code, 姓名/name, 公司/company, 职务/title,
手机/mobile, 邮箱/email — the same names a badge's "key:value" text may use) or by an explicit
mapping (``{"参会证号": "badge_code"}``), checks every row first, and writes all rows in one
transaction — or, when any row has a problem, nothing at all, with row, column and reason.

Rows get stable ids from the fair and the badge code (``stable_id("attendee", fair, code)``), so
importing the list again, or on another booth laptop, updates the same rows and never adds
copies. ``find_attendee`` looks a scanned code up, with no network.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog_app.domain.ids import stable_id
from catalog_app.domain.models import Attendee, Fair
from catalog_app.domain.text import Bilingual
from catalog_app.services.attendee_files import read_table
from catalog_app.services.badges import field_for_key, fold_key
from catalog_app.services.import_problems import CatalogImportError, Problems
from catalog_app.store.database import Database

ATTENDEE_FIELDS = ("badge_code", "person_name", "company", "title", "mobile", "email")
IGNORE = "ignore"
LIMITS = {
    "badge_code": 100,
    "person_name": 100,
    "company": 200,
    "title": 100,
    "mobile": 40,
    "email": 254,
}
NO_FAIR_KEY = "no-fair"
CHUNK = 500

ProgressCallback = Callable[[int, int], bool]  # (done, total) -> keep going?

NO_CODE_COLUMN = Bilingual(
    zh="找不到胸卡号（参会编号）列。表头为：{headers}。请用 --map 列名=badge_code 指定。",
    en="No badge-code column found. The headers are: {headers}. Name it with "
    "--map COLUMN=badge_code.",
)
UNKNOWN_COLUMN = Bilingual(
    zh="文件中没有“{column}”这一列（表头为：{headers}）。",
    en="The file has no column “{column}” (the headers are: {headers}).",
)
UNKNOWN_FIELD = Bilingual(
    zh="“{field}”不是可对应的字段（可选：{allowed}）。",
    en="“{field}” is not a field a column can be mapped to (allowed: {allowed}).",
)
BAD_MAPPING = Bilingual(
    zh="对应关系“{text}”应写作 列名=字段。", en="The mapping “{text}” should read COLUMN=field."
)
TWO_COLUMNS = Bilingual(
    zh="“{first}”和“{second}”两列都对应“{field}”，请用 --map 指定其一。",
    en="Both “{first}” and “{second}” map to “{field}”; choose one with --map.",
)
CODE_MISSING = Bilingual(zh="胸卡号为空", en="the badge code is empty")
CODE_TWICE = Bilingual(
    zh="胸卡号“{code}”重复（也在第 {other} 行）",
    en="the badge code “{code}” appears twice (also in row {other})",
)
TOO_LONG = Bilingual(
    zh="内容过长（{length} 字，上限 {limit}）", en="too long ({length} characters; limit {limit})"
)


@dataclass(frozen=True)
class AttendeeInfo:
    id: uuid.UUID
    badge_code: str
    person_name: str
    company: str
    title: str
    mobile: str
    email: str


@dataclass
class AttendeeImportReport:
    file_name: str
    encoding: str
    columns: dict[str, str]  # file column -> field
    ignored_columns: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    forgotten: int = 0  # people who asked to be forgotten: left out

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.forgotten

    def summary(self, lang: str) -> str:
        if lang.startswith("zh"):
            text = (
                f"已导入参会名单 {self.file_name}：共 {self.total} 人，新增 {self.created}，"
                f"更新 {self.updated}，未变 {self.unchanged}。"
            )
            if self.forgotten:
                text += f"\n{self.forgotten} 人已要求删除其个人信息，未再导入。"
            if self.ignored_columns:
                text += f"\n未使用的列：{'、'.join(self.ignored_columns)}"
            return text
        text = (
            f"Imported the attendee list {self.file_name}: {self.total} people, "
            f"{self.created} new, {self.updated} updated, {self.unchanged} unchanged."
        )
        if self.forgotten:
            text += f"\n{self.forgotten} asked to be forgotten and were not imported again."
        if self.ignored_columns:
            text += f"\nColumns not used: {', '.join(self.ignored_columns)}"
        return text


class AttendeeImportError(CatalogImportError):
    """The attendee list has problems; nothing was imported (row, column and reason each)."""


def normalise_badge_code(code: str) -> str:
    """How codes are stored and compared: half-width, upper case, no surrounding space."""
    return unicodedata.normalize("NFKC", code or "").strip().upper()


def parse_mapping(items: Iterable[str], file_name: str = "") -> dict[str, str]:
    """``["参会证号=badge_code", "单位=company"]`` → a column → field mapping (checked)."""
    problems = Problems()
    mapping: dict[str, str] = {}
    for item in items:
        column, sep, wanted = item.partition("=")
        if not sep or not column.strip() or not wanted.strip():
            problems.add("", "", BAD_MAPPING, text=item)
            continue
        name = _field_name(wanted)
        if name is None:
            problems.add(
                "", column.strip(), UNKNOWN_FIELD, field=wanted.strip(), allowed=_allowed()
            )
            continue
        mapping[column.strip()] = name
    if problems:
        raise AttendeeImportError(file_name or "--map", problems.items)
    return mapping


def _allowed() -> str:
    return ", ".join((*ATTENDEE_FIELDS, IGNORE))


def _field_name(text: str) -> str | None:
    wanted = text.strip()
    if wanted in ATTENDEE_FIELDS or wanted == IGNORE:
        return wanted
    if fold_key(wanted) in ("ignore", "skip", "-", "忽略", "不导入"):
        return IGNORE
    found = field_for_key(wanted)
    return found if found in ATTENDEE_FIELDS else None


def _columns(
    headers: list[str], mapping: dict[str, str], file_name: str
) -> tuple[dict[int, str], list[str]]:
    """Column index → field, and the headers not used."""
    problems = Problems()
    chosen: dict[int, str] = {}
    folded = {fold_key(h): i for i, h in enumerate(headers) if h.strip()}
    explicit: set[int] = set()
    for column, name in mapping.items():
        index = headers.index(column) if column in headers else folded.get(fold_key(column))
        if index is None:
            problems.add("1", column, UNKNOWN_COLUMN, column=column, headers=", ".join(headers))
            continue
        explicit.add(index)
        if name != IGNORE:
            chosen[index] = name
    mapped_fields = set(chosen.values())
    for index, header in enumerate(headers):
        if index in explicit or not header.strip():
            continue
        name = field_for_key(header)
        if name not in ATTENDEE_FIELDS or name in mapped_fields:
            continue
        other = next((i for i, f in chosen.items() if f == name and i not in explicit), None)
        if other is not None:
            problems.add("1", header, TWO_COLUMNS, first=headers[other], second=header, field=name)
            continue
        chosen[index] = name
    if not problems and "badge_code" not in chosen.values():
        problems.add("1", "", NO_CODE_COLUMN, headers=", ".join(h for h in headers if h))
    if problems:
        raise AttendeeImportError(file_name, problems.items)
    ignored = [h for i, h in enumerate(headers) if h.strip() and i not in chosen]
    return chosen, ignored


def read_attendees(
    path: Path, mapping: dict[str, str] | None = None
) -> tuple[list[dict[str, str]], AttendeeImportReport]:
    """Every row of the list as field → value, checked; AttendeeImportError lists problems."""
    path = Path(path)
    table = read_table(path)
    columns, ignored = _columns(table.headers, mapping or {}, path.name)
    headers = {name: table.headers[i] for i, name in columns.items()}
    problems = Problems()
    rows: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    for number, cells in table.rows:
        values = {name: (cells[i] if i < len(cells) else "") for i, name in columns.items()}
        values = {name: " ".join(value.split()) for name, value in values.items()}
        code = normalise_badge_code(values.get("badge_code", ""))
        if not code:
            problems.add(number, headers["badge_code"], CODE_MISSING)
            continue
        values["badge_code"] = code
        if code in seen:
            problems.add(number, headers["badge_code"], CODE_TWICE, code=code, other=seen[code])
            continue
        seen[code] = number
        for name, value in values.items():
            if len(value) > LIMITS[name]:
                problems.add(number, headers[name], TOO_LONG, length=len(value), limit=LIMITS[name])
        rows.append(values)
    if problems:
        raise AttendeeImportError(path.name, problems.items)
    used = {column: name for name, column in headers.items()}
    return rows, AttendeeImportReport(path.name, table.encoding, used, ignored)


def _current_fair(session: Session) -> Fair | None:
    query = select(Fair).where(Fair.deleted_at.is_(None)).order_by(Fair.created_at.desc())
    return session.scalars(query).first()


def import_attendees(
    database: Database,
    path: Path,
    mapping: dict[str, str] | None = None,
    progress: ProgressCallback | None = None,
) -> AttendeeImportReport:
    """Import (or update) the attendee list of the current fair; all or nothing."""
    rows, report = read_attendees(path, mapping)
    return write_attendees(database, rows, report, progress)


def write_attendees(
    database: Database,
    rows: list[dict[str, str]],
    report: AttendeeImportReport,
    progress: ProgressCallback | None = None,
) -> AttendeeImportReport:
    """Write rows checked by ``read_attendees`` in one transaction; counts go into ``report``."""
    total = len(rows)
    source_file = report.file_name[:255]
    with database.transaction() as session:
        fair = _current_fair(session)
        fair_key = fair.code if fair is not None else NO_FAIR_KEY
        ids = [stable_id("attendee", fair_key, row["badge_code"]) for row in rows]
        existing: dict[uuid.UUID, Attendee] = {}
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            for attendee in session.scalars(select(Attendee).where(Attendee.id.in_(chunk))):
                existing[attendee.id] = attendee
        for done, (attendee_id, row) in enumerate(zip(ids, rows, strict=True), start=1):
            values = {name: row.get(name, "") for name in ATTENDEE_FIELDS}
            found = existing.get(attendee_id)
            if found is None:
                session.add(
                    Attendee(
                        id=attendee_id,
                        fair_id=fair.id if fair is not None else None,
                        source_file=source_file,
                        **values,
                    )
                )
                report.created += 1
            elif found.erased_at is not None:  # the person asked to be forgotten
                report.forgotten += 1
            elif _update(found, values) or found.deleted_at is not None:
                found.deleted_at = None
                found.source_file = source_file
                report.updated += 1
            else:
                report.unchanged += 1
            if progress is not None and done % CHUNK == 0 and not progress(done, total):
                from catalog_app.services.catalog_import import ImportCancelled

                raise ImportCancelled()
    return report


def _update(attendee: Attendee, values: dict[str, str]) -> bool:
    """Copy the list's values in; a column the file does not have leaves the value alone."""
    changed = False
    for name, value in values.items():
        if name == "badge_code" or not value:
            continue
        if getattr(attendee, name) != value:
            setattr(attendee, name, value)
            changed = True
    return changed


def find_attendee(database: Database, code: str) -> AttendeeInfo | None:
    """The attendee with this badge code (the current fair's first), or None. Offline.

    One indexed query on (fair, code) for the current fair; only a code it does not hold is
    looked for in the lists of other fairs (or of none).
    """
    wanted = normalise_badge_code(code)
    if not wanted:
        return None
    columns = select(
        Attendee.id,
        Attendee.badge_code,
        Attendee.person_name,
        Attendee.company,
        Attendee.title,
        Attendee.mobile,
        Attendee.email,
    ).where(Attendee.badge_code == wanted, Attendee.deleted_at.is_(None))
    current_fair = (
        select(Fair.id).where(Fair.deleted_at.is_(None)).order_by(Fair.created_at.desc()).limit(1)
    )
    with database.sessions() as session:
        row = session.execute(
            columns.where(Attendee.fair_id == current_fair.scalar_subquery())
        ).first()
        if row is None:
            row = session.execute(columns.order_by(Attendee.created_at).limit(1)).first()
    return AttendeeInfo(*row) if row is not None else None


def count_attendees(database: Database) -> int:
    query = select(func.count()).select_from(Attendee).where(Attendee.deleted_at.is_(None))
    with database.sessions() as session:
        return int(session.scalar(query) or 0)
