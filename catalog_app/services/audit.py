"""The audit log: who exported, merged, deleted or changed roles, when, and what.

Entries are written in the same transaction as the change they describe, so there is never a
change without its entry (or an entry for a change that was rolled back).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog_app.domain.models import AuditEntry
from catalog_app.store.database import Database


class AuditAction:
    """The actions that must leave an entry (names stored in the log)."""

    EXPORT = "export"
    PERSONAL_DATA_EXPORT = "personal_data_export"
    MERGE_PACKAGES = "merge_packages"
    MERGE_LEADS = "merge_leads"
    DELETE_LEAD = "delete_lead"
    DELETE_PERSON = "delete_person"
    ROLE_CHANGE = "role_change"
    STAFF_CREATED = "staff_created"
    PIN_RESET = "pin_reset"
    PUSH = "push"
    PULL = "pull"
    IMPORT_LEADS = "import_leads"
    KIOSK_EXIT = "kiosk_exit"
    INTENT_STATUS = "intent_status"
    SETTINGS_CHANGE = "settings_change"


def record(
    session: Session,
    action: str,
    *,
    staff_id: uuid.UUID | None,
    object_type: str = "",
    object_id: str | uuid.UUID = "",
    **detail: Any,
) -> AuditEntry:
    """Add an audit entry to ``session`` (committed with the change it describes)."""
    entry = AuditEntry(
        action=action,
        staff_id=staff_id,
        object_type=object_type,
        object_id=str(object_id),
        detail={key: _plain(value) for key, value in detail.items()},
    )
    session.add(entry)
    return entry


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID | datetime):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    action: str
    staff_id: uuid.UUID | None
    object_type: str
    object_id: str
    detail: dict[str, Any]


def recent_entries(
    database: Database, limit: int = 200, action: str | None = None
) -> list[AuditRow]:
    query = select(AuditEntry).order_by(AuditEntry.created_at.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    with database.sessions() as session:
        return [
            AuditRow(e.created_at, e.action, e.staff_id, e.object_type, e.object_id, e.detail)
            for e in session.scalars(query)
        ]
