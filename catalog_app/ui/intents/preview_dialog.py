"""In-app preview of an intent form's PDF (QtPdf), with print and save-as-PDF at hand.

The PDF is made off the GUI thread by the page; this dialog only shows the bytes it is given.
It is not modal: the booth can keep the list or the editor open beside it.

Signals:
    print_requested(): the person wants this form printed.
    save_requested(): the person wants this form saved as a PDF file.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PreviewDialog(QDialog):
    print_requested = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intentPreview")
        self.setModal(False)
        self.resize(900, 720)
        self.reference = ""
        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self.view = QPdfView(self)
        self.view.setObjectName("intentPreviewView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._update_page())
        self.page_label = QLabel()
        self.page_label.setObjectName("intentPreviewPage")
        self.fit_width = QPushButton()
        self.fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page = QPushButton()
        self.fit_page.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.print_button = QPushButton()
        self.print_button.setObjectName("intentPreviewPrint")
        self.print_button.clicked.connect(self.print_requested)
        self.save_button = QPushButton()
        self.save_button.setObjectName("intentPreviewSave")
        self.save_button.clicked.connect(self.save_requested)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        for button in (
            self.fit_width,
            self.fit_page,
            self.print_button,
            self.save_button,
            self.close_button,
        ):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def show_pdf(self, data: bytes, reference: str) -> None:
        """Show ``data`` (PDF bytes) for the form ``reference``."""
        self.reference = reference
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.view.pageNavigator().jump(0, self.view.pageNavigator().currentLocation(), 0)
        self.retranslate()

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preview — %1").replace("%1", self.reference))
        self.fit_width.setText(self.tr("Fit width"))
        self.fit_page.setText(self.tr("Whole page"))
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save as PDF…"))
        self.close_button.setText(self.tr("Close"))
        self._update_page()

    def _update_page(self) -> None:
        pages = self.document.pageCount()
        current = self.view.pageNavigator().currentPage() + 1 if pages else 0
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(current)).replace("%2", str(pages))
        )
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
