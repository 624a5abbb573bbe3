"""The readable copy of a person's data as a PDF (reportlab, the bundled Chinese font).

The service builds a ``PersonalDataDocument`` (titles, label/value rows, tables, all already in
the reader's language); this module only lays it out: A4, a heading, sections of two-column
rows and tables that break across pages, page numbers. No sessions, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from catalog_app.documents.fonts import register_cjk_font


@dataclass
class DocumentTable:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None  # shares of the text width


@dataclass
class DocumentSection:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)  # label, value
    paragraphs: list[str] = field(default_factory=list)
    tables: list[DocumentTable] = field(default_factory=list)
    empty_text: str = ""  # shown when the section has nothing


@dataclass
class PersonalDataDocument:
    title: str
    lines: list[str]  # under the title: who, when, why
    sections: list[DocumentSection]
    page_label: str  # "Page {page}" in the reader's language


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=17, leading=22, spaceAfter=4),
        "line": ParagraphStyle("line", parent=base, textColor=colors.HexColor("#444444")),
        "section": ParagraphStyle(
            "section",
            parent=base,
            fontSize=12.5,
            leading=17,
            spaceBefore=10,
            spaceAfter=4,
            textColor=colors.HexColor("#1b5e20"),
        ),
        "label": ParagraphStyle("label", parent=base, textColor=colors.HexColor("#555555")),
        "value": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "empty": ParagraphStyle("empty", parent=base, textColor=colors.HexColor("#777777")),
    }


def _text(value: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(value).replace("\n", "<br/>"), style)


def render_personal_data_pdf(document: PersonalDataDocument, path: Path) -> Path:
    """Write ``document`` to ``path`` as an A4 PDF; return the path."""
    font = register_cjk_font()
    styles = _styles(font)
    width = A4[0] - 36 * mm
    story: list[Flowable] = [_text(document.title, styles["title"])]
    story += [_text(line, styles["line"]) for line in document.lines]
    story.append(Spacer(1, 4 * mm))
    grid = colors.HexColor("#c8d3c8")
    for section in document.sections:
        story.append(_text(section.title, styles["section"]))
        if section.rows:
            rows = [
                [_text(label, styles["label"]), _text(value or "—", styles["value"])]
                for label, value in section.rows
            ]
            table = Table(rows, colWidths=[width * 0.3, width * 0.7], repeatRows=0)
            table.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.4, grid),
                        ("TOPPADDING", (0, 0), (-1, -1), 2),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ]
                )
            )
            story.append(table)
        story += [_text(paragraph, styles["value"]) for paragraph in section.paragraphs]
        for item in section.tables:
            shares = item.widths or [1 / len(item.headers)] * len(item.headers)
            cells = [[_text(h, styles["label"]) for h in item.headers]]
            cells += [[_text(value, styles["cell"]) for value in row] for row in item.rows]
            table = Table(cells, colWidths=[width * share for share in shares], repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8f0e8")),
                        ("GRID", (0, 0), (-1, -1), 0.4, grid),
                    ]
                )
            )
            story.append(Spacer(1, 2 * mm))
            story.append(table)
        if not (section.rows or section.paragraphs or section.tables) and section.empty_text:
            story.append(_text(section.empty_text, styles["empty"]))

    def number_pages(canvas: Canvas, _doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.HexColor("#666666"))
        text = document.page_label.format(page=canvas.getPageNumber())
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, text)
        canvas.restoreState()

    template = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=document.title,
    )
    template.build(story, onFirstPage=number_pages, onLaterPages=number_pages)
    return path
