"""A QR code as vector squares in a PDF (encoded by segno; drawn as one filled path).

Error correction level M (15 % of the code may be soiled or folded and it still reads); a quiet
zone of four modules around it, as scanners expect.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from reportlab.lib import colors
from reportlab.platypus import Flowable

QUIET_ZONE = 4


@lru_cache(maxsize=64)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light modules of the QR code of ``payload`` (without the quiet zone)."""
    code = segno.make_qr(payload, error="m", boost_error=False)
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


class QrCode(Flowable):
    """A square QR code ``size`` points wide, quiet zone included."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, 0, self.size)


def draw_qr(canvas, payload: str, x: float, y: float, size: float) -> None:  # type: ignore[no-untyped-def]
    """Draw the QR code of ``payload`` with its lower-left corner at (x, y)."""
    modules = qr_modules(payload)
    count = len(modules) + 2 * QUIET_ZONE
    step = size / count
    path = canvas.beginPath()
    top = y + size - QUIET_ZONE * step
    for row_index, row in enumerate(modules):
        row_y = top - (row_index + 1) * step
        start = None
        for column, dark in enumerate((*row, False)):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                # one rectangle per run of dark modules: fewer path segments, no hairline gaps
                path.rect(x + (QUIET_ZONE + start) * step, row_y, (column - start) * step, step)
                start = None
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
