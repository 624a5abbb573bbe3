"""A person's requests from the lead list (managers only): "Export this person's data" (JSON +
PDF into a folder the manager picks) and "Delete this person" (scrubbed tombstone, after a clear
confirmation). Both run off the GUI thread and are audited by the service."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from catalog_app.services.personal_data import (
    ExportedFiles,
    export_personal_data,
    forget_person,
)
from catalog_app.ui.app_state import AppState
from catalog_app.ui.dialogs import ask, inform

if TYPE_CHECKING:
    from catalog_app.ui.leads.lead_list_actions import LeadListActions
    from catalog_app.ui.leads.lead_list_panel import LeadListPanel


class PersonalDataActions(QObject):
    """The two personal-data actions of the lead list."""

    def __init__(self, state: AppState, panel: LeadListPanel, actions: LeadListActions) -> None:
        super().__init__(panel)
        self._state = state
        self._panel = panel
        self._actions = actions
        self.export = QAction(panel)
        self.export.setObjectName("exportPersonData")
        self.export.triggered.connect(self.export_selected)
        self.forget = QAction(panel)
        self.forget.setObjectName("deletePerson")
        self.forget.triggered.connect(self.forget_selected)
        self.last_export: ExportedFiles | None = None

    def update_enabled(self, one_selected: bool, manager: bool) -> None:
        for action in (self.export, self.forget):
            action.setEnabled(one_selected and manager)

    def retranslate(self) -> None:
        self.export.setText(self.tr("Export this person's data…"))
        self.export.setToolTip(
            self.tr("A copy of everything kept about this person: JSON and a readable PDF")
        )
        self.forget.setText(self.tr("Delete this person…"))
        self.forget.setToolTip(
            self.tr("Erase this person's personal data everywhere (the deletion is recorded)")
        )

    def export_selected(self) -> None:
        leads = self._panel.selected_leads()
        title = self.tr("Export this person's data")
        actor = self._state.current_staff
        if len(leads) != 1:
            return
        if actor is None or not actor.is_manager:
            self._actions.refuse(title)
            return
        folder = self._actions.choose_folder()
        if folder is None:
            return
        database, lead_id, lang = self._state.database, leads[0].id, self._state.language

        def done(files: ExportedFiles) -> None:
            self.last_export = files
            text = self.tr(
                "The copy of this person's data was saved:\n%1\n%2\n\nGive it only to the "
                "person themselves. The export is recorded in the audit log."
            )
            text = text.replace("%1", str(files.pdf_path)).replace("%2", str(files.json_path))
            self._panel.message.emit(
                self.tr("Personal data saved in %1").replace("%1", str(folder))
            )
            inform(self._panel, QMessageBox.Icon.Information, title, text, self.tr("OK"))

        self._state.tasks.start(
            "personal-data-export",
            lambda _ctx: export_personal_data(
                database, lead_id, Path(folder), actor=actor, lang=lang
            ),
            on_finished=done,
            on_failed=lambda exc: self._actions.show_error(title, exc),
        )

    def forget_selected(self) -> None:
        leads = self._panel.selected_leads()
        title = self.tr("Delete this person")
        actor = self._state.current_staff
        if len(leads) != 1:
            return
        if actor is None or not actor.is_manager:
            self._actions.refuse(title)
            return
        lead = leads[0]
        who = " · ".join(p for p in (lead.person_name, lead.company) if p)
        question = self.tr(
            "Delete %1 at their request?\n\nName, phone, e-mail, WeChat, notes and badge data "
            "are erased from this lead and from leads merged into it. This cannot be undone. A "
            "record without personal data stays, so that merging another device's file cannot "
            "bring the person back. The deletion is recorded in the audit log."
        ).replace("%1", who)
        confirmed = ask(
            self._panel,
            QMessageBox.Icon.Warning,
            title,
            question,
            self.tr("Delete this person"),
            self.tr("Cancel"),
        )
        if not confirmed:
            return
        database, lead_id = self._state.database, lead.id

        def done(scrubbed: int) -> None:
            self._panel.model.replace_rows({}, {lead_id})
            self._panel.recount_after_change()
            self._panel.message.emit(
                self.tr("The person was deleted (%n record(s) erased).", "", scrubbed)
            )
            self._actions.update_enabled()

        self._state.tasks.start(
            "personal-data-delete",
            lambda _ctx: forget_person(database, lead_id, actor=actor),
            on_finished=done,
            on_failed=lambda exc: self._actions.show_error(title, exc),
        )
