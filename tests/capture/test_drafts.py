"""What is being typed survives a crash: the draft is kept in the database, or — when the
database cannot take it — in a recovery file, and offered back either way."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from catalog_app.services.drafts import IN_DATABASE, IN_FILE, DraftNotSaved, DraftService
from catalog_app.store.database import Database, open_sqlite

SLOT = "lead_capture"


def test_a_draft_is_kept_replaced_moved_and_discarded(sqlite_db: Database) -> None:
    drafts = DraftService(sqlite_db)
    assert drafts.load(SLOT) is None
    assert drafts.save(SLOT, {"person_name": "张"}) == IN_DATABASE
    assert drafts.save(SLOT, {"person_name": "张三"}) == IN_DATABASE
    payload, saved_at = drafts.load(SLOT)  # type: ignore[misc]
    assert payload == {"person_name": "张三"} and saved_at.tzinfo is not None
    assert drafts.move(SLOT, "lead_capture:recovered")
    assert drafts.load(SLOT) is None
    assert drafts.load("lead_capture:recovered") is not None
    drafts.discard("lead_capture:recovered")
    assert drafts.load("lead_capture:recovered") is None
    assert not drafts.move(SLOT, "elsewhere")


def test_a_draft_survives_reopening_the_file(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite"
    first = open_sqlite(path)
    DraftService(first).save(SLOT, {"mobile": "13800138000"})
    first.close()  # as if the app had been killed after the autosave
    again = open_sqlite(path)
    try:
        found = DraftService(again).load(SLOT)
        assert found is not None and found[0] == {"mobile": "13800138000"}
    finally:
        again.close()


def test_a_locked_database_sends_the_draft_to_a_recovery_file(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite"
    database = open_sqlite(path, busy_timeout_ms=100)
    drafts = DraftService(database, recovery_dir=tmp_path / "recovery")
    blocker = sqlite3.connect(path, isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        assert drafts.save(SLOT, {"company": "示例物流"}) == IN_FILE
        assert list((tmp_path / "recovery").glob("*.json"))
        found = drafts.load(SLOT)
        assert found is not None and found[0] == {"company": "示例物流"}
        blocker.execute("ROLLBACK")
        assert drafts.save(SLOT, {"company": "示例物流有限公司"}) == IN_DATABASE
        assert not list((tmp_path / "recovery").glob("*.json"))  # the file is not needed now
        assert drafts.load(SLOT)[0] == {"company": "示例物流有限公司"}  # type: ignore[index]
    finally:
        blocker.close()
        database.close()


def test_when_nothing_can_be_written_the_message_says_the_form_still_holds_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "booth.sqlite"
    database = open_sqlite(path, busy_timeout_ms=100)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the recovery folder should be")
    drafts = DraftService(database, recovery_dir=blocked)
    blocker = sqlite3.connect(path, isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")
        with pytest.raises(DraftNotSaved) as caught:
            drafts.save(SLOT, {"notes": "x"})
        assert "still in the form" in caught.value.text("en")
        assert "仍在表单中" in caught.value.text("zh_CN")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        database.close()
