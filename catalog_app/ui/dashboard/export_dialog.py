"""Export leads to a file: format, filters, file name, progress and cancel (managers only).

    dialog = ExportDialog(state, initial_filter=lead_list.current_filter())
    dialog.show()

Reusable from any page: the lead list opens it with its own filter. The export runs on the task
runner (``ui/tasks``) with a progress bar; Cancel stops it between batches and no file is left
behind. Staff members see why the Export button is disabled; the service refuses them too.
Errors are shown in the dialog in the reader's language, and every choice stays as it was.

Signals:
    exported(object): an ``ExportResult`` after a file was written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.text import UserFacingError
from catalog_app.services.exports import (
    CsvEncoding,
    ExportCancelled,
    ExportFormat,
    ExportPhase,
    ExportRequest,
    ExportResult,
    FileOptions,
    export_leads,
)
from catalog_app.services.exports.choices import filter_choices
from catalog_app.services.lead_query import LeadFilter, count_leads
from catalog_app.ui.app_state import AppState
from catalog_app.ui.dashboard.export_filters import ExportFilterPanel
from catalog_app.ui.dialogs import ask
from catalog_app.ui.tasks import Task, TaskCancelled, TaskContext

COUNT_DELAY_MS = 300
CSV_LIKE = (ExportFormat.CSV, ExportFormat.SALESFORCE, ExportFormat.HUBSPOT)


def default_folder() -> Path:
    """The Documents folder if it exists, else the home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


class ExportDialog(QDialog):
    exported = Signal(object)

    def __init__(
        self,
        state: AppState,
        initial_filter: LeadFilter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setModal(False)
        self._state = state
        self.task: Task | None = None
        self._count_task: Task | None = None
        self._count_serial = 0
        self._last_count: tuple[LeadFilter, int] | None = None  # the filter and its count
        self.result: ExportResult | None = None
        self.filters = ExportFilterPanel(initial_filter or LeadFilter(), state.language)
        self.filters.changed.connect(self._schedule_count)
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for fmt in ExportFormat:
            self.format.addItem("", fmt)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.encoding = QComboBox()
        self.encoding.setObjectName("exportEncoding")
        for encoding in CsvEncoding:
            self.encoding.addItem("", encoding)
        self.mark = QCheckBox()
        self.mark.setChecked(True)
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_file)
        self.count_label = QLabel()
        self.count_label.setObjectName("exportCount")
        self.notice = QLabel()
        self.notice.setObjectName("exportNotice")
        self.notice.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("exportCancelButton")
        self.cancel_button.clicked.connect(self.cancel_or_close)
        self.show_folder = QPushButton()
        self.show_folder.setVisible(False)
        self.show_folder.clicked.connect(self._open_folder)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count)
        self._build()
        self.retranslate()
        self._format_changed()
        # Bound methods, not lambdas: Qt drops the connections when the dialog is deleted.
        state.staff_changed.connect(self._staff_changed)
        self._update_permission()
        self._load_choices()
        self._schedule_count()

    def _build(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self.file_box = QGroupBox()
        form = QFormLayout(self.file_box)
        self.format_label, self.encoding_label, self.file_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.format_label, self.format)
        form.addRow(self.encoding_label, self.encoding)
        form.addRow(self.file_label, file_row)
        form.addRow("", self.mark)
        self.filter_box = QGroupBox()
        QVBoxLayout(self.filter_box).addWidget(self.filters)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_folder)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_box)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.count_label)
        layout.addWidget(self.notice)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(720, 640)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export leads"))
        names = {
            ExportFormat.XLSX: self.tr("Excel workbook (.xlsx): leads and interests sheets"),
            ExportFormat.CSV: self.tr("CSV for Excel (.csv)"),
            ExportFormat.SALESFORCE: self.tr("Salesforce lead import (.csv)"),
            ExportFormat.HUBSPOT: self.tr("HubSpot contacts import (.csv)"),
            ExportFormat.VCARD: self.tr("vCard contacts (.vcf)"),
        }
        for row in range(self.format.count()):
            self.format.setItemText(row, names[self.format.itemData(row)])
        encodings = {
            CsvEncoding.UTF8_BOM: self.tr("UTF-8 with BOM (Excel shows Chinese)"),
            CsvEncoding.UTF8: self.tr("UTF-8 without BOM (scripts, CRM importers)"),
            CsvEncoding.GB18030: self.tr("GB18030 (older Chinese software)"),
        }
        for row in range(self.encoding.count()):
            self.encoding.setItemText(row, encodings[self.encoding.itemData(row)])
        self.file_box.setTitle(self.tr("File"))
        self.filter_box.setTitle(self.tr("Which leads"))
        self.format_label.setText(self.tr("Format"))
        self.encoding_label.setText(self.tr("Text encoding"))
        self.file_label.setText(self.tr("Save as"))
        self.browse.setText(self.tr("Choose…"))
        self.mark.setText(self.tr("Mark these leads as exported"))
        self.export_button.setText(self.tr("Export"))
        self.show_folder.setText(self.tr("Show in folder"))
        self._update_cancel_text()

    # -- choices and the live count (off the GUI thread) -------------------------------------
    def _load_choices(self) -> None:
        database = self._state.database
        self._state.tasks.start(
            "export-choices",
            lambda _ctx: filter_choices(database),
            on_finished=self.filters.set_choices,
        )

    def _schedule_count(self) -> None:
        self._count_timer.start()

    def _count(self) -> None:
        if self._count_task is not None and not self._count_task.is_done:
            self._count_task.cancel()
        database, flt = self._state.database, self.filters.current_filter()
        self._count_serial += 1
        serial = self._count_serial
        self.count_label.setText(self.tr("Counting…"))
        self._count_task = self._state.tasks.start(
            "export-count",
            lambda _ctx: (serial, flt, count_leads(database, flt)),
            on_finished=self._counted,
        )

    def _counted(self, result: tuple[int, LeadFilter, int]) -> None:
        serial, flt, count = result
        if serial != self._count_serial:
            return  # an older count
        self._last_count = (flt, count)
        self.count_label.setText(self.tr("%n lead(s) will be exported.", "", count))

    # -- permission, format, file -------------------------------------------------------------
    def _staff_changed(self, _member: object) -> None:
        self._update_permission()

    def _update_permission(self) -> None:
        allowed = self._state.is_manager
        running = self.task is not None and not self.task.is_done
        self.export_button.setEnabled(allowed and not running)
        self.notice.setText(
            ""
            if allowed
            else self.tr(
                "Only a manager can export leads: they hold personal data. Sign in as a manager "
                "to export."
            )
        )
        self.notice.setVisible(not allowed)

    def _format_changed(self) -> None:
        fmt = self.selected_format()
        self.encoding.setEnabled(fmt in CSV_LIKE)
        wanted = CsvEncoding.UTF8_BOM if fmt is ExportFormat.CSV else CsvEncoding.UTF8
        self.encoding.setCurrentIndex(self.encoding.findData(wanted))
        text = self.path.text().strip()
        if not text:
            stem = self.tr("leads") + f"-{date.today():%Y-%m-%d}"
            self.path.setText(str(default_folder() / f"{stem}{fmt.suffix}"))
        else:
            current = Path(text)
            if current.suffix.lower() in (".xlsx", ".csv", ".vcf"):
                self.path.setText(str(current.with_suffix(fmt.suffix)))

    def selected_format(self) -> ExportFormat:
        return ExportFormat(self.format.currentData())

    def choose_file(self) -> None:
        fmt = self.selected_format()
        filters = {
            ".xlsx": self.tr("Excel workbook (*.xlsx)"),
            ".csv": self.tr("CSV file (*.csv)"),
            ".vcf": self.tr("vCard file (*.vcf)"),
        }
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export leads"), self.path.text(), filters[fmt.suffix]
        )
        if chosen:
            self.path.setText(chosen)

    # -- the export ----------------------------------------------------------------------------
    def request(self) -> ExportRequest | None:
        text = self.path.text().strip()
        if not text:
            self.status.setText(self.tr("Please choose where to save the file."))
            self.path.setFocus()
            return None
        encoding = CsvEncoding(self.encoding.currentData()) if self.encoding.isEnabled() else None
        flt = self.filters.current_filter()
        counted = self._last_count
        return ExportRequest(
            self.selected_format(),
            Path(text).expanduser(),
            filter=flt,
            known_total=counted[1] if counted is not None and counted[0] == flt else None,
            options=FileOptions(lang=self._state.language, encoding=encoding),
            mark_exported=self.mark.isChecked(),
        )

    def start_export(self, *, confirm_overwrite: bool = True) -> None:
        request = self.request()
        if request is None or (self.task is not None and not self.task.is_done):
            return
        if (
            confirm_overwrite
            and request.path.exists()
            and not ask(
                self,
                QMessageBox.Icon.Question,
                self.tr("Export leads"),
                self.tr("%1 exists. Replace it when the export is complete?").replace(
                    "%1", request.path.name
                ),
                self.tr("Replace"),
                self.tr("Keep it"),
            )
        ):
            return
        database, actor = self._state.database, self._state.current_staff

        def work(ctx: TaskContext) -> ExportResult:
            try:
                return export_leads(
                    database,
                    request,
                    actor=actor,
                    progress=lambda done, total, phase: ctx.report(done, total, phase.value),
                    is_cancelled=lambda: ctx.cancelled,
                )
            except ExportCancelled as exc:
                raise TaskCancelled() from exc

        self.result = None
        self.show_folder.setVisible(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Starting…"))
        self.task = self._state.tasks.start(
            "export-leads",
            work,
            on_finished=self._finished,
            on_failed=self._failed,
            on_progress=self._progressed,
            on_cancelled=self._cancelled,
        )
        self.task.signals.ended.connect(self._ended)
        self._update_permission()
        self._update_cancel_text()

    def _progressed(self, done: int, total: int, phase: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        texts = {
            ExportPhase.WRITING.value: self.tr("Writing %1 of %2 leads…"),
            ExportPhase.FINISHING.value: self.tr("Finishing the file…"),
            ExportPhase.MARKING.value: self.tr("Marking %1 of %2 leads as exported…"),
        }
        self.status.setText(
            texts.get(phase, "%1 / %2").replace("%1", f"{done:,}").replace("%2", f"{total:,}")
        )

    def _finished(self, result: ExportResult) -> None:
        self.result = result
        self.progress.setVisible(False)
        self.status.setText(
            self.tr("Exported %1 lead(s) to %2.")
            .replace("%1", f"{result.rows:,}")
            .replace("%2", str(result.path))
        )
        self.show_folder.setVisible(True)
        self.exported.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.progress.setVisible(False)
        lang = self._state.language
        reason = error.text(lang) if isinstance(error, UserFacingError) else str(error)
        self.status.setText(self.tr("The export failed: %1").replace("%1", reason))

    def _cancelled(self) -> None:
        self.progress.setVisible(False)
        self.status.setText(self.tr("Cancelled. No file was written."))

    def _ended(self) -> None:
        self._update_permission()
        self._update_cancel_text()

    def cancel_or_close(self) -> None:
        if self.task is not None and not self.task.is_done:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.close()

    def _update_cancel_text(self) -> None:
        running = self.task is not None and not self.task.is_done
        self.cancel_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def _open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path.parent)))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.task is not None and not self.task.is_done:
            self.task.cancel()  # a closed dialog leaves no half-written file behind
        super().closeEvent(event)
