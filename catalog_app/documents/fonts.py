"""The bundled Chinese font for reportlab: registered once, embedded as a subset in every PDF.

PDFs must never fall back silently to a Latin font (Chinese would come out as black boxes or
nothing): if the font file is missing, ``register_cjk_font`` raises ``MissingFontError`` with a
clear message. Registration parses a 5 MB font (about 0.1 s), so it happens on first use by a
document, not on the GUI's start-up path.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.locations import font_path

CJK_FONT_NAME = "WenQuanYiMicroHei"
_lock = threading.Lock()

FONT_MISSING = Bilingual(
    zh="找不到程序自带的中文字体 {path}，无法生成 PDF。请重新安装程序。",
    en="The app's Chinese font {path} is missing, so no PDF can be made. Please reinstall the app.",
)


class MissingFontError(UserFacingError):
    def __init__(self, path: Path) -> None:
        super().__init__(FONT_MISSING, path=str(path))


def register_cjk_font(path: Path | None = None) -> str:
    """Register the bundled font with reportlab (once); return its reportlab name."""
    with _lock:
        if CJK_FONT_NAME in pdfmetrics.getRegisteredFontNames():
            return CJK_FONT_NAME
        source = path or font_path()
        if not source.is_file():
            raise MissingFontError(source)
        # A .ttc holds several faces; face 0 is WenQuanYi Micro Hei (1 is its mono variant).
        pdfmetrics.registerFont(TTFont(CJK_FONT_NAME, str(source), subfontIndex=0))
        return CJK_FONT_NAME
