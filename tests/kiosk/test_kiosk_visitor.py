"""A buyer at the kiosk: browses, filters, compares, works out the cost against diesel, leaves
a phone number — and walks away, after which nothing they typed is left."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from catalog_app.domain.enums import LeadSource
from catalog_app.services.consent import current_consent
from catalog_app.services.leads import LeadService
from catalog_app.services.tco import calculate_tco
from catalog_app.ui.kiosk.kiosk_window import KioskWindow
from catalog_app.ui.tco.tco_format import money

WAIT_MS = 5000
KioskFactory = Callable[..., KioskWindow]


def _tap(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; characters QTest has no key for arrive as an input method's."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def _type_on_keypad(qtbot: QtBot, keypad: QWidget, digits: str) -> None:
    for digit in digits:
        _tap(qtbot, keypad.buttons[digit])  # type: ignore[attr-defined]


def _model_id(kiosk: KioskWindow, code: str):  # noqa: ANN202 - uuid
    return next(m.id for m in kiosk.models if m.code == code)


def test_a_visitor_leaves_a_phone_number_on_the_keypad_and_a_kiosk_lead_is_saved(
    qtbot: QtBot, make_kiosk: KioskFactory
) -> None:
    kiosk = make_kiosk()
    card = kiosk.browse.card_for(_model_id(kiosk, "QL-T6-282S"))
    assert card is not None
    _tap(qtbot, card)
    assert kiosk.current_screen() is kiosk.model_screen
    assert kiosk.model_screen.model_id() == _model_id(kiosk, "QL-T6-282S")
    _tap(qtbot, kiosk.interest_button)
    form = kiosk.interest
    assert kiosk.current_screen() is form
    assert form.ticked_models() == [_model_id(kiosk, "QL-T6-282S")]
    _type_on_keypad(qtbot, form.keypad, "13800138000")
    assert form.phone.text() == "13800138000"
    _type(qtbot, form.company, "遵义宏达物流")
    _tap(qtbot, form.consent)
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS) as saved:
        _tap(qtbot, form.send)
    lead = LeadService(kiosk.state.database).get(saved.args[0])
    assert lead.source is LeadSource.KIOSK
    assert lead.data.mobile == "13800138000"
    assert lead.data.company == "遵义宏达物流"
    assert [i.model_id for i in lead.data.interests] == [_model_id(kiosk, "QL-T6-282S")]
    assert lead.data.consent_text == current_consent("zh_CN").text
    assert form.thanks.isVisible()
    assert form.phone.text() == "" and form.company.text() == ""


def test_without_consent_the_message_is_big_and_the_number_stays(
    qtbot: QtBot, make_kiosk: KioskFactory
) -> None:
    kiosk = make_kiosk()
    _tap(qtbot, kiosk.interest_button)
    form = kiosk.interest
    form.model_boxes[_model_id(kiosk, "ZC-L4-100C")].setChecked(True)
    _type_on_keypad(qtbot, form.keypad, "13912345678")
    _tap(qtbot, form.send)
    assert form.banner.isVisible() and form.banner.text() == "请检查标红的内容。"
    assert form.consent_problem.isVisible()
    assert "我同意" in form.consent_problem.text()
    assert form.phone.text() == "13912345678"
    assert LeadService(kiosk.state.database).find_duplicates(form.lead_input()) == []


def test_a_short_number_is_refused_at_the_phone_field(
    qtbot: QtBot, make_kiosk: KioskFactory
) -> None:
    kiosk = make_kiosk()
    _tap(qtbot, kiosk.interest_button)
    form = kiosk.interest
    _type_on_keypad(qtbot, form.keypad, "1234")
    _tap(qtbot, form.consent)
    _tap(qtbot, form.send)
    assert form.phone_problem.isVisible()
    assert "手机号码" in form.phone_problem.text()
    assert "车型" in form.models_problem.text()  # nothing ticked either
    assert form.phone.text() == "1234" and form.consent.isChecked()


def test_idle_timeout_wipes_a_half_typed_phone_and_plays_the_attract_loop(
    qtbot: QtBot, make_kiosk: KioskFactory, clock
) -> None:  # noqa: ANN001 - FakeClock
    kiosk = make_kiosk(idle_seconds=60)
    kiosk.basket.add(_model_id(kiosk, "QL-T6-423C"))
    kiosk.show_model(_model_id(kiosk, "QL-T6-423C"))
    _tap(qtbot, kiosk.interest_button)
    form = kiosk.interest
    _type_on_keypad(qtbot, form.keypad, "1390000")
    _type(qtbot, form.name, "李")
    _tap(qtbot, form.consent)
    clock.advance(59)
    kiosk.idle.check()
    assert kiosk.current_screen() is form and form.phone.text() == "1390000"
    clock.advance(2)
    kiosk.idle.check()
    assert kiosk.current_screen() is kiosk.attract
    assert not kiosk.top_bar.isVisible()
    assert form.phone.text() == "" and form.name.text() == ""
    assert not form.consent.isChecked() and form.ticked_models() == []
    assert kiosk.basket.ids() == []
    assert kiosk.model_screen.model_id() is None
    assert kiosk.attract.name.text()  # a model is on show
    _tap(qtbot, kiosk.attract)
    assert kiosk.current_screen() is kiosk.browse


def test_a_real_short_idle_timeout_returns_to_the_attract_loop(
    qtbot: QtBot,
    kiosk_state,
    manager,  # noqa: ANN001
) -> None:
    import time

    from catalog_app.services.kiosk_settings import KioskSettings

    kiosk = KioskWindow(kiosk_state, KioskSettings(10, 6), clock=time.monotonic)
    qtbot.addWidget(kiosk)
    kiosk.idle.set_timeout(0.3)
    kiosk.start(full_screen=False)
    kiosk.show_interest(None)
    kiosk.interest.keypad.press("1")
    qtbot.waitUntil(lambda: kiosk.current_screen() is kiosk.attract, timeout=WAIT_MS)
    assert kiosk.interest.phone.text() == ""
    kiosk.leave(None)


def test_touching_the_screen_keeps_the_kiosk_awake(
    qtbot: QtBot, make_kiosk: KioskFactory, clock
) -> None:  # noqa: ANN001
    kiosk = make_kiosk(idle_seconds=60)
    clock.advance(50)
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPoint(5, 5).toPointF(),
        QPoint(5, 5).toPointF(),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(kiosk.browse, press)
    clock.advance(50)
    kiosk.idle.check()
    assert kiosk.current_screen() is kiosk.browse


def test_filters_count_and_compare_up_to_four(qtbot: QtBot, make_kiosk: KioskFactory) -> None:
    kiosk = make_kiosk()
    browse = kiosk.browse
    _tap(qtbot, browse.body_buttons["tractor"])
    assert {c.model.body_type for c in browse.cards} == {"tractor"}
    assert len(browse.cards) == 5 and browse.count_label.text() == "共 5 款车型"
    _tap(qtbot, browse.powertrain_buttons["bev_swap"])
    assert [c.model.code for c in browse.cards] == ["QL-T6-282S"]
    _tap(qtbot, browse.body_buttons[""])
    _tap(qtbot, browse.powertrain_buttons[""])
    for card in browse.cards[:5]:
        _tap(qtbot, card.compare)
    assert kiosk.basket.ids() == [card.model.id for card in browse.cards[:4]]
    assert not browse.cards[4].compare.isChecked()
    assert kiosk.compare_button.text() == "对比（4）"
    assert "4" in browse.count_label.text()  # "up to four" said where the visitor looks
    _tap(qtbot, kiosk.compare_button)
    assert kiosk.current_screen() is kiosk.compare
    qtbot.waitUntil(lambda: "4/4" in kiosk.compare.title.text(), timeout=WAIT_MS)
    _tap(qtbot, kiosk.compare.back_button)
    assert kiosk.current_screen() is kiosk.browse


def test_cost_against_diesel_is_typed_on_the_keypad_and_matches_the_service(
    qtbot: QtBot, make_kiosk: KioskFactory
) -> None:
    kiosk = make_kiosk()
    card = kiosk.browse.card_for(_model_id(kiosk, "QL-T6-423C"))
    assert card is not None
    _tap(qtbot, card.tco)
    screen = kiosk.tco
    assert kiosk.current_screen() is screen
    editor = screen.page.form.editors["diesel_price_cny_l"]
    qtbot.mousePress(editor, Qt.MouseButton.LeftButton)
    assert screen.keypad.isVisible() and screen.editing == "diesel_price_cny_l"
    _tap(qtbot, screen.keypad.keypad.buttons["C"])
    _type_on_keypad(qtbot, screen.keypad.keypad, "9.5")
    _tap(qtbot, screen.keypad.ok)
    assert not screen.keypad.isVisible()
    inputs = screen.page.inputs
    assert inputs is not None and inputs.diesel_price_cny_l == 9.5
    expected = calculate_tco(inputs)
    assert screen.page.results.savings.value.text() == money(expected.savings, "zh_CN")


def test_the_language_button_switches_and_the_idle_wipe_switches_back(
    qtbot: QtBot, make_kiosk: KioskFactory, clock
) -> None:  # noqa: ANN001
    kiosk = make_kiosk()
    assert kiosk.home_button.text() == "全部车型"
    _tap(qtbot, kiosk.language_button)
    qtbot.waitUntil(lambda: kiosk.home_button.text() == "All trucks", timeout=WAIT_MS)
    assert kiosk.state.language == "en"
    assert kiosk.browse.count_label.text() == "15 models"
    clock.advance(61)
    kiosk.idle.check()
    qtbot.waitUntil(lambda: kiosk.home_button.text() == "全部车型", timeout=WAIT_MS)
    assert kiosk.state.language == "zh_CN"


def test_the_model_page_leads_to_the_cost_against_diesel(
    qtbot: QtBot, make_kiosk: KioskFactory
) -> None:
    kiosk = make_kiosk()
    kiosk.show_model(_model_id(kiosk, "QY-T6-H2"))
    button = kiosk.model_screen.tco_button
    assert button is not None and button.isVisible()
    assert (
        kiosk.model_screen.capture_button is None
        or not kiosk.model_screen.capture_button.isVisible()
    )
    _tap(qtbot, button)
    assert kiosk.current_screen() is kiosk.tco
    assert kiosk.tco.page.inputs is not None and kiosk.tco.page.inputs.powertrain == "fcev"
    _tap(qtbot, kiosk.tco.back_button)
    assert kiosk.current_screen() is kiosk.browse


def test_interest_left_from_the_cost_comparison_keeps_the_visitors_figures(
    qtbot: QtBot, make_kiosk: KioskFactory
) -> None:
    from catalog_app.services.tco_inputs import tco_inputs_from_json

    kiosk = make_kiosk()
    kiosk.show_tco(_model_id(kiosk, "ZN-D8-282S"))
    kiosk.tco.open_keypad("annual_km")
    _tap(qtbot, kiosk.tco.keypad.keypad.buttons["C"])
    _type_on_keypad(qtbot, kiosk.tco.keypad.keypad, "80000")
    _tap(qtbot, kiosk.tco.keypad.ok)
    _tap(qtbot, kiosk.tco.interest)
    form = kiosk.interest
    assert form.ticked_models() == [_model_id(kiosk, "ZN-D8-282S")]
    _type_on_keypad(qtbot, form.keypad, "13800138000")
    _tap(qtbot, form.consent)
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS) as saved:
        _tap(qtbot, form.send)
    lead = LeadService(kiosk.state.database).get(saved.args[0])
    assert lead.data.tco_inputs is not None
    figures = tco_inputs_from_json(lead.data.tco_inputs)
    assert figures.annual_km == 80_000 and figures.model_code == "ZN-D8-282S"
    assert form.tco_inputs is None  # not carried over to the next visitor
