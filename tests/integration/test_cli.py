"""The ``catalog-app`` command line: demo, import, backup, check, errors and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from catalog_app import __version__
from catalog_app.cli import EXIT_FAILED, EXIT_OK, EXIT_PROBLEMS_FOUND, main
from catalog_app.store.backups import list_backups
from catalog_app.store.migrations import HEAD_REVISION
from tests.catalog_files import write_catalog, write_workbook


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_python_dash_m_and_version_work() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "catalog_app", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_demo_creates_a_sample_database_and_a_second_run_duplicates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "demo.sqlite"
    code, out, _ = run(capsys, "demo", "--db", str(target), "--lang", "en")
    assert code == EXIT_OK
    assert str(target) in out and "new" in out
    code, out, _ = run(capsys, "demo", "--db", str(target), "--lang", "zh_CN")
    assert code == EXIT_OK
    assert "新增 0" in out


def test_demo_fresh_keeps_the_previous_file_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "demo.sqlite"
    assert run(capsys, "demo", "--db", str(target))[0] == EXIT_OK
    assert run(capsys, "demo", "--db", str(target), "--fresh")[0] == EXIT_OK
    assert any(p.name.startswith("demo.sqlite.previous-") for p in tmp_path.iterdir())


def test_import_reports_what_it_did_and_a_bad_file_fails_with_reasons_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.sqlite")
    source = write_catalog(tmp_path / "src")
    code, out, _ = run(capsys, "import", str(source), "--db", db, "--lang", "en")
    assert code == EXIT_OK and "2 new" in out

    bad = write_workbook(
        tmp_path / "bad.xlsx",
        ["参展商", "车型代码", "车型名称", "车型类别", "动力形式"],
        [["QL", "X1", "车", "boat", "bev_charge"]],
    )
    code, out, err = run(capsys, "import", str(bad), "--db", db, "--lang", "zh_CN")
    assert code == EXIT_FAILED
    assert "第 2 行" in err and "boat" in err and "未写入任何数据" in err
    assert out == ""


def test_the_database_can_come_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "env.sqlite"
    monkeypatch.setenv("CATALOG_APP_DB", str(target))
    assert run(capsys, "import", str(write_catalog(tmp_path / "src")))[0] == EXIT_OK
    assert target.exists()


def test_backup_list_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "c.sqlite"
    run(capsys, "import", str(write_catalog(tmp_path / "src")), "--db", str(db))
    code, out, _ = run(capsys, "backup", "--db", str(db), "--lang", "en")
    assert code == EXIT_OK and "Backed up to" in out
    code, out, _ = run(capsys, "backup", "--list", "--db", str(db))
    assert code == EXIT_OK and str(list_backups(db)[0].path) in out
    code, out, _ = run(capsys, "backup", "--restore-newest", "--db", str(db), "--lang", "en")
    assert code == EXIT_OK and "Restored" in out and "kept as" in out


def test_check_reports_ok_and_the_schema_revision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.sqlite"
    run(capsys, "import", str(write_catalog(tmp_path / "src")), "--db", str(db))
    code, out, _ = run(capsys, "check", "--db", str(db), "--lang", "en")
    assert code == EXIT_OK
    assert "Integrity: ok" in out and f"Schema revision: {HEAD_REVISION}" in out


def test_check_of_a_damaged_file_fails_without_touching_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.sqlite"
    run(capsys, "import", str(write_catalog(tmp_path / "src")), "--db", str(db))
    data = bytearray(db.read_bytes())
    page = 4096
    data[page * 2 : page * 4] = os.urandom(page * 2)
    db.write_bytes(bytes(data))
    before = db.read_bytes()

    code, out, _ = run(capsys, "check", "--db", str(db), "--lang", "en")

    assert code == EXIT_PROBLEMS_FOUND
    assert "problem" in out
    assert db.read_bytes() == before


def test_opening_a_damaged_file_says_so_and_points_at_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.sqlite"
    run(capsys, "import", str(write_catalog(tmp_path / "src")), "--db", str(db))
    run(capsys, "backup", "--db", str(db))
    db.write_bytes(b"garbage" * 1000)
    code, _, err = run(
        capsys, "import", str(write_catalog(tmp_path / "src2")), "--db", str(db), "--lang", "en"
    )
    assert code == EXIT_FAILED
    assert "damaged" in err and "backup" in err


def test_check_of_a_missing_file_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--db", str(tmp_path / "none.sqlite"), "--lang", "en")
    assert code == EXIT_PROBLEMS_FOUND and "No database file" in out


def test_the_template_workbook_imports_once_filled_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    db = str(tmp_path / "c.sqlite")
    run(capsys, "import", str(write_catalog(tmp_path / "src")), "--db", db)
    template = tmp_path / "template.xlsx"
    assert run(capsys, "import", "--template", str(template))[0] == EXIT_OK
    book = load_workbook(template)
    sheet = book["车型"]
    headers = [cell.value for cell in sheet[1]]
    row = {
        "参展商": "QL",
        "车型代码": "T-1",
        "车型名称": "模板车",
        "车型类别": "cargo",
        "动力形式": "bev_charge",
        "电池电量 (kWh)": 200,
    }
    sheet.append([row.get(str(h)) for h in headers])
    book.save(template)

    code, out, err = run(capsys, "import", str(template), "--db", db, "--lang", "en")
    assert code == EXIT_OK, err
    assert "1 new" in out
