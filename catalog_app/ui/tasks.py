"""The one place where long work runs off the GUI thread: import, export, merge, print, backup.

A ``Task`` wraps a plain function ``work(context) -> result``. The function runs
on a QThreadPool thread, reports progress through ``context.report(done, total, text)`` and
checks ``context.cancelled`` (or calls ``context.raise_if_cancelled()``) between steps. Results
come back to the GUI thread as Qt signals (queued connections), so slots may touch widgets.

    task = runner.start("backup", lambda ctx: database.backup(),
                        on_finished=show_done, on_failed=show_error)
    task.cancel()   # asks the work to stop at its next check

The work function must not touch widgets or share a SQLAlchemy session with the GUI thread.

Memory: the pool is handed ``task.run`` (a callable, released once it has run), not the task as
a QRunnable: PySide keeps every QRunnable passed to ``QThreadPool.start`` referenced for as long
as the pool lives, so every task ever run stayed in memory (a few KiB each: test_soak.py).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskCancelled(Exception):
    """Raised inside work by ``raise_if_cancelled()``; ends the task as cancelled, not failed."""


class TaskSignals(QObject):
    """Signals of one task, emitted from the worker thread and delivered on the GUI thread.

    Signals:
        progress(int, int, str): steps done, steps in all (0 if unknown), a short description.
        finished(object): the work's return value.
        failed(object): the exception the work raised.
        cancelled(): the work stopped because ``cancel()`` was called.
        ended(): after any of finished / failed / cancelled.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()


class TaskContext:
    """What the work function sees: progress reporting and the cancel flag."""

    def __init__(self, signals: TaskSignals, cancel_flag: threading.Event) -> None:
        self._signals = signals
        self._cancel_flag = cancel_flag

    @property
    def cancelled(self) -> bool:
        return self._cancel_flag.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel_flag.is_set():
            raise TaskCancelled()

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)


Work = Callable[[TaskContext], Any]


def _ended_work(_context: TaskContext) -> None:
    raise TaskCancelled()


class Task:
    """One unit of background work; see the module docstring."""

    def __init__(self, name: str, work: Work) -> None:
        self.name = name
        self.signals = TaskSignals()
        self._work = work
        self._cancel_flag = threading.Event()
        self._done = threading.Event()

    def cancel(self) -> None:
        self._cancel_flag.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel_flag.is_set()

    @property
    def is_done(self) -> bool:
        return self._done.is_set()

    def release(self) -> None:
        """Called on the GUI thread once the task ended: free the work (which may hold widgets)
        and delete the signals object here, on its own thread, never on the worker thread that
        may drop the last reference to this task."""
        self._work = _ended_work
        self.signals.deleteLater()

    def run(self) -> None:  # runs on a pool thread
        context = TaskContext(self.signals, self._cancel_flag)
        try:
            if self._cancel_flag.is_set():
                raise TaskCancelled()
            result = self._work(context)
        except TaskCancelled:
            log.info("task %s cancelled", self.name)
            self._done.set()
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - reported to the GUI, never a crash
            log.exception("task %s failed", self.name)
            self._done.set()
            self.signals.failed.emit(exc)
        else:
            self._done.set()
            self.signals.finished.emit(result)
        self.signals.ended.emit()


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they end.

    Signals:
        busy_changed(bool): True when the first task starts, False when the last one ends.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool(self)
        self._running: list[Task] = []

    def start(
        self,
        name: str,
        work: Work,
        *,
        on_finished: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        """Run ``work`` off the GUI thread; the callbacks run on the GUI thread."""
        task = Task(name, work)
        if on_finished is not None:
            task.signals.finished.connect(on_finished)
        if on_failed is not None:
            task.signals.failed.connect(on_failed)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        if on_cancelled is not None:
            task.signals.cancelled.connect(on_cancelled)
        task.signals.ended.connect(lambda: self._forget(task))
        self._running.append(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pool.start(task.run)
        return task

    def running(self, name: str | None = None) -> list[Task]:
        """Tasks not yet ended (optionally only those called ``name``)."""
        return [t for t in self._running if name is None or t.name == name]

    def cancel_all(self) -> None:
        for task in self._running:
            task.cancel()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until every started task's work has returned; False on timeout."""
        return self._pool.waitForDone(timeout_ms)

    def _forget(self, task: Task) -> None:
        if task in self._running:
            self._running.remove(task)
            task.release()
            if not self._running:
                self.busy_changed.emit(False)
