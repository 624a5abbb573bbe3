"""What every page of the intent form carries besides its flowing content: the DRAFT watermark,
a running header from page 2 on, the footer with the reference, a sample-data notice, and
"page x of y" (written when the document is saved, once the page count is known).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from catalog_app.documents import intent_labels as L
from catalog_app.documents.intent_document import ZH_EN, IntentDocument, shown
from catalog_app.documents.intent_styles import INK, MUTED, RULE, WATERMARK
from catalog_app.domain.text import Bilingual

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 21 * mm
RUNNING_HEADER = 11 * mm  # room kept on pages 2+ for the running header
FOOTER_Y = 11 * mm
WATERMARK_ALPHA = 0.11


def one_line(text: Bilingual, language: str, separator: str = " ") -> str:
    main, sub = shown(text, language)
    return f"{main}{separator}{sub}" if sub else main


@dataclass(frozen=True)
class PageDecor:
    """Draws the fixed parts of each page for one document."""

    document: IntentDocument
    font: str

    @property
    def language(self) -> str:
        return self.document.language

    def first_page(self, canvas: Canvas, _doc: Any) -> None:
        self._watermark(canvas)
        self._footer(canvas)

    def later_page(self, canvas: Canvas, _doc: Any) -> None:
        self._watermark(canvas)
        self._running_header(canvas)
        self._footer(canvas)

    def _watermark(self, canvas: Canvas) -> None:
        mark = self.document.watermark
        if mark is None:
            return
        main, sub = shown(mark, self.language)
        canvas.saveState()
        canvas.setFillColor(WATERMARK, alpha=WATERMARK_ALPHA)
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(38)
        canvas.setFont(self.font, 110)
        canvas.drawCentredString(0, 0 if not sub else 20, main)
        if sub:
            canvas.setFont(self.font, 64)
            canvas.drawCentredString(0, -62, sub)
        canvas.restoreState()

    def _running_header(self, canvas: Canvas) -> None:
        letterhead = self.document.letterhead
        top = PAGE_HEIGHT - MARGIN_TOP
        canvas.saveState()
        canvas.setFont(self.font, 8)
        canvas.setFillColor(MUTED)
        seller, _ = shown(letterhead.name, self.language)
        title = one_line(L.TITLE, self.language)
        canvas.drawString(MARGIN_X, top - 6, f"{seller} · {title}")
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top - 6, self._reference_text())
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 9.5, PAGE_WIDTH - MARGIN_X, top - 9.5)
        canvas.restoreState()

    def _reference_text(self) -> str:
        document = self.document
        label = one_line(L.REFERENCE, self.language)
        text = f"{label} {document.reference}"
        if document.revision > 1:
            revision = L.REVISION.render(
                "en" if self.language == "en" else "zh", revision=document.revision
            )
            text += f" · {revision}"
        return text

    def _footer(self, canvas: Canvas) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, FOOTER_Y + 9, PAGE_WIDTH - MARGIN_X, FOOTER_Y + 9)
        canvas.setFont(self.font, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, FOOTER_Y, self._reference_text())
        notice = self.document.sample_notice
        if notice is not None:
            canvas.setFont(self.font, 7)
            canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_Y - 9, one_line(notice, self.language))
        canvas.restoreState()

    def page_label(self, page: int, pages: int) -> str:
        if self.language == ZH_EN:
            zh = L.PAGE_OF.render("zh", page=page, pages=pages)
            en = L.PAGE_OF.render("en", page=page, pages=pages)
            return f"{zh} · {en}"
        lang = "en" if self.language == "en" else "zh"
        return L.PAGE_OF.render(lang, page=page, pages=pages)


def numbered_canvas(decor: PageDecor) -> Callable[..., Canvas]:
    """A canvas class that holds pages back until the end, then writes "page x of y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = decor.font  # never a Latin fallback font
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(decor.font, 7.5)
                self.setFillColor(INK)
                label = decor.page_label(self._pageNumber, pages)
                self.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_Y, label)
                super().showPage()
            super().save()

    return NumberedCanvas
