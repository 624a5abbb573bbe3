"""A light side-by-side layout: columns of flowables, top-aligned, with optional rules.

For the form's fixed blocks (letterhead, parties, totals, signatures) a platypus ``Table`` is
more machinery than needed and costs several times as much to lay out and draw; ``Columns``
stacks each column's flowables and draws a box, dividers or a rule below. It does not split
across pages (the blocks are short; the caller keeps them together).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable


@dataclass(frozen=True)
class Rules:
    """Lines drawn around or between the columns (width 0: none)."""

    color: Color | None = None
    box: float = 0.0
    dividers: float = 0.0
    below: float = 0.0
    below_color: Color | None = None


class Columns(Flowable):
    """``cells[i]`` is the list of flowables stacked in column ``i`` (``widths[i]`` wide)."""

    def __init__(
        self,
        cells: list[list[Flowable]],
        widths: list[float],
        *,
        padding: tuple[float, float, float, float] = (0, 0, 0, 0),  # left, top, right, bottom
        rules: Rules | None = None,
        indents: list[float] | None = None,
        space_before: float = 0.0,
        space_after: float = 0.0,
    ) -> None:
        super().__init__()
        if len(cells) != len(widths):
            raise ValueError("one width per column")
        self.cells = cells
        self.widths = widths
        self.padding = padding
        self.rules = rules or Rules()
        self.indents = indents or [0.0] * len(widths)
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._heights: list[list[float]] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        left, top, right, bottom = self.padding
        self._heights = []
        tallest = 0.0
        for column, width, indent in zip(self.cells, self.widths, self.indents, strict=True):
            inner = width - left - right - indent
            heights = []
            for item in column:
                _w, height = item.wrap(inner, available_height)
                heights.append(height + item.getSpaceBefore() + item.getSpaceAfter())
            self._heights.append(heights)
            tallest = max(tallest, sum(heights))
        self.width = sum(self.widths)
        self.height = tallest + top + bottom
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canvas = self.canv
        left, top, _right, _bottom = self.padding
        x = 0.0
        for index, column in enumerate(self.cells):
            y = self.height - top
            for item, height in zip(column, self._heights[index], strict=True):
                y -= height
                item.drawOn(canvas, x + left + self.indents[index], y + item.getSpaceAfter())
            x += self.widths[index]
        self._draw_rules()

    def _draw_rules(self) -> None:
        rules = self.rules
        canvas = self.canv
        if rules.color is not None and (rules.box or rules.dividers):
            canvas.saveState()
            canvas.setStrokeColor(rules.color)
            if rules.box:
                canvas.setLineWidth(rules.box)
                canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
            if rules.dividers:
                canvas.setLineWidth(rules.dividers)
                x = 0.0
                for width in self.widths[:-1]:
                    x += width
                    canvas.line(x, 0, x, self.height)
            canvas.restoreState()
        if rules.below and rules.below_color is not None:
            canvas.saveState()
            canvas.setStrokeColor(rules.below_color)
            canvas.setLineWidth(rules.below)
            canvas.line(0, 0, self.width, 0)
            canvas.restoreState()
