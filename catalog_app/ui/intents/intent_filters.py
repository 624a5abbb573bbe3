"""The filter bar over the intents list: text, status, seller and a date range.

Typing waits a moment before the list is asked again; every other change applies at once.
``current_filter()`` is the ``IntentFilter`` the list shows.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate, QEvent, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from catalog_app.domain.enums import IntentStatus
from catalog_app.domain.intent_terms import STATUS_LABELS
from catalog_app.services.intent_query import ExhibitorChoice, IntentFilter

SEARCH_DELAY_MS = 250
NO_DATE = QDate(2000, 1, 1)  # the minimum of the date fields, shown as "any"


class IntentFilterBar(QWidget):
    """Signals:
    changed(): the filter changed (after a short pause while typing).
    """

    changed = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._exhibitors: list[ExhibitorChoice] = []
        self.search = QLineEdit()
        self.search.setObjectName("intentSearch")
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.status = QComboBox()
        self.status.setObjectName("intentStatusFilter")
        self.exhibitor = QComboBox()
        self.exhibitor.setObjectName("intentExhibitorFilter")
        self.exhibitor.setMinimumContentsLength(12)
        self.from_label = QLabel()
        self.to_label = QLabel()
        self.date_from = self._date_edit("intentDateFrom")
        self.date_to = self._date_edit("intentDateTo")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.exhibitor, 2)
        layout.addWidget(self.from_label)
        layout.addWidget(self.date_from)
        layout.addWidget(self.to_label)
        layout.addWidget(self.date_to)
        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.exhibitor.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.retranslate()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(lambda _d: self.changed.emit())
        return edit

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search: reference, buyer, contact person, model or announcement no.")
        )
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("any date"))
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("All statuses"), None)
        for status in IntentStatus:
            self.status.addItem(STATUS_LABELS[status].render(self._language), status.value)
        index = self.status.findData(current)
        self.status.setCurrentIndex(max(index, 0))
        self.status.blockSignals(False)
        self.set_exhibitors(self._exhibitors)

    def set_exhibitors(self, exhibitors: list[ExhibitorChoice]) -> None:
        self._exhibitors = exhibitors
        current = self.exhibitor.currentData()
        self.exhibitor.blockSignals(True)
        self.exhibitor.clear()
        self.exhibitor.addItem(self.tr("All sellers"), None)
        for choice in exhibitors:
            self.exhibitor.addItem(choice.name(self._language), str(choice.id))
        index = self.exhibitor.findData(current)
        self.exhibitor.setCurrentIndex(max(index, 0))
        self.exhibitor.blockSignals(False)

    # -- the filter ----------------------------------------------------------------------
    def current_filter(self) -> IntentFilter:
        status = self.status.currentData()
        exhibitor = self.exhibitor.currentData()
        start = self.date_from.date()
        end = self.date_to.date()
        return IntentFilter(
            text=self.search.text(),
            statuses=frozenset({IntentStatus(status)}) if status else frozenset(),
            exhibitor_ids=frozenset({uuid.UUID(exhibitor)}) if exhibitor else frozenset(),
            issued_from=None if start == NO_DATE else start.toPython(),
            issued_to=None if end == NO_DATE else end.toPython(),
        )

    def flush(self) -> None:
        """Apply a pending search now (Enter pressed)."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()
