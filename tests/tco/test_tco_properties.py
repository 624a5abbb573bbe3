"""Properties of the TCO calculation that must hold for any valid inputs (hypothesis)."""

from __future__ import annotations

import math

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from catalog_app.services.tco import calculate_tco
from catalog_app.services.tco_inputs import (
    TcoInputs,
    tco_inputs_from_json,
    tco_inputs_to_json,
    validate_tco_inputs,
)

POWERTRAINS = ("bev_charge", "bev_swap", "fcev", "erev")


def _money(high: float) -> st.SearchStrategy[float]:
    return st.floats(0, high, allow_nan=False, allow_infinity=False)


@st.composite
def valid_inputs(draw: st.DrawFn, powertrains: tuple[str, ...] = POWERTRAINS) -> TcoInputs:
    """Inputs within every range, shares adding up to 100, realistic orders of magnitude."""
    peak = draw(st.floats(0, 100))
    flat = draw(st.floats(0, 100 - peak))
    years = draw(st.integers(0, 15))
    return TcoInputs(
        powertrain=draw(st.sampled_from(powertrains)),
        ev_price_cny=draw(_money(2_000_000)),
        ev_subsidy_cny=draw(_money(200_000)),
        ev_purchase_tax_pct=draw(st.floats(0, 20)),
        battery_rent_cny_month=draw(_money(20_000)),
        ev_payload_kg=draw(st.floats(0, 50_000)),
        ev_kwh_100km=draw(st.floats(0, 400)),
        peak_share_pct=peak,
        flat_share_pct=flat,
        valley_share_pct=100 - peak - flat,
        peak_price_cny_kwh=draw(st.floats(0, 3)),
        flat_price_cny_kwh=draw(st.floats(0, 3)),
        valley_price_cny_kwh=draw(st.floats(0, 3)),
        service_fee_cny_kwh=draw(st.floats(0, 2)),
        h2_kg_100km=draw(st.floats(0, 30)),
        h2_price_cny_kg=draw(st.floats(0, 80)),
        erev_electric_share_pct=draw(st.floats(0, 100)),
        erev_diesel_l_100km=draw(st.floats(0, 80)),
        diesel_truck_price_cny=draw(_money(1_000_000)),
        diesel_purchase_tax_pct=draw(st.floats(0, 20)),
        diesel_l_100km=draw(st.floats(0, 80)),
        diesel_price_cny_l=draw(st.floats(0, 15)),
        diesel_payload_kg=draw(st.floats(0, 50_000)),
        annual_km=draw(st.floats(0, 300_000)),
        years=float(years),
        load_factor_pct=draw(st.floats(0, 100)),
        toll_cny_km=draw(st.floats(0, 5)),
        nev_toll_discount_pct=draw(st.floats(0, 100)),
        ev_maintenance_cny_km=draw(st.floats(0, 1)),
        diesel_maintenance_cny_km=draw(st.floats(0, 1)),
        ev_insurance_cny_year=draw(_money(50_000)),
        diesel_insurance_cny_year=draw(_money(50_000)),
        ev_residual_pct=draw(st.floats(0, 100)),
        diesel_residual_pct=draw(st.floats(0, 100)),
        discount_rate_pct=draw(st.floats(0, 20)),
        loan_share_pct=draw(st.floats(0, 100)),
        loan_rate_pct=draw(st.floats(0, 15)),
        loan_years=float(draw(st.integers(1, 10))),
    )


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-4)


@settings(max_examples=150, deadline=None)
@given(valid_inputs(("bev_charge", "bev_swap", "fcev")), st.floats(0, 15), st.floats(0, 15))
def test_raising_the_diesel_price_never_makes_a_battery_or_fuel_cell_truck_look_worse(
    inputs: TcoInputs, price_a: float, price_b: float
) -> None:
    low, high = sorted((price_a, price_b))
    cheap = calculate_tco(inputs.with_values(diesel_price_cny_l=low))
    dear = calculate_tco(inputs.with_values(diesel_price_cny_l=high))
    assert dear.savings >= cheap.savings - 1e-6 * max(1.0, abs(cheap.savings))
    if cheap.break_even_year is not None:
        assert dear.break_even_year is not None
        assert dear.break_even_year <= cheap.break_even_year


@settings(max_examples=100, deadline=None)
@given(valid_inputs(("erev",)), st.floats(0, 15), st.floats(0, 15))
def test_dearer_diesel_helps_a_range_extender_only_if_it_burns_less_diesel_per_km(
    inputs: TcoInputs, price_a: float, price_b: float
) -> None:
    """The range extender burns (1 − battery share) × its L/100 km; it gains from dearer diesel
    exactly when that is less than the diesel truck's L/100 km."""
    low, high = sorted((price_a, price_b))
    assume(high - low > 0.01 and inputs.annual_km >= 100 and inputs.years >= 1)
    own_litres = (1 - inputs.erev_electric_share_pct / 100) * inputs.erev_diesel_l_100km
    assume(abs(own_litres - inputs.diesel_l_100km) > 0.5)
    change = (
        calculate_tco(inputs.with_values(diesel_price_cny_l=high)).savings
        - calculate_tco(inputs.with_values(diesel_price_cny_l=low)).savings
    )
    assert (change > 0) == (own_litres < inputs.diesel_l_100km)


@settings(max_examples=150, deadline=None)
@given(valid_inputs())
def test_the_totals_are_the_sums_of_the_discounted_table(inputs: TcoInputs) -> None:
    result = calculate_tco(inputs)
    assert len(result.rows) == inputs.whole_years + 1
    assert _close(result.ev.total, sum(row.ev_discounted for row in result.rows))
    assert _close(result.diesel.total, sum(row.diesel_discounted for row in result.rows))
    assert _close(result.rows[-1].ev_cumulative, result.ev.total)
    assert _close(result.ev.nominal_total, sum(row.ev.total for row in result.rows))
    for row in result.rows:
        assert _close(row.ev_discounted, row.ev.total * row.discount_factor)


@settings(max_examples=100, deadline=None)
@given(valid_inputs())
def test_without_discounting_the_tco_is_the_plain_sum(inputs: TcoInputs) -> None:
    result = calculate_tco(inputs.with_values(discount_rate_pct=0))
    assert _close(result.ev.total, result.ev.nominal_total)
    assert _close(result.diesel.total, result.diesel.nominal_total)


@settings(max_examples=150, deadline=None)
@given(valid_inputs())
def test_break_even_year_is_where_the_ev_gets_ahead_for_good(inputs: TcoInputs) -> None:
    result = calculate_tco(inputs)
    year = result.break_even_year
    if year is None:
        assert result.rows[-1].ev_cumulative > result.rows[-1].diesel_cumulative - 1e-6
        return
    for row in result.rows[year:]:
        assert row.ev_cumulative <= row.diesel_cumulative + 1e-6
    if year > 0:
        assert result.rows[year - 1].ev_cumulative > result.rows[year - 1].diesel_cumulative
        assert result.break_even_years is not None
        assert year - 1 <= result.break_even_years <= year


@settings(max_examples=100, deadline=None)
@given(valid_inputs())
def test_zero_years_or_zero_km_gives_no_per_km_figures_and_no_co2(inputs: TcoInputs) -> None:
    for idle in (inputs.with_values(years=0), inputs.with_values(annual_km=0)):
        result = calculate_tco(idle)
        assert result.ev.per_km is None and result.diesel.per_tonne_km is None
        assert result.co2_avoided_kg == 0
        assert all(row.ev.energy == 0 for row in result.rows)


@settings(max_examples=100, deadline=None)
@given(valid_inputs())
def test_zero_years_costs_the_purchase_less_the_same_day_resale(inputs: TcoInputs) -> None:
    result = calculate_tco(inputs.with_values(years=0))
    price = inputs.ev_price_cny
    expected = (
        price * (1 + inputs.ev_purchase_tax_pct / 100)
        - inputs.ev_subsidy_cny
        - price * inputs.ev_residual_pct / 100
    )
    assert _close(result.ev.total, expected)


@settings(max_examples=100, deadline=None)
@given(valid_inputs(), st.floats(0, 80), st.floats(0, 80))
def test_a_thirstier_diesel_truck_never_shrinks_the_co2_avoided(
    inputs: TcoInputs, litres_a: float, litres_b: float
) -> None:
    low, high = sorted((litres_a, litres_b))
    less = calculate_tco(inputs.with_values(diesel_l_100km=low)).co2_avoided_kg
    more = calculate_tco(inputs.with_values(diesel_l_100km=high)).co2_avoided_kg
    assert more >= less - 1e-6


@settings(max_examples=150, deadline=None)
@given(valid_inputs())
def test_inputs_survive_a_round_trip_through_json(inputs: TcoInputs) -> None:
    assert validate_tco_inputs(inputs) == []
    assert tco_inputs_from_json(tco_inputs_to_json(inputs)) == inputs
