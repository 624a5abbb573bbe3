"""What the fair produced, as figures: the dashboard page and the fair report read these.

Leads by hour and by day (at one UTC offset, by default this computer's), by model of interest
(leads and units), rating, industry, staff member and source; purchase intents by status (forms,
units, value) and by model. Every count is a GROUP BY in the database, so the figures of a
million leads cost a few queries, not a million rows in Python. Leads are those of a
``LeadFilter`` (by default every live lead; merged-away and deleted leads never count); intents
are the latest revision of each form (``services/intent_query``), cancelled ones shown apart.

``change_token`` is a cheap fingerprint of the data the figures come from: the page polls it and
recomputes only when it changes.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import and_, exists, func, literal_column, select
from sqlalchemy.orm import aliased

from catalog_app.domain.enums import IntentStatus, Rating
from catalog_app.domain.models import (
    IntentForm,
    IntentLine,
    Lead,
    LeadInterest,
    StaffAccount,
    TruckModel,
)
from catalog_app.services.exports.moments import local_offset
from catalog_app.services.intent_data import money
from catalog_app.services.intent_query import COUNTED_STATUSES, intent_totals_by_model
from catalog_app.services.lead_query import LeadFilter, apply_filter
from catalog_app.store.database import Database

NO_KEY = ""  # leads without a rating / industry / staff member


@dataclass(frozen=True)
class KeyCount:
    key: str  # the stored value ("" when none)
    count: int


@dataclass(frozen=True)
class ModelLeads:
    model_id: uuid.UUID | None
    code: str
    name_zh: str
    name_en: str
    leads: int
    units: int

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") or not self.name_en else self.name_en


@dataclass(frozen=True)
class StaffFigures:
    staff_id: uuid.UUID | None
    name: str
    leads: int
    hot: int
    intents: int
    units: int
    value: Decimal


@dataclass(frozen=True)
class StatusTotal:
    status: IntentStatus
    forms: int
    units: int
    value: Decimal


@dataclass(frozen=True)
class IntentModelRow:
    model_id: uuid.UUID | None
    name_zh: str
    name_en: str
    units: dict[IntentStatus, int]
    value: dict[IntentStatus, Decimal]

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") or not self.name_en else self.name_en

    @property
    def counted_units(self) -> int:
        return sum(self.units.get(s, 0) for s in COUNTED_STATUSES)

    @property
    def counted_value(self) -> Decimal:
        return sum((self.value.get(s, Decimal(0)) for s in COUNTED_STATUSES), Decimal("0.00"))


@dataclass(frozen=True)
class DashboardFigures:
    generated_at: datetime
    offset: timedelta
    total_leads: int
    hot_leads: int
    units_of_interest: int
    by_hour: tuple[int, ...]  # 24 counts, local hour of day
    by_day: tuple[tuple[date, int], ...]
    by_model: tuple[ModelLeads, ...]  # most leads first
    by_rating: tuple[KeyCount, ...]  # hot, warm, cold, then "" (unrated)
    by_industry: tuple[KeyCount, ...]  # most first
    by_source: tuple[KeyCount, ...]
    by_staff: tuple[StaffFigures, ...]  # most leads first
    intents_by_status: tuple[StatusTotal, ...]  # draft, printed, signed, cancelled
    intent_models: tuple[IntentModelRow, ...]  # most counted value first
    first_capture: datetime | None = None
    last_capture: datetime | None = None
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def intent_forms(self) -> int:
        return sum(t.forms for t in self.intents_by_status if t.status in COUNTED_STATUSES)

    @property
    def intent_units(self) -> int:
        return sum(t.units for t in self.intents_by_status if t.status in COUNTED_STATUSES)

    @property
    def intent_value(self) -> Decimal:
        return sum(
            (t.value for t in self.intents_by_status if t.status in COUNTED_STATUSES),
            Decimal("0.00"),
        )

    @property
    def signed_value(self) -> Decimal:
        return sum(
            (t.value for t in self.intents_by_status if t.status is IntentStatus.SIGNED),
            Decimal("0.00"),
        )


def _hour_bucket(database: Database):  # type: ignore[no-untyped-def]
    """The UTC hour of ``captured_at`` as text "YYYY-MM-DD HH" on either back end."""
    if database.is_sqlite:
        return func.strftime("%Y-%m-%d %H", Lead.captured_at)
    # Constants inline (not bound): PostgreSQL must see the same expression in GROUP BY.
    return func.to_char(
        func.timezone(literal_column("'UTC'"), Lead.captured_at),
        literal_column("'YYYY-MM-DD HH24'"),
    )


GroupKey = tuple[str, str, str, uuid.UUID | None]  # rating, industry, source, staff id


def _group_counts(session, flt: LeadFilter) -> dict[GroupKey, int]:  # type: ignore[no-untyped-def]
    """Leads per (rating, industry, source, staff member): one scan, a few hundred groups."""
    columns = (Lead.rating, Lead.industry, Lead.source, Lead.staff_id)
    query = apply_filter(select(*columns, func.count()).select_from(Lead), flt).group_by(*columns)
    return {
        (
            "" if rating is None else str(rating.value if hasattr(rating, "value") else rating),
            industry or "",
            "" if source is None else str(source.value if hasattr(source, "value") else source),
            staff_id,
        ): int(n)
        for rating, industry, source, staff_id, n in session.execute(query)
    }


def _latest_revision():  # type: ignore[no-untyped-def]
    """The rule of ``intent_query``: a form is current when no live row names it as its
    previous revision."""
    newer = aliased(IntentForm)
    return ~exists().where(
        and_(newer.previous_revision_id == IntentForm.id, newer.deleted_at.is_(None))
    )


def compute_figures(
    database: Database, flt: LeadFilter | None = None, offset: timedelta | None = None
) -> DashboardFigures:
    """Every figure of the dashboard and the fair report (a few GROUP BY queries)."""
    flt = flt or LeadFilter()
    offset = local_offset() if offset is None else offset
    with database.sessions() as session:
        # One scan for the vocabularies and staff, one for the hours, one for the models.
        groups = _group_counts(session, flt)
        hours = session.execute(
            apply_filter(
                select(
                    _hour_bucket(database),
                    func.count(),
                    func.min(Lead.captured_at),
                    func.max(Lead.captured_at),
                ).select_from(Lead),
                flt,
            ).group_by(_hour_bucket(database))
        ).all()
        by_model, units = _model_leads(session, flt)
        by_staff = _staff_figures(session, groups)
    ratings: dict[str, int] = defaultdict(int)
    industries: dict[str, int] = defaultdict(int)
    sources: dict[str, int] = defaultdict(int)
    for (rating, industry, source, _staff), count in groups.items():
        ratings[rating] += count
        industries[industry] += count
        sources[source] += count
    total = sum(groups.values())
    by_hour = [0] * 24
    by_day: dict[date, int] = defaultdict(int)
    firsts, lasts = [], []
    for bucket, count, first_at, last_at in hours:
        if not bucket:
            continue
        local = datetime.strptime(bucket, "%Y-%m-%d %H") + offset
        by_hour[local.hour] += count
        by_day[local.date()] += count
        firsts.append(first_at)
        lasts.append(last_at)
    first = min(firsts) if firsts else None
    last = max(lasts) if lasts else None
    rating_order = [r.value for r in Rating] + [NO_KEY]
    intents_by_status, intent_models = _intent_figures(database)
    return DashboardFigures(
        generated_at=datetime.now(UTC),
        offset=offset,
        total_leads=total,
        hot_leads=ratings.get(Rating.HOT.value, 0),
        units_of_interest=units,
        by_hour=tuple(by_hour),
        by_day=tuple(sorted(by_day.items())),
        by_model=by_model,
        by_rating=tuple(KeyCount(k, ratings.get(k, 0)) for k in rating_order),
        by_industry=_most_first(industries),
        by_source=_most_first(sources),
        by_staff=by_staff,
        intents_by_status=intents_by_status,
        intent_models=intent_models,
        first_capture=first,
        last_capture=last,
    )


def _most_first(counts: dict[str, int]) -> tuple[KeyCount, ...]:
    return tuple(KeyCount(k, n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _model_leads(session, flt: LeadFilter) -> tuple[tuple[ModelLeads, ...], int]:  # type: ignore[no-untyped-def]
    # A semi-join (IN): SQLite collects the chosen lead ids in one scan of the leads, then
    # walks the interests; a JOIN would look each interest's lead up at random (10x slower).
    leads = apply_filter(select(Lead.id).select_from(Lead), flt)
    query = (
        select(
            LeadInterest.model_id,
            func.count(func.distinct(LeadInterest.lead_id)),
            func.coalesce(func.sum(LeadInterest.quantity), 0),
        )
        .where(LeadInterest.deleted_at.is_(None), LeadInterest.lead_id.in_(leads))
        .group_by(LeadInterest.model_id)
    )
    rows = session.execute(query).all()
    ids = [model_id for model_id, _n, _u in rows if model_id is not None]
    names: dict[uuid.UUID, tuple[str, str, str]] = {}
    if ids:
        for model_id, code, name_zh, name_en in session.execute(
            select(TruckModel.id, TruckModel.code, TruckModel.name_zh, TruckModel.name_en).where(
                TruckModel.id.in_(ids)
            )
        ):
            names[model_id] = (code, name_zh, name_en)
    figures = [
        ModelLeads(model_id, *names.get(model_id, ("", "", "")), int(n), int(u))
        for model_id, n, u in rows
    ]
    figures.sort(key=lambda m: (-m.leads, -m.units, m.code))
    return tuple(figures), sum(m.units for m in figures)


def _staff_figures(session, groups: dict[GroupKey, int]) -> tuple[StaffFigures, ...]:  # type: ignore[no-untyped-def]
    counted: dict[uuid.UUID | None, list[int]] = defaultdict(lambda: [0, 0])
    for (rating, _industry, _source, staff_id), count in groups.items():
        counted[staff_id][0] += count
        if rating == Rating.HOT.value:
            counted[staff_id][1] += count
    leads = {staff_id: (n, hot) for staff_id, (n, hot) in counted.items()}
    forms = (
        select(
            IntentForm.staff_id,
            func.count(func.distinct(IntentForm.id)),
            func.coalesce(func.sum(IntentLine.quantity), 0),
        )
        .outerjoin(
            IntentLine,
            and_(IntentLine.intent_id == IntentForm.id, IntentLine.deleted_at.is_(None)),
        )
        .where(
            IntentForm.deleted_at.is_(None),
            IntentForm.status.in_(COUNTED_STATUSES),
            _latest_revision(),
        )
        .group_by(IntentForm.staff_id)
    )
    intents = {staff_id: (int(n), int(u)) for staff_id, n, u in session.execute(forms)}
    value: dict[uuid.UUID | None, Decimal] = defaultdict(lambda: Decimal("0.00"))
    lines = (
        select(IntentForm.staff_id, IntentLine.quantity, IntentLine.unit_price_cny)
        .join(IntentForm, IntentForm.id == IntentLine.intent_id)
        .where(
            IntentLine.deleted_at.is_(None),
            IntentForm.deleted_at.is_(None),
            IntentForm.status.in_(COUNTED_STATUSES),
            _latest_revision(),
        )
    )
    for staff_id, quantity, price in session.execute(lines):
        value[staff_id] += money(price) * quantity
    names = {
        s.id: s.display_name
        for s in session.scalars(select(StaffAccount).where(StaffAccount.deleted_at.is_(None)))
    }
    keys = set(leads) | set(intents)
    figures = [
        StaffFigures(
            key,
            names.get(key, "") if key is not None else "",
            *leads.get(key, (0, 0)),
            *intents.get(key, (0, 0)),
            value[key] if key in value else Decimal("0.00"),
        )
        for key in keys
    ]
    figures.sort(key=lambda s: (-s.leads, -s.intents, s.name))
    return tuple(figures)


def _intent_figures(
    database: Database,
) -> tuple[tuple[StatusTotal, ...], tuple[IntentModelRow, ...]]:
    """Per status: forms, units, value; per model: units and value in each status."""
    with database.sessions() as session:
        forms = dict(
            session.execute(
                select(IntentForm.status, func.count())
                .where(IntentForm.deleted_at.is_(None), _latest_revision())
                .group_by(IntentForm.status)
            ).all()
        )
        english = dict(session.execute(select(TruckModel.id, TruckModel.name_en)).all())
    statuses: list[StatusTotal] = []
    rows: dict[object, dict[str, object]] = {}
    for status in IntentStatus:
        totals = intent_totals_by_model(database, frozenset({status}))
        statuses.append(
            StatusTotal(
                status,
                int(forms.get(status, 0)),
                sum(t.units for t in totals),
                sum((t.value for t in totals), Decimal("0.00")),
            )
        )
        for t in totals:
            key = t.model_id or t.model_name
            row = rows.setdefault(
                key,
                {
                    "model_id": t.model_id,
                    "name_zh": t.model_name,
                    "name_en": english.get(t.model_id, "") if t.model_id else "",
                    "units": {},
                    "value": {},
                },
            )
            row["units"][status] = t.units  # type: ignore[index]
            row["value"][status] = t.value  # type: ignore[index]
    models = [IntentModelRow(**row) for row in rows.values()]  # type: ignore[arg-type]
    models.sort(key=lambda m: (-m.counted_value, -m.counted_units, m.name_zh))
    return tuple(statuses), tuple(models)


def change_token(database: Database) -> tuple[object, ...]:
    """Changes whenever a lead, an interest or an intent is added, edited or deleted."""
    parts: list[object] = []
    with database.sessions() as session:
        for table in (Lead, LeadInterest, IntentForm, IntentLine):
            # Two queries: alone, each is answered from an index (count from the smallest,
            # max from the hlc index); together they would scan the table.
            parts.append(session.scalar(select(func.count()).select_from(table)))
            parts.append(session.scalar(select(func.max(table.hlc))))
    return tuple(parts)
