"""The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, check digit.

Characters come from ``0-9A-HJ-NPQRTUWXY`` (no I, O, Z, S, V); the 18th is a check character
computed from the first 17 with the weights below, modulo 31.
"""

from __future__ import annotations

import unicodedata

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18


def normalise_credit_code(text: str) -> str:
    """Upper-case, half-width, without spaces or dashes (how people type it)."""
    folded = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in folded.upper() if not ch.isspace() and ch != "-")


def check_character(first17: str) -> str:
    total = sum(ALPHABET.index(ch) * weight for ch, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(text: str) -> str | None:
    """None for a valid code; else a short reason key: length, characters or check."""
    code = normalise_credit_code(text)
    if len(code) != LENGTH:
        return "length"
    if any(ch not in ALPHABET for ch in code):
        return "characters"
    if check_character(code[:17]) != code[17]:
        return "check"
    return None


def is_valid_credit_code(text: str) -> bool:
    return credit_code_problem(text) is None
