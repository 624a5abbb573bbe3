"""``catalog-app tco MODEL [--param value …] [--json]``: the TCO comparison on the command line.

MODEL is a model code or name; every input of the calculator is an option named after it
(``--diesel-price-cny-l 7.2``, ``--years 8``; see ``catalog-app tco --help``), starting from the
model's defaults. ``--inputs FILE`` starts from inputs saved as JSON instead (e.g. those kept with
a lead). The output is the inputs used, the yearly cash-flow table and the summary, or
``--json``: the same as one JSON document.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

from catalog_app.commands.support import EXIT_FAILED, EXIT_OK, Handler, language_of, target_of
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.tco import TcoResult, calculate_tco, tco_result_to_json
from catalog_app.services.tco_fields import (
    FIELDS_BY_KEY,
    TCO_FIELDS,
    TCO_GROUPS,
    TcoPowertrain,
    applies,
)
from catalog_app.services.tco_inputs import TcoInputError, TcoInputs, tco_inputs_from_json

TEXT = {
    "title": Bilingual(zh="全生命周期成本（TCO）：{name} 对比柴油车", en="TCO: {name} vs diesel"),
    "inputs": Bilingual(zh="输入", en="Inputs"),
    "notes": Bilingual(zh="说明", en="Notes"),
    "table": Bilingual(zh="逐年现金流（元）", en="Cash flow by year (CNY)"),
    "year": Bilingual(zh="年", en="Year"),
    "nev": Bilingual(zh="新能源", en="New-energy"),
    "diesel": Bilingual(zh="柴油", en="Diesel"),
    "nev_pv": Bilingual(zh="新能源现值", en="NEV present value"),
    "diesel_pv": Bilingual(zh="柴油现值", en="Diesel present value"),
    "nev_cum": Bilingual(zh="新能源累计", en="NEV cumulative"),
    "diesel_cum": Bilingual(zh="柴油累计", en="Diesel cumulative"),
    "savings": Bilingual(zh="累计节省", en="Cumulative savings"),
    "summary": Bilingual(zh="结果", en="Result"),
    "tco": Bilingual(zh="TCO（折现）", en="TCO (discounted)"),
    "per_km": Bilingual(zh="每公里", en="Per km"),
    "per_tkm": Bilingual(zh="每吨公里", en="Per tonne-km"),
    "energy_km": Bilingual(zh="每公里能源费", en="Energy per km"),
    "total_savings": Bilingual(zh="新能源车节省", en="Savings with the new-energy truck"),
    "break_even": Bilingual(zh="回本时间", en="Break-even"),
    "break_even_at": Bilingual(
        zh="约 {years} 年（第 {year} 年内）", en="after about {years} years (in year {year})"
    ),
    "break_even_now": Bilingual(zh="购车时即更省", en="from the day of purchase"),
    "break_even_none": Bilingual(zh="{n} 年内不回本", en="none within {n} years"),
    "co2": Bilingual(zh="减少二氧化碳排放", en="CO₂ avoided"),
    "co2_value": Bilingual(zh="{t} 吨（每年 {y} 吨）", en="{t} t ({y} t a year)"),
    "tariff": Bilingual(zh="综合电价（含服务费）", en="Weighted tariff incl. service fee"),
    "bad_inputs": Bilingual(zh="TCO 输入有误，请修改：", en="Some TCO inputs are not valid:"),
    "no_model": Bilingual(
        zh="请给出车型代码或名称，或用 --inputs 给出保存的输入文件。",
        en="Give a model code or name, or saved inputs with --inputs.",
    ),
}
MONEY_KEYS = ("nev", "diesel", "nev_pv", "diesel_pv", "nev_cum", "diesel_cum", "savings")


def register(commands: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    tco = commands.add_parser(
        "tco",
        parents=[common],
        help="total cost of ownership of a model against a diesel truck",
        description="Compare a model's total cost of ownership with a diesel truck's. Every "
        "input starts from the model's defaults and can be set with its option.",
    )
    tco.add_argument("model", nargs="?", default="", help="model code or name")
    tco.add_argument("--json", action="store_true", help="print the result as JSON")
    tco.add_argument("--inputs", type=Path, metavar="FILE", help="start from saved TCO inputs")
    tco.add_argument(
        "--powertrain", choices=[p.value for p in TcoPowertrain], help="the new-energy powertrain"
    )
    for group in TCO_GROUPS:
        options = tco.add_argument_group(group.en)
        for spec in (f for f in TCO_FIELDS if f.group == group.key):
            options.add_argument(
                spec.flag,
                dest=spec.key,
                type=float,
                metavar=spec.unit_en.upper().replace(" ", "").replace("/", "_") or "N",
                help=f"{spec.en} ({spec.unit_en}, {spec.minimum:g}–{spec.maximum:g})",
            )
    return {"tco": run_tco}


def _starting_inputs(args: argparse.Namespace, lang: str) -> tuple[TcoInputs, str, list[str]]:
    if args.inputs is not None:
        inputs = tco_inputs_from_json(args.inputs.read_text(encoding="utf-8"))
        return inputs, inputs.model_code or str(args.inputs), []
    if not args.model.strip():
        raise UserFacingError(TEXT["no_model"])
    from catalog_app.services.catalog import CatalogService
    from catalog_app.services.tco_defaults import find_model, load_model_defaults
    from catalog_app.store.database import open_database

    database = open_database(target_of(args))
    try:
        catalog = CatalogService(database)
        model = find_model(catalog, args.model, lang)
        defaults = load_model_defaults(catalog, model.id)
    finally:
        database.close()
    notes = [note.render(lang) for note in defaults.notes]
    return defaults.inputs, f"{defaults.name(lang)} ({model.code})", notes


def run_tco(args: argparse.Namespace) -> int:
    lang = language_of(args)
    inputs, name, notes = _starting_inputs(args, lang)
    changes: dict[str, float | str] = {
        spec.key: value for spec in TCO_FIELDS if (value := getattr(args, spec.key)) is not None
    }
    if args.powertrain:
        changes["powertrain"] = args.powertrain
    try:
        result = calculate_tco(inputs.with_values(**changes))
    except TcoInputError as exc:
        print(TEXT["bad_inputs"].render(lang), file=sys.stderr)
        for problem in exc.problems:
            spec = FIELDS_BY_KEY.get(problem.field)
            flag = f" ({spec.flag})" if spec else ""
            print(f"  • {problem.text(lang)}{flag}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        document = tco_result_to_json(result)
        document["model"] = name
        document["notes"] = notes
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(render_text(result, name, notes, lang))
    return EXIT_OK


# -- text output -------------------------------------------------------------------------------
def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = True) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def _money(value: float) -> str:
    return f"{value:,.0f}"


def _number(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def render_text(result: TcoResult, name: str, notes: list[str], lang: str) -> str:
    """The inputs used, the cash-flow table and the summary, as plain text."""
    inputs = result.inputs
    say = {key: text.render(lang) for key, text in TEXT.items() if "{" not in text.zh}
    lines = [TEXT["title"].render(lang, name=name), "", say["inputs"]]
    for group in TCO_GROUPS:
        fields = [f for f in TCO_FIELDS if f.group == group.key and applies(f, inputs.powertrain)]
        if not fields:
            continue
        lines.append(f"  {group.label(lang)}")
        label_width = max(_width(f.label(lang)) for f in fields) + 2
        for spec in fields:
            value = _number(inputs.value(spec.key), spec.decimals)
            lines.append(
                f"    {_pad(spec.label(lang), label_width, False)}{value} {spec.unit(lang)}"
            )
    if notes:
        lines += ["", say["notes"], *(f"  • {note}" for note in notes)]
    headers = [say["year"], *(say[key] for key in MONEY_KEYS)]
    table = [
        [
            str(row.year),
            *(
                _money(v)
                for v in (
                    row.ev.total,
                    row.diesel.total,
                    row.ev_discounted,
                    row.diesel_discounted,
                    row.ev_cumulative,
                    row.diesel_cumulative,
                    row.cumulative_savings,
                )
            ),
        ]
        for row in result.rows
    ]
    widths = [
        max(_width(cell) for cell in column) + 2 for column in zip(headers, *table, strict=True)
    ]
    lines += ["", say["table"]]
    for cells in (headers, *table):
        lines.append("".join(_pad(c, w) for c, w in zip(cells, widths, strict=True)))
    lines += ["", say["summary"]]
    summary = [
        (say["tco"], _money(result.ev.total), _money(result.diesel.total)),
        (say["per_km"], _opt(result.ev.per_km, 2), _opt(result.diesel.per_km, 2)),
        (say["per_tkm"], _opt(result.ev.per_tonne_km, 3), _opt(result.diesel.per_tonne_km, 3)),
        (
            say["energy_km"],
            _opt(result.ev.energy_cost_per_km, 2),
            _opt(result.diesel.energy_cost_per_km, 2),
        ),
    ]
    label_width = max(_width(row[0]) for row in summary) + 2
    lines.append(_pad("", label_width, False) + _pad(say["nev"], 16) + _pad(say["diesel"], 16))
    for label, ev, diesel in summary:
        lines.append(_pad(label, label_width, False) + _pad(ev, 16) + _pad(diesel, 16))
    lines.append("")
    lines.append(f"{say['total_savings']}: {_money(result.savings)}")
    lines.append(f"{say['break_even']}: {break_even_text(result, lang)}")
    years = max(result.inputs.whole_years, 1)
    tonnes = result.co2_avoided_kg / 1000.0
    co2 = TEXT["co2_value"].render(lang, t=_number(tonnes, 1), y=_number(tonnes / years, 1))
    lines.append(f"{say['co2']}: {co2}")
    if result.weighted_tariff_cny_kwh is not None:
        lines.append(f"{say['tariff']}: {_number(result.weighted_tariff_cny_kwh, 3)}")
    return "\n".join(lines)


def _opt(value: float | None, decimals: int) -> str:
    return "—" if value is None else f"{value:,.{decimals}f}"


def break_even_text(result: TcoResult, lang: str) -> str:
    if result.break_even_year is None:
        return TEXT["break_even_none"].render(lang, n=result.inputs.whole_years)
    if result.break_even_year == 0:
        return TEXT["break_even_now"].render(lang)
    return TEXT["break_even_at"].render(
        lang, year=result.break_even_year, years=_number(result.break_even_years or 0.0, 1)
    )
