"""What a person types for a lead, and the checks on it (messages at the field, both languages).

``LeadInput`` is plain data: the capture form, the kiosk, the lead import and the sample data
all build one and hand it to ``LeadService.save``. ``validate_lead`` returns the problems by
field name, so each form can show them beside the field.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from catalog_app.domain.contacts import email_problem, phone_kind
from catalog_app.domain.credit_code import credit_code_problem
from catalog_app.domain.enums import (
    EnergyPreference,
    Financing,
    Industry,
    LeadSource,
    Rating,
    Timeframe,
)
from catalog_app.domain.text import Bilingual

MAX_NAME = 100
MAX_COMPANY = 200
MAX_NOTES = 5000
MAX_FLEET = 1_000_000
MAX_QUANTITY = 100_000


@dataclass
class InterestInput:
    model_id: uuid.UUID | None
    quantity: int = 1
    timeframe: Timeframe = Timeframe.UNKNOWN
    financing: Financing = Financing.UNDECIDED
    energy_preference: EnergyPreference = EnergyPreference.UNDECIDED
    notes: str = ""


@dataclass
class LeadInput:
    person_name: str = ""
    company: str = ""
    credit_code: str = ""
    title: str = ""
    mobile: str = ""
    landline: str = ""
    email: str = ""
    wechat_id: str = ""
    industry: Industry | None = None
    fleet_size: int | None = None
    rating: Rating | None = None
    notes: str = ""
    badge_payload: str = ""
    consent_given: bool = False
    consent_text: str = ""
    consent_version: str = ""
    consent_purposes: list[str] = field(default_factory=list)
    consent_at: datetime | None = None
    interests: list[InterestInput] = field(default_factory=list)
    tco_inputs: dict[str, object] | None = None


MESSAGES = {
    "contact_required": Bilingual(
        zh="请至少填写手机、座机、邮箱或微信中的一项。",
        en="Enter at least one of mobile, landline, e-mail or WeChat.",
    ),
    "name_or_company": Bilingual(zh="请填写姓名或单位。", en="Enter a name or a company."),
    "mobile_invalid": Bilingual(
        zh="不是有效的手机号码（例如 138 0013 8000 或 +86 138 0013 8000）。",
        en="Not a valid mobile number (e.g. 138 0013 8000 or +86 138 0013 8000).",
    ),
    "mobile_is_landline": Bilingual(
        zh="这是座机号码，请填在“座机”一栏。", en="This is a landline; enter it under Landline."
    ),
    "landline_invalid": Bilingual(
        zh="不是有效的座机号码（例如 0851-8555 1234）。",
        en="Not a valid landline number (e.g. 0851-8555 1234).",
    ),
    "email_invalid": Bilingual(zh="不是有效的邮箱地址。", en="Not a valid e-mail address."),
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
    "fleet_size": Bilingual(
        zh="车队规模应为 0 到 1,000,000 之间的整数。",
        en="Fleet size is a whole number from 0 to 1,000,000.",
    ),
    "quantity": Bilingual(
        zh="数量应为 1 到 100,000 之间的整数。", en="Quantity is a whole number from 1 to 100,000."
    ),
    "consent_required": Bilingual(
        zh="需要对方勾选同意后才能保存。", en="The person's consent is required before saving."
    ),
    "too_long": Bilingual(zh="内容过长（上限 {limit} 字）。", en="Too long (at most {limit})."),
}


@dataclass(frozen=True)
class FieldProblem:
    field: str  # a LeadInput attribute, or "interests[2].quantity"
    message: Bilingual
    params: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return self.message.render(lang, **self.params)


def validate_lead(lead: LeadInput, source: LeadSource) -> list[FieldProblem]:
    """Everything wrong with ``lead``; an empty list means it can be saved."""
    problems: list[FieldProblem] = []

    def problem(name: str, key: str, **params: object) -> None:
        problems.append(FieldProblem(name, MESSAGES[key], params))

    if source is not LeadSource.KIOSK and not (lead.person_name.strip() or lead.company.strip()):
        problem("person_name", "name_or_company")
    contacts = (lead.mobile, lead.landline, lead.email, lead.wechat_id)
    if not any(c.strip() for c in contacts):
        problem("mobile", "contact_required")
    if lead.mobile.strip():
        kind = phone_kind(lead.mobile)
        if kind is None:
            problem("mobile", "mobile_invalid")
        elif kind == "landline":
            problem("mobile", "mobile_is_landline")
    if lead.landline.strip() and phone_kind(lead.landline) is None:
        problem("landline", "landline_invalid")
    if lead.email.strip() and email_problem(lead.email):
        problem("email", "email_invalid")
    if lead.credit_code.strip():
        reason = credit_code_problem(lead.credit_code)
        if reason:
            problem("credit_code", f"credit_code_{reason}")
    if lead.fleet_size is not None and not 0 <= lead.fleet_size <= MAX_FLEET:
        problem("fleet_size", "fleet_size")
    for name, limit in (("person_name", MAX_NAME), ("company", MAX_COMPANY), ("notes", MAX_NOTES)):
        if len(getattr(lead, name)) > limit:
            problem(name, "too_long", limit=limit)
    for index, interest in enumerate(lead.interests):
        if not 1 <= interest.quantity <= MAX_QUANTITY:
            problem(f"interests[{index}].quantity", "quantity")
    if source in (LeadSource.BOOTH, LeadSource.KIOSK) and not lead.consent_given:
        problem("consent_given", "consent_required")
    return problems
