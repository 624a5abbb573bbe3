"""Turn a value from a file into a spec value the registry accepts, or say why it is wrong.

Numbers may carry units that convert (t/kg, Wh/kWh, 万元/元); choices accept their stored value
or either label (``"tractor"``, ``"牵引车"``, ``"Tractor"``); yes/no accepts 是/否/true/false/1/0.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from catalog_app.domain.spec_fields import FieldKind, SpecField
from catalog_app.domain.text import Bilingual
from catalog_app.services.import_problems import (
    BAD_CHOICE,
    NEGATIVE,
    NOT_A_NUMBER,
    NOT_WHOLE,
    TOO_LONG,
    WRONG_UNIT,
)

MAX_TEXT = 500

# unit as written (lower-cased, folded) -> (canonical unit of the field, factor to multiply by)
UNIT_CONVERSIONS: dict[str, tuple[str, float]] = {
    "kg": ("kg", 1.0),
    "公斤": ("kg", 1.0),
    "千克": ("kg", 1.0),
    "t": ("t", 1.0),
    "吨": ("t", 1.0),
    "kwh": ("kWh", 1.0),
    "度": ("kWh", 1.0),
    "wh": ("kWh", 0.001),
    "cny": ("CNY", 1.0),
    "rmb": ("CNY", 1.0),
    "元": ("CNY", 1.0),
    "¥": ("CNY", 1.0),
    "万元": ("CNY", 10_000.0),
    "万": ("CNY", 10_000.0),
}
MASS_PAIRS = {("kg", "t"): 0.001, ("t", "kg"): 1000.0}

_TRUE = {"yes", "y", "true", "1", "是", "有", "√", "✓"}
_FALSE = {"no", "n", "false", "0", "否", "无", "×"}


@dataclass(frozen=True)
class BadValue:
    message: Bilingual
    params: dict[str, Any]


def fold(text: str) -> str:
    """Fold width (full-width → half-width), case and spaces, for matching names and labels."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def unit_factor(written: str, spec: SpecField) -> float | None:
    """The factor that converts a number in ``written`` units to the field's unit, or None."""
    key = fold(written)
    if key == fold(spec.unit):
        return 1.0
    known = UNIT_CONVERSIONS.get(key)
    if known is None:
        return None
    canonical, factor = known
    if canonical == spec.unit:
        return factor
    pair = MASS_PAIRS.get((canonical, spec.unit))
    return factor * pair if pair else None


def _parse_number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    text = unicodedata.normalize("NFKC", str(raw)).strip().replace(",", "").replace("，", "")
    try:
        return float(text)
    except ValueError:
        return None


def coerce(spec: SpecField, raw: Any, unit: str = "") -> float | str | None | BadValue:
    """The value for ``spec``; None for an empty cell; a BadValue explaining a bad one."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if spec.kind is FieldKind.NUMBER:
        number = _parse_number(raw)
        if number is None or math.isnan(number) or math.isinf(number):
            return BadValue(NOT_A_NUMBER, {"value": str(raw)})
        if unit:
            factor = unit_factor(unit, spec)
            if factor is None:
                return BadValue(WRONG_UNIT, {"unit": unit, "expected": spec.unit or "—"})
            number *= factor
        if spec.minimum is not None and number < spec.minimum:
            return BadValue(NEGATIVE, {"value": str(raw)})
        if spec.integer:
            if abs(number - round(number)) > 1e-6:
                return BadValue(NOT_WHOLE, {"value": str(raw)})
            number = float(round(number))
        return number
    text = unicodedata.normalize("NFC", str(raw)).strip()
    if isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    if spec.kind is FieldKind.CHOICE:
        return _choice(spec, text)
    if len(text) > MAX_TEXT:
        return BadValue(TOO_LONG, {"length": len(text), "limit": MAX_TEXT})
    return text


def _choice(spec: SpecField, text: str) -> str | BadValue:
    folded = fold(text)
    values = {c.value for c in spec.choices}
    if values == {"yes", "no"}:
        if folded in _TRUE:
            return "yes"
        if folded in _FALSE:
            return "no"
    for choice in spec.choices:
        if folded in (fold(choice.value), fold(choice.zh), fold(choice.en)):
            return choice.value
    allowed = ", ".join(c.value for c in spec.choices)
    return BadValue(BAD_CHOICE, {"value": text, "allowed": allowed})
