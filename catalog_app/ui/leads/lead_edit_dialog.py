"""Edit a lead opened from the list: every field the capture form has, checked the same way
(``LeadService.save`` with the lead's id), problems shown beside their field, nothing lost.

The consent stays as it was given (wording, version and time are a record of what the person
agreed to, not something to edit); fields the dialog does not show (the badge scan as read, TCO
inputs) are kept as they are.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.enums import (
    EnergyPreference,
    Financing,
    FollowUp,
    Industry,
    Rating,
    Timeframe,
)
from catalog_app.domain.text import UserFacingError
from catalog_app.services.lead_follow_up import set_follow_up
from catalog_app.services.lead_input import MAX_QUANTITY, InterestInput, LeadInput
from catalog_app.services.lead_labels import label
from catalog_app.services.lead_rows import filter_choices, rows_by_id
from catalog_app.services.leads import LeadRecord, LeadService, LeadValidationError
from catalog_app.ui.app_state import AppState

E = TypeVar("E", bound=StrEnum)
TEXT_FIELDS = (
    "person_name",
    "title",
    "company",
    "credit_code",
    "mobile",
    "landline",
    "email",
    "wechat_id",
)


class LeadEditDialog(QDialog):
    """Signals:
    saved(object): the lead's id, after the change was committed.
    """

    saved = Signal(object)

    def __init__(self, state: AppState, lead_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadEditDialog")
        # Deleted on the GUI thread when closed, never later by Python's garbage collector
        # on whatever thread happens to run it.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Edit lead"))
        self.resize(780, 660)
        self._state = state
        self.lead_id = lead_id
        self._saving = False
        lang = state.language
        self.record: LeadRecord = LeadService(state.database).get(lead_id)
        self._models = filter_choices(state.database).models
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

        form = QFormLayout()
        labels = self._labels()
        for name in TEXT_FIELDS:
            edit = QLineEdit(getattr(self.record.data, name))
            edit.setObjectName(f"edit_{name}")
            self._add_row(form, name, labels[name], edit)
        self.industry = _combo(
            "edit_industry", [(self.tr("—"), None)] + [(label(i, lang), i) for i in Industry]
        )
        _choose(self.industry, self.record.data.industry)
        self._add_row(form, "industry", self.tr("Industry"), self.industry)
        fleet = self.record.data.fleet_size
        self.fleet_size = QLineEdit("" if fleet is None else str(fleet))
        self.fleet_size.setObjectName("edit_fleet_size")
        self._add_row(form, "fleet_size", self.tr("Fleet size"), self.fleet_size)
        self.rating = _combo(
            "edit_rating", [(self.tr("Not rated"), None)] + [(label(r, lang), r) for r in Rating]
        )
        _choose(self.rating, self.record.data.rating)
        self._add_row(form, "rating", self.tr("Rating"), self.rating)
        self.follow_up = _combo("edit_follow_up", [(label(f, lang), f) for f in FollowUp])
        shown = rows_by_id(state.database, [lead_id]).get(lead_id)
        _choose(self.follow_up, shown.follow_up if shown else FollowUp.NEW)
        self._add_row(form, "follow_up", self.tr("Follow-up"), self.follow_up)

        self.interests = QTableWidget(0, 2)
        self.interests.setObjectName("edit_interests")
        self.interests.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Quantity")])
        header = self.interests.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.interests.verticalHeader().setVisible(False)
        self.interests.setMinimumHeight(90)
        first = self.record.data.interests[0] if self.record.data.interests else None
        for interest in self.record.data.interests:
            self.add_interest(interest.model_id, interest.quantity)
        add = QPushButton(self.tr("Add model"))
        add.setObjectName("edit_add_model")
        add.clicked.connect(lambda: self.add_interest(None, 1))
        remove = QPushButton(self.tr("Remove model"))
        remove.setObjectName("edit_remove_model")
        remove.clicked.connect(self._remove_interest)
        self.timeframe = _combo("edit_timeframe", [(label(t, lang), t) for t in Timeframe])
        self.financing = _combo("edit_financing", [(label(f, lang), f) for f in Financing])
        self.energy = _combo("edit_energy", [(label(e, lang), e) for e in EnergyPreference])
        _choose(self.timeframe, first.timeframe if first else Timeframe.UNKNOWN)
        _choose(self.financing, first.financing if first else Financing.UNDECIDED)
        _choose(self.energy, first.energy_preference if first else EnergyPreference.UNDECIDED)
        wishes = QHBoxLayout()
        wishes.addWidget(add)
        wishes.addWidget(remove)
        wishes.addStretch(1)
        self.notes = QPlainTextEdit(self.record.data.notes)
        self.notes.setObjectName("edit_notes")
        self.notes.setMaximumHeight(70)
        self._add_row(form, "interests", self.tr("Models of interest"), self.interests)
        form.addRow("", wishes)
        form.addRow(self.tr("Purchase timeframe"), self.timeframe)
        form.addRow(self.tr("Financing"), self.financing)
        form.addRow(self.tr("Charging or swap"), self.energy)
        self._add_row(form, "notes", self.tr("Notes"), self.notes)
        consent = QLabel(self._consent_text())
        consent.setWordWrap(True)
        consent.setObjectName("edit_consent")
        form.addRow(self.tr("Consent"), consent)

        self.status = QLabel()
        self.status.setObjectName("edit_status")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("edit_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)

    # -- building ------------------------------------------------------------------------
    def _labels(self) -> dict[str, str]:
        return {
            "person_name": self.tr("Name"),
            "title": self.tr("Title"),
            "company": self.tr("Company"),
            "credit_code": self.tr("Credit code"),
            "mobile": self.tr("Mobile"),
            "landline": self.tr("Landline"),
            "email": self.tr("E-mail"),
            "wechat_id": self.tr("WeChat"),
        }

    def _add_row(self, form: QFormLayout, name: str, text: str, editor: QWidget) -> None:
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet("color: #c62828;")
        error.setWordWrap(True)
        error.setVisible(False)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(error)
        form.addRow(text, box)
        self.editors[name] = editor
        self.errors[name] = error

    def add_interest(self, model_id: uuid.UUID | None, quantity: int) -> None:
        row = self.interests.rowCount()
        self.interests.insertRow(row)
        lang = self._state.language
        combo = _combo(f"edit_model_{row}", [(m.name(lang), m.id) for m in self._models])
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        if model_id is not None:
            _choose(combo, model_id)
        spin = QSpinBox()
        spin.setRange(1, MAX_QUANTITY)
        spin.setValue(max(1, min(quantity, MAX_QUANTITY)))
        self.interests.setCellWidget(row, 0, combo)
        self.interests.setCellWidget(row, 1, spin)

    def _remove_interest(self) -> None:
        row = self.interests.currentRow()
        if row < 0:
            row = self.interests.rowCount() - 1
        if row >= 0:
            self.interests.removeRow(row)

    def _consent_text(self) -> str:
        data = self.record.data
        if data.consent_at is None:
            return self.tr("No consent recorded (version %1).").replace(
                "%1", data.consent_version or "—"
            )
        when = data.consent_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return (
            self.tr("Given %1, version %2 (kept as agreed; not editable).")
            .replace("%1", when)
            .replace("%2", data.consent_version)
        )

    # -- saving --------------------------------------------------------------------------
    def values(self) -> LeadInput | None:
        """What the dialog holds as a lead; None (with the message at the field) if the fleet
        size is not a number."""
        self.clear_errors()
        fleet_text = self.fleet_size.text().strip()
        fleet: int | None = None
        if fleet_text:
            try:
                fleet = int(fleet_text.replace(",", ""))
            except ValueError:
                self.show_errors({"fleet_size": self.tr("Enter a whole number of vehicles.")})
                return None
        interests = []
        for row in range(self.interests.rowCount()):
            combo = self.interests.cellWidget(row, 0)
            spin = self.interests.cellWidget(row, 1)
            if isinstance(combo, QComboBox) and isinstance(spin, QSpinBox):
                model_id = combo.currentData()
                if isinstance(model_id, uuid.UUID):
                    interests.append(
                        InterestInput(
                            model_id,
                            spin.value(),
                            Timeframe(self.timeframe.currentData()),
                            Financing(self.financing.currentData()),
                            EnergyPreference(self.energy.currentData()),
                        )
                    )
        texts = {name: self._text(name) for name in TEXT_FIELDS}
        return replace(
            self.record.data,
            **texts,
            industry=_member(Industry, self.industry.currentData()),
            fleet_size=fleet,
            rating=_member(Rating, self.rating.currentData()),
            notes=self.notes.toPlainText(),
            interests=interests,
        )

    def _text(self, name: str) -> str:
        editor = self.editors[name]
        return editor.text() if isinstance(editor, QLineEdit) else ""

    def save(self) -> None:
        if self._saving:
            return
        data = self.values()
        if data is None:
            return
        status = FollowUp(self.follow_up.currentData())
        database, record, lead_id = self._state.database, self.record, self.lead_id

        def work(_context: object) -> uuid.UUID:
            LeadService(database).save(
                data, source=record.source, staff_id=record.staff_id, lead_id=lead_id
            )
            set_follow_up(database, [lead_id], status)
            return lead_id

        self._saving = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self._state.tasks.start("lead-edit", work, on_finished=self._saved, on_failed=self._failed)

    def _saved(self, lead_id: uuid.UUID) -> None:
        self._saving = False
        self.saved.emit(lead_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        lang = self._state.language
        if isinstance(error, LeadValidationError):
            self.show_errors(error.by_field(lang))
            return
        text = error.text(lang) if isinstance(error, UserFacingError) else str(error)
        self.status.setText(
            self.tr("Not saved: %1 Everything you typed is still here.").replace("%1", text)
        )

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear()
            error.setVisible(False)
        self.status.clear()

    def show_errors(self, by_field: dict[str, str]) -> None:
        """Each message under its field; the first such field gets the focus."""
        first: QWidget | None = None
        for name, text in by_field.items():
            key = "interests" if name.startswith("interests[") else name
            key = "person_name" if key == "consent_given" else key
            if key in self.errors:
                self.errors[key].setText(text)
                self.errors[key].setVisible(True)
                first = first or self.editors[key]
        self.status.setText(self.tr("Not saved yet: please fix the marked fields."))
        if first is not None:
            first.setFocus()


def _member(enum: type[E], value: object) -> E | None:
    """A combo's data back as the enum (Qt hands string enums back as plain text)."""
    return enum(value) if value else None


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _choose(combo: QComboBox, value: object) -> None:
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            combo.setCurrentIndex(index)
            return
