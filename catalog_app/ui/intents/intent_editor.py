"""The intent editor: a form from a lead or from scratch, every field with its message, the lines
with live totals, save (a printed form saves as a new revision), preview, print, save as PDF and
the status buttons.

What is typed is autosaved as a draft (``DraftKeeper``, slot ``intent-editor``) and offered back
after a crash; leaving with unsaved changes asks first. The page (``IntentsPage``) shows the
list or this editor.

Signals:
    closed(): back to the list.
    saved(object): a form was saved (its ``IntentRecord``).
    message(str): something for the status bar.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.enums import IntentStatus
from catalog_app.services.intent_checks import validate_intent
from catalog_app.services.intent_data import (
    IntentInput,
    IntentRecord,
    intent_input_from_json,
    intent_input_to_json,
)
from catalog_app.services.intent_prefill import IntentPrefill
from catalog_app.services.intent_query import exhibitor_choices
from catalog_app.services.intent_tco import tco_for_models, tco_model_ids
from catalog_app.services.intents import IntentService, IntentValidationError
from catalog_app.ui.accounts.ui_helpers import error_text
from catalog_app.ui.app_state import AppState
from catalog_app.ui.capture.draft_keeper import DraftKeeper
from catalog_app.ui.capture.field_box import FORM_STYLE
from catalog_app.ui.dialogs import choose, inform
from catalog_app.ui.intents.editor_fields import EditorFields
from catalog_app.ui.intents.editor_header import EditorHeader
from catalog_app.ui.intents.editor_io import follow_print_language
from catalog_app.ui.intents.intent_actions import IntentActions
from catalog_app.ui.intents.pickers import ModelPickerDialog, pick
from catalog_app.ui.intents.vehicles_section import VehiclesSection

DRAFT_SLOT = "intent-editor"


class IntentEditor(QWidget):
    closed = Signal()
    saved = Signal(object)
    message = Signal(str)

    def __init__(
        self, state: AppState, actions: IntentActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intentEditor")
        self.setStyleSheet(FORM_STYLE)
        self._state = state
        self.actions = actions
        self.record: IntentRecord | None = None
        self.base = IntentInput()
        self.dirty = False
        self._loading = False
        self._save_tried = False
        self._lead_text = ""

        self.header = EditorHeader()
        self.header.connect_buttons(
            {
                "back": self.leave,
                "save": self.save,
                "preview": lambda: self._after_save("preview"),
                "print": lambda: self._after_save("print"),
                "pdf": lambda: self._after_save("pdf"),
                "signed": lambda: self._status(IntentStatus.SIGNED),
                "cancel": lambda: self._status(IntentStatus.CANCELLED),
                "duplicate": self.duplicate,
            }
        )

        self.fields = EditorFields(state.language, self)
        self.vehicles = VehiclesSection(state.language)
        self.fields.changed.connect(self._changed)
        self.fields.exhibitor_changed.connect(self._exhibitor_changed)
        self.fields.language_changed.connect(self._print_language_changed)
        self.vehicles.changed.connect(self._changed)
        self.vehicles.add_model_requested.connect(self.add_model)

        content = QWidget()
        content.setObjectName("intentEditorContent")
        grid = QGridLayout(content)
        grid.addWidget(self.fields.form_group, 0, 0)
        grid.addWidget(self.fields.buyer_group, 0, 1)
        grid.addWidget(self.vehicles, 1, 0, 1, 2)
        grid.addWidget(self.fields.price_group, 2, 0)
        grid.addWidget(self.fields.delivery_group, 2, 1)
        grid.addWidget(self.fields.payment_group, 3, 0)
        grid.addWidget(self.fields.support_group, 3, 1)
        grid.addWidget(self.fields.terms_group, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        # Only while the editor has the focus: other pages have their own Ctrl+S.
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.drafts = DraftKeeper(state, DRAFT_SLOT, self._draft_payload, self)
        self.drafts.problem.connect(lambda text: text and self.message.emit(text))
        self.retranslate()

    # -- opening -------------------------------------------------------------------------
    def _exhibitors(self) -> None:
        self.fields.set_exhibitors(exhibitor_choices(self._state.database))

    def new_blank(self) -> None:
        self._exhibitors()
        self._load(None, IntentPrefill(self._state.database).blank(), "")

    def new_from_lead(self, lead_id: uuid.UUID) -> None:
        self._exhibitors()
        prefill = IntentPrefill(self._state.database).from_lead(lead_id)
        intent = prefill.intent
        lead = " · ".join(p for p in (intent.buyer_company, intent.buyer_representative) if p)
        self._load(None, intent, lead)
        if prefill.skipped_models:
            self.message.emit(
                self.tr("Not added (sold by another exhibitor): %1").replace(
                    "%1", "; ".join(prefill.skipped_models)
                )
            )

    def open_intent(self, intent_id: uuid.UUID) -> None:
        self._exhibitors()
        record = IntentService(self._state.database).get(intent_id)
        lead = record.data.buyer_representative if record.data.lead_id else ""
        self._load(record, record.data, lead)

    def restore_draft(self, payload: dict[str, Any]) -> None:
        """Put an autosaved draft back (after a crash); it counts as unsaved."""
        self._exhibitors()
        record = None
        intent_id = payload.get("intent_id")
        if intent_id:
            try:
                record = IntentService(self._state.database).get(uuid.UUID(str(intent_id)))
            except Exception:  # noqa: BLE001 - the form is gone: keep the typing as a new one
                record = None
        self._load(record, intent_input_from_json(payload.get("data") or {}), "")
        self.dirty = True
        self._update_header()

    def _load(self, record: IntentRecord | None, data: IntentInput, lead_text: str) -> None:
        self._loading = True
        self.drafts.paused = True
        try:
            self.record = record
            self.base = data
            self._lead_text = lead_text
            self._save_tried = False
            self.fields.write(data, lead_text)
            self.vehicles.set_lines(data.lines, tco_model_ids(data.tco_inputs))
            self.fields.show_problems({})
            self.vehicles.show_problems({})
            editable = record is None or record.editable
            self.fields.set_read_only(not editable)
            self.vehicles.set_read_only(not editable)
            self.dirty = False
        finally:
            self._loading = False
            self.drafts.paused = False
        self._update_header()
        self.scroll.verticalScrollBar().setValue(0)

    # -- reading what is typed -----------------------------------------------------------
    def current_input(self) -> IntentInput:
        data = self.fields.read(self.base)
        data.lines = self.vehicles.lines()
        data.seller = self.base.seller
        if data.exhibitor_id != self.base.exhibitor_id and data.exhibitor_id is not None:
            data.seller = IntentPrefill(self._state.database).seller_for(data.exhibitor_id)
        chosen = self.vehicles.model.chosen_tco_models()
        data.include_tco = bool(chosen)
        data.tco_inputs = self.base.tco_inputs
        return data

    def _draft_payload(self) -> dict[str, Any] | None:
        if not self.dirty:
            return None
        return {
            "intent_id": str(self.record.id) if self.record else None,
            "data": intent_input_to_json(self.current_input()),
        }

    def _changed(self) -> None:
        if self._loading:
            return
        self.dirty = True
        self.drafts.schedule()
        if self._save_tried:
            self._show_problems(validate_intent(self.current_input()))
        self._update_header()

    def _show_problems(self, problems: list[Any]) -> dict[str, str]:
        lang = self._state.language
        by_field: dict[str, str] = {}
        for problem in problems:
            by_field.setdefault(problem.field, problem.text(lang))
        self.fields.show_problems(by_field)
        self.vehicles.show_problems(by_field)
        return by_field

    def _exhibitor_changed(self) -> None:
        if self._loading:
            return
        exhibitor = self.fields.chosen_exhibitor()
        if exhibitor is not None:
            self.base.seller = IntentPrefill(self._state.database).seller_for(exhibitor)
            self.base.exhibitor_id = exhibitor

    def _print_language_changed(self, old: str, new: str) -> None:
        if not self._loading:
            follow_print_language(self._state.database, self.fields, self.vehicles, old, new)

    # -- actions -------------------------------------------------------------------------
    def add_model(self) -> None:
        dialog = ModelPickerDialog(self._state.database, self._state.language, self)
        model_id = pick(dialog, dialog.model_id)
        if model_id is None:
            return
        language = str(self.fields.language.currentData() or self.base.language)
        line = IntentPrefill(self._state.database).line_for_model(model_id, language)
        self.vehicles.append(line)

    def save(self) -> bool:
        """Check and save; the messages go to their fields. True when saved."""
        if self.record is not None and not self.record.editable:
            return False
        data = self.current_input()
        self._save_tried = True
        problems = validate_intent(data)
        if problems:
            by_field = self._show_problems(problems)
            box = self.fields.first_problem_box(by_field)
            if box is not None:
                self.scroll.ensureWidgetVisible(box)
                box.editor.setFocus()
            else:
                self.scroll.ensureWidgetVisible(self.vehicles)
            self.message.emit(self.tr("Not saved: please correct the marked fields."))
            return False
        chosen = self.vehicles.model.chosen_tco_models()
        service = IntentService(self._state.database)
        staff = self._state.current_staff
        try:
            data.tco_inputs = tco_for_models(self._state.database, chosen, data.tco_inputs)
            data.include_tco = data.tco_inputs is not None
            was_printed = self.record is not None and self.record.status is IntentStatus.PRINTED
            record = service.save(
                data,
                intent_id=self.record.id if self.record else None,
                staff_id=staff.id if staff else None,
            )
        except IntentValidationError as exc:
            self._show_problems(exc.problems)
            return False
        except Exception as exc:  # noqa: BLE001 - the typed form stays; say why
            text = error_text(exc, self._state.language)
            inform(self, QMessageBox.Icon.Warning, self.tr("Not saved"), text, self.tr("OK"))
            return False
        self.drafts.discard()
        self._load(record, record.data, self._lead_text)
        if was_printed:
            self.message.emit(
                self.tr("Saved as revision %1 of %2; the printed revision is kept.")
                .replace("%1", str(record.revision))
                .replace("%2", record.reference)
            )
        else:
            self.message.emit(self.tr("Saved %1.").replace("%1", record.reference))
        self.saved.emit(record)
        return True

    def _after_save(self, action: str) -> None:
        """Preview, print and save as PDF show the saved form: save what is typed first."""
        if (self.dirty or self.record is None) and not self.save():
            return
        if self.record is None:
            return
        intent_id = self.record.id
        if action == "preview":
            self.actions.preview(intent_id)
        elif action == "print":
            self.actions.print_intents([intent_id])
        else:
            self.actions.save_pdf(intent_id)

    def _status(self, status: IntentStatus) -> None:
        if self.record is None or (self.dirty and not self.confirm_leave()):
            return
        if self.actions.change_status(self.record.id, status):
            self.reload()

    def reload(self) -> None:
        """Show the saved form again (after its status changed elsewhere)."""
        if self.record is not None and not self.dirty:
            self.open_intent(self.record.id)

    def duplicate(self) -> None:
        """Start a new form with this one's content (for a signed or cancelled form)."""
        if self.record is None:
            return
        data = self.current_input()
        data.issued_on = IntentPrefill(self._state.database).blank().issued_on
        self._load(None, data, self._lead_text)
        self.dirty = True
        self._update_header()
        self.message.emit(self.tr("A new form with the same content; save it to keep it."))

    def confirm_leave(self) -> bool:
        """True when the editor may be left: nothing unsaved, or saved, or thrown away."""
        if not self.dirty:
            return True
        answer = choose(
            self,
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("This intent form has changes that are not saved."),
            [
                (self.tr("Save"), QMessageBox.ButtonRole.AcceptRole),
                (self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole),
                (self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole),
            ],
        )
        if answer == 0:
            return self.save()
        if answer == 1:
            self.dirty = False
            self.drafts.discard()
            return True
        return False

    def leave(self) -> None:
        if self.confirm_leave():
            self.closed.emit()

    # -- header --------------------------------------------------------------------------
    def _update_header(self) -> None:
        self.header.show_state(self.record, self.dirty, self._state.language)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.fields.set_ui_language(self._state.language)
        self.vehicles.model.set_language(self._state.language)
        self._update_header()
