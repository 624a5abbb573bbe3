"""Reference numbers of purchase-intent forms, unique across booth devices without coordination.

A reference reads ``QLHT-5569CC-0007``: the exhibitor's code, this device's code (the last six
hex digits of its random device id, ``store.database.device_code``) and a per-device sequence.
Two devices never hand out the same number because their device codes differ; one device never
repeats itself because the sequence only grows:

- the next number is kept in ``LocalSetting`` (``intent_sequence``), which never merges, and is
  taken inside the caller's write transaction (BEGIN IMMEDIATE serialises writers on SQLite,
  ``FOR UPDATE`` on a server);
- it never falls below the highest number this device code already used in the database, so a
  restored backup, or rows of this device merged back from the manager's file, cannot make it
  hand out a number again.

Sample data uses the device code ``SAMPLE``, which no device can have (not hexadecimal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog_app.domain.models import IntentForm, LocalSetting

SEQUENCE_KEY = "intent_sequence"
SEQUENCE_DIGITS = 4
NO_EXHIBITOR_CODE = "INT"
SAMPLE_DEVICE_CODE = "SAMPLE"
MAX_EXHIBITOR_CODE = 12

_REFERENCE = re.compile(r"^(?P<exhibitor>[A-Z0-9]+)-(?P<device>[A-Z0-9]+)-(?P<sequence>\d+)$")
_NOT_CODE = re.compile(r"[^A-Z0-9]")


@dataclass(frozen=True)
class ReferenceParts:
    exhibitor_code: str
    device_code: str
    sequence: int


def reference_code(exhibitor_code: str) -> str:
    """The exhibitor part of a reference: upper-case letters and digits only (``INT`` if none)."""
    cleaned = _NOT_CODE.sub("", (exhibitor_code or "").upper())[:MAX_EXHIBITOR_CODE]
    return cleaned or NO_EXHIBITOR_CODE


def format_reference(exhibitor_code: str, device_code: str, sequence: int) -> str:
    if sequence < 1:
        raise ValueError("sequence numbers start at 1")
    number = str(sequence).zfill(SEQUENCE_DIGITS)
    return f"{reference_code(exhibitor_code)}-{device_code.upper()}-{number}"


def parse_reference(text: str) -> ReferenceParts | None:
    """The parts of a reference, or None when ``text`` is not one."""
    match = _REFERENCE.match((text or "").strip().upper())
    if match is None:
        return None
    return ReferenceParts(match["exhibitor"], match["device"], int(match["sequence"]))


def qr_payload(reference: str, revision: int) -> str:
    """What a form's QR code carries: the reference, with ``-R<n>`` from revision 2 on."""
    return reference if revision <= 1 else f"{reference}-R{revision}"


def split_payload(text: str) -> tuple[str, int | None]:
    """A typed or scanned reference and the revision it names (None: not named)."""
    cleaned = (text or "").strip().upper()
    head, marker, tail = cleaned.rpartition("-R")
    if marker and tail.isdigit() and parse_reference(head) is not None:
        return head, int(tail)
    return cleaned, None


def _highest_used(session: Session, device_code: str) -> int:
    pattern = f"%-{device_code.upper()}-%"
    highest = 0
    for reference in session.scalars(
        select(IntentForm.reference).where(IntentForm.reference.like(pattern)).distinct()
    ):
        parts = parse_reference(reference)
        if parts is not None and parts.device_code == device_code.upper():
            highest = max(highest, parts.sequence)
    return highest


def next_sequence(session: Session, device_code: str) -> int:
    """Take the next sequence number of this device (inside the caller's write transaction)."""
    setting = session.get(LocalSetting, SEQUENCE_KEY, with_for_update=True)
    if setting is None:
        setting = LocalSetting(key=SEQUENCE_KEY, value="0")
        session.add(setting)
    try:
        last = int(setting.value or 0)
    except ValueError:
        last = 0
    number = max(last, _highest_used(session, device_code)) + 1
    setting.value = str(number)
    return number


def allocate_reference(session: Session, exhibitor_code: str, device_code: str) -> str:
    """A new reference for an intent of ``exhibitor_code`` written on this device."""
    return format_reference(exhibitor_code, device_code, next_sequence(session, device_code))
