"""The models picked for comparison: up to four, in the order they were added.

One basket is shared by the catalog browser, the model page, the compare tray and the compare
view (and by the kiosk's screens); each listens to ``changed``. Only ids are kept: a model that
disappears from the catalog is dropped by the compare view when it next reads the sheets.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal

CAPACITY = 4


class CompareBasket(QObject):
    """Signals:
    changed(): models were added, removed or cleared.
    rejected_full(): an ``add`` was refused because the basket already holds ``capacity``.
    """

    changed = Signal()
    rejected_full = Signal()

    def __init__(self, capacity: int = CAPACITY, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._capacity = capacity
        self._ids: list[uuid.UUID] = []

    @property
    def capacity(self) -> int:
        return self._capacity

    def ids(self) -> list[uuid.UUID]:
        return list(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, model_id: object) -> bool:
        return model_id in self._ids

    @property
    def is_full(self) -> bool:
        return len(self._ids) >= self._capacity

    def add(self, model_id: uuid.UUID) -> bool:
        """Add a model; False (and ``rejected_full``) when the basket is full."""
        if model_id in self._ids:
            return True
        if self.is_full:
            self.rejected_full.emit()
            return False
        self._ids.append(model_id)
        self.changed.emit()
        return True

    def remove(self, model_id: uuid.UUID) -> None:
        if model_id in self._ids:
            self._ids.remove(model_id)
            self.changed.emit()

    def toggle(self, model_id: uuid.UUID) -> bool:
        """Add or remove; True if the model is in the basket afterwards."""
        if model_id in self._ids:
            self.remove(model_id)
            return False
        return self.add(model_id)

    def keep_only(self, model_ids: list[uuid.UUID]) -> None:
        """Drop ids not in ``model_ids`` (models that left the catalog)."""
        kept = [i for i in self._ids if i in set(model_ids)]
        if kept != self._ids:
            self._ids = kept
            self.changed.emit()

    def clear(self) -> None:
        if self._ids:
            self._ids.clear()
            self.changed.emit()
