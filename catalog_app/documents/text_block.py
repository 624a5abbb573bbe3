"""A fast wrapped text flowable for mixed Chinese and English in one TrueType font.

reportlab's ``Paragraph`` with CJK wrapping makes an object per character and costs about a
millisecond per paragraph; a form has a few hundred small texts. ``TextBlock`` does what the
form needs and no more: runs of text in one font with their own size and colour, explicit line
breaks, greedy wrapping that breaks between Chinese characters and at spaces (keeping English
words whole, splitting only a word longer than the line), no line starting with closing
punctuation (，。）…), left/right/centre alignment, and splitting across pages by lines.
Character widths come straight from the font's width table.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

NEWLINE = "\n"
# No line may start with these (Chinese line-breaking rules, kinsoku) ...
NO_LINE_START = set("，。、；：？！）」』》〉】〕,.;:?!)]}%…—·～”’")
# ... nor end with these.
NO_LINE_END = set("（「『《〈【〔([{“‘¥$")


@dataclass(frozen=True)
class Run:
    """Text drawn in one size and colour."""

    text: str
    size: float
    color: Color


class _Piece(NamedTuple):
    """An unbreakable piece: a Chinese character, an English word, or a space."""

    text: str
    width: float
    run: int
    space: bool


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_OPEN = re.escape("".join(sorted(NO_LINE_END)))
_CLOSE = re.escape("".join(sorted(NO_LINE_START)))
# opening punctuation sticks to what follows, closing punctuation to what precedes
_TOKEN = re.compile(rf"[{_OPEN}]*(?:[{_CJK}]|[^\s{_CJK}]+)[{_CLOSE}]*| +")


@lru_cache(maxsize=4)
def _widths(font_name: str) -> tuple[dict[int, float], float]:
    face = pdfmetrics.getFont(font_name).face  # type: ignore[attr-defined]
    return face.charWidths, face.defaultWidth


def _text_width(text: str, font_name: str, size: float) -> float:
    widths, default = _widths(font_name)
    return sum(widths.get(ord(ch), default) for ch in text) * size / 1000.0


@lru_cache(maxsize=8192)
def _measured(text: str, size: float, font_name: str) -> tuple[tuple[str, float, bool], ...]:
    widths, default = _widths(font_name)
    scale = size / 1000.0
    return tuple(
        (token, sum(widths.get(ord(c), default) for c in token) * scale, token[0] == " ")
        for token in _TOKEN.findall(text)
    )


def _pieces(text: str, run: int, size: float, font_name: str) -> list[_Piece]:
    return [_Piece(t, w, run, sp) for t, w, sp in _measured(text, size, font_name)]


@dataclass
class _Line:
    pieces: list[_Piece]
    width: float
    height: float
    size: float


class TextBlock(Flowable):
    """Wrapped runs of text; ``leading`` is the line height as a multiple of the largest size."""

    def __init__(
        self,
        runs: list[Run | str],
        font_name: str,
        *,
        leading: float = 1.38,
        align: str = "left",
        space_before: float = 0.0,
        space_after: float = 0.0,
    ) -> None:
        super().__init__()
        self.runs = runs
        self.font_name = font_name
        self.leading = leading
        self.align = align
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._styles: list[Run] = []
        self._paragraphs: list[list[_Piece]] = []
        self._cache: tuple[float, list[_Line]] | None = None
        self._lines_given: list[_Line] | None = None
        current: list[_Piece] = []
        for item in runs:
            if isinstance(item, str):  # NEWLINE
                self._paragraphs.append(current)
                current = []
                continue
            index = len(self._styles)
            self._styles.append(item)
            parts = item.text.split(NEWLINE)
            for number, part in enumerate(parts):
                if number:
                    self._paragraphs.append(current)
                    current = []
                current.extend(_pieces(part, index, item.size, font_name))
        self._paragraphs.append(current)

    # -- layout ---------------------------------------------------------------------------
    def _line(self, pieces: list[_Piece]) -> _Line:
        while pieces and pieces[-1].space:
            pieces = pieces[:-1]
        sizes = [self._styles[p.run].size for p in pieces] or [
            self._styles[0].size if self._styles else 8.0
        ]
        biggest = max(sizes)
        width = sum(p.width for p in pieces)
        return _Line(pieces, width, biggest * self.leading, biggest)

    def _split_long(self, piece: _Piece, width: float) -> list[_Piece]:
        size = self._styles[piece.run].size
        parts, current = [], ""
        for ch in piece.text:
            if current and _text_width(current + ch, self.font_name, size) > width:
                parts.append(current)
                current = ""
            current += ch
        parts.append(current)
        return [
            _Piece(p, _text_width(p, self.font_name, size), piece.run, False) for p in parts if p
        ]

    def _layout(self, width: float) -> list[_Line]:
        if self._lines_given is not None:
            return self._lines_given
        if self._cache is not None and abs(self._cache[0] - width) < 0.01:
            return self._cache[1]
        lines: list[_Line] = []
        for paragraph in self._paragraphs:
            current: list[_Piece] = []
            used = 0.0
            queue = deque(paragraph)
            while queue:
                piece = queue.popleft()
                if not current and piece.space:
                    continue
                if used + piece.width <= width + 0.01 or not current:
                    if piece.width > width + 0.01 and not current and not piece.space:
                        queue.extendleft(reversed(self._split_long(piece, width)))
                        piece = queue.popleft()
                    current.append(piece)
                    used += piece.width
                    continue
                if piece.space:
                    lines.append(self._line(current))
                    current, used = [], 0.0
                    continue
                lines.append(self._line(current))
                current, used = [piece], piece.width
            lines.append(self._line(current))
        self._cache = (width, lines)
        return lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        lines = self._layout(available_width)
        self.width = available_width
        self.height = sum(line.height for line in lines)
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self._layout(available_width)
        used, count = 0.0, 0
        for line in lines:
            if used + line.height > available_height:
                break
            used += line.height
            count += 1
        if count == 0 or count == len(lines):
            return []
        return [self._part(lines[:count], after=0.0), self._part(lines[count:], before=0.0)]

    def _part(
        self, lines: list[_Line], *, before: float | None = None, after: float | None = None
    ) -> TextBlock:
        part = TextBlock(
            [],
            self.font_name,
            leading=self.leading,
            align=self.align,
            space_before=self.spaceBefore if before is None else before,
            space_after=self.spaceAfter if after is None else after,
        )
        part._styles = self._styles
        part._lines_given = lines
        return part

    # -- drawing --------------------------------------------------------------------------
    def draw(self) -> None:
        lines = self._layout(self.width)
        text = self.canv.beginText()
        current_style = -1
        y = self.height
        for line in lines:
            y -= line.height
            # glyphs of this font reach from 0.22 em below the baseline to 0.86 em above it
            baseline = y + line.height / 2 - 0.32 * line.size
            if self.align == "right":
                x = self.width - line.width
            elif self.align == "center":
                x = (self.width - line.width) / 2
            else:
                x = 0.0
            text.setTextOrigin(x, baseline)
            segment, segment_run = "", -1
            for piece in line.pieces:
                if piece.run != segment_run and segment:
                    current_style = self._out(text, segment, segment_run, current_style)
                    segment = ""
                segment_run = piece.run
                segment += piece.text
            if segment:
                current_style = self._out(text, segment, segment_run, current_style)
        self.canv.drawText(text)

    def _out(self, text, segment: str, run: int, current: int) -> int:  # type: ignore[no-untyped-def]
        if run != current:
            style = self._styles[run]
            text.setFont(self.font_name, style.size)
            text.setFillColor(style.color)
        text.textOut(segment)
        return run

    def plain_text(self) -> str:
        """The text without styles (for tests and accessibility)."""
        return NEWLINE.join("".join(p.text for p in paragraph) for paragraph in self._paragraphs)
