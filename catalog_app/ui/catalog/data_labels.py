"""Labels of catalog data in the UI language, taken from the spec-field registry (not from tr():
the registry is the one source of Chinese and English labels for data, shared with the PDFs)."""

from __future__ import annotations

from catalog_app.domain.spec_fields import FIELDS_BY_KEY
from catalog_app.domain.spec_format import format_price, format_value
from catalog_app.services.catalog import ModelSummary


def choice_label(field_key: str, value: str, lang: str) -> str:
    if not value:
        return ""
    return FIELDS_BY_KEY[field_key].choice_label(value, lang)


def value_text(field_key: str, value: float | str | None, lang: str) -> str:
    """A value with its unit (``282 kWh``), or an em dash when unknown."""
    return format_value(FIELDS_BY_KEY[field_key], value, lang)


def summary_facts(model: ModelSummary, lang: str) -> list[str]:
    """The short facts shown under a model's name in the list: type, powertrain, kWh, range."""
    facts = [
        choice_label("body_type", model.body_type, lang),
        choice_label("powertrain", model.powertrain, lang),
    ]
    if model.battery_kwh is not None:
        facts.append(value_text("battery_kwh", model.battery_kwh, lang))
    if model.range_km is not None:
        facts.append(value_text("range_km", model.range_km, lang))
    return [fact for fact in facts if fact]


def price_text(model: ModelSummary, lang: str) -> str:
    return format_price(model.price_cny, lang)
