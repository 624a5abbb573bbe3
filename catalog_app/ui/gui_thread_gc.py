"""Python's cyclic garbage collector, run on the GUI thread only.

Why: Python collects reference cycles whenever an allocation crosses a threshold, on whichever
thread allocates. A background task (an export, a count, a merge) allocates a lot, so a cycle
that holds a Qt widget (a dialog and a lambda connected to its own signal, say) could be freed
on that worker thread. Destroying a QObject off its own thread crashes Qt. So the automatic
collector is switched off and the same thresholds are checked from a timer on the GUI thread.

    collector = GuiThreadGarbageCollector(app)   # once, after the QApplication exists

Python itself runs a full (oldest-generation) collection only when the objects waiting for one
are a quarter of all long-lived objects; that figure is not readable from Python, so full
collections here are spaced in time instead. ``freeze_long_lived()`` (once the window is up)
moves everything built at start-up out of the collector's sight, so collections stay cheap.

``collect_now()`` runs a full collection at once (tests call it between scenarios).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 500
FULL_COLLECTION_SPACING_S = 30.0


class GuiThreadGarbageCollector(QObject):
    """Disables automatic collection and collects from a GUI-thread timer instead."""

    def __init__(
        self,
        parent: QObject,
        interval_ms: int = CHECK_INTERVAL_MS,
        full_spacing_s: float = FULL_COLLECTION_SPACING_S,
    ) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._full_spacing_s = full_spacing_s
        self._last_full = time.monotonic()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.destroyed.connect(lambda *_: gc.enable())

    def check(self) -> int:
        """Collect the oldest generation whose count crossed its threshold (the oldest one at
        most every ``full_spacing_s`` seconds); the number of objects freed."""
        counts = gc.get_count()
        now = time.monotonic()
        if counts[2] > self._thresholds[2] and now - self._last_full >= self._full_spacing_s:
            self._last_full = now
            return gc.collect(2)
        for generation in (1, 0):
            if counts[generation] > self._thresholds[generation]:
                return gc.collect(generation)
        return 0

    @staticmethod
    def collect_now() -> int:
        return gc.collect()

    def stop(self) -> None:
        """Collect once more, here, and give collection back to Python."""
        self._timer.stop()
        gc.collect()
        gc.enable()


def freeze_long_lived() -> None:
    """Keep what exists now (modules, the window, caches) out of every later collection."""
    gc.freeze()


def install(app: QObject) -> GuiThreadGarbageCollector:
    """The collector for ``app`` (one per application; a second call returns the first)."""
    existing = app.findChild(GuiThreadGarbageCollector)
    if isinstance(existing, GuiThreadGarbageCollector):
        return existing
    return GuiThreadGarbageCollector(app)
