"""Deterministic, fictional test data at scale for the benchmarks: catalogs and leads.

- ``generate_models(db_or_path, n=10_000, seed=DEFAULT_SEED)`` writes a fair, exhibitors, ``n``
  truck models across every body type and powertrain with plausible figures (driven by the spec
  registry: column-backed fields go on ``truck_model``, the others become ``spec_value`` rows),
  and a few priced options. It goes through the ORM (bulk INSERTs), so every value passes the real
  column types.
- ``generate_leads(path, n=1_000_000, seed=DEFAULT_SEED)`` writes leads and their interests fast:
  the file is created and migrated by ``open_sqlite`` (so the schema is the real one), then filled
  with raw ``sqlite3`` ``executemany`` batches in one transaction, in the storage formats
  SQLAlchemy uses on SQLite (UUID as 32 hex digits, ``YYYY-MM-DD HH:MM:SS.ffffff`` datetimes in
  UTC, enums as their values, JSON text, HLC stamps as ``domain/clock.py`` prints them). Run
  ``generate_models`` first if the leads should point at models.

Everything is derived from ``seed`` (ids included), so the same seed gives the same rows. All
names, companies, phone numbers and e-mail addresses are invented: surnames and given names come
from small lists, mobiles are random ``+86 1xx`` numbers, e-mails end in ``@example.cn``.

CLI: ``python -m tests.benchmarks.datagen --models 10000 --leads 1000000 --out FILE``.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from catalog_app.domain.base import Mergeable
from catalog_app.domain.clock import ZERO, Hlc, next_stamp
from catalog_app.domain.enums import (
    EnergyPreference,
    ExhibitorKind,
    Financing,
    FollowUp,
    Industry,
    LeadSource,
    Rating,
    StaffRole,
    Timeframe,
)
from catalog_app.domain.ids import stable_id
from catalog_app.domain.models import (
    Device,
    Exhibitor,
    Fair,
    Lead,
    LeadInterest,
    LocalSetting,
    ModelOption,
    SpecValue,
    StaffAccount,
    TruckModel,
)
from catalog_app.domain.spec_fields import (
    BODY_TYPES,
    COLUMN_FIELDS,
    POWERTRAINS,
    VALUE_FIELDS,
    FieldKind,
    SpecField,
)
from catalog_app.store.database import Database, device_code, open_sqlite
from catalog_app.store.stamping import CLOCK_KEY

DEFAULT_SEED = 20260521
FAIR_START = datetime(2026, 5, 21, tzinfo=UTC)
FAIR_DAYS = 3
# Booth hours 09:00–17:30 China time (UTC+8), i.e. 01:00–09:30 UTC.
BOOTH_OPEN_S = 1 * 3600
BOOTH_HOURS_S = int(8.5 * 3600)
BOOTH_DEVICES = 4  # booth laptops whose leads were merged into the file
CATALOG_MOMENT = FAIR_START - timedelta(days=14)  # the organiser imported the catalog
SETUP_MOMENT = FAIR_START - timedelta(days=15)  # the organiser set up devices and staff

# --- small fictional vocabularies (with pinyin, for keys and e-mail addresses) -----------------

SURNAMES: tuple[tuple[str, str, int], ...] = (  # (hanzi, pinyin, weight)
    ("王", "wang", 72),
    ("李", "li", 70),
    ("张", "zhang", 66),
    ("刘", "liu", 52),
    ("陈", "chen", 46),
    ("杨", "yang", 34),
    ("黄", "huang", 24),
    ("赵", "zhao", 22),
    ("吴", "wu", 20),
    ("周", "zhou", 19),
    ("徐", "xu", 15),
    ("孙", "sun", 14),
    ("马", "ma", 13),
    ("朱", "zhu", 12),
    ("胡", "hu", 11),
    ("郭", "guo", 10),
    ("何", "he", 9),
    ("罗", "luo", 9),
    ("高", "gao", 9),
    ("林", "lin", 8),
    ("梁", "liang", 7),
    ("郑", "zheng", 7),
    ("谢", "xie", 6),
    ("宋", "song", 6),
    ("唐", "tang", 6),
    ("韩", "han", 5),
    ("冯", "feng", 5),
    ("邓", "deng", 5),
    ("曹", "cao", 4),
    ("彭", "peng", 4),
    ("龙", "long", 3),
    ("欧阳", "ouyang", 1),
)
GIVEN_NAMES: tuple[tuple[str, str], ...] = (
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("杰", "jie"),
    ("涛", "tao"),
    ("建华", "jianhua"),
    ("秀英", "xiuying"),
    ("志强", "zhiqiang"),
    ("海燕", "haiyan"),
    ("明", "ming"),
    ("超", "chao"),
    ("秀兰", "xiulan"),
    ("霞", "xia"),
    ("平", "ping"),
    ("刚", "gang"),
    ("桂英", "guiying"),
    ("建国", "jianguo"),
    ("建军", "jianjun"),
    ("丽娟", "lijuan"),
    ("国庆", "guoqing"),
    ("春梅", "chunmei"),
    ("俊杰", "junjie"),
    ("晓东", "xiaodong"),
    ("文博", "wenbo"),
    ("子涵", "zihan"),
    ("浩然", "haoran"),
    ("欣怡", "xinyi"),
    ("宇航", "yuhang"),
    ("思远", "siyuan"),
    ("德明", "deming"),
    ("永红", "yonghong"),
    ("兴贵", "xinggui"),
    ("黔生", "qiansheng"),
    ("光荣", "guangrong"),
    ("红梅", "hongmei"),
    ("立新", "lixin"),
    ("振华", "zhenhua"),
    ("金龙", "jinlong"),
    ("玉兰", "yulan"),
    ("学军", "xuejun"),
    ("成林", "chenglin"),
    ("天佑", "tianyou"),
    ("泽宇", "zeyu"),
)
TITLES: tuple[str, ...] = (
    "总经理",
    "副总经理",
    "车队长",
    "采购经理",
    "运营总监",
    "物流经理",
    "设备部长",
    "董事长",
    "项目经理",
    "调度主管",
    "财务总监",
    "安全主管",
    "技术负责人",
    "",
)
CITIES: tuple[str, ...] = (
    "贵阳",
    "遵义",
    "六盘水",
    "安顺",
    "毕节",
    "铜仁",
    "凯里",
    "都匀",
    "兴义",
    "仁怀",
    "重庆",
    "成都",
    "昆明",
    "长沙",
    "南宁",
    "怀化",
    "曲靖",
    "泸州",
)
COMPANY_WORDS: tuple[str, ...] = (
    "鑫源",
    "华通",
    "顺达",
    "宏远",
    "黔通",
    "恒运",
    "盛世",
    "安捷",
    "远航",
    "金桥",
    "瑞丰",
    "中联",
    "德盛",
    "永昌",
    "天成",
    "汇通",
    "嘉禾",
    "长丰",
    "聚力",
    "新锐",
    "万达",
    "弘毅",
    "佳运",
    "博达",
    "利民",
    "同创",
    "乌江",
    "黔源",
    "云岭",
    "山海",
)
INDUSTRY_WORDS: dict[str, tuple[str, ...]] = {
    Industry.LOGISTICS: ("物流", "运输", "货运"),
    Industry.COAL_MINING: ("煤业", "矿业", "煤炭运销"),
    Industry.ENERGY_POWER: ("能源", "电力", "新能源"),
    Industry.CONSTRUCTION: ("建设工程", "建材", "路桥"),
    Industry.MUNICIPAL: ("环卫服务", "城市建设投资", "公交"),
    Industry.SUPPLY_CHAIN: ("供应链", "商贸", "仓储"),
    Industry.FINANCE_LEASING: ("融资租赁", "汽车金融"),
    Industry.SWAP_CHARGING: ("换电科技", "充电服务"),
    Industry.OTHER: ("实业", "科技", "贸易"),
}
COMPANY_SUFFIXES: tuple[str, ...] = ("有限公司", "有限责任公司", "集团有限公司", "股份有限公司")
MOBILE_PREFIXES: tuple[str, ...] = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "157",
    "158",
    "159",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
)
STAFF_NAMES: tuple[str, ...] = (
    "展台-王工",
    "展台-李经理",
    "展台-张工",
    "展台-陈经理",
    "展台-刘工",
    "展台-杨经理",
    "展台-赵工",
    "展台-周经理",
)
CONSENT_TEXT = (
    "本人同意展商为跟进购车意向之目的保存并使用上述联系方式，可随时要求删除。（示例文本）"
)
CONSENT_VERSION = "2026-05"
CONSENT_PURPOSES = json.dumps(["follow_up"])
CONSENT_PURPOSES_MARKETING = json.dumps(["follow_up", "marketing"])

BRANDS: tuple[tuple[str, str], ...] = (
    ("黔岭", "Qianling"),
    ("云峰", "Yunfeng"),
    ("川驰", "Chuanchi"),
    ("湘骏", "Xiangjun"),
    ("桂锐", "Guirui"),
    ("渝能", "Yuneng"),
    ("华驰", "Huachi"),
    ("中睿", "Zhongrui"),
    ("远擎", "Yuanqing"),
    ("天行", "Tianxing"),
    ("宏图", "Hongtu"),
    ("金陵", "Jinling"),
    ("乌蒙", "Wumeng"),
    ("苗岭", "Miaoling"),
    ("赤水", "Chishui"),
    ("梵净", "Fanjing"),
)
BRAND_KINDS: tuple[tuple[str, str], ...] = (
    ("重卡", "Heavy Truck"),
    ("汽车", "Motors"),
    ("新能源商用车", "NEV Commercial Vehicles"),
    ("氢能汽车", "Hydrogen Vehicles"),
    ("专用车", "Special Vehicles"),
)
OTHER_EXHIBITORS: tuple[tuple[ExhibitorKind, str, str], ...] = (
    (ExhibitorKind.SWAP_OPERATOR, "换电服务", "Battery Swap Services"),
    (ExhibitorKind.ENERGY, "能源", "Energy"),
    (ExhibitorKind.FINANCE, "融资租赁", "Finance Leasing"),
)
BATTERY_MAKERS: tuple[str, ...] = (
    "黔能动力电池（示例）",
    "宁远动力（示例）",
    "云储电池（示例）",
    "川锂科技（示例）",
)
WARRANTY_VEHICLE: tuple[str, ...] = ("3年/30万公里", "3年/50万公里", "5年/60万公里")
WARRANTY_THREE_ELECTRIC: tuple[str, ...] = (
    "8年/80万公里",
    "电机电控 5年/60万公里；电池由换电运营商质保",
    "5年/50万公里",
)
OPTIONS: tuple[tuple[str, str, str, int, int], ...] = (  # code, zh, en, min, max price
    ("PARK-AC", "驾驶室驻车空调", "Cab parking air-conditioner", 5800, 8800),
    ("ADAS", "智能辅助驾驶包", "Driver-assistance package", 12000, 26000),
    ("TPMS", "胎压监测", "Tyre-pressure monitoring", 1800, 3200),
    ("SEAT-AIR", "气囊座椅", "Air-suspension seat", 3500, 6000),
    ("BATT-BUYOUT", "电池包买断", "Battery buy-out", 180000, 320000),
)


@dataclass(frozen=True)
class BodyProfile:
    """Plausible ranges for one body type (composites of public figures, not real products)."""

    zh: str
    en: str
    class_digit: str
    gvw_t: float
    gcw_t: float | None
    payload_kg: tuple[int, int] | None
    battery_kwh: tuple[float, ...]
    energy_kwh_100km: tuple[float, float]
    drive_forms: tuple[str, ...]
    motor_rated_kw: tuple[int, int]
    torque_nm: tuple[int, int]
    max_speed_kmh: tuple[int, int]
    length_mm: tuple[int, int]
    width_mm: int
    height_mm: tuple[int, int]
    wheelbase_mm: tuple[int, int]
    curb_weight_kg: tuple[int, int]
    body_volume_m3: tuple[float, float] | None
    price_factor: float
    h2_storage_kg: tuple[int, int]
    h2_kg_100km: tuple[float, float]
    powertrain_weights: tuple[int, int, int, int]  # bev_charge, bev_swap, fcev, erev


BODY_PROFILES: dict[str, BodyProfile] = {
    "tractor": BodyProfile(
        "牵引车",
        "tractor",
        "4",
        25,
        49,
        None,
        (282, 350, 423, 513, 600),
        (105, 135),
        ("6x4", "4x2"),
        (250, 360),
        (2000, 3200),
        (89, 89),
        (6800, 7300),
        2550,
        (3700, 4000),
        (3500, 3900),
        (9200, 12500),
        None,
        1.0,
        (50, 80),
        (8.5, 12.0),
        (35, 35, 20, 10),
    ),
    "dump": BodyProfile(
        "自卸车",
        "dump truck",
        "3",
        31,
        None,
        (14000, 19000),
        (282, 350, 423),
        (130, 165),
        ("8x4", "6x4"),
        (250, 350),
        (2200, 3500),
        (80, 89),
        (8400, 9600),
        2550,
        (3300, 3600),
        (4500, 5300),
        (12500, 16000),
        (16.0, 25.0),
        0.95,
        (40, 60),
        (10.0, 14.0),
        (40, 40, 10, 10),
    ),
    "mixer": BodyProfile(
        "搅拌车",
        "mixer",
        "5",
        31,
        None,
        (12000, 15000),
        (282, 350),
        (120, 150),
        ("8x4", "6x4"),
        (250, 320),
        (2000, 3000),
        (80, 89),
        (9000, 10300),
        2500,
        (3800, 4000),
        (4500, 5300),
        (14000, 17000),
        (8.0, 12.0),
        0.9,
        (40, 55),
        (9.0, 12.0),
        (40, 50, 10, 0),
    ),
    "cargo": BodyProfile(
        "厢式运输车",
        "box truck",
        "5",
        18,
        None,
        (8000, 10500),
        (141, 177, 211, 282),
        (55, 85),
        ("4x2",),
        (120, 200),
        (800, 1600),
        (89, 100),
        (8800, 10000),
        2550,
        (3800, 4000),
        (5000, 6000),
        (7500, 9500),
        (40.0, 55.0),
        0.5,
        (15, 25),
        (3.5, 5.0),
        (60, 10, 15, 15),
    ),
    "light": BodyProfile(
        "轻卡",
        "light truck",
        "5",
        4.5,
        None,
        (1400, 2500),
        (50, 58, 81, 100),
        (15, 24),
        ("4x2",),
        (60, 90),
        (250, 350),
        (90, 110),
        (5300, 6000),
        2100,
        (2300, 3000),
        (2900, 3360),
        (2300, 2900),
        (12.0, 18.0),
        0.2,
        (6, 10),
        (1.2, 1.8),
        (80, 0, 0, 20),
    ),
    "special": BodyProfile(
        "专用车",
        "special vehicle",
        "5",
        18,
        None,
        (5000, 9000),
        (141, 211, 282),
        (60, 90),
        ("4x2", "6x4"),
        (120, 250),
        (800, 2000),
        (85, 89),
        (8000, 9500),
        2550,
        (3000, 3600),
        (4500, 5000),
        (9000, 12000),
        (8.0, 14.0),
        0.6,
        (15, 25),
        (3.5, 5.0),
        (70, 0, 10, 20),
    ),
}
POWERTRAIN_KEYS: tuple[str, ...] = ("bev_charge", "bev_swap", "fcev", "erev")
POWERTRAIN_CODES = {"bev_charge": "BEV", "bev_swap": "BEV", "fcev": "FCEV", "erev": "PHEV"}
BASE_PRICES = {  # CNY for a heavy tractor; the body type's factor scales them
    "bev_charge": (620_000, 880_000),
    "bev_swap": (360_000, 480_000),  # sold without the battery (rented monthly)
    "fcev": (1_050_000, 1_400_000),
    "erev": (560_000, 760_000),
}
ENERGY_FOR_POWERTRAIN = {
    "bev_charge": EnergyPreference.CHARGE,
    "bev_swap": EnergyPreference.SWAP,
    "fcev": EnergyPreference.HYDROGEN,
    "erev": EnergyPreference.CHARGE,
}

# Sanity checks against the registry: generation follows it, and fails loudly when it changes.
assert {c.value for c in BODY_TYPES} == set(BODY_PROFILES), "body types changed in the registry"
assert {c.value for c in POWERTRAINS} == set(POWERTRAIN_KEYS), "powertrains changed"
for _field in COLUMN_FIELDS:
    assert hasattr(TruckModel, _field.column or ""), f"truck_model lacks {_field.column}"


# --- storage formats (what SQLAlchemy writes on SQLite) ------------------------------------------


def uuid_hex(value: int) -> str:
    """A UUID as SQLAlchemy's ``Uuid`` stores it on SQLite: CHAR(32), hex without dashes."""
    return f"{value:032x}"


def uuid7_int(ms: int, rand74: int) -> int:
    """A UUIDv7 (as ``domain.ids.new_id`` makes) from a millisecond time and 74 random bits."""
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76 | (rand74 >> 62) << 64
    value |= 0b10 << 62 | (rand74 & ((1 << 62) - 1))
    return value


class SqlTime:
    """Format UTC microsecond timestamps as SQLAlchemy's SQLite DateTime does, quickly."""

    def __init__(self) -> None:
        self._minutes: dict[int, str] = {}

    def __call__(self, us: int) -> str:
        minute, rest = divmod(us, 60_000_000)
        prefix = self._minutes.get(minute)
        if prefix is None:
            moment = datetime.fromtimestamp(minute * 60, UTC)
            prefix = moment.strftime("%Y-%m-%d %H:%M:")
            self._minutes[minute] = prefix
        second, micro = divmod(rest, 1_000_000)
        return f"{prefix}{second:02d}.{micro:06d}"


def epoch_us(moment: datetime) -> int:
    return int(moment.timestamp()) * 1_000_000 + moment.microsecond


# --- catalog -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogSummary:
    fair_id: uuid.UUID
    exhibitors: int
    models: int
    spec_values: int
    options: int
    seconds: float


@contextmanager
def _database(db_or_path: Database | Path | str) -> Iterator[Database]:
    if isinstance(db_or_path, Database):
        yield db_or_path
        return
    database = open_sqlite(db_or_path, backup_on_open=False)
    try:
        yield database
    finally:
        database.close()


class _Stamper:
    """Hybrid-clock stamps for rows written by one device, as the store's hook would make."""

    def __init__(self, device_id: uuid.UUID, start: Hlc) -> None:
        self.device_id = device_id
        self.clock = start

    def stamp(self, wall_ms: int) -> str:
        self.clock = next_stamp(self.clock, wall_ms)
        return str(self.clock)

    def columns(self, moment: datetime) -> dict[str, Any]:
        wall_ms = int(moment.timestamp() * 1000)
        return {
            "created_at": moment,
            "updated_at": moment,
            "hlc": self.stamp(wall_ms),
            "device_id": self.device_id,
            "deleted_at": None,
        }


@dataclass(frozen=True)
class BenchDevices:
    """The (stable, per-seed) devices that wrote the generated rows, as if merged into the file.

    The catalog and the staff accounts come from the organiser's machine, leads from four booth
    laptops, and follow-ups after the fair from the office; the file's own device wrote nothing.
    """

    organiser: uuid.UUID
    booths: tuple[uuid.UUID, ...]
    office: uuid.UUID

    @classmethod
    def for_seed(cls, seed: int) -> BenchDevices:
        def make(name: str) -> uuid.UUID:
            return stable_id("device", f"bench-{seed}", name)

        booths = tuple(make(f"booth-{i}") for i in range(1, BOOTH_DEVICES + 1))
        return cls(make("organiser"), booths, make("office"))

    def named(self) -> list[tuple[uuid.UUID, str]]:
        return [
            (self.organiser, "organiser"),
            *((d, f"booth-{i}") for i, d in enumerate(self.booths, start=1)),
            (self.office, "office"),
        ]


def _ensure_devices_and_staff(database: Database, seed: int) -> list[uuid.UUID]:
    """Device rows for ``BenchDevices`` and eight staff accounts (stamped by the organiser)."""
    devices = BenchDevices.for_seed(seed)
    staff = [stable_id("staff", f"bench-{seed}", name) for name in STAFF_NAMES]
    stamper = _Stamper(devices.organiser, ZERO)
    with database.transaction() as session:
        device_rows = [
            {
                "id": device_id,
                "name": name,
                "code": device_code(device_id),
                "hostname": f"{name}.example.cn",
                "app_version": "",
                **stamper.columns(SETUP_MOMENT),
            }
            for device_id, name in devices.named()
            if session.get(Device, device_id) is None
        ]
        staff_rows = [
            {
                "id": staff_id,
                "display_name": name,
                "role": StaffRole.MANAGER if index == 0 else StaffRole.STAFF,
                "pin_hash": "",
                "failed_attempts": 0,
                "locked_until": None,
                "active": True,
                **stamper.columns(SETUP_MOMENT),
            }
            for index, (staff_id, name) in enumerate(zip(staff, STAFF_NAMES, strict=True))
            if session.get(StaffAccount, staff_id) is None
        ]
        if device_rows:
            session.execute(insert(Device), device_rows)
        if staff_rows:
            session.execute(insert(StaffAccount), staff_rows)
        _bump_clock(session, stamper.clock)
    return staff


def fair_code(seed: int) -> str:
    return f"BENCH-{seed}"


def _fair_row(seed: int, stamper: _Stamper, moment: datetime) -> dict[str, Any]:
    return {
        "id": stable_id("fair", fair_code(seed)),
        "code": fair_code(seed),
        "name_zh": f"新能源商用车供需对接会（基准测试数据 {seed}）",
        "name_en": f"NEV commercial-vehicle fair (benchmark data {seed})",
        "venue_zh": "贵州省贵安新区 · 会展中心（虚构）",
        "venue_en": "Gui'an New Area exhibition centre, Guizhou (fictional)",
        "starts_on": FAIR_START.date(),
        "ends_on": (FAIR_START + timedelta(days=FAIR_DAYS - 1)).date(),
        "is_sample": True,
        "notice_zh": "基准测试用虚构数据，非真实企业、产品或报价。",
        "notice_en": "Fictional benchmark data: no real companies, products or offers.",
        **stamper.columns(moment),
    }


def ensure_fair(database: Database, seed: int = DEFAULT_SEED) -> uuid.UUID:
    """The generated fair of ``seed``, created if the file has none yet."""
    fair_id = stable_id("fair", fair_code(seed))
    with database.transaction() as session:
        if session.get(Fair, fair_id) is None:
            stamper = _Stamper(BenchDevices.for_seed(seed).organiser, ZERO)
            session.execute(insert(Fair), [_fair_row(seed, stamper, CATALOG_MOMENT)])
            _bump_clock(session, stamper.clock)
    return fair_id


def _bump_clock(session: Any, clock: Hlc) -> None:
    setting = session.get(LocalSetting, CLOCK_KEY)
    if setting is None:
        session.add(LocalSetting(key=CLOCK_KEY, value=str(clock)))
    else:
        try:
            current = Hlc.parse(setting.value)
        except ValueError:
            current = Hlc(0, 0)
        if current < clock:
            setting.value = str(clock)


def _round_for(spec: SpecField, value: float) -> float:
    value = float(round(value)) if spec.integer else round(value, 1)
    if spec.minimum is not None and value < spec.minimum:
        raise ValueError(f"{spec.key}: {value} below {spec.minimum}")
    if spec.maximum is not None and value > spec.maximum:
        raise ValueError(f"{spec.key}: {value} above {spec.maximum}")
    return value


def _check_choice(spec: SpecField, value: object) -> None:
    if spec.kind is FieldKind.CHOICE and value not in {c.value for c in spec.choices}:
        raise ValueError(f"{spec.key}: {value!r} is not one of its choices")


def _model_figures(rng: random.Random, body: str, powertrain: str) -> dict[str, float | str]:
    """Every spec value of one model, keyed by spec field (column-backed ones included)."""
    p = BODY_PROFILES[body]
    heavy = p.gvw_t >= 18
    values: dict[str, float | str] = {
        "body_type": body,
        "powertrain": powertrain,
        "drive_form": rng.choice(p.drive_forms),
        "recommended_catalog": "yes" if rng.random() < 0.7 else "no",
        "gvw_t": p.gvw_t,
    }
    if p.gcw_t is not None:
        values["gcw_t"] = p.gcw_t
    if p.payload_kg is not None:
        values["payload_kg"] = rng.randint(*p.payload_kg) // 50 * 50
    if p.body_volume_m3 is not None:
        values["body_volume_m3"] = rng.uniform(*p.body_volume_m3)
    if powertrain == "fcev":
        kwh = rng.choice((80.0, 100.0, 110.0, 140.0) if heavy else (35.0, 50.0))
    elif powertrain == "erev":
        kwh = rng.choice((100.0, 141.0, 177.0, 211.0) if heavy else (40.0, 50.0))
    else:
        kwh = float(rng.choice(p.battery_kwh))
    chemistry = "lfp" if rng.random() < 0.85 else rng.choice(("nmc", "sodium"))
    values["battery_kwh"] = kwh
    values["battery_chemistry"] = chemistry
    values["battery_maker"] = rng.choice(BATTERY_MAKERS)
    density = {"lfp": (140, 175), "nmc": (170, 210), "sodium": (120, 150)}[chemistry]
    values["pack_density_wh_kg"] = rng.randint(*density)
    energy = rng.uniform(*p.energy_kwh_100km)
    values["energy_kwh_100km"] = energy
    if powertrain == "fcev":
        storage = rng.randint(*p.h2_storage_kg)
        h2_use = rng.uniform(*p.h2_kg_100km)
        values["fuel_cell_kw"] = rng.choice((110, 130, 150, 180, 200, 240) if heavy else (60, 80))
        values["h2_storage_kg"] = storage
        values["h2_kg_100km"] = h2_use
        values["h2_refuel_min"] = rng.randint(10, 20)
        values["range_km"] = round(storage / h2_use * 100 * 0.95 + kwh / energy * 50, -1)
    else:
        usable = 0.9 if powertrain != "erev" else 0.85
        values["range_km"] = round(kwh * usable / energy * 100, -1)
    values["range_cycle"] = "C-WTVC" if heavy else "CHTC-LT"
    rated = rng.randint(*p.motor_rated_kw) // 5 * 5
    values["motor_rated_kw"] = rated
    values["motor_peak_kw"] = round(rated * rng.uniform(1.35, 1.6) / 5) * 5
    values["peak_torque_nm"] = rng.randint(*p.torque_nm) // 50 * 50
    values["max_speed_kmh"] = rng.randint(*p.max_speed_kmh)
    values["gradeability_pct"] = rng.randint(18, 35)
    values["curb_weight_kg"] = rng.randint(*p.curb_weight_kg) // 10 * 10
    if powertrain != "fcev":
        dc_kw = rng.choice((240, 360, 480) if heavy else (60, 80, 120))
        values["dc_charge_kw"] = dc_kw
        values["charge_guns"] = "dual" if heavy and dc_kw >= 240 else "single"
        values["charge_20_80_min"] = round(kwh * 0.6 / dc_kw * 60 + rng.uniform(3, 8))
    else:
        values["charge_guns"] = "none"
    if powertrain == "bev_swap":
        values["swap_min"] = rng.randint(3, 6)
        values["swap_standard"] = f"{kwh:g} kWh 背挂式标准换电包（示例）"
        values["battery_rent_cny_month"] = round(kwh * rng.uniform(26, 34), -2)
    values["length_mm"] = rng.randint(*p.length_mm) // 10 * 10
    values["width_mm"] = p.width_mm
    values["height_mm"] = rng.randint(*p.height_mm) // 10 * 10
    values["wheelbase_mm"] = rng.randint(*p.wheelbase_mm) // 50 * 50
    low, high = BASE_PRICES[powertrain]
    values["price_cny"] = round(rng.uniform(low, high) * p.price_factor, -3)
    values["warranty_vehicle"] = rng.choice(WARRANTY_VEHICLE)
    values["warranty_three_electric"] = rng.choice(WARRANTY_THREE_ELECTRIC)
    values["delivery_weeks"] = rng.randint(4, 16)
    return values


def generate_models(
    db_or_path: Database | Path | str,
    n: int = 10_000,
    seed: int = DEFAULT_SEED,
    *,
    batch: int = 20_000,
) -> CatalogSummary:
    """Write a fair, its exhibitors and ``n`` truck models with spec values and options."""
    started = time.perf_counter()
    rng = random.Random(seed)
    code = fair_code(seed)
    with _database(db_or_path) as database:
        fair_id = stable_id("fair", code)
        with database.sessions() as check:
            if check.get(Fair, fair_id) is not None:
                raise ValueError(f"this file already holds the generated fair {code}")
        _ensure_devices_and_staff(database, seed)
        stamper = _Stamper(BenchDevices.for_seed(seed).organiser, ZERO)
        moment = CATALOG_MOMENT

        makers = max(3, n // 40)
        exhibitors: list[dict[str, Any]] = []
        maker_rows: list[dict[str, Any]] = []
        for index in range(makers + max(1, makers // 10)):
            is_maker = index < makers
            brand_zh, brand_en = BRANDS[index % len(BRANDS)]
            if is_maker:
                kind = ExhibitorKind.MAKER
                kind_zh, kind_en = BRAND_KINDS[rng.randrange(len(BRAND_KINDS))]
            else:
                kind, kind_zh, kind_en = OTHER_EXHIBITORS[index % len(OTHER_EXHIBITORS)]
            ex_code = f"EX{index + 1:04d}"
            generation = index // len(BRANDS)
            suffix_zh = f"{generation + 1}号" if generation else ""
            suffix_en = f" No. {generation + 1}" if generation else ""
            row = {
                "id": stable_id("exhibitor", code, ex_code),
                "fair_id": fair_id,
                "code": ex_code,
                "name_zh": f"{brand_zh}{kind_zh}{suffix_zh}（虚构）",
                "name_en": f"{brand_en} {kind_en}{suffix_en} (fictional)",
                "kind": kind,
                "booth": f"{'ABCDEFGH'[index % 8]}{index // 8 % 9 + 1}-{index % 40 + 1:02d}",
                "credit_code": f"915200{rng.randrange(10**11, 10**12)}X"[:18],
                "address_zh": f"{rng.choice(CITIES)}市示例路 {rng.randint(1, 300)} 号（虚构）",
                "address_en": "Sample Road (fictional)",
                "contact_name": f"{rng.choice(SURNAMES)[0]}{rng.choice(GIVEN_NAMES)[0]}",
                "contact_phone": f"0851-5555{rng.randrange(10000):04d}",
                "email": f"sales{index + 1}@exhibitor.example.cn",
                "website": f"https://ex{index + 1}.example.cn",
                "description_zh": f"{brand_zh}{kind_zh}：虚构的基准测试展商。",
                "description_en": f"{brand_en} {kind_en}: a fictional benchmark exhibitor.",
                "logo_media_id": None,
                **stamper.columns(moment),
            }
            exhibitors.append(row)
            if is_maker:
                maker_rows.append(row)

        body_keys = [c.value for c in BODY_TYPES]
        body_weights = [30, 20, 12, 18, 12, 8]
        models: list[dict[str, Any]] = []
        spec_rows: list[dict[str, Any]] = []
        option_rows: list[dict[str, Any]] = []
        written = {"models": 0, "spec_values": 0, "options": 0}

        def flush(session: Any, final: bool = False) -> None:
            for mapped, rows, key in (
                (TruckModel, models, "models"),
                (SpecValue, spec_rows, "spec_values"),
                (ModelOption, option_rows, "options"),
            ):
                if rows and (final or len(rows) >= batch or mapped is TruckModel):
                    # The ORM batches consecutive rows whose None columns match: group them.
                    rows.sort(key=lambda r: tuple(k for k, v in r.items() if v is None))
                    session.execute(insert(mapped), rows)
                    written[key] += len(rows)
                    rows.clear()

        with database.transaction() as session:
            session.execute(insert(Fair), [_fair_row(seed, stamper, moment)])
            session.execute(insert(Exhibitor), exhibitors)
            for index in range(n):
                # The import took a while: one millisecond per model keeps clock counters small.
                at = moment + timedelta(milliseconds=index + 1)
                maker = maker_rows[min(int(rng.paretovariate(1.2)) - 1, len(maker_rows) - 1)]
                maker = maker if rng.random() < 0.3 else maker_rows[index % len(maker_rows)]
                body = rng.choices(body_keys, body_weights)[0]
                powertrain = rng.choices(POWERTRAIN_KEYS, BODY_PROFILES[body].powertrain_weights)[0]
                figures = _model_figures(rng, body, powertrain)
                profile = BODY_PROFILES[body]
                brand_zh, brand_en = maker["name_zh"][:2], maker["name_en"].split(" ")[0]
                series = f"{'KHMGT'[index % 5]}{rng.randint(3, 9)}"
                model_code = f"{maker['code']}-{body[:2].upper()}{index + 1:05d}"
                kwh = figures["battery_kwh"]
                pt_code = POWERTRAIN_CODES[powertrain]
                model_id = stable_id("model", code, model_code)
                drive = str(figures["drive_form"])
                pt_zh = next(c.zh for c in POWERTRAINS if c.value == powertrain)
                pt_en = next(c.en for c in POWERTRAINS if c.value == powertrain)
                row: dict[str, Any] = {
                    "id": model_id,
                    "exhibitor_id": maker["id"],
                    "code": model_code,
                    "name_zh": f"{brand_zh} {series} {pt_zh}{profile.zh} "
                    f"{drive.replace('x', '×')} {kwh:g} kWh",
                    "name_en": f"{brand_en} {series} {pt_en} {profile.en} {drive} {kwh:g} kWh",
                    "maker_zh": maker["name_zh"],
                    "maker_en": maker["name_en"],
                    "announcement_no": f"{maker['code'][-3:]}Z{profile.class_digit}"
                    f"{int(profile.gvw_t * 10):03d}{pt_code}{index % 97 + 1:02d}",
                    "composite_note_zh": "虚构的基准测试数据，并非真实产品。",
                    "composite_note_en": "Fictional benchmark data, not a real product.",
                    "description_zh": f"{profile.zh}，{pt_zh}，"
                    f"续航约 {figures['range_km']:g} 公里。",
                    "description_en": f"{profile.en}, {pt_en}, "
                    f"about {figures['range_km']:g} km range.",
                    "sort_order": index,
                    **stamper.columns(at),
                }
                for spec in COLUMN_FIELDS:
                    column = str(spec.column)
                    value = figures.get(spec.key)
                    if value is None:
                        row.setdefault(column, None if spec.kind is FieldKind.NUMBER else "")
                    elif spec.kind is FieldKind.NUMBER:
                        row[column] = _round_for(spec, float(value))
                    else:
                        _check_choice(spec, value)
                        row[column] = str(value)
                models.append(row)
                for spec in VALUE_FIELDS:
                    value = figures.get(spec.key)
                    if value is None:
                        continue
                    number: float | None = None
                    text: str | None = None
                    if spec.kind is FieldKind.NUMBER:
                        number = _round_for(spec, float(value))
                    else:
                        _check_choice(spec, value)
                        text = str(value)
                    spec_rows.append(
                        {
                            "id": stable_id("spec", code, model_code, spec.key),
                            "model_id": model_id,
                            "field_key": spec.key,
                            "number_value": number,
                            "text_value": text,
                            **stamper.columns(at),
                        }
                    )
                for sort, option in enumerate(rng.sample(OPTIONS, rng.randint(0, 2))):
                    opt_code, opt_zh, opt_en, low, high = option
                    if opt_code == "BATT-BUYOUT" and powertrain != "bev_swap":
                        continue
                    option_rows.append(
                        {
                            "id": stable_id("option", code, model_code, opt_code),
                            "model_id": model_id,
                            "code": opt_code,
                            "name_zh": opt_zh,
                            "name_en": opt_en,
                            "price_cny": float(rng.randint(low, high) // 100 * 100),
                            "sort_order": sort,
                            **stamper.columns(at),
                        }
                    )
                if len(models) >= batch // 20:
                    flush(session)
            flush(session, final=True)
            session.flush()
            _bump_clock(session, stamper.clock)
    return CatalogSummary(
        fair_id,
        len(exhibitors),
        written["models"],
        written["spec_values"],
        written["options"],
        time.perf_counter() - started,
    )


# --- leads ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LeadSummary:
    leads: int
    interests: int
    seconds: float
    file_bytes: int


LEAD_COLUMNS: tuple[str, ...] = (
    "id",
    "created_at",
    "updated_at",
    "hlc",
    "device_id",
    "deleted_at",
    "fair_id",
    "exhibitor_id",
    "person_name",
    "person_name_key",
    "company",
    "company_key",
    "credit_code",
    "title",
    "mobile",
    "mobile_e164",
    "landline",
    "email",
    "email_normalized",
    "wechat_id",
    "industry",
    "fleet_size",
    "source",
    "rating",
    "follow_up",
    "notes",
    "badge_payload",
    "consent_text",
    "consent_version",
    "consent_at",
    "consent_purposes",
    "staff_id",
    "captured_on_device_id",
    "captured_at",
    "tco_inputs",
    "merged_into_id",
    "exported_at",
)
INTEREST_COLUMNS: tuple[str, ...] = (
    "id",
    "created_at",
    "updated_at",
    "hlc",
    "device_id",
    "deleted_at",
    "lead_id",
    "model_id",
    "quantity",
    "timeframe",
    "financing",
    "energy_preference",
    "notes",
)


def _check_columns(connection: sqlite3.Connection, table: str, ours: Sequence[str]) -> None:
    """Fail early, with a clear message, if the real schema gained a required column."""
    info = connection.execute(f"PRAGMA table_info({table})").fetchall()
    names = {row[1] for row in info}
    unknown = set(ours) - names
    if unknown:
        raise RuntimeError(f"datagen writes {table} columns the schema lacks: {sorted(unknown)}")
    required = {row[1] for row in info if row[3] and row[4] is None and row[1] not in ours}
    if required:
        raise RuntimeError(f"datagen must fill new NOT NULL {table} columns: {sorted(required)}")


def _weighted(
    rng: random.Random, items: Sequence[Any], weights: Sequence[int], k: int
) -> list[Any]:
    """A pre-drawn pool of ``k`` weighted picks (cheap to index in the hot loop)."""
    return rng.choices(list(items), list(weights), k=k)


@dataclass
class _Person:
    name: str
    name_key: str
    company: str
    company_key: str
    industry: str
    title: str
    mobile: str
    mobile_e164: str
    email: str
    wechat: str


def _company_key(company: str) -> str:
    key = company
    for suffix in sorted(COMPANY_SUFFIXES, key=len, reverse=True):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
            break
    return key.replace(" ", "").lower()


class _People:
    """Draws fictional people; a share of them are repeat visitors (same phone, maybe e-mail)."""

    def __init__(self, rng: random.Random, companies: int, duplicate_rate: float) -> None:
        self.rng = rng
        self.duplicate_rate = duplicate_rate
        self.recent: list[_Person] = []
        surnames = [s for s in SURNAMES]
        self.surnames = _weighted(rng, surnames, [s[2] for s in surnames], 4096)
        industries = list(Industry)
        industry_weights = [30, 14, 10, 14, 8, 10, 4, 4, 6]
        self.companies: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        attempts = 0
        while len(self.companies) < companies and attempts < companies * 4:
            attempts += 1
            industry = rng.choices(industries, industry_weights)[0]
            name = (
                f"{rng.choice(CITIES)}{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_WORDS)}"
                f"{rng.choice(INDUSTRY_WORDS[industry])}{rng.choice(COMPANY_SUFFIXES)}"
            )
            if name in seen:
                continue  # (past the vocabulary's size, companies simply repeat)
            seen.add(name)
            self.companies.append((name, _company_key(name), industry.value))

    def draw(self) -> _Person:
        rng = self.rng
        rand = rng.random
        if self.recent and rand() < self.duplicate_rate:
            person = self.recent[int(rand() * len(self.recent))]
            if rand() < 0.3:  # typed differently the second time
                person = _Person(**{**person.__dict__, "email": ""})
            return person
        surname, surname_py, _ = self.surnames[rng.getrandbits(12)]
        given, given_py = GIVEN_NAMES[int(rand() * len(GIVEN_NAMES))]
        company, company_key, industry = self.companies[int(rand() * len(self.companies))]
        prefix = MOBILE_PREFIXES[int(rand() * len(MOBILE_PREFIXES))]
        number = f"{prefix}{int(rand() * 10**8):08d}"
        mobile = f"{number[:3]} {number[3:7]} {number[7:]}" if rand() < 0.5 else number
        email = ""
        roll = rand()
        if roll < 0.55:
            email = f"{surname_py}{given_py}{int(rand() * 1000)}@example.cn"
        elif roll < 0.65:
            email = f"{given_py}.{surname_py}@example.cn"
        wechat = f"{surname_py}{given_py}_{int(rand() * 10**4)}" if rand() < 0.35 else ""
        person = _Person(
            f"{surname}{given}",
            f"{surname_py}{given_py}",
            company,
            company_key,
            industry,
            TITLES[int(rand() * len(TITLES))],
            mobile,
            f"+86{number}",
            email,
            wechat,
        )
        if len(self.recent) < 200_000:
            self.recent.append(person)
        else:
            self.recent[int(rand() * 200_000)] = person
        return person


def _catalog_refs(connection: sqlite3.Connection) -> tuple[list[str], list[tuple[str, str]]]:
    """Maker exhibitors (hex ids) and models (hex id, powertrain) already in the file."""
    exhibitors = [
        row[0]
        for row in connection.execute(
            "SELECT id FROM exhibitor WHERE kind = 'maker' AND deleted_at IS NULL ORDER BY code"
        )
    ]
    models = [
        (row[0], row[1])
        for row in connection.execute(
            "SELECT id, powertrain FROM truck_model WHERE deleted_at IS NULL ORDER BY code"
        )
    ]
    return exhibitors, models


def generate_leads(
    path: Path | str,
    n: int = 1_000_000,
    seed: int = DEFAULT_SEED,
    *,
    duplicate_rate: float = 0.03,
    batch: int = 50_000,
    progress: Callable[[int], None] | None = None,
) -> LeadSummary:
    """Append ``n`` leads (and 1–3 interests each) to the SQLite file at ``path``, quickly.

    The file is created and migrated with ``open_sqlite`` first; leads refer to the file's maker
    exhibitors and models when ``generate_models`` ran on it (else to no model), to a generated
    fair, to eight staff accounts and to four booth devices. About ``duplicate_rate`` of the
    leads are the same person again (same mobile; the e-mail sometimes left out).

    The load runs without a rollback journal (it is generated data): if it fails, delete the
    file rather than use it.
    """
    started = time.perf_counter()
    path = Path(path)
    rng = random.Random(seed * 7919 + 1)
    database = open_sqlite(path, backup_on_open=False)
    try:
        fair_hex = ensure_fair(database, seed).hex
        staff = _ensure_devices_and_staff(database, seed)
    finally:
        database.close()
    devices = BenchDevices.for_seed(seed)
    device_hex = [d.hex for d in devices.booths]
    staff_hex = [s.hex for s in staff]
    office_hex = devices.office.hex

    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        _check_columns(connection, "lead", LEAD_COLUMNS)
        _check_columns(connection, "lead_interest", INTEREST_COLUMNS)
        exhibitors, models = _catalog_refs(connection)
        row = connection.execute(
            "SELECT value FROM local_setting WHERE key = ?", (CLOCK_KEY,)
        ).fetchone()
        file_clock = Hlc.parse(row[0]) if row else ZERO
        # A bulk load of generated data: no journal, no fsync, no per-row key checks (checked
        # once at the end), a big page cache; the file is put back in WAL mode afterwards.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("PRAGMA cache_size = -524288")
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute("BEGIN IMMEDIATE")
        try:
            indexes = _drop_indexes(connection, ("lead", "lead_interest"))
            leads, interests, last_clock = _write_leads(
                connection,
                rng,
                n,
                batch=batch,
                fair_hex=fair_hex,
                device_hex=device_hex,
                staff_hex=staff_hex,
                office_hex=office_hex,
                exhibitors=exhibitors,
                models=models,
                duplicate_rate=duplicate_rate,
                progress=progress,
            )
            for sql in indexes:
                connection.execute(sql)
            # The file has seen these stamps, so its own clock moves past them (as a merge would).
            clock = max(file_clock, last_clock)
            connection.execute(
                "INSERT INTO local_setting (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (CLOCK_KEY, str(clock)),
            )
            problems = connection.execute("PRAGMA foreign_key_check(lead_interest)").fetchmany(5)
            problems += connection.execute("PRAGMA foreign_key_check(lead)").fetchmany(5)
            if problems:
                raise RuntimeError(f"generated rows break foreign keys: {problems}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("PRAGMA journal_mode = WAL")
    return LeadSummary(leads, interests, time.perf_counter() - started, path.stat().st_size)


def _drop_indexes(connection: sqlite3.Connection, tables: Sequence[str]) -> list[str]:
    """Drop the tables' secondary indexes and return their SQL (rebuilt after the load)."""
    marks = ",".join("?" for _ in tables)
    rows = connection.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        tuple(tables),
    ).fetchall()
    for name, _sql in rows:
        connection.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in rows]


class _BatchWriter:
    """Insert each generated batch of leads and interests with ``executemany``.

    (Inserting on a second thread while the next batch is generated was tried: no faster, as
    binding the parameters holds the GIL.)
    """

    def __init__(self, connection: sqlite3.Connection, lead_sql: str, interest_sql: str) -> None:
        self._connection = connection
        self._lead_sql = lead_sql
        self._interest_sql = interest_sql

    def put(self, leads: list[Any], interests: list[Any]) -> None:
        if leads:
            self._connection.executemany(self._lead_sql, leads)
        if interests:
            self._connection.executemany(self._interest_sql, interests)


def _write_leads(
    connection: sqlite3.Connection,
    rng: random.Random,
    n: int,
    *,
    batch: int,
    fair_hex: str,
    device_hex: list[str],
    staff_hex: list[str],
    office_hex: str,
    exhibitors: list[str],
    models: list[tuple[str, str]],
    duplicate_rate: float,
    progress: Callable[[int], None] | None,
) -> tuple[int, int, Hlc]:
    lead_sql = (
        f"INSERT INTO lead ({', '.join(LEAD_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in LEAD_COLUMNS)})"
    )
    interest_sql = (
        f"INSERT INTO lead_interest ({', '.join(INTEREST_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in INTEREST_COLUMNS)})"
    )
    sql_time = SqlTime()
    people = _People(rng, companies=max(50, n // 8), duplicate_rate=duplicate_rate)
    clocks = dict.fromkeys(device_hex, (0, 0))
    office_clock = ZERO
    if f"{123:015d}.{4:06d}" != str(Hlc(123, 4)):
        raise RuntimeError("domain/clock.py changed its stamp format; update datagen")

    # Capture times: n sorted instants over the fair's booth hours (ids then come out sorted).
    day_span_us = BOOTH_HOURS_S * 1_000_000
    fair_start_us = epoch_us(FAIR_START) + BOOTH_OPEN_S * 1_000_000
    step = FAIR_DAYS * day_span_us / max(n, 1)
    office_start_us = epoch_us(FAIR_START + timedelta(days=FAIR_DAYS + 1, hours=1))
    office_step_us = 2_000_000

    # Weighted vocabularies drawn ahead into pools of 1024, indexed by 10 random bits.
    def pool(items: Sequence[Any], weights: Sequence[int]) -> list[Any]:
        values = [getattr(item, "value", item) for item in items]
        return _weighted(rng, values, weights, 1024)

    sources = pool(list(LeadSource), [80, 15, 5, 0])
    ratings = pool([Rating.HOT, Rating.WARM, Rating.COLD, None], [15, 35, 25, 25])
    follow = pool(list(FollowUp), [70, 15, 8, 3, 4])
    timeframes = pool(list(Timeframe), [15, 20, 20, 10, 35])
    financing = pool(list(Financing), [15, 15, 20, 25, 10, 15])
    counts = pool([1, 2, 3], [60, 30, 10])
    quantities = pool([1, 2, 3, 5, 10, 20, 50], [30, 20, 15, 15, 10, 7, 3])
    notes = pool(
        ["", "关注换电站布局", "需要报价单", "问补贴政策", "要求试驾", "比较氢能与换电"],
        [70, 6, 8, 6, 5, 5],
    )
    energy_for = {hex_id: ENERGY_FOR_POWERTRAIN[pt].value for hex_id, pt in models}
    undecided = EnergyPreference.UNDECIDED.value
    new = FollowUp.NEW.value
    lead_rows: list[tuple[Any, ...]] = []
    interest_rows: list[tuple[Any, ...]] = []
    inserter = _BatchWriter(connection, lead_sql, interest_sql)
    updated_count = 0
    total_interests = 0
    bits = rng.getrandbits
    rand = rng.random
    n_models = len(models)
    n_exhibitors = len(exhibitors)
    n_staff = len(staff_hex)

    for index in range(n):
        captured_us = fair_start_us + int(index * step)
        day, offset = divmod(captured_us - fair_start_us, day_span_us)
        captured_us = fair_start_us + day * 86_400_000_000 + offset
        created_us = captured_us + 300_000 + int(rand() * 2_700_000)
        created_ms = created_us // 1000
        device = device_hex[index % BOOTH_DEVICES if rand() < 0.9 else bits(2) % BOOTH_DEVICES]
        # next_stamp() of domain/clock.py, inlined (the hot loop makes 2.5 million stamps).
        wall, counter = clocks[device]
        if created_ms > wall:
            wall, counter = created_ms, 0
        else:
            counter += 1
        lead_hlc = f"{wall:015d}.{counter:06d}"
        person = people.draw()
        follow_up = follow[bits(10)]
        if follow_up == new:
            updated = sql_time(created_us)
            writer = device
        else:  # followed up at the office after the fair
            office_us = office_start_us + updated_count * office_step_us + int(rand() * 1e6)
            updated_count += 1
            office_clock = next_stamp(office_clock, office_us // 1000)
            updated = sql_time(office_us)
            lead_hlc = str(office_clock)
            writer = office_hex
        lead_hex = f"{uuid7_int(created_ms, bits(74)):032x}"
        created = sql_time(created_us)
        lead_rows.append(
            (
                lead_hex,
                created,
                updated,
                lead_hlc,
                writer,
                None,
                fair_hex,
                exhibitors[int(rand() * n_exhibitors)] if n_exhibitors else None,
                person.name,
                person.name_key,
                person.company,
                person.company_key,
                "",
                person.title,
                person.mobile,
                person.mobile_e164,
                "",
                person.email,
                person.email.lower(),
                person.wechat,
                person.industry,
                1 + int(rand() * 299) if rand() < 0.6 else None,
                sources[bits(10)],
                ratings[bits(10)],
                follow_up,
                notes[bits(10)],
                "",
                CONSENT_TEXT,
                CONSENT_VERSION,
                sql_time(captured_us + 200_000),
                CONSENT_PURPOSES_MARKETING if rand() < 0.3 else CONSENT_PURPOSES,
                staff_hex[int(rand() * n_staff)],
                device,
                sql_time(captured_us),
                None,
                None,
                None,
            )
        )
        for number in range(counts[bits(10)]):
            counter += 1
            model_hex = models[int(rand() * n_models)][0] if n_models else None
            interest_time = sql_time(created_us + 50 * (number + 1))
            interest_rows.append(
                (
                    f"{uuid7_int(created_ms, bits(74)):032x}",
                    interest_time,
                    interest_time,
                    f"{wall:015d}.{counter:06d}",
                    device,
                    None,
                    lead_hex,
                    model_hex,
                    quantities[bits(10)],
                    timeframes[bits(10)],
                    financing[bits(10)],
                    energy_for.get(model_hex, undecided) if rand() < 0.8 else undecided,
                    "",
                )
            )
        clocks[device] = (wall, counter)
        if len(lead_rows) >= batch:
            inserter.put(lead_rows, interest_rows)
            total_interests += len(interest_rows)
            lead_rows, interest_rows = [], []
            if progress is not None:
                progress(index + 1)
    inserter.put(lead_rows, interest_rows)
    total_interests += len(interest_rows)
    last = max([office_clock, *(Hlc(wall, counter) for wall, counter in clocks.values())])
    return n, total_interests, last


# --- verification and CLI ------------------------------------------------------------------------


class VerificationError(AssertionError):
    """Generated rows did not read back through the ORM as expected."""


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise VerificationError(what)


def verify(path: Path | str) -> dict[str, int]:
    """Open the file as the app does and load rows of every generated kind through the ORM.

    Returns the row count of each table; raises ``VerificationError`` if a row does not load as
    the model says (UUIDs, aware datetimes, clock stamps, enums, JSON).
    """
    database = open_sqlite(path, backup_on_open=False)
    try:
        counts: dict[str, int] = {}
        kinds: tuple[type[Any], ...] = (
            Fair,
            Exhibitor,
            TruckModel,
            SpecValue,
            ModelOption,
            Lead,
            LeadInterest,
            StaffAccount,
            Device,
        )
        with database.sessions() as session:
            for mapped in kinds:
                counts[mapped.__tablename__] = (
                    session.scalar(select(func.count()).select_from(mapped)) or 0
                )
                head = session.scalars(select(mapped).order_by(mapped.id).limit(200)).all()
                tail = session.scalars(select(mapped).order_by(mapped.id.desc()).limit(200)).all()
                for row in [*head, *tail]:
                    name = f"{mapped.__tablename__} {row.id}"
                    _expect(isinstance(row, Mergeable), f"{name}: not a merged row")
                    _expect(isinstance(row.id, uuid.UUID), f"{name}: id is not a UUID")
                    _expect(row.created_at.tzinfo is not None, f"{name}: naive created_at")
                    _expect(row.updated_at.tzinfo is not None, f"{name}: naive updated_at")
                    _expect(
                        row.device_id is None or isinstance(row.device_id, uuid.UUID),
                        f"{name}: device_id is not a UUID",
                    )
                    Hlc.parse(row.hlc)
            leads = session.scalars(select(Lead).order_by(Lead.captured_at).limit(500)).all()
            for lead in leads:
                name = f"lead {lead.id}"
                _expect(lead.updated_at >= lead.created_at, f"{name}: updated before created")
                _expect(isinstance(lead.source, LeadSource), f"{name}: source")
                _expect(lead.rating is None or isinstance(lead.rating, Rating), f"{name}: rating")
                _expect(isinstance(lead.follow_up, FollowUp), f"{name}: follow_up")
                _expect(lead.mobile_e164.startswith("+861"), f"{name}: mobile_e164")
                _expect(
                    lead.captured_at is not None and lead.captured_at.tzinfo is not None,
                    f"{name}: captured_at",
                )
                _expect(isinstance(lead.consent_purposes, list), f"{name}: consent_purposes")
                for interest in lead.interests:
                    _expect(isinstance(interest.timeframe, Timeframe), f"{name}: timeframe")
                    _expect(isinstance(interest.financing, Financing), f"{name}: financing")
                    _expect(
                        isinstance(interest.energy_preference, EnergyPreference),
                        f"{name}: energy_preference",
                    )
        return counts
    finally:
        database.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.datagen",
        description="Write a fictional catalog and leads to a SQLite file (for benchmarks).",
    )
    parser.add_argument("--models", type=int, default=10_000, help="truck models (0: none)")
    parser.add_argument("--leads", type=int, default=0, help="leads to add (default 0)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, required=True, help="SQLite file to create")
    parser.add_argument("--force", action="store_true", help="replace an existing --out file")
    parser.add_argument("--no-verify", action="store_true", help="skip the ORM read-back check")
    args = parser.parse_args(argv)

    out: Path = args.out
    if out.exists():
        if not args.force:
            parser.error(f"{out} exists (use --force to replace it)")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)
    if args.models:
        catalog = generate_models(out, args.models, args.seed)
        print(
            f"catalog: {catalog.exhibitors} exhibitors, {catalog.models} models, "
            f"{catalog.spec_values} spec values, {catalog.options} options "
            f"in {catalog.seconds:.1f} s"
        )
    if args.leads:

        def report(done: int) -> None:
            print(f"  {done:,} leads …", file=sys.stderr, flush=True)

        leads = generate_leads(out, args.leads, args.seed, progress=report)
        print(
            f"leads: {leads.leads:,} leads, {leads.interests:,} interests "
            f"in {leads.seconds:.1f} s; file {leads.file_bytes / 1e6:.0f} MB"
        )
    if not args.no_verify:
        started = time.perf_counter()
        counts = verify(out)
        print(
            "verified through the ORM in "
            f"{time.perf_counter() - started:.1f} s: "
            + ", ".join(f"{table} {count:,}" for table, count in counts.items())
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
