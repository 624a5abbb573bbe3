"""Where a person's data lies beyond their lead, and scrubbing it there (PIPL Art. 47, GDPR
Art. 17): what ``LeadService.delete_person`` reaches besides the lead itself.

- **Purchase-intent forms** made from the lead (every revision), or naming the person's mobile
  as the buyer's phone: the buyer's representative and phone are scrubbed, and ``erased_at`` is
  set. The form stays (it is the company's intent, counted in the fair's results); the merge rule
  ranks an erased version above every version that still names the person, so no package or
  server brings the name back (``services/sync/merge.py``).
- **Attendee-list rows** of the person — the badge code scanned into the lead, or the same
  mobile (E.164) or e-mail: name, title, mobile and e-mail scrubbed, ``erased_at`` set and the
  row made a tombstone. Neither a merge nor a re-import of the organiser's list restores it
  (``attendees.write_attendees`` leaves erased rows alone).
- **Drafts** (forms being typed, in the database or in a recovery file) that carry the lead's
  id, one of its intent forms' ids, the person's mobile, e-mail or badge code, or their name
  together with their company: removed. Drafts never leave the device, so only this device's
  are reached.

Matching is by identifiers, never by a name alone: another visitor with the same name keeps
their data. Company names, credit codes and addresses are the company's, not the person's,
and stay.

On SQLite the scrubbing runs with ``secure_delete`` (the bytes of the old values are zeroed,
not left in free space), and afterwards ``purge_leftovers`` rewrites the lead search index in
one piece (its older segments still held the old texts' trigrams) and checkpoints the
write-ahead log (which held the old pages). Backups made before the request still hold the
person until they are rotated away.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from catalog_app.domain.base import utc_now
from catalog_app.domain.contacts import normalise_email, normalise_phone
from catalog_app.domain.models import Attendee, IntentForm, Lead
from catalog_app.services.attendees import normalise_badge_code
from catalog_app.services.badges import parse_badge
from catalog_app.store import lead_search_index
from catalog_app.store.database import Database

ATTENDEE_PERSONAL_FIELDS = ("person_name", "title", "mobile", "email")
INTENT_PERSONAL_FIELDS = ("buyer_representative", "buyer_phone")
PHONE_TAIL = 4  # last digits, written together in every usual grouping: narrow in SQL, then confirm
_DIGITS = re.compile(r"\D")


@dataclass(frozen=True)
class PersonTraits:
    """What identifies the person of one lead, read before the lead is scrubbed."""

    lead_id: uuid.UUID
    mobiles: frozenset[str]  # E.164
    emails: frozenset[str]  # lower-cased
    badge_codes: frozenset[str]  # as the attendee list stores them
    name: str
    company: str

    @classmethod
    def of(cls, lead: Lead) -> PersonTraits:
        mobiles = {lead.mobile_e164, normalise_phone(lead.mobile), normalise_phone(lead.landline)}
        emails = {lead.email_normalized, normalise_email(lead.email)}
        return cls(
            lead.id,
            frozenset(m for m in mobiles if m),
            frozenset(e for e in emails if e),
            frozenset(badge_codes(lead.badge_payload)),
            lead.person_name.strip(),
            lead.company.strip(),
        )


def badge_codes(payload: str) -> set[str]:
    """The badge codes in a lead's stored scans (several scans are kept a blank line apart)."""
    found = set()
    for part in [payload, *payload.split("\n\n")] if payload else []:
        if part.strip():
            code = normalise_badge_code(parse_badge(part).badge_code or "")
            if code:
                found.add(code)
    return found


def _phone_tails(traits: PersonTraits) -> list[str]:
    return sorted({_DIGITS.sub("", m)[-PHONE_TAIL:] for m in traits.mobiles})


def _same_phone(text: str, traits: PersonTraits) -> bool:
    return bool(text.strip()) and normalise_phone(text) in traits.mobiles


# -- intent forms ------------------------------------------------------------------------------
def person_intent_forms(session: Session, traits: PersonTraits) -> list[IntentForm]:
    """The forms made from the lead (every revision) or naming the person's mobile."""
    conditions = [IntentForm.lead_id == traits.lead_id]
    conditions += [IntentForm.buyer_phone.like(f"%{tail}%") for tail in _phone_tails(traits)]
    forms = session.scalars(select(IntentForm).where(or_(*conditions)))
    return [
        form
        for form in forms
        if form.lead_id == traits.lead_id or _same_phone(form.buyer_phone, traits)
    ]


def scrub_intent_forms(session: Session, forms: list[IntentForm]) -> int:
    now = utc_now()
    for form in forms:
        for name in INTENT_PERSONAL_FIELDS:
            setattr(form, name, "")
        if form.erased_at is None:
            form.erased_at = now
    return len(forms)


# -- attendee list -----------------------------------------------------------------------------
def person_attendees(session: Session, traits: PersonTraits) -> list[Attendee]:
    conditions: list[Any] = []
    if traits.badge_codes:
        conditions.append(Attendee.badge_code.in_(sorted(traits.badge_codes)))
    conditions += [Attendee.mobile.like(f"%{tail}%") for tail in _phone_tails(traits)]
    conditions += [Attendee.email.ilike(email) for email in sorted(traits.emails)]
    if not conditions:
        return []
    found = session.scalars(select(Attendee).where(or_(*conditions)))
    return [
        attendee
        for attendee in found
        if attendee.badge_code in traits.badge_codes
        or _same_phone(attendee.mobile, traits)
        or normalise_email(attendee.email) in traits.emails
    ]


def scrub_attendees(session: Session, attendees: list[Attendee]) -> int:
    now = utc_now()
    for attendee in attendees:
        for name in ATTENDEE_PERSONAL_FIELDS:
            setattr(attendee, name, "")
        if attendee.erased_at is None:
            attendee.erased_at = now
        attendee.mark_deleted()
    return len(attendees)


# -- drafts ------------------------------------------------------------------------------------
def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def mentions(payload: dict[str, Any], traits: PersonTraits, ids: set[str]) -> bool:
    """Whether a draft's payload is about the person (see the module docstring); ``ids``: the
    lead's and its intent forms' ids as text."""
    texts = [text.strip() for text in _strings(payload) if text and text.strip()]
    present = set(texts)
    if present & ids:
        return True
    if traits.name and traits.company and {traits.name, traits.company} <= present:
        return True
    for text in texts:
        if len(_DIGITS.sub("", text)) >= 7 and _same_phone(text, traits):
            return True
        if "@" in text and normalise_email(text) in traits.emails:
            return True
        codes = traits.badge_codes
        if codes and (normalise_badge_code(text) in codes or badge_codes(text) & codes):
            return True
    return False


# -- leftovers in the file ---------------------------------------------------------------------
@contextmanager
def zeroing_deleted_bytes(session: Session) -> Iterator[None]:
    """Within the block, SQLite overwrites deleted content with zeros (``secure_delete``)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA secure_delete").scalar()
    connection.exec_driver_sql("PRAGMA secure_delete = ON")
    try:
        yield
        session.flush()  # the writes happen now, while deleted bytes are zeroed
    finally:
        connection.exec_driver_sql(f"PRAGMA secure_delete = {int(bool(before))}")


def purge_leftovers(database: Database) -> None:
    """After scrubbing: the search index rewritten (old trigrams gone), the log checkpointed."""
    if not database.is_sqlite:
        return
    with database.engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA secure_delete = ON")
        try:
            lead_search_index.purge(connection)
        finally:
            connection.exec_driver_sql("PRAGMA secure_delete = OFF")
    with database.engine.connect() as connection:
        # Best effort: a reader still inside an old snapshot keeps its pages until it is done.
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
