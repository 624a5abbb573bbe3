"""The grouped spec sheet of one model: a card per group, label and value with its unit.

Labels and values come from the spec-field registry in the reader's language (the same source
as the PDFs); values are selectable so staff can copy a figure.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout

from catalog_app.services.catalog import SpecGroupEntries
from catalog_app.ui.catalog.sizing import DESK, Sizing

LABEL_MAX_WIDTH = 190


def plain_label(
    text: str, object_name: str = "", *, wrap: bool = False, select: bool = False
) -> QLabel:
    """A label that shows data as typed (never as HTML)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if object_name:
        label.setObjectName(object_name)
    if select:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def spec_group_grid(
    groups: tuple[SpecGroupEntries, ...],
    lang: str,
    columns: int,
    font: QFont,
    sizing: Sizing = DESK,
) -> QGridLayout:
    """Group cards in ``columns`` columns, each card going to the shortest column."""
    metrics = QFontMetrics(sizing.font(font))
    label_width = min(
        LABEL_MAX_WIDTH,
        max(
            (metrics.horizontalAdvance(e.label(lang)) for g in groups for e in g.entries),
            default=0,
        ),
    )
    grid = QGridLayout()
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(12)
    stacks: list[list[QFrame]] = [[] for _ in range(max(1, columns))]
    heights = [0] * len(stacks)
    for group in groups:
        column = heights.index(min(heights))
        stacks[column].append(group_card(group, lang, label_width, sizing))
        heights[column] += len(group.entries) + 2
    for column, cards in enumerate(stacks):
        stack = QVBoxLayout()
        stack.setSpacing(12)
        for card in cards:
            stack.addWidget(card)
        stack.addStretch(1)
        grid.addLayout(stack, 0, column)
        grid.setColumnStretch(column, 1)
    return grid


def group_card(
    group: SpecGroupEntries, lang: str, label_width: int, sizing: Sizing = DESK
) -> QFrame:
    card = QFrame()
    card.setObjectName("specGroup")
    card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    rows = QGridLayout(card)
    rows.setContentsMargins(12, 10, 12, 10)
    rows.setHorizontalSpacing(12)
    rows.setVerticalSpacing(6 if not sizing.touch else 10)
    heading = plain_label(group.label(lang), "specGroupHeading")
    sizing.apply_font(heading, bold=True)
    rows.addWidget(heading, 0, 0, 1, 2)
    for row, entry in enumerate(group.entries, start=1):
        label = plain_label(entry.label(lang), f"specLabel_{entry.field.key}", wrap=True)
        label.setProperty("role", "specLabel")
        value = plain_label(
            entry.display(lang), f"specValue_{entry.field.key}", wrap=True, select=True
        )
        value.setProperty("role", "specValue")
        for widget in (label, value):
            sizing.apply_font(widget)
        rows.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
        rows.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
    rows.setColumnMinimumWidth(0, label_width)  # values line up across the cards
    rows.setColumnStretch(1, 1)
    return card
