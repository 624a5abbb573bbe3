"""The capture form's part that deals with drafts offered back: after a crash, after emptying
the form by mistake, and when a restored draft replaces something typed (which is then offered
back in turn). Nothing typed is ever thrown away without a way back.

A mixin of ``CaptureForm`` (its texts use that class's translation context).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from catalog_app.services.drafts import DraftService
from catalog_app.ui.accounts.ui_helpers import error_text
from catalog_app.ui.capture.form_data import (
    draft_payload,
    draft_summary,
    is_empty,
    restore_draft,
)

if TYPE_CHECKING:
    from catalog_app.ui.capture.capture_form import CaptureForm

DRAFT_SLOT = "lead_capture"
RECOVERED_SLOT = "lead_capture:recovered"


class RecoveredDrafts:
    """Offer, restore and discard the recovered draft (see the module docstring)."""

    def offer_recovered_draft(self: CaptureForm) -> None:
        drafts = DraftService(self._state.database)
        try:
            drafts.move(DRAFT_SLOT, RECOVERED_SLOT)
            found = drafts.load(RECOVERED_SLOT)
        except Exception as exc:  # noqa: BLE001 - the form must open anyway
            self._say(error_text(exc, self._state.language), error=True)
            return
        if found is not None:
            self.draft_banner.offer(found[1], draft_summary(found[0]))

    def clear_form(self: CaptureForm) -> None:
        """Throw the lead being typed away (kept as the recoverable draft until the next one)."""
        if is_empty(self.parts):
            return
        payload = draft_payload(self.parts, self._badge_payload)
        if not self._keep_recovered(payload):
            return  # could not be kept anywhere: the form stays as it is
        self.reset_for_next()
        self.draft_banner.offer(None, draft_summary(payload))
        self.draft_banner.text.setText(
            QCoreApplication.translate(
                "CaptureForm", "The form was emptied. Changed your mind? You can still restore it."
            )
        )

    def restore_recovered(self: CaptureForm) -> None:
        drafts = DraftService(self._state.database)
        found = drafts.load(RECOVERED_SLOT)
        self.draft_banner.setVisible(False)
        if found is None:
            return
        replaced = None if is_empty(self.parts) else draft_payload(self.parts, self._badge_payload)
        self.drafts.paused = True
        self.reset_for_next()
        self._badge_payload = restore_draft(self.parts, found[0])
        self.drafts.paused = False
        if replaced is not None:  # what the restored draft replaced can come back in turn
            if self._keep_recovered(replaced):
                self.draft_banner.offer(None, draft_summary(replaced))
        else:
            self._forget_recovered()
        self.drafts.schedule()
        self._duplicate_timer.start()
        self._say(
            QCoreApplication.translate("CaptureForm", "The unsaved lead is back in the form.")
        )

    def discard_recovered(self: CaptureForm) -> None:
        self._forget_recovered()
        self.draft_banner.setVisible(False)

    def _draft_or_none(self: CaptureForm) -> dict[str, Any] | None:
        if is_empty(self.parts) and not self._badge_payload:
            return None
        return draft_payload(self.parts, self._badge_payload)

    def _keep_recovered(self: CaptureForm, payload: dict[str, Any]) -> bool:
        try:
            DraftService(self._state.database).save(RECOVERED_SLOT, payload)
        except Exception as exc:  # noqa: BLE001 - said in the status line
            self._say(error_text(exc, self._state.language), error=True)
            return False
        return True

    def _forget_recovered(self: CaptureForm) -> None:
        try:
            DraftService(self._state.database).discard(RECOVERED_SLOT)
        except Exception as exc:  # noqa: BLE001 - said in the status line
            self._say(error_text(exc, self._state.language), error=True)
