"""The dashboard's charts (QtCharts): vertical and horizontal bar charts of counts and money.

Loaded the first time the dashboard is shown (QtCharts is not imported at start-up). A chart is
given plain (label, value) pairs already in the reader's language; it shows whole-number axes,
the value at the end of each bar, the full label as a tooltip when it had to be shortened, and a
plain sentence instead of empty axes when there is nothing to show.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget

BAR_COLOUR = "#1f6fb2"
LABEL_WIDTH = 190  # pixels for a horizontal chart's category labels


def nice_maximum(value: float) -> tuple[float, int]:
    """An axis maximum above ``value`` and a tick count giving whole-number steps."""
    if value <= 0:
        return 1.0, 2
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000):
        if value / step < 5:
            top = step * (int(value / step) + 1)
            return float(top), int(top / step) + 1
    step = 10 ** (len(str(int(value))) - 1)
    top = step * (int(value / step) + 1)
    return float(top), int(top / step) + 1


class BarChartCard(QWidget):
    """A titled bar chart, or a sentence when there is no data."""

    def __init__(self, name: str, horizontal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.horizontal = horizontal
        self.title = QLabel()
        self.title.setObjectName("chartTitle")
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        self.empty = QLabel()
        self.empty.setObjectName("chartEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(self.stack, 1)
        self.labels: list[str] = []
        self.values: list[float] = []

    def show_values(
        self,
        title: str,
        pairs: Sequence[tuple[str, float]],
        empty_text: str,
        value_format: str = "@value",
    ) -> None:
        """Draw ``pairs`` (label, value) in order (the first on top for horizontal charts)."""
        self.title.setText(title)
        self.labels = [label for label, _v in pairs]
        self.values = [float(v) for _l, v in pairs]
        if not any(self.values):
            self.empty.setText(empty_text)
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.view)
        previous = self.view.chart()
        self.view.setChart(self._chart(value_format))
        # setChart lets go of the previous chart without deleting it: every refresh of the
        # dashboard left six charts behind (megabytes an hour while the dashboard is open).
        previous.deleteLater()

    def _chart(self, value_format: str) -> QChart:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().hide()
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(0)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.5))
        bars = QBarSet("")
        bars.setColor(QColor(BAR_COLOUR))
        bars.setBorderColor(QColor(BAR_COLOUR))
        bars.setLabelColor(QColor("#1b2330"))
        bars.setLabelFont(font)
        labels = list(self.labels)
        values = list(self.values)
        if self.horizontal:  # QtCharts draws the first category at the bottom
            labels.reverse()
            values.reverse()
        bars.append(values)
        series: QAbstractBarSeries = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat(value_format)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        metrics = QFontMetrics(font)
        shown = [
            metrics.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_WIDTH)
            if self.horizontal
            else label
            for label in labels
        ]
        categories.append(_unique(shown))
        categories.setLabelsFont(font)
        categories.setTruncateLabels(False)  # QtCharts would cut every label to "…"
        counts = QValueAxis()
        top, ticks = nice_maximum(max(values) * 1.12)
        counts.setRange(0, top)
        counts.setTickCount(min(ticks, 7))
        counts.setLabelFormat("%.0f")
        counts.setLabelsFont(font)
        counts.setTruncateLabels(False)
        counts.setGridLineColor(QColor("#dde3ea"))
        if self.horizontal:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(counts)
        if any(s != label for s, label in zip(shown, labels, strict=True)):
            full = [f"{label}: {value:,.0f}" for label, value in pairs_of(self)]
            self.view.setToolTip("\n".join(full))
        else:
            self.view.setToolTip("")
        return chart


def pairs_of(card: BarChartCard) -> list[tuple[str, float]]:
    return list(zip(card.labels, card.values, strict=True))


def _unique(labels: list[str]) -> list[str]:
    """Category names must differ: shortened names that collide get zero-width spaces."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        count = seen.get(label, 0)
        seen[label] = count + 1
        out.append(label + "\u200b" * count)
    return out
