"""A booth worker captures visitors: scan the badge, pick models, rate, Ctrl+S — and the lead
is in the database before the form says "saved"; mistakes are shown beside the field in the UI
language and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from capture_actions import UserActions
from capture_data import (
    VCARD,
    Booth,
    FormFactory,
    existing_lead,
    type_chinese,
    type_like_a_person,
    type_like_a_scanner,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from catalog_app.domain.enums import LeadSource, Rating
from catalog_app.domain.models import Lead, LeadInterest
from catalog_app.services.consent import CONSENT_VERSION
from catalog_app.store.database import Database
from catalog_app.ui.capture import CaptureForm

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def alt(qtbot: QtBot, key: Qt.Key) -> None:
    """A mnemonic (Alt+letter) pressed wherever the focus is."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, ALT)


def saved_leads(database: Database) -> list[Lead]:
    with database.sessions() as session:
        return list(session.scalars(select(Lead).where(Lead.source == LeadSource.BOOTH)))


def interests_of(database: Database, lead: Lead) -> dict[object, int]:
    with database.sessions() as session:
        rows = session.scalars(select(LeadInterest).where(LeadInterest.lead_id == lead.id))
        return {row.model_id: row.quantity for row in rows if row.deleted_at is None}


def wait_saved(qtbot: QtBot, form: CaptureForm, database: Database, count: int) -> None:
    qtbot.waitUntil(lambda: len(saved_leads(database)) == count and not form._saving, timeout=5000)


def pick_model(qtbot: QtBot, form: CaptureForm, text: str) -> None:
    picker = form.business.interests.picker
    picker.setFocus()
    type_like_a_person(picker, text)
    qtbot.keyClick(picker, Qt.Key.Key_Return)


def test_scan_a_badge_pick_two_tractors_rate_hot_and_save_with_ctrl_s(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    notes = form.business.notes
    notes.setFocus()  # the scanner types wherever the focus happens to be
    type_chinese(notes, "想看换电站")
    type_like_a_scanner(VCARD)
    qtbot.waitUntil(lambda: form.person.editors["person_name"].text() == "张三", timeout=3000)
    assert form.person.editors["company"].text() == "贵州示例物流有限公司"
    assert form.person.editors["title"].text() == "车队经理"
    assert form.person.editors["mobile"].text() == "138 0013 8000"
    assert form.person.editors["email"].text() == "zhang.san@example.cn"
    assert notes.toPlainText().startswith("想看换电站")  # the burst did not land in the notes
    assert "BEGIN:VCARD" not in notes.toPlainText()
    assert "Badge read: 张三 · 贵州示例物流有限公司" in form.status.text()

    pick_model(qtbot, form, "E49")
    pick_model(qtbot, form, "E60")
    alt(qtbot, Qt.Key.Key_H)  # Hot
    qtbot.waitUntil(lambda: form.business.rating() is Rating.HOT, timeout=2000)
    alt(qtbot, Qt.Key.Key_V)  # the visitor agrees
    qtbot.waitUntil(form.consent.check.isChecked, timeout=2000)
    qtbot.keyClick(form.business.interests.picker, Qt.Key.Key_S, CTRL)
    wait_saved(qtbot, form, booth_db, 1)

    (lead,) = saved_leads(booth_db)
    assert (lead.person_name, lead.company, lead.title) == (
        "张三",
        "贵州示例物流有限公司",
        "车队经理",
    )
    assert lead.mobile_e164 == "+8613800138000"
    assert lead.email_normalized == "zhang.san@example.cn"
    assert lead.rating is Rating.HOT
    assert lead.staff_id == booth.staff.id
    assert lead.consent_version == CONSENT_VERSION and lead.consent_at is not None
    assert "I agree" in lead.consent_text  # the wording the visitor was shown
    assert lead.badge_payload == VCARD
    assert "想看换电站" in lead.notes
    assert interests_of(booth_db, lead) == {booth.models["QL-E49"]: 1, booth.models["QL-E60"]: 1}
    # Saved, then cleared for the next visitor.
    assert "Saved at" in form.status.text()
    assert form.person.editors["person_name"].text() == ""
    assert form.business.interests.interests() == []
    assert not form.consent.check.isChecked()


@pytest.fixture
def actions(qtbot: QtBot) -> Iterator[UserActions]:
    hands = UserActions(qtbot)
    try:
        yield hands
    finally:
        hands.stop()


def test_from_scan_to_saved_takes_two_actions(
    make_form: FormFactory,
    booth: Booth,
    booth_db: Database,
    qtbot: QtBot,
    actions: UserActions,
) -> None:
    """The visitor reads the consent text and says yes: scan, Ctrl+Enter — saved, with the
    wording, version and time of the consent, and the form is ready for the next visitor."""
    form = make_form("en", staff=booth.staff)
    actions.scan(VCARD)
    qtbot.waitUntil(lambda: form.person.editors["person_name"].text() == "张三", timeout=3000)
    assert not form.consent.check.isChecked()  # a scan never gives consent
    actions.key(Qt.Key.Key_Return, CTRL)  # the visitor agrees: tick and save in one go
    wait_saved(qtbot, form, booth_db, 1)
    assert actions.log == ["scan", "key ControlModifier+Key_Return"]
    assert actions.count <= 2
    assert actions.stray == []
    (lead,) = saved_leads(booth_db)
    assert lead.person_name == "张三" and lead.consent_at is not None
    assert lead.consent_version == CONSENT_VERSION and "I agree" in lead.consent_text
    assert "Saved at" in form.status.text() and not form.consent.check.isChecked()


def test_scan_add_a_model_rate_and_save_is_the_scan_the_choices_and_one_key(
    make_form: FormFactory,
    booth: Booth,
    booth_db: Database,
    qtbot: QtBot,
    actions: UserActions,
) -> None:
    """The issue's scenario "scan badge → add model → rate → save": besides what the staff
    chooses (a model: its code and Enter; a rating: Alt+H), it takes the scan and one key."""
    form = make_form("en", staff=booth.staff)
    actions.scan(VCARD)
    qtbot.waitUntil(lambda: form.person.editors["person_name"].text() == "张三", timeout=3000)
    picker = form.business.interests.picker
    assert picker.hasFocus()  # the scan leaves the focus on the models
    actions.type(picker, "E49")
    actions.key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(form.business.interests.interests()) == 1, timeout=2000)
    actions.key(Qt.Key.Key_H, ALT)  # Hot
    qtbot.waitUntil(lambda: form.business.rating() is Rating.HOT, timeout=2000)
    actions.key(Qt.Key.Key_Return, CTRL)
    wait_saved(qtbot, form, booth_db, 1)
    choices = ["type E49", "key NoModifier+Key_Return", "key AltModifier+Key_H"]
    assert actions.log == ["scan", *choices, "key ControlModifier+Key_Return"]
    assert actions.count - len(choices) <= 2
    assert actions.stray == []
    (lead,) = saved_leads(booth_db)
    assert lead.rating is Rating.HOT and lead.consent_at is not None
    assert interests_of(booth_db, lead) == {booth.models["QL-E49"]: 1}


def test_without_the_visitor_s_consent_ctrl_s_does_not_save_and_points_at_it(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot, actions: UserActions
) -> None:
    form = make_form("zh_CN", staff=booth.staff)
    actions.scan(VCARD)
    qtbot.waitUntil(lambda: form.person.editors["person_name"].text() == "张三", timeout=3000)
    actions.key(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(form.consent.box.error_text), timeout=2000)
    assert saved_leads(booth_db) == []
    assert form.consent.check.hasFocus()
    assert form.person.editors["person_name"].text() == "张三"  # nothing typed is lost
    actions.click(form.consent.agree_button)  # "访客同意并保存"
    wait_saved(qtbot, form, booth_db, 1)
    assert actions.stray == []
    (lead,) = saved_leads(booth_db)
    assert lead.consent_at is not None and "我同意" in lead.consent_text


def test_agree_and_save_with_a_problem_keeps_the_consent_and_saves_once_fixed(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot, actions: UserActions
) -> None:
    form = make_form("en", staff=booth.staff)
    mobile = form.person.editors["mobile"]
    actions.type(mobile, "12345")
    actions.key(Qt.Key.Key_Return, CTRL, widget=mobile)
    qtbot.waitUntil(lambda: bool(form.person.boxes["mobile"].error_text), timeout=2000)
    assert saved_leads(booth_db) == []
    assert form.consent.check.isChecked()  # the visitor did agree; that stays recorded
    agreed_at = form.consent.lead_fields()["consent_at"]
    mobile.clear()
    actions.type(mobile, "13800138000")
    name = form.person.editors["person_name"]
    actions.type(name, "Li")
    actions.key(Qt.Key.Key_Return, CTRL, widget=name)
    wait_saved(qtbot, form, booth_db, 1)
    (lead,) = saved_leads(booth_db)
    assert lead.consent_at == agreed_at  # the time the visitor agreed, not of the retry
    assert actions.stray == []


def test_an_invalid_mobile_is_shown_beside_the_field_and_what_was_typed_stays(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    type_chinese(form.person.editors["person_name"], "李四")
    mobile = form.person.editors["mobile"]
    mobile.setFocus()
    type_like_a_person(mobile, "12345")
    pick_model(qtbot, form, "D31")
    alt(qtbot, Qt.Key.Key_V)
    qtbot.waitUntil(form.consent.check.isChecked, timeout=2000)
    qtbot.keyClick(form.business.interests.picker, Qt.Key.Key_S, CTRL)
    box = form.person.boxes["mobile"]
    qtbot.waitUntil(lambda: box.error.isVisible(), timeout=3000)
    assert "Not a valid mobile number" in box.error_text
    assert mobile.hasFocus()  # the cursor goes to the field to fix
    assert mobile.text() == "12345"
    assert form.person.editors["person_name"].text() == "李四"
    assert form.business.interests.interests() == [(booth.models["QL-D31"], 1)]
    assert form.consent.check.isChecked()
    assert "Not saved yet" in form.status.text()
    assert saved_leads(booth_db) == []
    # Correcting the number clears the message; saving works.
    mobile.selectAll()
    type_like_a_person(mobile, "13900001234")
    assert not box.error.isVisible()
    qtbot.keyClick(mobile, Qt.Key.Key_S, CTRL)
    wait_saved(qtbot, form, booth_db, 1)


def test_messages_are_in_chinese_when_the_booth_works_in_chinese(
    make_form: FormFactory, booth: Booth, qtbot: QtBot
) -> None:
    form = make_form("zh_CN", staff=booth.staff)
    assert form.person.labels["mobile"].text() == "手机(&M)："
    mobile = form.person.editors["mobile"]
    mobile.setFocus()
    type_like_a_person(mobile, "0851-8555 1234")
    form.person.editors["email"].setFocus()  # leaving the field checks it at once
    box = form.person.boxes["mobile"]
    qtbot.waitUntil(lambda: box.error.isVisible(), timeout=3000)
    assert box.error_text == "这是座机号码，请填在“座机”一栏。"
    qtbot.keyClick(form.person.editors["email"], Qt.Key.Key_S, CTRL)
    consent = form.consent.box
    qtbot.waitUntil(lambda: consent.error.isVisible(), timeout=3000)
    assert consent.error_text == "需要对方勾选同意后才能保存。"
    assert "请至少填写" not in form.person.boxes["mobile"].error_text  # one message per field


def test_nothing_saved_without_consent_and_a_name(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    qtbot.keyClick(form.person.editors["person_name"], Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: form.consent.box.error.isVisible(), timeout=3000)
    assert "Enter a name or a company." in form.person.boxes["person_name"].error_text
    assert "Enter at least one of mobile" in form.person.boxes["mobile"].error_text
    assert saved_leads(booth_db) == []


def test_a_bare_badge_code_is_looked_up_in_the_attendee_list(
    make_form: FormFactory, booth: Booth, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    type_like_a_scanner("gznev26-0003")
    qtbot.waitUntil(lambda: form.person.editors["person_name"].text() == "赵六", timeout=3000)
    assert form.person.editors["company"].text() == "示例能源集团"
    assert form.person.editors["mobile"].text() == "13900000103"
    assert "Badge code: GZNEV26-0003" in form.business.notes.toPlainText()


def test_a_badge_code_typed_by_hand_in_the_badge_field(
    make_form: FormFactory, booth: Booth, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    form.scan_field.setFocus()
    type_like_a_person(form.scan_field, "GZNEV26-0003")
    qtbot.keyClick(form.scan_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.person.editors["person_name"].text() == "赵六", timeout=3000)
    assert form.scan_field.text() == ""


def test_an_unknown_badge_code_and_an_unreadable_badge_go_to_the_notes(
    make_form: FormFactory, booth: Booth, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    type_like_a_scanner("GZ-7777-X1")
    notes = form.business.notes
    qtbot.waitUntil(lambda: "GZ-7777-X1" in notes.toPlainText(), timeout=3000)
    assert "not in the attendee list" in form.status.text()
    type_like_a_scanner("Welcome to the fair! Hall B, booth 12")
    qtbot.waitUntil(lambda: "Hall B, booth 12" in notes.toPlainText(), timeout=3000)
    assert "not recognised" in form.status.text()
    assert form.person.values()["person_name"] == ""


def test_a_badge_that_differs_from_what_was_typed_keeps_the_typing(
    make_form: FormFactory, booth: Booth, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    type_chinese(form.person.editors["person_name"], "张叁")
    type_like_a_scanner(VCARD)
    qtbot.waitUntil(lambda: form.scan_notice.isVisible(), timeout=3000)
    assert form.person.editors["person_name"].text() == "张叁"
    assert form.person.editors["company"].text() == "贵州示例物流有限公司"  # was empty: filled
    assert "Name" in form.scan_notice_text.text()
    qtbot.mouseClick(form.use_badge_button, Qt.MouseButton.LeftButton)
    assert form.person.editors["person_name"].text() == "张三"
    assert not form.scan_notice.isVisible()


def test_fast_typing_without_enter_is_typing_not_a_scan(
    make_form: FormFactory, booth: Booth, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    wechat = form.person.editors["wechat_id"]
    wechat.setFocus()
    type_like_a_scanner("zhangsan_1988", end_with_enter=False)  # a burst without Enter
    qtbot.waitUntil(lambda: wechat.text() == "zhangsan_1988", timeout=3000)
    assert form.person.values()["person_name"] == ""


def test_a_pasted_vcard_in_the_badge_field_is_read_whole(
    make_form: FormFactory, booth: Booth, qtbot: QtBot
) -> None:
    from PySide6.QtGui import QGuiApplication

    form = make_form("en", staff=booth.staff)
    QGuiApplication.clipboard().setText(VCARD)
    form.scan_field.setFocus()
    qtbot.keyClick(form.scan_field, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: form.person.editors["person_name"].text() == "张三", timeout=3000)
    assert form.scan_field.text() == ""


def test_the_catalog_button_starts_a_lead_for_its_model(
    make_form: FormFactory, booth: Booth
) -> None:
    form = make_form("en", staff=booth.staff)
    form.start_with_model(booth.models["QL-D31"])
    assert form.business.interests.interests() == [(booth.models["QL-D31"], 1)]
    assert "Qianling D31" in form.status.text()
    assert form.person.editors["person_name"].hasFocus()


def test_a_locked_database_says_not_saved_and_keeps_everything(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    import sqlite3

    form = make_form("en", staff=booth.staff)
    type_like_a_scanner(VCARD)
    qtbot.waitUntil(lambda: form.person.editors["person_name"].text() == "张三", timeout=3000)
    form.consent.check.setChecked(True)
    blocker = sqlite3.connect(booth_db.path, isolation_level=None)  # type: ignore[arg-type]
    try:
        blocker.execute("BEGIN IMMEDIATE")  # another program holds the file
        qtbot.keyClick(form.person.editors["mobile"], Qt.Key.Key_S, CTRL)
        qtbot.waitUntil(lambda: "Not saved" in form.status.text(), timeout=5000)
        assert "Another program is using the database" in form.status.text()
        assert "What you typed is still in the form" in form.status.text()
        assert form.person.editors["person_name"].text() == "张三"
        assert form.consent.check.isChecked()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    qtbot.keyClick(form.person.editors["mobile"], Qt.Key.Key_S, CTRL)
    wait_saved(qtbot, form, booth_db, 1)


def test_the_duplicate_banner_appears_while_typing_a_known_mobile(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    existing_lead(booth_db, person_name="张三", company="示例物流", mobile="13800138000")
    form = make_form("en", staff=booth.staff)
    mobile = form.person.editors["mobile"]
    mobile.setFocus()
    type_like_a_person(mobile, "+86 138 0013 8000")
    banner = form.duplicate_banner
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=3000)
    assert "张三 · 示例物流" in banner.text.text() and "same mobile" in banner.text.text()
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_switching_the_language_keeps_what_was_typed(
    make_form: FormFactory, booth: Booth, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    type_chinese(form.person.editors["person_name"], "张三")
    pick_model(qtbot, form, "E49")
    form.business.set_rating(Rating.WARM)
    form._state.languages.set_language("zh_CN")
    name_label = form.person.labels["person_name"]
    qtbot.waitUntil(lambda: name_label.text() == "姓名(&N)：", timeout=3000)
    assert form.person.editors["person_name"].text() == "张三"
    assert form.business.rating() is Rating.WARM
    table = form.business.interests.table
    assert table.item(0, 0).text().startswith("黔岭 E49 换电牵引车")
    assert form.business.timeframe.currentText() == "未定"
    assert "参展商" in form.consent.wording.text()


def test_a_badge_scanned_while_saving_fills_the_next_lead(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    type_chinese(form.person.editors["person_name"], "第一位")
    form.person.editors["mobile"].setText("13900002222")
    form.consent.check.setChecked(True)
    form.save()
    assert form._saving
    form.apply_scan(VCARD)  # the next visitor's badge, while the first lead is being committed
    wait_saved(qtbot, form, booth_db, 1)
    qtbot.waitUntil(lambda: form.person.editors["person_name"].text() == "张三", timeout=3000)
    (first,) = saved_leads(booth_db)
    assert first.person_name == "第一位" and first.badge_payload == ""


def test_undo_after_the_next_visitor_does_not_bring_back_the_last_one(
    make_form: FormFactory, booth: Booth, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    name = form.person.editors["person_name"]
    mobile = form.person.editors["mobile"]
    qtbot.keyClicks(name, "Wang Wei")
    qtbot.keyClicks(mobile, "13900003333")
    form.reset_for_next()
    for editor in (name, mobile):
        editor.setFocus()
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert editor.text() == ""
        assert not editor.isUndoAvailable()
