"""Text styles of the intent form and the helpers that turn texts into ``TextBlock``s.

Every style uses the bundled CJK font (it has Latin letters too, so one font serves Chinese and
English alike). A Chinese text with an English sub-label is one block: the main text, a line
break (or a space, inline), and the sub-label smaller and grey.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.platypus import TableStyle

from catalog_app.documents.intent_document import shown
from catalog_app.documents.text_block import NEWLINE, Run, TextBlock
from catalog_app.domain.text import Bilingual

INK = colors.HexColor("#1b2330")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#9aa7b6")
HEADER_FILL = colors.HexColor("#e6edf5")
TOTAL_FILL = colors.HexColor("#f3f6f9")
WATERMARK = colors.HexColor("#c62828")

SUB_RATIO = 0.8  # size of an English sub-label relative to its main text


@dataclass(frozen=True)
class TextStyle:
    size: float
    color: Color = INK
    leading: float = 1.38
    align: str = "left"
    space_before: float = 0.0
    space_after: float = 0.0

    @property
    def sub_size(self) -> float:
        return round(self.size * SUB_RATIO, 1)


@dataclass(frozen=True)
class IntentStyles:
    font: str
    body: TextStyle
    small: TextStyle
    small_center: TextStyle
    table_title: TextStyle
    cell: TextStyle
    cell_right: TextStyle
    cell_center: TextStyle
    head_cell: TextStyle
    head_cell_right: TextStyle
    heading: TextStyle
    title: TextStyle
    title_sub: TextStyle
    letterhead_name: TextStyle
    letterhead: TextStyle
    label: TextStyle
    strong: TextStyle


def make_styles(font: str) -> IntentStyles:
    return IntentStyles(
        font=font,
        body=TextStyle(9, space_after=3),
        small=TextStyle(7.5, MUTED, leading=1.3),
        small_center=TextStyle(6.2, MUTED, leading=1.3, align="center"),
        table_title=TextStyle(8.2, MUTED, leading=1.32, space_before=8, space_after=2),
        cell=TextStyle(8.4, leading=1.32),
        cell_right=TextStyle(8.4, leading=1.32, align="right"),
        cell_center=TextStyle(8.4, leading=1.32, align="center"),
        head_cell=TextStyle(8.2, ACCENT, leading=1.28),
        head_cell_right=TextStyle(8.2, ACCENT, leading=1.28, align="right"),
        heading=TextStyle(11, ACCENT, leading=1.36, space_before=9, space_after=4),
        title=TextStyle(21, INK, leading=1.3, align="center"),
        title_sub=TextStyle(10.5, MUTED, leading=1.3, align="center", space_after=2),
        letterhead_name=TextStyle(14, ACCENT, leading=1.3),
        letterhead=TextStyle(7.8, MUTED, leading=1.33),
        label=TextStyle(8.2, MUTED, leading=1.32),
        strong=TextStyle(10, INK, leading=1.35),
    )


def runs_of(text: str, style: TextStyle, *, sub: bool = False) -> list[Run | str]:
    if not text:
        return []
    if sub:
        return [Run(text, style.sub_size, MUTED)]
    return [Run(text, style.size, style.color)]


def bilingual_runs(
    text: Bilingual, language: str, style: TextStyle, *, inline: bool = False
) -> list[Run | str]:
    """Main text and, for ``zh+en``, its English sub-label (below, or after it when inline)."""
    main, sub = shown(text, language)
    runs = runs_of(main, style)
    if sub:
        runs.append(Run(" ", style.size, style.color) if inline else NEWLINE)
        runs += runs_of(sub, style, sub=True)
    return runs


def block(runs: list[Run | str], font: str, style: TextStyle) -> TextBlock:
    return TextBlock(
        runs,
        font,
        leading=style.leading,
        align=style.align,
        space_before=style.space_before,
        space_after=style.space_after,
    )


def text_block(text: str, font: str, style: TextStyle) -> TextBlock:
    return block(runs_of(text, style), font, style)


def bilingual(
    text: Bilingual, language: str, font: str, style: TextStyle, *, inline: bool = False
) -> TextBlock:
    return block(bilingual_runs(text, language, style, inline=inline), font, style)


def label_runs(label: Bilingual, language: str, style: TextStyle) -> list[Run | str]:
    """``label：`` grey, its English sub-label inline and smaller."""
    main, sub = shown(label, language)
    colon = ": " if language == "en" else "："
    if not sub:
        return [Run(main + colon, style.size, MUTED)]
    return [Run(main, style.size, MUTED), Run(f" {sub}{colon}", style.sub_size, MUTED)]


def labelled(
    label: Bilingual, value: list[Run | str], language: str, font: str, style: TextStyle
) -> TextBlock:
    return block(label_runs(label, language, style) + value, font, style)


def label_and_value(
    label: Bilingual, value: str, language: str, font: str, style: TextStyle
) -> TextBlock:
    return labelled(label, runs_of(value, style), language, font, style)


def table_style(font: str, commands: list[tuple[object, ...]]) -> TableStyle:
    """A table style whose plain-text cells use the bundled font (never a Latin fallback)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), font, 8.4), *commands])
