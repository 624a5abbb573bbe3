"""Autosave what a person is typing, and offer it back after a crash (local to this device)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from catalog_app.domain.base import utc_now
from catalog_app.domain.models import FormDraft
from catalog_app.store.database import Database


class DraftService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def save(self, slot: str, payload: dict[str, Any]) -> None:
        """Keep ``payload`` as the draft of ``slot`` (replacing the previous one), durably."""
        with self._db.transaction() as session:
            draft = session.get(FormDraft, slot)
            if draft is None:
                session.add(FormDraft(slot=slot, payload=payload, saved_at=utc_now()))
            else:
                draft.payload = payload
                draft.saved_at = utc_now()

    def load(self, slot: str) -> tuple[dict[str, Any], datetime] | None:
        with self._db.sessions() as session:
            draft = session.get(FormDraft, slot)
            return (dict(draft.payload), draft.saved_at) if draft else None

    def discard(self, slot: str) -> None:
        with self._db.transaction() as session:
            draft = session.get(FormDraft, slot)
            if draft is not None:
                session.delete(draft)
