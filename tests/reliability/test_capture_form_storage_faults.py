"""Storage faults met by a person at the capture form: a lead is typed, "Save and next" is
pressed, and the disk is full, the file read-only, locked by another program, deleted or replaced
under the running app, or damaged.

Each time the form says so clearly in the UI language (Chinese or English), everything typed is
still in the widgets, nothing saved before is lost, and once the cause is gone (or the newest
good backup is restored, for a file that is gone or damaged) pressing save again stores the very
lead that was typed. Faults follow RELIABILITY.md: ``max_page_count`` for a full disk,
``query_only`` for a read-only medium (the tests may run as root, for whom chmod does not stop
writes), a second ``sqlite3`` connection holding ``BEGIN EXCLUSIVE`` for a lock, page headers
overwritten for damage. A real ENOSPC / file-size limit is in ``test_storage_limits.py``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot
from reliability_form import (
    Pragmas,
    TypedLead,
    damage_in_place,
    form_still_holds,
    press_save,
    saved_rows,
    type_lead,
)
from sqlalchemy import select

from catalog_app.domain.enums import LeadSource
from catalog_app.domain.models import LeadInterest
from catalog_app.services.consent import current_consent
from catalog_app.services.lead_input import LeadInput
from catalog_app.services.leads import LeadService
from catalog_app.store.database import Database, open_sqlite
from catalog_app.ui.capture import CaptureForm
from catalog_app.ui.restore import restore_open_database

FormMaker = Callable[[str], CaptureForm]
WAIT_MS = 8000
EARLIER = ("Buyer before", "", "13900000001", "saved before the fault")


def save_earlier_lead(database: Database) -> None:
    """A lead saved before the fault: it must survive whatever happens next."""
    wording = current_consent("en")
    LeadService(database).save(
        LeadInput(
            person_name=EARLIER[0],
            mobile=EARLIER[2],
            notes=EARLIER[3],
            consent_given=True,
            consent_text=wording.text,
            consent_version=wording.version,
        ),
        source=LeadSource.BOOTH,
    )


def model_id(form: CaptureForm) -> object:
    return form.business.interests.picker.itemData(0)


def wait_refused(qtbot: QtBot, form: CaptureForm, prefix: str) -> str:
    """Wait until the save came back refused; the status line shown."""
    qtbot.waitUntil(
        lambda: not form._saving and form.status.text().startswith(prefix), timeout=WAIT_MS
    )
    return form.status.text()


def retry_and_check_saved(
    qtbot: QtBot, form: CaptureForm, lead: TypedLead, path: Path, before: list[tuple[str, ...]]
) -> None:
    """Press save again: the typed lead is stored whole, next to everything saved before."""
    press_save(qtbot, form)
    qtbot.waitUntil(
        lambda: not form._saving and form.person.editors["person_name"].text() == "",
        timeout=WAIT_MS,
    )
    typed = (lead.person_name, lead.company, lead.mobile, lead.notes)
    assert sorted(saved_rows(path)) == sorted([*before, typed])
    database = form._state.database
    with database.sessions() as session:
        quantities = [row.quantity for row in session.scalars(select(LeadInterest))]
    assert 2 in quantities  # the model picked with quantity 2 came along


def recovery_drafts(path: Path) -> list[Path]:
    return sorted((path.parent / "drafts").glob("draft-*.json"))


def restore_newest_backup(qtbot: QtBot, form: CaptureForm) -> Database:
    """What Settings → "Restore newest good backup" does: close, restore, reopen, hand over."""
    state = form._state
    state.tasks.wait(10_000)
    result = restore_open_database(state.database)
    assert result.database is not None and result.error is None, result.error
    state.replace_database(result.database)
    qtbot.waitUntil(lambda: form.business.interests.picker.count() > 0, timeout=WAIT_MS)
    return result.database


def test_a_full_disk_says_so_in_english_keeps_the_form_and_saves_once_there_is_room(
    qtbot: QtBot, capture_form: FormMaker
) -> None:
    form = capture_form("en")
    database = form._state.database
    path = Path(str(database.path))
    save_earlier_lead(database)
    # Long notes need new (overflow) pages, so the save cannot fit into free space already there.
    lead = TypedLead(notes="要 12 台换电牵引车，下个月看车。" * 120)
    type_lead(qtbot, form, lead, model_id(form))
    qtbot.waitUntil(lambda: form.drafts.idle is True, timeout=WAIT_MS)
    with sqlite3.connect(path, isolation_level=None) as other:
        other.execute("VACUUM")  # no free pages left to reuse
        pages = other.execute("PRAGMA page_count").fetchone()[0]
    full = Pragmas(database, f"PRAGMA max_page_count = {pages}")

    press_save(qtbot, form)
    shown = wait_refused(qtbot, form, "Not saved")
    assert "The disk is full" in shown and "Free some space" in shown
    assert "What you typed is still in the form" in shown
    form_still_holds(form, lead, model_id(form))
    assert saved_rows(path) == [EARLIER]

    full.remove()
    retry_and_check_saved(qtbot, form, lead, path, [EARLIER])


def test_a_read_only_file_says_so_in_chinese_and_saves_once_writable(
    qtbot: QtBot, capture_form: FormMaker
) -> None:
    form = capture_form("zh_CN")
    database = form._state.database
    path = Path(str(database.path))
    save_earlier_lead(database)
    read_only = Pragmas(database, "PRAGMA query_only = ON")
    lead = TypedLead()
    type_lead(qtbot, form, lead, model_id(form))

    press_save(qtbot, form)
    shown = wait_refused(qtbot, form, "未保存")
    assert "是只读的" in shown and "您输入的内容仍保留在表单中" in shown
    assert "read-only" not in shown  # the whole message in the UI language
    form_still_holds(form, lead, model_id(form))
    qtbot.waitUntil(lambda: form.drafts.idle is True, timeout=WAIT_MS)
    assert recovery_drafts(path), "the draft went to a recovery file while the file was read-only"

    read_only.remove()
    retry_and_check_saved(qtbot, form, lead, path, [EARLIER])


def test_a_file_locked_by_another_program_says_wait_in_chinese_then_saves(
    qtbot: QtBot, capture_form: FormMaker
) -> None:
    form = capture_form("zh_CN")
    database = form._state.database
    path = Path(str(database.path))
    save_earlier_lead(database)
    lead = TypedLead(person_name="钱七")
    type_lead(qtbot, form, lead, model_id(form))
    qtbot.waitUntil(lambda: form.drafts.idle is True, timeout=WAIT_MS)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program holds the file
        press_save(qtbot, form)
        shown = wait_refused(qtbot, form, "未保存")
        assert "另一个程序占用" in shown and "请稍候片刻再试" in shown
        form_still_holds(form, lead, model_id(form))
    finally:
        other.execute("ROLLBACK")
        other.close()
    retry_and_check_saved(qtbot, form, lead, path, [EARLIER])


def test_a_file_deleted_under_the_app_keeps_the_typing_and_saves_after_restoring_a_backup(
    qtbot: QtBot, capture_form: FormMaker
) -> None:
    form = capture_form("en")
    database = form._state.database
    path = Path(str(database.path))
    save_earlier_lead(database)
    database.backup()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    lead = TypedLead()
    with qtbot.waitSignal(
        form.drafts.written, timeout=WAIT_MS, check_params_cb=lambda where: where == "file"
    ):
        type_lead(qtbot, form, lead, model_id(form))  # the autosave goes to a recovery file

    press_save(qtbot, form)
    shown = wait_refused(qtbot, form, "Not saved")
    assert "was deleted or replaced while the app was running" in shown
    assert "backup can be restored in Settings" in shown
    form_still_holds(form, lead, model_id(form))
    assert not path.exists(), "nothing was written into a new file behind the person's back"
    assert recovery_drafts(path)

    restore_newest_backup(qtbot, form)
    form_still_holds(form, lead, model_id(form))
    retry_and_check_saved(qtbot, form, lead, path, [EARLIER])


def test_a_file_replaced_under_the_app_is_not_written_into_and_the_replacement_is_kept(
    qtbot: QtBot, capture_form: FormMaker, tmp_path: Path
) -> None:
    form = capture_form("zh_CN")
    database = form._state.database
    path = Path(str(database.path))
    save_earlier_lead(database)
    database.backup()
    stranger = open_sqlite(tmp_path / "stranger.sqlite", backup_on_open=False)
    stranger.close()
    os.replace(tmp_path / "stranger.sqlite", path)
    lead = TypedLead(person_name="孙九")
    type_lead(qtbot, form, lead, model_id(form))

    press_save(qtbot, form)
    shown = wait_refused(qtbot, form, "未保存")
    assert "在程序运行时被删除或替换" in shown and "从备份恢复" in shown
    form_still_holds(form, lead, model_id(form))
    assert lead.person_name not in [row[0] for row in saved_rows(path)]  # not written into

    restore_newest_backup(qtbot, form)
    retry_and_check_saved(qtbot, form, lead, path, [EARLIER])
    kept = [p for p in path.parent.iterdir() if ".damaged-" in p.name and p.suffix != ".sqlite"]
    assert kept, "the file found in place was set aside, not deleted"


def test_a_damaged_file_says_restore_keeps_the_form_and_the_backup_gets_it_saved(
    qtbot: QtBot, capture_form: FormMaker
) -> None:
    form = capture_form("en")
    database = form._state.database
    path = Path(str(database.path))
    for _ in range(3):
        save_earlier_lead(database)
    database.backup()
    lead = TypedLead()
    type_lead(qtbot, form, lead, model_id(form))
    qtbot.waitUntil(lambda: form.drafts.idle is True, timeout=WAIT_MS)
    damage_in_place(path)
    database.engine.dispose()  # the next connection reads the damaged pages

    press_save(qtbot, form)
    shown = wait_refused(qtbot, form, "Not saved")
    assert "is damaged" in shown and "Restore the newest good backup in Settings" in shown
    form_still_holds(form, lead, model_id(form))

    restore_newest_backup(qtbot, form)
    retry_and_check_saved(qtbot, form, lead, path, [EARLIER] * 3)
    assert any(".damaged-" in p.name for p in path.parent.iterdir()), "damaged file kept aside"
