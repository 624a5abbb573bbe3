"""Print a PDF we made (the comparison) on a Qt printer, page by page, as the PDF looks.

The PDF is the one document: what is printed is exactly what is saved. Pages are rendered with
Qt PDF at the printer's resolution and drawn centred, scaled to fit the printable area.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


class PrintError(Exception):
    """The PDF could not be read or the printer refused to start."""


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Print every page of ``path`` on ``printer``; return the number of pages printed."""
    document = QPdfDocument()
    status = document.load(str(path))
    if status != QPdfDocument.Error.None_ or document.pageCount() == 0:
        raise PrintError(f"{path}: {status.name}")
    first = document.pagePointSize(0)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape
        if first.width() > first.height()
        else QPageLayout.Orientation.Portrait
    )
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise PrintError(printer.printerName() or printer.outputFileName())
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(pages):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            image = document.render(page, size)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(QRect(0, 0, area.width(), area.height()).center())
            painter.drawImage(target, image)
    finally:
        painter.end()
        document.close()
    return pages
