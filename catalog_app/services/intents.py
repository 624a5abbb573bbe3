"""Purchase-intent forms (购车意向书): save, revise, move through their status, read back.

- ``save`` checks the form (``validate_intent``; messages by field), then writes it in one
  durable transaction. A new form gets a reference unique across devices
  (``intent_numbering``). A draft changes in place; a *printed* form is never changed: editing it
  writes a new revision (same reference, revision + 1, ``previous_revision_id`` pointing back)
  and the printed one is kept as the buyer holds it. Signed and cancelled forms do not change.
- ``set_status`` moves a form draft → printed → signed, or to cancelled from any of those; each
  change is an ``IntentStatusChange`` row (time, staff, note) and an audit entry
  (``AuditAction.INTENT_STATUS``) in the same transaction.
- Only the latest revision of a reference takes status changes and edits.

Reading lists and totals lives in ``intent_query`` (``intent_totals_by_model`` is re-exported).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from catalog_app.domain.base import utc_now
from catalog_app.domain.enums import IntentStatus
from catalog_app.domain.intent_terms import STATUS_LABELS
from catalog_app.domain.models import Exhibitor, IntentForm, IntentStatusChange
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.audit import AuditAction, record
from catalog_app.services.intent_checks import validate_intent
from catalog_app.services.intent_data import IntentInput, IntentRecord
from catalog_app.services.intent_numbering import allocate_reference, split_payload
from catalog_app.services.intent_query import intent_totals_by_model
from catalog_app.services.intent_rows import apply_input, record_of, successor_of, write_lines
from catalog_app.services.lead_input import FieldProblem
from catalog_app.store.database import Database, device_code

__all__ = [
    "IntentError",
    "IntentService",
    "IntentValidationError",
    "intent_totals_by_model",
]

ALLOWED_CHANGES: dict[IntentStatus, frozenset[IntentStatus]] = {
    IntentStatus.DRAFT: frozenset({IntentStatus.PRINTED, IntentStatus.CANCELLED}),
    IntentStatus.PRINTED: frozenset({IntentStatus.SIGNED, IntentStatus.CANCELLED}),
    IntentStatus.SIGNED: frozenset({IntentStatus.CANCELLED}),
    IntentStatus.CANCELLED: frozenset(),
}

NOT_SAVED = Bilingual(
    zh="意向书未保存，请修改标出的内容：\n{lines}",
    en="The intent form was not saved; please fix:\n{lines}",
)
UNKNOWN_INTENT = Bilingual(zh="找不到这份意向书。", en="That intent form was not found.")
UNKNOWN_REFERENCE = Bilingual(
    zh="找不到编号为 {reference} 的意向书。", en="No intent form has the reference {reference}."
)
SUPERSEDED = Bilingual(
    zh="这是 {reference} 的旧版本（第 {revision} 版），已有更新的版本；请打开最新版本。",
    en="This is an earlier revision ({revision}) of {reference}; open the latest revision.",
)
FROZEN = Bilingual(
    zh="{status}的意向书不能再修改。如需变更，请复制为新的意向书。",
    en="A form that is {status_en} cannot be changed any more; duplicate it as a new form.",
)
BAD_CHANGE = Bilingual(
    zh="意向书不能从“{old}”改为“{new}”。",
    en='An intent form cannot go from "{old_en}" to "{new_en}".',
)


class IntentError(UserFacingError):
    """A form that cannot be found, changed or moved to that status."""


class IntentValidationError(UserFacingError):
    """The form has problems; nothing was saved. ``problems`` are by field."""

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


def _status_words(status: IntentStatus) -> tuple[str, str]:
    label = STATUS_LABELS[status]
    return label.zh, label.en.lower()


class IntentService:
    """Every method opens and closes its own session (writes: one durable transaction)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    # -- writing ----------------------------------------------------------------------------
    def save(
        self,
        data: IntentInput,
        *,
        intent_id: uuid.UUID | None = None,
        staff_id: uuid.UUID | None = None,
    ) -> IntentRecord:
        """Save a new form, or an edit of ``intent_id`` (a new revision if it was printed)."""
        problems = validate_intent(data)
        if problems:
            raise IntentValidationError(problems)
        with self._db.transaction() as session:
            if intent_id is None:
                form = self._new_form(session, data, staff_id)
            else:
                current = self._latest_form(session, intent_id)
                if current.status is IntentStatus.DRAFT:
                    form = current
                    apply_input(form, data)
                    if staff_id is not None:
                        form.staff_id = staff_id
                elif current.status is IntentStatus.PRINTED:
                    form = self._new_revision(session, current, data, staff_id)
                else:
                    zh, en = _status_words(current.status)
                    raise IntentError(FROZEN, status=zh, status_en=en)
            session.flush()
            write_lines(session, form, data.lines)
            session.flush()
            return self._record(session, form.id)

    def _new_form(
        self, session: Session, data: IntentInput, staff_id: uuid.UUID | None
    ) -> IntentForm:
        exhibitor = session.get(Exhibitor, data.exhibitor_id) if data.exhibitor_id else None
        code = exhibitor.code if exhibitor is not None else data.seller.exhibitor_code
        reference = allocate_reference(session, code, device_code(self._db.device_id))
        form = IntentForm(reference=reference, revision=1, status=IntentStatus.DRAFT)
        form.staff_id = staff_id
        apply_input(form, data)
        session.add(form)
        session.flush()
        self._log_change(session, form, None, IntentStatus.DRAFT, staff_id, "")
        return form

    def _new_revision(
        self,
        session: Session,
        printed: IntentForm,
        data: IntentInput,
        staff_id: uuid.UUID | None,
    ) -> IntentForm:
        form = IntentForm(
            reference=printed.reference,
            revision=printed.revision + 1,
            previous_revision_id=printed.id,
            status=IntentStatus.DRAFT,
        )
        form.staff_id = staff_id if staff_id is not None else printed.staff_id
        apply_input(form, data)
        session.add(form)
        session.flush()
        note = f"revision {form.revision} of printed revision {printed.revision}"
        self._log_change(session, form, None, IntentStatus.DRAFT, staff_id, note)
        return form

    def set_status(
        self,
        intent_id: uuid.UUID,
        status: IntentStatus,
        *,
        staff_id: uuid.UUID | None = None,
        note: str = "",
    ) -> IntentRecord:
        """Move the latest revision to ``status`` (timed, audited); see ``ALLOWED_CHANGES``."""
        with self._db.transaction() as session:
            form = self._latest_form(session, intent_id)
            self._change(session, form, status, staff_id, note)
            session.flush()
            return self._record(session, form.id)

    def mark_printed(
        self, intent_ids: Iterable[uuid.UUID], *, staff_id: uuid.UUID | None = None
    ) -> int:
        """After printing or saving as PDF: drafts become printed (others stay as they are).
        Returns how many changed; all in one transaction."""
        changed = 0
        with self._db.transaction() as session:
            for intent_id in intent_ids:
                form = self._latest_form(session, intent_id)
                if form.status is IntentStatus.DRAFT:
                    self._change(session, form, IntentStatus.PRINTED, staff_id, "")
                    changed += 1
        return changed

    def _change(
        self,
        session: Session,
        form: IntentForm,
        status: IntentStatus,
        staff_id: uuid.UUID | None,
        note: str,
    ) -> None:
        old = form.status
        if status not in ALLOWED_CHANGES[old]:
            old_zh, old_en = _status_words(old)
            new_zh, new_en = _status_words(status)
            raise IntentError(BAD_CHANGE, old=old_zh, new=new_zh, old_en=old_en, new_en=new_en)
        now = utc_now()
        form.status = status
        if status is IntentStatus.PRINTED:
            form.printed_at = now
        elif status is IntentStatus.SIGNED:
            form.signed_at = now
        elif status is IntentStatus.CANCELLED:
            form.cancelled_at = now
        self._log_change(session, form, old, status, staff_id, note, now)

    def _log_change(
        self,
        session: Session,
        form: IntentForm,
        old: IntentStatus | None,
        new: IntentStatus,
        staff_id: uuid.UUID | None,
        note: str,
        at: object = None,
    ) -> None:
        when = at or utc_now()
        session.add(
            IntentStatusChange(
                intent_id=form.id,
                from_status=old,
                to_status=new,
                changed_at=when,
                staff_id=staff_id,
                note=note.strip(),
            )
        )
        record(
            session,
            AuditAction.INTENT_STATUS,
            staff_id=staff_id,
            object_type="intent_form",
            object_id=form.id,
            reference=form.reference,
            revision=form.revision,
            from_status=old.value if old else None,
            to_status=new.value,
            note=note.strip(),
        )

    # -- reading ----------------------------------------------------------------------------
    def _latest_form(self, session: Session, intent_id: uuid.UUID) -> IntentForm:
        form = session.get(IntentForm, intent_id)
        if form is None or form.deleted_at is not None:
            raise IntentError(UNKNOWN_INTENT)
        if successor_of(session, form.id) is not None:
            raise IntentError(SUPERSEDED, reference=form.reference, revision=form.revision)
        return form

    def _record(self, session: Session, intent_id: uuid.UUID) -> IntentRecord:
        form = session.get(
            IntentForm,
            intent_id,
            options=[selectinload(IntentForm.status_changes)],
            populate_existing=True,
        )
        if form is None or form.deleted_at is not None:
            raise IntentError(UNKNOWN_INTENT)
        return record_of(session, form)

    def get(self, intent_id: uuid.UUID) -> IntentRecord:
        with self._db.sessions() as session:
            return self._record(session, intent_id)

    def revisions(self, reference: str) -> list[IntentRecord]:
        """Every revision of a reference, oldest first."""
        with self._db.sessions() as session:
            ids = session.scalars(
                select(IntentForm.id)
                .where(IntentForm.reference == reference, IntentForm.deleted_at.is_(None))
                .order_by(IntentForm.revision)
            ).all()
            return [self._record(session, intent_id) for intent_id in ids]

    def find(self, reference: str, revision: int | None = None) -> IntentRecord:
        """A form by its reference (as typed or scanned from its QR code): the latest revision,
        or ``revision``."""
        text, named_revision = split_payload(reference)
        wanted_revision = revision if revision is not None else named_revision
        found = self.revisions(text)
        if wanted_revision is not None:
            found = [r for r in found if r.revision == wanted_revision]
        if not found:
            raise IntentError(UNKNOWN_REFERENCE, reference=reference.strip())
        return found[-1]
