"""The TCO calculator for one model: inputs on the left, results and chart on the right.

The results follow the inputs as the person types (recalculated ``RECALC_DELAY_MS`` after the
last keystroke; one calculation takes microseconds, so the window never waits). An input that
is not valid is marked at its field and the results keep showing the last valid inputs, greyed.
Switching to another model keeps what the person typed and takes the new model's defaults for
the rest; "Reset to defaults" brings back the model's defaults for every field.

Signals:
    result_changed(object): a new ``TcoResult`` (or None while an input is not valid).
"""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from catalog_app.domain.spec_fields import FIELDS_BY_KEY as SPEC_FIELDS
from catalog_app.domain.text import UserFacingError
from catalog_app.services.tco import TcoResult, calculate_tco
from catalog_app.services.tco_defaults import ModelTcoDefaults, load_model_defaults
from catalog_app.services.tco_inputs import TcoInputError, TcoInputs
from catalog_app.ui.app_state import AppState
from catalog_app.ui.tco.tco_chart import TcoChart
from catalog_app.ui.tco.tco_form import TcoForm
from catalog_app.ui.tco.tco_results import TcoResults

log = logging.getLogger(__name__)

RECALC_DELAY_MS = 250
FORM_WIDTH = 430
TOUCH_FORM_WIDTH = 500


class TcoPage(QWidget):
    """See the module docstring."""

    result_changed = Signal(object)

    def __init__(self, state: AppState, touch: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tcoPage")
        self._state = state
        self._touch = touch
        self._defaults: ModelTcoDefaults | None = None
        self._touched: set[str] = set()
        self.result: TcoResult | None = None
        self.inputs: TcoInputs | None = None
        language = self._language

        self.title = QLabel()
        self.title.setObjectName("tcoTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet(f"font-size: {20 if touch else 15}pt; font-weight: bold;")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("tcoSubtitle")
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("color: #5f6b7a;")
        self.notes = QLabel()
        self.notes.setObjectName("tcoNotes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(
            "background: #fff4d6; color: #5c4400; border-radius: 4px; padding: 4px 8px;"
        )
        self.status = QLabel()
        self.status.setObjectName("tcoStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020; font-weight: bold;")
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("tcoReset")
        self.reset_button.clicked.connect(self.reset_to_defaults)
        if touch:
            self.reset_button.setMinimumHeight(56)

        self.form = TcoForm(language, touch)
        self.form.edited.connect(self._edited)
        form_scroll = QScrollArea()
        form_scroll.setObjectName("tcoFormScroll")
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scrollbar = form_scroll.verticalScrollBar().sizeHint().width() + 8
        form_scroll.setMinimumWidth(
            max(TOUCH_FORM_WIDTH if touch else FORM_WIDTH, self.form.sizeHint().width() + scrollbar)
        )
        form_panel = QWidget()
        form_layout = QVBoxLayout(form_panel)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(form_scroll, 1)
        form_layout.addWidget(self.reset_button)

        self.results = TcoResults(language, touch)
        self.chart = TcoChart(language, touch)
        self.tables = QTabWidget()
        self.tables.setObjectName("tcoTables")
        self.tables.setMinimumHeight(110)
        lower: QWidget
        if touch:  # a kiosk screen has no room for both: the chart is the first tab
            self.tables.addTab(self.chart, "")
            lower = self.tables
        else:
            splitter = QSplitter(Qt.Orientation.Vertical)
            splitter.addWidget(self.chart)
            splitter.addWidget(self.tables)
            splitter.setStretchFactor(0, 1)
            splitter.setStretchFactor(1, 1)
            lower = splitter
        self.table_tabs = (self.tables.addTab(self.results.cash_flow, ""),)
        self.table_tabs += (self.tables.addTab(self.results.breakdown, ""),)
        self.result_panel = QWidget()
        result_layout = QVBoxLayout(self.result_panel)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.addWidget(self.results)
        result_layout.addWidget(self.status)
        result_layout.addWidget(lower, 1)

        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        body.addWidget(form_panel)
        body.addWidget(self.result_panel)
        body.setStretchFactor(1, 1)
        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.title)
        header.addWidget(self.subtitle)
        header.addWidget(self.notes)
        layout = QVBoxLayout(self)
        margin = 16 if touch else 12
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addLayout(header)
        layout.addWidget(body, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECALC_DELAY_MS)
        self._timer.timeout.connect(self.recalculate)
        self.retranslate()
        self.set_model(None)

    # -- model and inputs --------------------------------------------------------------------
    def _language(self) -> str:
        return self._state.language

    @property
    def model_id(self) -> uuid.UUID | None:
        return self._defaults.model_id if self._defaults else None

    def set_model(self, model_id: uuid.UUID | None) -> bool:
        """Compare ``model_id`` (None: a generic tractor); False if it could not be read."""
        if model_id is None:
            defaults = ModelTcoDefaults(TcoInputs(), None, "", "", ())
        else:
            try:
                defaults = load_model_defaults(self._state.catalog, model_id)
            except (UserFacingError, SQLAlchemyError) as exc:
                log.warning("TCO defaults of %s not read: %s", model_id, exc)
                text = exc.text(self._language()) if isinstance(exc, UserFacingError) else str(exc)
                self.status.setText(text)
                return False
        self._defaults = defaults
        untouched = {key for key in self.form.rows if key not in self._touched}
        self.form.set_inputs(defaults.inputs, untouched)
        self._show_header()
        self.recalculate()
        return True

    def reset_to_defaults(self) -> None:
        self._touched.clear()
        if self._defaults is not None:
            self.form.set_inputs(self._defaults.inputs)
        self.recalculate()

    def clear_typed(self) -> None:
        """Forget everything typed (the kiosk's idle wipe): the defaults of the model again."""
        self.reset_to_defaults()

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._timer.start()

    def recalculate(self) -> None:
        self._timer.stop()
        inputs, problems = self.form.read()
        self.form.show_problems(problems)
        result: TcoResult | None = None
        if inputs is not None:
            try:
                result = calculate_tco(inputs)
            except TcoInputError as exc:  # a field the form does not show
                problems = exc.by_field(self._language())
        if result is None:
            self.status.setText(
                self.tr(
                    "Please correct the marked inputs; the results are for the last valid inputs."
                )
                if problems
                else ""
            )
            self.results.setEnabled(False)
            self.chart.setEnabled(False)
            self.tables.setEnabled(False)
            self.result_changed.emit(None)
            return
        self.status.setText("")
        for widget in (self.results, self.chart, self.tables):
            widget.setEnabled(True)
        self.inputs, self.result = inputs, result
        self.results.show_result(result)
        self.chart.show_result(result)
        self.result_changed.emit(result)

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.reset_button.setText(self.tr("Reset to the model's defaults"))
        cash_flow, breakdown = self.table_tabs
        if self._touch:
            self.tables.setTabText(0, self.tr("Chart"))
        self.tables.setTabText(cash_flow, self.tr("Cash flow by year"))
        self.tables.setTabText(breakdown, self.tr("Where the money goes"))
        self.tables.setTabToolTip(
            cash_flow, self.tr("CNY per year; PV = present value, discounted at the discount rate")
        )
        self.tables.setTabToolTip(breakdown, self.tr("CNY over all years, not discounted"))
        self.form.retranslate()
        self.results.retranslate()
        self.chart.retranslate()
        self._show_header()
        if self.status.text():
            self.recalculate()

    def _show_header(self) -> None:
        lang = self._language()
        defaults = self._defaults
        name = defaults.name(lang) if defaults and defaults.model_id else ""
        self.title.setText(
            self.tr("Total cost of ownership: %1 vs diesel").replace("%1", name)
            if name
            else self.tr("Total cost of ownership: new-energy vs diesel truck")
        )
        powertrain = defaults.inputs.powertrain if defaults else "bev_charge"
        powertrain_label = SPEC_FIELDS["powertrain"].choice_label(powertrain, lang)
        self.subtitle.setText(
            self.tr(
                "%1 · change any figure to the buyer's own; results update as you type."
            ).replace("%1", powertrain_label)
        )
        notes = [note.render(lang) for note in defaults.notes] if defaults else []
        self.notes.setText("\n".join(f"• {note}" for note in notes))
        self.notes.setVisible(bool(notes))
