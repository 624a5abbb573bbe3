"""The sync commands, as a manager would script them after the fair."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sync_data import add_lead, lead

from catalog_app.cli import main
from catalog_app.services.audit import AuditAction, recent_entries
from catalog_app.services.sync.history import remembered_server


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_booth_exports_and_the_manager_dry_runs_then_merges_from_the_shell(
    make_device: Any,
    manager_db: Any,
    usb_stick: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    booth = make_device("booth")
    office, manager = manager_db
    lead_id = add_lead(booth, "张三", mobile="+8613800138000")
    code, out, _ = _run(capsys, "sync-package", "--out", str(usb_stick), "--db", str(booth.path))
    assert code == 0 and "Wrote the sync package" in out and "1 lead(s)" in out
    package = next(usb_stick.glob("*.catpkg"))

    monkeypatch.setenv("CATALOG_APP_PIN", "2468")
    args = ["merge", str(package), "--db", str(office.path), "--staff", manager.display_name]
    code, out, _ = _run(capsys, *args, "--dry-run", "--lang", "zh_CN")
    assert code == 0 and "试运行" in out and "新增" in out
    assert lead_id not in {row.id for row in _leads(office)}

    code, out, _ = _run(capsys, *args)
    assert code == 0 and "Merged:" in out
    assert lead(office, lead_id).person_name == "张三"
    assert recent_entries(office, action=AuditAction.MERGE_PACKAGES)[0].staff_id == manager.id

    code, out, _ = _run(capsys, *args)
    assert code == 0 and "nothing changed" in out


def _leads(database: Any) -> list[Any]:
    from sqlalchemy import select

    from catalog_app.domain.models import Lead

    with database.sessions() as session:
        return list(session.scalars(select(Lead)))


def test_merging_needs_the_manager_s_pin_when_the_file_has_a_manager(
    make_device: Any,
    manager_db: Any,
    usb_stick: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    office, manager = manager_db
    _run(capsys, "sync-package", "--out", str(usb_stick), "--db", str(make_device("b").path))
    package = str(next(usb_stick.glob("*.catpkg")))
    code, _, err = _run(capsys, "merge", package, "--db", str(office.path), "--lang", "en")
    assert code == 1 and "--staff" in err
    monkeypatch.setenv("CATALOG_APP_PIN", "0000")
    code, _, err = _run(
        capsys, "merge", package, "--db", str(office.path), "--staff", manager.display_name
    )
    assert code == 1 and "Wrong PIN" in err


def test_a_damaged_package_is_refused_with_exit_code_1_and_a_reason(
    manager_db: Any,
    usb_stick: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    office, manager = manager_db
    broken = usb_stick / "broken.catpkg"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    monkeypatch.setenv("CATALOG_APP_PIN", "2468")
    code, _, err = _run(
        capsys,
        *("merge", str(broken), "--db", str(office.path), "--lang", "zh_CN"),
        *("--staff", manager.display_name),
    )
    assert code == 1
    assert "broken.catpkg" in err and "不是本程序的同步包" in err


def test_a_fresh_office_file_without_accounts_may_merge_from_the_shell(
    make_device: Any, usb_stick: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    booth, office = make_device("booth"), make_device("office")
    lead_id = add_lead(booth, "李四")
    _run(capsys, "sync-package", "--out", str(usb_stick), "--db", str(booth.path))
    package = str(next(usb_stick.glob("*.catpkg")))
    code, out, _ = _run(capsys, "merge", package, "--db", str(office.path))
    assert code == 0 and lead(office, lead_id).person_name == "李四"
    entry = recent_entries(office, action=AuditAction.MERGE_PACKAGES)[0]
    assert entry.staff_id is None and entry.detail["via"] == "command line"


@pytest.mark.postgres
def test_push_and_pull_from_the_shell_remember_the_server_without_its_password(
    make_device: Any, postgres_empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    booth, office = make_device("booth"), make_device("office")
    lead_id = add_lead(booth, "王五")
    code, out, _ = _run(
        capsys, "push", "--server", postgres_empty_url, "--db", str(booth.path), "--lang", "en"
    )
    assert code == 0 and "Pushed to" in out
    code, out, _ = _run(capsys, "pull", "--server", postgres_empty_url, "--db", str(office.path))
    assert code == 0 and lead(office, lead_id).person_name == "王五"
    assert remembered_server(office).startswith("postgresql+psycopg://postgres@")
    code, out, _ = _run(capsys, "pull", "--db", str(office.path), "--lang", "en")
    assert code == 0 and ("Nothing to pull" in out or "Pulled from" in out)


def test_push_without_a_server_says_how_to_name_one(
    make_device: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "push", "--db", str(make_device("b").path), "--lang", "en")
    assert code == 1 and "--server postgresql://" in err
