"""TCO benchmark: one ``calculate_tco`` against a bare inline loop doing the same arithmetic.

Subject: ``calculate_tco(inputs)`` for the sample swap tractor's inputs over 10 years with a
loan: input checks (every field's range, the tariff shares), the yearly cost lines of both
trucks, discounting, break-even and CO₂, all as frozen dataclasses. Baseline: the same sums in
one plain function over local floats (no checks, no objects per year), returning the two
totals, the cumulative figures and the break-even year; the setup asserts both agree. Goal
(informational): at most 3× the bare loop. Either way a calculation takes well under a
millisecond, far below what a person typing could notice.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

from catalog_app.services.tco import calculate_tco
from catalog_app.services.tco_inputs import TcoInputs
from tests.benchmarks.harness import Benchmark, Pair, RunContext, register

CALLS = 200  # per timed round: one call takes microseconds

INPUTS = TcoInputs(powertrain="bev_swap", model_code="QL-T6-282S").with_values(
    ev_price_cny=458_000,
    battery_rent_cny_month=8_800,
    ev_payload_kg=31_100,
    ev_kwh_100km=128,
    service_fee_cny_kwh=0.5,
    years=10,
    loan_share_pct=70,
    loan_rate_pct=4.5,
    loan_years=3,
)


def bare_tco(i: TcoInputs) -> tuple[float, float, list[float], list[float], int | None]:
    """The same arithmetic inline: totals, cumulative PV per year, break-even year."""
    years, km, rate = int(i.years), i.annual_km, i.discount_rate_pct / 100
    tariff = (
        i.peak_share_pct * i.peak_price_cny_kwh
        + i.flat_share_pct * i.flat_price_cny_kwh
        + i.valley_share_pct * i.valley_price_cny_kwh
    ) / 100 + i.service_fee_cny_kwh
    loan_rate, term = i.loan_rate_pct / 100, int(i.loan_years)
    factor = -math.expm1(-term * math.log1p(loan_rate))
    results = []
    for price, tax, subsidy, per_km, insurance, rent, residual_pct in (
        (
            i.ev_price_cny,
            i.ev_purchase_tax_pct,
            i.ev_subsidy_cny,
            i.ev_kwh_100km / 100 * tariff
            + i.ev_maintenance_cny_km
            + i.toll_cny_km * (1 - i.nev_toll_discount_pct / 100),
            i.ev_insurance_cny_year,
            i.battery_rent_cny_month * 12,
            i.ev_residual_pct,
        ),
        (
            i.diesel_truck_price_cny,
            i.diesel_purchase_tax_pct,
            0.0,
            i.diesel_l_100km / 100 * i.diesel_price_cny_l
            + i.diesel_maintenance_cny_km
            + i.toll_cny_km,
            i.diesel_insurance_cny_year,
            0.0,
            i.diesel_residual_pct,
        ),
    ):
        loan = price * i.loan_share_pct / 100
        payment = loan * loan_rate / factor if factor > 0 else loan / term
        balance = loan
        cumulative = price * (1 + tax / 100) - subsidy - loan
        series = [cumulative]
        for year in range(1, years + 1):
            cost = km * per_km + insurance + rent
            if year <= term:
                balance = balance * (1 + loan_rate) - payment
                cost += payment + (balance if year == years and year < term else 0.0)
            if year == years:
                cost -= price * residual_pct / 100
            cumulative += cost / (1 + rate) ** year
            series.append(cumulative)
        results.append(series)
    ev, diesel = results
    even = None
    for year in range(years, -1, -1):
        if ev[year] <= diesel[year] + 1e-6:
            even = year
        else:
            break
    return ev[-1], diesel[-1], ev, diesel, even


@register(
    "tco.calculate",
    [
        Benchmark(
            "TCO calculation (10 years, loan, both trucks)",
            subject="calculate_tco(inputs): checks, yearly lines, discounting, break-even, CO2",
            baseline="the same arithmetic inline over local floats (no checks, no objects)",
            goal_ratio=3.0,
        )
    ],
    repeat=30,
    quick_repeat=8,
    number=CALLS,
)
@contextmanager
def tco_calculation(ctx: RunContext) -> Iterator[Pair]:
    result = calculate_tco(INPUTS)
    ev, diesel, _ev_rows, _diesel_rows, even = bare_tco(INPUTS)
    assert math.isclose(result.ev.total, ev, rel_tol=1e-9), (result.ev.total, ev)
    assert math.isclose(result.diesel.total, diesel, rel_tol=1e-9)
    assert result.break_even_year == even

    def subject() -> None:
        calculate_tco(INPUTS)

    def baseline() -> None:
        bare_tco(INPUTS)

    yield Pair(subject=subject, baseline=baseline)
