"""A person's requests about their data (PIPL Art. 44–47, GDPR Art. 15/17): a copy of
everything kept about them, and forgetting them. Managers only; both are audited.

*Everything about one person* is the lead itself (every column), its models of interest, its
consent (exact wording, version, time, purposes), the leads merged into it earlier (a merge keeps
the merged-away lead as a tombstone with its values), its duplicate links, the purchase-intent
forms made from it, and the audit entries about any of these leads. ``export_personal_data``
writes it as JSON (complete, for machines) and as a readable PDF in the chosen language (with the
bundled Chinese font), then records ``AuditAction.PERSONAL_DATA_EXPORT`` naming the files — never
personal values.

``forget_person`` deletes the person with ``LeadService.delete_person`` — personal fields
scrubbed, tombstone kept so a later merge cannot bring them back; the person scrubbed from
intent forms, the attendee list and drafts too (``person_erasure``) — for the lead and for
every lead merged into it, each audited as ``AuditAction.DELETE_PERSON``; then the leftovers
of the old values in the file are purged (``person_erasure.purge_leftovers``).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from catalog_app.domain.base import utc_now
from catalog_app.domain.models import (
    AuditEntry,
    IntentForm,
    Lead,
    LeadDuplicateLink,
    LeadInterest,
    StaffAccount,
    TruckModel,
)
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.accounts import StaffMember, require_manager
from catalog_app.services.audit import AuditAction, record
from catalog_app.services.leads import UNKNOWN_LEAD, LeadService
from catalog_app.services.person_erasure import purge_leftovers
from catalog_app.store.database import Database

FORMAT_VERSION = 1
NOT_WRITTEN = Bilingual(
    zh="个人信息副本未能写入 {folder}：{reason}",
    en="The personal-data copy could not be written to {folder}: {reason}",
)
INTENT_COLUMNS = (
    "reference",
    "status",
    "buyer_company",
    "buyer_credit_code",
    "buyer_address",
    "buyer_representative",
    "buyer_phone",
)


@dataclass
class PersonalData:
    """Everything kept about one person, as plain JSON-ready values."""

    lead_id: uuid.UUID
    generated_at: datetime
    lead: dict[str, Any]
    interests: list[dict[str, Any]]
    merged_leads: list[dict[str, Any]] = field(default_factory=list)
    duplicate_links: list[dict[str, Any]] = field(default_factory=list)
    intents: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "catalog-app personal data",
            "format_version": FORMAT_VERSION,
            "lead_id": str(self.lead_id),
            "generated_at": self.generated_at.isoformat(),
            "lead": self.lead,
            "interests": self.interests,
            "merged_leads": self.merged_leads,
            "duplicate_links": self.duplicate_links,
            "intent_forms": self.intents,
            "audit_entries": self.audit,
        }


@dataclass(frozen=True)
class ExportedFiles:
    json_path: Path
    pdf_path: Path


def plain(value: Any) -> Any:
    """A column value as JSON: ids and times as text, enums as their value."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def _columns(row: Any) -> dict[str, Any]:
    return {column.key: plain(getattr(row, column.key)) for column in row.__table__.columns}


def history_ids(session: Session, lead_id: uuid.UUID) -> list[uuid.UUID]:
    """The leads merged into ``lead_id``, and those merged into them, and so on."""
    found: list[uuid.UUID] = []
    frontier = [lead_id]
    seen = {lead_id}
    while frontier:
        children = list(session.scalars(select(Lead.id).where(Lead.merged_into_id.in_(frontier))))
        frontier = [child for child in children if child not in seen]
        seen.update(frontier)
        found.extend(frontier)
    return found


def collect_personal_data(database: Database, lead_id: uuid.UUID) -> PersonalData:
    """Read everything about the person of ``lead_id`` (see the module docstring)."""
    with database.sessions() as session:
        lead = session.get(Lead, lead_id)
        if lead is None:
            raise UserFacingError(UNKNOWN_LEAD)
        merged = history_ids(session, lead_id)
        every = [lead_id, *merged]
        data = PersonalData(lead_id, utc_now(), _columns(lead), _interests(session, [lead_id]))
        for merged_id in merged:
            row = session.get(Lead, merged_id)
            if row is not None:
                entry = _columns(row)
                entry["interests"] = _interests(session, [merged_id])
                data.merged_leads.append(entry)
        links = select(LeadDuplicateLink).where(
            or_(LeadDuplicateLink.lead_a_id.in_(every), LeadDuplicateLink.lead_b_id.in_(every))
        )
        data.duplicate_links = [_columns(link) for link in session.scalars(links)]
        intents = select(IntentForm).where(IntentForm.lead_id.in_(every))
        data.intents = [
            {"id": str(form.id), **{name: plain(getattr(form, name)) for name in INTENT_COLUMNS}}
            for form in session.scalars(intents.order_by(IntentForm.created_at))
        ]
        data.audit = _audit(session, every)
        return data


def _interests(session: Session, lead_ids: list[uuid.UUID]) -> list[dict[str, Any]]:
    query = (
        select(LeadInterest, TruckModel.code, TruckModel.name_zh, TruckModel.name_en)
        .outerjoin(TruckModel, TruckModel.id == LeadInterest.model_id)
        .where(LeadInterest.lead_id.in_(lead_ids))
        .order_by(LeadInterest.created_at, LeadInterest.id)
    )
    found = []
    for interest, code, name_zh, name_en in session.execute(query):
        entry = _columns(interest)
        entry.update(
            model_code=code or "", model_name_zh=name_zh or "", model_name_en=name_en or ""
        )
        found.append(entry)
    return found


def _audit(session: Session, lead_ids: list[uuid.UUID]) -> list[dict[str, Any]]:
    names = {str(i) for i in lead_ids}
    query = (
        select(AuditEntry, StaffAccount.display_name)
        .outerjoin(StaffAccount, StaffAccount.id == AuditEntry.staff_id)
        .where(AuditEntry.object_id.in_(names))
        .order_by(AuditEntry.created_at)
    )
    found = []
    for entry, staff_name in session.execute(query):
        found.append(
            {
                "at": plain(entry.created_at),
                "action": entry.action,
                "staff": staff_name or "",
                "object_type": entry.object_type,
                "object_id": entry.object_id,
                "detail": plain(entry.detail),
            }
        )
    return found


def export_personal_data(
    database: Database,
    lead_id: uuid.UUID,
    folder: Path,
    *,
    actor: StaffMember | None,
    lang: str,
) -> ExportedFiles:
    """Write the person's data as JSON and PDF into ``folder``; audited. Managers only."""
    from catalog_app.documents.personal_data_pdf import render_personal_data_pdf
    from catalog_app.services.personal_data_text import document_of

    require_manager(actor)
    assert actor is not None
    data = collect_personal_data(database, lead_id)
    stem = _file_stem(data)
    folder = Path(folder)
    json_path = folder / f"{stem}.json"
    pdf_path = folder / f"{stem}.pdf"
    partial = [folder / f".{stem}.json.part", folder / f".{stem}.pdf.part"]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data.to_json(), ensure_ascii=False, indent=2)
        partial[0].write_text(text + "\n", encoding="utf-8")
        render_personal_data_pdf(document_of(data, lang), partial[1])
        with database.transaction() as session:
            record(
                session,
                AuditAction.PERSONAL_DATA_EXPORT,
                staff_id=actor.id,
                object_type="lead",
                object_id=lead_id,
                files=[json_path.name, pdf_path.name],
            )
        partial[0].replace(json_path)
        partial[1].replace(pdf_path)
    except OSError as exc:
        raise UserFacingError(NOT_WRITTEN, folder=str(folder), reason=exc.strerror or exc) from exc
    finally:
        for path in partial:
            path.unlink(missing_ok=True)
    return ExportedFiles(json_path, pdf_path)


def _file_stem(data: PersonalData) -> str:
    """A name without personal values: it is written to the audit log, which outlives a
    deletion of the person."""
    stamp = data.generated_at.astimezone().strftime("%Y%m%d-%H%M%S")
    return f"personal-data-{data.lead_id.hex[:12]}-{stamp}"


def forget_person(database: Database, lead_id: uuid.UUID, *, actor: StaffMember | None) -> int:
    """Scrub the person of ``lead_id`` and of every lead merged into it; return how many leads
    were scrubbed. Each is a tombstone without personal data afterwards, audited."""
    require_manager(actor)
    assert actor is not None
    with database.sessions() as session:
        if session.get(Lead, lead_id) is None:
            raise UserFacingError(UNKNOWN_LEAD)
        every = [lead_id, *history_ids(session, lead_id)]
    service = LeadService(database)
    for each in every:
        service.delete_person(each, actor=actor)
    purge_leftovers(database)
    return len(every)
