"""Chinese and English labels of a lead's closed vocabularies (rating, follow-up, source, ...).

One registry for data labels, like the spec-field registry is for truck specs: the lead list,
the lead import (which also recognises these words in a file), the personal-data report and
exports read the same words. UI chrome (buttons, titles) stays with Qt's ``tr()``.
"""

from __future__ import annotations

from enum import StrEnum

from catalog_app.domain.enums import (
    EnergyPreference,
    Financing,
    FollowUp,
    Industry,
    LeadSource,
    Rating,
    Timeframe,
)
from catalog_app.domain.text import Bilingual

RATING = {
    Rating.HOT: Bilingual(zh="热", en="Hot"),
    Rating.WARM: Bilingual(zh="温", en="Warm"),
    Rating.COLD: Bilingual(zh="冷", en="Cold"),
}
FOLLOW_UP = {
    FollowUp.NEW: Bilingual(zh="新线索", en="New"),
    FollowUp.CONTACTED: Bilingual(zh="已联系", en="Contacted"),
    FollowUp.QUALIFIED: Bilingual(zh="有效商机", en="Qualified"),
    FollowUp.WON: Bilingual(zh="已成交", en="Won"),
    FollowUp.LOST: Bilingual(zh="已流失", en="Lost"),
}
SOURCE = {
    LeadSource.BOOTH: Bilingual(zh="展位登记", en="Booth"),
    LeadSource.KIOSK: Bilingual(zh="自助屏", en="Kiosk"),
    LeadSource.IMPORT: Bilingual(zh="文件导入", en="Imported"),
    LeadSource.SAMPLE: Bilingual(zh="示例", en="Sample"),
}
INDUSTRY = {
    Industry.LOGISTICS: Bilingual(zh="物流快递", en="Logistics and express"),
    Industry.COAL_MINING: Bilingual(zh="煤矿", en="Coal mining"),
    Industry.ENERGY_POWER: Bilingual(zh="能源电力", en="Energy and power"),
    Industry.CONSTRUCTION: Bilingual(zh="建筑建材", en="Construction and building materials"),
    Industry.MUNICIPAL: Bilingual(zh="市政环卫", en="Municipal services"),
    Industry.SUPPLY_CHAIN: Bilingual(zh="供应链贸易", en="Supply chain and trading"),
    Industry.FINANCE_LEASING: Bilingual(zh="金融租赁", en="Finance and leasing"),
    Industry.SWAP_CHARGING: Bilingual(zh="换电充电运营", en="Battery swap and charging"),
    Industry.OTHER: Bilingual(zh="其他", en="Other"),
}
TIMEFRAME = {
    Timeframe.WITHIN_3_MONTHS: Bilingual(zh="3 个月内", en="Within 3 months"),
    Timeframe.WITHIN_6_MONTHS: Bilingual(zh="6 个月内", en="Within 6 months"),
    Timeframe.WITHIN_12_MONTHS: Bilingual(zh="12 个月内", en="Within 12 months"),
    Timeframe.LATER: Bilingual(zh="更晚", en="Later"),
    Timeframe.UNKNOWN: Bilingual(zh="未定", en="Not known"),
}
FINANCING = {
    Financing.FULL_PAYMENT: Bilingual(zh="全款", en="Full payment"),
    Financing.INSTALMENTS: Bilingual(zh="分期", en="Instalments"),
    Financing.BANK_LOAN: Bilingual(zh="银行贷款", en="Bank loan"),
    Financing.FINANCE_LEASE: Bilingual(zh="融资租赁", en="Finance lease"),
    Financing.BATTERY_AS_A_SERVICE: Bilingual(zh="车电分离（电池租赁）", en="Battery as a service"),
    Financing.UNDECIDED: Bilingual(zh="未定", en="Undecided"),
}
ENERGY = {
    EnergyPreference.CHARGE: Bilingual(zh="充电", en="Charging"),
    EnergyPreference.SWAP: Bilingual(zh="换电", en="Battery swap"),
    EnergyPreference.HYDROGEN: Bilingual(zh="氢能", en="Hydrogen"),
    EnergyPreference.UNDECIDED: Bilingual(zh="未定", en="Undecided"),
}

_TABLES: dict[type[StrEnum], dict[StrEnum, Bilingual]] = {
    Rating: RATING,  # type: ignore[dict-item]
    FollowUp: FOLLOW_UP,  # type: ignore[dict-item]
    LeadSource: SOURCE,  # type: ignore[dict-item]
    Industry: INDUSTRY,  # type: ignore[dict-item]
    Timeframe: TIMEFRAME,  # type: ignore[dict-item]
    Financing: FINANCING,  # type: ignore[dict-item]
    EnergyPreference: ENERGY,  # type: ignore[dict-item]
}


def label(value: StrEnum | None, lang: str) -> str:
    """The word for ``value`` in ``lang`` ("" for None; the raw value if it has no label)."""
    if value is None:
        return ""
    table = _TABLES.get(type(value))
    if table is None or value not in table:
        return str(value)
    return table[value].render(lang)


def industry_label(value: str, lang: str) -> str:
    """An industry stored as text (unknown values are shown as stored)."""
    try:
        return label(Industry(value), lang) if value else ""
    except ValueError:
        return value


def labels_of(enum_cls: type[StrEnum]) -> dict[StrEnum, Bilingual]:
    """The zh/en words of every member of ``enum_cls`` (empty for an enum without labels)."""
    return dict(_TABLES.get(enum_cls, {}))
