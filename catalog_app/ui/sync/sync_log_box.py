"""The sync log: exports, merges, pushes and pulls, newest first (this device's and, merged with
their data, other devices')."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.enums import SyncDirection
from catalog_app.services.sync.history import SyncLogRow, recent_sync_log
from catalog_app.ui.accounts.ui_helpers import if_alive
from catalog_app.ui.app_state import AppState

LOG_TASK = "sync-log"
LOG_LIMIT = 200


class SyncLogBox(QGroupBox):
    """The newest ``LOG_LIMIT`` entries of ``sync_log``, read off the GUI thread."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncLogBox")
        self._state = state
        self.rows: list[SyncLogRow] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("syncLogTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(180)
        header = self.table.horizontalHeader()
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setObjectName("syncLogEmpty")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        state.database_changed.connect(lambda _db: self.refresh())
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sync log"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("With"), self.tr("Result"), self.tr("Rows")]
        )
        self.empty.setText(self.tr("Nothing synced yet."))
        self._fill()

    def refresh(self) -> None:
        database = self._state.database
        self._state.tasks.start(
            LOG_TASK,
            lambda _context: recent_sync_log(database, LOG_LIMIT),
            on_finished=if_alive(self, self._loaded),
        )

    def _loaded(self, rows: list[SyncLogRow]) -> None:
        self.rows = rows
        self._fill()

    def _what(self, row: SyncLogRow) -> str:
        names = {
            SyncDirection.PACKAGE_EXPORT: self.tr("Package exported"),
            SyncDirection.PACKAGE_MERGE: self.tr("Package merged"),
            SyncDirection.PUSH: self.tr("Pushed"),
            SyncDirection.PULL: self.tr("Pulled"),
        }
        text = names.get(row.direction, str(row.direction))
        if row.device_id is not None and row.device_id != self._state.database.device_id:
            text = self.tr("%1 (on another device)").replace("%1", text)
        return text

    def _result(self, status: str) -> str:
        names = {
            "ok": self.tr("done"),
            "interrupted": self.tr("interrupted, continues next time"),
            "cancelled": self.tr("cancelled"),
            "failed": self.tr("failed"),
        }
        return names.get(status, status)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            rows = (
                row.counts.get("rows", row.rows_changed)
                if row.direction in (SyncDirection.PUSH, SyncDirection.PULL)
                else row.rows_changed
            )
            if row.direction is SyncDirection.PACKAGE_EXPORT:
                rows = sum(v for v in row.counts.values() if isinstance(v, int))
            cells = (
                row.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                self._what(row),
                row.peer,
                self._result(row.status),
                f"{int(rows):,}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setToolTip(row.message or row.peer)
                if column == 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(index, column, item)
        self.empty.setVisible(not self.rows)
