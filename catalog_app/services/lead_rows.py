"""What the lead list shows of a lead (``LeadRow``), read in a few queries per page, and the
choices of the list's filters (staff, models)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from catalog_app.domain.enums import DuplicateStatus, FollowUp, LeadSource, Rating
from catalog_app.domain.models import (
    Lead,
    LeadDuplicateLink,
    LeadInterest,
    StaffAccount,
    TruckModel,
)
from catalog_app.services.lead_query import LeadFilter, apply_filter
from catalog_app.store.database import Database


@dataclass(frozen=True)
class InterestSummary:
    model_id: uuid.UUID | None
    code: str
    name_zh: str
    name_en: str
    quantity: int

    def name(self, lang: str) -> str:
        english = self.name_en if not lang.startswith("zh") else ""
        return english or self.name_zh or self.code


@dataclass(frozen=True)
class LeadRow:
    id: uuid.UUID
    person_name: str
    person_name_key: str
    company: str
    company_key: str
    title: str
    mobile: str
    landline: str
    email: str
    wechat_id: str
    industry: str
    rating: Rating | None
    follow_up: FollowUp
    source: LeadSource
    staff_id: uuid.UUID | None
    captured_at: datetime | None
    exported_at: datetime | None
    staff_name: str = ""
    interests: tuple[InterestSummary, ...] = ()
    possible_duplicate: bool = False


# The lead's own columns of a LeadRow, in its field order.
ROW_COLUMNS: tuple[InstrumentedAttribute[Any], ...] = (
    Lead.id,
    Lead.person_name,
    Lead.person_name_key,
    Lead.company,
    Lead.company_key,
    Lead.title,
    Lead.mobile,
    Lead.landline,
    Lead.email,
    Lead.wechat_id,
    Lead.industry,
    Lead.rating,
    Lead.follow_up,
    Lead.source,
    Lead.staff_id,
    Lead.captured_at,
    Lead.exported_at,
)
FIELD_INDEX = {column.key: index for index, column in enumerate(ROW_COLUMNS)}


def make_rows(session: Session, found: Sequence[tuple[Any, ...]]) -> list[LeadRow]:
    """Rows (tuples of ROW_COLUMNS) with staff names, models of interest and open duplicate
    links: three small queries for a whole page (plain column reads: no ORM objects)."""
    if not found:
        return []
    connection = session.connection()
    ids = [row[0] for row in found]
    interests: dict[uuid.UUID, list[InterestSummary]] = {}
    query = (
        select(
            LeadInterest.lead_id,
            LeadInterest.model_id,
            TruckModel.code,
            TruckModel.name_zh,
            TruckModel.name_en,
            LeadInterest.quantity,
        )
        .outerjoin(TruckModel, TruckModel.id == LeadInterest.model_id)
        .where(LeadInterest.lead_id.in_(ids), LeadInterest.deleted_at.is_(None))
        .order_by(LeadInterest.lead_id, LeadInterest.created_at, LeadInterest.id)
    )
    for lead_id, model_id, code, name_zh, name_en, quantity in connection.execute(query):
        interests.setdefault(lead_id, []).append(
            InterestSummary(model_id, code or "", name_zh or "", name_en or "", quantity)
        )
    staff_column = FIELD_INDEX["staff_id"]
    staff_ids = {row[staff_column] for row in found} - {None}
    staff_names: dict[uuid.UUID, str] = {}
    if staff_ids:
        names = select(StaffAccount.id, StaffAccount.display_name).where(
            StaffAccount.id.in_(staff_ids)
        )
        staff_names = {staff_id: name for staff_id, name in connection.execute(names)}
    linked: set[uuid.UUID] = set()
    open_links = select(LeadDuplicateLink.lead_a_id, LeadDuplicateLink.lead_b_id).where(
        or_(LeadDuplicateLink.lead_a_id.in_(ids), LeadDuplicateLink.lead_b_id.in_(ids)),
        LeadDuplicateLink.status == DuplicateStatus.OPEN,
        LeadDuplicateLink.deleted_at.is_(None),
    )
    for first, second in connection.execute(open_links):
        linked.update((first, second))
    return [
        LeadRow(
            *row,
            staff_name=staff_names.get(row[staff_column], ""),
            interests=tuple(interests.get(row[0], ())),
            possible_duplicate=row[0] in linked,
        )
        for row in found
    ]


def rows_by_id(database: Database, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, LeadRow]:
    """Fresh rows for ``ids`` (after an edit); deleted or merged-away leads are left out."""
    if not ids:
        return {}
    query = apply_filter(select(*ROW_COLUMNS), LeadFilter(ids=frozenset(ids)))
    with database.sessions() as session:
        found = [tuple(row) for row in session.connection().execute(query)]
        return {row.id: row for row in make_rows(session, found)}


@dataclass(frozen=True)
class ModelChoice:
    id: uuid.UUID
    code: str
    name_zh: str
    name_en: str

    def name(self, lang: str) -> str:
        english = self.name_en if not lang.startswith("zh") else ""
        return english or self.name_zh or self.code


@dataclass(frozen=True)
class FilterChoices:
    staff: list[tuple[uuid.UUID, str]]
    models: list[ModelChoice]


def filter_choices(database: Database) -> FilterChoices:
    """Staff (inactive ones too: their leads stay) and catalog models, for the filter lists."""
    with database.sessions() as session:
        staff = [
            (staff_id, name)
            for staff_id, name in session.execute(
                select(StaffAccount.id, StaffAccount.display_name)
                .where(StaffAccount.deleted_at.is_(None))
                .order_by(StaffAccount.display_name)
            )
        ]
        models = [
            ModelChoice(*row)
            for row in session.execute(
                select(TruckModel.id, TruckModel.code, TruckModel.name_zh, TruckModel.name_en)
                .where(TruckModel.deleted_at.is_(None))
                .order_by(TruckModel.sort_order, TruckModel.code)
            )
        ]
    return FilterChoices(staff, models)
