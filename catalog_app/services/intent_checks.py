"""Checks on a purchase-intent form before it is saved, with messages by field in both languages.

``validate_intent`` returns ``FieldProblem``s (the same shape as the lead checks) named after the
``IntentInput`` attribute — ``buyer_credit_code``, ``lines[2].quantity``, ``delivery.days`` — so
the editor can show each message beside its field. Nothing here touches the database.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from catalog_app.domain.capital_numerals import MAX_AMOUNT
from catalog_app.domain.contacts import phone_kind
from catalog_app.domain.credit_code import credit_code_problem
from catalog_app.domain.enums import Financing
from catalog_app.domain.intent_terms import (
    DeliveryMode,
    EnergyMode,
    IntentLanguage,
    TransportPaidBy,
)
from catalog_app.domain.text import Bilingual
from catalog_app.services.intent_data import IntentInput, money
from catalog_app.services.lead_input import FieldProblem

MAX_QUANTITY = 100_000
MAX_UNIT_PRICE = Decimal("100000000")  # one hundred million yuan for one truck is a typo
MAX_LINES = 500
MAX_VALIDITY_DAYS = 365
MAX_DELIVERY_DAYS = 730
MAX_TEXT = 2000

# Column widths of intent_form / intent_line (longer text would not fit the database).
TEXT_LIMITS = {
    "place": 200,
    "buyer_company": 200,
    "buyer_address": 300,
    "buyer_representative": 100,
    "buyer_phone": 40,
    "price_includes": MAX_TEXT,
    "price_excludes": MAX_TEXT,
    "charging_support": MAX_TEXT,
    "after_sales": MAX_TEXT,
}
LINE_LIMITS = {
    "model_name": 200,
    "announcement_no": 64,
    "battery_config": 100,
    "colour": 50,
}

MESSAGES = {
    "buyer_required": Bilingual(
        zh="请填写买方单位名称（与营业执照一致）。",
        en="Enter the buyer's company name (as on its business licence).",
    ),
    "credit_code_length": Bilingual(
        zh="统一社会信用代码应为 18 位。", en="A unified social credit code has 18 characters."
    ),
    "credit_code_characters": Bilingual(
        zh="统一社会信用代码含有无效字符（不使用 I、O、Z、S、V）。",
        en="The credit code has characters it cannot contain (I, O, Z, S and V are not used).",
    ),
    "credit_code_check": Bilingual(
        zh="统一社会信用代码校验位不符，请核对。",
        en="The credit code's check character does not match; please check it.",
    ),
    "phone_invalid": Bilingual(
        zh="不是有效的电话号码（例如 138 0013 8000 或 0851-8555 1234）。",
        en="Not a valid phone number (e.g. 138 0013 8000 or 0851-8555 1234).",
    ),
    "lines_required": Bilingual(
        zh="请至少添加一个意向车型。", en="Add at least one model to the form."
    ),
    "too_many_lines": Bilingual(
        zh="车型行数过多（上限 {limit} 行）。", en="Too many lines (at most {limit})."
    ),
    "model_required": Bilingual(zh="请填写车型名称。", en="Enter the model's name."),
    "quantity": Bilingual(
        zh="数量应为 1 到 100,000 之间的整数。", en="Quantity is a whole number from 1 to 100,000."
    ),
    "price_negative": Bilingual(zh="单价不能为负数。", en="The unit price cannot be negative."),
    "price_too_high": Bilingual(
        zh="单价超过 1 亿元，请核对。", en="The unit price is over 100 million yuan; please check."
    ),
    "price_invalid": Bilingual(zh="单价不是有效的金额。", en="The unit price is not an amount."),
    "total_too_high": Bilingual(
        zh="合计金额过大，无法写成大写金额。", en="The total is too large to write out in words."
    ),
    "energy_mode": Bilingual(zh="未知的补能方式。", en="Unknown charging/swap option."),
    "validity": Bilingual(
        zh="有效期应为 1 到 365 个工作日。", en="Validity is 1 to 365 working days."
    ),
    "delivery_date_required": Bilingual(
        zh="请选择预计交付日期。", en="Choose the expected delivery date."
    ),
    "delivery_date_past": Bilingual(
        zh="交付日期早于意向书日期。", en="The delivery date is before the date of the form."
    ),
    "delivery_days": Bilingual(
        zh="交付天数应为 1 到 730 天。", en="Delivery is 1 to 730 days after the contract."
    ),
    "delivery_mode": Bilingual(zh="未知的交付方式。", en="Unknown delivery option."),
    "transport": Bilingual(zh="未知的运费承担方。", en="Unknown transport-cost option."),
    "payment_method": Bilingual(zh="未知的付款方式。", en="Unknown payment option."),
    "deposit": Bilingual(
        zh="定金比例应为 0 到 100 %。", en="The deposit is 0 to 100 % of the price."
    ),
    "instalments": Bilingual(
        zh="分期月数应为 1 到 120 个月。", en="Instalments run for 1 to 120 months."
    ),
    "language": Bilingual(zh="未知的打印语言。", en="Unknown print language."),
    "too_long": Bilingual(zh="内容过长（上限 {limit} 字）。", en="Too long (at most {limit})."),
}


def _choices(enum: type) -> set[str]:
    return {member.value for member in enum}  # type: ignore[attr-defined]


def validate_intent(intent: IntentInput) -> list[FieldProblem]:
    """Everything wrong with ``intent``; an empty list means it can be saved."""
    problems: list[FieldProblem] = []

    def problem(name: str, key: str, **params: object) -> None:
        problems.append(FieldProblem(name, MESSAGES[key], params))

    if intent.language not in _choices(IntentLanguage):
        problem("language", "language")
    if not intent.buyer_company.strip():
        problem("buyer_company", "buyer_required")
    if intent.buyer_credit_code.strip():
        reason = credit_code_problem(intent.buyer_credit_code)
        if reason:
            problem("buyer_credit_code", f"credit_code_{reason}")
    if intent.buyer_phone.strip() and phone_kind(intent.buyer_phone) is None:
        problem("buyer_phone", "phone_invalid")
    for name, limit in TEXT_LIMITS.items():
        if len(getattr(intent, name)) > limit:
            problem(name, "too_long", limit=limit)
    _check_lines(intent, problem)
    if not 1 <= intent.validity_days <= MAX_VALIDITY_DAYS:
        problem("validity_days", "validity")
    _check_delivery(intent, problem)
    _check_payment(intent, problem)
    return problems


def _check_lines(intent: IntentInput, problem) -> None:  # type: ignore[no-untyped-def]
    if not intent.lines:
        problem("lines", "lines_required")
        return
    if len(intent.lines) > MAX_LINES:
        problem("lines", "too_many_lines", limit=MAX_LINES)
    total = Decimal(0)
    for index, line in enumerate(intent.lines):
        where = f"lines[{index}]"
        if not line.model_name.strip():
            problem(f"{where}.model_name", "model_required")
        if not 1 <= line.quantity <= MAX_QUANTITY:
            problem(f"{where}.quantity", "quantity")
        try:
            price = money(line.unit_price_cny)
        except (InvalidOperation, ValueError, TypeError):
            problem(f"{where}.unit_price_cny", "price_invalid")
            continue
        if not price.is_finite():
            problem(f"{where}.unit_price_cny", "price_invalid")
            continue
        if price < 0:
            problem(f"{where}.unit_price_cny", "price_negative")
        elif price > MAX_UNIT_PRICE:
            problem(f"{where}.unit_price_cny", "price_too_high")
        else:
            total += price * max(line.quantity, 0)
        if line.energy_mode and line.energy_mode not in _choices(EnergyMode):
            problem(f"{where}.energy_mode", "energy_mode")
        for name, limit in LINE_LIMITS.items():
            if len(getattr(line, name)) > limit:
                problem(f"{where}.{name}", "too_long", limit=limit)
    if total > MAX_AMOUNT:
        problem("lines", "total_too_high")


def _check_delivery(intent: IntentInput, problem) -> None:  # type: ignore[no-untyped-def]
    delivery = intent.delivery
    if delivery.mode == DeliveryMode.DATE:
        if delivery.date is None:
            problem("delivery.date", "delivery_date_required")
        elif delivery.date < intent.issued_on:
            problem("delivery.date", "delivery_date_past")
    elif delivery.mode == DeliveryMode.DAYS_AFTER_CONTRACT:
        if not 1 <= delivery.days <= MAX_DELIVERY_DAYS:
            problem("delivery.days", "delivery_days")
    else:
        problem("delivery.mode", "delivery_mode")
    if delivery.transport not in _choices(TransportPaidBy):
        problem("delivery.transport", "transport")
    if len(delivery.place) > 200:
        problem("delivery.place", "too_long", limit=200)
    if len(delivery.note) > MAX_TEXT:
        problem("delivery.note", "too_long", limit=MAX_TEXT)


def _check_payment(intent: IntentInput, problem) -> None:  # type: ignore[no-untyped-def]
    payment = intent.payment
    if payment.method not in _choices(Financing):
        problem("payment.method", "payment_method")
    if payment.deposit_percent is not None and not 0 <= payment.deposit_percent <= 100:
        problem("payment.deposit_percent", "deposit")
    if payment.instalment_months is not None and not 1 <= payment.instalment_months <= 120:
        problem("payment.instalment_months", "instalments")
    if len(payment.partner) > 200:
        problem("payment.partner", "too_long", limit=200)
    if len(payment.note) > MAX_TEXT:
        problem("payment.note", "too_long", limit=MAX_TEXT)
