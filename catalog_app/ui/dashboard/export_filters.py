"""The export dialog's filter panel: which leads go into the file, as a ``LeadFilter``.

Capture dates, ratings, sources, models, staff, devices, consent purpose and "only not exported
before". It starts from a given filter (the lead list's, when opened from there); the parts of
it this panel has no control for (search text, industries, follow-up status, chosen leads) are
kept and named, with a button to drop them. The model/staff/device lists are filled from the
database off the GUI thread (``set_choices``).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta, timezone

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.enums import LeadSource, Rating
from catalog_app.services.exports import vocabulary as vocab
from catalog_app.services.exports.choices import Choice, FilterChoices
from catalog_app.services.exports.moments import local_offset
from catalog_app.services.lead_query import LeadFilter

ID_ROLE = Qt.ItemDataRole.UserRole
ROW_HEIGHT = 24  # a list row with a check box, in pixels


class ChoiceList(QWidget):
    """A searchable list of check boxes (models, staff, devices); none ticked means "any"."""

    changed = Signal()

    def __init__(self, name: str, rows: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._narrow)
        self.items = QListWidget()
        self.items.setFixedHeight(ROW_HEIGHT * rows + 6)
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.itemChanged.connect(self._item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.items)

    def _item_changed(self, _item: QListWidgetItem) -> None:
        self.changed.emit()

    def fill(self, choices: tuple[Choice, ...], lang: str, ticked: frozenset) -> None:  # type: ignore[type-arg]
        self.items.blockSignals(True)
        self.items.clear()
        for choice in choices:
            name = choice.name(lang)
            text = name if name == choice.code else f"{name}  ({choice.code})"
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(ID_ROLE, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if choice.id in ticked else Qt.CheckState.Unchecked
            )
            self.items.addItem(item)
        self.items.blockSignals(False)
        self._narrow(self.search.text())

    def ticked(self) -> frozenset:  # type: ignore[type-arg]
        return frozenset(
            self.items.item(row).data(ID_ROLE)
            for row in range(self.items.count())
            if self.items.item(row).checkState() == Qt.CheckState.Checked
        )

    def _narrow(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.items.count()):
            item = self.items.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())


def _local_date(moment: datetime | None, offset: timedelta) -> QDate | None:
    if moment is None:
        return None
    local = moment.astimezone(timezone(offset))
    return QDate(local.year, local.month, local.day)


class ExportFilterPanel(QWidget):
    """Signals: changed() — the filter the panel describes changed."""

    changed = Signal()

    def __init__(self, initial: LeadFilter, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportFilters")
        self.lang = lang
        self.offset = local_offset()
        self.initial = initial
        self._kept = initial  # fields this panel does not show, carried over
        self.from_check, self.from_date = QCheckBox(), QDateEdit()
        self.to_check, self.to_date = QCheckBox(), QDateEdit()
        today = QDate.currentDate()
        for check, edit, moment in (
            (self.from_check, self.from_date, initial.captured_from),
            (self.to_check, self.to_date, initial.captured_to),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(today)
            date = _local_date(moment, self.offset)
            if moment is not None and check is self.to_check:
                date = _local_date(moment - timedelta(seconds=1), self.offset)  # exclusive end
            if date is not None:
                edit.setDate(date)
            check.setChecked(date is not None)
            edit.setEnabled(date is not None)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.changed)
            edit.dateChanged.connect(self.changed)
        self.rating_boxes = {r: QCheckBox() for r in (*Rating, None)}
        for rating, box in self.rating_boxes.items():
            box.setChecked(rating in initial.ratings if rating else initial.unrated)
            box.toggled.connect(self.changed)
        self.source_boxes = {s: QCheckBox() for s in LeadSource}
        for source, box in self.source_boxes.items():
            box.setChecked(source in initial.sources)
            box.toggled.connect(self.changed)
        self.models = ChoiceList("exportModels", rows=5)
        self.staff = ChoiceList("exportStaff", rows=5)
        self.devices = ChoiceList("exportDevices", rows=5)
        for chooser in (self.models, self.staff, self.devices):
            chooser.changed.connect(self.changed)
        self.purpose = QComboBox()
        self.purpose.setObjectName("exportPurpose")
        self.purpose.currentIndexChanged.connect(self.changed)
        self.not_exported = QCheckBox()
        self.not_exported.setChecked(initial.only_not_exported)
        self.not_exported.toggled.connect(self.changed)
        self.kept_label = QLabel()
        self.kept_label.setObjectName("exportKeptFilters")
        self.kept_label.setWordWrap(True)
        self.drop_kept = QPushButton()
        self.drop_kept.clicked.connect(self._drop_kept)
        self._choices: FilterChoices | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        dates = QHBoxLayout()
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            dates.addWidget(widget)
        dates.addStretch(1)
        ratings = QHBoxLayout()
        for box in self.rating_boxes.values():
            ratings.addWidget(box)
        ratings.addStretch(1)
        sources = QHBoxLayout()
        for box in self.source_boxes.values():
            sources.addWidget(box)
        sources.addStretch(1)
        kept = QHBoxLayout()
        kept.addWidget(self.kept_label, 1)
        kept.addWidget(self.drop_kept)
        self.labels = [QLabel() for _ in range(8)]
        # Models, staff and devices side by side: the dialog fits a 768-pixel-high screen.
        lists = QGridLayout()
        lists.setContentsMargins(0, 0, 0, 0)
        for column, (label, chooser) in enumerate(
            zip(self.labels[3:6], (self.models, self.staff, self.devices), strict=True)
        ):
            lists.addWidget(label, 0, column)
            lists.addWidget(chooser, 1, column)
            lists.setColumnStretch(column, 2 if chooser is self.models else 1)
        rows = (dates, ratings, sources)
        for label, row in zip(self.labels[:3], rows, strict=True):
            self.form.addRow(label, row)
        self.form.addRow(lists)
        self.form.addRow(self.labels[6], self.purpose)
        self.form.addRow(self.labels[7], kept)
        self.form.addRow("", self.not_exported)

    def retranslate(self) -> None:
        lang = self.lang
        for label, text in zip(
            self.labels,
            (
                self.tr("Captured"),
                self.tr("Rating"),
                self.tr("Source"),
                self.tr("Models"),
                self.tr("Staff"),
                self.tr("Devices"),
                self.tr("Consent purpose"),
                self.tr("From the lead list"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.from_check.setText(self.tr("from"))
        self.to_check.setText(self.tr("to"))
        for rating, box in self.rating_boxes.items():
            box.setText(vocab.label(vocab.RATINGS, rating, lang) or vocab.UNRATED.render(lang))
        for source, box in self.source_boxes.items():
            box.setText(vocab.label(vocab.SOURCES, source, lang))
        self.models.search.setPlaceholderText(self.tr("Find a model…"))
        self.staff.search.setPlaceholderText(self.tr("Find a person…"))
        self.devices.search.setPlaceholderText(self.tr("Find a device…"))
        self.not_exported.setText(self.tr("Only leads not exported before"))
        self.drop_kept.setText(self.tr("Drop these"))
        self._fill_purposes()
        self._show_kept()

    def set_choices(self, choices: FilterChoices) -> None:
        self._choices = choices
        self.models.fill(choices.models, self.lang, self.initial.model_ids)
        self.staff.fill(choices.staff, self.lang, self.initial.staff_ids)
        self.devices.fill(choices.devices, self.lang, self.initial.device_ids)
        self._fill_purposes()

    def _fill_purposes(self) -> None:
        initial = self.initial.consent_purpose
        current = self.purpose.currentData() if self.purpose.count() else initial
        purposes = list(self._choices.purposes) if self._choices else []
        if self.initial.consent_purpose and self.initial.consent_purpose not in purposes:
            purposes.append(self.initial.consent_purpose)
        self.purpose.blockSignals(True)
        self.purpose.clear()
        self.purpose.addItem(self.tr("Any (consent purposes not checked)"), None)
        for purpose in purposes:
            self.purpose.addItem(vocab.label(vocab.PURPOSES, purpose, self.lang), purpose)
        index = self.purpose.findData(current)
        self.purpose.setCurrentIndex(max(index, 0))
        self.purpose.blockSignals(False)

    # -- what is kept from the lead list -----------------------------------------------------
    def _kept_parts(self) -> list[str]:
        kept, parts = self._kept, []
        if kept.text.strip():
            parts.append(self.tr("search “%1”").replace("%1", kept.text.strip()))
        if kept.industries:
            parts.append(self.tr("%n industries", "", len(kept.industries)))
        if kept.follow_ups:
            parts.append(self.tr("%n follow-up states", "", len(kept.follow_ups)))
        if kept.ids:
            parts.append(self.tr("%n chosen leads", "", len(kept.ids)))
        return parts

    def _show_kept(self) -> None:
        parts = self._kept_parts()
        self.kept_label.setText("; ".join(parts))
        visible = bool(parts)
        self.labels[-1].setVisible(visible)
        self.kept_label.setVisible(visible)
        self.drop_kept.setVisible(visible)

    def _drop_kept(self) -> None:
        self._kept = LeadFilter()
        self._show_kept()
        self.changed.emit()

    # -- the result --------------------------------------------------------------------------
    def _moment(self, edit: QDateEdit, days: int = 0) -> datetime:
        day = edit.date().toPython() + timedelta(days=days)
        local = datetime.combine(day, time(0), tzinfo=timezone(self.offset))
        return local.astimezone(UTC)

    def current_filter(self) -> LeadFilter:
        ratings = frozenset(r for r, box in self.rating_boxes.items() if r and box.isChecked())
        return dataclasses.replace(
            self._kept,
            ratings=ratings,
            unrated=self.rating_boxes[None].isChecked(),
            sources=frozenset(s for s, box in self.source_boxes.items() if box.isChecked()),
            model_ids=self.models.ticked() if self._choices else self.initial.model_ids,
            staff_ids=self.staff.ticked() if self._choices else self.initial.staff_ids,
            device_ids=self.devices.ticked() if self._choices else self.initial.device_ids,
            captured_from=self._moment(self.from_date) if self.from_check.isChecked() else None,
            captured_to=self._moment(self.to_date, 1) if self.to_check.isChecked() else None,
            consent_purpose=self.purpose.currentData() or None,
            only_not_exported=self.not_exported.isChecked(),
        )
