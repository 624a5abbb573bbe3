"""Chinese and English labels of the lead vocabularies (rating, source, industry, follow-up,
timeframe, financing, energy preference, intent status, consent purposes).

One table per vocabulary, keyed by the stored value, shared by the exports, the dashboard and the
fair report (and by the UI, which shows data labels from here rather than through ``tr()``, as it
does for the spec registry). A stored value that a newer version of the app added and this one
does not know is shown as it is stored, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from catalog_app.domain.enums import (
    EnergyPreference,
    Financing,
    FollowUp,
    Industry,
    IntentStatus,
    LeadSource,
    Rating,
    Timeframe,
)
from catalog_app.domain.text import Bilingual
from catalog_app.services.consent import PURPOSE_CONTACT

RATINGS: dict[str, Bilingual] = {
    Rating.HOT: Bilingual(zh="热", en="Hot"),
    Rating.WARM: Bilingual(zh="温", en="Warm"),
    Rating.COLD: Bilingual(zh="冷", en="Cold"),
}
UNRATED = Bilingual(zh="未评级", en="Unrated")

SOURCES: dict[str, Bilingual] = {
    LeadSource.BOOTH: Bilingual(zh="展台登记", en="Booth"),
    LeadSource.KIOSK: Bilingual(zh="自助屏", en="Kiosk"),
    LeadSource.IMPORT: Bilingual(zh="导入", en="Import"),
    LeadSource.SAMPLE: Bilingual(zh="示例", en="Sample"),
}

FOLLOW_UPS: dict[str, Bilingual] = {
    FollowUp.NEW: Bilingual(zh="新线索", en="New"),
    FollowUp.CONTACTED: Bilingual(zh="已联系", en="Contacted"),
    FollowUp.QUALIFIED: Bilingual(zh="已确认需求", en="Qualified"),
    FollowUp.WON: Bilingual(zh="已成交", en="Won"),
    FollowUp.LOST: Bilingual(zh="已流失", en="Lost"),
}

INDUSTRIES: dict[str, Bilingual] = {
    Industry.LOGISTICS: Bilingual(zh="物流快递", en="Logistics and express"),
    Industry.COAL_MINING: Bilingual(zh="煤矿开采", en="Coal mining"),
    Industry.ENERGY_POWER: Bilingual(zh="能源电力", en="Energy and power"),
    Industry.CONSTRUCTION: Bilingual(zh="建筑建材", en="Construction and materials"),
    Industry.MUNICIPAL: Bilingual(zh="市政环卫", en="Municipal services"),
    Industry.SUPPLY_CHAIN: Bilingual(zh="供应链贸易", en="Supply chain and trading"),
    Industry.FINANCE_LEASING: Bilingual(zh="金融租赁", en="Finance and leasing"),
    Industry.SWAP_CHARGING: Bilingual(zh="换电充电运营", en="Battery swap and charging"),
    Industry.OTHER: Bilingual(zh="其他", en="Other"),
}
NO_INDUSTRY = Bilingual(zh="未填行业", en="Industry not given")

TIMEFRAMES: dict[str, Bilingual] = {
    Timeframe.WITHIN_3_MONTHS: Bilingual(zh="3 个月内", en="Within 3 months"),
    Timeframe.WITHIN_6_MONTHS: Bilingual(zh="6 个月内", en="Within 6 months"),
    Timeframe.WITHIN_12_MONTHS: Bilingual(zh="12 个月内", en="Within 12 months"),
    Timeframe.LATER: Bilingual(zh="更晚", en="Later"),
    Timeframe.UNKNOWN: Bilingual(zh="未定", en="Not known"),
}

FINANCING: dict[str, Bilingual] = {
    Financing.FULL_PAYMENT: Bilingual(zh="全款", en="Full payment"),
    Financing.INSTALMENTS: Bilingual(zh="分期", en="Instalments"),
    Financing.BANK_LOAN: Bilingual(zh="银行贷款", en="Bank loan"),
    Financing.FINANCE_LEASE: Bilingual(zh="融资租赁", en="Finance lease"),
    Financing.BATTERY_AS_A_SERVICE: Bilingual(zh="车电分离（电池租赁）", en="Battery as a service"),
    Financing.UNDECIDED: Bilingual(zh="未定", en="Undecided"),
}

ENERGY_PREFERENCES: dict[str, Bilingual] = {
    EnergyPreference.CHARGE: Bilingual(zh="充电", en="Charging"),
    EnergyPreference.SWAP: Bilingual(zh="换电", en="Battery swap"),
    EnergyPreference.HYDROGEN: Bilingual(zh="氢能", en="Hydrogen"),
    EnergyPreference.UNDECIDED: Bilingual(zh="未定", en="Undecided"),
}

INTENT_STATUSES: dict[str, Bilingual] = {
    IntentStatus.DRAFT: Bilingual(zh="草稿", en="Draft"),
    IntentStatus.PRINTED: Bilingual(zh="已打印", en="Printed"),
    IntentStatus.SIGNED: Bilingual(zh="已签署", en="Signed"),
    IntentStatus.CANCELLED: Bilingual(zh="已取消", en="Cancelled"),
}

# Consent purposes: the app's own, and those found in data merged from other versions.
PURPOSES: dict[str, Bilingual] = {
    PURPOSE_CONTACT: Bilingual(zh="联系介绍车辆与报价", en="Contact about vehicles and offers"),
    "follow_up": Bilingual(zh="跟进购车意向", en="Follow up on purchase interest"),
    "marketing": Bilingual(zh="市场推广信息", en="Marketing messages"),
    "crm_transfer": Bilingual(zh="提供给合作方 CRM", en="Hand over to a partner's CRM"),
}

NO_STAFF = Bilingual(zh="（无员工）", en="(no staff)")
UNKNOWN_DEVICE = Bilingual(zh="（未知设备）", en="(unknown device)")
UNKNOWN_MODEL = Bilingual(zh="（未知车型）", en="(unknown model)")


def label(table: dict[str, Bilingual], value: str | StrEnum | None, lang: str) -> str:
    """The label of ``value`` in ``table``; an unknown value as stored; "" for None/empty."""
    if value is None or value == "":
        return ""
    found = table.get(str(value))
    return found.render(lang) if found is not None else str(value)


def labels_in(table: dict[str, Bilingual], lang: str) -> dict[str, str]:
    """The whole table rendered in ``lang`` (for hot loops: one dict lookup per value)."""
    return {key: text.render(lang) for key, text in table.items()}


def purposes_text(purposes: Iterable[str], lang: str) -> str:
    """Purposes as one readable text, in the order they were ticked."""
    separator = "；" if lang.startswith("zh") else "; "
    return separator.join(label(PURPOSES, str(p), lang) for p in purposes if p)
