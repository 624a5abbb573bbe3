"""One visitor's time at the kiosk: the models picked for comparison (at most four), in order.

Everything here is wiped when the visitor leaves (the idle timeout) — ``clear()``.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal

COMPARE_CAPACITY = 4


class KioskSession(QObject):
    """Signals:
    compare_changed(): a model was added to or removed from the comparison.
    compare_full(): a fifth model was refused.
    """

    compare_changed = Signal()
    compare_full = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._compare: list[uuid.UUID] = []

    @property
    def compared(self) -> list[uuid.UUID]:
        return list(self._compare)

    def is_compared(self, model_id: uuid.UUID) -> bool:
        return model_id in self._compare

    def set_compared(self, model_id: uuid.UUID, wanted: bool) -> bool:
        """Add or remove ``model_id``; False when adding was refused (already four)."""
        if wanted and model_id not in self._compare:
            if len(self._compare) >= COMPARE_CAPACITY:
                self.compare_full.emit()
                return False
            self._compare.append(model_id)
        elif not wanted and model_id in self._compare:
            self._compare.remove(model_id)
        else:
            return True
        self.compare_changed.emit()
        return True

    def clear(self) -> None:
        if self._compare:
            self._compare.clear()
            self.compare_changed.emit()
