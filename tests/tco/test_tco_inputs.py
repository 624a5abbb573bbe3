"""Checking TCO inputs (messages per field, in both languages) and their JSON form."""

from __future__ import annotations

import json

import pytest

from catalog_app.domain.text import UserFacingError
from catalog_app.services.tco import calculate_tco, tco_result_to_json
from catalog_app.services.tco_fields import FIELDS_BY_KEY, TCO_FIELDS, TCO_GROUPS
from catalog_app.services.tco_inputs import (
    TcoInputError,
    TcoInputs,
    tco_inputs_from_json,
    tco_inputs_to_json,
    validate_tco_inputs,
)


def test_every_declared_field_is_an_input_with_a_default_inside_its_range() -> None:
    defaults = TcoInputs()
    numeric = {f for f in TcoInputs.__dataclass_fields__ if f not in ("powertrain", "model_code")}
    assert numeric == set(FIELDS_BY_KEY)
    groups = {g.key for g in TCO_GROUPS}
    for spec in TCO_FIELDS:
        assert spec.group in groups
        assert spec.minimum <= defaults.value(spec.key) <= spec.maximum, spec.key
        assert spec.zh and spec.en and spec.unit_zh and spec.unit_en
    assert validate_tco_inputs(defaults) == []


def test_a_value_out_of_range_is_named_at_its_field_in_both_languages() -> None:
    problems = validate_tco_inputs(TcoInputs().with_values(annual_km=-5, discount_rate_pct=80))
    by_field = {p.field: p for p in problems}
    assert set(by_field) == {"annual_km", "discount_rate_pct"}
    assert by_field["annual_km"].text("en") == "Distance per year must be from 0 to 500,000 km."
    assert by_field["annual_km"].text("zh_CN") == "年行驶里程应在 0 到 500,000 km 之间。"
    assert "折现率" in by_field["discount_rate_pct"].text("zh_CN")


def test_tariff_shares_must_add_up_to_one_hundred() -> None:
    bad = TcoInputs().with_values(peak_share_pct=50, flat_share_pct=40, valley_share_pct=30)
    [problem] = validate_tco_inputs(bad)
    assert problem.field == "valley_share_pct"
    assert "120" in problem.text("en") and "100 %" in problem.text("en")
    assert "峰、平、谷" in problem.text("zh_CN")
    thirds = TcoInputs().with_values(
        peak_share_pct=33.3, flat_share_pct=33.3, valley_share_pct=33.4
    )
    assert validate_tco_inputs(thirds) == []


def test_shares_do_not_matter_for_a_fuel_cell_truck() -> None:
    fcev = TcoInputs(powertrain="fcev").with_values(peak_share_pct=90)
    assert validate_tco_inputs(fcev) == []


def test_years_must_be_whole_and_a_loan_needs_a_term() -> None:
    problems = validate_tco_inputs(
        TcoInputs().with_values(years=2.5, loan_share_pct=50, loan_years=0)
    )
    assert {p.field for p in problems} == {"years", "loan_years"}


def test_not_a_number_and_an_unknown_powertrain_are_refused_without_a_crash() -> None:
    problems = validate_tco_inputs(TcoInputs(powertrain="steam", ev_price_cny=float("nan")))
    assert {p.field for p in problems} == {"powertrain", "ev_price_cny"}
    with pytest.raises(TcoInputError) as caught:
        calculate_tco(TcoInputs(powertrain="steam"))
    assert "steam" in caught.value.text("en")
    assert "未知的动力形式" in caught.value.text("zh_CN")
    assert set(caught.value.by_field("en")) == {"powertrain"}


def test_inputs_saved_with_a_lead_come_back_equal_and_survive_json_text() -> None:
    inputs = TcoInputs(powertrain="bev_swap", model_code="QL-T6-282S").with_values(
        battery_rent_cny_month=8_800, years=8
    )
    stored = tco_inputs_to_json(inputs)
    assert stored["format"] == "catalog-app/tco-inputs" and stored["version"] == 1
    assert tco_inputs_from_json(json.loads(json.dumps(stored))) == inputs
    assert tco_inputs_from_json(json.dumps(stored)) == inputs


def test_older_saved_inputs_take_defaults_for_what_they_lack_and_ignore_unknown_keys() -> None:
    stored = {
        "format": "catalog-app/tco-inputs",
        "version": 1,
        "powertrain": "bev_charge",
        "values": {"annual_km": 80_000, "a_future_input": 3},
    }
    loaded = tco_inputs_from_json(stored)
    assert loaded.annual_km == 80_000
    assert loaded.diesel_price_cny_l == TcoInputs().diesel_price_cny_l


@pytest.mark.parametrize(
    "data",
    [
        "not json",
        {"format": "something else"},
        {"format": "catalog-app/tco-inputs", "version": 99, "values": {}},
        {"format": "catalog-app/tco-inputs", "version": 1, "values": []},
    ],
)
def test_damaged_saved_inputs_give_a_clear_message(data: object) -> None:
    with pytest.raises(UserFacingError) as caught:
        tco_inputs_from_json(data)  # type: ignore[arg-type]
    assert "TCO" in caught.value.text("en") and "TCO" in caught.value.text("zh_CN")


def test_saved_values_out_of_range_are_refused_by_field() -> None:
    stored = tco_inputs_to_json(TcoInputs())
    stored["values"]["years"] = 99
    stored["values"]["diesel_price_cny_l"] = "7.5"
    with pytest.raises(TcoInputError) as caught:
        tco_inputs_from_json(stored)
    assert set(caught.value.by_field("en")) == {"years", "diesel_price_cny_l"}


def test_the_result_as_json_carries_the_inputs_it_came_from() -> None:
    result = calculate_tco(TcoInputs())
    document = json.loads(json.dumps(tco_result_to_json(result)))
    assert tco_inputs_from_json(document["inputs"]) == TcoInputs()
    assert document["new_energy"]["tco"] == pytest.approx(result.ev.total)
    assert len(document["years"]) == 6
    assert document["break_even_year"] == result.break_even_year
