"""Merge sync packages: the packages are checked and dry-run first, then applied on request.

    dialog = MergeDialog(state, [Path("booth-1.catpkg"), Path("booth-2.catpkg")])
    dialog.open()

On opening, a task checks every package and runs the merge as a dry run (rolled back): the
summary says what would be new, updated, conflicting, and which people look like duplicates.
"Merge" applies it, with progress; Cancel (or closing) stops it and nothing is changed. A package
from a laptop whose clock ran fast needs the "accept" box ticked. The checked packages stay open
(extracted) until the dialog closes, so applying does not check them again.

Signals:
    merged(object): the ``MergeSummary`` after the merge was applied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.sync.apply import (
    check_merge_allowed,
    merge_opened,
    open_packages,
    work_root,
)
from catalog_app.services.sync.package_check import OpenedPackage
from catalog_app.services.sync.summary import MergeSummary
from catalog_app.ui.accounts.ui_helpers import ERROR_STYLE, if_alive
from catalog_app.ui.app_state import AppState
from catalog_app.ui.sync.progress_row import ProgressRow
from catalog_app.ui.sync.sync_work import error_text, run_cancellable

DRY_RUN_TASK = "sync-merge-dry-run"
APPLY_TASK = "sync-merge-apply"


class MergeDialog(QDialog):
    """Dry run, then merge, of chosen package files (managers only)."""

    merged = Signal(object)

    def __init__(self, state: AppState, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self._state = state
        self.paths = list(paths)
        self.opened: list[OpenedPackage] = []
        self.dry_summary: MergeSummary | None = None
        self.summary: MergeSummary | None = None
        self.applied = False

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.files = QListWidget()
        self.files.setObjectName("mergePackages")
        self.files.setMaximumHeight(110)
        for path in self.paths:
            self.files.addItem(path.name)
            self.files.item(self.files.count() - 1).setToolTip(str(path))
        self.report = QPlainTextEdit()
        self.report.setObjectName("mergeSummary")
        self.report.setReadOnly(True)
        self.error = QLabel()
        self.error.setObjectName("mergeError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        self.accept_skew = QCheckBox()
        self.accept_skew.setObjectName("acceptClockSkew")
        self.accept_skew.setVisible(False)
        self.accept_skew.toggled.connect(self._update_buttons)
        self.progress = ProgressRow("mergeProgress")
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("applyMerge")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeMerge")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.files)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.accept_skew)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.resize(760, 560)
        self.retranslate()
        self._dry_run()

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Merge sync packages"))
        self.intro.setText(
            self.tr(
                "The packages are checked and the merge is tried without changing anything. "
                "Read the summary, then press Merge. Merging can be repeated safely, in any "
                "order."
            )
        )
        self.accept_skew.setText(
            self.tr("Accept the fast clock of that laptop (this computer's clock moves ahead)")
        )
        self.apply_button.setText(self.tr("&Merge"))
        self.close_button.setText(self.tr("Close") if not self.busy else self.tr("Cancel"))
        lang = self._state.language
        shown = self.summary or self.dry_summary
        if shown is not None:
            self.report.setPlainText(shown.text(lang))

    # -- the dry run ---------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.progress.busy

    def _dry_run(self) -> None:
        database, actor, paths = self._state.database, self._state.current_staff, self.paths

        def work(context: Any) -> tuple[list[OpenedPackage], MergeSummary]:
            check_merge_allowed(database, actor, len(paths))
            opened = open_packages(paths, work_root(database))
            try:
                summary = run_cancellable(
                    context, merge_opened, database, opened, actor=actor, dry_run=True
                )
            except BaseException:
                for package in opened:
                    package.close()
                raise
            return opened, summary

        self.report.setPlainText(self.tr("Checking the packages…"))
        task = self._state.tasks.start(
            DRY_RUN_TASK,
            work,
            on_finished=if_alive(self, self._dry_run_done),
            on_failed=if_alive(self, self._failed),
            on_cancelled=if_alive(self, self._cancelled),
            on_progress=if_alive(self, self.progress.report),
        )
        self.progress.follow(task)
        self._update_buttons()

    def _dry_run_done(self, result: tuple[list[OpenedPackage], MergeSummary]) -> None:
        self.progress.finish()
        self.opened, self.dry_summary = result
        self.report.setPlainText(self.dry_summary.text(self._state.language))
        self.accept_skew.setVisible(self.dry_summary.needs_clock_acceptance)
        self._update_buttons()

    # -- applying ------------------------------------------------------------------------
    def apply(self) -> None:
        if self.busy or not self.opened or self.applied:
            return
        database, actor, opened = self._state.database, self._state.current_staff, self.opened
        accept = self.accept_skew.isChecked()
        self.error.setVisible(False)
        task = self._state.tasks.start(
            APPLY_TASK,
            lambda context: run_cancellable(
                context, merge_opened, database, opened, actor=actor, accept_clock_skew=accept
            ),
            on_finished=if_alive(self, self._applied),
            on_failed=if_alive(self, self._failed),
            on_cancelled=if_alive(self, self._cancelled),
            on_progress=if_alive(self, self.progress.report),
        )
        self.progress.follow(task)
        self._update_buttons()

    def _applied(self, summary: MergeSummary) -> None:
        self.progress.finish()
        self.summary = summary
        self.applied = True
        self.report.setPlainText(summary.text(self._state.language))
        self._update_buttons()
        self.merged.emit(summary)

    def _failed(self, error: BaseException) -> None:
        self.progress.finish()
        self.error.setText(error_text(error, self._state.language))
        self.error.setVisible(True)
        if self.dry_summary is None:
            self.report.setPlainText("")
        self._update_buttons()

    def _cancelled(self) -> None:
        self.progress.finish()
        self.error.setText(self.tr("Cancelled: nothing was changed."))
        self.error.setVisible(True)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.dry_summary is not None and not self.applied and not self.busy
        needs_accept = (
            ready
            and self.dry_summary is not None
            and (self.dry_summary.needs_clock_acceptance and not self.accept_skew.isChecked())
        )
        self.apply_button.setEnabled(ready and not needs_accept)
        self.apply_button.setVisible(not self.applied)
        self.close_button.setText(self.tr("Cancel") if self.busy else self.tr("Close"))

    # -- closing -------------------------------------------------------------------------
    def reject(self) -> None:
        """Close; a running dry run or merge is cancelled first (nothing is changed)."""
        if self.busy:
            self.progress.cancel()
            return
        self._release()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            self.progress.cancel()
            event.ignore()
            return
        self._release()
        super().closeEvent(event)

    def _release(self) -> None:
        for package in self.opened:
            package.close()
        self.opened = []
