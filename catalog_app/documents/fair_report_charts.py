"""Charts of the fair report, drawn as vectors with ``reportlab.graphics`` (never screenshots).

Three kinds: vertical bars (leads by day, by hour of day), horizontal bars with long labels
(models, industries, staff) and a line (leads through the day). Every label uses the bundled
CJK font; values are printed on the bars so the page reads without a ruler.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

BAR = colors.HexColor("#1f6fb2")
LINE = colors.HexColor("#c0392b")
GRID = colors.HexColor("#d5dde6")
INK = colors.HexColor("#1b2330")
MUTED = colors.HexColor("#5f6b7a")


class ChartKind(StrEnum):
    BARS = "bars"  # vertical bars
    ROWS = "rows"  # horizontal bars, one row per category
    LINE = "line"


@dataclass(frozen=True)
class ChartSpec:
    title: str
    kind: ChartKind
    categories: tuple[str, ...]
    values: tuple[float, ...]
    empty_text: str = ""  # shown instead of a chart without data
    label_every: int = 1  # vertical bars: label every n-th category


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis until it is at most ``width`` points wide."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def nice_axis(value: float) -> tuple[float, float]:
    """(maximum, step) of a count axis: whole-number steps, about five of them, above ``value``."""
    if value <= 0:
        return 1.0, 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000):
        if value / step < 5:
            return float(step * (int(value / step) + 1)), float(step)
    step = 10 ** (len(str(int(value))) - 1)
    return float(step * (int(value / step) + 1)), float(step)


def _scale(axis, top: float) -> None:  # type: ignore[no-untyped-def]
    maximum, step = nice_axis(top)
    axis.valueMin = 0
    axis.valueMax = maximum
    axis.valueStep = step
    axis.labelTextFormat = lambda v: f"{v:,.0f}"


def _title(drawing: Drawing, spec: ChartSpec, font: str, width: float, height: float) -> None:
    drawing.add(String(0, height - 12, spec.title, fontName=font, fontSize=9.5, fillColor=INK))
    if not any(spec.values):
        drawing.add(
            String(
                width / 2,
                height / 2,
                spec.empty_text,
                fontName=font,
                fontSize=9,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )


def chart_drawing(spec: ChartSpec, font: str, width: float, height: float) -> Drawing:
    """The chart of ``spec`` in a ``width`` × ``height`` point drawing (title included)."""
    drawing = Drawing(width, height)
    _title(drawing, spec, font, width, height)
    if not any(spec.values):
        return drawing
    if spec.kind is ChartKind.ROWS:
        drawing.add(_rows(spec, font, width, height - 18))
    elif spec.kind is ChartKind.LINE:
        drawing.add(_line(spec, font, width, height - 18))
    else:
        drawing.add(_bars(spec, font, width, height - 18))
    return drawing


def _style_axis_labels(axis, font: str, size: float = 7.5) -> None:  # type: ignore[no-untyped-def]
    axis.labels.fontName = font
    axis.labels.fontSize = size
    axis.labels.fillColor = INK
    axis.strokeColor = GRID


def _bars(spec: ChartSpec, font: str, width: float, height: float) -> VerticalBarChart:
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 22
    chart.width, chart.height = width - 36, height - 34
    chart.data = [list(spec.values)]
    chart.categoryAxis.categoryNames = [
        name if index % max(spec.label_every, 1) == 0 else ""
        for index, name in enumerate(spec.categories)
    ]
    _style_axis_labels(chart.categoryAxis, font)
    _style_axis_labels(chart.valueAxis, font)
    _scale(chart.valueAxis, max(spec.values))
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.visibleGrid = True
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: f"{v:,.0f}" if v else ""
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 6
    chart.barSpacing = 1
    chart.groupSpacing = 3
    return chart


def _rows(spec: ChartSpec, font: str, width: float, height: float) -> HorizontalBarChart:
    chart = HorizontalBarChart()
    label_width = min(width * 0.42, 170)
    chart.x, chart.y = label_width, 14
    chart.width, chart.height = width - label_width - 30, height - 20
    # reportlab draws the first category at the bottom: reverse, so the largest is on top.
    chart.data = [list(reversed(spec.values))]
    chart.categoryAxis.categoryNames = [
        fit_text(c, font, 7.5, label_width - 8) for c in reversed(spec.categories)
    ]
    _style_axis_labels(chart.categoryAxis, font)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    _style_axis_labels(chart.valueAxis, font, 7)
    _scale(chart.valueAxis, max(spec.values))
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: f"{v:,.0f}" if v else ""
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barSpacing = 2
    return chart


def _line(spec: ChartSpec, font: str, width: float, height: float) -> HorizontalLineChart:
    chart = HorizontalLineChart()
    chart.x, chart.y = 28, 22
    chart.width, chart.height = width - 36, height - 34
    chart.data = [list(spec.values)]
    chart.categoryAxis.categoryNames = [
        name if index % max(spec.label_every, 1) == 0 else ""
        for index, name in enumerate(spec.categories)
    ]
    _style_axis_labels(chart.categoryAxis, font)
    _style_axis_labels(chart.valueAxis, font)
    _scale(chart.valueAxis, max(spec.values))
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.lines[0].strokeColor = LINE
    chart.lines[0].strokeWidth = 1.6
    chart.joinedLines = 1
    return chart
