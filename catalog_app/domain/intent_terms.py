"""The closed vocabularies of a purchase-intent form, with their Chinese and English labels.

Declared once and shared by the editor (its combo boxes), the PDF and the CLI, like the spec-field
registry is for catalog data. Values are stored as text in the intent's columns and JSON.
"""

from __future__ import annotations

from enum import StrEnum

from catalog_app.domain.enums import Financing, IntentStatus
from catalog_app.domain.text import Bilingual


class IntentLanguage(StrEnum):
    """The language the form is printed in (Chinese with English sub-labels, or one language)."""

    ZH_EN = "zh+en"
    ZH = "zh"
    EN = "en"


class EnergyMode(StrEnum):
    """How a line's truck is refuelled: part of its configuration."""

    CHARGE = "charge"
    SWAP = "swap"
    HYDROGEN = "hydrogen"
    RANGE_EXTENDER = "range_extender"


class DeliveryMode(StrEnum):
    DATE = "date"
    DAYS_AFTER_CONTRACT = "days_after_contract"


class TransportPaidBy(StrEnum):
    SELLER = "seller"
    BUYER = "buyer"
    TO_AGREE = "to_agree"


LANGUAGE_LABELS = {
    IntentLanguage.ZH_EN: Bilingual(zh="中文（附英文）", en="Chinese with English"),
    IntentLanguage.ZH: Bilingual(zh="仅中文", en="Chinese only"),
    IntentLanguage.EN: Bilingual(zh="仅英文", en="English only"),
}

STATUS_LABELS = {
    IntentStatus.DRAFT: Bilingual(zh="草稿", en="Draft"),
    IntentStatus.PRINTED: Bilingual(zh="已打印", en="Printed"),
    IntentStatus.SIGNED: Bilingual(zh="已签署", en="Signed"),
    IntentStatus.CANCELLED: Bilingual(zh="已作废", en="Cancelled"),
}

ENERGY_MODE_LABELS = {
    EnergyMode.CHARGE: Bilingual(zh="充电", en="Plug-in charging"),
    EnergyMode.SWAP: Bilingual(zh="换电", en="Battery swap"),
    EnergyMode.HYDROGEN: Bilingual(zh="氢燃料", en="Hydrogen"),
    EnergyMode.RANGE_EXTENDER: Bilingual(zh="增程", en="Range extender"),
}

# What a catalog model's powertrain means for the line's configuration.
ENERGY_MODE_OF_POWERTRAIN = {
    "bev_charge": EnergyMode.CHARGE,
    "bev_swap": EnergyMode.SWAP,
    "fcev": EnergyMode.HYDROGEN,
    "erev": EnergyMode.RANGE_EXTENDER,
    "phev": EnergyMode.RANGE_EXTENDER,
}

DELIVERY_MODE_LABELS = {
    DeliveryMode.DATE: Bilingual(zh="约定交付日期", en="By a date"),
    DeliveryMode.DAYS_AFTER_CONTRACT: Bilingual(
        zh="正式合同签订后若干天", en="Days after the formal contract"
    ),
}

TRANSPORT_LABELS = {
    TransportPaidBy.SELLER: Bilingual(zh="卖方承担", en="Paid by the seller"),
    TransportPaidBy.BUYER: Bilingual(zh="买方承担", en="Paid by the buyer"),
    TransportPaidBy.TO_AGREE: Bilingual(zh="在正式合同中约定", en="To be agreed in the contract"),
}

PAYMENT_LABELS = {
    Financing.FULL_PAYMENT: Bilingual(zh="全款", en="Full payment"),
    Financing.INSTALMENTS: Bilingual(zh="分期付款", en="Instalments"),
    Financing.BANK_LOAN: Bilingual(zh="银行贷款", en="Bank loan"),
    Financing.FINANCE_LEASE: Bilingual(zh="融资租赁", en="Finance lease"),
    Financing.BATTERY_AS_A_SERVICE: Bilingual(
        zh="车电分离（电池租赁）", en="Battery as a service (battery rented)"
    ),
    Financing.UNDECIDED: Bilingual(zh="待定", en="To be agreed"),
}


def energy_mode_for_powertrain(powertrain: str) -> str:
    mode = ENERGY_MODE_OF_POWERTRAIN.get(powertrain or "")
    return mode.value if mode else ""


def label(labels: dict, value: str, lang: str) -> str:  # type: ignore[type-arg]
    """The label of ``value`` in ``lang`` (the raw value when unknown, "" when empty)."""
    if not value:
        return ""
    for key, text in labels.items():
        if key == value:
            return str(text.render(lang))
    return value


# Fixed wording of every form (the non-binding clause exactly as the domain brief gives it).
NON_BINDING_CLAUSE = Bilingual(
    zh="本意向书仅表达合作意向，除保密条款外不具法律约束力，以正式合同为准。",
    en="This letter of intent only expresses an intention to cooperate. Except for the "
    "confidentiality clause it is not legally binding; the formal contract prevails.",
)
FORMAL_CONTRACT = Bilingual(
    zh="双方将另行签订正式的车辆买卖合同，具体车型、数量、价格、交付及付款条件以正式合同为准。",
    en="A formal purchase contract will be signed separately; models, quantities, prices, "
    "delivery and payment are as stated in that contract.",
)
CONFIDENTIALITY = Bilingual(
    zh="保密条款：双方对本意向书内容及洽谈中知悉的对方商业信息负有保密义务，未经对方书面同意"
    "不得向第三方披露（法律法规另有规定的除外）。",
    en="Confidentiality: each party keeps the content of this letter and the other party's "
    "business information learnt in the talks confidential and does not disclose them to "
    "third parties without written consent, unless the law requires it.",
)
TWO_ORIGINALS = Bilingual(
    zh="本意向书一式两份，双方各执一份，自双方签字（盖章）之日起生效。",
    en="This letter is made in two originals, one for each party, and takes effect when "
    "both parties have signed (and sealed) it.",
)
VALIDITY = Bilingual(
    zh="本意向书请于 {days} 个工作日内确认；逾期未确认的，卖方所列价格及条件不再保留。",
    en="Please confirm this letter within {days} working days; after that, the seller's "
    "prices and terms are no longer held.",
)
