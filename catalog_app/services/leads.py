"""Save, read, flag and delete leads: the one path every lead takes into the database.

``save`` checks the input (``validate_lead``), normalises contacts (E.164 phone, lower-cased
e-mail, search keys), writes the lead and its interests in one durable transaction (the UI says
"saved" only after it returns), and links possible duplicates of the same person for a human to
review — never collapsing them. Deleting a person scrubs the personal fields and keeps the
tombstone, so a later merge cannot bring them back.
"""

from __future__ import annotations

import difflib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from catalog_app.domain.base import utc_now
from catalog_app.domain.contacts import normalise_email, normalise_phone
from catalog_app.domain.credit_code import normalise_credit_code
from catalog_app.domain.enums import DuplicateStatus, LeadSource, Rating
from catalog_app.domain.models import Lead, LeadDuplicateLink, LeadInterest
from catalog_app.domain.models.leads import PERSONAL_FIELDS
from catalog_app.domain.search_keys import search_key
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.accounts import StaffMember, require_manager
from catalog_app.services.audit import AuditAction, record
from catalog_app.services.drafts import DraftService
from catalog_app.services.lead_input import FieldProblem, InterestInput, LeadInput, validate_lead
from catalog_app.services.person_erasure import (
    PersonTraits,
    mentions,
    person_attendees,
    person_intent_forms,
    scrub_attendees,
    scrub_intent_forms,
    zeroing_deleted_bytes,
)
from catalog_app.store.database import Database

SIMILAR_COMPANY = 0.8

NOT_SAVED = Bilingual(
    zh="线索未保存，请修改标出的内容：\n{lines}", en="The lead was not saved; please fix:\n{lines}"
)
UNKNOWN_LEAD = Bilingual(zh="找不到这条线索。", en="That lead was not found.")


class LeadValidationError(UserFacingError):
    """The input has problems; nothing was saved. ``problems`` are by field."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__(NOT_SAVED, lines="")

    def text(self, lang: str) -> str:
        lines = "\n".join(f"  • {p.text(lang)}" for p in self.problems)
        return NOT_SAVED.render(lang, lines=lines)

    def by_field(self, lang: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for problem in self.problems:
            found.setdefault(problem.field, problem.text(lang))
        return found


@dataclass(frozen=True)
class DuplicateMatch:
    lead_id: uuid.UUID
    reason: str  # "phone", "email" or "name_company"
    person_name: str
    company: str
    mobile: str
    email: str
    captured_at: datetime | None


@dataclass(frozen=True)
class LeadRecord:
    id: uuid.UUID
    data: LeadInput
    source: LeadSource
    staff_id: uuid.UUID | None
    captured_at: datetime | None
    captured_on_device_id: uuid.UUID | None
    updated_at: datetime
    deleted: bool
    merged_into_id: uuid.UUID | None


def _apply(lead: Lead, data: LeadInput) -> None:
    lead.person_name = data.person_name.strip()
    lead.person_name_key = search_key(lead.person_name)
    lead.company = data.company.strip()
    lead.company_key = search_key(lead.company)
    lead.credit_code = normalise_credit_code(data.credit_code)
    lead.title = data.title.strip()
    lead.mobile = data.mobile.strip()
    lead.mobile_e164 = normalise_phone(data.mobile)
    lead.landline = data.landline.strip()
    lead.email = data.email.strip()
    lead.email_normalized = normalise_email(data.email)
    lead.wechat_id = data.wechat_id.strip()
    lead.industry = data.industry.value if data.industry else ""
    lead.fleet_size = data.fleet_size
    lead.rating = data.rating
    lead.notes = data.notes
    if data.badge_payload:
        lead.badge_payload = data.badge_payload
    lead.tco_inputs = data.tco_inputs


def _record(lead: Lead) -> LeadRecord:
    from catalog_app.domain.enums import Industry

    data = LeadInput(
        person_name=lead.person_name,
        company=lead.company,
        credit_code=lead.credit_code,
        title=lead.title,
        mobile=lead.mobile,
        landline=lead.landline,
        email=lead.email,
        wechat_id=lead.wechat_id,
        industry=Industry(lead.industry) if lead.industry else None,
        fleet_size=lead.fleet_size,
        rating=lead.rating,
        notes=lead.notes,
        badge_payload=lead.badge_payload,
        consent_given=bool(lead.consent_at),
        consent_text=lead.consent_text,
        consent_version=lead.consent_version,
        consent_purposes=list(lead.consent_purposes or []),
        consent_at=lead.consent_at,
        interests=[
            InterestInput(
                i.model_id, i.quantity, i.timeframe, i.financing, i.energy_preference, i.notes
            )
            for i in lead.interests
            if i.deleted_at is None
        ],
        tco_inputs=lead.tco_inputs,
    )
    return LeadRecord(
        lead.id,
        data,
        lead.source,
        lead.staff_id,
        lead.captured_at,
        lead.captured_on_device_id,
        lead.updated_at,
        lead.deleted_at is not None,
        lead.merged_into_id,
    )


class LeadService:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- writing ----------------------------------------------------------------------------
    def save(
        self,
        data: LeadInput,
        *,
        source: LeadSource,
        staff_id: uuid.UUID | None = None,
        lead_id: uuid.UUID | None = None,
        fair_id: uuid.UUID | None = None,
        exhibitor_id: uuid.UUID | None = None,
        create_with_id: uuid.UUID | None = None,
        captured_at: datetime | None = None,
        session: Session | None = None,
    ) -> uuid.UUID:
        """Check and save a lead (new, or an update of ``lead_id``); return its id.

        Raises LeadValidationError (nothing written) when the input has problems. When this
        returns, the lead is committed with synchronous=FULL: it survives a power cut.

        For imports: ``create_with_id`` gives a new lead a stable id, ``captured_at`` the time
        it was collected, and ``session`` runs the save inside the caller's transaction (which
        then commits or rolls back the whole file).
        """
        problems = validate_lead(data, source)
        if problems:
            raise LeadValidationError(problems)
        with self._unit_of_work(session) as session:
            if lead_id is None:
                now = utc_now()
                lead = Lead(
                    source=source,
                    staff_id=staff_id,
                    fair_id=fair_id,
                    exhibitor_id=exhibitor_id,
                    captured_on_device_id=self._db.device_id,
                    captured_at=captured_at or now,
                    consent_text=data.consent_text,
                    consent_version=data.consent_version,
                    consent_purposes=list(data.consent_purposes),
                    consent_at=(data.consent_at or now) if data.consent_given else None,
                )
                if create_with_id is not None:
                    lead.id = create_with_id
                session.add(lead)
            else:
                found = session.get(Lead, lead_id, options=[selectinload(Lead.interests)])
                if found is None or found.deleted_at is not None:
                    raise UserFacingError(UNKNOWN_LEAD)
                lead = found
                if data.consent_given and not lead.consent_at:
                    lead.consent_text = data.consent_text
                    lead.consent_version = data.consent_version
                    lead.consent_purposes = list(data.consent_purposes)
                    lead.consent_at = data.consent_at or utc_now()
            _apply(lead, data)
            session.flush()
            _replace_interests(session, lead, data.interests)
            self._link_duplicates(session, lead)
            return lead.id

    @contextmanager
    def _unit_of_work(self, session: Session | None) -> Iterator[Session]:
        """The caller's session (committed by the caller), else a transaction of our own."""
        if session is not None:
            yield session
            return
        with self._db.transaction() as own:
            yield own

    def _link_duplicates(self, session: Session, lead: Lead) -> None:
        existing = {
            frozenset((link.lead_a_id, link.lead_b_id))
            for link in session.scalars(
                select(LeadDuplicateLink).where(
                    or_(
                        LeadDuplicateLink.lead_a_id == lead.id,
                        LeadDuplicateLink.lead_b_id == lead.id,
                    )
                )
            )
        }
        for match in _duplicates(session, lead, exclude=lead.id):
            pair = frozenset((lead.id, match.lead_id))
            if pair in existing:
                continue
            first, second = sorted(pair, key=str)
            session.add(LeadDuplicateLink(lead_a_id=first, lead_b_id=second, reason=match.reason))
            existing.add(pair)

    def set_rating(self, lead_ids: list[uuid.UUID], rating: Rating | None) -> int:
        with self._db.transaction() as session:
            changed = 0
            for lead in session.scalars(select(Lead).where(Lead.id.in_(lead_ids))):
                if lead.deleted_at is None and lead.rating != rating:
                    lead.rating = rating
                    changed += 1
            return changed

    def delete_lead(self, lead_id: uuid.UUID, *, actor: StaffMember) -> None:
        """Managers only: the lead becomes a tombstone (kept, so merges agree); audited."""
        require_manager(actor)
        with self._db.transaction() as session:
            lead = session.get(Lead, lead_id)
            if lead is None:
                raise UserFacingError(UNKNOWN_LEAD)
            lead.mark_deleted()
            for interest in lead.interests:
                interest.mark_deleted()
            record(
                session,
                AuditAction.DELETE_LEAD,
                staff_id=actor.id,
                object_type="lead",
                object_id=lead_id,
            )

    def delete_person(self, lead_id: uuid.UUID, *, actor: StaffMember) -> None:
        """A person's request to be forgotten: the lead's personal fields scrubbed, tombstone
        kept; and the person scrubbed from the intent forms, the attendee list and this
        device's drafts (``person_erasure``). One audit entry, with what was reached."""
        require_manager(actor)
        with self._db.sessions() as session:
            found = session.get(Lead, lead_id)
            if found is None:
                raise UserFacingError(UNKNOWN_LEAD)
            traits = PersonTraits.of(found)
            ids = {str(lead_id)} | {str(form.id) for form in person_intent_forms(session, traits)}
        drafts = DraftService(self._db).discard_where(lambda p: mentions(p, traits, ids))
        with self._db.transaction() as session, zeroing_deleted_bytes(session):
            lead = session.get(Lead, lead_id)
            if lead is None:
                raise UserFacingError(UNKNOWN_LEAD)
            for name in PERSONAL_FIELDS:
                setattr(lead, name, "")
            lead.person_name_key = ""
            lead.tco_inputs = None
            lead.mark_deleted()
            for interest in lead.interests:
                interest.notes = ""
                interest.mark_deleted()
            forms = scrub_intent_forms(session, person_intent_forms(session, traits))
            attendees = scrub_attendees(session, person_attendees(session, traits))
            record(
                session,
                AuditAction.DELETE_PERSON,
                staff_id=actor.id,
                object_type="lead",
                object_id=lead_id,
                intent_forms=forms,
                attendees=attendees,
                drafts=drafts,
            )

    # -- reading ----------------------------------------------------------------------------
    def get(self, lead_id: uuid.UUID) -> LeadRecord:
        with self._db.sessions() as session:
            lead = session.get(Lead, lead_id, options=[selectinload(Lead.interests)])
            if lead is None:
                raise UserFacingError(UNKNOWN_LEAD)
            return _record(lead)

    def find_duplicates(
        self, data: LeadInput, *, exclude: uuid.UUID | None = None
    ) -> list[DuplicateMatch]:
        """Leads that may be the same person as ``data`` (for the banner while capturing)."""
        probe = Lead(source=LeadSource.BOOTH)
        _apply(probe, data)
        with self._db.sessions() as session:
            return _duplicates(session, probe, exclude=exclude)


def _duplicates(session: Session, lead: Lead, *, exclude: uuid.UUID | None) -> list[DuplicateMatch]:
    conditions = []
    if lead.mobile_e164:
        conditions.append(Lead.mobile_e164 == lead.mobile_e164)
    if lead.email_normalized:
        conditions.append(Lead.email_normalized == lead.email_normalized)
    if lead.person_name_key:
        conditions.append(Lead.person_name_key == lead.person_name_key)
    if not conditions:
        return []
    query = select(Lead).where(or_(*conditions), Lead.deleted_at.is_(None)).limit(50)
    if exclude is not None:
        query = query.where(Lead.id != exclude)
    matches = []
    for other in session.scalars(query):
        if lead.mobile_e164 and other.mobile_e164 == lead.mobile_e164:
            reason = "phone"
        elif lead.email_normalized and other.email_normalized == lead.email_normalized:
            reason = "email"
        elif lead.company_key and _similar(lead.company, other.company):
            reason = "name_company"
        else:
            continue
        matches.append(
            DuplicateMatch(
                other.id,
                reason,
                other.person_name,
                other.company,
                other.mobile,
                other.email,
                other.captured_at,
            )
        )
    return matches


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return difflib.SequenceMatcher(None, search_key(a), search_key(b)).ratio() >= SIMILAR_COMPANY


def _replace_interests(session: Session, lead: Lead, wanted: list[InterestInput]) -> None:
    current = [i for i in lead.interests if i.deleted_at is None]
    by_model = {i.model_id: i for i in current}
    keep: set[uuid.UUID] = set()
    for item in wanted:
        row = by_model.get(item.model_id)
        if row is None or row.id in keep:
            row = LeadInterest(lead_id=lead.id, model_id=item.model_id)
            session.add(row)
            session.flush()
        row.quantity = item.quantity
        row.timeframe = item.timeframe
        row.financing = item.financing
        row.energy_preference = item.energy_preference
        row.notes = item.notes
        keep.add(row.id)
    for row in current:
        if row.id not in keep:
            row.mark_deleted()


def open_duplicate_links(database: Database, limit: int = 500) -> list[LeadDuplicateLink]:
    query = (
        select(LeadDuplicateLink)
        .where(
            LeadDuplicateLink.status == DuplicateStatus.OPEN, LeadDuplicateLink.deleted_at.is_(None)
        )
        .limit(limit)
    )
    with database.sessions() as session:
        return list(session.scalars(query))
