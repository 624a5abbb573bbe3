"""Which intent forms: the list's filter turned into SQL, pages of list rows, totals by model, and
the choices the editor offers (exhibitors, leads).

The list shows the latest revision of each reference (a revision is "latest" when no live row
names it as ``previous_revision_id``). Money is summed in Python as ``Decimal``.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from catalog_app.domain.enums import IntentStatus
from catalog_app.domain.models import Exhibitor, IntentForm, IntentLine, Lead, TruckModel
from catalog_app.services.intent_data import IntentSummary, ModelTotal, money
from catalog_app.services.intent_numbering import split_payload
from catalog_app.services.lead_query import LeadFilter, LeadSort, lead_select
from catalog_app.store.database import Database

# Units and value that count as "intended": everything not cancelled.
COUNTED_STATUSES = frozenset({IntentStatus.DRAFT, IntentStatus.PRINTED, IntentStatus.SIGNED})


@dataclass(frozen=True)
class IntentFilter:
    """Every field narrows the list; empty sets and None mean "any"."""

    text: str = ""
    statuses: frozenset[IntentStatus] = frozenset()
    exhibitor_ids: frozenset[uuid.UUID] = frozenset()
    issued_from: date | None = None  # inclusive
    issued_to: date | None = None  # inclusive
    include_superseded: bool = False


def _latest_only() -> object:
    newer = aliased(IntentForm)
    return ~exists().where(
        and_(newer.previous_revision_id == IntentForm.id, newer.deleted_at.is_(None))
    )


def apply_intent_filter(query: Select, flt: IntentFilter) -> Select:  # type: ignore[type-arg]
    query = query.where(IntentForm.deleted_at.is_(None))
    if not flt.include_superseded:
        query = query.where(_latest_only())
    if flt.statuses:
        query = query.where(IntentForm.status.in_(flt.statuses))
    if flt.exhibitor_ids:
        query = query.where(IntentForm.exhibitor_id.in_(flt.exhibitor_ids))
    if flt.issued_from is not None:
        query = query.where(IntentForm.issued_on >= flt.issued_from)
    if flt.issued_to is not None:
        query = query.where(IntentForm.issued_on <= flt.issued_to)
    needle = flt.text.strip()
    if needle:
        reference, revision = split_payload(needle)
        if revision is not None:  # a scanned QR payload "REF-R2"
            needle = reference
        pattern = f"%{needle.lower()}%"
        query = query.where(
            or_(
                func.lower(IntentForm.reference).like(pattern),
                func.lower(IntentForm.buyer_company).like(pattern),
                func.lower(IntentForm.buyer_representative).like(pattern),
                exists().where(
                    and_(
                        IntentLine.intent_id == IntentForm.id,
                        IntentLine.deleted_at.is_(None),
                        or_(
                            func.lower(IntentLine.model_name).like(pattern),
                            func.lower(IntentLine.announcement_no).like(pattern),
                        ),
                    )
                ),
            )
        )
    return query


def count_intents(database: Database, flt: IntentFilter) -> int:
    query = apply_intent_filter(select(func.count()).select_from(IntentForm), flt)
    with database.sessions() as session:
        return int(session.scalar(query) or 0)


def list_intents(
    database: Database, flt: IntentFilter, offset: int = 0, limit: int = 200
) -> list[IntentSummary]:
    """One page of list rows, newest first (by date of the form, then last change)."""
    query = (
        apply_intent_filter(select(IntentForm, Exhibitor.name_zh, Exhibitor.name_en), flt)
        .outerjoin(Exhibitor, Exhibitor.id == IntentForm.exhibitor_id)
        .order_by(IntentForm.issued_on.desc(), IntentForm.updated_at.desc(), IntentForm.id.desc())
        .offset(offset)
        .limit(limit)
    )
    with database.sessions() as session:
        rows = session.execute(query).all()
        ids = [row[0].id for row in rows]
        lines: dict[uuid.UUID, list[IntentLine]] = defaultdict(list)
        if ids:
            for line in session.scalars(
                select(IntentLine)
                .where(IntentLine.intent_id.in_(ids), IntentLine.deleted_at.is_(None))
                .order_by(IntentLine.line_no)
            ):
                lines[line.intent_id].append(line)
        summaries = []
        for form, name_zh, name_en in rows:
            own = lines[form.id]
            seller = form.seller or {}
            summaries.append(
                IntentSummary(
                    id=form.id,
                    reference=form.reference,
                    revision=form.revision,
                    status=form.status,
                    buyer_company=form.buyer_company,
                    exhibitor_zh=name_zh or str(seller.get("name_zh", "")),
                    exhibitor_en=name_en or str(seller.get("name_en", "")),
                    issued_on=form.issued_on,
                    total_units=sum(line.quantity for line in own),
                    total_value=sum(
                        (money(line.unit_price_cny) * line.quantity for line in own),
                        Decimal("0.00"),
                    ),
                    models="; ".join(f"{line.model_name} × {line.quantity}" for line in own),
                    updated_at=form.updated_at,
                )
            )
        return summaries


def intent_totals_by_model(
    database: Database, statuses: frozenset[IntentStatus] = COUNTED_STATUSES
) -> list[ModelTotal]:
    """Units and value per model over the latest revision of each form (cancelled forms not
    counted by default), largest value first. Lines without a catalog model count by name."""
    query = (
        select(
            IntentLine.model_id,
            IntentLine.model_name,
            IntentLine.quantity,
            IntentLine.unit_price_cny,
            IntentLine.intent_id,
        )
        .join(IntentForm, IntentForm.id == IntentLine.intent_id)
        .where(IntentLine.deleted_at.is_(None), IntentForm.deleted_at.is_(None), _latest_only())
        .where(IntentForm.status.in_(statuses))
    )
    units: dict[object, int] = defaultdict(int)
    value: dict[object, Decimal] = defaultdict(lambda: Decimal("0.00"))
    intents: dict[object, set[uuid.UUID]] = defaultdict(set)
    names: dict[object, str] = {}
    with database.sessions() as session:
        for model_id, name, quantity, price, intent_id in session.execute(query):
            key = model_id or name.strip()
            units[key] += quantity
            value[key] += money(price) * quantity
            intents[key].add(intent_id)
            names.setdefault(key, name)
        model_ids = [k for k in units if isinstance(k, uuid.UUID)]
        if model_ids:
            for model_id, name_zh in session.execute(
                select(TruckModel.id, TruckModel.name_zh).where(TruckModel.id.in_(model_ids))
            ):
                names[model_id] = name_zh
    totals = [
        ModelTotal(
            model_id=key if isinstance(key, uuid.UUID) else None,
            model_name=names[key],
            units=units[key],
            value=value[key],
            intents=len(intents[key]),
        )
        for key in units
    ]
    return sorted(totals, key=lambda t: (-t.value, -t.units, t.model_name))


@dataclass(frozen=True)
class ExhibitorChoice:
    id: uuid.UUID
    code: str
    name_zh: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") or not self.name_en else self.name_en


def exhibitor_choices(database: Database) -> list[ExhibitorChoice]:
    query = select(Exhibitor).where(Exhibitor.deleted_at.is_(None)).order_by(Exhibitor.code)
    with database.sessions() as session:
        return [ExhibitorChoice(e.id, e.code, e.name_zh, e.name_en) for e in session.scalars(query)]


@dataclass(frozen=True)
class LeadChoice:
    id: uuid.UUID
    person_name: str
    company: str
    phone: str
    models: int


def lead_choices(database: Database, text: str = "", limit: int = 100) -> list[LeadChoice]:
    """Leads to start a form from (newest first), found with the lead list's own filter."""
    query = lead_select(LeadFilter(text=text), LeadSort.NEWEST).limit(limit)
    with database.sessions() as session:
        leads: list[Lead] = list(session.scalars(query))
        return [
            LeadChoice(
                lead.id,
                lead.person_name,
                lead.company,
                lead.mobile or lead.landline,
                sum(1 for i in lead.interests if i.deleted_at is None),
            )
            for lead in leads
        ]
