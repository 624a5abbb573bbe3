"""Import a catalog (JSON) or a workbook of models (Excel) into the database.

All or nothing: the file is read and checked completely first; any problem raises
``CatalogImportError`` listing them, and nothing is written. Then everything is written in one
transaction. Rows get stable ids derived from their codes, so re-importing the same file updates
rows (or leaves them alone when nothing changed) and never duplicates them — on this device or on
any other device that imports the same file.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog_app.domain.base import Mergeable
from catalog_app.domain.contacts import normalise_email, normalise_phone
from catalog_app.domain.enums import (
    EnergyPreference,
    ExhibitorKind,
    Financing,
    LeadSource,
    MediaKind,
    Rating,
    Timeframe,
)
from catalog_app.domain.ids import stable_id
from catalog_app.domain.models import (
    Exhibitor,
    Fair,
    Lead,
    LeadInterest,
    Media,
    ModelOption,
    SpecValue,
    TruckModel,
)
from catalog_app.domain.search_keys import search_key
from catalog_app.domain.spec_fields import FIELDS_BY_KEY, FieldKind
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.catalog_data import (
    CatalogData,
    ExhibitorData,
    FairData,
    LeadData,
    MediaData,
    ModelData,
)
from catalog_app.services.catalog_json import read_catalog_json
from catalog_app.services.catalog_values import fold
from catalog_app.services.catalog_xlsx import read_models_workbook
from catalog_app.services.media_store import check_media_file, sha256_of, store_file
from catalog_app.store.database import Database

UNSUPPORTED_FILE = Bilingual(
    zh="不支持的文件类型“{suffix}”：请使用目录 JSON 文件（.json）或 Excel 工作簿（.xlsx）。",
    en="Unsupported file type “{suffix}”: use a catalog JSON file (.json) or an Excel workbook "
    "(.xlsx).",
)
OLD_EXCEL = Bilingual(
    zh="“{name}”是旧版 Excel 格式（.xls）。请在 Excel 中另存为 .xlsx 后再导入。",
    en="“{name}” is in the old Excel format (.xls). Save it as .xlsx in Excel and import again.",
)
FILE_MISSING = Bilingual(zh="找不到文件 {path}。", en="The file {path} was not found.")
CANCELLED = Bilingual(
    zh="导入已取消，未写入任何数据。", en="Import cancelled; nothing was written."
)

ProgressCallback = Callable[[int, int], bool]  # (done, total) -> keep going?
M = TypeVar("M", bound=Mergeable)


class ImportCancelled(UserFacingError):
    def __init__(self) -> None:
        super().__init__(CANCELLED)


@dataclass
class ImportReport:
    file_name: str
    fair_code: str
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)

    def count(self, status: str, kind: str) -> int:
        counter: Counter[str] = getattr(self, status)
        return counter[kind]

    def summary(self, lang: str) -> str:
        zh = lang.startswith("zh")
        parts = []
        names = (
            ("exhibitor", "参展商", "exhibitors"),
            ("model", "车型", "models"),
            ("media", "图片/资料", "media files"),
            ("lead", "示例线索", "sample leads"),
        )
        for kind, zh_name, en_name in names:
            numbers = (self.created[kind], self.updated[kind], self.unchanged[kind])
            if kind == "lead" and not any(numbers):
                continue
            if zh:
                parts.append(f"{zh_name}：新增 {numbers[0]}，更新 {numbers[1]}，未变 {numbers[2]}")
            else:
                parts.append(
                    f"{en_name}: {numbers[0]} new, {numbers[1]} updated, {numbers[2]} unchanged"
                )
        head = f"已导入 {self.file_name}：" if zh else f"Imported {self.file_name}: "
        return head + ("；" if zh else "; ").join(parts)


def read_catalog_file(database: Database, path: Path) -> CatalogData:
    """Read and check a .json or .xlsx file; raise a UserFacingError if it cannot be used."""
    if not path.is_file():
        raise UserFacingError(FILE_MISSING, path=str(path))
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_catalog_json(path)
    if suffix in (".xlsx", ".xlsm"):
        return read_models_workbook(path, known_exhibitors(database))
    if suffix == ".xls":
        raise UserFacingError(OLD_EXCEL, name=path.name)
    raise UserFacingError(UNSUPPORTED_FILE, suffix=suffix or path.name)


def import_catalog(
    database: Database, path: Path, progress: ProgressCallback | None = None
) -> ImportReport:
    """Read, check and write a catalog file in one transaction (see the module docstring)."""
    data = read_catalog_file(database, Path(path))
    return write_catalog(database, data, Path(path).name, progress)


def known_exhibitors(database: Database) -> dict[str, str]:
    """Folded code and names of the current fair's exhibitors -> exhibitor code."""
    with database.sessions() as session:
        fair = _current_fair(session)
        if fair is None:
            return {}
        names: dict[str, str] = {}
        for exhibitor in session.scalars(
            select(Exhibitor).where(Exhibitor.fair_id == fair.id, Exhibitor.deleted_at.is_(None))
        ):
            for name in (exhibitor.code, exhibitor.name_zh, exhibitor.name_en):
                if name:
                    names[fold(name)] = exhibitor.code
        return names


def _current_fair(session: Session) -> Fair | None:
    query = select(Fair).where(Fair.deleted_at.is_(None)).order_by(Fair.created_at.desc())
    return session.scalars(query).first()


class _Writer:
    """Upserts rows by stable id within one session, counting what changed."""

    def __init__(self, session: Session, report: ImportReport, media_dir: Path | None) -> None:
        self.session = session
        self.report = report
        self.media_dir = media_dir

    def upsert(self, cls: type[M], row_id: uuid.UUID, tally: str | None, **values: Any) -> M:
        row = self.session.get(cls, row_id)
        if row is None:
            row = cls(id=row_id, **values)
            self.session.add(row)
            if tally:
                self.report.created[tally] += 1
            return row
        changed = row.deleted_at is not None
        row.deleted_at = None
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
                changed = True
        if tally:
            (self.report.updated if changed else self.report.unchanged)[tally] += 1
        return row

    def tombstone_missing(self, rows: list[Any], keep: set[uuid.UUID], tally: str | None) -> None:
        for row in rows:
            if row.id not in keep and row.deleted_at is None:
                row.mark_deleted()
                if tally:
                    self.report.removed[tally] += 1

    def media(self, row_id: uuid.UUID, item: MediaData, kind: MediaKind, **links: Any) -> Media:
        if self.media_dir is not None:
            sha256, mime_type, size = store_file(self.media_dir, item.source)
        else:
            mime_type, size = check_media_file(item.source)
            sha256 = sha256_of(item.source)
        return self.upsert(
            Media,
            row_id,
            "media",
            sha256=sha256,
            kind=kind,
            mime_type=mime_type,
            original_name=item.source.name,
            size_bytes=size,
            caption_zh=item.caption_zh,
            caption_en=item.caption_en,
            **links,
        )


def write_catalog(
    database: Database,
    data: CatalogData,
    file_name: str,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    media_dir = database.media_dir if database.is_sqlite else None
    with database.transaction() as session:
        report = ImportReport(file_name, "")
        writer = _Writer(session, report, media_dir)
        fair = _write_fair(writer, data.fair, file_name)
        report.fair_code = fair.code
        exhibitors = {e.code: e for e in fair.exhibitors if e.deleted_at is None}
        for item in data.exhibitors:
            exhibitors[item.code] = _write_exhibitor(writer, fair, item)
        total = len(data.models)
        for index, model in enumerate(data.models):
            _write_model(writer, fair, exhibitors[model.exhibitor_code], model)
            if progress is not None and not progress(index + 1, total):
                raise ImportCancelled()
        model_ids = {
            m.code: stable_id("model", fair.code, m.exhibitor_code, m.code) for m in data.models
        }
        for lead in data.leads:
            _write_sample_lead(writer, fair, exhibitors, model_ids, lead)
        return report


def _write_fair(writer: _Writer, item: FairData | None, file_name: str) -> Fair:
    if item is None:
        current = _current_fair(writer.session)
        if current is not None:
            return current
        stem = Path(file_name).stem
        item = FairData(
            code="IMPORTED", name_zh=f"导入的目录（{stem}）", name_en=f"Imported ({stem})"
        )
    return writer.upsert(
        Fair,
        stable_id("fair", item.code),
        None,
        code=item.code,
        name_zh=item.name_zh,
        name_en=item.name_en,
        venue_zh=item.venue_zh,
        venue_en=item.venue_en,
        starts_on=item.starts_on,
        ends_on=item.ends_on,
        is_sample=item.is_sample,
        notice_zh=item.notice_zh,
        notice_en=item.notice_en,
    )


def _write_exhibitor(writer: _Writer, fair: Fair, item: ExhibitorData) -> Exhibitor:
    exhibitor = writer.upsert(
        Exhibitor,
        stable_id("exhibitor", fair.code, item.code),
        "exhibitor",
        fair_id=fair.id,
        code=item.code,
        name_zh=item.name_zh,
        name_en=item.name_en,
        kind=ExhibitorKind(item.kind),
        booth=item.booth,
        credit_code=item.credit_code,
        address_zh=item.address_zh,
        address_en=item.address_en,
        contact_name=item.contact_name,
        contact_phone=item.contact_phone,
        email=item.email,
        website=item.website,
        description_zh=item.description_zh,
        description_en=item.description_en,
    )
    if item.logo is not None:
        logo_id = stable_id("logo", fair.code, item.code)
        writer.media(logo_id, item.logo, MediaKind.LOGO, model_id=None, sort_order=0)
        if exhibitor.logo_media_id != logo_id:
            exhibitor.logo_media_id = logo_id
    return exhibitor


def _column_values(model: ModelData, existing: TruckModel | None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in model.spec_keys_covered | set(model.specs):
        spec = FIELDS_BY_KEY[key]
        if spec.column is None:
            continue
        value = model.specs.get(key)
        if value is None and spec.kind is not FieldKind.NUMBER:
            value = ""
        values[spec.column] = value
    if existing is None:
        values.setdefault("drive_form", "")
        values.setdefault("recommended_catalog", "")
        values.setdefault("announcement_no", "")
    return values


def _write_model(writer: _Writer, fair: Fair, exhibitor: Exhibitor, item: ModelData) -> None:
    keys = (fair.code, exhibitor.code, item.code)
    model_id = stable_id("model", *keys)
    existing = writer.session.get(TruckModel, model_id)
    model = writer.upsert(
        TruckModel,
        model_id,
        "model",
        exhibitor_id=exhibitor.id,
        code=item.code,
        name_zh=item.name_zh,
        name_en=item.name_en,
        maker_zh=item.maker_zh or exhibitor.name_zh,
        maker_en=item.maker_en or exhibitor.name_en,
        composite_note_zh=item.composite_note_zh,
        composite_note_en=item.composite_note_en,
        description_zh=item.description_zh,
        description_en=item.description_en,
        sort_order=item.sort_order,
        **_column_values(item, existing),
    )
    text_specs = [
        str(value)
        for key, value in item.specs.items()
        if isinstance(value, str) and FIELDS_BY_KEY[key].kind is FieldKind.TEXT
    ]
    key = search_key(
        item.code,
        item.name_zh,
        item.name_en,
        model.maker_zh,
        model.maker_en,
        exhibitor.name_zh,
        exhibitor.name_en,
        *text_specs,
    )
    if model.search_key != key:
        model.search_key = key
    current_values = {v.field_key: v for v in model.spec_values}
    for key in sorted(item.spec_keys_covered):
        spec = FIELDS_BY_KEY[key]
        if spec.column is not None:
            continue
        value = item.specs.get(key)
        if value is None:
            if key in current_values:
                writer.tombstone_missing([current_values[key]], set(), None)
            continue
        is_number = spec.kind is FieldKind.NUMBER
        writer.upsert(
            SpecValue,
            stable_id("spec", *keys, key),
            None,
            model_id=model.id,
            field_key=key,
            number_value=float(value) if is_number else None,
            text_value=None if is_number else str(value),
        )
    if item.options is not None:
        keep = set()
        for order, option in enumerate(item.options):
            option_id = stable_id("option", *keys, option.code)
            keep.add(option_id)
            writer.upsert(
                ModelOption,
                option_id,
                None,
                model_id=model.id,
                code=option.code,
                name_zh=option.name_zh,
                name_en=option.name_en,
                price_cny=option.price_cny,
                sort_order=order,
            )
        writer.tombstone_missing(list(model.options), keep, None)
    if item.media is not None:
        keep = set()
        for order, media in enumerate(item.media):
            media_id = stable_id("media", *keys, media.relative_name or media.source.name)
            keep.add(media_id)
            writer.media(
                media_id, media, MediaKind(media.kind), model_id=model.id, sort_order=order
            )
        writer.tombstone_missing(list(model.media), keep, "media")


def _write_sample_lead(
    writer: _Writer,
    fair: Fair,
    exhibitors: dict[str, Exhibitor],
    model_ids: dict[str, uuid.UUID],
    item: LeadData,
) -> None:
    exhibitor = exhibitors.get(item.exhibitor_code)
    captured = item.captured_at
    if captured is not None and captured.tzinfo is None:
        captured = captured.replace(tzinfo=UTC)
    lead = writer.upsert(
        Lead,
        stable_id("lead", fair.code, item.code),
        "lead",
        fair_id=fair.id,
        exhibitor_id=exhibitor.id if exhibitor else None,
        person_name=item.person_name,
        company=item.company,
        credit_code=item.credit_code,
        title=item.title,
        mobile=item.mobile,
        mobile_e164=normalise_phone(item.mobile),
        landline=item.landline,
        email=item.email,
        email_normalized=normalise_email(item.email),
        wechat_id=item.wechat_id,
        industry=item.industry,
        fleet_size=item.fleet_size,
        source=LeadSource.SAMPLE,
        rating=Rating(item.rating) if item.rating else None,
        notes=item.notes,
        consent_text=item.consent_text,
        consent_version=item.consent_version,
        consent_at=captured,
        captured_at=captured,
    )
    for interest in item.interests:
        writer.upsert(
            LeadInterest,
            stable_id("lead_interest", fair.code, item.code, interest.model_code),
            None,
            lead_id=lead.id,
            model_id=model_ids[interest.model_code],
            quantity=interest.quantity,
            timeframe=Timeframe(interest.timeframe),
            financing=Financing(interest.financing),
            energy_preference=EnergyPreference(interest.energy_preference),
        )
