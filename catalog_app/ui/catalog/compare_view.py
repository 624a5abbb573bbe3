"""Compare up to four models side by side; save or print the comparison as a PDF.

Reads the models of the shared ``CompareBasket`` (again whenever it changes while shown, or
when shown). The PDF is made by the comparison service off the GUI thread (``TaskRunner``);
printing prints that same PDF.
"""

from __future__ import annotations

import logging
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from catalog_app.domain.text import UserFacingError
from catalog_app.services.catalog_compare import Comparison, build_comparison, write_comparison_pdf
from catalog_app.ui.app_state import AppState
from catalog_app.ui.catalog.compare_basket import CompareBasket
from catalog_app.ui.catalog.compare_model import CompareTableModel
from catalog_app.ui.catalog.compare_table import CompareTable
from catalog_app.ui.catalog.pdf_printing import PrintError, print_pdf
from catalog_app.ui.catalog.sizing import sizing_for
from catalog_app.ui.catalog.style import apply_catalog_style
from catalog_app.ui.dialogs import inform

log = logging.getLogger(__name__)


class CompareView(QWidget):
    """The comparison; reused by the kiosk with ``touch=True, allow_pdf=False``.

    Signals:
        back_requested(): "Back to the catalog" was pressed (only with ``show_back=True``).
        model_activated(object): "Details" of a model column was pressed (its id).
        message(str): something for the status bar (the PDF was saved, or why not).
        pdf_written(object): a PDF was written (its ``Path``).
    """

    back_requested = Signal()
    model_activated = Signal(object)
    message = Signal(str)
    pdf_written = Signal(object)

    def __init__(
        self,
        state: AppState,
        basket: CompareBasket,
        *,
        touch: bool = False,
        allow_pdf: bool = True,
        show_back: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        apply_catalog_style(self, touch)
        self._state = state
        self.basket = basket
        self.sizing = sizing_for(touch)
        self._allow_pdf = allow_pdf
        self._stale = True
        self._printer: QPrinter | None = None
        self.last_pdf: Path | None = None

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.back_button = QPushButton()
        self.back_button.setObjectName("backToCatalog")
        self.back_button.setVisible(show_back)
        self.back_button.clicked.connect(self.back_requested)
        self.hide_identical = QCheckBox()
        self.hide_identical.setObjectName("hideIdentical")
        self.hide_identical.toggled.connect(self._hide_toggled)
        self.save_button = QPushButton()
        self.save_button.setObjectName("savePdf")
        self.save_button.clicked.connect(self.ask_and_save_pdf)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printPdf")
        self.print_button.clicked.connect(self.ask_and_print)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearComparison")
        self.clear_button.clicked.connect(basket.clear)
        for button in (self.save_button, self.print_button):
            button.setVisible(allow_pdf)
        for widget in (
            self.back_button,
            self.hide_identical,
            self.save_button,
            self.print_button,
            self.clear_button,
        ):
            self.sizing.apply_font(widget)
            widget.setMinimumHeight(self.sizing.target)
        self.sizing.apply_font(self.title, 1.5, bold=True)

        self.legend = QLabel()
        self.legend.setObjectName("compareLegend")
        self.legend.setWordWrap(True)
        self.sizing.apply_font(self.legend)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("pdfSaved")
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_label.setWordWrap(True)
        self.open_saved = QPushButton()
        self.open_saved.setObjectName("openSavedPdf")
        self.open_saved.clicked.connect(self._open_last_pdf)
        for widget in (self.saved_label, self.open_saved):
            widget.hide()

        self.model = CompareTableModel(self)
        self.table = CompareTable(self.model, self.sizing)
        self.table.details_clicked.connect(self.model_activated)
        self.table.remove_clicked.connect(basket.remove)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("compareEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sizing.apply_font(self.empty_label, 1.1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        top = QHBoxLayout()
        top.setSpacing(self.sizing.spacing)
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.hide_identical)
        top.addWidget(self.save_button)
        top.addWidget(self.print_button)
        top.addWidget(self.clear_button)
        saved = QHBoxLayout()
        saved.addWidget(self.saved_label, 1)
        saved.addWidget(self.open_saved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(self.sizing.spacing)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addLayout(saved)
        layout.addWidget(self.stack, 1)

        basket.changed.connect(self._basket_changed)
        state.database_changed.connect(self._basket_changed)
        self.retranslate()

    # -- content -------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        return self.model.comparison

    def reload(self) -> None:
        """Read the basket's models and show them."""
        self._stale = False
        ids = self.basket.ids()
        try:
            sheets = self._state.catalog.spec_sheets(ids) if ids else []
        except (SQLAlchemyError, UserFacingError, OSError) as exc:
            log.exception("reading models to compare failed")
            self.message.emit(self.tr("The models could not be read: %1").replace("%1", str(exc)))
            sheets = []
        if len(sheets) != len(ids):
            self.basket.keep_only([s.model.id for s in sheets])  # some left the catalog
        comparison = build_comparison(sheets) if sheets else None
        self.model.set_comparison(comparison, self._state.language, self.hide_identical.isChecked())
        self._update_state()

    def _update_state(self) -> None:
        count = len(self.basket)
        self.title.setText(
            self.tr("Comparison (%1 of %2)")
            .replace("%1", str(count))
            .replace("%2", str(self.basket.capacity))
        )
        self.stack.setCurrentWidget(self.table if count else self.empty_label)
        comparison = self.model.comparison
        if count == 1:
            self.legend.setText(self.tr("Add another model to see what differs."))
        elif comparison is not None and not comparison.differing_rows:
            self.legend.setText(self.tr("These models agree on every listed value."))
        else:
            self.legend.setText(
                self.tr(
                    "Tinted rows differ between the models. ✓ in green marks the better value "
                    "(by the field: e.g. longer range, lower energy use, lower price)."
                )
            )
        self.legend.setVisible(count > 0)
        for widget in (self.save_button, self.print_button, self.clear_button, self.hide_identical):
            widget.setEnabled(count > 0)

    # -- PDF -----------------------------------------------------------------------------
    def default_pdf_path(self) -> Path:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        return Path(folder) / f"{self.tr('comparison')}-{stamp}.pdf"

    def ask_and_save_pdf(self) -> None:
        """Ask where to save, then write the PDF in the background."""
        if not self.basket.ids():
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the comparison as PDF"),
            str(self.default_pdf_path()),
            self.tr("PDF files (*.pdf)"),
        )
        if chosen:
            path = Path(chosen)
            self.save_pdf(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def save_pdf(self, target: Path, *, then_print: bool = False) -> None:
        """Write the comparison to ``target`` off the GUI thread; report when done."""
        ids, lang = self.basket.ids(), self._state.language
        hide = self.hide_identical.isChecked()
        catalog = self._state.catalog
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self._state.tasks.start(
            "compare-pdf",
            lambda _ctx: write_comparison_pdf(catalog, ids, target, lang, hide_identical=hide),
            on_finished=lambda path: self._pdf_done(path, then_print),
            on_failed=self._pdf_failed,
        )

    def _pdf_done(self, path: Path, then_print: bool) -> None:
        self._update_state()
        self.last_pdf = path
        self.pdf_written.emit(path)
        if then_print:
            self._print_file(path)
            return
        text = self.tr("Saved: %1").replace("%1", str(path))
        self.saved_label.setText(text)
        self.open_saved.setText(self.tr("Open the PDF"))
        self.saved_label.show()
        self.open_saved.show()
        self.message.emit(text)

    def _pdf_failed(self, error: BaseException) -> None:
        self._update_state()
        if isinstance(error, UserFacingError):
            reason = error.text(self._state.language)
        elif isinstance(error, OSError):
            reason = f"{error.strerror or error}: {error.filename or ''}".strip(": ")
        else:
            reason = str(error)
        text = self.tr("The PDF could not be written: %1").replace("%1", reason)
        self.message.emit(text)
        inform(self, QMessageBox.Icon.Warning, self.tr("Comparison PDF"), text, self.tr("OK"))

    def _open_last_pdf(self) -> None:
        if self.last_pdf is not None and not QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self.last_pdf))
        ):
            self.message.emit(
                self.tr("No program to open PDF files was found for %1.").replace(
                    "%1", self.last_pdf.name
                )
            )

    def ask_and_print(self) -> None:
        """Choose a printer, then make the PDF and print it."""
        if not self.basket.ids():
            return
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(self._printer, self)
        dialog.setObjectName("comparePrintDialog")
        dialog.setWindowTitle(self.tr("Print the comparison"))
        dialog.accepted.connect(self._print_chosen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _print_chosen(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="catalog-compare-"))
        self.save_pdf(folder / "comparison.pdf", then_print=True)

    def print_to(self, printer: QPrinter) -> None:
        """Make the PDF and print it on ``printer`` (the print dialog's choice)."""
        self._printer = printer
        self._print_chosen()

    def _print_file(self, path: Path) -> None:
        if self._printer is None:
            return
        try:
            pages = print_pdf(path, self._printer)
        except PrintError as exc:
            self.message.emit(self.tr("Printing failed: %1").replace("%1", str(exc)))
            return
        self.message.emit(self.tr("Sent %1 page(s) to the printer.").replace("%1", str(pages)))

    # -- reacting ------------------------------------------------------------------------
    def _hide_toggled(self, hide: bool) -> None:
        self.model.set_hide_identical(hide)

    def _basket_changed(self, *_ignored: object) -> None:
        self.saved_label.hide()
        self.open_saved.hide()
        if self.isVisible():
            self.reload()
        else:
            self._stale = True
            self._update_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Back to the catalog"))
        self.hide_identical.setText(self.tr("Hide identical rows"))
        self.save_button.setText(self.tr("Save as PDF…"))
        self.print_button.setText(self.tr("Print…"))
        self.clear_button.setText(self.tr("Clear comparison"))
        self.empty_label.setText(
            self.tr(
                "Nothing to compare yet.\n\nAdd up to 4 models with “+ Compare” on a card or "
                "“+ Add to comparison” on a model's page."
            )
        )
        self.model.labels = {
            "spec": self.tr("Specification"),
            "price": self.tr("Indicative price"),
            "higher": self.tr("Higher is better"),
            "lower": self.tr("Lower is better"),
        }
        if self._stale:
            self._update_state()
        else:
            self.reload()
