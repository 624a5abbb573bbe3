"""The business part of the capture form: industry, fleet size, models of interest with
quantities, purchase timeframe, financing, charge/swap preference, the hot/warm/cold rating and
the notes. Choice labels come from ``services.lead_labels`` (the words the lead list and the
exports use too).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from catalog_app.domain.enums import EnergyPreference, Financing, Industry, Rating, Timeframe
from catalog_app.services.lead_input import MAX_NOTES
from catalog_app.services.lead_labels import label
from catalog_app.ui.capture.field_box import FieldBox
from catalog_app.ui.capture.interest_editor import InterestEditor

RATING_COLORS = {Rating.HOT: "#c62828", Rating.WARM: "#ef6c00", Rating.COLD: "#1565c0"}


def _fill(combo: QComboBox, values: list[StrEnum | None], lang: str, empty: str = "") -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for value in values:
        combo.addItem(label(value, lang) if value is not None else empty, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


class BusinessSection(QGroupBox):
    """Signals:
    changed(): anything in this part was changed (for the autosave).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("businessSection")
        self.industry = QComboBox()
        self.industry.setObjectName("industry")
        self.fleet_size = QLineEdit()
        self.fleet_size.setObjectName("fleet_size")
        self.fleet_size.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,7}"), self.fleet_size)
        )
        self.fleet_size.setMaximumWidth(120)
        self.interests = InterestEditor()
        self.timeframe = QComboBox()
        self.timeframe.setObjectName("timeframe")
        self.financing = QComboBox()
        self.financing.setObjectName("financing")
        self.energy = QComboBox()
        self.energy.setObjectName("energy_preference")
        self.rating_buttons: dict[Rating, QPushButton] = {}
        rating_row = QHBoxLayout()
        rating_row.setContentsMargins(0, 0, 0, 0)
        for rating in Rating:
            button = QPushButton()
            button.setObjectName(f"rating_{rating.value}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setMinimumWidth(84)
            button.setStyleSheet(
                f"QPushButton:checked {{ background: {RATING_COLORS[rating]}; color: white;"
                " font-weight: bold; border-radius: 4px; }"
            )
            button.toggled.connect(lambda checked, r=rating: self._rating_toggled(r, checked))
            self.rating_buttons[rating] = button
            rating_row.addWidget(button)
        rating_row.addStretch(1)
        rating_widget = QWidget()
        rating_widget.setLayout(rating_row)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(60)
        self.notes.setMaximumHeight(96)

        self.boxes = {
            "fleet_size": FieldBox(self.fleet_size, "fleet_size"),
            "notes": FieldBox(self.notes, "notes"),
            "interests": self.interests.box,
        }
        self.labels = {
            name: QLabel()
            for name in (
                "industry",
                "fleet_size",
                "interests",
                "timeframe",
                "financing",
                "energy",
                "rating",
                "notes",
            )
        }
        buddies = {
            "industry": self.industry,
            "fleet_size": self.fleet_size,
            "interests": self.interests.picker,
            "timeframe": self.timeframe,
            "financing": self.financing,
            "energy": self.energy,
            "rating": self.rating_buttons[Rating.HOT],
            "notes": self.notes,
        }
        for name, widget in buddies.items():
            self.labels[name].setBuddy(widget)
        fleet_row = QHBoxLayout()
        fleet_row.setContentsMargins(0, 0, 0, 0)
        fleet_row.addWidget(self.industry, 1)
        fleet_row.addSpacing(12)
        fleet_row.addWidget(self.labels["fleet_size"])
        fleet_row.addWidget(self.boxes["fleet_size"])
        industry_widget = QWidget()
        industry_widget.setLayout(fleet_row)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(5)
        form.addRow(self.labels["industry"], industry_widget)
        form.addRow(self.labels["interests"], self.interests)
        form.addRow(self.labels["timeframe"], self.timeframe)
        form.addRow(self.labels["financing"], self.financing)
        form.addRow(self.labels["energy"], self.energy)
        form.addRow(self.labels["rating"], rating_widget)
        form.addRow(self.labels["notes"], self.boxes["notes"])

        for combo in (self.industry, self.timeframe, self.financing, self.energy):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.fleet_size.textChanged.connect(lambda _t: self._edited("fleet_size"))
        self.notes.textChanged.connect(lambda: self._edited("notes"))
        self.interests.changed.connect(self.changed.emit)
        self.retranslate("en")

    def _edited(self, name: str) -> None:
        if self.boxes[name].error_text:
            self.boxes[name].set_error("")
        self.changed.emit()

    def _rating_toggled(self, rating: Rating, checked: bool) -> None:
        if checked:
            for other, button in self.rating_buttons.items():
                if other is not rating and button.isChecked():
                    button.setChecked(False)
        self.changed.emit()

    # -- values --------------------------------------------------------------------------
    def rating(self) -> Rating | None:
        return next((r for r, b in self.rating_buttons.items() if b.isChecked()), None)

    def set_rating(self, rating: Rating | None) -> None:
        for value, button in self.rating_buttons.items():
            button.setChecked(value is rating)

    def fleet(self) -> int | None:
        text = self.fleet_size.text().strip()
        return int(text) if text.isdigit() else None

    def append_notes(self, text: str) -> None:
        """Add ``text`` to the notes on a new line (not twice)."""
        current = self.notes.toPlainText()
        if not text or text in current:
            return
        self.notes.setPlainText(f"{current.rstrip()}\n{text}" if current.strip() else text)

    def notes_too_long(self) -> bool:
        return len(self.notes.toPlainText()) > MAX_NOTES

    def clear(self) -> None:
        for combo in (self.industry, self.timeframe, self.financing, self.energy):
            combo.setCurrentIndex(0)
        self.fleet_size.setText("")  # no undo back to the last visitor (person_section)
        self.interests.clear()
        self.set_rating(None)
        self.notes.clear()
        for box in self.boxes.values():
            box.set_error("")

    def is_empty(self) -> bool:
        return not (
            self.industry.currentIndex() > 0
            or self.fleet_size.text().strip()
            or self.interests.interests()
            or self.timeframe.currentIndex() > 0
            or self.financing.currentIndex() > 0
            or self.energy.currentIndex() > 0
            or self.rating() is not None
            or self.notes.toPlainText().strip()
        )

    # -- language ------------------------------------------------------------------------
    def retranslate(self, lang: str) -> None:
        self.setTitle(self.tr("Interest"))
        texts = {
            "industry": self.tr("&Industry:"),
            "fleet_size": self.tr("Fleet si&ze:"),
            "interests": self.tr("M&odels:"),
            "timeframe": self.tr("Purchase time&frame:"),
            "financing": self.tr("Financin&g:"),
            "energy": self.tr("Charge / swa&p:"),
            "rating": self.tr("Rating:"),
            "notes": self.tr("Note&s:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.fleet_size.setPlaceholderText(self.tr("trucks"))
        self.rating_buttons[Rating.HOT].setText(self.tr("&Hot"))
        self.rating_buttons[Rating.WARM].setText(self.tr("Wa&rm"))
        self.rating_buttons[Rating.COLD].setText(self.tr("Col&d"))
        _fill(self.industry, [None, *Industry], lang, self.tr("— choose —"))
        # The "not known / undecided" choice first: it is what an untouched form means.
        _fill(
            self.timeframe,
            [Timeframe.UNKNOWN, *[t for t in Timeframe if t is not Timeframe.UNKNOWN]],
            lang,
        )
        _fill(
            self.financing,
            [Financing.UNDECIDED, *[f for f in Financing if f is not Financing.UNDECIDED]],
            lang,
        )
        _fill(
            self.energy,
            [
                EnergyPreference.UNDECIDED,
                *[e for e in EnergyPreference if e is not EnergyPreference.UNDECIDED],
            ],
            lang,
        )
        self.interests.retranslate()
