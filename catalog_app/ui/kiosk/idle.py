"""The kiosk's idle clock: after ``timeout`` seconds without activity, ``idle`` is emitted once.

The time comes from ``now`` (``time.monotonic`` by default; tests pass a clock they control and
call ``check()``), checked every ``tick_ms`` by a timer, so the idle moment never drifts with a
busy event loop. ``poke()`` records activity (the kiosk's event filter calls it).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

TICK_MS = 500


class IdleWatcher(QObject):
    """Signals:
    idle(): nobody touched the kiosk for ``timeout`` seconds (once per quiet spell).
    """

    idle = Signal()

    def __init__(
        self,
        timeout: float,
        now: Callable[[], float] = time.monotonic,
        tick_ms: int = TICK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._timeout = float(timeout)
        self._now = now
        self._last = now()
        self._fired = False
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.check)

    @property
    def timeout(self) -> float:
        return self._timeout

    def set_timeout(self, seconds: float) -> None:
        self._timeout = float(seconds)

    def start(self) -> None:
        self.poke()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poke(self) -> None:
        self._last = self._now()
        self._fired = False

    def idle_for(self) -> float:
        return self._now() - self._last

    def check(self) -> None:
        if not self._fired and self.idle_for() >= self._timeout:
            self._fired = True
            self.idle.emit()
