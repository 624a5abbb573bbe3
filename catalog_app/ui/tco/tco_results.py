"""The TCO results: headline figures, the yearly cash-flow table and the cost breakdown.

Every figure comes straight from ``TcoResult`` (the service's numbers, only formatted), so what
the screen shows equals ``catalog-app tco --json`` for the same inputs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.tco import CostLines, TcoResult
from catalog_app.ui.tco.tco_format import money, per_unit, tonnes, whole_cny

COST_LINES = (
    "purchase",
    "energy",
    "maintenance",
    "insurance",
    "tolls",
    "battery_rent",
    "financing",
    "residual",
)


def _line_labels() -> dict[str, str]:
    return {
        "purchase": QCoreApplication.translate("TcoResults", "Purchase (after subsidy, with tax)"),
        "energy": QCoreApplication.translate("TcoResults", "Energy"),
        "maintenance": QCoreApplication.translate("TcoResults", "Maintenance"),
        "insurance": QCoreApplication.translate("TcoResults", "Insurance"),
        "tolls": QCoreApplication.translate("TcoResults", "Tolls"),
        "battery_rent": QCoreApplication.translate("TcoResults", "Battery rent"),
        "financing": QCoreApplication.translate("TcoResults", "Loan payments"),
        "residual": QCoreApplication.translate("TcoResults", "Residual value"),
    }


def break_even_text(result: TcoResult) -> str:
    if result.break_even_year is None:
        years = result.inputs.whole_years
        if years == 1:
            return QCoreApplication.translate("TcoResults", "None within 1 year")
        return QCoreApplication.translate("TcoResults", "None within %1 years").replace(
            "%1", str(years)
        )
    if result.break_even_year == 0:
        return QCoreApplication.translate("TcoResults", "From the day of purchase")
    return (
        QCoreApplication.translate("TcoResults", "After about %1 years (in year %2)")
        .replace("%1", f"{result.break_even_years or 0:.1f}")
        .replace("%2", str(result.break_even_year))
    )


class _Figure(QFrame):
    """A caption over a big value (and a smaller second line)."""

    def __init__(self, name: str, touch: bool) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#{name} {{ background: #ffffff; border: 1px solid #dde3ea; "
            "border-radius: 6px; }"
        )
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #5f6b7a;")
        self.value = QLabel()
        self.value.setWordWrap(True)
        self.value.setObjectName(f"{name}Value")
        self._value_style = f"font-size: {20 if touch else 15}pt; font-weight: bold;"
        self.set_value("—")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #34495e;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def set_value(self, text: str, colour: str = "#1f2d3d") -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"{self._value_style} color: {colour};")


class TcoResults(QWidget):
    """Headline figures of one result (this widget) and its two tables (``cash_flow``,
    ``breakdown``: laid out by the page, e.g. in tabs)."""

    def __init__(
        self, language: Callable[[], str], touch: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._touch = touch
        self._result: TcoResult | None = None
        self.savings = _Figure("tcoSavings", touch)
        self.break_even = _Figure("tcoBreakEven", touch)
        self.per_km = _Figure("tcoPerKm", touch)
        self.co2 = _Figure("tcoCo2", touch)
        figures = QGridLayout()
        figures.setSpacing(8)
        for column, figure in enumerate((self.savings, self.break_even, self.per_km, self.co2)):
            figures.addWidget(figure, 0, column)
            figures.setColumnStretch(column, 1)
        figures.setContentsMargins(0, 0, 0, 0)
        self.setLayout(figures)
        self.cash_flow = self._table("tcoCashFlow")
        self.breakdown = self._table("tcoBreakdown")

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget()
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setAlternatingRowColors(True)
        if self._touch:
            table.verticalHeader().setDefaultSectionSize(40)
        return table

    def show_result(self, result: TcoResult | None) -> None:
        self._result = result
        self.retranslate()

    def cell_text(self, table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text() if item is not None else ""

    def retranslate(self) -> None:
        lang = self._language()
        self.savings.caption.setText(
            QCoreApplication.translate("TcoResults", "Savings with the new-energy truck")
        )
        self.break_even.caption.setText(QCoreApplication.translate("TcoResults", "Break-even"))
        self.per_km.caption.setText(
            QCoreApplication.translate("TcoResults", "Cost per km (new-energy / diesel)")
        )
        self.co2.caption.setText(QCoreApplication.translate("TcoResults", "CO₂ avoided"))
        result = self._result
        if result is None:
            for figure in (self.savings, self.break_even, self.per_km, self.co2):
                figure.set_value("—")
                figure.detail.setText("")
            self.cash_flow.setRowCount(0)
            self.breakdown.setRowCount(0)
            return
        if result.savings >= 0:
            self.savings.set_value(money(result.savings, lang), "#2e7d32")
        else:
            self.savings.caption.setText(
                QCoreApplication.translate("TcoResults", "Extra cost of the new-energy truck")
            )
            self.savings.set_value(money(-result.savings, lang), "#b23c17")
        self.savings.detail.setText(
            QCoreApplication.translate("TcoResults", "TCO %1 vs %2")
            .replace("%1", money(result.ev.total, lang))
            .replace("%2", money(result.diesel.total, lang))
        )
        self.break_even.set_value(break_even_text(result))
        self.break_even.detail.setText(
            QCoreApplication.translate("TcoResults", "Discount rate %1 %").replace(
                "%1", f"{result.inputs.discount_rate_pct:g}"
            )
        )
        self.per_km.set_value(
            f"{per_unit(result.ev.per_km, 2)} / {per_unit(result.diesel.per_km, 2)}"
        )
        self.per_km.detail.setText(
            QCoreApplication.translate("TcoResults", "Per tonne-km: %1 / %2")
            .replace("%1", per_unit(result.ev.per_tonne_km, 3))
            .replace("%2", per_unit(result.diesel.per_tonne_km, 3))
        )
        years = max(1, result.inputs.whole_years)
        avoided = result.co2_avoided_kg
        if avoided < 0:
            self.co2.caption.setText(
                QCoreApplication.translate("TcoResults", "Extra CO₂ of the new-energy truck")
            )
        self.co2.set_value(
            QCoreApplication.translate("TcoResults", "%1 t").replace("%1", tonnes(abs(avoided)))
        )
        self.co2.detail.setText(
            QCoreApplication.translate("TcoResults", "%1 t a year").replace(
                "%1", tonnes(abs(avoided) / years)
            )
        )
        self._fill_cash_flow(result)
        self._fill_breakdown(result)

    def _fill_cash_flow(self, result: TcoResult) -> None:
        headers = [
            QCoreApplication.translate("TcoResults", "Year"),
            QCoreApplication.translate("TcoResults", "New-energy"),
            QCoreApplication.translate("TcoResults", "Diesel"),
            QCoreApplication.translate("TcoResults", "New-energy\ncumulative PV"),
            QCoreApplication.translate("TcoResults", "Diesel\ncumulative PV"),
            QCoreApplication.translate("TcoResults", "Savings\ncumulative PV"),
        ]
        table = self.cash_flow
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(result.rows))
        for line, row in enumerate(result.rows):
            cells = (
                str(row.year),
                whole_cny(row.ev.total),
                whole_cny(row.diesel.total),
                whole_cny(row.ev_cumulative),
                whole_cny(row.diesel_cumulative),
                whole_cny(row.cumulative_savings),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 5 and row.cumulative_savings < 0:
                    item.setForeground(Qt.GlobalColor.darkRed)
                table.setItem(line, column, item)

    def _fill_breakdown(self, result: TcoResult) -> None:
        labels = _line_labels()
        table = self.breakdown
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("TcoResults", "Cost"),
                QCoreApplication.translate("TcoResults", "New-energy"),
                QCoreApplication.translate("TcoResults", "Diesel"),
            ]
        )

        def total(lines: tuple[CostLines, ...], name: str) -> float:
            return sum(float(getattr(line, name)) for line in lines)

        ev = tuple(row.ev for row in result.rows)
        diesel = tuple(row.diesel for row in result.rows)
        shown = [n for n in COST_LINES if total(ev, n) != 0 or total(diesel, n) != 0]
        table.setRowCount(len(shown) + 1)
        for line, name in enumerate([*shown, "total"]):
            if name == "total":
                cells = (
                    QCoreApplication.translate("TcoResults", "Total"),
                    whole_cny(result.ev.nominal_total),
                )
                cells += (whole_cny(result.diesel.nominal_total),)
            else:
                cells = (labels[name], whole_cny(total(ev, name)), whole_cny(total(diesel, name)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(line, column, item)
