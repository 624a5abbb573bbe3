"""A visitor comes back: the banner says so while typing; the lead is saved and merged with the
first one, field by field. The merged-away lead stays as history; staff need a manager's PIN."""

from __future__ import annotations

from capture_data import (
    MANAGER_PIN,
    Booth,
    FormFactory,
    existing_lead,
    type_chinese,
    type_like_a_person,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from catalog_app.domain.enums import DuplicateStatus, Rating
from catalog_app.domain.models import AuditEntry, Lead, LeadDuplicateLink
from catalog_app.store.database import Database
from catalog_app.ui.capture import CaptureForm, MergeDialog


def type_returning_visitor(qtbot: QtBot, form: CaptureForm) -> None:
    type_chinese(form.person.editors["person_name"], "张三")
    type_chinese(form.person.editors["company"], "贵州示例物流有限公司")
    mobile = form.person.editors["mobile"]
    mobile.setFocus()
    type_like_a_person(mobile, "13800138000")
    form.business.set_rating(Rating.HOT)
    form.consent.check.setChecked(True)
    qtbot.waitUntil(form.duplicate_banner.isVisible, timeout=3000)


def open_merge_from_banner(qtbot: QtBot, form: CaptureForm) -> MergeDialog:
    qtbot.mouseClick(form.duplicate_banner.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: form.merge_dialog is not None and form.merge_dialog.isVisible(), timeout=5000
    )
    dialog = form.merge_dialog
    assert dialog is not None
    return dialog


def test_a_manager_merges_a_returning_visitor_and_the_history_is_kept(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    first = existing_lead(
        booth_db, person_name="张三", company="示例物流", mobile="138 0013 8000", notes="上午来过"
    )
    form = make_form("en", staff=booth.manager)
    type_returning_visitor(qtbot, form)
    assert "same mobile" in form.duplicate_banner.text.text()
    dialog = open_merge_from_banner(qtbot, form)
    # The lead captured first stays; the manager takes the full company name and the rating.
    older = [side.id for side in dialog.sides].index(first)
    newer = 1 - older
    assert dialog.survivor_buttons[older].isChecked()
    assert dialog.merge_button.isEnabled()
    dialog.choose("company", newer)
    dialog.choose("rating", newer)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    with booth_db.sessions() as session:
        kept = session.get(Lead, first)
        assert kept is not None
        assert kept.company == "贵州示例物流有限公司" and kept.rating is Rating.HOT
        assert kept.notes == "上午来过"
        (gone,) = session.scalars(select(Lead).where(Lead.merged_into_id == first))
        assert gone.deleted_at is not None and gone.company == "贵州示例物流有限公司"
        link = session.scalars(select(LeadDuplicateLink)).one()
        assert link.status is DuplicateStatus.MERGED
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "merge_leads")).one()
        assert entry.staff_id == booth.manager.id
    assert "merged" in form.status.text()


def test_staff_need_a_manager_pin_to_merge(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    existing_lead(booth_db, person_name="张三", company="示例物流", mobile="13800138000")
    form = make_form("en", staff=booth.staff)
    type_returning_visitor(qtbot, form)
    dialog = open_merge_from_banner(qtbot, form)
    assert not dialog.merge_button.isEnabled()
    assert "needs a manager" in dialog.approval_label.text()
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    approval = dialog._approval
    assert approval is not None and approval.isVisible()
    names = [approval.people.item(row).text() for row in range(approval.people.count())]
    assert names == ["王经理  ·  manager"]  # managers only
    approval.pin.setFocus()
    type_like_a_person(approval.pin, "0000")
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in approval.message.text(), timeout=3000)
    assert not dialog.merge_button.isEnabled()
    type_like_a_person(approval.pin, MANAGER_PIN)
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.merge_button.isEnabled, timeout=3000)
    assert "王经理" in dialog.approval_label.text()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with booth_db.sessions() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "merge_leads")).one()
        assert entry.staff_id == booth.manager.id  # the approving manager is on record
    assert form._state.current_staff == booth.staff  # the booth is still the staff member's


def test_not_the_same_person_hides_the_banner_for_that_lead(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    existing_lead(booth_db, person_name="张三", company="示例物流", mobile="13800138000")
    form = make_form("en", staff=booth.staff)
    type_returning_visitor(qtbot, form)
    qtbot.mouseClick(form.duplicate_banner.dismiss_button, Qt.MouseButton.LeftButton)
    type_chinese(form.person.editors["title"], "车队经理")
    form.check_duplicates()
    qtbot.wait(300)
    assert not form.duplicate_banner.isVisible()


def test_long_notes_are_shortened_in_the_dialog_and_kept_whole_in_the_merge(
    gui_app: object, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    from catalog_app.ui.app_state import AppState
    from catalog_app.ui.i18n import LanguageManager

    long_notes = "第一行：关注换电站布局\n" + "要 20 台自卸车，" * 40
    first = existing_lead(booth_db, person_name="张三", mobile="13800138000", notes=long_notes)
    second = existing_lead(booth_db, person_name="张三", mobile="13800138000", notes="下午再来")
    state = AppState(booth_db, LanguageManager(gui_app, "en"))  # type: ignore[arg-type]
    state.sign_in(booth.manager)
    dialog = MergeDialog(state, first, second)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.groups["notes"].button(0)
    assert len(shown.text()) <= 80 and shown.text().endswith("…")
    assert "⏎" in shown.text() and shown.toolTip() == long_notes
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)  # both notes kept
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with booth_db.sessions() as session:
        kept = session.get(Lead, first)
        assert kept is not None and long_notes in kept.notes and "下午再来" in kept.notes
    state.tasks.wait(5000)
