"""Normalise contact details so the same person is recognised across captures and devices."""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "CN"


def normalise_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """The number in E.164 (``+8613800138000``), or "" when it is not a valid number."""
    if not text or not text.strip():
        return ""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(text: str) -> str:
    """Trimmed and lower-cased, for matching (the address as typed is kept separately)."""
    return text.strip().lower()


def phone_kind(text: str, region: str = DEFAULT_REGION) -> str | None:
    """ "mobile", "landline" or "other" for a valid number; None when it is not valid."""
    if not normalise_phone(text, region):
        return None
    number = phonenumbers.parse(text, region)
    kind = phonenumbers.number_type(number)
    if kind in (phonenumbers.PhoneNumberType.MOBILE,):
        return "mobile"
    if kind == phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE:
        return "mobile" if number.country_code != 86 else "landline"
    if kind == phonenumbers.PhoneNumberType.FIXED_LINE:
        return "landline"
    return "other"


def email_problem(text: str) -> str | None:
    """None for a usable address (syntax only: no network look-ups), else the reason."""
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(text.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None
