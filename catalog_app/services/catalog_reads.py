"""The catalog's read queries, each on a session the caller opened (``CatalogService`` does).

Summaries are read with plain column queries, not ORM objects: a search shows a page of
dozens of cards per keystroke and must not build hundreds of objects to do it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql import FromClause

from catalog_app.domain.enums import MediaKind
from catalog_app.domain.models import Exhibitor, Media, SpecValue, TruckModel
from catalog_app.domain.spec_fields import GROUPS, SPEC_FIELDS
from catalog_app.domain.spec_format import format_value
from catalog_app.services import catalog_search as search
from catalog_app.services import catalog_search_sql as sql
from catalog_app.services.catalog_search import FACETS, RANGE_FIELDS, CatalogQuery
from catalog_app.services.catalog_types import (
    CatalogOverview,
    ExhibitorChoice,
    MediaItem,
    ModelSummary,
    SearchResult,
    SpecEntry,
    SpecGroupEntries,
    SpecSheet,
)

MediaPath = Callable[[str, str], Path | None]  # (sha256, mime type) -> file, if files are local

# Table columns, not ORM attributes: these statements run as plain Core (a search reads a page
# of summaries per keystroke; the ORM's per-statement work is not needed for tuples).
_MODEL = TruckModel.__table__.c
_EXHIBITOR = Exhibitor.__table__.c
_MEDIA = Media.__table__.c
_SUMMARY_COLUMNS = (
    _MODEL.id,
    _MODEL.code,
    _MODEL.name_zh,
    _MODEL.name_en,
    _EXHIBITOR.name_zh,
    _EXHIBITOR.name_en,
    _MODEL.body_type,
    _MODEL.powertrain,
    _MODEL.drive_form,
    _MODEL.battery_kwh,
    _MODEL.range_km,
    _MODEL.payload_kg,
    _MODEL.gcw_t,
    _MODEL.price_cny,
    _MODEL.announcement_no,
    _MODEL.exhibitor_id,
)


def first_photos(
    session: Session, model_ids: Sequence[uuid.UUID], media_path: MediaPath
) -> dict[uuid.UUID, Path]:
    """The first photo of each model (by its sort order), where the file is local."""
    if not model_ids:
        return {}
    rows = session.connection().execute(
        select(_MEDIA.model_id, _MEDIA.sha256, _MEDIA.mime_type)
        .where(
            _MEDIA.model_id.in_(model_ids),
            _MEDIA.kind == MediaKind.PHOTO,
            _MEDIA.deleted_at.is_(None),
        )
        .order_by(_MEDIA.model_id, _MEDIA.sort_order, _MEDIA.id)
    )
    photos: dict[uuid.UUID, Path] = {}
    for model_id, sha256, mime_type in rows:
        if model_id is not None and model_id not in photos:
            path = media_path(sha256, mime_type)
            if path is not None:
                photos[model_id] = path
    return photos


def load_summaries(
    session: Session, model_ids: Sequence[uuid.UUID], media_path: MediaPath
) -> list[ModelSummary]:
    """Summaries of the given models, in the given order (models not found are skipped)."""
    if not model_ids:
        return []
    rows = (
        session.connection()
        .execute(
            select(*_SUMMARY_COLUMNS)
            .select_from(TruckModel.__table__.join(Exhibitor.__table__))
            .where(_MODEL.id.in_(model_ids))
        )
        .all()
    )
    photos = first_photos(session, model_ids, media_path)
    found = {}
    for row in rows:
        values = list(row)
        found[row[0]] = ModelSummary(
            *values[:14],
            photo_path=photos.get(row[0]),
            announcement_no=values[14] or "",
            exhibitor_id=values[15],
        )
    return [found[model_id] for model_id in model_ids if model_id in found]


def run_search(
    session: Session,
    source: FromClause,
    query: CatalogQuery,
    limit: int,
    media_path: MediaPath,
) -> SearchResult:
    """Counts and the first ``limit`` models of ``query``, from one statement."""
    combinations: list[tuple[Any, Any, Any, int]] = []
    exhibitors: list[tuple[uuid.UUID, int]] = []
    page: list[tuple[int, uuid.UUID]] = []
    for kind, body, powertrain, drive, exhibitor_id, model_id, n in session.connection().execute(
        sql.search_statement(source, query, limit)
    ):
        if kind == sql.KIND_COMBINATION:
            combinations.append((body, powertrain, drive, int(n)))
        elif kind == sql.KIND_EXHIBITOR:
            exhibitors.append((exhibitor_id, int(n)))
        else:
            page.append((int(n), model_id))
    counts = search.facet_counts(query, combinations, exhibitors)
    ids = [model_id for _position, model_id in sorted(page)]
    models = load_summaries(session, ids, media_path)
    return SearchResult(query, counts, tuple(models))


def search_page(
    session: Session,
    source: FromClause,
    query: CatalogQuery,
    offset: int,
    limit: int,
    media_path: MediaPath,
) -> list[ModelSummary]:
    ids = list(session.scalars(sql.page_statement(source, query, offset, limit)))
    return load_summaries(session, ids, media_path)


def overview(session: Session, source: FromClause) -> CatalogOverview:
    """Exhibitors with models on show, facet values with their counts, the range bounds."""
    everything = CatalogQuery()
    combinations = session.execute(sql.combination_statement(source, everything)).all()
    per_exhibitor = dict(session.execute(sql.exhibitor_statement(source, everything)).all())
    counts = search.facet_counts(everything, combinations, per_exhibitor.items())  # type: ignore[arg-type]
    exhibitors = session.execute(
        select(Exhibitor.id, Exhibitor.code, Exhibitor.name_zh, Exhibitor.name_en)
        .where(Exhibitor.id.in_(list(per_exhibitor)), Exhibitor.deleted_at.is_(None))
        .order_by(Exhibitor.code)
    ).all()
    bounds_row = session.execute(sql.bounds_statement(source)).one()
    bounds: dict[str, tuple[float, float]] = {}
    for index, key in enumerate(RANGE_FIELDS):
        low, high = bounds_row[2 * index], bounds_row[2 * index + 1]
        if low is not None and high is not None:
            bounds[key] = (float(low), float(high))
    return CatalogOverview(
        counts.total,
        tuple(
            ExhibitorChoice(e.id, e.code, e.name_zh, e.name_en, int(per_exhibitor[e.id]))
            for e in exhibitors
        ),
        {facet: counts.facets.get(facet, {}) for facet in FACETS},
        bounds,
    )


def count_models(session: Session) -> int:
    query = (
        select(func.count())
        .select_from(TruckModel)
        .join(TruckModel.exhibitor)
        .where(TruckModel.deleted_at.is_(None), Exhibitor.deleted_at.is_(None))
    )
    return int(session.scalar(query) or 0)


def load_spec_sheet(
    session: Session, model_id: uuid.UUID, media_path: MediaPath
) -> SpecSheet | None:
    """A model's whole sheet: grouped spec values in both languages, media, options."""
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
        if m.deleted_at is None and (path := media_path(m.sha256, m.mime_type)) is not None
    )
    options = tuple(
        (o.name_zh, o.name_en, o.price_cny)
        for o in sorted(model.options, key=lambda o: o.sort_order)
        if o.deleted_at is None
    )
    photo = next((m.path for m in media if m.kind is MediaKind.PHOTO), None)
    summary = ModelSummary(
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
        photo,
        model.announcement_no,
        model.exhibitor_id,
    )
    return SpecSheet(
        summary,
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
