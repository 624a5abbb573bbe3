"""What can be done with the selected leads: edit, rate, follow-up, delete, personal-data
requests, and importing a file of leads.

Rating and follow-up are for everyone at the booth; deleting, personal-data requests and imports
are for managers only (the services check the role again and write the audit entries). Writes run
as tasks off the GUI thread; the changed rows are then refreshed in place.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from catalog_app.domain.enums import FollowUp, Rating
from catalog_app.domain.text import UserFacingError
from catalog_app.services.lead_follow_up import set_follow_up
from catalog_app.services.lead_labels import label
from catalog_app.services.lead_rows import rows_by_id
from catalog_app.services.leads import LeadService
from catalog_app.ui.app_state import AppState
from catalog_app.ui.dialogs import ask, inform
from catalog_app.ui.leads.personal_data_actions import PersonalDataActions

if TYPE_CHECKING:
    from catalog_app.ui.leads.lead_list_panel import LeadListPanel


class LeadListActions(QObject):
    """The actions of the lead list, their toolbar and context menu."""

    def __init__(self, state: AppState, panel: LeadListPanel) -> None:
        super().__init__(panel)
        self._state = state
        self._panel = panel
        self.choose_folder: Callable[[], Path | None] = self._ask_folder
        self.import_dialog: QDialog | None = None

        def action(name: str, slot: Callable[[], Any], shortcut: str = "") -> QAction:
            made = QAction(panel)
            made.setObjectName(name)
            made.triggered.connect(slot)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
                made.setShortcutContext(made.shortcutContext().WidgetWithChildrenShortcut)
            panel.addAction(made)
            return made

        self.edit = action("editLead", self.edit_current, "Return")
        self.rate: dict[Rating | None, QAction] = {
            Rating.HOT: action("rateHot", lambda: self.rate_selected(Rating.HOT), "Ctrl+1"),
            Rating.WARM: action("rateWarm", lambda: self.rate_selected(Rating.WARM), "Ctrl+2"),
            Rating.COLD: action("rateCold", lambda: self.rate_selected(Rating.COLD), "Ctrl+3"),
            None: action("rateClear", lambda: self.rate_selected(None), "Ctrl+0"),
        }
        self.follow_up = {
            status: action(f"followUp_{status.value}", _bind(self.set_follow_up, status))
            for status in FollowUp
        }
        self.delete = action("deleteLeads", self.delete_selected, "Delete")
        self.personal = PersonalDataActions(state, panel, self)
        self.import_leads = action("importLeads", self.open_import)
        self.reload = action("reloadLeads", panel.reload, "F5")

        self.rate_menu = QMenu(panel)
        self.rate_menu.addActions(list(self.rate.values()))
        self.follow_menu = QMenu(panel)
        self.follow_menu.addActions(list(self.follow_up.values()))
        self.personal_menu = QMenu(panel)
        self.personal_menu.addActions([self.personal.export, self.personal.forget])

        self.toolbar = QWidget()
        self.toolbar.setObjectName("leadActions")
        row = QHBoxLayout(self.toolbar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.buttons: dict[str, QToolButton] = {}
        for name, default, menu in (
            ("edit", self.edit, None),
            ("rate", None, self.rate_menu),
            ("follow_up", None, self.follow_menu),
            ("delete", self.delete, None),
            ("personal", None, self.personal_menu),
            ("import", self.import_leads, None),
        ):
            button = QToolButton()
            button.setObjectName(f"leadButton_{name}")
            if default is not None:
                button.setDefaultAction(default)
            if menu is not None:
                button.setMenu(menu)
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
                # the text ends in "▾" instead of Fusion's small arrow drawn over the text
                button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
            self.buttons[name] = button
            row.addWidget(button)
            if name == "follow_up":
                row.addStretch(1)
        self.update_enabled()

    # -- state ---------------------------------------------------------------------------
    def update_enabled(self) -> None:
        count = len(self._panel.selected_ids())
        manager = self._state.is_manager
        self.edit.setEnabled(count == 1)
        for made in (*self.rate.values(), *self.follow_up.values()):
            made.setEnabled(count > 0)
        self.buttons["rate"].setEnabled(count > 0)
        self.buttons["follow_up"].setEnabled(count > 0)
        self.delete.setEnabled(count > 0 and manager)
        self.import_leads.setEnabled(manager)
        self.personal.update_enabled(count == 1, manager)
        self.buttons["personal"].setEnabled(count == 1 and manager)
        managers_only = "" if manager else self.tr("Managers only: sign in as a manager first.")
        for made in (self.delete, self.import_leads):
            made.setToolTip(managers_only or made.text())
        self.buttons["personal"].setToolTip(
            managers_only or self.tr("Requests of one person about their data")
        )

    def context_menu(self) -> QMenu:
        menu = QMenu(self._panel)
        menu.addAction(self.edit)
        rate = menu.addMenu(self.tr("Rate"))
        rate.addActions(list(self.rate.values()))
        follow = menu.addMenu(self.tr("Follow-up"))
        follow.addActions(list(self.follow_up.values()))
        menu.addSeparator()
        menu.addAction(self.personal.export)
        menu.addAction(self.personal.forget)
        menu.addAction(self.delete)
        return menu

    def retranslate(self) -> None:
        lang = self._state.language
        self.edit.setText(self.tr("Open / edit"))
        for rating, made in self.rate.items():
            made.setText(label(rating, lang) if rating else self.tr("No rating"))
        for status, made in self.follow_up.items():
            made.setText(label(status, lang))
        self.delete.setText(self.tr("Delete"))
        self.import_leads.setText(self.tr("Import leads…"))
        self.reload.setText(self.tr("Reload"))
        self.buttons["rate"].setText(self.tr("Rate") + " ▾")
        self.buttons["follow_up"].setText(self.tr("Follow-up") + " ▾")
        self.buttons["personal"].setText(self.tr("Personal data") + " ▾")
        self.personal.retranslate()
        self.update_enabled()

    # -- actions -------------------------------------------------------------------------
    def edit_current(self) -> None:
        ids = self._panel.selected_ids()
        if len(ids) == 1:
            self._panel.edit_requested.emit(ids[0])

    def rate_selected(self, rating: Rating | None) -> None:
        ids = self._panel.selected_ids()
        if not ids:
            return
        service = LeadService(self._state.database)
        self._write_then_refresh("lead-rate", ids, lambda: service.set_rating(ids, rating))

    def set_follow_up(self, status: FollowUp) -> None:
        ids = self._panel.selected_ids()
        if not ids:
            return
        database = self._state.database
        self._write_then_refresh(
            "lead-follow-up", ids, lambda: set_follow_up(database, ids, status)
        )

    def delete_selected(self) -> None:
        ids = self._panel.selected_ids()
        actor = self._state.current_staff
        title = self.tr("Delete leads")
        if not ids:
            return
        if not self._state.is_manager or actor is None:
            self.refuse(title)
            return
        question = self.tr(
            "Delete %n lead(s)? They disappear from the list, exports and reports. The deletion "
            "is recorded in the audit log and reaches other devices at the next merge.",
            "",
            len(ids),
        )
        if not ask(
            self._panel,
            QMessageBox.Icon.Warning,
            title,
            question,
            self.tr("Delete"),
            self.tr("Cancel"),
        ):
            return
        service = LeadService(self._state.database)

        def delete() -> int:
            for lead_id in ids:
                service.delete_lead(lead_id, actor=actor)
            return len(ids)

        self._write_then_refresh("lead-delete", ids, delete)

    def open_import(self) -> None:
        if not self._state.is_manager:
            self.refuse(self.tr("Import leads"))
            return
        from catalog_app.ui.leads.lead_import_dialog import LeadImportDialog

        dialog = LeadImportDialog(self._state, self._panel)
        dialog.imported.connect(lambda _report: self._panel.reload())
        dialog.destroyed.connect(lambda _obj=None: self._forget_import_dialog(dialog))
        dialog.open()
        self.import_dialog = dialog

    def _forget_import_dialog(self, dialog: object) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None

    # -- helpers -------------------------------------------------------------------------
    def refuse(self, title: str) -> None:
        inform(
            self._panel,
            QMessageBox.Icon.Information,
            title,
            self.tr("Only a manager can do this. Sign in as a manager first."),
            self.tr("OK"),
        )

    def show_error(self, title: str, error: BaseException) -> None:
        lang = self._state.language
        text = error.text(lang) if isinstance(error, UserFacingError) else str(error)
        inform(self._panel, QMessageBox.Icon.Warning, title, text, self.tr("OK"))

    def _write_then_refresh(
        self, name: str, ids: list[uuid.UUID], write: Callable[[], int]
    ) -> None:
        database = self._state.database

        def work(_context: object) -> tuple[int, dict[uuid.UUID, Any]]:
            changed = write()
            return changed, rows_by_id(database, ids)

        def done(result: tuple[int, dict[uuid.UUID, Any]]) -> None:
            changed, fresh = result
            self._panel.model.replace_rows(fresh, set(ids) - set(fresh))
            self._panel.recount_after_change()
            self._panel.message.emit(self.tr("%n lead(s) changed", "", changed))
            self.update_enabled()

        self._state.tasks.start(
            name,
            work,
            on_finished=done,
            on_failed=lambda exc: self.show_error(self.tr("Not saved"), exc),
        )

    def _ask_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(
            self._panel, self.tr("Folder for the personal-data files"), str(Path.home())
        )
        return Path(chosen) if chosen else None


def _bind(slot: Callable[[FollowUp], None], status: FollowUp) -> Callable[[], None]:
    return lambda: slot(status)
