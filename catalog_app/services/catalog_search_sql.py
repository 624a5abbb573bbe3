"""The SQL of a catalog search, built with SQLAlchemy Core over a search source.

``search_statement`` answers a keystroke in one statement and one scan: the models matching
the text and ranges are gathered once (a materialised CTE, ``hits``), then grouped for the
facet counts and sorted for the first page, all in one ``UNION ALL``. The other statements
serve paging, the whole id list, and the overview of what the filters can offer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, Uuid, cast, func, literal, null, select, union_all
from sqlalchemy.sql import CompoundSelect, FromClause

from catalog_app.services.catalog_search import (
    EXHIBITOR_FACET,
    FACETS,
    RANGE_FIELDS,
    SORT_FIGURES,
    CatalogQuery,
    CatalogSort,
    conditions,
    facet_conditions,
    order_by,
)

ALL_FACETS = (*FACETS, EXHIBITOR_FACET)
KIND_COMBINATION = "c"
KIND_EXHIBITOR = "e"
KIND_PAGE = "p"


def page_statement(source: FromClause, query: CatalogQuery, offset: int, limit: int) -> Select:  # type: ignore[type-arg]
    """The ids of one page of the result, in the query's order."""
    return (
        select(source.c.model_id)
        .where(*conditions(source, query))
        .order_by(*order_by(source, query.sort))
        .offset(max(0, offset))
        .limit(max(0, limit))
    )


def ids_statement(source: FromClause, query: CatalogQuery) -> Select:  # type: ignore[type-arg]
    """Every id of the result, in the query's order."""
    return (
        select(source.c.model_id)
        .where(*conditions(source, query))
        .order_by(*order_by(source, query.sort))
    )


def contains_statement(source: FromClause, query: CatalogQuery, model_id: Any) -> Select:  # type: ignore[type-arg]
    """One row if the result of ``query`` holds this model, none otherwise."""
    return (
        select(literal(1))
        .select_from(source)
        .where(source.c.model_id == model_id, *conditions(source, query))
        .limit(1)
    )


def _no_id(name: str) -> Any:
    return cast(null(), Uuid()).label(name)  # typed: PostgreSQL unions need matching types


def kept_columns(columns: Any, sort: CatalogSort) -> list[Any]:
    """What a search keeps of each match: ids, facets, what it is sorted by."""
    figure = [columns[SORT_FIGURES[sort][0]]] if sort in SORT_FIGURES else []
    return [
        columns.model_id,
        columns.exhibitor_id,
        *(columns[facet] for facet in FACETS),
        *figure,
        columns.sort_order,
        columns.name_zh,
    ]


def search_statement(source: FromClause, query: CatalogQuery, limit: int) -> CompoundSelect:
    """Rows ``(kind, body_type, powertrain, drive_form, exhibitor_id, model_id, n)``:

    - kind "c": a count ``n`` per (body type, powertrain, drive form), exhibitor ticks applied;
    - kind "e": a count ``n`` per exhibitor, the other facets' ticks applied;
    - kind "p": the first ``limit`` models of the result, ``n`` their position.
    """
    kept = kept_columns(source.c, query.sort)
    # With text or ranges, gather the matches once (one scan of the table); with ticks only,
    # each part reads the table's indexes on its own.
    scan = bool(query.text.strip()) or any(not r.is_open for r in query.ranges.values())
    gather = "MATERIALIZED" if scan else "NOT MATERIALIZED"
    hits = (
        select(*kept)
        .where(*conditions(source, query, except_facets=ALL_FACETS))
        .cte("hits")
        .prefix_with(gather)
    )
    h = hits.c
    facet_columns = [h[facet] for facet in FACETS]
    combinations = (
        select(
            literal(KIND_COMBINATION).label("kind"),
            *facet_columns,
            _no_id("exhibitor_id"),
            _no_id("model_id"),
            func.count().label("n"),
        )
        .where(*facet_conditions(hits, query, except_facets=FACETS))
        .group_by(*facet_columns)
    )
    exhibitors = (
        select(
            literal(KIND_EXHIBITOR),
            *(null() for _ in FACETS),
            h.exhibitor_id,
            _no_id("model_id"),
            func.count(),
        )
        .where(*facet_conditions(hits, query, except_facets=(EXHIBITOR_FACET,)))
        .group_by(h.exhibitor_id)
    )
    parts = [combinations, exhibitors]
    if limit > 0:
        first = (
            select(*kept_columns(h, query.sort))
            .where(*facet_conditions(hits, query))
            .order_by(*order_by(hits, query.sort))
            .limit(limit)
            .subquery("first")
        )  # the first rows, then numbered: numbering every hit would sort them all
        page = select(
            first.c.model_id,
            func.row_number().over(order_by=order_by(first, query.sort)).label("position"),
        ).subquery("page")
        parts.append(
            select(
                literal(KIND_PAGE),
                *(null() for _ in FACETS),
                _no_id("exhibitor_id"),
                page.c.model_id,
                page.c.position,
            )
        )
    return union_all(*parts)


def combination_statement(source: FromClause, query: CatalogQuery) -> Select:  # type: ignore[type-arg]
    """Counts per (body type, powertrain, drive form), with every filter but those three."""
    columns = [source.c[facet] for facet in FACETS]
    return (
        select(*columns, func.count())
        .where(*conditions(source, query, except_facets=FACETS))
        .group_by(*columns)
    )


def exhibitor_statement(source: FromClause, query: CatalogQuery) -> Select:  # type: ignore[type-arg]
    """Counts per exhibitor, with every filter but the exhibitor ticks."""
    return (
        select(source.c.exhibitor_id, func.count())
        .where(*conditions(source, query, except_facets=(EXHIBITOR_FACET,)))
        .group_by(source.c.exhibitor_id)
    )


def bounds_statement(source: FromClause) -> Select:  # type: ignore[type-arg]
    """Smallest and largest value of each range field among the models on show."""
    columns = []
    for key in RANGE_FIELDS:
        columns += [func.min(source.c[key]), func.max(source.c[key])]
    return select(*columns).where(*conditions(source, CatalogQuery()))
