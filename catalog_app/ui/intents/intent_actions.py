"""What can be done with saved intent forms, shared by the list and the editor: preview, print
(one or several, with progress and cancel), save as PDF, and status changes.

PDFs are made and printed off the GUI thread (``ui/tasks.py``); the printer and the file are
chosen first, on the GUI thread, in the system dialogs. A form printed or saved as PDF is marked
printed (drafts only; audited). ``choose_printer`` and ``choose_pdf_path`` are the only places
that open system dialogs, so tests can answer them.

Signals:
    changed(): forms changed status (the list and the editor reload).
    message(str): something for the status bar.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from catalog_app.domain.enums import IntentStatus
from catalog_app.services.intents import IntentService
from catalog_app.ui.accounts.ui_helpers import error_text, if_alive
from catalog_app.ui.app_state import AppState
from catalog_app.ui.dialogs import ask, inform
from catalog_app.ui.intents.note_dialog import NoteDialog
from catalog_app.ui.intents.preview_dialog import PreviewDialog
from catalog_app.ui.intents.printing import PrintCancelled, prepare_a4, print_pdfs
from catalog_app.ui.tasks import Task, TaskCancelled, TaskContext


class IntentActions(QObject):
    changed = Signal()
    message = Signal(str)

    def __init__(self, state: AppState, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._state = state
        self._widget = parent_widget
        self.preview_dialog: PreviewDialog | None = None
        self._preview_id: uuid.UUID | None = None
        self.progress: QProgressDialog | None = None
        self.task: Task | None = None

    @property
    def _staff_id(self) -> uuid.UUID | None:
        staff = self._state.current_staff
        return staff.id if staff is not None else None

    def _fail(self, title: str, error: BaseException) -> None:
        text = error_text(error, self._state.language)
        self.message.emit(text)
        inform(self._widget, QMessageBox.Icon.Warning, title, text, self.tr("OK"))

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.is_done

    # -- preview -------------------------------------------------------------------------
    def preview(self, intent_id: uuid.UUID) -> None:
        database = self._state.database

        def work(_ctx: TaskContext) -> tuple[bytes, str]:
            from catalog_app.services.intent_render import IntentRenderer

            renderer = IntentRenderer(database)
            record = IntentService(database).get(intent_id)
            return renderer.render_record(record), record.reference

        self.message.emit(self.tr("Making the preview…"))
        self._state.tasks.start(
            "intent-preview",
            work,
            on_finished=if_alive(self, lambda result: self._show_preview(intent_id, *result)),
            on_failed=if_alive(self, lambda error: self._fail(self.tr("Preview"), error)),
        )

    def _show_preview(self, intent_id: uuid.UUID, data: bytes, reference: str) -> None:
        if self.preview_dialog is None:
            self.preview_dialog = PreviewDialog(self._widget)
            self.preview_dialog.print_requested.connect(
                lambda: self._preview_id and self.print_intents([self._preview_id])
            )
            self.preview_dialog.save_requested.connect(
                lambda: self._preview_id and self.save_pdf(self._preview_id)
            )
        self._preview_id = intent_id
        self.preview_dialog.show_pdf(data, reference)
        self.preview_dialog.show()
        self.preview_dialog.raise_()
        self.message.emit("")

    # -- printing ------------------------------------------------------------------------
    def choose_printer(self, count: int) -> QPrinter | None:
        """The system print dialog; None when the person cancels."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_a4(printer)
        dialog = QPrintDialog(printer, self._widget)
        dialog.setWindowTitle(
            self.tr("Print %1 intent forms").replace("%1", str(count))
            if count > 1
            else self.tr("Print")
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def print_intents(self, intent_ids: list[uuid.UUID]) -> None:
        """Print the forms as one job, with progress and cancel; mark drafts printed after."""
        if not intent_ids or self.busy:
            return
        printer = self.choose_printer(len(intent_ids))
        if printer is None:
            return
        prepare_a4(printer)
        database = self._state.database
        count = len(intent_ids)
        making = self.tr("Making PDF %1 of %2…")
        printing = self.tr("Printing page %1 of %2…")

        def work(ctx: TaskContext) -> int:
            from catalog_app.services.intent_render import IntentRenderer

            renderer = IntentRenderer(database)
            documents = []
            for index, intent_id in enumerate(intent_ids):
                ctx.raise_if_cancelled()
                ctx.report(
                    index, count * 2, making.replace("%1", str(index + 1)).replace("%2", str(count))
                )
                documents.append(renderer.render(intent_id))

            def progress(done: int, total: int) -> None:
                share = count + round(done / max(total, 1) * count)
                ctx.report(
                    share, count * 2, printing.replace("%1", str(done)).replace("%2", str(total))
                )

            try:
                return print_pdfs(
                    printer, documents, cancelled=lambda: ctx.cancelled, progress=progress
                )
            except PrintCancelled as exc:
                raise TaskCancelled() from exc

        self._run_with_progress(
            "intent-print",
            self.tr("Printing"),
            work,
            lambda pages: self._printed(intent_ids, pages),
        )

    def _printed(self, intent_ids: list[uuid.UUID], pages: int) -> None:
        try:
            IntentService(self._state.database).mark_printed(intent_ids, staff_id=self._staff_id)
        except Exception as exc:  # noqa: BLE001 - shown to the person, the booth goes on
            self._fail(self.tr("Print"), exc)
            return
        self.message.emit(
            self.tr("Printed %1 form(s), %2 page(s).")
            .replace("%1", str(len(intent_ids)))
            .replace("%2", str(pages))
        )
        self.changed.emit()

    # -- saving as PDF -------------------------------------------------------------------
    def choose_pdf_path(self, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self._widget, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")

    def save_pdf(self, intent_id: uuid.UUID) -> None:
        if self.busy:
            return
        database = self._state.database
        try:
            record = IntentService(database).get(intent_id)
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Save as PDF"), exc)
            return
        suffix = f"-R{record.revision}" if record.revision > 1 else ""
        target = self.choose_pdf_path(str(Path.home() / f"{record.reference}{suffix}.pdf"))
        if target is None:
            return

        def work(_ctx: TaskContext) -> Path:
            from catalog_app.services.intent_render import IntentRenderer, write_pdf

            return write_pdf(IntentRenderer(database).render_record(record), target)

        self._run_with_progress(
            "intent-save-pdf",
            self.tr("Saving PDF"),
            work,
            lambda path: self._saved(intent_id, path),
        )

    def _saved(self, intent_id: uuid.UUID, path: Path) -> None:
        try:
            IntentService(self._state.database).mark_printed([intent_id], staff_id=self._staff_id)
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Save as PDF"), exc)
            return
        self.message.emit(self.tr("Saved %1").replace("%1", str(path)))
        self.changed.emit()

    # -- progress ------------------------------------------------------------------------
    def _run_with_progress(
        self,
        name: str,
        title: str,
        work: Callable[[TaskContext], object],
        done: Callable[..., None],
    ) -> None:
        progress = QProgressDialog(self._widget)
        progress.setObjectName("intentProgress")
        progress.setWindowTitle(title)
        progress.setLabelText(title)
        progress.setCancelButtonText(self.tr("Cancel"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setRange(0, 0)
        self.progress = progress

        def report(step: int, total: int, text: str) -> None:
            progress.setRange(0, max(total, 1))
            progress.setValue(step)
            if text:
                progress.setLabelText(text)

        def finish() -> None:
            progress.close()
            progress.deleteLater()
            if self.progress is progress:
                self.progress = None

        def finished(result: object) -> None:
            finish()
            done(result)

        def failed(error: BaseException) -> None:
            finish()
            self._fail(title, error)

        def cancelled() -> None:
            finish()
            self.message.emit(self.tr("Cancelled: nothing was marked printed."))

        self.task = self._state.tasks.start(
            name,
            work,
            on_finished=if_alive(self, finished),
            on_failed=if_alive(self, failed),
            on_progress=if_alive(self, report),
            on_cancelled=if_alive(self, cancelled),
        )
        progress.canceled.connect(self.task.cancel)
        progress.show()

    # -- status --------------------------------------------------------------------------
    def change_status(self, intent_id: uuid.UUID, status: IntentStatus) -> bool:
        """Ask, then move the form to ``status``; True when it changed."""
        note = ""
        if status is IntentStatus.CANCELLED:
            dialog = NoteDialog(
                self.tr("Cancel this intent form"),
                self.tr(
                    "The form stays in the list, marked cancelled, and can no longer be "
                    "changed. Why is it cancelled? (optional)"
                ),
                self.tr("Cancel the form"),
                self.tr("Keep it"),
                self._widget,
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            note = dialog.note
        elif status is IntentStatus.SIGNED and not ask(
            self._widget,
            QMessageBox.Icon.Question,
            self.tr("Mark as signed"),
            self.tr(
                "Have both parties signed (and sealed) the printed form? A signed form is "
                "printed without the DRAFT mark and can no longer be changed."
            ),
            self.tr("Mark signed"),
            self.tr("Not yet"),
        ):
            return False
        try:
            IntentService(self._state.database).set_status(
                intent_id, status, staff_id=self._staff_id, note=note
            )
        except Exception as exc:  # noqa: BLE001
            self._fail(self.tr("Status"), exc)
            return False
        self.changed.emit()
        return True
