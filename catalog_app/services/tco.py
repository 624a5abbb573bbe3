"""Total cost of ownership, new-energy truck against diesel: one pure function, ``calculate_tco``.

No database, no clock, no Qt: the same ``TcoInputs`` always give the same ``TcoResult``, so a
printed result can be reproduced from the inputs printed beside it (DOMAIN.md, "TCO").

The rule, for each truck (money in CNY, year 0 = the day of purchase, years 1..N of use)::

    year 0   price × (1 + purchase tax) − subsidy − loan principal
    year t   energy + maintenance + insurance + tolls + battery rent + loan payment
    year N   … − residual value (price × residual %)
    TCO      Σ year costs ÷ (1 + discount rate)^t

    energy per km   electric: kWh/100 km ÷ 100 × (Σ share × tariff + service fee)
                    hydrogen: kg/100 km ÷ 100 × hydrogen price
                    range extender: battery share of km on electricity, the rest on diesel
                    diesel: L/100 km ÷ 100 × diesel price
    tolls per km    toll × (1 − NEV discount) for the new-energy truck, toll for diesel
    loan            an annuity over the loan term (same share of the price for both trucks);
                    a balance still open after year N is paid in year N

Per km = TCO ÷ (km per year × years); per tonne-km additionally ÷ (payload t × load factor).
Break-even is the first year from which the new-energy truck's cumulative discounted cost stays
at or below the diesel truck's (``None``: not within the years looked at). CO₂: diesel
2.6 kg/L (an input) against grid kWh × intensity, hydrogen kg × its CO₂ per kg, or both for a
range extender.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, NamedTuple

from catalog_app.services.tco_fields import TcoPowertrain
from catalog_app.services.tco_inputs import TcoInputs, check_tco_inputs, tco_inputs_to_json

EPSILON = 1e-6  # CNY: below this two cumulative costs count as equal


class CostLines(NamedTuple):
    """One truck's costs in one year, undiscounted (the residual value is negative).

    A named tuple rather than a dataclass: a result holds two per year and is rebuilt on every
    keystroke of the TCO form, so construction cost matters (see tests/benchmarks/bench_tco.py).
    """

    purchase: float
    energy: float
    maintenance: float
    insurance: float
    tolls: float
    battery_rent: float
    financing: float
    residual: float
    total: float


def cost_lines(
    purchase: float = 0.0,
    energy: float = 0.0,
    maintenance: float = 0.0,
    insurance: float = 0.0,
    tolls: float = 0.0,
    battery_rent: float = 0.0,
    financing: float = 0.0,
    residual: float = 0.0,
) -> CostLines:
    """``CostLines`` with its total."""
    total = (
        purchase + energy + maintenance + insurance + tolls + battery_rent + financing + residual
    )
    return CostLines(
        purchase, energy, maintenance, insurance, tolls, battery_rent, financing, residual, total
    )


class YearRow(NamedTuple):
    """One line of the cash-flow table: both trucks, nominal and discounted."""

    year: int
    discount_factor: float
    ev: CostLines
    diesel: CostLines
    ev_discounted: float
    diesel_discounted: float
    ev_cumulative: float
    diesel_cumulative: float

    @property
    def cumulative_savings(self) -> float:
        """Diesel minus new-energy, cumulative and discounted (positive: the NEV is ahead)."""
        return self.diesel_cumulative - self.ev_cumulative


@dataclass(frozen=True)
class VehicleSummary:
    total: float  # discounted TCO
    nominal_total: float  # the same costs, not discounted
    per_km: float | None
    per_tonne_km: float | None
    energy_cost_per_km: float
    co2_kg_per_km: float
    co2_kg: float


@dataclass(frozen=True)
class TcoResult:
    inputs: TcoInputs
    rows: tuple[YearRow, ...]
    ev: VehicleSummary
    diesel: VehicleSummary
    weighted_tariff_cny_kwh: float | None  # None for fuel-cell trucks
    total_km: float
    break_even_year: int | None
    break_even_years: float | None  # interpolated inside the break-even year

    @property
    def savings(self) -> float:
        """Diesel TCO minus new-energy TCO (positive: the new-energy truck costs less)."""
        return self.diesel.total - self.ev.total

    @property
    def co2_avoided_kg(self) -> float:
        return self.diesel.co2_kg - self.ev.co2_kg


@dataclass(frozen=True)
class _Truck:
    price: float
    tax_pct: float
    subsidy: float
    energy_per_km: float
    maintenance_per_km: float
    insurance_per_year: float
    toll_per_km: float
    rent_per_year: float
    residual_pct: float


def weighted_tariff(inputs: TcoInputs) -> float:
    """CNY per kWh: shares of peak, flat and valley hours × their prices + the service fee."""
    energy = (
        inputs.peak_share_pct * inputs.peak_price_cny_kwh
        + inputs.flat_share_pct * inputs.flat_price_cny_kwh
        + inputs.valley_share_pct * inputs.valley_price_cny_kwh
    ) / 100.0
    return energy + inputs.service_fee_cny_kwh


def _nev_energy(inputs: TcoInputs) -> tuple[float, float]:
    """The new-energy truck's (energy CNY per km, CO₂ kg per km)."""
    powertrain = TcoPowertrain(inputs.powertrain)
    if powertrain is TcoPowertrain.FCEV:
        kg_per_km = inputs.h2_kg_100km / 100.0
        return kg_per_km * inputs.h2_price_cny_kg, kg_per_km * inputs.h2_co2_kg_per_kg
    kwh_per_km = inputs.ev_kwh_100km / 100.0
    electric_cost = kwh_per_km * weighted_tariff(inputs)
    electric_co2 = kwh_per_km * inputs.grid_co2_kg_kwh
    if powertrain is not TcoPowertrain.EREV:
        return electric_cost, electric_co2
    share = inputs.erev_electric_share_pct / 100.0
    litres_per_km = inputs.erev_diesel_l_100km / 100.0
    return (
        share * electric_cost + (1 - share) * litres_per_km * inputs.diesel_price_cny_l,
        share * electric_co2 + (1 - share) * litres_per_km * inputs.diesel_co2_kg_l,
    )


def loan_payments(principal: float, rate_pct: float, term: int, years: int) -> list[float]:
    """Payments in years 1..``years`` of an annuity loan; what is still owed after the last
    year looked at is paid in that year (all of it in year 0 when ``years`` is 0)."""
    if principal <= 0:
        return [0.0] * (years + 1)
    if years == 0:
        return [principal]
    rate = rate_pct / 100.0
    # 1 − (1 + r)^−n written with expm1/log1p: exact also for rates near zero.
    annuity_factor = -math.expm1(-term * math.log1p(rate))
    payment = principal / term if annuity_factor <= 0 else principal * rate / annuity_factor
    payments = [0.0]
    balance = principal
    for year in range(1, years + 1):
        if year > term:
            payments.append(0.0)
            continue
        balance = balance * (1 + rate) - payment
        due = payment + (balance if year == years and year < term else 0.0)
        payments.append(due)
    return payments


def _yearly_costs(truck: _Truck, inputs: TcoInputs) -> list[CostLines]:
    years = inputs.whole_years
    km = inputs.annual_km
    loan = truck.price * inputs.loan_share_pct / 100.0
    financing = loan_payments(loan, inputs.loan_rate_pct, int(inputs.loan_years), years)
    residual = -truck.price * truck.residual_pct / 100.0
    upfront = truck.price * (1 + truck.tax_pct / 100.0) - truck.subsidy - loan
    lines = [
        cost_lines(purchase=upfront, financing=financing[0], residual=residual if years == 0 else 0)
    ]
    energy, maintenance = km * truck.energy_per_km, km * truck.maintenance_per_km
    insurance, tolls, rent = truck.insurance_per_year, km * truck.toll_per_km, truck.rent_per_year
    running = energy + maintenance + insurance + tolls + rent
    for year in range(1, years + 1):
        paid, sold = financing[year], residual if year == years else 0.0
        lines.append(
            CostLines(
                0.0, energy, maintenance, insurance, tolls, rent, paid, sold, running + paid + sold
            )
        )
    return lines


def _break_even(rows: tuple[YearRow, ...]) -> tuple[int | None, float | None]:
    """The first year from which the NEV stays at or below diesel, and the interpolated time."""
    found: int | None = None
    for row in reversed(rows):
        if row.ev_cumulative <= row.diesel_cumulative + EPSILON:
            found = row.year
        else:
            break
    if found is None or found == 0:
        return found, (None if found is None else 0.0)
    before, at = rows[found - 1].cumulative_savings, rows[found].cumulative_savings
    fraction = -before / (at - before) if at != before else 1.0
    return found, (found - 1) + min(max(fraction, 0.0), 1.0)


def _summary(
    total: float,
    nominal_total: float,
    inputs: TcoInputs,
    energy_per_km: float,
    co2_per_km: float,
    payload_kg: float,
) -> VehicleSummary:
    total_km = inputs.annual_km * inputs.whole_years
    tonne_km = total_km * payload_kg / 1000.0 * inputs.load_factor_pct / 100.0
    return VehicleSummary(
        total=total,
        nominal_total=nominal_total,
        per_km=total / total_km if total_km > 0 else None,
        per_tonne_km=total / tonne_km if tonne_km > 0 else None,
        energy_cost_per_km=energy_per_km,
        co2_kg_per_km=co2_per_km,
        co2_kg=co2_per_km * total_km,
    )


def calculate_tco(inputs: TcoInputs) -> TcoResult:
    """Compare the new-energy truck with the diesel truck; raises ``TcoInputError`` for bad
    inputs (see ``validate_tco_inputs``)."""
    check_tco_inputs(inputs)
    powertrain = TcoPowertrain(inputs.powertrain)
    ev_energy, ev_co2 = _nev_energy(inputs)
    diesel_litres = inputs.diesel_l_100km / 100.0
    diesel_energy = diesel_litres * inputs.diesel_price_cny_l
    diesel_co2 = diesel_litres * inputs.diesel_co2_kg_l
    rent = 0.0 if powertrain is TcoPowertrain.FCEV else inputs.battery_rent_cny_month * 12
    nev = _Truck(
        inputs.ev_price_cny,
        inputs.ev_purchase_tax_pct,
        inputs.ev_subsidy_cny,
        ev_energy,
        inputs.ev_maintenance_cny_km,
        inputs.ev_insurance_cny_year,
        inputs.toll_cny_km * (1 - inputs.nev_toll_discount_pct / 100.0),
        rent,
        inputs.ev_residual_pct,
    )
    diesel = _Truck(
        inputs.diesel_truck_price_cny,
        inputs.diesel_purchase_tax_pct,
        0.0,
        diesel_energy,
        inputs.diesel_maintenance_cny_km,
        inputs.diesel_insurance_cny_year,
        inputs.toll_cny_km,
        0.0,
        inputs.diesel_residual_pct,
    )
    ev_costs, diesel_costs = _yearly_costs(nev, inputs), _yearly_costs(diesel, inputs)
    growth = 1 + inputs.discount_rate_pct / 100.0
    rows: list[YearRow] = []
    ev_cumulative = diesel_cumulative = ev_nominal = diesel_nominal = 0.0
    for year, (ev_line, diesel_line) in enumerate(zip(ev_costs, diesel_costs, strict=True)):
        factor = 1.0 / growth**year
        ev_present, diesel_present = ev_line.total * factor, diesel_line.total * factor
        ev_cumulative += ev_present
        diesel_cumulative += diesel_present
        ev_nominal += ev_line.total
        diesel_nominal += diesel_line.total
        rows.append(
            YearRow(
                year,
                factor,
                ev_line,
                diesel_line,
                ev_present,
                diesel_present,
                ev_cumulative,
                diesel_cumulative,
            )
        )
    table = tuple(rows)
    year, years = _break_even(table)
    ev_energy_co2 = (ev_energy, ev_co2, inputs.ev_payload_kg)
    diesel_energy_co2 = (diesel_energy, diesel_co2, inputs.diesel_payload_kg)
    return TcoResult(
        inputs=inputs,
        rows=table,
        ev=_summary(ev_cumulative, ev_nominal, inputs, *ev_energy_co2),
        diesel=_summary(diesel_cumulative, diesel_nominal, inputs, *diesel_energy_co2),
        weighted_tariff_cny_kwh=None
        if powertrain is TcoPowertrain.FCEV
        else weighted_tariff(inputs),
        total_km=inputs.annual_km * inputs.whole_years,
        break_even_year=year,
        break_even_years=years,
    )


# -- JSON ----------------------------------------------------------------------------------------
def _lines_json(lines: CostLines) -> dict[str, float]:
    return {
        "purchase": lines.purchase,
        "energy": lines.energy,
        "maintenance": lines.maintenance,
        "insurance": lines.insurance,
        "tolls": lines.tolls,
        "battery_rent": lines.battery_rent,
        "financing": lines.financing,
        "residual": lines.residual,
        "total": lines.total,
    }


def _summary_json(summary: VehicleSummary) -> dict[str, float | None]:
    return {
        "tco": summary.total,
        "nominal_total": summary.nominal_total,
        "per_km": summary.per_km,
        "per_tonne_km": summary.per_tonne_km,
        "energy_cost_per_km": summary.energy_cost_per_km,
        "co2_kg_per_km": summary.co2_kg_per_km,
        "co2_kg": summary.co2_kg,
    }


def tco_result_to_json(result: TcoResult) -> dict[str, Any]:
    """The result with the inputs it came from, ready for ``json.dumps`` (CNY, kg, km)."""
    return {
        "inputs": tco_inputs_to_json(result.inputs),
        "currency": "CNY",
        "new_energy": _summary_json(result.ev),
        "diesel": _summary_json(result.diesel),
        "savings": result.savings,
        "weighted_tariff_cny_kwh": result.weighted_tariff_cny_kwh,
        "total_km": result.total_km,
        "break_even_year": result.break_even_year,
        "break_even_years": result.break_even_years,
        "co2_avoided_kg": result.co2_avoided_kg,
        "years": [
            {
                "year": row.year,
                "discount_factor": row.discount_factor,
                "new_energy": _lines_json(row.ev),
                "diesel": _lines_json(row.diesel),
                "new_energy_discounted": row.ev_discounted,
                "diesel_discounted": row.diesel_discounted,
                "new_energy_cumulative": row.ev_cumulative,
                "diesel_cumulative": row.diesel_cumulative,
            }
            for row in result.rows
        ],
    }
