"""The Leads page: "Capture" (the booth's capture form) and "All leads" (the list).

A lead saved on the Capture tab shows in the list the next time the list is looked at (the list
reloads when its tab is shown after a save, not while staff are capturing). Opening a lead from
the list edits it in ``LeadEditDialog``.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from catalog_app.services.lead_rows import rows_by_id
from catalog_app.ui.app_state import AppState
from catalog_app.ui.capture import CaptureForm
from catalog_app.ui.leads.lead_edit_dialog import LeadEditDialog
from catalog_app.ui.leads.lead_list_panel import LeadListPanel


class LeadsPage(QWidget):
    """Signals:
    message(str): something for the window's status bar.
    """

    message = Signal(str)
    CAPTURE_TAB = 0
    LIST_TAB = 1

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadsPage")
        self._state = state
        self._list_stale = False
        self.capture_form = CaptureForm(state)
        self.capture_form.message.connect(self.message)
        self.capture_form.saved.connect(lambda _lead_id: self._mark_list_stale())
        self.list_panel = LeadListPanel(state)
        self.list_panel.message.connect(self.message)
        self.list_panel.edit_requested.connect(self.edit_lead)
        self.edit_dialog: LeadEditDialog | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("leadTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.capture_form, "")
        self.tabs.addTab(self.list_panel, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate()

    def show_list(self) -> None:
        self.tabs.setCurrentIndex(self.LIST_TAB)

    def show_capture(self) -> None:
        self.tabs.setCurrentIndex(self.CAPTURE_TAB)

    def edit_lead(self, lead_id: uuid.UUID) -> LeadEditDialog:
        """Open a lead for editing; the list row is refreshed after a save."""
        dialog = LeadEditDialog(self._state, lead_id, self.window())
        dialog.saved.connect(self._lead_edited)
        dialog.destroyed.connect(lambda _obj=None: self._forget_edit_dialog(dialog))
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    def _forget_edit_dialog(self, dialog: LeadEditDialog) -> None:
        if self.edit_dialog is dialog:
            self.edit_dialog = None

    def _lead_edited(self, lead_id: uuid.UUID) -> None:
        fresh = rows_by_id(self._state.database, [lead_id])
        self.list_panel.model.replace_rows(fresh, set() if fresh else {lead_id})
        self.list_panel.recount_after_change()
        self.message.emit(self.tr("The lead was saved."))

    def _mark_list_stale(self) -> None:
        self._list_stale = True
        if self.tabs.currentIndex() == self.LIST_TAB:
            self._tab_changed(self.LIST_TAB)

    def _tab_changed(self, index: int) -> None:
        if index == self.LIST_TAB and self._list_stale:
            self._list_stale = False
            self.list_panel.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.tabs.setTabText(self.CAPTURE_TAB, self.tr("Capture"))
        self.tabs.setTabText(self.LIST_TAB, self.tr("All leads"))
        self.tabs.setTabToolTip(self.CAPTURE_TAB, self.tr("Capture a visitor at the booth"))
        self.tabs.setTabToolTip(
            self.LIST_TAB, self.tr("Search, rate and follow up every lead; import; data requests")
        )
