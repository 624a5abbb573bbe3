"""The TCO calculator's inputs, declared once: key, group, labels, unit, range, documentation.

The form of the TCO page, the CLI flags of ``catalog-app tco``, the validation messages and the
JSON kept with a lead all follow from this registry (``TCO_FIELDS``). Every field is a number;
the powertrain of the new-energy truck decides which fields apply (``applies``), e.g. the
hydrogen price only for fuel-cell trucks. The defaults themselves live on ``TcoInputs``
(``tco_inputs.py``) and, per model, in ``tco_defaults.py``; ``note_*`` says where they come from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class TcoPowertrain(StrEnum):
    """The new-energy truck's powertrain (the same values as the catalog's ``powertrain``)."""

    BEV_CHARGE = "bev_charge"
    BEV_SWAP = "bev_swap"
    FCEV = "fcev"
    EREV = "erev"


ALL = frozenset(TcoPowertrain)
ELECTRIC = frozenset({TcoPowertrain.BEV_CHARGE, TcoPowertrain.BEV_SWAP, TcoPowertrain.EREV})
HYDROGEN = frozenset({TcoPowertrain.FCEV})
RANGE_EXTENDER = frozenset({TcoPowertrain.EREV})


@dataclass(frozen=True)
class TcoGroup:
    key: str
    zh: str
    en: str

    def label(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


TCO_GROUPS: tuple[TcoGroup, ...] = (
    TcoGroup("nev", "新能源车", "New-energy truck"),
    TcoGroup("electricity", "电费（峰平谷）", "Electricity (peak / flat / valley)"),
    TcoGroup("hydrogen", "氢气", "Hydrogen"),
    TcoGroup("range_extender", "增程", "Range extender"),
    TcoGroup("diesel", "对比柴油车", "Diesel truck compared"),
    TcoGroup("use", "使用情况", "Use"),
    TcoGroup("running", "运营费用", "Running costs"),
    TcoGroup("finance", "残值与资金", "Residual value and money"),
    TcoGroup("environment", "碳排放", "CO₂"),
)


@dataclass(frozen=True)
class TcoField:
    """One numeric input. ``decimals`` and ``step`` shape the form's spin box."""

    key: str
    group: str
    zh: str
    en: str
    unit_zh: str
    unit_en: str
    minimum: float
    maximum: float
    decimals: int = 0
    step: float = 1.0
    applies: frozenset[TcoPowertrain] = ALL
    note_zh: str = ""
    note_en: str = ""

    def label(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en

    def unit(self, lang: str) -> str:
        return self.unit_zh if lang.startswith("zh") else self.unit_en

    def note(self, lang: str) -> str:
        return self.note_zh if lang.startswith("zh") else self.note_en

    @property
    def integer(self) -> bool:
        return self.decimals == 0 and float(self.step).is_integer()

    @property
    def flag(self) -> str:
        """The CLI option: ``--ev-price-cny``."""
        return "--" + self.key.replace("_", "-")


F = TcoField
MONEY = 100_000_000.0
E, H, R = ELECTRIC, HYDROGEN, RANGE_EXTENDER

# fmt: off
TCO_FIELDS: tuple[TcoField, ...] = (
    # -- the new-energy truck ----------------------------------------------------------------
    F("ev_price_cny", "nev", "购车价", "Purchase price", "元", "CNY", 0, MONEY, 0, 1000,
      note_zh="车型指导价；换电车型通常不含电池。", note_en="The model's indicative price; "
      "swap models are usually sold without the battery."),
    F("ev_subsidy_cny", "nev", "购车补贴", "Subsidy", "元", "CNY", 0, MONEY, 0, 1000,
      note_zh="地方补贴或奖励，按到手金额填写。", note_en="Local subsidy or bonus received."),
    F("ev_purchase_tax_pct", "nev", "购置税", "Purchase tax", "%", "%", 0, 20, 2, 0.5,
      note_zh="新能源货车免征购置税时为 0。", note_en="0 while NEV trucks are exempt."),
    F("battery_rent_cny_month", "nev", "电池租金", "Battery rent", "元/月", "CNY/month",
      0, 100_000, 0, 100, E,
      note_zh="车电分离（换电）车型的电池月租。", note_en="Monthly battery rent of swap "
      "(battery-as-a-service) models."),
    F("ev_payload_kg", "nev", "新能源车载质量", "Payload (new-energy)", "kg", "kg",
      0, 100_000, 0, 100,
      note_zh="牵引车：准拖挂车总质量 − 整备质量 − 挂车自重（约 7 吨）。",
      note_en="Tractors: GCW − curb weight − trailer tare (about 7 t)."),
    # -- electricity ---------------------------------------------------------------------------
    F("ev_kwh_100km", "electricity", "百公里电耗", "Energy use", "kWh/100 km", "kWh/100 km",
      0, 1000, 1, 1, E, note_zh="车型参数；按充电桩计量的电量更准确。",
      note_en="From the spec sheet; the kWh metered at the charger is more exact."),
    F("peak_share_pct", "electricity", "峰时充电比例", "Peak-hour share", "%", "%",
      0, 100, 1, 5, E),
    F("flat_share_pct", "electricity", "平时充电比例", "Flat-hour share", "%", "%",
      0, 100, 1, 5, E),
    F("valley_share_pct", "electricity", "谷时充电比例", "Valley-hour share", "%", "%",
      0, 100, 1, 5, E, note_zh="三项之和须为 100%。", note_en="The three shares add up to 100 %."),
    F("peak_price_cny_kwh", "electricity", "峰时电价", "Peak price", "元/kWh", "CNY/kWh",
      0, 10, 3, 0.01, E),
    F("flat_price_cny_kwh", "electricity", "平时电价", "Flat price", "元/kWh", "CNY/kWh",
      0, 10, 3, 0.01, E),
    F("valley_price_cny_kwh", "electricity", "谷时电价", "Valley price", "元/kWh", "CNY/kWh",
      0, 10, 3, 0.01, E, note_zh="默认：平段 0.62 元，峰 1.6 倍、谷 0.4 倍；请按当地电价修改。",
      note_en="Default: flat 0.62 CNY, peak 1.6×, valley 0.4×; use the local tariff."),
    F("service_fee_cny_kwh", "electricity", "充换电服务费", "Charging / swap service fee",
      "元/kWh", "CNY/kWh", 0, 10, 3, 0.01, E),
    # -- hydrogen ------------------------------------------------------------------------------
    F("h2_kg_100km", "hydrogen", "百公里氢耗", "Hydrogen use", "kg/100 km", "kg/100 km",
      0, 100, 2, 0.5, H),
    F("h2_price_cny_kg", "hydrogen", "氢气价格", "Hydrogen price", "元/kg", "CNY/kg",
      0, 200, 2, 1, H, note_zh="加氢站零售价（补贴后）。", note_en="Pump price after subsidies."),
    F("h2_co2_kg_per_kg", "hydrogen", "制氢碳排放", "CO₂ of hydrogen", "kg CO₂/kg", "kg CO₂/kg",
      0, 40, 2, 0.5, H, note_zh="灰氢（天然气/煤制）约 10–20，绿氢接近 0。",
      note_en="Grey hydrogen (gas, coal) about 10–20; green hydrogen near 0."),
    # -- range extender ------------------------------------------------------------------------
    F("erev_electric_share_pct", "range_extender", "纯电行驶比例", "Share of km on battery",
      "%", "%", 0, 100, 1, 5, R),
    F("erev_diesel_l_100km", "range_extender", "增程时百公里油耗", "Diesel use on range extender",
      "L/100 km", "L/100 km", 0, 200, 1, 1, R),
    # -- the diesel truck ----------------------------------------------------------------------
    F("diesel_truck_price_cny", "diesel", "柴油车购车价", "Diesel truck price", "元", "CNY",
      0, MONEY, 0, 1000),
    F("diesel_purchase_tax_pct", "diesel", "柴油车购置税", "Diesel purchase tax", "%", "%",
      0, 20, 2, 0.5, note_zh="车价含 13% 增值税时，10% 购置税约为车价的 8.85%。",
      note_en="10 % of the price before 13 % VAT is about 8.85 % of the price."),
    F("diesel_l_100km", "diesel", "百公里油耗", "Diesel use", "L/100 km", "L/100 km",
      0, 200, 1, 1),
    F("diesel_price_cny_l", "diesel", "柴油价格", "Diesel price", "元/L", "CNY/L",
      0, 50, 2, 0.1),
    F("diesel_payload_kg", "diesel", "柴油车载质量", "Payload (diesel)", "kg", "kg",
      0, 100_000, 0, 100),
    # -- use -----------------------------------------------------------------------------------
    F("annual_km", "use", "年行驶里程", "Distance per year", "km", "km", 0, 500_000, 0, 1000),
    F("years", "use", "测算年限", "Years", "年", "years", 0, 30, 0, 1),
    F("load_factor_pct", "use", "平均装载率", "Average load factor", "%", "%", 0, 100, 1, 5,
      note_zh="去程满载、回程空驶约为 50%。", note_en="Loaded out, empty back is about 50 %."),
    F("toll_cny_km", "use", "平均通行费", "Average toll", "元/km", "CNY/km", 0, 20, 3, 0.05,
      note_zh="按全部里程平均（含不走高速的里程）。",
      note_en="Averaged over all km (including km off the expressway)."),
    F("nev_toll_discount_pct", "use", "新能源通行费优惠", "NEV toll discount", "%", "%",
      0, 100, 1, 5, note_zh="例如遵义 2024 年方案：ETC 通行费 85 折。",
      note_en="E.g. Zunyi's 2024 plan: 15 % off with ETC."),
    # -- running costs -------------------------------------------------------------------------
    F("ev_maintenance_cny_km", "running", "新能源车维保", "Maintenance (new-energy)",
      "元/km", "CNY/km", 0, 20, 3, 0.01),
    F("diesel_maintenance_cny_km", "running", "柴油车维保", "Maintenance (diesel)",
      "元/km", "CNY/km", 0, 20, 3, 0.01),
    F("ev_insurance_cny_year", "running", "新能源车保险", "Insurance (new-energy)",
      "元/年", "CNY/year", 0, 1_000_000, 0, 500),
    F("diesel_insurance_cny_year", "running", "柴油车保险", "Insurance (diesel)",
      "元/年", "CNY/year", 0, 1_000_000, 0, 500),
    # -- residual value and money --------------------------------------------------------------
    F("ev_residual_pct", "finance", "新能源车残值率", "Residual value (new-energy)", "%", "%",
      0, 100, 1, 1, note_zh="测算期末占购车价的比例。", note_en="At the end, as % of the price."),
    F("diesel_residual_pct", "finance", "柴油车残值率", "Residual value (diesel)", "%", "%",
      0, 100, 1, 1),
    F("discount_rate_pct", "finance", "折现率", "Discount rate", "%", "%", 0, 50, 2, 0.5),
    F("loan_share_pct", "finance", "贷款比例", "Share financed by a loan", "%", "%",
      0, 100, 1, 5, note_zh="两车相同；0 表示全款。", note_en="Same for both; 0 = paid in full."),
    F("loan_rate_pct", "finance", "贷款年利率", "Loan interest rate", "%", "%", 0, 50, 2, 0.25),
    F("loan_years", "finance", "贷款年限", "Loan term", "年", "years", 0, 30, 0, 1),
    # -- CO2 -----------------------------------------------------------------------------------
    F("grid_co2_kg_kwh", "environment", "电网碳排放因子", "Grid CO₂ intensity",
      "kg CO₂/kWh", "kg CO₂/kWh", 0, 2, 4, 0.01, E,
      note_zh="默认为全国电网平均排放因子 0.5703；绿电可填更低值。",
      note_en="Default: China's national grid average, 0.5703; lower for green power."),
    F("diesel_co2_kg_l", "environment", "柴油碳排放", "CO₂ of diesel", "kg CO₂/L", "kg CO₂/L",
      0, 5, 2, 0.1, note_zh="约 2.6 kg CO₂/L。", note_en="About 2.6 kg CO₂ per litre."),
)
# fmt: on

FIELDS_BY_KEY: dict[str, TcoField] = {f.key: f for f in TCO_FIELDS}
SHARE_KEYS = ("peak_share_pct", "flat_share_pct", "valley_share_pct")


def fields_in_group(group: str) -> tuple[TcoField, ...]:
    return tuple(f for f in TCO_FIELDS if f.group == group)


def applies(field: TcoField, powertrain: str) -> bool:
    """True when ``field`` is used for a truck with ``powertrain``."""
    try:
        return TcoPowertrain(powertrain) in field.applies
    except ValueError:
        return True
