"""Render a purchase-intent form (购车意向书) as an A4 PDF with reportlab: ``render_intent_pdf``.

The page: the seller's letterhead (logo, name, credit code, address, contact) with a QR code of
the reference; the title, date and place; the parties; the vehicles (a table whose header is
repeated on every page it runs over); the total in figures and in Chinese capital numerals; the
terms; signature and seal blocks for both parties; an optional TCO page. Every page has the DRAFT
watermark until the form is signed, the reference, and "page x of y" (``intent_page``).

Text is drawn in the bundled CJK font, embedded as a subset; if the font is missing this fails
loudly (``MissingFontError``) instead of printing boxes. No sessions are opened here: the intents
service hands over an ``IntentDocument`` with everything already read.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
    Table,
)

from catalog_app.documents import intent_labels as L
from catalog_app.documents.columns import Columns
from catalog_app.documents.fonts import register_cjk_font
from catalog_app.documents.intent_blocks import (
    letterhead_block,
    parties_block,
    signature_block,
    title_block,
)
from catalog_app.documents.intent_document import IntentDocument, shown
from catalog_app.documents.intent_page import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RUNNING_HEADER,
    PageDecor,
    numbered_canvas,
)
from catalog_app.documents.intent_styles import (
    HEADER_FILL,
    MUTED,
    RULE,
    TOTAL_FILL,
    IntentStyles,
    bilingual,
    bilingual_runs,
    block,
    make_styles,
    runs_of,
    table_style,
    text_block,
)
from catalog_app.documents.intent_tco import tco_story
from catalog_app.documents.text_block import NEWLINE, PARAGRAPH, Run
from catalog_app.domain.text import Bilingual

CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
KEEP_WITH_HEADING = 62  # points: a heading and about two lines of its text
SIGNATURE_HEIGHT = 64 * mm  # the heading and both parties' signature and seal blocks
LINE_COLUMNS = (9 * mm, 55 * mm, 45 * mm, 15 * mm, 25 * mm, CONTENT_WIDTH - 149 * mm)


@lru_cache(maxsize=4)
def _styles(font: str) -> IntentStyles:
    return make_styles(font)


def format_money(value: Decimal) -> str:
    return f"{value:,.2f}"


def format_date(value: date, language: str) -> str:
    if language == "en":
        return f"{value.day} {value.strftime('%B')} {value.year}"
    return f"{value.year}年{value.month}月{value.day}日"


def _heading(number: int, text: Bilingual, language: str, styles: IntentStyles) -> Flowable:
    numbered = Bilingual(zh=f"{L.clause_number(number, 'zh')}{text.zh}", en=f"{number}. {text.en}")
    if language == "en":
        numbered = Bilingual(zh=numbered.en, en=numbered.en)
    return bilingual(numbered, language, styles.font, styles.heading, inline=True)


def _line_cells(document: IntentDocument, styles: IntentStyles) -> list[list[object]]:
    language, font = document.language, styles.font
    head = styles.head_cell
    header = [
        bilingual(text, language, font, style)
        for text, style in (
            (L.COL_NO, head),
            (L.COL_MODEL, head),
            (L.COL_CONFIG, head),
            (L.COL_QTY, styles.head_cell_right),
            (L.COL_UNIT, styles.head_cell_right),
            (L.COL_SUBTOTAL, styles.head_cell_right),
        )
    ]
    rows: list[list[object]] = [header]
    cell = styles.cell
    announcement, _ = shown(L.ANNOUNCEMENT, language)
    for line in document.lines:
        model: list[Run | str] = runs_of(line.name, cell)
        if line.name_secondary:
            model += [NEWLINE, *runs_of(line.name_secondary, cell, sub=True)]
        if line.announcement_no:
            model += [NEWLINE, *runs_of(f"{announcement} {line.announcement_no}", cell, sub=True)]
        config: list[Run | str] = []
        for label, value in (
            (L.BATTERY, line.battery),
            (L.ENERGY, shown(line.energy_mode, language)[0]),
            (L.COLOUR, line.colour),
        ):
            if value:
                name, _ = shown(label, language)
                colon = ": " if language == "en" else "："
                if config:
                    config.append(NEWLINE)
                config += [Run(name + colon, cell.size, MUTED), *runs_of(value, cell)]
        rows.append(
            [
                str(line.number),
                block(model, font, cell),
                block(config, font, cell),
                f"{line.quantity:,}",
                format_money(line.unit_price),
                format_money(line.subtotal),
            ]
        )
    rows.append(
        [
            "",
            bilingual(L.TOTAL, language, font, styles.cell, inline=True),
            "",
            f"{document.total_units:,}",
            "",
            format_money(document.total_value),
        ]
    )
    return rows


def _lines_table(document: IntentDocument, styles: IntentStyles) -> Table:
    rows = _line_cells(document, styles)
    last = len(rows) - 1
    table = Table(rows, colWidths=LINE_COLUMNS, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            styles.font,
            [
                ("FONT", (0, 0), (-1, -1), styles.font, styles.cell.size, styles.cell.size * 1.3),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("BACKGROUND", (0, last), (-1, last), TOTAL_FILL),
                ("SPAN", (1, last), (2, last)),
                ("LINEABOVE", (0, 0), (-1, 0), 0.9, RULE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                ("LINEBELOW", (0, 1), (-1, last - 1), 0.25, RULE),
                ("LINEABOVE", (0, last), (-1, last), 0.6, RULE),
                ("LINEBELOW", (0, last), (-1, last), 0.9, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ],
        )
    )
    return table


def _totals(document: IntentDocument, styles: IntentStyles) -> list[Flowable]:
    language, font = document.language, styles.font
    figures = f"¥{format_money(document.total_value)}"
    words = f"人民币{document.total_in_words}"
    widths = [52 * mm, CONTENT_WIDTH - 52 * mm]
    return [
        Columns(
            [
                [bilingual(label, language, font, styles.label)],
                [text_block(value, font, styles.strong)],
            ],
            widths,
            padding=(3, 2, 3, 2),
        )
        for label, value in ((L.TOTAL_FIGURES, figures), (L.TOTAL_WORDS, words))
    ]


def _story(document: IntentDocument, styles: IntentStyles) -> list[Flowable]:
    language, font = document.language, styles.font
    story: list[Flowable] = [
        letterhead_block(document, styles, CONTENT_WIDTH),
        *title_block(document, styles, CONTENT_WIDTH, format_date(document.issued_on, language)),
        bilingual(L.PREAMBLE, language, font, styles.body),
        _heading(1, L.PARTIES, language, styles),
        parties_block(document, styles, CONTENT_WIDTH),
        _heading(2, L.VEHICLES, language, styles),
        _lines_table(document, styles),
        Spacer(1, 3),
        *_totals(document, styles),
        bilingual(L.INDICATIVE, language, font, styles.small),
    ]
    number = 3
    for clause in document.clauses:
        runs: list[Run | str] = []
        for text in clause.paragraphs:
            if runs:
                runs.append(PARAGRAPH)
            runs += bilingual_runs(text, language, styles.body)
        # a heading never ends a page: it starts the next one if its first lines do not fit
        story.append(CondPageBreak(KEEP_WITH_HEADING))
        story.append(_heading(number, clause.title, language, styles))
        story.append(block(runs, font, styles.body))
        number += 1
    story.append(CondPageBreak(SIGNATURE_HEIGHT))  # both parties' blocks on one page
    story.append(_heading(number, L.SIGNATURES, language, styles))
    story.extend(signature_block(document, styles, CONTENT_WIDTH))
    if document.tco is not None:
        story.extend(tco_story(document.tco, language, styles, CONTENT_WIDTH))
    return story


def render_intent_pdf(document: IntentDocument, *, font_path: Path | None = None) -> bytes:
    """The form as PDF bytes (A4). Raises ``MissingFontError`` if the bundled font is missing."""
    font = register_cjk_font(font_path)
    styles = _styles(font)
    decor = PageDecor(document, font)
    buffer = io.BytesIO()
    title = f"{shown(L.TITLE, document.language)[0]} {document.reference}"
    template = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=shown(document.letterhead.name, document.language)[0],
        subject=document.qr_payload,
        creator="catalog-app",
    )
    height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    first = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, height, 0, 0, 0, 0, id="first")
    later = Frame(
        MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, height - RUNNING_HEADER, 0, 0, 0, 0, id="later"
    )
    template.addPageTemplates(
        [
            PageTemplate("first", [first], onPage=decor.first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [later], onPage=decor.later_page),
        ]
    )
    template.build(_story(document, styles), canvasmaker=numbered_canvas(decor))
    return buffer.getvalue()
