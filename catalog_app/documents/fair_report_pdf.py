"""The printable fair report (A4 PDF): headline figures, charts, top models, intent totals and a
table per staff member.

This module only lays out what it is given: ``FairReport`` holds texts already in the reader's
language and numbers already formatted (``services/exports/fair_report`` builds it from the
dashboard's figures). Charts are vector drawings (``fair_report_charts``); every text uses the
bundled CJK font, embedded as a subset, so Chinese prints on a machine without Chinese fonts.
Every page carries the fair's name and "page x of y".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from catalog_app.documents.fair_report_charts import ChartSpec, chart_drawing
from catalog_app.documents.fonts import register_cjk_font

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
INK = colors.HexColor("#1b2330")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#9aa7b6")
HEADER_FILL = colors.HexColor("#e6edf5")
TOTAL_FILL = colors.HexColor("#f3f6f9")
NOTICE_FILL = colors.HexColor("#fff4d6")


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str


@dataclass(frozen=True)
class ReportTable:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the content width
    numeric: frozenset[int] = frozenset()  # right-aligned columns
    total: tuple[str, ...] | None = None
    empty_text: str = ""
    note: str = ""


@dataclass(frozen=True)
class ChartRow:
    charts: tuple[ChartSpec, ...]
    height: float = 62 * mm


Block = ChartRow | ReportTable | str


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]
    new_page: bool = False


@dataclass(frozen=True)
class FairReport:
    lang: str
    title: str
    facts: tuple[str, ...]  # lines under the title: fair, venue, period, made at
    kpis: tuple[Kpi, ...]
    sections: tuple[Section, ...]
    running_title: str  # top of every page
    page_label: str  # "第 {page} 页，共 {pages} 页" / "Page {page} of {pages}"
    notice: str = ""  # e.g. "sample data: …" under the title
    footer_note: str = ""  # a few words at the foot of every page (e.g. "SAMPLE DATA")
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    fact: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    kpi_value: ParagraphStyle
    kpi_label: ParagraphStyle
    notice: ParagraphStyle


def _styles(font: str) -> _Styles:
    def style(name: str, size: float, color: Any = INK, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * 1.35, textColor=color,
            wordWrap="CJK", **extra,
        )  # fmt: skip

    return _Styles(
        title=style("title", 20, ACCENT, spaceAfter=4),
        fact=style("fact", 9, MUTED),
        heading=style("heading", 13, ACCENT, spaceBefore=8, spaceAfter=5),
        subheading=style("subheading", 10, ACCENT, spaceBefore=6, spaceAfter=3),
        body=style("body", 8.5, MUTED, spaceAfter=3),
        cell=style("cell", 8),
        cell_right=style("cell_right", 8, alignment=2),
        head=style("head", 8, ACCENT),
        head_right=style("head_right", 8, ACCENT, alignment=2),
        kpi_value=style("kpi_value", 15, ACCENT, alignment=TA_CENTER),
        kpi_label=style("kpi_label", 7.8, MUTED, alignment=TA_CENTER),
        notice=style("notice", 8.5, colors.HexColor("#5c4400")),
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _kpi_table(kpis: tuple[Kpi, ...], styles: _Styles) -> Flowable:
    per_row = 4
    cells: list[list[Any]] = []
    for start in range(0, len(kpis), per_row):
        chunk = list(kpis[start : start + per_row])
        chunk += [Kpi("", "")] * (per_row - len(chunk))
        cells.append(
            [
                [
                    Paragraph(_escape(k.value), styles.kpi_value),
                    Paragraph(_escape(k.label), styles.kpi_label),
                ]
                for k in chunk
            ]
        )
    table = Table(cells, colWidths=[CONTENT_WIDTH / per_row] * per_row)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), TOTAL_FILL),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _chart_row(row: ChartRow, font: str) -> Flowable:
    gap = 6 * mm
    width = (CONTENT_WIDTH - gap * (len(row.charts) - 1)) / len(row.charts)
    drawings = [chart_drawing(spec, font, width, row.height) for spec in row.charts]
    cells: list[Any] = []
    for index, drawing in enumerate(drawings):
        if index:
            cells.append("")
        cells.append(drawing)
    widths: list[float] = []
    for index in range(len(drawings)):
        if index:
            widths.append(gap)
        widths.append(width)
    table = Table([cells], colWidths=widths)
    table.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    )
    return table


def _table(spec: ReportTable, styles: _Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(_escape(spec.title), styles.subheading)]
    if not spec.rows:
        out.append(Paragraph(_escape(spec.empty_text), styles.body))
        return out

    def cells(values: tuple[str, ...], head: bool = False) -> list[Paragraph]:
        return [
            Paragraph(
                _escape(value),
                (styles.head_right if head else styles.cell_right)
                if index in spec.numeric
                else (styles.head if head else styles.cell),
            )
            for index, value in enumerate(values)
        ]

    data = [cells(spec.headers, head=True), *(cells(row) for row in spec.rows)]
    if spec.total is not None:
        data.append(cells(spec.total))
    table = Table(data, colWidths=[CONTENT_WIDTH * w for w in spec.widths], repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if spec.total is not None:
        commands += [
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
        ]
    table.setStyle(TableStyle(commands))
    out.append(table)
    if spec.note:
        out.append(Paragraph(_escape(spec.note), styles.body))
    return out


def _story(report: FairReport, font: str, styles: _Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(_escape(report.title), styles.title)]
    story += [Paragraph(_escape(line), styles.fact) for line in report.facts]
    if report.notice:
        notice = Table([[Paragraph(_escape(report.notice), styles.notice)]], [CONTENT_WIDTH])
        notice.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL)]))
        story += [Spacer(1, 3 * mm), notice]
    story += [Spacer(1, 4 * mm), _kpi_table(report.kpis, styles)]
    for section in report.sections:
        story.append(PageBreak() if section.new_page else CondPageBreak(70 * mm))
        story.append(Paragraph(_escape(section.title), styles.heading))
        for block in section.blocks:
            if isinstance(block, ChartRow):
                story += [_chart_row(block, font), Spacer(1, 3 * mm)]
            elif isinstance(block, ReportTable):
                parts = _table(block, styles)
                story.append(KeepTogether(parts) if len(block.rows) <= 12 else parts[0])
                if len(block.rows) > 12:
                    story += parts[1:]
                story.append(Spacer(1, 3 * mm))
            else:
                story.append(Paragraph(_escape(block), styles.body))
    return story


def _canvas_class(report: FairReport, font: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds pages back until the end, then writes the running title and "page x of y"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(pages)
                super().showPage()
            super().save()

        def _decorate(self, pages: int) -> None:
            self.saveState()
            self.setFont(font, 7.5)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            top = PAGE_HEIGHT - MARGIN_TOP + 5 * mm
            self.drawString(MARGIN_X, top, report.running_title)
            self.line(MARGIN_X, top - 2, PAGE_WIDTH - MARGIN_X, top - 2)
            label = report.page_label.format(page=self._pageNumber, pages=pages)
            self.drawRightString(PAGE_WIDTH - MARGIN_X, MARGIN_BOTTOM - 9 * mm, label)
            if report.footer_note:
                self.drawString(MARGIN_X, MARGIN_BOTTOM - 9 * mm, report.footer_note)
            self.restoreState()

    return NumberedCanvas


def render_fair_report(report: FairReport, target: Path | IO[bytes]) -> None:
    """Write the report as a PDF to a path or a binary file object."""
    font = register_cjk_font()
    styles = _styles(font)
    document = SimpleDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=report.title,
        author=report.meta.get("author", "catalog-app"),
        subject=report.meta.get("subject", ""),
        lang="zh-CN" if report.lang.startswith("zh") else "en",
    )
    document.build(_story(report, font, styles), canvasmaker=_canvas_class(report, font))
