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
