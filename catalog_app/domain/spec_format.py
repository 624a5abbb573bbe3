"""Format spec values for people: numbers with grouping and units, choices by their label."""

from __future__ import annotations

from catalog_app.domain.spec_fields import FieldKind, SpecField


def format_number(value: float, *, integer: bool = False) -> str:
    if integer or float(value).is_integer():
        return f"{round(value):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


# Units written differently in Chinese; the rest (kWh, km/h, t, ...) read the same.
UNITS_ZH = {"weeks": "周", "CNY/month": "元/月", "CNY": "元", "min": "分钟"}


def unit_label(unit: str, lang: str) -> str:
    return UNITS_ZH.get(unit, unit) if lang.startswith("zh") else unit


def format_value(spec: SpecField, value: float | str | None, lang: str) -> str:
    """The value as shown on a spec sheet, with its unit; an em dash when unknown."""
    if value is None or value == "":
        return "—"
    if spec.kind is FieldKind.NUMBER:
        if spec.unit == "CNY":
            return format_price(float(value), lang)
        number = format_number(float(value), integer=spec.integer)
        unit = unit_label(spec.unit, lang)
        separator = "" if unit in ("%", "元/月", "周", "元", "分钟") else " "
        return f"{number}{separator}{unit}".strip()
    if spec.kind is FieldKind.CHOICE:
        return spec.choice_label(str(value), lang)
    return str(value)


def format_price(value: float | None, lang: str) -> str:
    """CNY as buyers read it: ``45.8 万元`` / ``6,800 元`` in Chinese, ``¥458,000`` in English."""
    if value is None:
        return "—"
    if lang.startswith("zh"):
        if abs(value) >= 10_000:
            return f"{format_number(value / 10_000)} 万元"
        return f"{format_number(value)} 元"
    return f"¥{format_number(value)}"
