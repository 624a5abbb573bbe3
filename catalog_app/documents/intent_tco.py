"""The optional TCO page of an intent form: tables of inputs and results, each row in the form's
language, so the figures can be reproduced from the inputs printed beside them."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Table

from catalog_app.documents.intent_document import TcoPage, TcoTable
from catalog_app.documents.intent_styles import (
    HEADER_FILL,
    RULE,
    IntentStyles,
    bilingual,
    table_style,
)

MIN_TABLE_HEIGHT = 120  # points: start a table on a new page rather than with one row


def _table(table: TcoTable, language: str, styles: IntentStyles, width: float) -> Table:
    columns = len(table.columns)
    first = width * (0.46 if columns <= 3 else 0.34)
    rest = (width - first) / max(columns - 1, 1)
    font = styles.font
    head = [
        bilingual(text, language, font, styles.head_cell if i == 0 else styles.head_cell_right)
        for i, text in enumerate(table.columns)
    ]
    rows: list[list[object]] = [head]
    for row in table.rows:
        rows.append(
            [
                bilingual(cell, language, font, styles.cell if i == 0 else styles.cell_right)
                for i, cell in enumerate(row)
            ]
        )
    result = Table(rows, colWidths=(first, *([rest] * (columns - 1))), repeatRows=1)
    result.setStyle(
        table_style(
            styles.font,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("LINEABOVE", (0, 0), (-1, 0), 0.9, RULE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ],
        )
    )
    return result


def tco_story(page: TcoPage, language: str, styles: IntentStyles, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        PageBreak(),
        bilingual(page.title, language, styles.font, styles.heading),
        bilingual(page.intro, language, styles.font, styles.body),
    ]
    for table in page.tables:
        story.append(CondPageBreak(MIN_TABLE_HEIGHT))
        story.append(bilingual(table.title, language, styles.font, styles.table_title))
        story.append(_table(table, language, styles, width))
    for note in page.notes:
        story.append(bilingual(note, language, styles.font, styles.small))
    return story
