"""A fast wrapped text flowable for mixed Chinese and English in one TrueType font.

reportlab's ``Paragraph`` with CJK wrapping makes an object per character and costs about a
millisecond per paragraph; a form has a few hundred small texts. ``TextBlock`` does what the
form needs and no more: runs of text in one font with their own size and colour, explicit line
breaks, greedy wrapping that breaks between Chinese characters and at spaces (keeping English
words whole, splitting only a word longer than the line), no line starting with closing
punctuation (，。）…) or ending with opening punctuation, left/right/centre alignment, and
splitting across pages by lines. Character widths come straight from the font's width table;
a paragraph that fits on its line (most of them) is laid out without looking at its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

NEWLINE = "\n"
PARAGRAPH = "\n\n"  # a new paragraph, ``paragraph_gap`` below the previous one
# No line may start with these (Chinese line-breaking rules, kinsoku) ...
NO_LINE_START = "，。、；：？！）」』》〉】〕,.;:?!)]}%…—·～”’"
# ... nor end with these.
NO_LINE_END = "（「『《〈【〔([{“‘¥$"

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_OPEN = re.escape(NO_LINE_END)
_CLOSE = re.escape(NO_LINE_START)
# A piece that cannot be broken: opening punctuation sticks to what follows, closing punctuation
# to what precedes; a Chinese character alone, an English word whole; or a run of spaces.
_TOKEN = re.compile(rf"[{_OPEN}]*(?:[{_CJK}]|[^\s{_CJK}]+)[{_CLOSE}]*| +")

Token = tuple[str, float, bool]  # text, width, is space
Segment = tuple[int, str, float]  # run index, text, width


@dataclass(frozen=True)
class Run:
    """Text drawn in one size and colour."""

    text: str
    size: float
    color: Color


@lru_cache(maxsize=4)
def _widths(font_name: str) -> tuple[dict[int, float], float]:
    face = pdfmetrics.getFont(font_name).face  # type: ignore[attr-defined]
    return face.charWidths, face.defaultWidth


def text_width(text: str, font_name: str, size: float) -> float:
    widths, default = _widths(font_name)
    return sum(widths.get(ord(ch), default) for ch in text) * size / 1000.0


@lru_cache(maxsize=8192)
def _tokens(text: str, size: float, font_name: str) -> tuple[tuple[Token, ...], float]:
    """The unbreakable pieces of ``text`` with their widths, and the total width."""
    widths, default = _widths(font_name)
    scale = size / 1000.0
    tokens = tuple(
        (token, sum(widths.get(ord(c), default) for c in token) * scale, token[0] == " ")
        for token in _TOKEN.findall(text)
    )
    return tokens, sum(t[1] for t in tokens)


@dataclass
class _Line:
    segments: list[Segment]
    width: float
    height: float  # the gap above included
    size: float
    gap: float = 0.0


class _Builder:
    """Collects the segments of one line, merging pieces of the same run."""

    def __init__(self) -> None:
        self.segments: list[list[object]] = []
        self.width = 0.0

    def add(self, run: int, text: str, width: float) -> None:
        if self.segments and self.segments[-1][0] == run:
            last = self.segments[-1]
            last[1] = str(last[1]) + text
            last[2] = float(last[2]) + width  # type: ignore[arg-type]
        else:
            self.segments.append([run, text, width])
        self.width += width

    def strip(self, space_width: Callable[[int], float]) -> list[Segment]:
        """The segments without trailing spaces (``space_width(run)``: one space's width)."""
        while self.segments:
            run, text, width = self.segments[-1]
            stripped = str(text).rstrip(" ")
            if stripped == text:
                break
            removed = space_width(int(run)) * (len(str(text)) - len(stripped))  # type: ignore[call-overload]
            self.width -= removed
            if stripped:
                self.segments[-1] = [run, stripped, float(width) - removed]  # type: ignore[arg-type]
                break
            self.segments.pop()
        return [(int(r), str(t), float(w)) for r, t, w in self.segments]  # type: ignore[call-overload]

    @property
    def empty(self) -> bool:
        return not self.segments


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
        paragraph_gap: float = 3.0,
    ) -> None:
        super().__init__()
        self.font_name = font_name
        self.paragraph_gap = paragraph_gap
        self.leading = leading
        self.align = align
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._styles: list[Run] = []
        # paragraphs: lists of (run index, text) between explicit line breaks
        self._paragraphs: list[list[tuple[int, str]]] = [[]]
        self._gaps: set[int] = set()  # paragraphs with the gap above them
        self._cache: tuple[float, list[_Line]] | None = None
        self._lines_given: list[_Line] | None = None
        for item in runs:
            if isinstance(item, str):  # NEWLINE or PARAGRAPH
                self._paragraphs.append([])
                if item == PARAGRAPH:
                    self._gaps.add(len(self._paragraphs) - 1)
                continue
            index = len(self._styles)
            self._styles.append(item)
            for number, part in enumerate(item.text.split(NEWLINE)):
                if number:
                    self._paragraphs.append([])
                if part:
                    self._paragraphs[-1].append((index, part))

    # -- layout ---------------------------------------------------------------------------
    def _finish(self, builder: _Builder, runs: list[int]) -> _Line:
        segments = builder.strip(
            lambda run: text_width(" ", self.font_name, self._styles[run].size)
        )
        sizes = [self._styles[run].size for run in runs] or [
            self._styles[0].size if self._styles else 8.0
        ]
        biggest = max(sizes)
        return _Line(segments, builder.width, biggest * self.leading, biggest)

    def _wrap_paragraph(self, parts: list[tuple[int, str]], width: float) -> list[_Line]:
        measured = [
            (run, text, *_tokens(text, self._styles[run].size, self.font_name))
            for run, text in parts
        ]
        if sum(item[3] for item in measured) <= width + 0.01:  # it fits: one line as it is
            builder = _Builder()
            for run, text, _pieces, total in measured:
                builder.add(run, text, total)
            return [self._finish(builder, [run for run, _ in parts])]
        lines: list[_Line] = []
        builder, runs = _Builder(), []
        for run, _text, tokens, _total in measured:
            for text, piece_width, space in tokens:
                if space and builder.empty:
                    continue
                if builder.width + piece_width <= width + 0.01 or (builder.empty and not space):
                    if piece_width > width + 0.01 and builder.empty:
                        for part, part_width in self._split_long(text, run, width):
                            if not builder.empty and builder.width + part_width > width + 0.01:
                                lines.append(self._finish(builder, runs))
                                builder, runs = _Builder(), []
                            builder.add(run, part, part_width)
                            runs.append(run)
                        continue
                    builder.add(run, text, piece_width)
                    runs.append(run)
                    continue
                lines.append(self._finish(builder, runs))
                builder, runs = _Builder(), []
                if not space:
                    builder.add(run, text, piece_width)
                    runs.append(run)
        lines.append(self._finish(builder, runs))
        return lines

    def _split_long(self, text: str, run: int, width: float) -> list[tuple[str, float]]:
        """A word longer than the line, cut into pieces that fit."""
        size = self._styles[run].size
        parts: list[tuple[str, float]] = []
        current = ""
        for ch in text:
            if current and text_width(current + ch, self.font_name, size) > width:
                parts.append((current, text_width(current, self.font_name, size)))
                current = ""
            current += ch
        if current:
            parts.append((current, text_width(current, self.font_name, size)))
        return parts

    def _layout(self, width: float) -> list[_Line]:
        if self._lines_given is not None:
            return self._lines_given
        if self._cache is not None and abs(self._cache[0] - width) < 0.01:
            return self._cache[1]
        lines: list[_Line] = []
        for index, parts in enumerate(self._paragraphs):
            wrapped = self._wrap_paragraph(parts, width)
            if index in self._gaps and wrapped:
                first = wrapped[0]
                first.gap = self.paragraph_gap
                first.height += self.paragraph_gap
            lines.extend(wrapped)
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
            paragraph_gap=self.paragraph_gap,
        )
        part._styles = self._styles
        part._lines_given = lines
        return part

    # -- drawing --------------------------------------------------------------------------
    def draw(self) -> None:
        """Write the text operators directly (one BT … ET per block).

        This is what ``PDFTextObject.textOut`` writes for a TrueType font — select the subset
        with ``Tf``, show the subset's bytes with ``Tj`` — without its per-call bookkeeping,
        which costs more than the text itself for a form of a few hundred short texts."""
        canvas = self.canv
        document = canvas._doc  # noqa: SLF001 - the document the subsets are registered in
        font = pdfmetrics.getFont(self.font_name)
        escape = canvas._escape  # noqa: SLF001
        code = ["BT"]
        size: float | None = None
        color: Color | None = None
        subset = -1
        y = self.height
        for line in self._layout(self.width):
            y -= line.height
            # glyphs of this font reach from 0.22 em below the baseline to 0.86 em above it
            baseline = y + (line.height - line.gap) / 2 - 0.32 * line.size
            if self.align == "right":
                x = self.width - line.width
            elif self.align == "center":
                x = (self.width - line.width) / 2
            else:
                x = 0.0
            code.append(f"1 0 0 1 {fp_str(x, baseline)} Tm")
            for run, segment, _width in line.segments:
                style = self._styles[run]
                if style.size != size:
                    size, subset = style.size, -1
                if style.color is not color:
                    color = style.color
                    code.append(f"{fp_str(color.red, color.green, color.blue)} rg")
                for part_subset, data in font.splitString(segment, document):
                    if part_subset != subset:
                        subset = part_subset
                        name = font.getSubsetInternalName(subset, document)
                        code.append(f"{name} {fp_str(size)} Tf")
                    code.append(f"({escape(data)}) Tj")
        code.append("ET")
        canvas._code.append(" ".join(code))  # noqa: SLF001

    def plain_text(self) -> str:
        """The text without styles (for tests and accessibility)."""
        return NEWLINE.join("".join(text for _run, text in parts) for parts in self._paragraphs)
