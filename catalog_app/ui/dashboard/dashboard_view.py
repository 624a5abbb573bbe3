"""What the dashboard shows: headline numbers, eight charts and two tables, from one
``DashboardFigures``. Data labels (ratings, industries, statuses) come from the shared
vocabularies in the reader's language; the UI's own words go through ``tr()``.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QScrollArea, QVBoxLayout, QWidget

from catalog_app.domain.spec_format import format_price
from catalog_app.services.dashboard import DashboardFigures
from catalog_app.services.exports import vocabulary as vocab
from catalog_app.services.exports.moments import offset_label
from catalog_app.ui.dashboard.dashboard_charts import BarChartCard
from catalog_app.ui.dashboard.dashboard_tiles import FiguresTable, KpiStrip

TOP_MODELS = 10
KPIS = ("leads", "hot", "interest", "models", "forms", "units", "value", "signed")


def money(value: Decimal, lang: str) -> str:
    return format_price(float(value), lang) if value else "—"


class DashboardView(QScrollArea):
    """The figures, laid out in two columns that scroll below the headline numbers."""

    def __init__(self, language, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self.setWidgetResizable(True)
        self._language = language
        self.figures: DashboardFigures | None = None
        content = QWidget()
        content.setObjectName("dashboardContent")
        self.kpis = KpiStrip(KPIS)
        self.by_day = BarChartCard("chartByDay")
        self.by_hour = BarChartCard("chartByHour")
        self.by_model = BarChartCard("chartByModel", horizontal=True)
        self.by_rating = BarChartCard("chartByRating", horizontal=True)
        self.by_industry = BarChartCard("chartByIndustry", horizontal=True)
        self.by_source = BarChartCard("chartBySource", horizontal=True)
        self.intent_units = BarChartCard("chartIntentUnits")
        self.intent_value = BarChartCard("chartIntentValue", horizontal=True)
        self.status_table = FiguresTable("intentStatusTable")
        self.staff_table = FiguresTable("staffTable")
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        cards = (
            (self.by_day, self.by_hour),
            (self.by_model, self.by_rating),
            (self.by_industry, self.by_source),
            (self.intent_units, self.intent_value),
            (self.status_table, self.staff_table),
        )
        for row, pair in enumerate(cards):
            for column, card in enumerate(pair):
                card.setProperty("card", True)
                if isinstance(card, FiguresTable):
                    grid.addWidget(card, row, column, Qt.AlignmentFlag.AlignTop)
                else:
                    grid.addWidget(card, row, column)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(self.kpis)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setWidget(content)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.figures is not None:
            self.show_figures(self.figures)
        super().changeEvent(event)

    # -- filling -----------------------------------------------------------------------------
    def show_figures(self, f: DashboardFigures) -> None:
        self.figures = f
        lang = self._language()
        self._kpis(f, lang)
        none = self.tr("No leads yet.")
        self.by_day.show_values(
            self.tr("Leads by day"), [(f"{d:%m-%d}", n) for d, n in f.by_day], none
        )
        self.by_hour.show_values(
            self.tr("Leads by hour of day (%1)").replace("%1", offset_label(f.offset)),
            [(str(h), n) for h, n in enumerate(f.by_hour)],
            none,
        )
        self.by_model.show_values(
            self.tr("Models with the most leads"),
            [(m.name(lang) or m.code, m.leads) for m in f.by_model[:TOP_MODELS]],
            self.tr("No lead has named a model yet."),
        )
        self.by_rating.show_values(
            self.tr("Leads by rating"),
            [
                (vocab.label(vocab.RATINGS, k.key, lang) or vocab.UNRATED.render(lang), k.count)
                for k in f.by_rating
            ],
            none,
        )
        self.by_industry.show_values(
            self.tr("Leads by industry"),
            [(self._industry(k.key, lang), k.count) for k in f.by_industry],
            none,
        )
        self.by_source.show_values(
            self.tr("Leads by source"),
            [(vocab.label(vocab.SOURCES, k.key, lang), k.count) for k in f.by_source],
            none,
        )
        no_intents = self.tr("No purchase intents yet.")
        self.intent_units.show_values(
            self.tr("Units in purchase intents, by status"),
            [(self._status(s.status, lang), s.units) for s in f.intents_by_status],
            no_intents,
        )
        divisor = 10_000 if lang.startswith("zh") else 1_000
        self.intent_value.show_values(
            self.tr("Value of intents by model (%1, not cancelled)").replace(
                "%1", self.tr("10,000 CNY") if divisor == 10_000 else self.tr("thousand CNY")
            ),
            [
                (row.name(lang), round(float(row.counted_value) / divisor))
                for row in f.intent_models[:TOP_MODELS]
                if row.counted_value
            ],
            no_intents,
            value_format="@value",
        )
        self._tables(f, lang)

    @staticmethod
    def _industry(key: str, lang: str) -> str:
        return vocab.label(vocab.INDUSTRIES, key, lang) or vocab.NO_INDUSTRY.render(lang)

    @staticmethod
    def _status(status: str, lang: str) -> str:
        return vocab.label(vocab.INTENT_STATUSES, status, lang)

    def _kpis(self, f: DashboardFigures, lang: str) -> None:
        set_tile = self.kpis.set
        set_tile("leads", f"{f.total_leads:,}", self.tr("Leads"))
        set_tile("hot", f"{f.hot_leads:,}", self.tr("Hot leads"))
        set_tile("interest", f"{f.units_of_interest:,}", self.tr("Units of interest"))
        set_tile("models", f"{len(f.by_model):,}", self.tr("Models with interest"))
        set_tile("forms", f"{f.intent_forms:,}", self.tr("Purchase intents"))
        set_tile("units", f"{f.intent_units:,}", self.tr("Units in intents"))
        set_tile("value", money(f.intent_value, lang), self.tr("Value of intents"))
        set_tile("signed", money(f.signed_value, lang), self.tr("Value signed"))

    def _tables(self, f: DashboardFigures, lang: str) -> None:
        rows = [
            [
                vocab.label(vocab.INTENT_STATUSES, s.status, lang),
                f"{s.forms:,}",
                f"{s.units:,}",
                money(s.value, lang),
            ]
            for s in f.intents_by_status
        ]
        if f.intents_by_status:
            rows.append(
                [
                    self.tr("Total (not cancelled)"),
                    f"{f.intent_forms:,}",
                    f"{f.intent_units:,}",
                    money(f.intent_value, lang),
                ]
            )
        self.status_table.show_rows(
            self.tr("Purchase intents by status"),
            [self.tr("Status"), self.tr("Forms"), self.tr("Units"), self.tr("Value")],
            rows,
            self.tr("No purchase intents yet."),
            bold_last=True,
        )
        staff_rows = [
            [
                s.name or vocab.NO_STAFF.render(lang),
                f"{s.leads:,}",
                f"{s.hot:,}",
                f"{s.intents:,}",
                f"{s.units:,}",
                money(s.value, lang),
            ]
            for s in f.by_staff
        ]
        self.staff_table.show_rows(
            self.tr("Results per staff member"),
            [
                self.tr("Staff member"),
                self.tr("Leads"),
                self.tr("Hot"),
                self.tr("Intents"),
                self.tr("Units"),
                self.tr("Value"),
            ],
            staff_rows,
            self.tr("No leads yet."),
        )
