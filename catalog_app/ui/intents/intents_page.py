"""The Intents page: the list of purchase-intent forms (filters, status, batch print) and the
editor, one at a time.

From the list: a new form from a lead or from scratch, open (double-click or Enter), preview,
print one or several forms as one job (progress and cancel), save as PDF, mark signed, cancel.
An intent form left unsaved by a crash is offered back when the page is first shown.

Signals:
    message(str): something for the status bar.
"""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from catalog_app.domain.enums import IntentStatus
from catalog_app.domain.text import UserFacingError
from catalog_app.services.drafts import DraftService
from catalog_app.services.intent_data import IntentSummary
from catalog_app.services.intent_query import exhibitor_choices
from catalog_app.ui.accounts.ui_helpers import error_text
from catalog_app.ui.app_state import AppState
from catalog_app.ui.dialogs import ask, inform
from catalog_app.ui.intents.intent_actions import IntentActions
from catalog_app.ui.intents.intent_editor import DRAFT_SLOT, IntentEditor
from catalog_app.ui.intents.intent_filters import IntentFilterBar
from catalog_app.ui.intents.intent_list_model import Column, IntentListModel
from catalog_app.ui.intents.pickers import LeadPickerDialog, pick

log = logging.getLogger(__name__)


class IntentsPage(QWidget):
    message = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intentsPage")
        self._state = state
        self._loaded = False
        self._draft_checked = False
        self.actions = IntentActions(state, self)
        self.actions.message.connect(self.message)
        self.actions.changed.connect(self._forms_changed)

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.filters = IntentFilterBar(state.language)
        self.filters.changed.connect(self.reload)
        self.filters.search.returnPressed.connect(self.filters.flush)
        self.count = QLabel()
        self.count.setObjectName("intentCount")
        self.model = IntentListModel(state.database, state.language, self)
        self.view = QTableView()
        self.view.setObjectName("intentList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.MODELS, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.REFERENCE, 225),
            (Column.STATUS, 70),
            (Column.DATE, 90),
            (Column.BUYER, 200),
            (Column.EXHIBITOR, 130),
            (Column.UNITS, 55),
            (Column.VALUE, 120),
        ):
            self.view.setColumnWidth(column, width)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        self.view.activated.connect(lambda _index: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.new_from_lead_button = self._button("intentNewFromLead", lambda: self.new_from_lead())
        self.new_blank_button = self._button("intentNewBlank", self.new_blank)
        self.open_button = self._button("intentOpen", self.open_selected)
        self.preview_button = self._button("intentListPreview", self._preview)
        self.print_button = self._button("intentListPrint", self._print)
        self.pdf_button = self._button("intentListPdf", self._save_pdf)
        self.signed_button = self._button(
            "intentListSigned", lambda: self._status(IntentStatus.SIGNED)
        )
        self.cancel_button = self._button(
            "intentListCancel", lambda: self._status(IntentStatus.CANCELLED)
        )
        buttons = QHBoxLayout()
        for button in (self.new_from_lead_button, self.new_blank_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (
            self.preview_button,
            self.print_button,
            self.pdf_button,
            self.signed_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)

        self.list_panel = QWidget()
        self.list_panel.setObjectName("intentListPanel")
        list_layout = QVBoxLayout(self.list_panel)
        list_layout.setContentsMargins(12, 10, 12, 6)
        list_layout.addWidget(self.title)
        list_layout.addLayout(buttons)
        list_layout.addWidget(self.filters)
        list_layout.addWidget(self.count)
        list_layout.addWidget(self.view, 1)

        self.editor = IntentEditor(state, self.actions)
        self.editor.closed.connect(self.show_list)
        self.editor.saved.connect(lambda _record: self.reload())
        self.editor.message.connect(self.message)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_panel)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        state.database_changed.connect(lambda _db: self._database_changed())
        self.retranslate()

    def _button(self, name: str, slot: object) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- showing -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded:  # the list is read when the page is first shown, not at start-up
            self._loaded = True
            self.filters.set_exhibitors(self._exhibitors())
            self.reload()
        if not self._draft_checked:
            self._draft_checked = True
            self.offer_recovered_draft()

    def _exhibitors(self) -> list:  # type: ignore[type-arg]
        try:
            return exhibitor_choices(self._state.database)
        except SQLAlchemyError:
            log.exception("reading exhibitors failed")
            return []

    def reload(self) -> None:
        selected = self.selected_ids()
        try:
            self.model.set_filter(self.filters.current_filter())
        except (SQLAlchemyError, UserFacingError, OSError) as exc:
            log.exception("reading intents failed")
            text = error_text(exc, self._state.language)
            self.message.emit(self.tr("The intent forms could not be read: %1").replace("%1", text))
        for intent_id in selected:
            row = self.model.row_of(intent_id)
            if row >= 0:
                self.view.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._update_counts()
        self._update_buttons()

    def _update_counts(self) -> None:
        rows = self.model.rowCount()
        more = "+" if self.model.canFetchMore() else ""
        self.count.setText(self.tr("Intent forms: %1").replace("%1", f"{rows}{more}"))

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_panel)
        self.reload()

    def show_editor(self) -> None:
        self.stack.setCurrentWidget(self.editor)

    def _database_changed(self) -> None:
        self.model.set_database(self._state.database)
        self.filters.set_exhibitors(self._exhibitors())
        self.stack.setCurrentWidget(self.list_panel)
        self._update_counts()

    def _forms_changed(self) -> None:
        self.reload()
        self.editor.reload()

    # -- selection -----------------------------------------------------------------------
    def selected_summaries(self) -> list[IntentSummary]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [s for row in rows if (s := self.model.summary(row)) is not None]

    def selected_ids(self) -> list[uuid.UUID]:
        return [summary.id for summary in self.selected_summaries()]

    def select_intent(self, intent_id: uuid.UUID) -> bool:
        row = self.model.row_of(intent_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        return True

    def _update_buttons(self) -> None:
        chosen = self.selected_summaries()
        one = len(chosen) == 1
        self.open_button.setEnabled(one)
        self.preview_button.setEnabled(one)
        self.pdf_button.setEnabled(one)
        self.print_button.setEnabled(bool(chosen))
        status = chosen[0].status if one else None
        self.signed_button.setEnabled(status is IntentStatus.PRINTED)
        self.cancel_button.setEnabled(
            status in (IntentStatus.DRAFT, IntentStatus.PRINTED, IntentStatus.SIGNED)
        )
        if len(chosen) > 1:
            self.print_button.setText(self.tr("Print %1 forms…").replace("%1", str(len(chosen))))
        else:
            self.print_button.setText(self.tr("Print…"))

    # -- actions -------------------------------------------------------------------------
    def _editor_free(self) -> bool:
        return self.stack.currentWidget() is not self.editor or self.editor.confirm_leave()

    def new_from_lead(self, lead_id: uuid.UUID | None = None) -> None:
        """Start a form from ``lead_id`` (or from a lead the person picks)."""
        if not self._editor_free():
            return
        if lead_id is None:
            dialog = LeadPickerDialog(self._state.database, self)
            lead_id = pick(dialog, dialog.lead_id)
            if lead_id is None:
                return
        self._open(lambda: self.editor.new_from_lead(lead_id))  # type: ignore[arg-type]

    def new_blank(self) -> None:
        if self._editor_free():
            self._open(self.editor.new_blank)

    def open_selected(self) -> None:
        chosen = self.selected_ids()
        if len(chosen) == 1 and self._editor_free():
            self._open(lambda: self.editor.open_intent(chosen[0]))

    def _open(self, load: object) -> None:
        try:
            load()  # type: ignore[operator]
        except (SQLAlchemyError, UserFacingError, OSError) as exc:
            text = error_text(exc, self._state.language)
            inform(self, QMessageBox.Icon.Warning, self.tr("Intent form"), text, self.tr("OK"))
            return
        self.show_editor()

    def _preview(self) -> None:
        chosen = self.selected_ids()
        if len(chosen) == 1:
            self.actions.preview(chosen[0])

    def _print(self) -> None:
        self.actions.print_intents(self.selected_ids())

    def _save_pdf(self) -> None:
        chosen = self.selected_ids()
        if len(chosen) == 1:
            self.actions.save_pdf(chosen[0])

    def _status(self, status: IntentStatus) -> None:
        chosen = self.selected_ids()
        if len(chosen) == 1:
            self.actions.change_status(chosen[0], status)

    # -- a draft left by a crash ---------------------------------------------------------
    def offer_recovered_draft(self) -> None:
        try:
            found = DraftService(self._state.database).load(DRAFT_SLOT)
        except Exception:  # noqa: BLE001 - no draft to offer is not a reason to stop
            log.exception("reading the intent draft failed")
            return
        if found is None:
            return
        payload, saved_at = found
        when = saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if ask(
            self,
            QMessageBox.Icon.Question,
            self.tr("Unsaved intent form"),
            self.tr(
                "An intent form was being edited and not saved (autosaved at %1). Open it again?"
            ).replace("%1", when),
            self.tr("Open it"),
            self.tr("Throw it away"),
        ):
            self.editor.restore_draft(payload)
            self.show_editor()
        else:
            DraftService(self._state.database).discard(DRAFT_SLOT)

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        lang = self._state.language
        self.title.setText(self.tr("Purchase intent forms"))
        self.new_from_lead_button.setText(self.tr("New from lead…"))
        self.new_blank_button.setText(self.tr("New blank form"))
        self.open_button.setText(self.tr("Open"))
        self.preview_button.setText(self.tr("Preview"))
        self.pdf_button.setText(self.tr("Save as PDF…"))
        self.signed_button.setText(self.tr("Mark signed"))
        self.cancel_button.setText(self.tr("Cancel form…"))
        self.filters.set_language(lang)
        self.model.set_language(lang)
        self.view.setToolTip(self.tr("Double-click or press Enter to open a form"))
        self.count.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self._update_counts()
        self._update_buttons()
