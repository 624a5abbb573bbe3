"""Catalog search: folded text, facet filters with counts, range filters, sorting, pages.

The text is folded like the search keys (width, case, Traditional → Simplified) and split into
words; a model matches when every word is found in its keys — names, maker, exhibitor,
announcement number, text specs and the labels of its choices, with pinyin and initials that
respect syllable boundaries (``catalog_search_text.py``) — so "贵州", "貴州", "guizhou" and
"gz" find the same models, and "牵引车" or "tractor" finds the tractors.

Facet counts follow the usual rule of shops: the count beside a value is how many models the
result would hold if that value were ticked, with the other facets' ticks as they are (ticks
within one facet widen the result, ticks in different facets narrow it). Filtering, counting
and sorting happen in SQL (``catalog_search_sql.py``) over the search table
(``catalog_search_index.py``).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_
from sqlalchemy.sql import FromClause

from catalog_app.domain.search_keys import fold, search_key
from catalog_app.domain.spec_fields import BODY_TYPES, DRIVE_FORMS, POWERTRAINS, Choice
from catalog_app.services.catalog_search_index import SEARCH_TABLE
from catalog_app.services.catalog_search_text import escape_like, has_han, pinyin_patterns

FACETS: dict[str, tuple[Choice, ...]] = {
    "body_type": BODY_TYPES,
    "powertrain": POWERTRAINS,
    "drive_form": DRIVE_FORMS,
}
EXHIBITOR_FACET = "exhibitor"
RANGE_FIELDS = ("battery_kwh", "range_km", "payload_kg", "gcw_t", "price_cny")
PAGE_SIZE = 60
# Words this short are looked up in the keys only: as a choice label they would match too much.
MIN_CHOICE_WORD = 2


class CatalogSort(StrEnum):
    CATALOG = "catalog"  # the exhibitors' own order
    PRICE_LOW = "price_low"
    PRICE_HIGH = "price_high"
    BATTERY = "battery"  # largest first, like the other figures below
    RANGE = "range"
    PAYLOAD = "payload"
    GCW = "gcw"


@dataclass(frozen=True)
class NumberRange:
    """Inclusive bounds in the field's unit; None is open on that side."""

    low: float | None = None
    high: float | None = None

    @property
    def is_open(self) -> bool:
        return self.low is None and self.high is None


@dataclass(frozen=True)
class CatalogQuery:
    """What the person asked for; every part narrows the result, empty parts mean "any"."""

    text: str = ""
    body_types: frozenset[str] = frozenset()
    powertrains: frozenset[str] = frozenset()
    drive_forms: frozenset[str] = frozenset()
    exhibitor_ids: frozenset[uuid.UUID] = frozenset()
    ranges: Mapping[str, NumberRange] = field(default_factory=dict)
    sort: CatalogSort = CatalogSort.CATALOG

    def selected(self, facet: str) -> frozenset[Any]:
        """The ticked values of a facet (``body_type``, ``powertrain``, ``drive_form``,
        ``exhibitor``)."""
        return {
            "body_type": self.body_types,
            "powertrain": self.powertrains,
            "drive_form": self.drive_forms,
            EXHIBITOR_FACET: self.exhibitor_ids,
        }[facet]

    def with_selected(self, facet: str, values: Iterable[Any]) -> CatalogQuery:
        names = {
            "body_type": "body_types",
            "powertrain": "powertrains",
            "drive_form": "drive_forms",
            EXHIBITOR_FACET: "exhibitor_ids",
        }
        return replace(self, **{names[facet]: frozenset(values)})

    def range_of(self, field_key: str) -> NumberRange:
        return self.ranges.get(field_key, NumberRange())

    def with_range(self, field_key: str, bounds: NumberRange) -> CatalogQuery:
        if field_key not in RANGE_FIELDS:
            raise ValueError(f"not a range filter: {field_key}")
        ranges = {k: v for k, v in self.ranges.items() if k != field_key}
        if not bounds.is_open:
            ranges[field_key] = bounds
        return replace(self, ranges=ranges)

    @property
    def has_filters(self) -> bool:
        """Anything besides the text and the sort narrows the result."""
        return any(
            (
                self.body_types,
                self.powertrains,
                self.drive_forms,
                self.exhibitor_ids,
                any(not r.is_open for r in self.ranges.values()),
            )
        )

    def cleared(self) -> CatalogQuery:
        """The same text and sort, every filter removed."""
        return CatalogQuery(text=self.text, sort=self.sort)


@dataclass(frozen=True)
class SearchCounts:
    """How many models the query finds, and the facet counts (see the module docstring)."""

    total: int
    facets: dict[str, dict[str, int]]
    exhibitors: dict[uuid.UUID, int]

    def count(self, facet: str, value: Any) -> int:
        if facet == EXHIBITOR_FACET:
            return self.exhibitors.get(value, 0)
        return self.facets.get(facet, {}).get(value, 0)


# -- text ------------------------------------------------------------------------------------


def query_words(text: str) -> list[str]:
    """The folded words of a query (``"貴州 ＧＺ"`` → ``["贵州", "gz"]``)."""
    return fold(text).split()


@cache
def _choice_keys() -> dict[str, tuple[tuple[str, str], ...]]:
    """Facet -> (value, folded key of its labels and value) for every choice."""
    return {
        facet: tuple((c.value, search_key(c.zh, c.en, c.value)) for c in choices)
        for facet, choices in FACETS.items()
    }


def choices_named_by(word: str) -> dict[str, list[str]]:
    """Facet values whose label contains ``word`` ("牵引" → tractor; "swap" → bev_swap)."""
    if len(word) < MIN_CHOICE_WORD:
        return {}
    found: dict[str, list[str]] = {}
    for facet, keys in _choice_keys().items():
        values = [value for value, key in keys if word in key]
        if values:
            found[facet] = values
    return found


def text_condition(source: FromClause, text: str) -> ColumnElement[bool] | None:
    """Every word found in the model's keys (see ``catalog_search_text.py``); None for no text.

    On the derived search table a word with Chinese characters matches the Chinese key; another
    word the Latin key or, read as pinyin, the syllable key. Reading ``truck_model`` directly
    (the fallback), every word matches ``search_key`` or names one of the model's choices.
    """
    words = query_words(text)
    if not words:
        return None
    derived = source is SEARCH_TABLE
    conditions = []
    for word in words:
        pattern = f"%{escape_like(word)}%"
        key = source.c.han_key if has_han(word) else source.c.latin_key
        options: list[ColumnElement[bool]] = [key.like(pattern, escape="\\")]
        if derived and not has_han(word):
            options += [source.c.pinyin_key.like(p) for p in pinyin_patterns(word)]
        elif not derived:
            for facet, values in choices_named_by(word).items():
                options.append(source.c[facet].in_(values))
        conditions.append(or_(*options))
    return and_(*conditions)


# -- conditions ------------------------------------------------------------------------------


def _facet_condition(source: FromClause, facet: str, values: frozenset[Any]) -> Any:
    column = source.c.exhibitor_id if facet == EXHIBITOR_FACET else source.c[facet]
    return column.in_(sorted(values, key=str))


def facet_conditions(
    source: FromClause, query: CatalogQuery, *, except_facets: Iterable[str] = ()
) -> list[Any]:
    """The ticks of ``query`` as conditions, leaving out those of ``except_facets``."""
    skip = set(except_facets)
    return [
        _facet_condition(source, facet, query.selected(facet))
        for facet in (*FACETS, EXHIBITOR_FACET)
        if query.selected(facet) and facet not in skip
    ]


def conditions(
    source: FromClause, query: CatalogQuery, *, except_facets: Iterable[str] = ()
) -> list[Any]:
    """The WHERE conditions of ``query``, leaving out the ticks of ``except_facets``."""
    where: list[Any] = []  # the source holds only models on show
    text = text_condition(source, query.text)
    if text is not None:
        where.append(text)
    where += facet_conditions(source, query, except_facets=except_facets)
    for key, bounds in query.ranges.items():
        column = source.c[key]
        if bounds.low is not None:
            where.append(column >= bounds.low)
        if bounds.high is not None:
            where.append(column <= bounds.high)
        if bounds.low is not None and bounds.high is not None and bounds.low > bounds.high:
            where.append(false())
    return where


# The figure each sort orders by, and whether larger comes first.
SORT_FIGURES: dict[CatalogSort, tuple[str, bool]] = {
    CatalogSort.PRICE_LOW: ("price_cny", False),
    CatalogSort.PRICE_HIGH: ("price_cny", True),
    CatalogSort.BATTERY: ("battery_kwh", True),
    CatalogSort.RANGE: ("range_km", True),
    CatalogSort.PAYLOAD: ("payload_kg", True),
    CatalogSort.GCW: ("gcw_t", True),
}


def order_by(source: FromClause, sort: CatalogSort) -> list[Any]:
    """ORDER BY for a sort; models without the figure go last; ties in catalog order."""
    c = source.c
    keys: list[Any] = []
    if sort in SORT_FIGURES:
        name, descending = SORT_FIGURES[sort]
        column = c[name]
        keys += [column.is_(None), column.desc() if descending else column.asc()]
    return [*keys, c.sort_order, c.name_zh, c.model_id]


def facet_counts(
    query: CatalogQuery,
    combinations: Iterable[tuple[str | None, str | None, str | None, int]],
    exhibitors: Iterable[tuple[uuid.UUID, int]],
) -> SearchCounts:
    """Facet counts and the total from the two grouped statements' rows."""
    facets = list(FACETS)
    rows = [(tuple(row[:3]), int(row[3])) for row in combinations]
    counts: dict[str, Counter[str]] = {facet: Counter() for facet in facets}
    total = 0
    for values, count in rows:
        passes = [
            not query.selected(facet) or values[i] in query.selected(facet)
            for i, facet in enumerate(facets)
        ]
        if all(passes):
            total += count
        for i, facet in enumerate(facets):
            others = all(p for j, p in enumerate(passes) if j != i)
            if others and values[i]:
                counts[facet][str(values[i])] += count
    return SearchCounts(
        total,
        {facet: dict(counter) for facet, counter in counts.items()},
        {exhibitor_id: int(count) for exhibitor_id, count in exhibitors},
    )
