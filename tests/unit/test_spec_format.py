"""Spec values and prices as people read them, in Chinese and English."""

from __future__ import annotations

from catalog_app.domain.spec_fields import FIELDS_BY_KEY
from catalog_app.domain.spec_format import format_number, format_price, format_value
from catalog_app.store.errors import DamagedDatabaseError


def test_numbers_are_grouped_and_trimmed() -> None:
    assert format_number(2100) == "2,100"
    assert format_number(281.91) == "281.91"
    assert format_number(1.50) == "1.5"


def test_prices_read_in_wan_yuan_in_chinese_and_yuan_signs_in_english() -> None:
    assert format_price(458_000, "zh_CN") == "45.8 万元"
    assert format_price(6_800, "zh_CN") == "6,800 元"
    assert format_price(458_000, "en") == "¥458,000"
    assert format_price(None, "en") == "—"


def test_units_and_choices_follow_the_language() -> None:
    fields = FIELDS_BY_KEY
    assert format_value(fields["battery_kwh"], 282, "zh_CN") == "282 kWh"
    assert format_value(fields["delivery_weeks"], 8, "zh_CN") == "8周"
    assert format_value(fields["delivery_weeks"], 8, "en") == "8 weeks"
    assert format_value(fields["battery_rent_cny_month"], 8800, "zh_CN") == "8,800元/月"
    assert format_value(fields["price_cny"], 788_000, "zh_CN") == "78.8 万元"
    assert format_value(fields["body_type"], "tractor", "zh_CN") == "牵引车"
    assert format_value(fields["body_type"], "tractor", "en") == "Tractor"
    assert format_value(fields["gradeability_pct"], 25, "en") == "25%"
    assert format_value(fields["range_km"], None, "en") == "—"


def test_damage_reported_by_sqlite_reads_in_chinese_too() -> None:
    error = DamagedDatabaseError("/x.sqlite", "database disk image is malformed", None)
    assert "数据库文件结构已损坏" in error.text("zh_CN")
    assert "malformed" in error.text("en")
