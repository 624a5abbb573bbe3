"""Which leads: one filter, turned into SQL, shared by the lead list, exports and reports.

Filtering and sorting happen in the database (the lead list stays fast at a million rows);
callers page through ``lead_select`` with LIMIT/OFFSET or keyset conditions of their own.
The text is matched by ``lead_search.like_condition`` here (portable, a scan); the lead list
uses the trigram index where there is one (``lead_search.text_condition``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Select, and_, exists, func, or_, select

from catalog_app.domain.enums import FollowUp, LeadSource, Rating
from catalog_app.domain.models import Lead, LeadInterest
from catalog_app.services.lead_search import SearchText, like_condition
from catalog_app.store.database import Database


class LeadSort(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"
    NAME = "name"
    COMPANY = "company"
    RATING = "rating"


@dataclass(frozen=True)
class LeadFilter:
    """Every field narrows the set; empty sets and None mean "any"."""

    text: str = ""
    ratings: frozenset[Rating] = frozenset()
    unrated: bool = False  # with ratings: also leads without a rating
    model_ids: frozenset[uuid.UUID] = frozenset()
    staff_ids: frozenset[uuid.UUID] = frozenset()
    sources: frozenset[LeadSource] = frozenset()
    follow_ups: frozenset[FollowUp] = frozenset()
    device_ids: frozenset[uuid.UUID] = frozenset()
    industries: frozenset[str] = frozenset()
    captured_from: datetime | None = None  # inclusive
    captured_to: datetime | None = None  # exclusive
    consent_purpose: str | None = None
    only_not_exported: bool = False
    include_deleted: bool = False
    include_merged_away: bool = False
    ids: frozenset[uuid.UUID] = field(default_factory=frozenset)


def apply_filter(query: Select, flt: LeadFilter) -> Select:  # type: ignore[type-arg]
    """Add the filter's conditions to a query that selects from ``Lead``."""
    if not flt.include_deleted:
        query = query.where(Lead.deleted_at.is_(None))
    if not flt.include_merged_away:
        query = query.where(Lead.merged_into_id.is_(None))
    if flt.ids:
        query = query.where(Lead.id.in_(flt.ids))
    search = SearchText.of(flt.text)
    if search is not None:
        query = query.where(like_condition(search))
    if flt.ratings or flt.unrated:
        parts = []
        if flt.ratings:
            parts.append(Lead.rating.in_(flt.ratings))
        if flt.unrated:
            parts.append(Lead.rating.is_(None))
        query = query.where(or_(*parts))
    if flt.model_ids:
        query = query.where(
            exists().where(
                and_(
                    LeadInterest.lead_id == Lead.id,
                    LeadInterest.model_id.in_(flt.model_ids),
                    LeadInterest.deleted_at.is_(None),
                )
            )
        )
    if flt.staff_ids:
        query = query.where(Lead.staff_id.in_(flt.staff_ids))
    if flt.sources:
        query = query.where(Lead.source.in_(flt.sources))
    if flt.follow_ups:
        query = query.where(Lead.follow_up.in_(flt.follow_ups))
    if flt.device_ids:
        query = query.where(Lead.captured_on_device_id.in_(flt.device_ids))
    if flt.industries:
        query = query.where(Lead.industry.in_(flt.industries))
    if flt.captured_from is not None:
        query = query.where(Lead.captured_at >= flt.captured_from)
    if flt.captured_to is not None:
        query = query.where(Lead.captured_at < flt.captured_to)
    if flt.consent_purpose:
        # Purposes are a JSON list; match the quoted name inside its text (both back ends).
        from sqlalchemy import String, cast

        query = query.where(cast(Lead.consent_purposes, String).like(f'%"{flt.consent_purpose}"%'))
    if flt.only_not_exported:
        query = query.where(Lead.exported_at.is_(None))
    return query


_ORDER = {
    LeadSort.NEWEST: (Lead.captured_at.desc(), Lead.id.desc()),
    LeadSort.OLDEST: (Lead.captured_at.asc(), Lead.id.asc()),
    LeadSort.NAME: (Lead.person_name_key.asc(), Lead.id.asc()),
    LeadSort.COMPANY: (Lead.company_key.asc(), Lead.id.asc()),
    LeadSort.RATING: (Lead.rating.asc(), Lead.captured_at.desc(), Lead.id.desc()),
}


def lead_select(flt: LeadFilter, sort: LeadSort = LeadSort.NEWEST) -> Select:  # type: ignore[type-arg]
    """``select(Lead)`` narrowed by ``flt`` and ordered by ``sort`` (with a unique tie-break)."""
    return apply_filter(select(Lead), flt).order_by(*_ORDER[sort])


def count_leads(database: Database, flt: LeadFilter) -> int:
    query = apply_filter(select(func.count()).select_from(Lead), flt)
    with database.sessions() as session:
        return int(session.scalar(query) or 0)
