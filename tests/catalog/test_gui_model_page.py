"""Staff show one truck: its pictures, its price with options, its brochure, and hand it on to the
comparison, the TCO calculator or the interest form."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from catalog_app.ui.catalog import CompareBasket, ModelPage
from tests.catalog.gui_helpers import click, click_model, open_page


class UrlCatcher(QObject):
    """Stands in for the system's PDF viewer."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def label(page: ModelPage, name: str) -> str:
    found = page.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def test_clicking_a_truck_shows_its_page_with_pictures_price_and_grouped_specs(
    qtbot: QtBot, make_state
) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_state("zh_CN"))
    click_model(qtbot, page.browser, "GZ-T1")
    model_page = page.model_page
    qtbot.waitUntil(lambda: model_page.sheet is not None, timeout=3000)
    assert label(model_page, "modelName") == "贵州牌 换电牵引车 6×4"
    assert label(model_page, "modelPrice") == "46.8 万元"
    assert "公告型号 GZP4250BEVSW1" in label(model_page, "modelCodes")
    assert label(model_page, "specValue_battery_kwh") == "282 kWh"
    assert label(model_page, "specValue_battery_maker") == "宁德时代"
    assert label(model_page, "specLabel_swap_min") == "换电时间"
    assert label(model_page, "specValue_swap_min") == "4分钟"
    headings = [w.text() for w in model_page.findChildren(QLabel, "specGroupHeading")]
    assert headings[:2] == ["基本信息", "动力电池"]


def test_the_gallery_steps_through_the_pictures_with_buttons_and_keys(
    qtbot: QtBot, make_state
) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_state("zh_CN"))
    click_model(qtbot, page.browser, "GZ-T1")
    gallery = page.model_page.gallery
    assert gallery is not None and gallery.count() == 2
    assert gallery.caption.text() == "侧视" and gallery.position.text() == "1 / 2"
    first = gallery.photo.pixmap().toImage().pixelColor(gallery.photo.width() // 2, 40)
    click(qtbot, gallery.next_button)
    assert gallery.caption.text() == "前视" and gallery.position.text() == "2 / 2"
    second = gallery.photo.pixmap().toImage().pixelColor(gallery.photo.pixmap().width() // 2, 40)
    assert first != second  # green side view, then blue front view
    gallery.setFocus()
    qtbot.keyClick(gallery, Qt.Key.Key_Right)  # wraps round to the first
    assert gallery.caption.text() == "侧视"


def test_a_truck_without_pictures_says_so(qtbot: QtBot, make_state) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_state("en"))
    click_model(qtbot, page.browser, "QL-H1")
    gallery = page.model_page.gallery
    assert gallery is not None and gallery.count() == 0
    assert gallery.photo.text() == "No photo"
    assert not gallery.next_button.isVisible()


def test_ticking_options_shows_the_configured_indicative_price(qtbot: QtBot, make_state) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_state("zh_CN"))
    click_model(qtbot, page.browser, "GZ-T1")
    model_page = page.model_page
    names = model_page.findChildren(QLabel, "optionName")
    assert [n.text() for n in names] == ["驻车空调", "350 kWh 大电池包"]
    assert [p.text() for p in model_page.findChildren(QLabel, "optionPrice")] == [
        "+6,800 元",
        "+6 万元",
    ]
    configured = model_page.findChild(QLabel, "configuredPrice")
    assert not configured.isVisible()
    click(qtbot, names[1])  # a tap on the name ticks it
    assert model_page.findChildren(QCheckBox, "optionTick")[1].isChecked()
    assert configured.isVisible() and configured.text() == "含所选配置：52.8 万元"
    click(qtbot, model_page.findChildren(QCheckBox, "optionTick")[0])
    assert configured.text() == "含所选配置：53.48 万元"
    assert model_page.configured_price() == 468000 + 6800 + 60000


def test_a_brochure_opens_in_the_pdf_viewer_and_a_missing_one_is_explained(
    qtbot: QtBot, make_state
) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_state("zh_CN"))
    click_model(qtbot, page.browser, "GZ-T1")
    model_page = page.model_page
    button = model_page.findChild(QPushButton, "brochureLink")
    assert button.text() == "打开 PDF：产品手册"
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        click(qtbot, button)
        qtbot.waitUntil(lambda: len(catcher.opened) == 1, timeout=2000)
        opened = catcher.opened[0].toLocalFile()
        assert opened.endswith(".pdf")
        brochure = model_page.sheet.brochures()[0].path
        assert opened == str(brochure)
        brochure.unlink()  # someone cleaned up the media folder
        with qtbot.waitSignal(model_page.message, timeout=2000) as said:
            click(qtbot, button)
        assert "找不到产品资料文件" in said.args[0]
        assert model_page.findChild(QLabel, "brochureProblem").isVisible()
        assert len(catcher.opened) == 1
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_tco_and_interest_buttons_appear_once_someone_answers_and_carry_the_model(
    qtbot: QtBot, make_state
) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_state("zh_CN"))
    model_page = page.model_page
    click_model(qtbot, page.browser, "ZC-M1")
    assert not model_page.tco_button.isVisible() and not model_page.capture_button.isVisible()
    asked: list[uuid.UUID] = []
    model_page.tco_requested.connect(asked.append)
    model_page.capture_requested.connect(asked.append)
    click_model(qtbot, page.browser, "ZC-L1")
    assert model_page.tco_button.isVisible() and model_page.capture_button.isVisible()
    assert model_page.tco_button.text() == "TCO 对比柴油车"
    wanted = model_page.sheet.model.id
    with qtbot.waitSignal(model_page.tco_requested, timeout=1000) as tco:
        click(qtbot, model_page.tco_button)
    with qtbot.waitSignal(model_page.capture_requested, timeout=1000) as capture:
        click(qtbot, model_page.capture_button)
    assert tco.args == [wanted] and capture.args == [wanted]


def test_the_kiosk_page_can_leave_out_interest_and_brochures(qtbot: QtBot, make_state) -> None:  # type: ignore[no-untyped-def]
    state = make_state("zh_CN")
    model_page = ModelPage(
        state, CompareBasket(), touch=True, show_capture_action=False, show_brochures=False
    )
    qtbot.addWidget(model_page)
    model_page.resize(1000, 900)
    model_page.show()
    model_page.capture_requested.connect(lambda _id: None)
    model_page.tco_requested.connect(lambda _id: None)
    gz = next(m for m in state.catalog.list_models("GZ-T1"))
    assert model_page.show_model(gz.id)
    assert model_page.tco_button.isVisible() and model_page.tco_button.height() >= 48
    assert not model_page.capture_button.isVisible()  # the kiosk has its own "I am interested"
    assert model_page.findChild(QPushButton, "brochureLink") is None
    assert model_page.compare_button.height() >= 48


def test_add_to_comparison_on_the_page_and_on_the_card_are_the_same_pick(
    qtbot: QtBot, make_state
) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_state("zh_CN"))
    click_model(qtbot, page.browser, "QL-T2")
    button = page.model_page.compare_button
    assert button.text() == "+ 加入对比"
    click(qtbot, button)
    assert page.model_page.sheet.model.id in page.basket
    assert button.text() == "✓ 已在对比中" and button.isChecked()
    assert page.tray.isVisible()
    assert [c.text().split()[0] for c in page.tray.chips()] == ["黔岭"]
    click(qtbot, page.tray.chips()[0])  # the chip's ✕ takes it out again
    qtbot.waitUntil(lambda: len(page.basket) == 0)
    assert button.text() == "+ 加入对比" and not page.tray.isVisible()
