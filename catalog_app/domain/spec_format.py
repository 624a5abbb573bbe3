"""Format spec values for people: numbers with grouping and units, choices by their label."""

from __future__ import annotations

from catalog_app.domain.spec_fields import FieldKind, SpecField


def format_number(value: float, *, integer: bool = False) -> str:
    if integer or float(value).is_integer():
        return f"{round(value):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


def format_value(spec: SpecField, value: float | str | None, lang: str) -> str:
    """The value as shown on a spec sheet, with its unit; an em dash when unknown."""
    if value is None or value == "":
        return "—"
    if spec.kind is FieldKind.NUMBER:
        number = format_number(float(value), integer=spec.integer)
        return f"{number} {spec.unit}".strip()
    if spec.kind is FieldKind.CHOICE:
        return spec.choice_label(str(value), lang)
    return str(value)


def format_price(value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    if lang.startswith("zh") and value >= 10_000:
        return f"{format_number(value / 10_000)} 万元"
    return f"¥{format_number(value)}"
