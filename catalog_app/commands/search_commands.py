"""``catalog-app search QUERY [filters] [--json]``: the catalog search on the command line.

The same search as the catalog screen (``CatalogService.search``): QUERY is folded like the
search box (简/繁, pinyin, initials, case, width); ``--body``, ``--powertrain`` and ``--drive``
tick facet values (repeatable), ``--battery 200:400`` style options set ranges, ``--sort``
orders. Prints a table of the first ``--limit`` models with the total and the facet counts, or
with ``--json`` the same as one JSON document.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from typing import Any

from catalog_app.commands.support import EXIT_OK, Handler, language_of, say, target_of
from catalog_app.domain.spec_fields import FIELDS_BY_KEY
from catalog_app.domain.spec_format import format_price, format_value
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.catalog_search import (
    FACETS,
    CatalogQuery,
    CatalogSort,
    NumberRange,
)

RANGE_OPTIONS = {
    "battery": "battery_kwh",
    "range_km": "range_km",
    "payload": "payload_kg",
    "gcw": "gcw_t",
    "price": "price_cny",
}
TEXT = {
    "found": Bilingual(zh="找到 {total} 款车型", en="{total} model(s) found"),
    "shown": Bilingual(zh="（显示前 {shown} 款）", en=" (first {shown} shown)"),
    "none": Bilingual(zh="没有匹配的车型。", en="No model matches."),
    "facets": Bilingual(zh="分类计数", en="Counts by facet"),
    "bad_range": Bilingual(
        zh="范围“{text}”无法识别：请写成 最小:最大（如 200:400、200:、:400）。",
        en='The range "{text}" is not understood: write MIN:MAX (e.g. 200:400, 200:, :400).',
    ),
    "columns": Bilingual(
        zh="代码|车型|参展商|类别|动力|电量|续航|指导价",
        en="Code|Model|Exhibitor|Body|Powertrain|Battery|Range|Price",
    ),
}
FACET_TITLES = {
    "body_type": Bilingual(zh="车型类别", en="Body type"),
    "powertrain": Bilingual(zh="动力形式", en="Powertrain"),
    "drive_form": Bilingual(zh="驱动形式", en="Drive form"),
}


def register(commands: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    search = commands.add_parser(
        "search",
        parents=[common],
        help="search the catalog as the search box does",
        description="Search the catalog: names, makers, exhibitors, announcement numbers and "
        "spec text, in Chinese characters (简/繁), pinyin or initials.",
    )
    search.add_argument("query", nargs="?", default="", help="what to look for (may be empty)")
    search.add_argument("--json", action="store_true", help="print the result as JSON")
    search.add_argument(
        "--body", action="append", default=[], choices=[c.value for c in FACETS["body_type"]]
    )
    search.add_argument(
        "--powertrain",
        action="append",
        default=[],
        choices=[c.value for c in FACETS["powertrain"]],
    )
    search.add_argument(
        "--drive", action="append", default=[], choices=[c.value for c in FACETS["drive_form"]]
    )
    for option, key in RANGE_OPTIONS.items():
        spec = FIELDS_BY_KEY[key]
        search.add_argument(
            f"--{option.replace('_', '-')}",
            dest=f"range_{option}",
            metavar="MIN:MAX",
            help=f"{spec.en} in {spec.unit}, e.g. 200:400, 200: or :400",
        )
    search.add_argument("--sort", choices=[s.value for s in CatalogSort], default="catalog")
    search.add_argument("--limit", type=int, default=20, help="models to list (default 20)")
    return {"search": run_search}


def parse_range(text: str) -> NumberRange:
    """``"200:400"`` → NumberRange(200, 400); either side may be empty."""
    low, colon, high = text.partition(":")
    try:
        if not colon:
            raise ValueError(text)
        return NumberRange(
            float(low) if low.strip() else None, float(high) if high.strip() else None
        )
    except ValueError:
        raise UserFacingError(TEXT["bad_range"], text=text) from None


def query_from(args: argparse.Namespace) -> CatalogQuery:
    query = CatalogQuery(
        text=args.query,
        body_types=frozenset(args.body),
        powertrains=frozenset(args.powertrain),
        drive_forms=frozenset(args.drive),
        sort=CatalogSort(args.sort),
    )
    for option, key in RANGE_OPTIONS.items():
        text = getattr(args, f"range_{option}", None)
        if text:
            query = query.with_range(key, parse_range(text))
    return query


def run_search(args: argparse.Namespace) -> int:
    from catalog_app.services.catalog import CatalogService
    from catalog_app.store.database import open_database

    lang = language_of(args)
    query = query_from(args)
    database = open_database(target_of(args), backup_on_open=False)
    try:
        result = CatalogService(database).search(query, max(0, args.limit))
    finally:
        database.close()
    if args.json:
        print(json.dumps(result_to_json(result, query), ensure_ascii=False, indent=2))
        return EXIT_OK
    print_table(result, lang)
    return EXIT_OK


def result_to_json(result: Any, query: CatalogQuery) -> dict[str, Any]:
    return {
        "query": {
            "text": query.text,
            "body_types": sorted(query.body_types),
            "powertrains": sorted(query.powertrains),
            "drive_forms": sorted(query.drive_forms),
            "ranges": {k: [r.low, r.high] for k, r in query.ranges.items()},
            "sort": query.sort.value,
        },
        "total": result.total,
        "facets": result.counts.facets,
        "exhibitors": {str(k): v for k, v in result.counts.exhibitors.items()},
        "models": [
            {
                "id": str(m.id),
                "code": m.code,
                "name_zh": m.name_zh,
                "name_en": m.name_en,
                "exhibitor_zh": m.exhibitor_zh,
                "exhibitor_en": m.exhibitor_en,
                "announcement_no": m.announcement_no,
                "body_type": m.body_type,
                "powertrain": m.powertrain,
                "drive_form": m.drive_form,
                "battery_kwh": m.battery_kwh,
                "range_km": m.range_km,
                "payload_kg": m.payload_kg,
                "gcw_t": m.gcw_t,
                "price_cny": m.price_cny,
            }
            for m in result.models
        ],
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def print_table(result: Any, lang: str) -> None:
    if not result.total:
        say(TEXT["none"], lang)
        return
    header = TEXT["found"].render(lang, total=result.total)
    if len(result.models) < result.total:
        header += TEXT["shown"].render(lang, shown=len(result.models))
    print(header)
    rows = [TEXT["columns"].render(lang).split("|")]
    for m in result.models:
        rows.append(
            [
                m.code,
                m.name(lang),
                m.exhibitor(lang),
                FIELDS_BY_KEY["body_type"].choice_label(m.body_type, lang),
                FIELDS_BY_KEY["powertrain"].choice_label(m.powertrain, lang),
                format_value(FIELDS_BY_KEY["battery_kwh"], m.battery_kwh, lang),
                format_value(FIELDS_BY_KEY["range_km"], m.range_km, lang),
                format_price(m.price_cny, lang),
            ]
        )
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
    print()
    print(TEXT["facets"].render(lang) + ":")
    for facet, title in FACET_TITLES.items():
        counts = result.counts.facets.get(facet, {})
        spec = FIELDS_BY_KEY[facet]
        parts = [f"{spec.choice_label(value, lang)} {n}" for value, n in sorted(counts.items())]
        print(f"  {title.render(lang)}: {', '.join(parts) or '—'}")
