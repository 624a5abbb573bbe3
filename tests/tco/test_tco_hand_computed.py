"""The TCO calculation against cases worked out by hand (the arithmetic is in each docstring)."""

from __future__ import annotations

import pytest

from catalog_app.services.tco import calculate_tco, loan_payments, weighted_tariff
from catalog_app.services.tco_inputs import TcoInputs

# A plug-in tractor against a diesel truck, with round figures that are easy to follow.
SIMPLE = TcoInputs(
    powertrain="bev_charge",
    ev_price_cny=400_000,
    ev_subsidy_cny=20_000,
    ev_purchase_tax_pct=0,
    battery_rent_cny_month=0,
    ev_payload_kg=20_000,
    ev_kwh_100km=100,
    peak_share_pct=50,
    flat_share_pct=50,
    valley_share_pct=0,
    peak_price_cny_kwh=1.0,
    flat_price_cny_kwh=0.6,
    valley_price_cny_kwh=0.2,
    service_fee_cny_kwh=0.4,
    diesel_truck_price_cny=300_000,
    diesel_purchase_tax_pct=10,
    diesel_l_100km=30,
    diesel_price_cny_l=8.0,
    diesel_payload_kg=25_000,
    annual_km=50_000,
    years=2,
    load_factor_pct=100,
    toll_cny_km=0.5,
    nev_toll_discount_pct=20,
    ev_maintenance_cny_km=0.1,
    diesel_maintenance_cny_km=0.2,
    ev_insurance_cny_year=10_000,
    diesel_insurance_cny_year=8_000,
    ev_residual_pct=25,
    diesel_residual_pct=30,
    discount_rate_pct=0,
    loan_share_pct=0,
    grid_co2_kg_kwh=0.6,
    diesel_co2_kg_l=2.6,
)


def test_simple_case_without_discounting_matches_the_hand_sums() -> None:
    """Tariff = 0.5 × 1.0 + 0.5 × 0.6 + 0 × 0.2 + 0.4 service = 1.2 CNY/kWh;
    EV energy = 100/100 kWh/km × 1.2 = 1.2 CNY/km; diesel = 30/100 L/km × 8.0 = 2.4 CNY/km.

    EV   year 0: 400,000 − 20,000 subsidy = 380,000
         year 1: energy 50,000 × 1.2 = 60,000 + maintenance 50,000 × 0.1 = 5,000
                 + insurance 10,000 + tolls 50,000 × 0.5 × (1 − 0.2) = 20,000 → 95,000
         year 2: 95,000 − residual 25 % × 400,000 = 100,000 → −5,000
         TCO 380,000 + 95,000 − 5,000 = 470,000
    Diesel year 0: 300,000 × 1.10 tax = 330,000
         year 1: 120,000 + 10,000 + 8,000 + 25,000 = 163,000
         year 2: 163,000 − residual 30 % × 300,000 = 90,000 → 73,000
         TCO 330,000 + 163,000 + 73,000 = 566,000
    Savings 96,000. Per km (100,000 km): 4.70 vs 5.66; per tonne-km at full load:
    470,000 / (100,000 × 20 t) = 0.235 vs 566,000 / (100,000 × 25 t) = 0.2264.
    """
    result = calculate_tco(SIMPLE)
    assert weighted_tariff(SIMPLE) == pytest.approx(1.2)
    assert result.ev.energy_cost_per_km == pytest.approx(1.2)
    assert result.diesel.energy_cost_per_km == pytest.approx(2.4)
    assert [round(row.ev.total) for row in result.rows] == [380_000, 95_000, -5_000]
    assert [round(row.diesel.total) for row in result.rows] == [330_000, 163_000, 73_000]
    year_one = result.rows[1].ev
    assert (year_one.energy, year_one.maintenance, year_one.insurance, year_one.tolls) == (
        pytest.approx(60_000),
        pytest.approx(5_000),
        pytest.approx(10_000),
        pytest.approx(20_000),
    )
    assert result.rows[2].ev.residual == pytest.approx(-100_000)
    assert result.ev.total == pytest.approx(470_000)
    assert result.diesel.total == pytest.approx(566_000)
    assert result.savings == pytest.approx(96_000)
    assert result.ev.per_km == pytest.approx(4.70)
    assert result.diesel.per_km == pytest.approx(5.66)
    assert result.ev.per_tonne_km == pytest.approx(0.235)
    assert result.diesel.per_tonne_km == pytest.approx(0.2264)


def test_break_even_falls_in_the_first_year_and_is_interpolated() -> None:
    """Cumulative: year 0 EV 380,000 vs diesel 330,000 (EV 50,000 behind); year 1 EV 475,000 vs
    diesel 493,000 (18,000 ahead), and ahead from then on. Break-even in year 1, after
    50,000 / (50,000 + 18,000) = 0.7353 years."""
    result = calculate_tco(SIMPLE)
    assert [round(row.cumulative_savings) for row in result.rows] == [-50_000, 18_000, 96_000]
    assert result.break_even_year == 1
    assert result.break_even_years == pytest.approx(50_000 / 68_000)


def test_co2_avoided_is_diesel_litres_against_grid_kilowatt_hours() -> None:
    """100,000 km: EV 1.0 kWh/km × 0.6 kg/kWh = 60,000 kg; diesel 0.3 L/km × 2.6 kg/L =
    78,000 kg; avoided 18,000 kg."""
    result = calculate_tco(SIMPLE)
    assert result.ev.co2_kg == pytest.approx(60_000)
    assert result.diesel.co2_kg == pytest.approx(78_000)
    assert result.co2_avoided_kg == pytest.approx(18_000)


def test_discounting_at_ten_percent() -> None:
    """EV PV = 380,000 + 95,000 / 1.1 − 5,000 / 1.21 = 380,000 + 86,363.64 − 4,132.23
    = 462,231.40; diesel PV = 330,000 + 163,000 / 1.1 + 73,000 / 1.21
    = 330,000 + 148,181.82 + 60,330.58 = 538,512.40. Nominal totals stay 470,000 / 566,000."""
    result = calculate_tco(SIMPLE.with_values(discount_rate_pct=10))
    assert result.ev.total == pytest.approx(462_231.405, abs=0.01)
    assert result.diesel.total == pytest.approx(538_512.397, abs=0.01)
    assert result.ev.nominal_total == pytest.approx(470_000)
    assert result.rows[2].discount_factor == pytest.approx(1 / 1.21)


def test_a_loan_at_the_discount_rate_leaves_the_present_value_unchanged() -> None:
    """Half of the EV's 400,000 on a 2-year loan at 10 %: payment = 200,000 × 0.1 /
    (1 − 1.1⁻²) = 115,238.10 a year; year 0 pays 380,000 − 200,000 = 180,000. Discounted at
    10 % the payments are worth 115,238.10 / 1.1 + 115,238.10 / 1.21 = 200,000, so the TCO is
    the cash purchase's 462,231.40 again."""
    financed = SIMPLE.with_values(
        discount_rate_pct=10, loan_share_pct=50, loan_rate_pct=10, loan_years=2
    )
    result = calculate_tco(financed)
    assert result.rows[0].ev.purchase == pytest.approx(180_000)
    assert result.rows[1].ev.financing == pytest.approx(115_238.095, abs=0.01)
    assert result.rows[2].ev.financing == pytest.approx(115_238.095, abs=0.01)
    assert result.rows[1].diesel.financing == pytest.approx(86_428.571, abs=0.01)
    assert result.ev.total == pytest.approx(462_231.405, abs=0.01)


def test_a_loan_longer_than_the_years_looked_at_is_settled_in_the_last_year() -> None:
    """200,000 at 0 % over 3 years = 66,666.67 a year; looking at 1 year only, year 1 pays its
    instalment and the 133,333.33 still owed: 200,000 in all."""
    assert loan_payments(200_000, 0, 3, 1) == [0.0, pytest.approx(200_000)]
    assert loan_payments(200_000, 0, 3, 4) == [
        0.0,
        pytest.approx(66_666.667),
        pytest.approx(66_666.667),
        pytest.approx(66_666.667),
        0.0,
    ]
    assert loan_payments(200_000, 5, 3, 0) == [200_000]


def test_battery_rent_of_a_swap_truck_is_paid_every_month() -> None:
    """8,000 CNY a month = 96,000 a year on top of the 95,000 running costs → 191,000."""
    swap = SIMPLE.with_values(powertrain="bev_swap", battery_rent_cny_month=8_000)
    result = calculate_tco(swap)
    assert result.rows[1].ev.battery_rent == pytest.approx(96_000)
    assert result.rows[1].ev.total == pytest.approx(191_000)
    assert result.rows[0].ev.battery_rent == 0


def test_a_fuel_cell_truck_pays_for_hydrogen_not_electricity() -> None:
    """10 kg/100 km × 30 CNY/kg = 3.0 CNY/km; CO₂ 0.1 kg/km × 12 kg/kg = 1.2 kg/km, i.e.
    120,000 kg over 100,000 km against diesel's 78,000 (42,000 kg MORE). A battery rent typed
    in by mistake is not charged to a fuel-cell truck; there is no electricity tariff."""
    fcev = SIMPLE.with_values(
        powertrain="fcev",
        h2_kg_100km=10,
        h2_price_cny_kg=30,
        h2_co2_kg_per_kg=12,
        battery_rent_cny_month=5_000,
    )
    result = calculate_tco(fcev)
    assert result.ev.energy_cost_per_km == pytest.approx(3.0)
    assert result.rows[1].ev.energy == pytest.approx(150_000)
    assert result.rows[1].ev.battery_rent == 0
    assert result.ev.co2_kg == pytest.approx(120_000)
    assert result.co2_avoided_kg == pytest.approx(-42_000)
    assert result.weighted_tariff_cny_kwh is None


def test_a_range_extender_mixes_electricity_and_diesel_by_the_share_of_km() -> None:
    """60 % of km on battery at 1.2 CNY/km, 40 % on the range extender at 30 L/100 km ×
    8.0 CNY/L = 2.4 CNY/km: 0.6 × 1.2 + 0.4 × 2.4 = 1.68 CNY/km. CO₂: 0.6 × 1.0 kWh × 0.6 +
    0.4 × 0.3 L × 2.6 = 0.36 + 0.312 = 0.672 kg/km."""
    erev = SIMPLE.with_values(powertrain="erev", erev_electric_share_pct=60, erev_diesel_l_100km=30)
    result = calculate_tco(erev)
    assert result.ev.energy_cost_per_km == pytest.approx(1.68)
    assert result.ev.co2_kg_per_km == pytest.approx(0.672)


def test_zero_years_is_the_purchase_less_the_resale_on_the_same_day() -> None:
    """No use at all: EV 380,000 − 100,000 residual = 280,000; diesel 330,000 − 90,000 =
    240,000. No kilometres, so no per-km figure; the EV never catches up (no break-even)."""
    result = calculate_tco(SIMPLE.with_values(years=0))
    assert len(result.rows) == 1
    assert result.ev.total == pytest.approx(280_000)
    assert result.diesel.total == pytest.approx(240_000)
    assert result.ev.per_km is None and result.ev.per_tonne_km is None
    assert result.break_even_year is None
    assert result.co2_avoided_kg == 0


def test_an_ev_cheaper_on_day_one_breaks_even_at_year_zero() -> None:
    """With a 200,000 subsidy the EV starts at 180,000 against 330,000 and stays ahead."""
    result = calculate_tco(SIMPLE.with_values(ev_subsidy_cny=200_000))
    assert result.break_even_year == 0
    assert result.break_even_years == 0.0


def test_an_ev_that_is_cheaper_to_buy_but_dearer_to_run_has_no_break_even() -> None:
    """EV 250,000 (ahead by 80,000 on day one) but energy at 100 kWh/100 km × 5.0 CNY/kWh
    = 5.0 CNY/km against diesel's 2.4: it falls behind in year 1 and never recovers, so
    there is no break-even even though it led at the start."""
    dear = SIMPLE.with_values(
        ev_price_cny=250_000,
        ev_subsidy_cny=0,
        peak_price_cny_kwh=4.6,
        flat_price_cny_kwh=4.6,
        service_fee_cny_kwh=0.4,
    )
    result = calculate_tco(dear)
    assert result.rows[0].cumulative_savings > 0
    assert result.rows[-1].cumulative_savings < 0
    assert result.break_even_year is None
