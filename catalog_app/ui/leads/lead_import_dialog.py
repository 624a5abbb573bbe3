"""Import a file of leads (managers only): pick the file, check how its columns are read, import
with progress and cancel.

The preview lists each column of the file with a few example values and the field it will fill;
a person can change any of them (or leave a column out). Reading the file and importing run off
the GUI thread; a bad file lists every problem (row, column, reason) and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.text import UserFacingError
from catalog_app.services.catalog_import import ImportCancelled
from catalog_app.services.lead_import import (
    ImportPreview,
    LeadImportReport,
    import_leads,
    preview_file,
)
from catalog_app.services.lead_import_columns import IGNORE, IMPORT_FIELDS
from catalog_app.ui.app_state import AppState
from catalog_app.ui.tasks import Task, TaskCancelled, TaskContext

EXAMPLES = 3


class LeadImportDialog(QDialog):
    """Signals:
    imported(object): the import finished; its ``LeadImportReport``.
    """

    imported = Signal(object)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadImportDialog")
        # Deleted on the GUI thread when closed, never later by Python's garbage collector
        # on whatever thread happens to run it.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Import leads"))
        self.resize(860, 600)
        self._state = state
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.mapping: dict[str, str] = {}
        self.report: LeadImportReport | None = None
        self._task: Task | None = None

        self.intro = QLabel(
            self.tr(
                "Leads collected elsewhere — paper forms typed later, another lead app's export — "
                "from a CSV file (UTF-8 or GB18030) or an Excel workbook (.xlsx). Columns are "
                "recognised by their Chinese or English names; check them below. Importing the "
                "same file again adds nothing; people already here are marked as possible "
                "duplicates, never merged silently."
            )
        )
        self.intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("chooseImportFile")
        self.choose_button.clicked.connect(self._choose)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("importFileLabel")
        self.columns = QTableWidget(0, 3)
        self.columns.setObjectName("importColumns")
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example values"), self.tr("Imported as")]
        )
        self.columns.verticalHeader().setVisible(False)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.messages = QPlainTextEdit()
        self.messages.setObjectName("importMessages")
        self.messages.setReadOnly(True)
        self.messages.setMaximumHeight(150)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setVisible(False)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("startImport")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.cancel_import)
        self.cancel_button.setVisible(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeImport")
        self.close_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.messages)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- the file and its columns --------------------------------------------------------
    def _choose(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a file of leads"),
            str(Path.home()),
            self.tr("Lead files (*.csv *.xlsx *.txt *.tsv)"),
        )
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path) -> None:
        """Read ``path`` (off the GUI thread) and show how its columns will be imported."""
        self.path = Path(path)
        self.mapping = {}
        self.report = None
        self.file_label.setText(str(self.path))
        self.messages.setPlainText(self.tr("Reading the file…"))
        self._read_preview()

    def _read_preview(self) -> None:
        path, mapping = self.path, dict(self.mapping)
        if path is None:
            return
        self._busy(True)
        self._task = self._state.tasks.start(
            "lead-import-preview",
            lambda _ctx: preview_file(path, mapping),
            on_finished=self._show_preview,
            on_failed=self._failed,
        )
        self._update_buttons()

    def _show_preview(self, preview: ImportPreview) -> None:
        self._busy(False)
        self.preview = preview
        table = preview.table
        self.columns.setRowCount(len(table.headers))
        fields = preview.plan.fields if preview.plan else {}
        for index, header in enumerate(table.headers):
            examples = [cells[index] for _n, cells in table.rows[:EXAMPLES] if index < len(cells)]
            self.columns.setItem(index, 0, QTableWidgetItem(header))
            self.columns.setItem(index, 1, QTableWidgetItem("  |  ".join(e for e in examples if e)))
            combo = QComboBox()
            combo.setObjectName(f"importField_{index}")
            combo.addItem(self.tr("— not imported —"), IGNORE)
            for name in IMPORT_FIELDS:
                combo.addItem(self.field_label(name), name)
            chosen = fields.get(index, self.mapping.get(header, IGNORE))
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.currentIndexChanged.connect(
                lambda _i, h=header, c=combo: self.choose_field(h, str(c.currentData()))
            )
            self.columns.setCellWidget(index, 2, combo)
        lang = self._state.language
        lines = [
            self.tr("%1 data row(s); read as %2.")
            .replace("%1", str(len(table.rows)))
            .replace("%2", table.encoding)
        ]
        lines += [problem.text(lang) for problem in preview.problems]
        self.messages.setPlainText("\n".join(lines))
        self._update_buttons()

    def choose_field(self, header: str, name: str) -> None:
        """A person chose what a column is (``ignore``: leave it out); the plan is re-checked."""
        self.mapping[header] = name
        self._read_preview()

    def field_combo(self, header: str) -> QComboBox | None:
        for row in range(self.columns.rowCount()):
            item = self.columns.item(row, 0)
            if item is not None and item.text() == header:
                widget = self.columns.cellWidget(row, 2)
                return widget if isinstance(widget, QComboBox) else None
        return None

    # -- importing -----------------------------------------------------------------------
    def start_import(self) -> None:
        if self.path is None or self.preview is None or self.preview.plan is None:
            return
        path, mapping = self.path, dict(self.mapping)
        database, actor = self._state.database, self._state.current_staff

        def work(context: TaskContext) -> LeadImportReport:
            def progress(done: int, total: int) -> bool:
                context.report(done, total)
                return not context.cancelled

            try:
                return import_leads(database, path, mapping, actor=actor, progress=progress)
            except ImportCancelled as exc:
                raise TaskCancelled() from exc

        self.messages.setPlainText(self.tr("Importing…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._busy(True, importing=True)
        self._task = self._state.tasks.start(
            "lead-import",
            work,
            on_finished=self._finished,
            on_failed=self._failed,
            on_progress=self._progressed,
            on_cancelled=self._cancelled,
        )
        self._update_buttons()

    def cancel_import(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)

    def _progressed(self, done: int, total: int, _text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finished(self, report: LeadImportReport) -> None:
        self._busy(False)
        self.progress.setVisible(False)
        self.report = report
        self.messages.setPlainText(report.summary(self._state.language))
        self.imported.emit(report)
        self._update_buttons()

    def _cancelled(self) -> None:
        self._busy(False)
        self.progress.setVisible(False)
        self.messages.setPlainText(self.tr("Import cancelled: nothing was imported."))
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.progress.setVisible(False)
        lang = self._state.language
        text = error.text(lang) if isinstance(error, UserFacingError) else str(error)
        self.messages.setPlainText(text)
        self._update_buttons()

    def _busy(self, busy: bool, *, importing: bool = False) -> None:
        if not busy:
            self._task = None
        self.choose_button.setEnabled(not busy)
        self.columns.setEnabled(not busy)
        self.cancel_button.setVisible(busy and importing)
        self.cancel_button.setEnabled(True)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.preview is not None and self.preview.plan is not None
        self.import_button.setEnabled(ready and self._task is None and self.report is None)
        importing = self._task is not None and self._task.name == "lead-import"
        self.close_button.setEnabled(not importing)

    def reject(self) -> None:
        if self._task is not None and self._task.name == "lead-import":
            return  # cancel first (Esc must not hide an import that is still running)
        super().reject()

    def field_label(self, name: str) -> str:
        labels = {
            "person_name": self.tr("Name"),
            "company": self.tr("Company"),
            "title": self.tr("Title"),
            "mobile": self.tr("Mobile"),
            "landline": self.tr("Landline"),
            "email": self.tr("E-mail"),
            "wechat_id": self.tr("WeChat"),
            "credit_code": self.tr("Credit code"),
            "industry": self.tr("Industry"),
            "fleet_size": self.tr("Fleet size"),
            "models": self.tr("Models of interest"),
            "quantity": self.tr("Quantity"),
            "rating": self.tr("Rating"),
            "notes": self.tr("Notes"),
            "follow_up": self.tr("Follow-up status"),
            "timeframe": self.tr("Purchase timeframe"),
            "financing": self.tr("Financing"),
            "energy_preference": self.tr("Charging or swap"),
            "captured_at": self.tr("Date captured"),
            "consent": self.tr("Consent (yes/no)"),
            "consent_text": self.tr("Consent wording"),
            "consent_version": self.tr("Consent version"),
            "consent_at": self.tr("Consent date"),
        }
        return f"{labels.get(name, name)}  ({name})"
