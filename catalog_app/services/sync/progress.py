"""Progress reports and cancellation for long sync work, without Qt.

The GUI passes its task context's ``report`` and ``cancelled``; the CLI passes a printer (or
nothing). Work checks ``raise_if_cancelled`` between steps; ``SyncCancelled`` unwinds the open
transaction, so a cancelled merge leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


class SyncCancelled(Exception):  # noqa: N818 - reads as what happened
    """The person cancelled; everything done so far in the transaction was rolled back."""


@dataclass
class Progress:
    """``report(done, total, text)`` and ``raise_if_cancelled()`` over optional callbacks."""

    report_fn: ProgressFn | None = None
    cancelled_fn: CancelFn | None = None

    def report(self, done: int, total: int, text: str = "") -> None:
        if self.report_fn is not None:
            self.report_fn(done, total, text)

    def raise_if_cancelled(self) -> None:
        if self.cancelled_fn is not None and self.cancelled_fn():
            raise SyncCancelled()
