"""Autosave the form being typed as a draft, off the GUI thread, one write at a time.

Every change restarts a short timer (about half a second); when it fires, the form's current
payload is written (``DraftService``), or the draft removed when the form is empty. Writes never
overlap and the newest wins, so a discard after a saved lead cannot be overtaken by an older
autosave. A write the database refuses goes to a recovery file; if that fails too, ``problem``
says so (the form still holds everything).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from catalog_app.services.drafts import DraftService
from catalog_app.ui.accounts.ui_helpers import error_text, if_alive
from catalog_app.ui.app_state import AppState

AUTOSAVE_DELAY_MS = 500
Payload = Callable[[], dict[str, Any] | None]  # None: the form is empty


class DraftKeeper(QObject):
    """Signals:
    problem(str): the draft could not be kept (a message in the UI language; "" when fixed).
    written(str): a draft write finished ("database", "file" or "discarded").
    """

    problem = Signal(str)
    written = Signal(str)

    def __init__(self, state: AppState, slot: str, payload: Payload, parent: QObject) -> None:
        super().__init__(parent)
        self._state = state
        self.slot = slot
        self._payload = payload
        self._pending: tuple[str, dict[str, Any] | None] | None = None
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self._take_snapshot)
        self.paused = False  # while a recovered draft is being put back

    @property
    def idle(self) -> bool:
        return not (self._busy or self._pending or self._timer.isActive())

    def schedule(self) -> None:
        """The form changed: write it a moment from now."""
        if not self.paused:
            self._timer.start()

    def discard(self) -> None:
        """The lead was saved (or thrown away): remove the draft."""
        self._timer.stop()
        self._queue(("discard", None))

    def flush_now(self) -> None:
        """Write a pending change at once, on this thread (the app is quitting)."""
        if not self._timer.isActive():
            return
        self._timer.stop()
        payload = self._payload()
        drafts = DraftService(self._state.database)
        try:
            if payload is None:
                drafts.discard(self.slot)
            else:
                drafts.save(self.slot, payload)
        except Exception as exc:  # noqa: BLE001 - quitting: log through the signal, go on
            self.problem.emit(error_text(exc, self._state.language))

    def _take_snapshot(self) -> None:
        payload = self._payload()
        self._queue(("discard", None) if payload is None else ("save", payload))

    def _queue(self, operation: tuple[str, dict[str, Any] | None]) -> None:
        self._pending = operation
        if not self._busy:
            self._run()

    def _run(self) -> None:
        if self._pending is None:
            return
        kind, payload = self._pending
        self._pending = None
        self._busy = True
        drafts = DraftService(self._state.database)
        slot = self.slot

        def work(_ctx: object) -> str:
            if kind == "discard" or payload is None:
                drafts.discard(slot)
                return "discarded"
            return drafts.save(slot, payload)

        self._state.tasks.start(
            "draft",
            work,
            on_finished=if_alive(self, self._finished),
            on_failed=if_alive(self, self._failed),
        )

    def _finished(self, where: str) -> None:
        self._busy = False
        self.problem.emit("")
        self.written.emit(where)
        self._run()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.problem.emit(error_text(error, self._state.language))
        self._run()
