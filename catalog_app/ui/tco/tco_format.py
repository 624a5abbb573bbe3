"""Numbers of the TCO screens as people read and type them.

``parse_number`` accepts what a buyer types: thousands separators (``,`` ``，`` spaces),
full-width digits, a trailing ``%`` or ``元`` and ``万`` (ten thousand: ``45.8万`` = 458,000).
``money`` writes CNY like the rest of the app (``184.05 万元`` / ``¥1,840,542``).
"""

from __future__ import annotations

import math
import unicodedata

from catalog_app.domain.spec_format import format_price

TEN_THOUSAND = 10_000.0


def parse_number(text: str) -> float | None:
    """The number in ``text``, or None when it is not one (empty text is not a number)."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    for junk in (",", "，", " ", "_", "元", "%", "¥"):
        cleaned = cleaned.replace(junk, "")
    factor = 1.0
    if cleaned.endswith("万"):
        factor, cleaned = TEN_THOUSAND, cleaned[:-1]
    try:
        value = float(cleaned) * factor
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def plain_number(value: float, decimals: int) -> str:
    """A value for an input field: grouped thousands, no trailing zeros."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def money(value: float, lang: str) -> str:
    """CNY for a headline figure."""
    return format_price(round(value), lang)


def whole_cny(value: float) -> str:
    """CNY in a table cell: grouped, no decimals (the column header says 元 / CNY)."""
    return f"{value:,.0f}"


def per_unit(value: float | None, decimals: int) -> str:
    return "—" if value is None else f"{value:,.{decimals}f}"


def tonnes(kilograms: float) -> str:
    return f"{kilograms / 1000.0:,.1f}"
