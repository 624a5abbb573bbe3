"""Nothing typed is lost: the app is killed in the middle of a lead, and at the next start the
form offers the lead back; emptying the form by mistake can be undone too."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from capture_data import Booth, FormFactory, type_chinese, type_like_a_person
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from catalog_app.domain.enums import Rating
from catalog_app.services.drafts import DraftService
from catalog_app.store.database import Database
from catalog_app.ui.capture.capture_drafts import DRAFT_SLOT, RECOVERED_SLOT

KILLED_WHILE_TYPING = textwrap.dedent(
    """
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from catalog_app.domain.enums import Rating
    from catalog_app.store.database import open_sqlite
    from catalog_app.ui.app_state import AppState
    from catalog_app.ui.capture import CaptureForm
    from catalog_app.ui.i18n import LanguageManager

    app = QApplication([])
    state = AppState(open_sqlite(sys.argv[1], backup_on_open=False), LanguageManager(app, "en"))
    form = CaptureForm(state)
    form.show()
    form.person.editors["person_name"].setText("王五")
    form.person.editors["mobile"].setText("139 0000 0102")
    form.business.notes.setPlainText("要 20 台自卸车，下月来厂里看车")
    form.business.set_rating(Rating.HOT)
    form.drafts.written.connect(lambda where: os.kill(os.getpid(), signal.SIGKILL))
    app.exec()
    """
)


def test_a_lead_typed_when_the_app_was_killed_is_offered_back_at_the_next_start(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    path = str(booth_db.path)
    result = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_TYPING, path],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == -9, result.stderr  # killed right after the autosave
    form = make_form("en", staff=booth.staff)
    banner = form.draft_banner
    assert banner.isVisible()
    assert "王五" in banner.text.text() and "was not saved" in banner.text.text()
    assert form.person.editors["person_name"].text() == ""  # offered, not forced on the form
    qtbot.mouseClick(banner.restore_button, Qt.MouseButton.LeftButton)
    assert form.person.editors["person_name"].text() == "王五"
    assert form.person.editors["mobile"].text() == "139 0000 0102"
    assert "下月来厂里看车" in form.business.notes.toPlainText()
    assert form.business.rating() is Rating.HOT
    assert not banner.isVisible()
    drafts = DraftService(booth_db)
    assert drafts.load(RECOVERED_SLOT) is None
    qtbot.waitUntil(lambda: form.drafts.idle and drafts.load(DRAFT_SLOT) is not None, timeout=3000)


def test_a_recovered_lead_can_be_discarded(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    first = make_form("en", staff=booth.staff)
    type_chinese(first.person.editors["person_name"], "陈八")
    qtbot.waitUntil(
        lambda: first.drafts.idle and DraftService(booth_db).load(DRAFT_SLOT) is not None,
        timeout=3000,
    )
    first.close()  # the window goes away without saving (no clean shutdown either)
    second = make_form("en", staff=booth.staff)
    assert second.draft_banner.isVisible() and "陈八" in second.draft_banner.text.text()
    qtbot.mouseClick(second.draft_banner.discard_button, Qt.MouseButton.LeftButton)
    assert not second.draft_banner.isVisible()
    assert DraftService(booth_db).load(RECOVERED_SLOT) is None
    third = make_form("en", staff=booth.staff)
    assert not third.draft_banner.isVisible()


def test_emptying_the_form_by_mistake_can_be_undone(
    make_form: FormFactory, booth: Booth, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    type_chinese(form.person.editors["company"], "示例环卫")
    form.person.editors["email"].setFocus()
    type_like_a_person(form.person.editors["email"], "hw@example.cn")
    qtbot.mouseClick(form.clear_button, Qt.MouseButton.LeftButton)
    assert form.person.editors["company"].text() == ""
    assert form.draft_banner.isVisible()
    # Typing a new lead, then restoring the emptied one: the new typing is not lost either.
    type_chinese(form.person.editors["person_name"], "新访客")
    qtbot.mouseClick(form.draft_banner.restore_button, Qt.MouseButton.LeftButton)
    assert form.person.editors["company"].text() == "示例环卫"
    assert form.person.editors["email"].text() == "hw@example.cn"
    assert form.draft_banner.isVisible() and "新访客" in form.draft_banner.text.text()


def test_a_saved_lead_leaves_no_draft_behind(
    make_form: FormFactory, booth: Booth, booth_db: Database, qtbot: QtBot
) -> None:
    form = make_form("en", staff=booth.staff)
    type_chinese(form.person.editors["person_name"], "周九")
    form.person.editors["mobile"].setFocus()
    type_like_a_person(form.person.editors["mobile"], "13900001111")
    form.consent.check.setChecked(True)
    drafts = DraftService(booth_db)
    qtbot.waitUntil(lambda: form.drafts.idle and drafts.load(DRAFT_SLOT) is not None, timeout=3000)
    qtbot.keyClick(form.person.editors["mobile"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Saved at" in form.status.text(), timeout=5000)
    qtbot.waitUntil(lambda: form.drafts.idle, timeout=3000)
    assert drafts.load(DRAFT_SLOT) is None
