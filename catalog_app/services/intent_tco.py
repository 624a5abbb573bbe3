"""The TCO page of an intent form: which lines carry one, their inputs, and the printed tables.

``IntentForm.tco_inputs`` holds ``{"format": "catalog-app/intent-tco", "version": 1, "items":
[{"model_id": ..., "model_code": ..., "inputs": <tco inputs JSON>}]}`` — one item per chosen
line's model, each with the inputs of the TCO calculator (``services/tco_inputs.py``). The
results are computed again when the form is printed (``calculate_tco`` is pure), so the page
always matches the inputs printed beside them. A lead's own TCO inputs (the buyer's figures
from the TCO screen) are used for the model they were made for; other models start from the
model's defaults (``tco_defaults``).
"""

from __future__ import annotations

import uuid
from typing import Any

from catalog_app.documents.intent_document import TcoPage, TcoTable, typed
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.catalog import CatalogService
from catalog_app.services.tco import TcoResult, calculate_tco
from catalog_app.services.tco_defaults import load_model_defaults
from catalog_app.services.tco_fields import TCO_FIELDS, TCO_GROUPS, applies
from catalog_app.services.tco_inputs import (
    JSON_FORMAT as TCO_JSON_FORMAT,
)
from catalog_app.services.tco_inputs import (
    TcoInputs,
    tco_inputs_from_json,
    tco_inputs_to_json,
)
from catalog_app.store.database import Database

INTENT_TCO_FORMAT = "catalog-app/intent-tco"
INTENT_TCO_VERSION = 1
MAX_TCO_MODELS = 4

TITLE = Bilingual(zh="附页：全生命周期成本（TCO）测算", en="Annex: total cost of ownership (TCO)")
INTRO = Bilingual(
    zh="按下列输入测算新能源车与柴油车的全生命周期成本（折现），仅供参考，不构成任何承诺。",
    en="Total cost of ownership of the new-energy truck against a diesel truck (discounted), "
    "computed from the inputs below; for information only, not a commitment.",
)
RESULTS = Bilingual(zh="{model} — 测算结果", en="{model} — results")
YEARS = Bilingual(zh="{model} — 逐年现金流（折现后，元）", en="{model} — cash flow by year (CNY)")
INPUTS = Bilingual(zh="{model} — 测算输入", en="{model} — inputs")
COL_ITEM = Bilingual(zh="项目", en="Item")
COL_NEV = Bilingual(zh="新能源车", en="New-energy")
COL_DIESEL = Bilingual(zh="柴油车", en="Diesel")
COL_VALUE = Bilingual(zh="数值", en="Value")
COL_YEAR = Bilingual(zh="年份", en="Year")
COL_NEV_CUM = Bilingual(zh="新能源车累计", en="New-energy, cumulative")
COL_DIESEL_CUM = Bilingual(zh="柴油车累计", en="Diesel, cumulative")
ROW_TCO = Bilingual(zh="全生命周期成本（折现）", en="TCO (discounted)")
ROW_PER_KM = Bilingual(zh="每公里成本", en="Cost per km")
ROW_PER_TKM = Bilingual(zh="每吨公里成本", en="Cost per tonne-km")
ROW_ENERGY = Bilingual(zh="每公里能源费用", en="Energy cost per km")
ROW_CO2 = Bilingual(zh="二氧化碳排放", en="CO₂ emitted")
ROW_SAVINGS = Bilingual(zh="节省（柴油车 − 新能源车）", en="Savings (diesel − new-energy)")
ROW_BREAK_EVEN = Bilingual(zh="成本持平年份", en="Break-even year")
NOT_WITHIN = Bilingual(zh="测算期内未持平", en="not within the years looked at")
YEAR_N = Bilingual(zh="第 {year} 年", en="Year {year}")
PURCHASE_YEAR = Bilingual(zh="购车时", en="Purchase")
BAD_TCO = Bilingual(
    zh="意向书中保存的 TCO 输入无法读取：{reason}",
    en="The TCO inputs of this form cannot be read: {reason}",
)


class StoredTcoError(UserFacingError):
    """A form's stored TCO inputs cannot be read; the reason in the same language."""

    def __init__(self, cause: UserFacingError) -> None:
        super().__init__(BAD_TCO, reason=cause.text("en"))
        self.cause = cause

    def text(self, lang: str) -> str:
        return BAD_TCO.render(lang, reason=self.cause.text(lang))


def tco_items(data: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The items of a form's TCO data (a lead's single inputs count as one item)."""
    if not data:
        return []
    if data.get("format") == TCO_JSON_FORMAT:
        return [{"model_id": None, "model_code": data.get("model_code", ""), "inputs": data}]
    if data.get("format") != INTENT_TCO_FORMAT:
        return []
    items = data.get("items")
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def tco_model_ids(data: dict[str, Any] | None) -> set[uuid.UUID]:
    found = set()
    for item in tco_items(data):
        try:
            found.add(uuid.UUID(str(item.get("model_id"))))
        except ValueError:
            continue
    return found


def tco_for_models(
    database: Database, model_ids: list[uuid.UUID], existing: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """TCO data for the chosen models: inputs kept from ``existing`` (by model id, or by model
    code for a lead's single inputs), the model's defaults otherwise. None when none chosen."""
    chosen = list(dict.fromkeys(model_ids))[:MAX_TCO_MODELS]
    if not chosen:
        return None
    catalog = CatalogService(database)
    known = tco_items(existing)
    items = []
    for model_id in chosen:
        defaults = load_model_defaults(catalog, model_id)
        kept = next(
            (
                item
                for item in known
                if str(item.get("model_id")) == str(model_id)
                or (
                    item.get("model_id") is None
                    and item.get("model_code") == defaults.inputs.model_code
                )
            ),
            None,
        )
        inputs = kept["inputs"] if kept else tco_inputs_to_json(defaults.inputs)
        items.append(
            {
                "model_id": str(model_id),
                "model_code": defaults.inputs.model_code,
                "name_zh": defaults.name_zh,
                "name_en": defaults.name_en,
                "inputs": inputs,
            }
        )
    return {"format": INTENT_TCO_FORMAT, "version": INTENT_TCO_VERSION, "items": items}


def _fill(text: Bilingual, **params: object) -> Bilingual:
    return Bilingual(zh=text.zh.format(**params), en=text.en.format(**params))


def _titled(text: Bilingual, model: Bilingual) -> Bilingual:
    return Bilingual(zh=text.zh.format(model=model.zh), en=text.en.format(model=model.en))


def _money(value: float | None) -> Bilingual:
    if value is None:
        return typed("—")
    return typed(f"-¥{-value:,.0f}" if value < -0.5 else f"¥{abs(value):,.0f}")


def _per(value: float | None, unit_zh: str, unit_en: str, decimals: int = 2) -> Bilingual:
    if value is None:
        return typed("—")
    return Bilingual(zh=f"{value:,.{decimals}f} {unit_zh}", en=f"{value:,.{decimals}f} {unit_en}")


def _results(result: TcoResult, model: Bilingual) -> TcoTable:
    ev, diesel = result.ev, result.diesel
    break_even = (
        NOT_WITHIN if result.break_even_year is None else _fill(YEAR_N, year=result.break_even_year)
    )
    rows = (
        (ROW_TCO, _money(ev.total), _money(diesel.total)),
        (ROW_PER_KM, _per(ev.per_km, "元/km", "CNY/km"), _per(diesel.per_km, "元/km", "CNY/km")),
        (
            ROW_PER_TKM,
            _per(ev.per_tonne_km, "元/吨公里", "CNY/t·km", 3),
            _per(diesel.per_tonne_km, "元/吨公里", "CNY/t·km", 3),
        ),
        (
            ROW_ENERGY,
            _per(ev.energy_cost_per_km, "元/km", "CNY/km"),
            _per(diesel.energy_cost_per_km, "元/km", "CNY/km"),
        ),
        (ROW_CO2, _per(ev.co2_kg / 1000, "吨", "t", 1), _per(diesel.co2_kg / 1000, "吨", "t", 1)),
        (ROW_SAVINGS, _money(result.savings), typed("")),
        (ROW_BREAK_EVEN, break_even, typed("")),
    )
    return TcoTable(_titled(RESULTS, model), (COL_ITEM, COL_NEV, COL_DIESEL), rows)


def _years(result: TcoResult, model: Bilingual) -> TcoTable:
    rows = []
    for row in result.rows:
        year = PURCHASE_YEAR if row.year == 0 else _fill(YEAR_N, year=row.year)
        rows.append(
            (
                year,
                _money(row.ev_discounted),
                _money(row.diesel_discounted),
                _money(row.ev_cumulative),
                _money(row.diesel_cumulative),
            )
        )
    columns = (COL_YEAR, COL_NEV, COL_DIESEL, COL_NEV_CUM, COL_DIESEL_CUM)
    return TcoTable(_titled(YEARS, model), columns, tuple(rows))


def _number(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _inputs(inputs: TcoInputs, model: Bilingual) -> TcoTable:
    rows = []
    for group in TCO_GROUPS:
        fields = [f for f in TCO_FIELDS if f.group == group.key and applies(f, inputs.powertrain)]
        for field in fields:
            value = _number(inputs.value(field.key), max(field.decimals, 0) or 0)
            label = Bilingual(zh=f"{group.zh} · {field.zh}", en=f"{group.en} · {field.en}")
            shown_value = Bilingual(zh=f"{value} {field.unit_zh}", en=f"{value} {field.unit_en}")
            rows.append((label, shown_value))
    return TcoTable(_titled(INPUTS, model), (COL_ITEM, COL_VALUE), tuple(rows))


def tco_page(data: dict[str, Any] | None, names: dict[str, Bilingual]) -> TcoPage | None:
    """The printed TCO page of a form's TCO data; ``names`` maps model ids to line names.

    Raises ``UserFacingError`` when stored inputs cannot be read (out of range after an
    update of the calculator, or damaged): the form is not printed with a wrong page."""
    tables: list[TcoTable] = []
    for item in tco_items(data):
        try:
            inputs = tco_inputs_from_json(item.get("inputs") or {})
        except UserFacingError as exc:
            raise StoredTcoError(exc) from exc
        model = names.get(str(item.get("model_id"))) or Bilingual(
            zh=str(item.get("name_zh") or item.get("model_code") or ""),
            en=str(item.get("name_en") or item.get("name_zh") or item.get("model_code") or ""),
        )
        result = calculate_tco(inputs)
        tables += [_results(result, model), _years(result, model), _inputs(inputs, model)]
    if not tables:
        return None
    return TcoPage(TITLE, INTRO, tuple(tables))
