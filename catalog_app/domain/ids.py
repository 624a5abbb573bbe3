"""Row identifiers: time-ordered UUIDv7 made on the device, and stable UUIDv5 for catalog rows.

Rows loaded from the same catalog file on several devices get the same id from their source keys
(``stable_id("model", "GZ-NEV-SAMPLE", "QL-E49")``), so a later merge sees one row, not copies.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

# A fixed namespace for every stable id of this application; never change it.
CATALOG_NAMESPACE = uuid.UUID("6f1d3c1e-8a0b-5b7e-9a55-0c4a1a7e2b10")

_lock = threading.Lock()
_last_ms = 0
_last_rand = 0


def new_id() -> uuid.UUID:
    """A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits; monotonic per process."""
    global _last_ms, _last_rand
    with _lock:
        now_ms = time.time_ns() // 1_000_000
        if now_ms <= _last_ms:
            # Same (or an earlier) millisecond: keep order by counting up the random part.
            now_ms = _last_ms
            rand = (_last_rand + 1) & ((1 << 74) - 1)
        else:
            rand = int.from_bytes(os.urandom(10), "big") & ((1 << 74) - 1)
        _last_ms, _last_rand = now_ms, rand
    rand_a = rand >> 62  # 12 bits
    rand_b = rand & ((1 << 62) - 1)
    value = (now_ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76 | rand_a << 64
    value |= 0b10 << 62 | rand_b
    return uuid.UUID(int=value)


def stable_id(kind: str, *source_keys: str) -> uuid.UUID:
    """A UUIDv5 derived from a row kind and its source keys (codes in the catalog file)."""
    if not source_keys or any(not key for key in source_keys):
        raise ValueError("a stable id needs non-empty source keys")
    return uuid.uuid5(CATALOG_NAMESPACE, "\x1f".join((kind, *source_keys)))
