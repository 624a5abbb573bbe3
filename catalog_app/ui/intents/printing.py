"""Print intent PDFs on a printer chosen in the system print dialog (``QPrinter``).

The PDF pages are rendered by QtPdf (``QPdfDocument``) to images at the printer's resolution
(at most ``MAX_DPI``, enough for text and the QR code, small enough for memory) and painted
page by page. All of it may run on a worker thread (``ui/tasks.py``): Qt allows painting on a
``QPrinter`` and a ``QImage`` off the GUI thread. One call is one print job; a cancel aborts the
job, so nothing half-printed is left queued.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from catalog_app.domain.text import Bilingual, UserFacingError

MAX_DPI = 300
POINTS_PER_INCH = 72.0

PRINTER_REFUSED = Bilingual(
    zh="打印机无法开始打印（{printer}）。请检查打印机是否连接、是否有纸。",
    en="The printer could not start printing ({printer}). Check that it is connected and has "
    "paper.",
)
PDF_UNREADABLE = Bilingual(
    zh="无法读取生成的 PDF（{reason}），未打印。",
    en="The PDF could not be read ({reason}); nothing printed.",
)


class PrintCancelled(Exception):  # noqa: N818 - reads as what happened
    """The person cancelled; the job was aborted."""


def open_pdf(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A QtPdf document over PDF bytes (keep the buffer alive as long as the document)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise UserFacingError(PDF_UNREADABLE, reason=str(document.error()))
    return document, buffer


def page_count(data: bytes) -> int:
    document, _buffer = open_pdf(data)
    try:
        return document.pageCount()
    finally:
        document.close()


def prepare_a4(printer: QPrinter) -> None:
    """The intent form is A4 portrait; ask the printer for the same, edge to edge."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def print_pdfs(
    printer: QPrinter,
    documents: Sequence[bytes],
    *,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Print every page of ``documents`` as one job; return the number of pages printed.

    ``progress(done, total)`` after each page; ``cancelled()`` is checked before each page and
    a cancel aborts the job (``PrintCancelled``)."""
    opened = [open_pdf(data) for data in documents]
    total = sum(document.pageCount() for document, _ in opened)
    painter = QPainter()
    if not painter.begin(printer):
        for document, _ in opened:
            document.close()
        raise UserFacingError(PRINTER_REFUSED, printer=printer.printerName() or "PDF")
    dpi = min(printer.resolution(), MAX_DPI)
    printed = 0
    try:
        for document, _buffer in opened:
            for page in range(document.pageCount()):
                if cancelled():
                    printer.abort()
                    raise PrintCancelled()
                if printed:
                    printer.newPage()
                size = document.pagePointSize(page)
                pixels = QSize(
                    round(size.width() / POINTS_PER_INCH * dpi),
                    round(size.height() / POINTS_PER_INCH * dpi),
                )
                image = document.render(page, pixels)
                target = QRectF(painter.viewport())
                scale = min(target.width() / pixels.width(), target.height() / pixels.height())
                width, height = pixels.width() * scale, pixels.height() * scale
                painter.drawImage(
                    QRectF(
                        target.x() + (target.width() - width) / 2,
                        target.y() + (target.height() - height) / 2,
                        width,
                        height,
                    ),
                    image,
                )
                printed += 1
                if progress is not None:
                    progress(printed, total)
    finally:
        if painter.isActive():
            painter.end()
        for document, _ in opened:
            document.close()
    return printed
