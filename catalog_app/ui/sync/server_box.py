"""Push to and pull from a central PostgreSQL server (managers only).

The address is remembered on this device without its password; the password field is never
stored (leave it empty when the server needs none, or when ``PGPASSWORD`` / ``~/.pgpass``
provides it). A pull that meets writes stamped far ahead of this clock asks before accepting.

Signals:
    synced(object): a ``ServerSyncResult`` after a push or pull finished.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.sync import errors as reasons
from catalog_app.services.sync.history import remember_server, remembered_server, with_password
from catalog_app.store.locations import is_server_url
from catalog_app.ui.accounts.ui_helpers import ERROR_STYLE, error_label, if_alive, show_error
from catalog_app.ui.app_state import AppState
from catalog_app.ui.dialogs import ask
from catalog_app.ui.sync.progress_row import ProgressRow
from catalog_app.ui.sync.sync_work import error_text, run_cancellable

if TYPE_CHECKING:
    from catalog_app.services.sync.server import ServerSyncResult

SERVER_TASK = "sync-server"


class ServerBox(QGroupBox):
    """Server address, password, Push and Pull, with progress and the outcome."""

    synced = Signal(object)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverBox")
        self._state = state
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setObjectName("serverUrl")
        self.url.setClearButtonEnabled(True)
        self.url.textEdited.connect(lambda _text: show_error(self.url_error, ""))
        self.url_error = error_label("serverUrlError")
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.push_button = QPushButton()
        self.push_button.setObjectName("pushButton")
        self.push_button.clicked.connect(lambda: self.start(pushing=True))
        self.pull_button = QPushButton()
        self.pull_button.setObjectName("pullButton")
        self.pull_button.clicked.connect(lambda: self.start(pushing=False))
        self.hint = QLabel()
        self.hint.setObjectName("serverHint")
        self.hint.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("serverResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setVisible(False)
        self.progress = ProgressRow("serverProgress")
        self.url_label, self.password_label = QLabel(), QLabel()
        form = QFormLayout()
        url_column = QVBoxLayout()
        url_column.setSpacing(2)
        url_column.addWidget(self.url)
        url_column.addWidget(self.url_error)
        form.addRow(self.url_label, url_column)
        form.addRow(self.password_label, self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.push_button)
        buttons.addWidget(self.pull_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        state.staff_changed.connect(self._changed)
        state.database_changed.connect(self._database_changed)
        self._load_address()
        self.retranslate()

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.result.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Central server"))
        self.explain.setText(
            self.tr(
                "When the hall or the office has a network: push sends this computer's changes "
                "to the organisation's PostgreSQL server, pull brings everyone else's. Only what "
                "changed since the last time travels; an interrupted sync continues where it "
                "stopped."
            )
        )
        self.url_label.setText(self.tr("Server address"))
        self.password_label.setText(self.tr("Password"))
        self.url.setPlaceholderText(self.tr("postgresql://user@host/database"))
        self.password.setPlaceholderText(self.tr("not stored; empty if none is needed"))
        self.push_button.setText(self.tr("Push"))
        self.pull_button.setText(self.tr("Pull"))
        self.update_enabled()

    def _load_address(self) -> None:
        database = self._state.database
        self.url.setText(remembered_server(database) if database.path is not None else "")

    def _database_changed(self, _database: object) -> None:
        self._load_address()
        self.update_enabled()

    def _changed(self, _value: object) -> None:
        self.update_enabled()

    def update_enabled(self) -> None:
        on_file = self._state.database.path is not None
        manager = self._state.is_manager
        allowed = on_file and manager and not self.progress.busy
        for widget in (self.push_button, self.pull_button):
            widget.setEnabled(allowed)
        if not on_file:
            hint = self.tr("This window is open on the server database itself.")
        elif not manager:
            hint = self.tr("Managers only: sign in as a manager to push or pull.")
        else:
            hint = ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    # -- push and pull -------------------------------------------------------------------
    def start(self, *, pushing: bool, accept_clock_skew: bool = False) -> None:
        if self.progress.busy or not self._state.is_manager:
            return
        address = self.url.text().strip()
        if not is_server_url(address):
            show_error(
                self.url_error,
                self.tr("Type the server's address, starting with postgresql://"),
            )
            self.url.setFocus()
            return
        database, actor = self._state.database, self._state.current_staff
        url = with_password(address, self.password.text())

        def work(context: object) -> ServerSyncResult:
            # Imported here: the server sync (and psycopg) load when a manager first uses it.
            from catalog_app.services.sync.server import pull, push

            if pushing:
                result = run_cancellable(context, push, database, url, actor=actor)  # type: ignore[arg-type]
            else:
                result = run_cancellable(
                    context,  # type: ignore[arg-type]
                    pull,
                    database,
                    url,
                    actor=actor,
                    accept_clock_skew=accept_clock_skew,
                )
            remember_server(database, address)
            return result

        self.result.setStyleSheet("")
        self._say(self.tr("Connecting to the server…"))
        task = self._state.tasks.start(
            SERVER_TASK,
            work,
            on_finished=if_alive(self, self._done),
            on_failed=if_alive(self, lambda error: self._failed(error, pushing)),
            on_cancelled=if_alive(self, self._cancelled),
            on_progress=if_alive(self, self.progress.report),
        )
        self.progress.follow(task)
        self.update_enabled()

    def _done(self, result: ServerSyncResult) -> None:
        self.progress.finish()
        self._say(result.text(self._state.language))
        self.update_enabled()
        self.synced.emit(result)

    def _failed(self, error: BaseException, pushing: bool) -> None:
        self.progress.finish()
        self.update_enabled()
        message = error_text(error, self._state.language)
        self.result.setStyleSheet(ERROR_STYLE)
        self._say(message)
        if getattr(error, "message", None) is reasons.SERVER_CLOCK_AHEAD and not pushing:
            accepted = ask(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Clock ahead"),
                message,
                self.tr("Accept and pull"),
                self.tr("Do not pull"),
            )
            if accepted:
                self.start(pushing=False, accept_clock_skew=True)
        self.synced.emit(None)

    def _cancelled(self) -> None:
        self.progress.finish()
        self._say(
            self.tr(
                "Cancelled. Every batch finished before the cancel is kept; the next sync "
                "continues from there."
            )
        )
        self.update_enabled()
        self.synced.emit(None)
