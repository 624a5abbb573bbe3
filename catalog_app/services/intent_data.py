"""What a purchase-intent form holds, as plain data: the editor, the CLI, the sample data and the
PDF all work with these, never with ORM rows.

``IntentInput`` is what a person edits; ``IntentRecord`` is a saved form (one revision) with its
reference, status and history; ``IntentSummary`` is a row of the intents list. Money is kept as
``Decimal`` rounded to the fen; totals are computed here, in one place.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from catalog_app.domain.enums import Financing, IntentStatus
from catalog_app.domain.intent_terms import DeliveryMode, IntentLanguage, TransportPaidBy

FEN = Decimal("0.01")


def money(value: Decimal | float | int | str | None) -> Decimal:
    """An amount rounded to the fen (floats go through their shortest text form)."""
    if value is None:
        return Decimal("0.00")
    if isinstance(value, float):
        value = repr(value)
    return Decimal(value).quantize(FEN, rounding=ROUND_HALF_UP)


@dataclass
class SellerInfo:
    """The exhibitor's letterhead as printed (a snapshot kept with the form)."""

    exhibitor_code: str = ""
    name_zh: str = ""
    name_en: str = ""
    credit_code: str = ""
    address_zh: str = ""
    address_en: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    email: str = ""
    website: str = ""
    logo_media_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> SellerInfo:
        known = {k: str(v or "") for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass
class LineInput:
    model_id: uuid.UUID | None = None
    model_name: str = ""
    announcement_no: str = ""
    battery_config: str = ""
    energy_mode: str = ""
    colour: str = ""
    quantity: int = 1
    unit_price_cny: Decimal = field(default_factory=lambda: Decimal("0.00"))

    @property
    def subtotal(self) -> Decimal:
        return money(self.unit_price_cny) * max(self.quantity, 0)


@dataclass
class DeliveryTerms:
    mode: str = DeliveryMode.DAYS_AFTER_CONTRACT.value
    date: date | None = None
    days: int = 60
    place: str = ""
    transport: str = TransportPaidBy.SELLER.value
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> DeliveryTerms:
        data = dict(data or {})
        when = data.get("date")
        return cls(
            mode=str(data.get("mode") or DeliveryMode.DAYS_AFTER_CONTRACT.value),
            date=date.fromisoformat(when) if isinstance(when, str) and when else None,
            days=int(data.get("days") or 0),
            place=str(data.get("place") or ""),
            transport=str(data.get("transport") or TransportPaidBy.SELLER.value),
            note=str(data.get("note") or ""),
        )


@dataclass
class PaymentTerms:
    method: str = Financing.FULL_PAYMENT.value
    deposit_percent: int | None = None
    instalment_months: int | None = None
    partner: str = ""  # the bank, lessor or battery-swap operator
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> PaymentTerms:
        data = dict(data or {})

        def whole(key: str) -> int | None:
            value = data.get(key)
            return int(value) if isinstance(value, int | float) else None

        return cls(
            method=str(data.get("method") or Financing.FULL_PAYMENT.value),
            deposit_percent=whole("deposit_percent"),
            instalment_months=whole("instalment_months"),
            partner=str(data.get("partner") or ""),
            note=str(data.get("note") or ""),
        )


@dataclass
class IntentInput:
    """Everything a person fills in on the form."""

    exhibitor_id: uuid.UUID | None = None
    lead_id: uuid.UUID | None = None
    fair_id: uuid.UUID | None = None
    issued_on: date = field(default_factory=date.today)
    place: str = ""
    language: str = IntentLanguage.ZH_EN.value
    seller: SellerInfo = field(default_factory=SellerInfo)
    buyer_company: str = ""
    buyer_credit_code: str = ""
    buyer_address: str = ""
    buyer_representative: str = ""
    buyer_phone: str = ""
    lines: list[LineInput] = field(default_factory=list)
    price_includes: str = ""
    price_excludes: str = ""
    delivery: DeliveryTerms = field(default_factory=DeliveryTerms)
    payment: PaymentTerms = field(default_factory=PaymentTerms)
    charging_support: str = ""
    after_sales: str = ""
    validity_days: int = 15
    include_tco: bool = False
    tco_inputs: dict[str, Any] | None = None

    @property
    def total_units(self) -> int:
        return sum(max(line.quantity, 0) for line in self.lines)

    @property
    def total_value(self) -> Decimal:
        return sum((line.subtotal for line in self.lines), Decimal("0.00"))


@dataclass(frozen=True)
class StatusChangeRecord:
    from_status: IntentStatus | None
    to_status: IntentStatus
    changed_at: datetime
    staff_id: uuid.UUID | None
    note: str


@dataclass(frozen=True)
class IntentRecord:
    """One saved revision of a form."""

    id: uuid.UUID
    reference: str
    revision: int
    previous_revision_id: uuid.UUID | None
    status: IntentStatus
    data: IntentInput
    non_binding_clause: str
    staff_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    printed_at: datetime | None
    signed_at: datetime | None
    cancelled_at: datetime | None
    superseded_by_id: uuid.UUID | None
    history: tuple[StatusChangeRecord, ...] = ()

    @property
    def is_latest(self) -> bool:
        return self.superseded_by_id is None

    @property
    def editable(self) -> bool:
        """Drafts change in place; a printed form changes as a new revision."""
        return self.is_latest and self.status in (IntentStatus.DRAFT, IntentStatus.PRINTED)


@dataclass(frozen=True)
class IntentSummary:
    """A row of the intents list (the latest revision of each reference)."""

    id: uuid.UUID
    reference: str
    revision: int
    status: IntentStatus
    buyer_company: str
    exhibitor_zh: str
    exhibitor_en: str
    issued_on: date | None
    total_units: int
    total_value: Decimal
    models: str
    updated_at: datetime

    def exhibitor(self, lang: str) -> str:
        return (
            self.exhibitor_zh
            if lang.startswith("zh") or not self.exhibitor_en
            else (self.exhibitor_en)
        )


@dataclass(frozen=True)
class ModelTotal:
    """Units and value of intents for one model (for the dashboard and the fair report)."""

    model_id: uuid.UUID | None
    model_name: str
    units: int
    value: Decimal
    intents: int


def intent_input_to_json(data: IntentInput) -> dict[str, Any]:
    """A JSON-ready copy of a form being typed (for autosaved drafts)."""
    return {
        "exhibitor_id": str(data.exhibitor_id) if data.exhibitor_id else None,
        "lead_id": str(data.lead_id) if data.lead_id else None,
        "fair_id": str(data.fair_id) if data.fair_id else None,
        "issued_on": data.issued_on.isoformat(),
        "place": data.place,
        "language": data.language,
        "seller": data.seller.to_json(),
        "buyer_company": data.buyer_company,
        "buyer_credit_code": data.buyer_credit_code,
        "buyer_address": data.buyer_address,
        "buyer_representative": data.buyer_representative,
        "buyer_phone": data.buyer_phone,
        "lines": [
            {
                "model_id": str(line.model_id) if line.model_id else None,
                "model_name": line.model_name,
                "announcement_no": line.announcement_no,
                "battery_config": line.battery_config,
                "energy_mode": line.energy_mode,
                "colour": line.colour,
                "quantity": line.quantity,
                "unit_price_cny": str(line.unit_price_cny),
            }
            for line in data.lines
        ],
        "price_includes": data.price_includes,
        "price_excludes": data.price_excludes,
        "delivery": data.delivery.to_json(),
        "payment": data.payment.to_json(),
        "charging_support": data.charging_support,
        "after_sales": data.after_sales,
        "validity_days": data.validity_days,
        "include_tco": data.include_tco,
        "tco_inputs": data.tco_inputs,
    }


def _uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def intent_input_from_json(payload: dict[str, Any]) -> IntentInput:
    """The form back from ``intent_input_to_json`` (unknown or damaged values fall back)."""

    def text(key: str) -> str:
        return str(payload.get(key) or "")

    try:
        issued = date.fromisoformat(text("issued_on"))
    except ValueError:
        issued = date.today()
    lines = []
    for item in payload.get("lines") or []:
        if not isinstance(item, dict):
            continue
        try:
            price = money(str(item.get("unit_price_cny") or "0"))
        except ArithmeticError:
            price = Decimal("0.00")
        quantity = item.get("quantity")
        lines.append(
            LineInput(
                model_id=_uuid(item.get("model_id")),
                model_name=str(item.get("model_name") or ""),
                announcement_no=str(item.get("announcement_no") or ""),
                battery_config=str(item.get("battery_config") or ""),
                energy_mode=str(item.get("energy_mode") or ""),
                colour=str(item.get("colour") or ""),
                quantity=quantity if isinstance(quantity, int) else 1,
                unit_price_cny=price,
            )
        )
    validity = payload.get("validity_days")
    tco = payload.get("tco_inputs")
    return IntentInput(
        exhibitor_id=_uuid(payload.get("exhibitor_id")),
        lead_id=_uuid(payload.get("lead_id")),
        fair_id=_uuid(payload.get("fair_id")),
        issued_on=issued,
        place=text("place"),
        language=text("language") or IntentLanguage.ZH_EN.value,
        seller=SellerInfo.from_json(payload.get("seller")),
        buyer_company=text("buyer_company"),
        buyer_credit_code=text("buyer_credit_code"),
        buyer_address=text("buyer_address"),
        buyer_representative=text("buyer_representative"),
        buyer_phone=text("buyer_phone"),
        lines=lines,
        price_includes=text("price_includes"),
        price_excludes=text("price_excludes"),
        delivery=DeliveryTerms.from_json(payload.get("delivery")),
        payment=PaymentTerms.from_json(payload.get("payment")),
        charging_support=text("charging_support"),
        after_sales=text("after_sales"),
        validity_days=validity if isinstance(validity, int) else 15,
        include_tco=bool(payload.get("include_tco")),
        tco_inputs=tco if isinstance(tco, dict) else None,
    )
