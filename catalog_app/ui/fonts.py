"""Register the bundled CJK font so Chinese renders on a machine that has no Chinese fonts.

The font (WenQuanYi Micro Hei, a .ttc with a proportional and a monospaced face) ships in
``resources/fonts``. It becomes the first family of the application font, so every widget draws
Chinese and Latin text with the same face on every booth laptop, whatever fonts it has installed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from catalog_app.locations import font_path

log = logging.getLogger(__name__)

BUNDLED_FAMILY = "WenQuanYi Micro Hei"
BASE_POINT_SIZE = 10.5

_registered: dict[Path, list[str]] = {}


class BundledFontError(RuntimeError):
    """The bundled font file is missing or Qt could not load it: Chinese would show as boxes."""


def register_bundled_font(path: Path | None = None) -> list[str]:
    """Add the bundled font file to Qt's font database (once); return the families it holds.

    Needs a QGuiApplication. Raises ``BundledFontError`` with the path if the file is missing or
    unreadable: without it, Chinese text would render as empty boxes, so we refuse to go on.
    """
    path = (path or font_path()).resolve()
    if path in _registered:
        return _registered[path]
    if QGuiApplication.instance() is None:
        raise RuntimeError("register_bundled_font() needs a QGuiApplication")
    if not path.is_file():
        raise BundledFontError(
            f"The bundled Chinese font is missing: {path}. The app ships this file so that "
            "Chinese text renders on machines without Chinese fonts; reinstall the app."
        )
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise BundledFontError(
            f"Qt could not load the bundled Chinese font {path} (damaged file?); reinstall the app."
        )
    log.debug("registered font %s: %s", path, families)
    _registered[path] = list(families)
    return _registered[path]


def apply_bundled_font(app: QGuiApplication, path: Path | None = None) -> QFont:
    """Register the bundled font and make it the application font; return that font."""
    families = register_bundled_font(path)
    family = BUNDLED_FAMILY if BUNDLED_FAMILY in families else families[0]
    font = QFont(app.font())
    font.setFamilies([family])
    font.setPointSizeF(BASE_POINT_SIZE)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return font
