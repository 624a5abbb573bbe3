"""Sensible TCO inputs for one model of the catalog, and the diesel truck it is compared with.

``defaults_for_model`` is pure: it takes the model's spec values (a mapping of spec keys, as on
the spec sheet, plus ``body_type``, ``powertrain`` and ``price_cny``) and returns ``TcoInputs``
with a note for every figure that had to be estimated. ``load_model_defaults`` is the thin loader
that reads the spec sheet through ``CatalogService``; ``find_model`` resolves what a person typed
on the command line (a code or a name) to one model.

Per class of truck (``CLASS_DEFAULTS``): kilometres per year, the comparable diesel truck's
price and fuel use (tractor 40 L/100 km, DOMAIN.md), an average toll per km, maintenance per km
(electric about half of diesel) and the fixed part of insurance (compulsory + third party; the
damage cover adds 1.2 % of the truck's price a year). Tractors carry GCW − curb weight − a
7 t trailer; a diesel truck of another body carries the EV's payload plus the battery's mass
less about 1.5 t of engine, gearbox and tank.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace

from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.catalog import CatalogService, ModelSummary
from catalog_app.services.tco_fields import TcoPowertrain
from catalog_app.services.tco_inputs import TcoInputs

TRAILER_TARE_KG = 7_000.0
DIESEL_TRACTOR_CURB_KG = 8_800.0
DIESEL_DRIVETRAIN_KG = 1_500.0
PACK_WH_PER_KG = 150.0
DAMAGE_COVER_PCT = 1.2
SWAP_SERVICE_FEE = 0.50
CHARGE_SERVICE_FEE = 0.45


@dataclass(frozen=True)
class ClassDefaults:
    annual_km: float
    diesel_truck_price: float
    diesel_l_100km: float
    payload_kg: float  # when the catalog has none
    toll_cny_km: float
    ev_maintenance_km: float
    diesel_maintenance_km: float
    insurance_fixed: float
    kwh_100km: float  # when the catalog has none
    h2_kg_100km: float


CLASS_DEFAULTS: dict[str, ClassDefaults] = {
    "tractor": ClassDefaults(100_000, 350_000, 40, 31_000, 0.8, 0.12, 0.22, 10_000, 130, 11),
    "dump": ClassDefaults(60_000, 400_000, 45, 15_000, 0.2, 0.12, 0.25, 9_000, 160, 12),
    "mixer": ClassDefaults(50_000, 420_000, 48, 15_000, 0.2, 0.12, 0.25, 9_000, 185, 12),
    "cargo": ClassDefaults(80_000, 250_000, 25, 10_000, 0.5, 0.08, 0.15, 7_000, 90, 7),
    "light": ClassDefaults(40_000, 110_000, 12, 1_400, 0.2, 0.05, 0.09, 2_500, 30, 3),
    "special": ClassDefaults(30_000, 300_000, 25, 7_000, 0.1, 0.10, 0.18, 7_000, 110, 8),
}

ESTIMATED = {
    "price": Bilingual(
        zh="目录中没有该车型的价格，请填写购车价。",
        en="The catalog has no price for this model: enter the purchase price.",
    ),
    "payload_tractor": Bilingual(
        zh="载质量按准拖挂车总质量 − 整备质量 − 挂车自重 7 吨估算。",
        en="Payload estimated as GCW − curb weight − a 7 t trailer.",
    ),
    "payload_class": Bilingual(
        zh="目录中没有载质量，按同类车型估算。",
        en="The catalog has no payload: a typical figure for the class is used.",
    ),
    "energy_from_range": Bilingual(
        zh="电耗按电池电量 ÷ 续航里程估算。", en="Energy use estimated as battery kWh ÷ range."
    ),
    "energy_class": Bilingual(
        zh="目录中没有能耗数据，按同类车型估算。",
        en="The catalog has no energy use: a typical figure for the class is used.",
    ),
    "rent": Bilingual(
        zh="该车型不含电池销售，但目录中没有电池月租，请填写。",
        en="This model is sold without its battery but the catalog has no battery rent: enter it.",
    ),
    "erev_share": Bilingual(
        zh="增程车的纯电行驶比例取决于线路和充电条件，默认按 50% 估算。",
        en="A range extender's share of km on battery depends on the route and charging; "
        "50 % is assumed.",
    ),
}
NO_MODEL = Bilingual(
    zh="找不到车型“{query}”。请用车型代码或名称（catalog-app search 可查）。",
    en='No model matches "{query}". Use a model code or name (see catalog-app search).',
)
MANY_MODELS = Bilingual(
    zh="“{query}”对应多个车型，请用车型代码：\n{lines}",
    en='"{query}" matches several models; use a model code:\n{lines}',
)
GONE = Bilingual(zh="该车型已不在目录中。", en="That model is no longer in the catalog.")


@dataclass(frozen=True)
class ModelTcoDefaults:
    """The starting inputs for one model, what was estimated, and how to name the model."""

    inputs: TcoInputs
    model_id: uuid.UUID | None
    name_zh: str
    name_en: str
    notes: tuple[Bilingual, ...]

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") or not self.name_en else self.name_en


def _number(specs: Mapping[str, object], key: str) -> float | None:
    value = specs.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        return None  # also NaN
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        return None
    return number if math.isfinite(number) else None


def _powertrain(specs: Mapping[str, object]) -> TcoPowertrain:
    try:
        return TcoPowertrain(str(specs.get("powertrain") or ""))
    except ValueError:
        return TcoPowertrain.BEV_CHARGE


def defaults_for_model(specs: Mapping[str, object]) -> tuple[TcoInputs, tuple[Bilingual, ...]]:
    """Inputs for a model from its spec values; the notes say which figures were estimated."""
    body = str(specs.get("body_type") or "")
    cls = CLASS_DEFAULTS.get(body, CLASS_DEFAULTS["cargo" if body else "tractor"])
    powertrain = _powertrain(specs)
    notes: list[Bilingual] = []
    base = TcoInputs()

    price = _number(specs, "price_cny")
    if price is None:
        notes.append(ESTIMATED["price"])
        price = base.ev_price_cny

    battery_kwh = _number(specs, "battery_kwh") or 0.0
    battery_kg = battery_kwh * 1000.0 / (_number(specs, "pack_density_wh_kg") or PACK_WH_PER_KG)
    gcw_t, curb_kg = _number(specs, "gcw_t"), _number(specs, "curb_weight_kg")
    payload = _number(specs, "payload_kg")
    if body == "tractor" and gcw_t is not None:
        extra_kg = max(0.0, battery_kg - DIESEL_DRIVETRAIN_KG)
        tractor_curb = curb_kg or DIESEL_TRACTOR_CURB_KG + extra_kg
        if payload is None:
            payload = gcw_t * 1000.0 - tractor_curb - TRAILER_TARE_KG
            notes.append(ESTIMATED["payload_tractor"])
        diesel_payload = gcw_t * 1000.0 - DIESEL_TRACTOR_CURB_KG - TRAILER_TARE_KG
    else:
        if payload is None:
            payload = cls.payload_kg
            notes.append(ESTIMATED["payload_class"])
        diesel_payload = payload + max(0.0, battery_kg - DIESEL_DRIVETRAIN_KG)

    kwh_100km = _number(specs, "energy_kwh_100km")
    h2_100km = _number(specs, "h2_kg_100km")
    if powertrain is TcoPowertrain.FCEV:
        if h2_100km is None:
            notes.append(ESTIMATED["energy_class"])
        kwh_100km = kwh_100km or cls.kwh_100km
    elif kwh_100km is None:
        range_km = _number(specs, "range_km")
        if battery_kwh and range_km:
            kwh_100km = round(battery_kwh / range_km * 100.0, 1)
            notes.append(ESTIMATED["energy_from_range"])
        else:
            kwh_100km = cls.kwh_100km
            notes.append(ESTIMATED["energy_class"])
    if powertrain is TcoPowertrain.EREV:
        notes.append(ESTIMATED["erev_share"])

    includes_battery = str(specs.get("price_includes_battery") or "")
    sold_without_battery = includes_battery == "no"
    rent = _number(specs, "battery_rent_cny_month") or 0.0
    if powertrain is TcoPowertrain.FCEV or includes_battery == "yes":
        rent = 0.0  # a rent listed beside a price with battery is an alternative, not extra
    elif sold_without_battery and not rent:
        notes.append(ESTIMATED["rent"])
    swap = powertrain is TcoPowertrain.BEV_SWAP
    inputs = replace(
        base,
        powertrain=powertrain.value,
        model_code=str(specs.get("code") or ""),
        ev_price_cny=price,
        battery_rent_cny_month=rent,
        ev_payload_kg=round(max(payload, 0.0), -1),
        ev_kwh_100km=kwh_100km,
        service_fee_cny_kwh=SWAP_SERVICE_FEE if swap else CHARGE_SERVICE_FEE,
        h2_kg_100km=h2_100km or cls.h2_kg_100km,
        erev_electric_share_pct=50.0,
        erev_diesel_l_100km=round(cls.diesel_l_100km * 0.9, 1),
        diesel_truck_price_cny=cls.diesel_truck_price,
        diesel_l_100km=cls.diesel_l_100km,
        diesel_payload_kg=round(max(diesel_payload, 0.0), -1),
        annual_km=cls.annual_km,
        toll_cny_km=cls.toll_cny_km,
        ev_maintenance_cny_km=cls.ev_maintenance_km,
        diesel_maintenance_cny_km=cls.diesel_maintenance_km,
        ev_insurance_cny_year=round(cls.insurance_fixed + price * DAMAGE_COVER_PCT / 100, -2),
        diesel_insurance_cny_year=round(
            cls.insurance_fixed + cls.diesel_truck_price * DAMAGE_COVER_PCT / 100, -2
        ),
        # A truck sold without its battery keeps more of its (lower) price.
        ev_residual_pct=20.0 if sold_without_battery else 15.0,
    )
    return inputs, tuple(notes)


def _spec_values(
    catalog: CatalogService, model_id: uuid.UUID
) -> tuple[dict[str, object], str, str]:
    sheet = catalog.spec_sheet(model_id)
    if sheet is None:
        raise UserFacingError(GONE)
    specs: dict[str, object] = {
        entry.field.key: entry.raw for group in sheet.groups for entry in group.entries
    }
    model = sheet.model
    specs.update(
        code=model.code,
        body_type=model.body_type,
        powertrain=model.powertrain,
        price_cny=model.price_cny,
    )
    return specs, model.name_zh, model.name_en


def load_model_defaults(catalog: CatalogService, model_id: uuid.UUID) -> ModelTcoDefaults:
    """The starting inputs for a model of the catalog (reads its spec sheet once)."""
    specs, name_zh, name_en = _spec_values(catalog, model_id)
    inputs, notes = defaults_for_model(specs)
    return ModelTcoDefaults(inputs, model_id, name_zh, name_en, notes)


def find_model(catalog: CatalogService, query: str, lang: str = "en") -> ModelSummary:
    """The one model that ``query`` names: its code (any case) first, else a unique match of
    the catalog's text search. ``UserFacingError`` when none or several match."""
    text = query.strip()
    candidates = catalog.list_models(text) if text else []
    exact = [m for m in candidates if m.code.casefold() == text.casefold()]
    if exact:
        return exact[0]
    named = [
        m for m in candidates if text.casefold() in (m.name_zh.casefold(), m.name_en.casefold())
    ]
    if len(named) == 1:
        return named[0]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise UserFacingError(NO_MODEL, query=text)
    lines = "\n".join(f"  {m.code}  {m.name(lang)}" for m in candidates[:20])
    raise UserFacingError(MANY_MODELS, query=text, lines=lines)
