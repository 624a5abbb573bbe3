"""Python's cyclic garbage collector, run on the GUI thread only.

Why: Python collects reference cycles whenever an allocation crosses a threshold, on whichever
thread allocates. A background task (an export, a count, a merge) allocates a lot, so a cycle
that holds a Qt widget (a dialog and a lambda connected to its own signal, say) could be freed
on that worker thread. Destroying a QObject off its own thread crashes Qt. So the automatic
collector is switched off and the same thresholds are checked from a timer on the GUI thread.

    collector = GuiThreadGarbageCollector(app)   # once, after the QApplication exists

``collect_now()`` runs a full collection at once (tests call it between scenarios).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 500


class GuiThreadGarbageCollector(QObject):
    """Disables automatic collection and collects from a GUI-thread timer instead."""

    def __init__(self, parent: QObject, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.destroyed.connect(lambda *_: gc.enable())

    def check(self) -> int:
        """Collect the oldest generation whose count crossed its threshold; objects freed."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
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


def install(app: QObject) -> GuiThreadGarbageCollector:
    """The collector for ``app`` (one per application; a second call returns the first)."""
    existing = app.findChild(GuiThreadGarbageCollector)
    if isinstance(existing, GuiThreadGarbageCollector):
        return existing
    return GuiThreadGarbageCollector(app)
