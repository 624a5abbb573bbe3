"""The capture form: a visitor at the booth becomes a lead in seconds, by keyboard alone.

Scan the badge (the scanner types anywhere on this screen; see ``ScanBurstDetector``), pick the
models, rate, Ctrl+S: the lead is committed (``LeadService.save``, durable) and only then does
the form say "saved" and clear itself for the next visitor. When the visitor has read the
consent text and agrees, Ctrl+Enter ("Visitor agrees — save") ticks the consent for them and
saves in one step: scan to saved in two actions. Problems are shown beside their
field in the UI language, and everything typed stays. What is typed is autosaved as a draft
and offered back after a crash. People captured before are flagged while typing, with an
offer to merge.

Hosting: ``CaptureForm(state)``; ``start_with_model(model_id)`` starts a lead for a model
(the catalog's "capture" button); signals ``saved(lead_id)`` and ``message(text)``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QWidget

from catalog_app.domain.enums import LeadSource
from catalog_app.services.catalog import ModelSummary
from catalog_app.services.lead_input import validate_lead
from catalog_app.services.leads import LeadService, LeadValidationError
from catalog_app.store.write_errors import WriteFailedError
from catalog_app.ui.accounts.staff_switcher import request_sign_in
from catalog_app.ui.accounts.ui_helpers import error_text, if_alive
from catalog_app.ui.app_state import AppState
from catalog_app.ui.capture.capture_drafts import DRAFT_SLOT, RecoveredDrafts
from catalog_app.ui.capture.capture_layout import CaptureLayout
from catalog_app.ui.capture.draft_keeper import DraftKeeper
from catalog_app.ui.capture.form_data import (
    FormParts,
    lead_input,
    summary,
)
from catalog_app.ui.capture.merge_dialog import MergeDialog
from catalog_app.ui.capture.scan_detector import ScanBurstDetector
from catalog_app.ui.capture.scan_reading import read_scan

DUPLICATE_DELAY_MS = 350
AGREE_AND_SAVE_KEYS = Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_Return
AGREE_AND_SAVE_KEYPAD = Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_Enter


class CaptureForm(RecoveredDrafts, CaptureLayout):
    """Capture one lead after another (see the module docstring).

    Signals:
        saved(object): the id of a lead just committed.
        message(str): a line for the window's status bar.
    """

    saved = Signal(object)
    message = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state.language, parent)
        self.setObjectName("captureForm")
        self._state = state
        self._badge_payload = ""
        self._saving = False
        self._fair_id: uuid.UUID | None = None
        self._duplicate_generation = 0
        self._conflicts: dict[str, str] = {}
        self._focus_before_save: QWidget | None = None
        self._models: list[ModelSummary] = []
        self._scans_while_saving: list[str] = []
        self.merge_dialog: MergeDialog | None = None
        self.parts = FormParts(self.person, self.business, self.consent)

        self.scan_detector = ScanBurstDetector(self)
        self.scan_detector.scanned.connect(self.apply_scan)
        self.scan_field.payload_entered.connect(self.apply_scan)
        self.drafts = DraftKeeper(state, DRAFT_SLOT, self._draft_or_none, self)
        self.drafts.problem.connect(lambda text: text and self._say(text, error=True))
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)

        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        for keys in (AGREE_AND_SAVE_KEYS, AGREE_AND_SAVE_KEYPAD):
            agree = QShortcut(QKeySequence(keys), self)
            agree.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            agree.activated.connect(self.agree_and_save)
        self.consent.agree_and_save.connect(self.save)
        self.save_button.clicked.connect(lambda _checked=False: self.save())  # not `then`
        self.clear_button.clicked.connect(self.clear_form)
        self.switch_button.clicked.connect(lambda: request_sign_in(state, self.window()))
        self.use_badge_button.clicked.connect(self._use_badge_values)
        self.duplicate_banner.merge_requested.connect(self.save_and_merge)
        self.draft_banner.restore_requested.connect(self.restore_recovered)
        self.draft_banner.discard_requested.connect(self.discard_recovered)
        for changed in (self.person.changed, self.business.changed, self.consent.changed):
            changed.connect(self.drafts.schedule)
        self.person.identity_changed.connect(self._duplicate_timer.start)
        state.staff_changed.connect(lambda _m: self._show_staff())
        state.database_changed.connect(lambda _db: self.reload_catalog())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(if_alive(self, self.drafts.flush_now))

        self.retranslate()
        self.reload_catalog()
        self.offer_recovered_draft()
        self.person.editors["person_name"].setFocus()

    # -- catalog and fair ----------------------------------------------------------------
    def reload_catalog(self) -> None:
        catalog = self._state.catalog
        try:
            fair = catalog.current_fair()
        except Exception:  # noqa: BLE001 - the form works without a fair
            fair = None
        self._fair_id = fair.id if fair else None
        self._state.tasks.start(
            "capture-models",
            lambda _ctx: catalog.list_models(),
            on_finished=if_alive(self, self._models_loaded),
            on_failed=if_alive(
                self, lambda exc: self._say(error_text(exc, self._state.language), error=True)
            ),
        )

    def _models_loaded(self, models: list[ModelSummary]) -> None:
        self._models = models
        self.business.interests.set_models(models, self._state.language)

    def start_with_model(self, model_id: uuid.UUID) -> None:
        """Start (or continue) a lead for a visitor interested in ``model_id``."""
        self.business.interests.add_model(model_id, 1)
        name = self.business.interests.name_of(model_id)
        self._say(self.tr("Lead for %1: scan the badge or type the name.").replace("%1", name))
        self.person.editors["person_name"].setFocus()

    # -- scanning ------------------------------------------------------------------------
    def apply_scan(self, payload: str) -> None:
        """Fill the form from a badge: empty fields are filled; typed ones are kept (the badge's
        values stay one click away); whatever has no field goes to the notes. A badge scanned
        while the previous lead is being committed waits for the new, empty form."""
        if self._saving:
            self._scans_while_saving.append(payload)
            return
        lang = self._state.language
        reading = read_scan(self._state.database, payload, lang)
        self._badge_payload = "\n\n".join(p for p in (self._badge_payload, payload.strip()) if p)
        typed = self.person.values()
        fill = {k: v for k, v in reading.values.items() if not typed.get(k, "").strip()}
        self._conflicts = {
            k: v
            for k, v in reading.values.items()
            if typed.get(k, "").strip() and typed[k].strip() != v.strip()
        }
        self.person.set_values(fill)
        self.business.append_notes(reading.notes)
        self._show_conflicts()
        if not reading.badge.understood:
            self._say(self.tr("Badge not recognised: its text was put in the notes."), error=True)
        elif reading.code_found is False and not reading.values:
            self._say(
                self.tr(
                    "Badge code %1 is not in the attendee list: it was put in the notes."
                ).replace("%1", reading.code),
                error=True,
            )
        else:
            who = " · ".join(
                v for v in (reading.values.get("person_name"), reading.values.get("company")) if v
            )
            self._say(self.tr("Badge read: %1.").replace("%1", who or reading.code))
        self.drafts.schedule()
        self._duplicate_timer.start()
        self.business.interests.picker.setFocus()

    def _show_conflicts(self) -> None:
        if not self._conflicts:
            self.scan_notice.setVisible(False)
            return
        names = ", ".join(
            self.person.labels[k].text().replace("&", "").rstrip(":：") for k in self._conflicts
        )
        self.scan_notice_text.setText(
            self.tr(
                "The badge differs from what was typed for: %1. What you typed was kept."
            ).replace("%1", names)
        )
        self.scan_notice.setVisible(True)

    def _use_badge_values(self) -> None:
        self.person.set_values(self._conflicts)
        self._conflicts = {}
        self._show_conflicts()

    # -- duplicates ----------------------------------------------------------------------
    def check_duplicates(self) -> None:
        data = lead_input(self.parts, "")
        if not any((data.mobile.strip(), data.email.strip(), data.person_name.strip())):
            self.duplicate_banner.show_matches([])
            return
        self._duplicate_generation += 1
        generation = self._duplicate_generation
        leads = LeadService(self._state.database)
        self._state.tasks.start(
            "capture-duplicates",
            lambda _ctx: leads.find_duplicates(data),
            on_finished=if_alive(self, lambda found: self._duplicates_found(generation, found)),
        )

    def _duplicates_found(self, generation: int, found: list[object]) -> None:
        if generation == self._duplicate_generation:
            self.duplicate_banner.show_matches(found)  # type: ignore[arg-type]

    def save_and_merge(self, other_id: uuid.UUID) -> None:
        """Save this lead, then open the merge dialog with the lead it duplicates."""
        self.save(then=lambda saved_id: self.open_merge(saved_id, other_id))

    def open_merge(self, first: uuid.UUID, second: uuid.UUID) -> MergeDialog:
        dialog = MergeDialog(self._state, first, second, self.window())
        dialog.merged.connect(
            lambda _id: self._say(self.tr("The two leads were merged; the history is kept."))
        )
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    # -- saving --------------------------------------------------------------------------
    def agree_and_save(self) -> None:
        """Ctrl+Enter: the visitor agrees to the consent text shown — tick it for them (its
        wording, version and time recorded) and save, in one step."""
        if self._saving:
            return
        self.consent.agree_then_save()

    def save(self, then: Callable[[uuid.UUID], None] | None = None) -> None:
        """Check, then commit the lead off the GUI thread; "saved" only after the commit."""
        if self._saving:
            return
        self.scan_detector.finish()
        data = lead_input(self.parts, self._badge_payload)
        self.clear_errors()
        problems = validate_lead(data, LeadSource.BOOTH)
        if problems:
            self.show_errors(LeadValidationError(problems).by_field(self._state.language))
            return
        self._set_saving(True)
        staff = self._state.current_staff
        leads = LeadService(self._state.database)
        fair_id = self._fair_id
        self._state.tasks.start(
            "save-lead",
            lambda _ctx: leads.save(
                data,
                source=LeadSource.BOOTH,
                staff_id=staff.id if staff else None,
                fair_id=fair_id,
            ),
            on_finished=if_alive(
                self, lambda lead_id: self._saved(lead_id, summary(self.parts), then)
            ),
            on_failed=if_alive(self, self._save_failed),
        )

    def _saved(
        self, lead_id: uuid.UUID, who: str, then: Callable[[uuid.UUID], None] | None
    ) -> None:
        self._set_saving(False)
        self.reset_for_next()  # which also removes the draft
        now = QTime.currentTime().toString("HH:mm")
        self._say(
            self.tr("Saved at %1: %2. Ready for the next visitor.")
            .replace("%1", now)
            .replace("%2", who or "—"),
            saved=True,
        )
        self.saved.emit(lead_id)
        self._apply_waiting_scans()
        if then is not None:
            then(lead_id)

    def _apply_waiting_scans(self) -> None:
        waiting, self._scans_while_saving = self._scans_while_saving, []
        for payload in waiting:
            self.apply_scan(payload)

    def _save_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        self._apply_waiting_scans()
        if isinstance(error, LeadValidationError):
            self.show_errors(error.by_field(self._state.language))
            return
        reason = error_text(error, self._state.language)
        if isinstance(error, WriteFailedError):  # its text already says the typing is kept
            self._say(self.tr("Not saved: %1").replace("%1", reason), error=True)
            return
        self._say(
            self.tr("Not saved: %1 Everything you typed is still here.").replace("%1", reason),
            error=True,
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        if saving:
            self._focus_before_save = QApplication.focusWidget()
        self.body.setEnabled(not saving)
        self.save_button.setEnabled(not saving)
        if saving:
            self._say(self.tr("Saving…"))
        elif self._focus_before_save is not None and self.isAncestorOf(self._focus_before_save):
            self._focus_before_save.setFocus()  # back where the person was typing

    def show_errors(self, by_field: dict[str, str]) -> None:
        """Each message beside its field; the first such field gets the focus."""
        first = self.show_field_errors(by_field)
        self._say(self.tr("Not saved yet: please fix the marked fields."), error=True)
        if first is not None:
            first.setFocus()

    # -- new lead, drafts ----------------------------------------------------------------
    def reset_for_next(self) -> None:
        self._badge_payload = ""
        self._conflicts = {}
        self._show_conflicts()
        self.person.clear()
        self.business.clear()
        self.consent.clear(self._state.language)
        self.duplicate_banner.reset()
        self.drafts.discard()
        self.person.editors["person_name"].setFocus()

    # -- staff, messages, language -------------------------------------------------------
    def _show_staff(self) -> None:
        member = self._state.current_staff
        if member is None:
            self.staff_label.setText(self.tr("Captured by: nobody signed in"))
            self.switch_button.setText(self.tr("Sign in…"))
        else:
            self.staff_label.setText(self.tr("Captured by: %1").replace("%1", member.display_name))
            self.switch_button.setText(self.tr("Switch person…"))

    def _say(self, text: str, *, error: bool = False, saved: bool = False) -> None:
        self.set_status(text, error=error, saved=saved)
        self.message.emit(text)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming to this screen (e.g. from the navigation), the keyboard focus comes along:
        a scanner's keys must land here, not in the list that was clicked to get here."""
        super().showEvent(event)
        QTimer.singleShot(0, self._take_focus)

    def _take_focus(self) -> None:
        focused = QApplication.focusWidget()
        if self.isVisible() and (focused is None or not self.isAncestorOf(focused)):
            self.person.editors["person_name"].setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.retranslate_layout(self._state.language)
        if self._models:  # model names in the new language
            self.business.interests.set_models(self._models, self._state.language)
        self._show_staff()
        self._show_conflicts()
