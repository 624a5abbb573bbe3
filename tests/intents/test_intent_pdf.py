"""The printed form, read back: what a PDF text extractor finds on each page, the watermark, the
languages, the repeated table header, the embedded font, the QR code and the TCO annex."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
import segno
from intent_test_data import lead_id, model_id, pdf_pages
from pypdf import PdfReader

from catalog_app.documents.fonts import MissingFontError
from catalog_app.documents.intent_pdf import render_intent_pdf
from catalog_app.domain.enums import IntentStatus
from catalog_app.services.intent_data import LineInput
from catalog_app.services.intent_prefill import IntentPrefill
from catalog_app.services.intent_render import IntentRenderer
from catalog_app.services.intents import IntentService
from catalog_app.store.database import Database

NON_BINDING = "本意向书仅表达合作意向，除保密条款外不具法律约束力，以正式合同为准"


def _render(database: Database, reference: str) -> bytes:
    record = IntentService(database).find(reference)
    return IntentRenderer(database).render_record(record)


def _flat(text: str) -> str:
    """Extracted text without the line breaks a wrapped paragraph gets."""
    return re.sub(r"\s*\n\s*", "", text)


def test_the_text_holds_parties_models_totals_and_the_non_binding_clause(
    fair_db: Database,
) -> None:
    pages = pdf_pages(_render(fair_db, "QLHT-SAMPLE-0002"))  # printed, Chinese only
    text = "\n".join(pages)
    flat = _flat(text)
    assert "购车意向书" in text
    assert "黔岭重卡（示例）" in text  # the seller, on the letterhead and as a party
    assert "91520900MA6HQ1L28D" in text
    assert "黔西示例煤业有限公司（示例）" in text  # the buyer
    assert "黔岭 D8 纯电动自卸车 8×4 423 kWh" in text
    assert "QLZ3310BEVD1" in text  # its announcement number
    assert "15,360,000.00" in text  # 20 × 768,000
    assert "人民币壹仟伍佰叁拾陆万元整" in flat
    assert NON_BINDING in flat
    assert "另行签订正式的车辆买卖合同" in flat
    assert "一式两份" in flat
    assert "QLHT-SAMPLE-0002" in pages[0]
    assert "融资租赁" in flat and "36 个月" in flat


def test_a_bilingual_form_has_english_sub_labels_and_each_language_only_its_own(
    fair_db: Database,
) -> None:
    bilingual = "\n".join(pdf_pages(_render(fair_db, "QLHT-SAMPLE-0001")))
    assert "买方" in bilingual and "Buyer" in bilingual
    assert "Qianling K7 battery-swap tractor 6x4 282 kWh" in bilingual  # the model's English name
    assert "The formal contract prevails" in _flat(bilingual).replace("the formal", "The formal")

    chinese = "\n".join(pdf_pages(_render(fair_db, "QLHT-SAMPLE-0002")))
    assert "买方" in chinese and "Buyer" not in chinese and "Seller" not in chinese

    english = "\n".join(pdf_pages(_render(fair_db, "QLHT-SAMPLE-0005")))
    flat = _flat(english)
    assert "Buyer" in english and "Letter of Intent to Purchase Vehicles" in english
    assert "买方" not in english and "卖方" not in english
    assert "Qianling Heavy Truck (sample)" in english
    assert "2,694,000.00" in english and "人民币贰佰陆拾玖万肆仟元整" in flat
    assert "not legally binding" in flat


def test_the_draft_watermark_is_on_every_page_until_the_form_is_signed(
    fair_db: Database,
) -> None:
    service = IntentService(fair_db)
    draft = service.find("ZNSW-SAMPLE-0003")
    pages = pdf_pages(IntentRenderer(fair_db).render_record(draft))
    assert all("草稿" in page and "DRAFT" in page for page in pages)

    printed = service.find("QLHT-SAMPLE-0002")
    signed = service.set_status(printed.id, IntentStatus.SIGNED)
    text = "\n".join(pdf_pages(IntentRenderer(fair_db).render_record(signed)))
    assert "DRAFT" not in text.upper() and "草稿" not in text
    assert "黔西示例煤业有限公司（示例）" in text  # the form itself is all there


def test_a_cancelled_form_says_so_on_every_page(fair_db: Database) -> None:
    pages = pdf_pages(_render(fair_db, "ZCSV-SAMPLE-0004"))
    assert all("已作废" in page for page in pages)
    assert not any("草稿" in page for page in pages)


def test_sixty_lines_flow_over_pages_with_the_table_header_repeated(fair_db: Database) -> None:
    data = IntentPrefill(fair_db).from_lead(lead_id("S-001")).intent
    data.lines = [
        LineInput(
            model_id=model_id("QLHT", "QL-T6-282S"),
            model_name=f"测试车型 {number:02d} 号",
            announcement_no=f"QLZ4250TEST{number:02d}",
            battery_config="282 kWh 磷酸铁锂",
            energy_mode="swap",
            colour="白色",
            quantity=number,
            unit_price_cny=Decimal("100000.50"),
        )
        for number in range(1, 61)
    ]
    record = IntentService(fair_db).save(data)
    pages = pdf_pages(IntentRenderer(fair_db).render_record(record))
    assert len(pages) >= 3
    with_lines = [page for page in pages if re.search(r"测试车型 \d\d 号", page)]
    assert len(with_lines) >= 2, "the lines run over more than one page"
    for page in with_lines:
        assert "车型 / 公告型号" in page and "Model / announcement no." in page
        assert "参考单价（元）" in page
    for index, page in enumerate(pages, start=1):
        assert f"第 {index} 页 / 共 {len(pages)} 页" in page
        assert f"Page {index} of {len(pages)}" in page
    text = "\n".join(pages)
    assert all(f"测试车型 {n:02d} 号" in text for n in range(1, 61))
    assert "1,830" in text  # units: 1 + 2 + … + 60
    assert "183,000,915.00" in text  # 1,830 × 100,000.50


def test_the_bundled_font_is_embedded_as_a_subset_and_the_logo_as_an_image(
    fair_db: Database,
) -> None:
    reader = PdfReader(io.BytesIO(_render(fair_db, "QLHT-SAMPLE-0001")))
    first = reader.pages[0]
    resources = first["/Resources"]["/Font"]
    fonts = [resources[key].get_object() for key in resources]
    names = [str(font["/BaseFont"]) for font in fonts]
    assert names and all("WenQuanYi" in name for name in names), names
    for font in fonts:
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # embedded …
        assert re.match(r"/?[A-Z]{6}\+", str(font["/BaseFont"]))  # … as a subset
    images = first["/Resources"]["/XObject"]
    assert any(images[key].get_object()["/Subtype"] == "/Image" for key in images)


def test_a_missing_font_fails_loudly_instead_of_printing_boxes(
    fair_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reportlab.pdfbase import pdfmetrics

    record = IntentService(fair_db).find("QLHT-SAMPLE-0001")
    document = IntentRenderer(fair_db).document(record)
    monkeypatch.setattr(pdfmetrics, "getRegisteredFontNames", lambda: [])
    with pytest.raises(MissingFontError) as caught:
        render_intent_pdf(document, font_path=tmp_path / "gone.ttc")
    assert "gone.ttc" in caught.value.text("en")


def test_the_qr_code_on_the_page_carries_the_reference(fair_db: Database, qapp: object) -> None:
    """Read the QR code's modules back from the rendered page and compare with the code of the
    reference (and of another reference, which must not match)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    from catalog_app.documents.intent_blocks import QR_SIZE
    from catalog_app.documents.intent_page import MARGIN_TOP, MARGIN_X, PAGE_HEIGHT, PAGE_WIDTH
    from catalog_app.documents.qr_flowable import QUIET_ZONE, qr_modules

    data = _render(fair_db, "QLHT-SAMPLE-0005")  # revision 2: the payload names it
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    scale = 4.0  # pixels per point
    image = document.render(0, QSize(int(PAGE_WIDTH * scale), int(PAGE_HEIGHT * scale)))

    def read(payload: str) -> bool:
        modules = qr_modules(payload)
        count = len(modules) + 2 * QUIET_ZONE
        step = QR_SIZE / count * scale
        left = (PAGE_WIDTH - MARGIN_X - QR_SIZE) * scale
        top = MARGIN_TOP * scale
        for row, cells in enumerate(modules):
            for column, dark in enumerate(cells):
                x = int(left + (QUIET_ZONE + column + 0.5) * step)
                y = int(top + (QUIET_ZONE + row + 0.5) * step)
                if (image.pixelColor(x, y).lightness() < 128) != dark:
                    return False
        return True

    assert segno.make_qr("QLHT-SAMPLE-0005-R2", error="m").designator  # the encoder we use
    assert read("QLHT-SAMPLE-0005-R2")
    assert not read("QLHT-SAMPLE-0004-R2")
    document.close()


def test_the_tco_annex_prints_results_with_the_inputs_beside_them(fair_db: Database) -> None:
    from catalog_app.services.intent_tco import tco_items
    from catalog_app.services.tco import calculate_tco
    from catalog_app.services.tco_inputs import tco_inputs_from_json

    record = IntentService(fair_db).find("ZNSW-SAMPLE-0003")
    assert record.data.include_tco
    pages = pdf_pages(IntentRenderer(fair_db).render_record(record))
    starts = [index for index, page in enumerate(pages) if "全生命周期成本" in page]
    assert starts, "no TCO page"
    annex = "\n".join(pages[starts[0] :])
    inputs = tco_inputs_from_json(tco_items(record.data.tco_inputs)[0]["inputs"])
    result = calculate_tco(inputs)
    assert f"¥{result.ev.total:,.0f}" in annex
    assert f"¥{result.diesel.total:,.0f}" in annex
    assert "折现率" in annex and "Discount rate" in annex
    assert "黔岭 M8S 换电搅拌车" in annex
    without = record.data
    without.include_tco = False
    saved = IntentService(fair_db).save(without, intent_id=record.id)
    plain = pdf_pages(IntentRenderer(fair_db).render_record(saved))
    assert not any("全生命周期成本" in page for page in plain)
