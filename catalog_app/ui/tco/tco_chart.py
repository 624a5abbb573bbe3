"""The TCO chart: cumulative discounted cost of both trucks over the years, break-even marked.

Two lines (new-energy in green, diesel in grey-brown) of the cumulative present value at the
end of each year, in 10,000 CNY (万元) for Chinese readers and thousand CNY for English ones;
a dashed vertical line and a dot where the new-energy truck gets ahead for good.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from catalog_app.services.tco import TcoResult

NEV_COLOUR = "#2e7d32"
DIESEL_COLOUR = "#8d6e63"
MARK_COLOUR = "#1565c0"


def _scale(lang: str) -> tuple[float, str]:
    if lang.startswith("zh"):
        return 10_000.0, QCoreApplication.translate("TcoChart", "10,000 CNY")
    return 1_000.0, QCoreApplication.translate("TcoChart", "thousand CNY")


class TcoChart(QChartView):
    """Cumulative cost, new-energy vs diesel."""

    def __init__(
        self, language: Callable[[], str], touch: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tcoChart")
        self._language = language
        self._touch = touch
        self._result: TcoResult | None = None
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(160 if touch else 180)
        chart = QChart()
        chart.setBackgroundRoundness(4)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)
        self.nev_series = QLineSeries()
        self.diesel_series = QLineSeries()
        self.break_even_line = QLineSeries()
        self.break_even_dot = QScatterSeries()
        for series, colour, width in (
            (self.nev_series, NEV_COLOUR, 3),
            (self.diesel_series, DIESEL_COLOUR, 3),
        ):
            series.setPen(QPen(QColor(colour), width))
            series.setPointsVisible(True)
            chart.addSeries(series)
        pen = QPen(QColor(MARK_COLOUR), 2, Qt.PenStyle.DashLine)
        self.break_even_line.setPen(pen)
        chart.addSeries(self.break_even_line)
        self.break_even_dot.setColor(QColor(MARK_COLOUR))
        self.break_even_dot.setMarkerSize(14 if touch else 11)
        chart.addSeries(self.break_even_dot)
        self.x_axis = QValueAxis()
        self.x_axis.setLabelFormat("%d")
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%.0f")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (
            self.nev_series,
            self.diesel_series,
            self.break_even_line,
            self.break_even_dot,
        ):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        if touch:
            font = QFont(chart.font())
            font.setPointSizeF(font.pointSizeF() * 1.3)
            for axis in (self.x_axis, self.y_axis):
                axis.setLabelsFont(font)
            chart.legend().setFont(font)
        self.retranslate()

    def show_result(self, result: TcoResult | None) -> None:
        self._result = result
        self._redraw()

    def retranslate(self) -> None:
        self.nev_series.setName(QCoreApplication.translate("TcoChart", "New-energy truck"))
        self.diesel_series.setName(QCoreApplication.translate("TcoChart", "Diesel truck"))
        self.break_even_line.setName(QCoreApplication.translate("TcoChart", "Break-even"))
        self.x_axis.setTitleText(QCoreApplication.translate("TcoChart", "Year"))
        self._redraw()

    def _redraw(self) -> None:
        chart = self.chart()
        lang = self._language()
        divisor, unit = _scale(lang)
        chart.setTitle(QCoreApplication.translate("TcoChart", "Cumulative cost (discounted)"))
        self.y_axis.setTitleText(unit)
        result = self._result
        for series in (self.nev_series, self.diesel_series, self.break_even_line):
            series.clear()
        self.break_even_dot.clear()
        if result is None:
            return
        rows = result.rows
        self.nev_series.replace([QPointF(r.year, r.ev_cumulative / divisor) for r in rows])
        self.diesel_series.replace([QPointF(r.year, r.diesel_cumulative / divisor) for r in rows])
        values = [v for r in rows for v in (r.ev_cumulative, r.diesel_cumulative)]
        low, high = min(0.0, min(values) / divisor), max(values) / divisor
        span = (high - low) or 1.0
        self.y_axis.setRange(low, high + span * 0.08)
        self.y_axis.applyNiceNumbers()
        last = max(1, rows[-1].year)
        self.x_axis.setRange(0, last)
        self.x_axis.setTickCount(min(last, 10) + 1)
        when = result.break_even_years
        self.break_even_line.setVisible(when is not None)
        self.break_even_dot.setVisible(when is not None)
        chart.legend().markers(self.break_even_dot)[0].setVisible(False)
        if when is not None:
            year = result.break_even_year or 0
            before = rows[max(year - 1, 0)]
            at = rows[year]
            share = when - (year - 1) if year > 0 else 0.0
            level = before.ev_cumulative + (at.ev_cumulative - before.ev_cumulative) * share
            self.break_even_line.replace(
                [QPointF(when, self.y_axis.min()), QPointF(when, self.y_axis.max())]
            )
            self.break_even_dot.replace([QPointF(when, level / divisor)])
