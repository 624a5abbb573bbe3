"""The side-by-side comparison as a PDF (A4 landscape), with the bundled Chinese font embedded.

Same content and marks as the compare screen: model columns with picture, name, exhibitor and
price; rows by spec group; rows whose values differ tinted; the better value in green with a
✓ (by the field's direction); optionally identical rows left out. Each page repeats the model
names and carries "page x of y", the time it was made and, for sample data, the notice.
Written to a temporary file beside the target and renamed, so a failed write never leaves half a
PDF under the chosen name.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from catalog_app.documents.fonts import register_cjk_font
from catalog_app.domain.spec_format import format_price
from catalog_app.domain.text import Bilingual

if TYPE_CHECKING:  # plain values handed down by the service; no import of services at run time
    from catalog_app.services.catalog_compare import ComparedRow, ComparisonDocument

PAGE = landscape(A4)
MARGIN = 14 * mm
LABEL_WIDTH = 52 * mm
PHOTO_HEIGHT = 30 * mm
HEADLINE_FIELD = "price_cny"  # shown under the pictures (with its mark), not again below

INK = colors.HexColor("#1f2d3d")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1565c0")
PRICE = colors.HexColor("#b23c17")
BETTER = colors.HexColor("#1b7a34")
DIFFERS = colors.HexColor("#fff4d6")
GROUP = colors.HexColor("#eef4fb")
RULE = colors.HexColor("#d5dde6")

TITLE = Bilingual(zh="车型对比", en="Model comparison")
LEGEND = Bilingual(
    zh="底色标出各车型不同的参数；✓ 绿色为该项更优的数值"
    "（按参数的优劣方向：如续航越长越好、电耗越低越好）。",
    en="Tinted rows differ between the models; ✓ in green marks the better value (by the "
    "field's direction: e.g. longer range, lower energy use).",
)
HIDDEN = Bilingual(zh="已隐藏各车型相同的参数。", en="Rows where all models agree are left out.")
NONE_DIFFER = Bilingual(
    zh="所选车型的各项参数均相同。", en="The models agree on every listed value."
)
SPEC = Bilingual(zh="参数", en="Specification")
PRICE_LABEL = Bilingual(zh="指导价", en="Indicative price")
PAGE_OF = Bilingual(zh="第 {page} / {pages} 页", en="Page {page} of {pages}")
MADE = Bilingual(zh="生成于 {time}", en="Made {time}")
PRICE_NOTE = Bilingual(
    zh="价格为指导价，仅供参考，以正式合同为准。",
    en="Prices are indicative; the formal contract prevails.",
)
SAMPLE = Bilingual(zh="示例数据：{notice}", en="SAMPLE DATA: {notice}")


def _styles(font: str) -> dict[str, ParagraphStyle]:
    def style(name: str, size: float, color: Any = INK, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=size * 1.3,
            textColor=color,
            wordWrap="CJK",
            **extra,
        )

    return {
        "title": style("title", 18, INK, spaceAfter=2),
        "sub": style("sub", 9.5, MUTED),
        "legend": style("legend", 8.5, MUTED),
        "sample": style(
            "sample", 9, colors.HexColor("#5c4400"), backColor=DIFFERS, borderPadding=3
        ),
        "head": style("head", 10.5, INK, alignment=TA_CENTER),
        "exhibitor": style("exhibitor", 8, MUTED, alignment=TA_CENTER),
        "price": style("price", 11, PRICE, alignment=TA_CENTER),
        "best_price": style("best_price", 11, BETTER, alignment=TA_CENTER),
        "group": style("group", 10, ACCENT),
        "label": style("label", 9, MUTED),
        "cell": style("cell", 9, INK, alignment=TA_CENTER),
        "best": style("best", 9, BETTER, alignment=TA_CENTER),
        "left": style("left", 9, INK, alignment=TA_LEFT),
    }


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _photo(path: Path | None, width: float) -> Any:
    if path is None or not path.is_file():
        return ""
    try:
        ImageReader(str(path)).getRGBData()  # decode now: a damaged picture is left out
        image = Image(str(path))
    except Exception:  # noqa: BLE001 - PIL raises many kinds; the comparison matters more
        return ""
    scale = min((width - 6) / image.imageWidth, PHOTO_HEIGHT / image.imageHeight)
    image.drawWidth = image.imageWidth * scale
    image.drawHeight = image.imageHeight * scale
    return image


def _cell(row: ComparedRow, index: int, lang: str, styles: dict[str, ParagraphStyle]) -> Paragraph:
    cell = row.cells[index]
    if cell.best:
        return _paragraph(f"✓ {cell.display(lang)}", styles["best"])
    return _paragraph(cell.display(lang), styles["cell"])


def _table(document: ComparisonDocument, styles: dict[str, ParagraphStyle]) -> Table:
    lang = document.lang
    models = document.comparison.models
    width = (PAGE[0] - 2 * MARGIN - LABEL_WIDTH) / max(1, len(models))
    header = [_paragraph(SPEC.render(lang), styles["label"])] + [
        [
            _paragraph(m.name(lang), styles["head"]),
            _paragraph(m.exhibitor(lang), styles["exhibitor"]),
        ]
        for m in models
    ]
    photos = [""] + [_photo(m.photo_path, width) for m in models]
    price_row = document.comparison.row(HEADLINE_FIELD)
    best = [price_row is not None and price_row.cells[i].best for i in range(len(models))]
    prices = [_paragraph(PRICE_LABEL.render(lang), styles["label"])] + [
        _paragraph(
            ("✓ " if best[i] else "") + format_price(m.price_cny, lang),
            styles["best_price" if best[i] else "price"],
        )
        for i, m in enumerate(models)
    ]
    data: list[list[Any]] = [header, photos, prices]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 2), (-1, 2), 0.8, ACCENT),
        ("ALIGN", (1, 1), (-1, 1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for group in document.comparison.groups:
        rows = [
            row
            for row in group.visible_rows(document.hide_identical)
            if row.field.key != HEADLINE_FIELD
        ]
        if not rows:
            continue
        position = len(data)
        data.append([_paragraph(group.label(lang), styles["group"])] + [""] * len(models))
        commands += [
            ("SPAN", (0, position), (-1, position)),
            ("BACKGROUND", (0, position), (-1, position), GROUP),
        ]
        for row in rows:
            position = len(data)
            data.append(
                [_paragraph(row.label(lang), styles["label"])]
                + [_cell(row, i, lang, styles) for i in range(len(models))]
            )
            commands.append(("LINEBELOW", (0, position), (-1, position), 0.25, RULE))
            if row.differs and len(models) > 1:
                commands.append(("BACKGROUND", (0, position), (-1, position), DIFFERS))
    table = Table(
        data,
        colWidths=[LABEL_WIDTH] + [width] * len(models),
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(commands))
    return table


class _NumberedCanvas(Canvas):
    """Holds pages back until the end so each can say "page x of y"."""

    def __init__(self, *args: Any, footer: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for state in self._pages:
            self.__dict__.update(state)
            if self._footer is not None:
                self._footer(self, len(self._pages))
            super().showPage()
        super().save()


def render_comparison_pdf(document: ComparisonDocument, target: Path) -> Path:
    """Write the comparison to ``target``; return it. The font is embedded (a subset)."""
    font = register_cjk_font()
    styles = _styles(font)
    lang = document.lang
    story: list[Any] = [_paragraph(TITLE.render(lang), styles["title"])]
    made = document.made_at.strftime("%Y-%m-%d %H:%M")
    subtitle = " · ".join(p for p in (document.fair_name, MADE.render(lang, time=made)) if p)
    story.append(_paragraph(subtitle, styles["sub"]))
    if document.sample_notice:
        story += [
            Spacer(1, 4),
            _paragraph(SAMPLE.render(lang, notice=document.sample_notice), styles["sample"]),
        ]
    legend = LEGEND.render(lang)
    if document.hide_identical:
        legend += " " + HIDDEN.render(lang)
    if len(document.comparison.models) > 1 and not document.comparison.differing_rows:
        legend += " " + NONE_DIFFER.render(lang)
    story += [Spacer(1, 4), _paragraph(legend, styles["legend"]), Spacer(1, 6)]
    story.append(_table(document, styles))
    story += [Spacer(1, 6), _paragraph(PRICE_NOTE.render(lang), styles["legend"])]

    def footer(canvas: Canvas, pages: int) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(MUTED)
        number = PAGE_OF.render(lang, page=canvas.getPageNumber(), pages=pages)
        canvas.drawRightString(PAGE[0] - MARGIN, 8 * mm, number)
        canvas.drawString(
            MARGIN, 8 * mm, f"{TITLE.render(lang)} · {document.fair_name}".strip(" ·")
        )
        canvas.restoreState()

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".compare-", suffix=".pdf", dir=target.parent)
    os.close(handle)
    try:
        pdf = SimpleDocTemplate(
            temporary,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=TITLE.render(lang),
            author=document.fair_name,
        )
        pdf.build(story, canvasmaker=lambda *a, **k: _NumberedCanvas(*a, footer=footer, **k))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
