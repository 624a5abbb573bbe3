"""Draw the application icon with QPainter and write it for every OS that needs one.

    python build/make_icon.py [--out resources/icons]

Writes ``app.png`` (512 px, window icon and Linux desktop file), ``app.ico`` (Windows: 16–256 px,
PNG-compressed entries) and ``app.icns`` (macOS: 16–1024 px, PNG entries). Nothing is downloaded:
the picture — a white electric truck with a green charging bolt on the app's blue — is drawn
here at each size, so the small sizes stay sharp. Deterministic for a given Qt version; the
results are committed, and ``build/build.py`` runs this only when one of them is missing.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "resources" / "icons"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS icon types that hold PNG data, by pixel size (the @2x types repeat a size).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)
PNG_SIZE = 512

BLUE_TOP = "#1e88e5"
BLUE_BOTTOM = "#0d47a1"
BOLT = "#8be04e"
BOLT_EDGE = "#2e7d32"


def _draw(size: int):  # -> QImage (PySide6 imported lazily: the module imports without Qt)
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100.0, size / 100.0)  # draw on a 100 x 100 grid

    # Background: a rounded square with a soft vertical gradient.
    gradient = QLinearGradient(0, 4, 0, 96)
    gradient.setColorAt(0.0, QColor(BLUE_TOP))
    gradient.setColorAt(1.0, QColor(BLUE_BOTTOM))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(QRectF(4, 4, 92, 92), 21, 21)

    white = QColor("#ffffff")
    painter.setBrush(white)
    # Cargo box (left) and cab (right), side view.
    painter.drawRoundedRect(QRectF(12, 30, 48, 34), 3.5, 3.5)
    cab = QPainterPath()
    cab.moveTo(63, 38)
    cab.lineTo(77, 38)
    cab.lineTo(88, 52)
    cab.lineTo(88, 64)
    cab.lineTo(63, 64)
    cab.closeSubpath()
    painter.drawPath(cab)
    # Cab window.
    painter.setBrush(QColor(BLUE_BOTTOM))
    window = QPainterPath()
    window.moveTo(67, 42)
    window.lineTo(75.5, 42)
    window.lineTo(82.5, 51)
    window.lineTo(67, 51)
    window.closeSubpath()
    painter.drawPath(window)
    # Chassis line and wheels (white tyres around blue hubs).
    painter.setBrush(white)
    painter.drawRect(QRectF(12, 63, 76, 4))
    for centre_x in (26.0, 75.0):
        painter.setBrush(white)
        painter.drawEllipse(QPointF(centre_x, 70), 9.5, 9.5)
        painter.setBrush(QColor(BLUE_BOTTOM))
        painter.drawEllipse(QPointF(centre_x, 70), 4.2, 4.2)

    # The charging bolt on the box.
    bolt = QPainterPath()
    for index, (x, y) in enumerate(
        ((40, 33), (25, 50), (35, 50), (30, 61), (46, 43), (36, 43), (40, 33))
    ):
        if index == 0:
            bolt.moveTo(x, y)
        else:
            bolt.lineTo(x, y)
    pen = QPen(QColor(BOLT_EDGE))
    pen.setWidthF(max(1.2, 100.0 / size))  # at least one device pixel
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(QColor(BOLT))
    painter.drawPath(bolt)
    painter.end()
    return image


def png_bytes(size: int) -> bytes:
    """The icon drawn at ``size`` x ``size`` pixels, encoded as PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not _draw(size).save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (supported since Windows Vista)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory = b""
    for size in sizes:
        data = images[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + directory + b"".join(images[size] for size in sizes)


def icns_bytes(images: dict[int, bytes]) -> bytes:
    """A macOS .icns of PNG entries (readable since OS X 10.7)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(out: Path) -> list[Path]:
    """Draw every size and write app.png, app.ico and app.icns into ``out``; the paths."""
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    sizes = sorted({PNG_SIZE, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    images = {size: png_bytes(size) for size in sizes}
    out.mkdir(parents=True, exist_ok=True)
    written = {
        out / "app.png": images[PNG_SIZE],
        out / "app.ico": ico_bytes({size: images[size] for size in ICO_SIZES}),
        out / "app.icns": icns_bytes(images),
    }
    for path, data in written.items():
        path.write_bytes(data)
    return list(written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the icons")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in write_icons(args.out):
        print(f"make_icon: wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
