"""The lead list's counts ("12,345 leads match", "234 not yet exported"), counted off the GUI
thread: on a million leads a count reads the whole table (a few tenths of a second), so it never
runs on the GUI thread, and a newer request interrupts the count still running for an older one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from catalog_app.services.query_interrupt import QueryInterrupted, QueryInterrupter
from catalog_app.ui.tasks import TaskCancelled, TaskContext, TaskRunner

CountWork = Callable[[QueryInterrupter], int]


class LeadCounts(QObject):
    """Runs named counts; the latest request of each name wins.

    Signals:
        counted(str, int): a count finished (its name, the number).
        counting(str): a count of that name started (show "counting…").
        failed(str, str): a count failed (its name, the reason).
    """

    counted = Signal(str, int)
    counting = Signal(str)
    failed = Signal(str, str)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._generations: dict[str, int] = {}
        self._interrupters: dict[str, QueryInterrupter] = {}
        self.values: dict[str, int | None] = {}

    def request(self, name: str, count: CountWork) -> None:
        self.stop(name)
        generation = self._generations.get(name, 0) + 1
        self._generations[name] = generation
        interrupter = QueryInterrupter()
        self._interrupters[name] = interrupter
        self.values[name] = None

        def work(context: TaskContext) -> int:
            try:
                return count(interrupter)
            except QueryInterrupted as exc:
                raise TaskCancelled() from exc

        self.counting.emit(name)
        self._tasks.start(
            f"lead-count-{name}",
            work,
            on_finished=lambda value: self._done(name, generation, int(value)),
            on_failed=lambda exc: self._failed(name, generation, exc),
        )

    def stop(self, name: str) -> None:
        interrupter = self._interrupters.pop(name, None)
        if interrupter is not None:
            interrupter.interrupt()

    def stop_all(self) -> None:
        for name in list(self._interrupters):
            self.stop(name)

    def is_counting(self, name: str) -> bool:
        return name in self._interrupters

    def _done(self, name: str, generation: int, value: int) -> None:
        if self._generations.get(name) != generation:
            return
        self._interrupters.pop(name, None)
        self.values[name] = value
        self.counted.emit(name, value)

    def _failed(self, name: str, generation: int, error: BaseException) -> None:
        if self._generations.get(name) != generation:
            return
        self._interrupters.pop(name, None)
        self.failed.emit(name, str(error))
