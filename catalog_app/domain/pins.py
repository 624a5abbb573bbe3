"""Staff PINs as salted slow hashes (hashlib.scrypt), compared in constant time.

Stored form: ``scrypt$<n>$<r>$<p>$<salt base64>$<hash base64>``; the parameters travel with the
hash, so they can be raised later without breaking stored PINs. n=2**17, r=8, p=1 takes about
0.4 s and 128 MiB here (RELIABILITY.md): slow for an attacker, fine for a login.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
MIN_PIN_LENGTH = 4
MAX_PIN_LENGTH = 12


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=HASH_BYTES
    )


def pin_problem(pin: str) -> str | None:
    """None for an acceptable PIN, else a reason key: ``digits`` or ``length``."""
    if not pin.isascii() or not pin.isdigit():
        return "digits"
    if not MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH:
        return "length"
    return None


def hash_pin(pin: str, *, n: int | None = None) -> str:
    cost = n or SCRYPT_N
    salt = os.urandom(SALT_BYTES)
    digest = _derive(pin, salt, cost, SCRYPT_R, SCRYPT_P)
    return f"scrypt${cost}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_pin(stored: str, pin: str) -> bool:
    """True if ``pin`` matches ``stored``; False for a wrong PIN or a malformed hash."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = _derive(pin, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)
