"""The lead list's data: pages of rows at any size, the counts, the choices of its filters.

Pages use keyset paging ("the rows after the last one shown"), never OFFSET: an OFFSET makes the
database walk past every earlier row, so the 5,000th page of a million leads would cost as much
as reading them all. Each sort order is split into *segments* whose ordering columns are never
NULL inside (NULL sorts differently on SQLite and PostgreSQL, and a row-value comparison with
NULL is never true): "newest first" is the leads with a capture time, newest first, then those
without one. Inside a segment the next page is ``WHERE (captured_at, id) < (:time, :id)``, which
the index on ``captured_at`` answers directly; the rating sort is one segment per rating (hot,
warm, cold, unrated), each newest first.

SQLite's planner, without statistics, takes an equality on any indexed column for a very
selective one: ``rating = 'hot' ORDER BY captured_at DESC LIMIT 200`` then reads every hot lead
through the rating index and sorts them (0.3 s at a million leads) instead of walking the time
index until 200 hot leads are found (1 ms). ``ListQuery`` therefore probes each such filter once
(how many rows match, counting at most PROBE_CAP through its index): a filter matching many rows
is hidden from the planner (``+column``), one matching few is left for it to use. The same
probe decides how the typed text is matched (``lead_search.text_condition``): through the
trigram index when few leads match, by testing rows along the sort index when many do.

Everything here may run on a worker thread (``ui/tasks.py``); ``QueryInterrupter`` lets the GUI
stop a query that a newer search has made pointless.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    func,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.expression import UnaryExpression

from catalog_app.domain.enums import Rating
from catalog_app.domain.models import Lead
from catalog_app.services.lead_query import LeadFilter, apply_filter
from catalog_app.services.lead_rows import FIELD_INDEX, ROW_COLUMNS, LeadRow, make_rows
from catalog_app.services.lead_search import text_condition
from catalog_app.services.query_interrupt import QueryInterrupter, interruptible
from catalog_app.store.database import Database

PAGE_SIZE = 200
_ROWID = literal_column("lead.rowid")
PROBE_CAP = 2000
RATING_ORDER = (Rating.HOT, Rating.WARM, Rating.COLD)


class ListSort(StrEnum):
    CAPTURED = "captured"
    NAME = "name"
    COMPANY = "company"
    RATING = "rating"


@dataclass(frozen=True)
class ListOrder:
    """A sort of the list. ``descending``: newest first, Z→A, or for ratings cold→hot (leads
    without a rating, a name or a time always come last)."""

    sort: ListSort = ListSort.CAPTURED
    descending: bool = True


@dataclass(frozen=True)
class PageCursor:
    """Where the next page starts: a segment, and the ordering values of the last row shown in
    it (None: at the segment's start)."""

    segment: int
    after: tuple[Any, ...] | None


@dataclass(frozen=True)
class LeadPage:
    rows: list[LeadRow]
    next: PageCursor | None  # None: there are no more rows


@dataclass(frozen=True)
class _Segment:
    rating: Rating | None | bool  # a rating, None for unrated, True for "any rating"
    timed: bool | None  # leads with a capture time, without one, or None: both
    name_present: bool | None  # for the name/company sorts: key not blank / blank
    columns: tuple[InstrumentedAttribute[Any], ...]
    descending: bool


def _segments(order: ListOrder, flt: LeadFilter) -> list[_Segment]:
    newest = (Lead.captured_at, Lead.id)
    desc = order.descending
    if order.sort is ListSort.CAPTURED:
        return [
            _Segment(True, True, None, newest, desc),
            _Segment(True, False, None, (Lead.id,), desc),
        ]
    if order.sort in (ListSort.NAME, ListSort.COMPANY):
        key, other = (
            (Lead.person_name_key, Lead.company_key)
            if order.sort is ListSort.NAME
            else (Lead.company_key, Lead.person_name_key)
        )
        return [
            _Segment(True, None, True, (key, Lead.id), desc),
            _Segment(True, None, False, (other, Lead.id), desc),
        ]
    ratings: list[Rating | None] = list(reversed(RATING_ORDER) if desc else RATING_ORDER)
    ratings.append(None)
    if flt.ratings or flt.unrated:
        ratings = [r for r in ratings if (r in flt.ratings) or (r is None and flt.unrated)]
    segments = []
    for rating in ratings:
        segments.append(_Segment(rating, True, None, newest, True))
        segments.append(_Segment(rating, False, None, (Lead.id,), True))
    return segments


def _unindexed(column: Any, hide: bool) -> Any:
    """``+column`` on SQLite: the same values, but the planner will not use the column's index."""
    if not hide:
        return column
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


class ListQuery:
    """The leads matching one filter in one order: pages and the count (see the module doc)."""

    def __init__(self, database: Database, flt: LeadFilter, order: ListOrder) -> None:
        self._db = database
        self.filter = flt
        self.order = order
        self._segments = _segments(order, flt)
        self._hidden: dict[str, bool] | None = None
        self._text: ColumnElement[bool] | None = None
        self._hidden_ratings: dict[Rating | None, bool] = {}
        self._lock = threading.Lock()

    # -- pages --------------------------------------------------------------------------
    def page(
        self,
        cursor: PageCursor | None = None,
        limit: int = PAGE_SIZE,
        interrupter: QueryInterrupter | None = None,
    ) -> LeadPage:
        """Up to ``limit`` rows from ``cursor`` (None: the first page)."""
        segment, after = (0, None) if cursor is None else (cursor.segment, cursor.after)
        found: list[tuple[Any, ...]] = []
        following: PageCursor | None = None
        with self._db.sessions() as session, interruptible(interrupter, session):
            self._probe(session)
            while segment < len(self._segments):
                need = limit - len(found)
                query = self._segment_query(segment, after, need + 1)
                rows = session.connection().execute(query).all()
                found.extend(tuple(row) for row in rows[:need])
                if len(rows) > need:
                    following = PageCursor(segment, self._values(segment, found[-1]))
                    break
                segment, after = segment + 1, None
                if len(found) >= limit:
                    more = segment < len(self._segments)
                    following = PageCursor(segment, None) if more else None
                    break
            return LeadPage(make_rows(session, found), following)

    def count(self, interrupter: QueryInterrupter | None = None) -> int:
        """How many leads match the filter (a scan of the table: run it off the GUI thread)."""
        with self._db.sessions() as session, interruptible(interrupter, session):
            self._probe(session)
            query = self._filtered(select(func.count()).select_from(Lead), plain=True)
            return int(session.scalar(query) or 0)

    def _segment_query(self, index: int, after: tuple[Any, ...] | None, limit: int) -> Select:  # type: ignore[type-arg]
        segment = self._segments[index]
        sqlite = self._db.is_sqlite
        query = self._filtered(select(_ROWID if sqlite else ROW_COLUMNS[0]))
        if segment.rating is not True:
            hide = self._hidden_ratings.get(segment.rating, False)  # type: ignore[arg-type]
            rating = _unindexed(Lead.rating, hide)
            query = query.where(
                rating.is_(None) if segment.rating is None else rating == segment.rating
            )
        if segment.timed is not None:
            timed = Lead.captured_at.is_not(None) if segment.timed else Lead.captured_at.is_(None)
            query = query.where(timed)
        if segment.name_present is not None:
            key = segment.columns[0] if segment.name_present else _blank_key(self.order)
            # "> ''" rather than "!= ''": a range the key's index can start from.
            query = query.where(key > "" if segment.name_present else key == "")
        if after is not None:
            query = query.where(_after(segment.columns, after, segment.descending))
        ordering = [c.desc() if segment.descending else c.asc() for c in segment.columns]
        chosen = query.order_by(*ordering).limit(limit)
        if not sqlite:
            return chosen.with_only_columns(*ROW_COLUMNS)
        # Choose the rows first, then read them: a lead's row is wide (consent text, notes), so
        # ordering candidates by their rowids only and reading the page's rows afterwards halves
        # the cost when many candidates are ordered (a search's matches, a filtered page).
        return select(*ROW_COLUMNS).where(_ROWID.in_(chosen.correlate(None))).order_by(*ordering)

    def _values(self, segment: int, row: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(row[FIELD_INDEX[c.key]] for c in self._segments[segment].columns)

    # -- the planner's choice -----------------------------------------------------------
    def _filtered(self, query: Select, *, plain: bool = False) -> Select:  # type: ignore[type-arg]
        """The filter's conditions: the text as the probe chose; unless ``plain``, the indexed
        low-cardinality ones possibly hidden from the planner."""
        flt = self.filter
        if plain:
            query = apply_filter(query, replace(flt, text=""))
        else:
            query = apply_filter(
                query,
                replace(
                    flt,
                    text="",
                    ratings=frozenset(),
                    unrated=False,
                    staff_ids=frozenset(),
                    sources=frozenset(),
                    device_ids=frozenset(),
                ),
            )
            for condition in _indexed_conditions(flt, self._hidden or {}).values():
                query = query.where(condition)
        if self._text is not None:
            query = query.where(self._text)
        return query

    def _probe(self, session: Session) -> None:
        with self._lock:
            if self._hidden is not None:
                return
            sqlite = self._db.is_sqlite
            self._text = text_condition(session, self.filter.text)
            self._hidden = {
                name: sqlite and _is_common(session, condition)
                for name, condition in _indexed_conditions(self.filter, {}).items()
            }
            if sqlite and self.order.sort is ListSort.RATING:
                for segment in self._segments:
                    rating = segment.rating
                    if rating is True or rating in self._hidden_ratings:
                        continue
                    condition = Lead.rating.is_(None) if rating is None else Lead.rating == rating
                    self._hidden_ratings[rating] = _is_common(session, condition)  # type: ignore[index]


def _blank_key(order: ListOrder) -> InstrumentedAttribute[Any]:
    return Lead.person_name_key if order.sort is ListSort.NAME else Lead.company_key


def _indexed_conditions(flt: LeadFilter, hidden: dict[str, bool]) -> dict[str, ColumnElement[bool]]:
    """The filter's conditions on indexed columns of few distinct values (see the module doc)."""
    found: dict[str, ColumnElement[bool]] = {}
    if flt.ratings or flt.unrated:
        rating = _unindexed(Lead.rating, hidden.get("rating", False))
        parts = []
        if flt.ratings:
            parts.append(rating.in_(sorted(flt.ratings)))
        if flt.unrated:
            parts.append(rating.is_(None))
        found["rating"] = or_(*parts)
    if flt.staff_ids:
        staff = _unindexed(Lead.staff_id, hidden.get("staff", False))
        found["staff"] = staff.in_(sorted(flt.staff_ids, key=str))
    if flt.sources:
        found["source"] = _unindexed(Lead.source, hidden.get("source", False)).in_(
            sorted(flt.sources)
        )
    if flt.device_ids:
        device = _unindexed(Lead.captured_on_device_id, hidden.get("device", False))
        found["device"] = device.in_(sorted(flt.device_ids, key=str))
    return found


def _is_common(session: Session, condition: ColumnElement[bool]) -> bool:
    """Whether at least PROBE_CAP leads match ``condition`` (counted through its index)."""
    capped = select(Lead.id).where(condition).limit(PROBE_CAP).subquery()
    return int(session.scalar(select(func.count()).select_from(capped)) or 0) >= PROBE_CAP


def _after(
    columns: Sequence[InstrumentedAttribute[Any]], values: tuple[Any, ...], descending: bool
) -> ColumnElement[bool]:
    if len(columns) == 1:
        return columns[0] < values[0] if descending else columns[0] > values[0]
    left = tuple_(*columns)
    right = tuple_(*(literal(v, type_=c.type) for c, v in zip(columns, values, strict=True)))
    return left < right if descending else left > right


def count_not_exported(database: Database, interrupter: QueryInterrupter | None = None) -> int:
    """Leads not yet exported or synced (``exported_at`` unset): the number the list shows."""
    return ListQuery(database, LeadFilter(only_not_exported=True), ListOrder()).count(interrupter)
