"""Choose a catalog model for a line, or a lead to start a form from: search as you type.

Both ask the services with the typed text (at most ``LIMIT`` results, newest or catalog order),
so they stay quick with a large catalog or a million leads.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.spec_format import format_price
from catalog_app.services.catalog import CatalogService
from catalog_app.services.intent_query import lead_choices
from catalog_app.store.database import Database

LIMIT = 100
SEARCH_DELAY_MS = 200


class _SearchDialog(QDialog):
    """A search field over a list; double-click or OK chooses."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModal(True)
        self.resize(640, 520)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName(f"{name}Search")
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName(f"{name}Results")
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.empty = QLabel()
        self.empty.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.reload)
        self.results.currentRowChanged.connect(lambda _row: self._update_ok())
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)

    def _fill(self, rows: list[tuple[str, Any]]) -> None:
        self.results.clear()
        for text, value in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, value)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)
        self.empty.setVisible(not rows)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.results.currentItem() is not None)

    def reload(self) -> None:
        raise NotImplementedError

    def chosen(self) -> Any:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class ModelPickerDialog(_SearchDialog):
    """Pick a model of the catalog (name, maker, code or announcement number)."""

    def __init__(self, database: Database, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, "modelPicker")
        self._catalog = CatalogService(database)
        self._language = language
        self.setWindowTitle(self.tr("Add a model"))
        self.hint.setText(self.tr("Type part of a name, maker, model code or announcement no."))
        self.search.setPlaceholderText(self.tr("Search the catalog"))
        self.empty.setText(self.tr("No model matches."))
        self.reload()

    def reload(self) -> None:
        self._timer.stop()
        models = self._catalog.list_models(self.search.text())[:LIMIT]
        self._fill(
            [
                (
                    f"{m.name(self._language)}  ·  {m.exhibitor(self._language)}  ·  "
                    f"{format_price(m.price_cny, self._language)}",
                    m.id,
                )
                for m in models
            ]
        )

    def model_id(self) -> uuid.UUID | None:
        value = self.chosen()
        return value if isinstance(value, uuid.UUID) else None


class LeadPickerDialog(_SearchDialog):
    """Pick a lead (newest first) to start a form from: the buyer and models come with it."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent, "leadPicker")
        self._database = database
        self.setWindowTitle(self.tr("New intent form from a lead"))
        self.hint.setText(
            self.tr(
                "Choose the visitor: the buyer's company and contact and the models they are "
                "interested in are filled in for you."
            )
        )
        self.search.setPlaceholderText(self.tr("Search leads: name, company, phone or e-mail"))
        self.empty.setText(self.tr("No lead matches."))
        self.reload()

    def reload(self) -> None:
        self._timer.stop()
        leads = lead_choices(self._database, self.search.text(), LIMIT)
        models = self.tr("%1 model(s)")
        self._fill(
            [
                (
                    " · ".join(
                        part
                        for part in (
                            lead.company,
                            lead.person_name,
                            lead.phone,
                            models.replace("%1", str(lead.models)),
                        )
                        if part
                    ),
                    lead.id,
                )
                for lead in leads
            ]
        )

    def lead_id(self) -> uuid.UUID | None:
        value = self.chosen()
        return value if isinstance(value, uuid.UUID) else None


def pick(dialog: _SearchDialog, result: Callable[[], Any]) -> Any:
    """Show ``dialog``; what ``result()`` says if the person chose, else None."""
    return result() if dialog.exec() == QDialog.DialogCode.Accepted else None
