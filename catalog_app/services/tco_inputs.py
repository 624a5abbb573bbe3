"""What the TCO calculator works from (``TcoInputs``), its checks, and its JSON form.

``TcoInputs`` is plain, immutable data: every number a buyer can change, with defaults for a
6×4 plug-in battery-electric tractor against a diesel tractor (``tco_defaults.py`` adapts them
to a model). ``validate_tco_inputs`` returns the problems by field, each in Chinese and English,
so a form shows them beside the field. ``tco_inputs_to_json`` / ``tco_inputs_from_json`` turn
the inputs into the dict kept in ``Lead.tco_inputs`` (a JSON column) and back.

Where the defaults come from (DOMAIN.md unless said otherwise): diesel 40 L/100 km at
7.5 CNY/L; tariff shares 30/40/30 % peak/flat/valley at 0.992/0.62/0.248 CNY/kWh (a flat
price with the common 1.6× and 0.4× ratios) plus a 0.45 CNY/kWh service fee, i.e. about
1.07 CNY/kWh all-in (DOMAIN.md: ~1.0–1.3); 15 % NEV toll discount (Zunyi 2024); grid
0.5703 kg CO₂/kWh (China's national average used for 2023–2025 company reporting); diesel
2.6 kg CO₂/L; NEV trucks exempt from purchase tax, diesel 10 % of the price before VAT.
Maintenance, insurance, residual values and the diesel truck's price are typical figures for
the class, to be replaced by the buyer's own.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field
from typing import Any

from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.tco_fields import (
    FIELDS_BY_KEY,
    SHARE_KEYS,
    TCO_FIELDS,
    TcoPowertrain,
    applies,
)

JSON_FORMAT = "catalog-app/tco-inputs"
JSON_VERSION = 1
SHARE_TOLERANCE = 0.05  # percentage points; 33.3 + 33.3 + 33.4 is fine
WHOLE_NUMBER_KEYS = ("years", "loan_years")


@dataclass(frozen=True)
class TcoInputs:
    """Every input of one TCO comparison (money in CNY, shares and rates in %)."""

    powertrain: str = TcoPowertrain.BEV_CHARGE.value
    model_code: str = ""
    # the new-energy truck
    ev_price_cny: float = 700_000.0
    ev_subsidy_cny: float = 0.0
    ev_purchase_tax_pct: float = 0.0
    battery_rent_cny_month: float = 0.0
    ev_payload_kg: float = 30_000.0
    # electricity
    ev_kwh_100km: float = 130.0
    peak_share_pct: float = 30.0
    flat_share_pct: float = 40.0
    valley_share_pct: float = 30.0
    peak_price_cny_kwh: float = 0.992
    flat_price_cny_kwh: float = 0.62
    valley_price_cny_kwh: float = 0.248
    service_fee_cny_kwh: float = 0.45
    # hydrogen (fuel-cell trucks)
    h2_kg_100km: float = 10.0
    h2_price_cny_kg: float = 35.0
    h2_co2_kg_per_kg: float = 11.0
    # range extender
    erev_electric_share_pct: float = 60.0
    erev_diesel_l_100km: float = 35.0
    # the diesel truck
    diesel_truck_price_cny: float = 350_000.0
    diesel_purchase_tax_pct: float = 8.85
    diesel_l_100km: float = 40.0
    diesel_price_cny_l: float = 7.5
    diesel_payload_kg: float = 32_000.0
    # use
    annual_km: float = 100_000.0
    years: float = 5.0
    load_factor_pct: float = 50.0
    toll_cny_km: float = 0.8
    nev_toll_discount_pct: float = 15.0
    # running costs
    ev_maintenance_cny_km: float = 0.12
    diesel_maintenance_cny_km: float = 0.22
    ev_insurance_cny_year: float = 18_000.0
    diesel_insurance_cny_year: float = 15_000.0
    # residual value and money
    ev_residual_pct: float = 15.0
    diesel_residual_pct: float = 25.0
    discount_rate_pct: float = 6.0
    loan_share_pct: float = 0.0
    loan_rate_pct: float = 4.5
    loan_years: float = 3.0
    # CO2
    grid_co2_kg_kwh: float = 0.5703
    diesel_co2_kg_l: float = 2.6

    def value(self, key: str) -> float:
        return float(getattr(self, key))

    def with_values(self, **values: float | str) -> TcoInputs:
        """A copy with some fields changed (numbers given as int/float)."""
        cleaned: dict[str, Any] = {}
        for key, value in values.items():
            if key in FIELDS_BY_KEY:
                cleaned[key] = float(value)
            elif key in ("powertrain", "model_code"):
                cleaned[key] = str(value)
            else:
                raise KeyError(key)
        return dataclasses.replace(self, **cleaned)

    def numbers(self) -> dict[str, float]:
        return {f.key: self.value(f.key) for f in TCO_FIELDS}

    @property
    def whole_years(self) -> int:
        return int(self.years)


MESSAGES = {
    "not_a_number": Bilingual(zh="{label}：请输入数字。", en="{label}: enter a number."),
    "range": Bilingual(
        zh="{label}应在 {low} 到 {high} {unit} 之间。",
        en="{label} must be from {low} to {high} {unit}.",
    ),
    "whole": Bilingual(zh="{label}应为整数。", en="{label} must be a whole number."),
    "shares": Bilingual(
        zh="峰、平、谷充电比例之和应为 100%（现为 {total}%）。",
        en="Peak, flat and valley shares must add up to 100 % (now {total} %).",
    ),
    "powertrain": Bilingual(
        zh="未知的动力形式：{value}（可用：纯电充电、纯电换电、氢燃料、增程）。",
        en="Unknown powertrain: {value} (use bev_charge, bev_swap, fcev or erev).",
    ),
    "loan_years": Bilingual(
        zh="有贷款时贷款年限至少为 1 年。", en="With a loan, the loan term is at least 1 year."
    ),
}
BAD_INPUTS = Bilingual(
    zh="TCO 输入有误，请修改：\n{lines}", en="Some TCO inputs are not valid; please fix:\n{lines}"
)
BAD_JSON = Bilingual(
    zh="保存的 TCO 输入无法读取：{reason}", en="The saved TCO inputs cannot be read: {reason}"
)


@dataclass(frozen=True)
class TcoProblem:
    field: str
    message: Bilingual
    params: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        params = dict(self.params)
        spec = FIELDS_BY_KEY.get(self.field)
        if spec is not None:
            params.setdefault("label", spec.label(lang))
            params.setdefault("unit", spec.unit(lang))
        return self.message.render(lang, **params)


class TcoInputError(UserFacingError):
    """The inputs have problems (``problems``, by field); nothing was calculated."""

    def __init__(self, problems: list[TcoProblem]) -> None:
        self.problems = problems
        super().__init__(BAD_INPUTS, lines="")

    def text(self, lang: str) -> str:
        lines = "\n".join(f"  • {p.text(lang)}" for p in self.problems)
        return BAD_INPUTS.render(lang, lines=lines)

    def by_field(self, lang: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for problem in self.problems:
            found.setdefault(problem.field, problem.text(lang))
        return found


# (key, minimum, maximum, must be whole) of every field, for a quick check on each keystroke.
_RANGES = tuple((f.key, f.minimum, f.maximum, f.key in WHOLE_NUMBER_KEYS) for f in TCO_FIELDS)


def _plain(number: float) -> str:
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,}"


def validate_tco_inputs(inputs: TcoInputs) -> list[TcoProblem]:
    """Everything wrong with ``inputs``; an empty list means they can be calculated."""
    problems: list[TcoProblem] = []
    try:
        TcoPowertrain(inputs.powertrain)
    except ValueError:
        problems.append(
            TcoProblem("powertrain", MESSAGES["powertrain"], {"value": inputs.powertrain})
        )
    values = vars(inputs)
    for key, low, high, whole in _RANGES:
        raw = values[key]
        kind = type(raw)  # bool is not a number here; NaN fails the range test below
        if kind is not float and kind is not int:
            problems.append(TcoProblem(key, MESSAGES["not_a_number"]))
        elif not low <= raw <= high:
            if raw != raw or kind is float and math.isinf(raw):
                problems.append(TcoProblem(key, MESSAGES["not_a_number"]))
            else:
                bounds = {"low": _plain(low), "high": _plain(high)}
                problems.append(TcoProblem(key, MESSAGES["range"], bounds))
        elif whole and not float(raw).is_integer():
            problems.append(TcoProblem(key, MESSAGES["whole"]))
    uses_grid = applies(FIELDS_BY_KEY["peak_share_pct"], inputs.powertrain)
    shares = [getattr(inputs, key) for key in SHARE_KEYS]
    # Added up only when each share is a number in range (an int too large for a float would
    # make the sum raise OverflowError).
    out_of_range = any(problem.field in SHARE_KEYS for problem in problems)
    if uses_grid and not out_of_range:
        total = sum(shares)
        if abs(total - 100.0) > SHARE_TOLERANCE:
            params = {"total": _plain(round(total, 2))}
            problems.append(TcoProblem("valley_share_pct", MESSAGES["shares"], params))
    loan_share, loan_years = inputs.loan_share_pct, inputs.loan_years
    if (
        isinstance(loan_share, int | float)
        and isinstance(loan_years, int | float)
        and loan_share > 0
        and loan_years < 1
    ):
        problems.append(TcoProblem("loan_years", MESSAGES["loan_years"]))
    return problems


def check_tco_inputs(inputs: TcoInputs) -> None:
    """Raise ``TcoInputError`` when ``inputs`` cannot be calculated."""
    problems = validate_tco_inputs(inputs)
    if problems:
        raise TcoInputError(problems)


# -- JSON ----------------------------------------------------------------------------------------
def tco_inputs_to_json(inputs: TcoInputs) -> dict[str, Any]:
    """A JSON-ready dict (for ``Lead.tco_inputs`` or a file): format, version, every input."""
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "powertrain": inputs.powertrain,
        "model_code": inputs.model_code,
        "values": inputs.numbers(),
    }


def tco_inputs_from_json(data: dict[str, Any] | str) -> TcoInputs:
    """The inputs saved by ``tco_inputs_to_json`` (a dict, or its JSON text).

    Inputs missing from the data (saved by an older version) take the generic defaults; keys
    this version does not know are ignored. Raises ``UserFacingError`` for data that is not
    TCO inputs at all, and ``TcoInputError`` for values out of range.
    """
    try:
        loaded = json.loads(data) if isinstance(data, str) else data
    except ValueError as exc:
        raise UserFacingError(BAD_JSON, reason=str(exc)) from exc
    if not isinstance(loaded, dict) or loaded.get("format") != JSON_FORMAT:
        raise UserFacingError(BAD_JSON, reason="format")
    version = loaded.get("version")
    if not isinstance(version, int) or version > JSON_VERSION:
        raise UserFacingError(BAD_JSON, reason=f"version {version!r}")
    values = loaded.get("values")
    if not isinstance(values, dict):
        raise UserFacingError(BAD_JSON, reason="values")
    changes: dict[str, Any] = {}
    problems: list[TcoProblem] = []
    for key, value in values.items():
        if key not in FIELDS_BY_KEY:
            continue
        try:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(key)
            changes[key] = float(value)
        except (TypeError, OverflowError):  # not a number, or an int too large for a float
            problems.append(TcoProblem(key, MESSAGES["not_a_number"]))
    inputs = dataclasses.replace(
        TcoInputs(),
        powertrain=str(loaded.get("powertrain") or TcoPowertrain.BEV_CHARGE.value),
        model_code=str(loaded.get("model_code") or ""),
        **changes,
    )
    problems.extend(validate_tco_inputs(inputs))
    if problems:
        raise TcoInputError(problems)
    return inputs
