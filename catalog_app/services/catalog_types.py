"""Plain values the catalog service hands to screens, the CLI and documents (no sessions, no Qt).

Re-exported by ``catalog_app.services.catalog``; import them from there.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from catalog_app.domain.enums import MediaKind
from catalog_app.domain.spec_fields import Better, SpecField
from catalog_app.domain.spec_format import format_price
from catalog_app.services.catalog_search import CatalogQuery, SearchCounts


def _pick(lang: str, zh: str, en: str) -> str:
    """The text in ``lang``: Chinese for zh*, else English when there is any."""
    return zh if lang.startswith("zh") or not en else en


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
        return _pick(lang, self.name_zh, self.name_en)

    def notice(self, lang: str) -> str:
        return _pick(lang, self.notice_zh, self.notice_en)


@dataclass(frozen=True)
class ModelSummary:
    """What a list row or card shows of a model."""

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
    announcement_no: str = ""
    exhibitor_id: uuid.UUID | None = None

    def name(self, lang: str) -> str:
        return _pick(lang, self.name_zh, self.name_en)

    def exhibitor(self, lang: str) -> str:
        return _pick(lang, self.exhibitor_zh, self.exhibitor_en)


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

    def caption(self, lang: str) -> str:
        return _pick(lang, self.caption_zh, self.caption_en)


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

    def photos(self) -> tuple[MediaItem, ...]:
        return tuple(m for m in self.media if m.kind is MediaKind.PHOTO)

    def brochures(self) -> tuple[MediaItem, ...]:
        return tuple(m for m in self.media if m.kind is MediaKind.BROCHURE)

    def entry(self, field_key: str) -> SpecEntry | None:
        for group in self.groups:
            for entry in group.entries:
                if entry.field.key == field_key:
                    return entry
        return None


@dataclass(frozen=True)
class ExhibitorChoice:
    """An exhibitor that has models on show, for the exhibitor filter."""

    id: uuid.UUID
    code: str
    name_zh: str
    name_en: str
    models: int

    def name(self, lang: str) -> str:
        return _pick(lang, self.name_zh, self.name_en)


@dataclass(frozen=True)
class CatalogOverview:
    """What the filters can offer: the models on show, their exhibitors, facet values that
    occur (with their counts in the whole catalog) and the span of each range field."""

    total: int
    exhibitors: tuple[ExhibitorChoice, ...]
    facet_values: dict[str, dict[str, int]]
    bounds: dict[str, tuple[float, float]]


@dataclass(frozen=True)
class SearchResult:
    """One search: the counts, and the first page of models in the query's order."""

    query: CatalogQuery
    counts: SearchCounts
    models: tuple[ModelSummary, ...]

    @property
    def total(self) -> int:
        return self.counts.total
