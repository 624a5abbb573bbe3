"""The registry of truck spec fields: declared once, from which import, display and compare follow.

Every field has a key (used in catalog files, spreadsheets and the database), a group, labels in
Chinese and English, a unit, a kind (number, text or choice) and the direction in which a value
is better (so the comparison view can mark the better value). Fields whose value lives in a column
of ``truck_model`` (for fast facet filters) say so with ``column``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class FieldKind(StrEnum):
    NUMBER = "number"
    TEXT = "text"
    CHOICE = "choice"


class Better(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"
    NONE = "none"


@dataclass(frozen=True)
class Choice:
    """One allowed value of a choice field, with its labels."""

    value: str
    zh: str
    en: str


@dataclass(frozen=True)
class SpecGroup:
    key: str
    zh: str
    en: str


@dataclass(frozen=True)
class SpecField:
    key: str
    group: str
    zh: str
    en: str
    kind: FieldKind = FieldKind.NUMBER
    unit: str = ""
    better: Better = Better.NONE
    choices: tuple[Choice, ...] = ()
    column: str | None = None
    integer: bool = False
    minimum: float | None = 0.0
    maximum: float | None = None
    aliases: tuple[str, ...] = field(default=())

    def label(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en

    def choice_label(self, value: str, lang: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.zh if lang.startswith("zh") else choice.en
        return value


GROUPS: tuple[SpecGroup, ...] = (
    SpecGroup("identity", "基本信息", "Identity"),
    SpecGroup("battery", "动力电池", "Battery"),
    SpecGroup("driving", "驱动与续航", "Driving"),
    SpecGroup("hydrogen", "氢燃料系统", "Hydrogen"),
    SpecGroup("mass", "质量参数", "Mass"),
    SpecGroup("charging", "充电与换电", "Charging and swap"),
    SpecGroup("dimensions", "外形尺寸", "Dimensions"),
    SpecGroup("commercial", "商务信息", "Commercial"),
)

BODY_TYPES: tuple[Choice, ...] = (
    Choice("tractor", "牵引车", "Tractor"),
    Choice("dump", "自卸车", "Dump truck"),
    Choice("mixer", "搅拌车", "Mixer"),
    Choice("cargo", "载货车/厢式车", "Cargo / van"),
    Choice("light", "轻卡", "Light truck"),
    Choice("special", "专用车", "Special vehicle"),
)

POWERTRAINS: tuple[Choice, ...] = (
    Choice("bev_charge", "纯电动（充电）", "BEV, plug-in charging"),
    Choice("bev_swap", "纯电动（换电）", "BEV, battery swap"),
    Choice("fcev", "氢燃料电池", "Hydrogen fuel cell"),
    Choice("erev", "增程式/插电混动", "Range extender / PHEV"),
)

DRIVE_FORMS: tuple[Choice, ...] = (
    Choice("4x2", "4×2", "4x2"),
    Choice("6x2", "6×2", "6x2"),
    Choice("6x4", "6×4", "6x4"),
    Choice("8x4", "8×4", "8x4"),
)

YES_NO: tuple[Choice, ...] = (Choice("yes", "是", "Yes"), Choice("no", "否", "No"))

CHEMISTRIES: tuple[Choice, ...] = (
    Choice("lfp", "磷酸铁锂", "LFP"),
    Choice("nmc", "三元锂", "NMC"),
    Choice("sodium", "钠离子", "Sodium-ion"),
)

CHARGE_GUNS: tuple[Choice, ...] = (
    Choice("single", "单枪", "Single gun"),
    Choice("dual", "双枪", "Dual gun"),
    Choice("none", "不支持充电", "No plug-in charging"),
)

H, L, N = Better.HIGHER, Better.LOWER, Better.NONE
NUM, TEXT, CHOICE = FieldKind.NUMBER, FieldKind.TEXT, FieldKind.CHOICE

SPEC_FIELDS: tuple[SpecField, ...] = (
    # Identity (column-backed: filtered and faceted in SQL)
    SpecField(
        "body_type",
        "identity",
        "车型类别",
        "Body type",
        CHOICE,
        choices=BODY_TYPES,
        column="body_type",
        aliases=("车型", "类别", "body"),
    ),
    SpecField(
        "powertrain",
        "identity",
        "动力形式",
        "Powertrain",
        CHOICE,
        choices=POWERTRAINS,
        column="powertrain",
        aliases=("动力", "补能方式"),
    ),
    SpecField(
        "drive_form",
        "identity",
        "驱动形式",
        "Drive form",
        CHOICE,
        choices=DRIVE_FORMS,
        column="drive_form",
        aliases=("驱动",),
    ),
    SpecField(
        "announcement_no",
        "identity",
        "公告型号",
        "Announcement model no.",
        TEXT,
        column="announcement_no",
        aliases=("工信部公告型号", "公告号"),
    ),
    SpecField(
        "recommended_catalog",
        "identity",
        "列入推荐目录",
        "In recommended-models catalog",
        CHOICE,
        choices=YES_NO,
        column="recommended_catalog",
        aliases=("推荐目录",),
    ),
    # Battery
    SpecField(
        "battery_chemistry",
        "battery",
        "电池类型",
        "Battery chemistry",
        CHOICE,
        choices=CHEMISTRIES,
        aliases=("电池材料",),
    ),
    SpecField(
        "battery_kwh",
        "battery",
        "电池电量",
        "Battery capacity",
        unit="kWh",
        better=H,
        column="battery_kwh",
        aliases=("电量", "电池容量"),
    ),
    SpecField("battery_maker", "battery", "电池厂商", "Battery maker", TEXT),
    SpecField(
        "pack_density_wh_kg",
        "battery",
        "系统能量密度",
        "Pack energy density",
        unit="Wh/kg",
        better=H,
    ),
    SpecField("swap_standard", "battery", "换电包规格", "Swap pack standard", TEXT),
    SpecField("voltage_platform_v", "battery", "电压平台", "Voltage platform", unit="V", better=H),
    # Driving
    SpecField(
        "range_km",
        "driving",
        "续航里程",
        "Range",
        unit="km",
        better=H,
        column="range_km",
        aliases=("续航",),
    ),
    SpecField("range_cycle", "driving", "测试工况", "Test cycle", TEXT),
    SpecField(
        "energy_kwh_100km",
        "driving",
        "百公里电耗",
        "Energy use",
        unit="kWh/100 km",
        better=L,
        aliases=("电耗",),
    ),
    SpecField(
        "motor_rated_kw", "driving", "电机额定功率", "Motor rated power", unit="kW", better=H
    ),
    SpecField("motor_peak_kw", "driving", "电机峰值功率", "Motor peak power", unit="kW", better=H),
    SpecField("peak_torque_nm", "driving", "峰值扭矩", "Peak torque", unit="N·m", better=H),
    SpecField("max_speed_kmh", "driving", "最高车速", "Max speed", unit="km/h", better=H),
    SpecField("gradeability_pct", "driving", "最大爬坡度", "Gradeability", unit="%", better=H),
    # Hydrogen
    SpecField("fuel_cell_kw", "hydrogen", "燃料电池功率", "Fuel-cell power", unit="kW", better=H),
    SpecField("h2_storage_kg", "hydrogen", "储氢量", "Hydrogen storage", unit="kg", better=H),
    SpecField("h2_kg_100km", "hydrogen", "百公里氢耗", "Hydrogen use", unit="kg/100 km", better=L),
    SpecField("h2_pressure_mpa", "hydrogen", "储氢压力", "Tank pressure", unit="MPa", better=H),
    SpecField("h2_refuel_min", "hydrogen", "加氢时间", "Refuelling time", unit="min", better=L),
    # Mass
    SpecField(
        "gcw_t",
        "mass",
        "准拖挂车总质量",
        "Gross combination weight",
        unit="t",
        better=H,
        column="gcw_t",
        aliases=("GCW",),
    ),
    SpecField(
        "gvw_t", "mass", "最大总质量", "Gross vehicle weight", unit="t", better=H, aliases=("GVW",)
    ),
    SpecField(
        "curb_weight_kg", "mass", "整备质量", "Curb weight", unit="kg", better=L, integer=True
    ),
    SpecField(
        "payload_kg",
        "mass",
        "额定载质量",
        "Rated payload",
        unit="kg",
        better=H,
        column="payload_kg",
        integer=True,
        aliases=("载重", "payload"),
    ),
    SpecField(
        "fifth_wheel_load_kg",
        "mass",
        "鞍座最大承载质量",
        "Fifth-wheel load",
        unit="kg",
        better=H,
        integer=True,
    ),
    SpecField("body_volume_m3", "mass", "上装容积", "Body volume", unit="m³", better=H),
    # Charging and swap
    SpecField("dc_charge_kw", "charging", "直流充电功率", "DC charging power", unit="kW", better=H),
    SpecField("charge_guns", "charging", "充电枪", "Charging guns", CHOICE, choices=CHARGE_GUNS),
    SpecField(
        "charge_20_80_min",
        "charging",
        "充电时间(20→80%)",
        "Charge time 20→80 %",
        unit="min",
        better=L,
    ),
    SpecField("swap_min", "charging", "换电时间", "Swap time", unit="min", better=L),
    # Dimensions
    SpecField("length_mm", "dimensions", "长", "Length", unit="mm", integer=True),
    SpecField("width_mm", "dimensions", "宽", "Width", unit="mm", integer=True),
    SpecField("height_mm", "dimensions", "高", "Height", unit="mm", integer=True),
    SpecField("wheelbase_mm", "dimensions", "轴距", "Wheelbase", unit="mm", integer=True),
    # Commercial (price lives on the model row)
    SpecField(
        "price_cny",
        "commercial",
        "指导价",
        "Indicative price",
        unit="CNY",
        better=L,
        column="price_cny",
        aliases=("价格", "售价", "price"),
    ),
    SpecField(
        "price_includes_battery",
        "commercial",
        "价格含电池",
        "Price includes battery",
        CHOICE,
        choices=YES_NO,
        aliases=("含电池",),
    ),
    SpecField(
        "battery_rent_cny_month",
        "commercial",
        "电池租赁月租",
        "Battery rent",
        unit="CNY/month",
        better=L,
        aliases=("电池租金",),
    ),
    SpecField("warranty_vehicle", "commercial", "整车质保", "Vehicle warranty", TEXT),
    SpecField("warranty_three_electric", "commercial", "三电质保", "Three-electric warranty", TEXT),
    SpecField(
        "delivery_weeks", "commercial", "交付周期", "Delivery lead time", unit="weeks", better=L
    ),
)

FIELDS_BY_KEY: dict[str, SpecField] = {f.key: f for f in SPEC_FIELDS}
GROUPS_BY_KEY: dict[str, SpecGroup] = {g.key: g for g in GROUPS}
COLUMN_FIELDS: tuple[SpecField, ...] = tuple(f for f in SPEC_FIELDS if f.column)
VALUE_FIELDS: tuple[SpecField, ...] = tuple(f for f in SPEC_FIELDS if not f.column)


def fields_in_group(group_key: str) -> tuple[SpecField, ...]:
    return tuple(f for f in SPEC_FIELDS if f.group == group_key)


def group_label(group_key: str, lang: str) -> str:
    group = GROUPS_BY_KEY[group_key]
    return group.zh if lang.startswith("zh") else group.en
