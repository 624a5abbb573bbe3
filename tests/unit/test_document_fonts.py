"""The bundled Chinese font in PDFs: embedded, extractable back as text, loud when missing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from catalog_app.documents.fonts import MissingFontError, register_cjk_font


def test_chinese_text_drawn_with_the_bundled_font_comes_back_out_of_the_pdf() -> None:
    name = register_cjk_font()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.setFont(name, 14)
    page.drawString(72, 720, "黔岭 K7 换电牵引车 · 电池电量 282 kWh")
    page.save()

    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    assert "换电牵引车" in reader.pages[0].extract_text()
    fonts = reader.pages[0]["/Resources"]["/Font"]
    cjk = [
        fonts[key].get_object()
        for key in fonts
        if "WenQuanYi" in str(fonts[key].get_object().get("/BaseFont"))
    ]
    assert cjk, "the bundled font is not in the page's fonts"
    descriptor = cjk[0]["/FontDescriptor"].get_object()
    assert "/FontFile2" in descriptor, "the font is referenced but not embedded"


def test_a_missing_font_file_fails_loudly_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlab.pdfbase import pdfmetrics

    monkeypatch.setattr(pdfmetrics, "getRegisteredFontNames", lambda: [])
    with pytest.raises(MissingFontError) as caught:
        register_cjk_font(tmp_path / "gone.ttc")
    assert "gone.ttc" in caught.value.text("en")
    assert "中文字体" in caught.value.text("zh_CN")
