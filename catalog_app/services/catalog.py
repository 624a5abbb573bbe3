"""Read the catalog for the screens and the CLI: the fair, the models, a model's spec sheet."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from catalog_app.domain.enums import MediaKind
from catalog_app.domain.models import Exhibitor, Fair, Media, SpecValue, TruckModel
from catalog_app.domain.spec_fields import GROUPS, SPEC_FIELDS, Better, SpecField
from catalog_app.domain.spec_format import format_price, format_value
from catalog_app.services.media_store import stored_path
from catalog_app.store.database import Database


@dataclass(frozen=True)
class FairInfo:
    id: uuid.UUID
    code: str
    name_zh: str
    name_en: str
    venue_zh: str
    venue_en: str
    is_sample: bool
    notice_zh: str
    notice_en: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") or not self.name_en else self.name_en

    def notice(self, lang: str) -> str:
        return self.notice_zh if lang.startswith("zh") or not self.notice_en else self.notice_en


@dataclass(frozen=True)
class ModelSummary:
    id: uuid.UUID
    code: str
    name_zh: str
    name_en: str
    exhibitor_zh: str
    exhibitor_en: str
    body_type: str
    powertrain: str
    drive_form: str
    battery_kwh: float | None
    range_km: float | None
    payload_kg: float | None
    gcw_t: float | None
    price_cny: float | None
    photo_path: Path | None

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") or not self.name_en else self.name_en

    def exhibitor(self, lang: str) -> str:
        return (
            self.exhibitor_zh
            if lang.startswith("zh") or not self.exhibitor_en
            else (self.exhibitor_en)
        )


@dataclass(frozen=True)
class SpecEntry:
    field: SpecField
    raw: float | str | None
    display_zh: str
    display_en: str

    def label(self, lang: str) -> str:
        return self.field.label(lang)

    def display(self, lang: str) -> str:
        return self.display_zh if lang.startswith("zh") else self.display_en

    @property
    def better(self) -> Better:
        return self.field.better


@dataclass(frozen=True)
class SpecGroupEntries:
    key: str
    label_zh: str
    label_en: str
    entries: tuple[SpecEntry, ...]

    def label(self, lang: str) -> str:
        return self.label_zh if lang.startswith("zh") else self.label_en


@dataclass(frozen=True)
class MediaItem:
    id: uuid.UUID
    kind: MediaKind
    path: Path
    caption_zh: str
    caption_en: str


@dataclass(frozen=True)
class SpecSheet:
    model: ModelSummary
    groups: tuple[SpecGroupEntries, ...]
    media: tuple[MediaItem, ...]
    description_zh: str
    description_en: str
    composite_note_zh: str
    composite_note_en: str
    options: tuple[tuple[str, str, float], ...]

    def price_text(self, lang: str) -> str:
        return format_price(self.model.price_cny, lang)


class CatalogService:
    """Queries over the catalog; every method opens and closes its own session."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def _media_path(self, media: Media) -> Path | None:
        if not self._db.is_sqlite:
            return None
        return stored_path(self._db.media_dir, media.sha256, media.mime_type)

    def current_fair(self) -> FairInfo | None:
        with self._db.sessions() as session:
            fair = session.scalars(
                select(Fair).where(Fair.deleted_at.is_(None)).order_by(Fair.created_at.desc())
            ).first()
            if fair is None:
                return None
            return FairInfo(
                fair.id,
                fair.code,
                fair.name_zh,
                fair.name_en,
                fair.venue_zh,
                fair.venue_en,
                fair.is_sample,
                fair.notice_zh,
                fair.notice_en,
            )

    def _summary(self, model: TruckModel) -> ModelSummary:
        photo = next(
            (m for m in model.media if m.kind is MediaKind.PHOTO and m.deleted_at is None), None
        )
        return ModelSummary(
            model.id,
            model.code,
            model.name_zh,
            model.name_en,
            model.exhibitor.name_zh,
            model.exhibitor.name_en,
            model.body_type,
            model.powertrain,
            model.drive_form,
            model.battery_kwh,
            model.range_km,
            model.payload_kg,
            model.gcw_t,
            model.price_cny,
            self._media_path(photo) if photo else None,
        )

    def count_models(self) -> int:
        """How many models are on show (not deleted, of exhibitors not deleted)."""
        query = (
            select(func.count())
            .select_from(TruckModel)
            .join(TruckModel.exhibitor)
            .where(TruckModel.deleted_at.is_(None), Exhibitor.deleted_at.is_(None))
        )
        with self._db.sessions() as session:
            return int(session.scalar(query) or 0)

    def list_models(self, text: str = "") -> list[ModelSummary]:
        """Models that are not deleted, in catalog order; ``text`` filters by name or code."""
        query = (
            select(TruckModel)
            .join(TruckModel.exhibitor)
            .where(TruckModel.deleted_at.is_(None), Exhibitor.deleted_at.is_(None))
            .options(selectinload(TruckModel.media), selectinload(TruckModel.exhibitor))
            .order_by(TruckModel.sort_order, TruckModel.name_zh)
        )
        needle = text.strip()
        if needle:
            pattern = f"%{needle}%"
            query = query.where(
                or_(
                    TruckModel.name_zh.ilike(pattern),
                    TruckModel.name_en.ilike(pattern),
                    TruckModel.code.ilike(pattern),
                    TruckModel.announcement_no.ilike(pattern),
                    Exhibitor.name_zh.ilike(pattern),
                    Exhibitor.name_en.ilike(pattern),
                )
            )
        with self._db.sessions() as session:
            return [self._summary(model) for model in session.scalars(query)]

    def spec_sheet(self, model_id: uuid.UUID) -> SpecSheet | None:
        with self._db.sessions() as session:
            model = session.get(
                TruckModel,
                model_id,
                options=[
                    selectinload(TruckModel.spec_values),
                    selectinload(TruckModel.media),
                    selectinload(TruckModel.options),
                    selectinload(TruckModel.exhibitor),
                ],
            )
            if model is None or model.deleted_at is not None:
                return None
            values: dict[str, float | str | None] = {}
            for spec in SPEC_FIELDS:
                if spec.column:
                    values[spec.key] = getattr(model, spec.column)
            for stored in model.spec_values:
                if stored.deleted_at is None:
                    values[stored.field_key] = _stored_value(stored)
            groups = []
            for group in GROUPS:
                entries = tuple(
                    SpecEntry(
                        spec,
                        values.get(spec.key),
                        format_value(spec, values.get(spec.key), "zh_CN"),
                        format_value(spec, values.get(spec.key), "en"),
                    )
                    for spec in SPEC_FIELDS
                    if spec.group == group.key and values.get(spec.key) not in (None, "")
                )
                if entries:
                    groups.append(SpecGroupEntries(group.key, group.zh, group.en, entries))
            media = tuple(
                MediaItem(m.id, m.kind, path, m.caption_zh, m.caption_en)
                for m in model.media
                if m.deleted_at is None and (path := self._media_path(m)) is not None
            )
            options = tuple(
                (o.name_zh, o.name_en, o.price_cny)
                for o in sorted(model.options, key=lambda o: o.sort_order)
                if o.deleted_at is None
            )
            return SpecSheet(
                self._summary(model),
                tuple(groups),
                media,
                model.description_zh,
                model.description_en,
                model.composite_note_zh,
                model.composite_note_en,
                options,
            )


def _stored_value(stored: SpecValue) -> float | str | None:
    return stored.number_value if stored.number_value is not None else stored.text_value
