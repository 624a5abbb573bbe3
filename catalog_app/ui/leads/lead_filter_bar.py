"""The lead list's search box and filters, turned into a ``LeadFilter``.

Typing is debounced (the query runs when the person pauses, not on every key); a change of a
filter list applies at once. Staff and model lists come from ``services.lead_rows``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.enums import FollowUp, LeadSource, Rating
from catalog_app.services.lead_labels import label
from catalog_app.services.lead_query import LeadFilter
from catalog_app.services.lead_rows import FilterChoices

SEARCH_DELAY_MS = 300
NO_DATE = QDate(2000, 1, 1)
OPEN_FOLLOW_UPS = frozenset({FollowUp.NEW, FollowUp.CONTACTED, FollowUp.QUALIFIED})


class LeadFilterBar(QWidget):
    """Search and filters of the lead list.

    Signals:
        changed(): the filter changed (text after a pause, lists at once).
    """

    changed = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._choices = FilterChoices([], [])
        self.search = QLineEdit()
        self.search.setObjectName("leadSearch")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_now)

        self.rating = QComboBox()
        self.rating.setObjectName("leadRatingFilter")
        self.follow_up = QComboBox()
        self.follow_up.setObjectName("leadFollowUpFilter")
        self.source = QComboBox()
        self.source.setObjectName("leadSourceFilter")
        self.staff = QComboBox()
        self.staff.setObjectName("leadStaffFilter")
        self.model = QComboBox()
        self.model.setObjectName("leadModelFilter")
        self.model.setEditable(True)
        self.model.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.model.setMinimumContentsLength(14)
        self.model.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        completer = self.model.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.date_from = _date_edit("leadDateFrom")
        self.date_to = _date_edit("leadDateTo")
        self.not_exported = QCheckBox()
        self.not_exported.setObjectName("leadNotExportedFilter")
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("leadResetFilters")
        self.reset_button.clicked.connect(self.reset)
        self.from_label = QLabel()
        self.to_label = QLabel()
        for combo in (self.rating, self.follow_up, self.source, self.staff):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.model.activated.connect(lambda _index: self.changed.emit())
        self.model.lineEdit().editingFinished.connect(self._model_text_finished)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _date: self.changed.emit())
        self.not_exported.toggled.connect(lambda _on: self.changed.emit())

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.not_exported)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(6)
        for widget in (self.rating, self.follow_up, self.source, self.staff):
            filters.addWidget(widget)
        filters.addWidget(self.model, 1)
        filters.addWidget(self.from_label)
        filters.addWidget(self.date_from)
        filters.addWidget(self.to_label)
        filters.addWidget(self.date_to)
        filters.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(filters)
        self.retranslate()

    # -- the filter ----------------------------------------------------------------------
    def current_filter(self) -> LeadFilter:
        ratings: frozenset[Rating] = frozenset()
        unrated = False
        rating = self.rating.currentData()
        if rating == "hot_warm":
            ratings = frozenset({Rating.HOT, Rating.WARM})
        elif rating == "unrated":
            unrated = True
        elif rating:
            ratings = frozenset({Rating(rating)})
        follow_up = self.follow_up.currentData()
        follow_ups: frozenset[FollowUp] = frozenset()
        if follow_up == "open":
            follow_ups = OPEN_FOLLOW_UPS
        elif follow_up:
            follow_ups = frozenset({FollowUp(follow_up)})
        source = self.source.currentData()
        staff = self.staff.currentData()
        model = self._model_id()
        return LeadFilter(
            text=self.search.text().strip(),
            ratings=ratings,
            unrated=unrated,
            follow_ups=follow_ups,
            sources=frozenset({LeadSource(source)}) if source else frozenset(),
            staff_ids=frozenset({staff}) if isinstance(staff, uuid.UUID) else frozenset(),
            model_ids=frozenset({model}) if model is not None else frozenset(),
            captured_from=_start_of(self.date_from.date()),
            captured_to=_start_of(self.date_to.date(), next_day=True),
            only_not_exported=self.not_exported.isChecked(),
        )

    def is_narrowed(self) -> bool:
        """Whether anything narrows the list (for the empty-list message)."""
        return self.current_filter() != LeadFilter()

    def apply_now(self) -> None:
        """Apply the typed text without waiting for the pause."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.changed.emit()

    def reset(self) -> None:
        widgets = (self.search, self.rating, self.follow_up, self.source, self.staff, self.model)
        for widget in (*widgets, self.date_from, self.date_to, self.not_exported):
            widget.blockSignals(True)
        self.search.clear()
        self._search_timer.stop()
        for combo in (self.rating, self.follow_up, self.source, self.staff, self.model):
            combo.setCurrentIndex(0)
        self.date_from.setDate(NO_DATE)
        self.date_to.setDate(NO_DATE)
        self.not_exported.setChecked(False)
        for widget in (*widgets, self.date_from, self.date_to, self.not_exported):
            widget.blockSignals(False)
        self.changed.emit()

    def set_choices(self, choices: FilterChoices) -> None:
        self._choices = choices
        self._fill_lists()

    def _model_id(self) -> uuid.UUID | None:
        data = self.model.currentData()
        if isinstance(data, uuid.UUID) and self.model.currentText() == self.model.itemText(
            self.model.currentIndex()
        ):
            return data
        return None

    def _model_text_finished(self) -> None:
        text = self.model.currentText().strip()
        index = self.model.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            index = 0
        if index != self.model.currentIndex() or not text:
            self.model.setCurrentIndex(index)
            self.changed.emit()

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search leads: name, company, phone, e-mail, WeChat or pinyin (e.g. zhangsan)")
        )
        self.not_exported.setText(self.tr("Only not yet exported"))
        self.not_exported.setToolTip(
            self.tr("Leads not yet exported to Excel/CRM or synced to the manager's file")
        )
        self.reset_button.setText(self.tr("Clear filters"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("any day"))
            edit.setToolTip(self.tr("Day the lead was captured"))
        self._fill_lists()

    def _fill_lists(self) -> None:
        lang = self._language
        _refill(
            self.rating,
            [(self.tr("Any rating"), "")]
            + [(label(r, lang), r.value) for r in Rating]
            + [(self.tr("Hot or warm"), "hot_warm"), (self.tr("Not rated"), "unrated")],
        )
        _refill(
            self.follow_up,
            [(self.tr("Any follow-up"), ""), (self.tr("Still open"), "open")]
            + [(label(f, lang), f.value) for f in FollowUp],
        )
        _refill(
            self.source,
            [(self.tr("Any source"), "")] + [(label(s, lang), s.value) for s in LeadSource],
        )
        _refill(
            self.staff,
            [(self.tr("Any staff"), "")] + [(name, sid) for sid, name in self._choices.staff],
        )
        _refill(
            self.model,
            [(self.tr("Any model"), "")] + [(m.name(lang), m.id) for m in self._choices.models],
        )


def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace the items, keeping the chosen value (no change signal)."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    index = max(0, combo.findData(chosen)) if chosen not in (None, "") else 0
    combo.setCurrentIndex(index)
    combo.blockSignals(False)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setDate(NO_DATE)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _start_of(day: QDate, *, next_day: bool = False) -> datetime | None:
    """The UTC moment local ``day`` starts (or the next day starts); None for "any day"."""
    if day == NO_DATE or not day.isValid():
        return None
    local = datetime.combine(day.toPython(), time()).astimezone()  # type: ignore[arg-type]
    if next_day:
        local += timedelta(days=1)
    return local.astimezone(UTC)
