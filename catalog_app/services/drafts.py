"""Autosave what a person is typing, and offer it back after a crash (local to this device).

Drafts live in the database (``form_draft``, one per slot, never merged). When the database
cannot take the write — the file is locked by another program, the medium turned read-only,
the server is gone — the draft goes to a small recovery file instead (beside the database, or
in the user data folder), so what was typed is still offered back at the next start.
``load`` returns the newer of the two; ``discard`` removes both.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from catalog_app.domain.base import utc_now
from catalog_app.domain.models import FormDraft
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.store.database import Database
from catalog_app.store.errors import StoreError
from catalog_app.store.locations import default_data_dir

log = logging.getLogger(__name__)

IN_DATABASE = "database"
IN_FILE = "file"

NOT_SAVED = Bilingual(
    zh="草稿无法自动保存（{reason}）。已填写的内容仍在表单中，请尽快保存线索。",
    en="The draft could not be autosaved ({reason}). What you typed is still in the form; "
    "save the lead soon.",
)


class DraftNotSaved(UserFacingError):
    def __init__(self, cause: BaseException) -> None:
        self.cause = cause
        super().__init__(NOT_SAVED, reason=str(getattr(cause, "orig", None) or cause))

    def text(self, lang: str) -> str:
        if isinstance(self.cause, UserFacingError):
            return NOT_SAVED.render(
                lang, reason=self.cause.message.render(lang, **self.cause.params)
            )
        return super().text(lang)


class DraftService:
    def __init__(self, database: Database, recovery_dir: Path | None = None) -> None:
        self._db = database
        self._recovery_dirs = [recovery_dir] if recovery_dir else _recovery_dirs(database)

    def save(self, slot: str, payload: dict[str, Any]) -> str:
        """Keep ``payload`` as the draft of ``slot`` (replacing the previous one), durably.

        Returns where it went: ``IN_DATABASE``, or ``IN_FILE`` when the database could not
        take it; raises DraftNotSaved when neither worked.
        """
        try:
            with self._db.transaction() as session:
                draft = session.get(FormDraft, slot)
                if draft is None:
                    session.add(FormDraft(slot=slot, payload=payload, saved_at=utc_now()))
                else:
                    draft.payload = payload
                    draft.saved_at = utc_now()
        except (SQLAlchemyError, OSError, StoreError) as exc:
            log.warning("draft %s not saved in the database (%s); trying a file", slot, exc)
            return self._save_file(slot, payload, exc)
        self._remove_files(slot)
        return IN_DATABASE

    def load(self, slot: str) -> tuple[dict[str, Any], datetime] | None:
        """The newest draft of ``slot`` (from the database or a recovery file), or None."""
        found: list[tuple[dict[str, Any], datetime]] = []
        try:
            with self._db.sessions() as session:
                draft = session.get(FormDraft, slot)
                if draft is not None:
                    found.append((dict(draft.payload), draft.saved_at))
        except (SQLAlchemyError, StoreError) as exc:
            log.warning("draft %s not readable from the database: %s", slot, exc)
        found.extend(self._load_files(slot))
        return max(found, key=lambda item: item[1]) if found else None

    def discard(self, slot: str) -> None:
        try:
            with self._db.transaction() as session:
                draft = session.get(FormDraft, slot)
                if draft is not None:
                    session.delete(draft)
        finally:
            self._remove_files(slot)

    def discard_where(self, about: Callable[[dict[str, Any]], bool]) -> int:
        """Remove every draft (in the database or a recovery file of this database) whose
        payload ``about`` accepts; returns how many slots were removed. For a person's request
        to be forgotten: what was being typed about them goes too."""
        slots: set[str] = set()
        with self._db.sessions() as session:
            for draft in session.scalars(select(FormDraft)):
                if about(dict(draft.payload)):
                    slots.add(draft.slot)
        prefix = self._file_name("")[: -len(".json")]
        for folder in self._recovery_dirs:
            for path in sorted(folder.glob(f"{prefix}*.json")):
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                    if about(dict(data["payload"])):
                        slots.add(str(data["slot"]))
                except (OSError, ValueError, KeyError, TypeError) as exc:
                    log.warning("recovery file %s unreadable: %s", path, exc)
        for slot in sorted(slots):
            self.discard(slot)
        return len(slots)

    def move(self, slot: str, new_slot: str) -> bool:
        """Keep the draft of ``slot`` under ``new_slot`` instead; False if there was none."""
        found = self.load(slot)
        if found is None:
            return False
        self.save(new_slot, found[0])
        self.discard(slot)
        return True

    # -- recovery files ------------------------------------------------------------------
    def _file_name(self, slot: str) -> str:
        identity = str(self._db.path or self._db.url)
        digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:10]
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", slot)[:80]
        return f"draft-{digest}-{safe}.json"

    def _save_file(self, slot: str, payload: dict[str, Any], cause: Exception) -> str:
        text = json.dumps(
            {"slot": slot, "saved_at": utc_now().isoformat(), "payload": payload},
            ensure_ascii=False,
        )
        for folder in self._recovery_dirs:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                target = folder / self._file_name(slot)
                temporary = target.with_suffix(".tmp")
                with open(temporary, "w", encoding="utf-8") as handle:
                    handle.write(text)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(temporary, target)
                return IN_FILE
            except OSError as exc:
                log.warning("draft %s not saved in %s: %s", slot, folder, exc)
        raise DraftNotSaved(cause)

    def _load_files(self, slot: str) -> list[tuple[dict[str, Any], datetime]]:
        found = []
        for folder in self._recovery_dirs:
            path = folder / self._file_name(slot)
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                found.append((dict(data["payload"]), datetime.fromisoformat(data["saved_at"])))
            except FileNotFoundError:
                continue
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("recovery file %s unreadable: %s", path, exc)
        return found

    def _remove_files(self, slot: str) -> None:
        for folder in self._recovery_dirs:
            try:
                (folder / self._file_name(slot)).unlink(missing_ok=True)
            except OSError as exc:
                log.warning("recovery file in %s not removed: %s", folder, exc)


def _recovery_dirs(database: Database) -> list[Path]:
    folders = []
    if database.path is not None:
        folders.append(database.path.parent / "drafts")
    folders.append(default_data_dir() / "drafts")
    return folders
