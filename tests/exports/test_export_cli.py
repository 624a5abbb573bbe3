"""From the command line a manager exports leads with filters (PIN from the environment or stdin)
and writes the fair report; staff and wrong PINs are refused in the user's language."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from exports_data import ExportWorld
from pypdf import PdfReader

from catalog_app.cli import main
from catalog_app.services.audit import AuditAction, recent_entries


@pytest.fixture
def cli_world(world: ExportWorld) -> ExportWorld:
    world.database.close()  # the command opens the file itself
    return world


def db_path(world: ExportWorld) -> str:
    assert world.database.path is not None
    return str(world.database.path)


def test_manager_exports_hot_leads_of_a_model_with_the_pin_from_the_environment(
    cli_world, out, monkeypatch, capsys
):
    monkeypatch.setenv("CATALOG_APP_PIN", "2468")
    target = out / "hot.csv"
    code = main(
        [
            "export", "--db", db_path(cli_world), "--lang", "en", "--format", "csv",
            "--out", str(target), "--staff", "经理 周敏", "--rating", "hot",
            "--model", "QL-D8-423C", "--utc-offset", "+08:00",
        ]
    )  # fmt: skip
    assert code == 0
    said = capsys.readouterr().out
    assert "Exported 2 lead(s)" in said and "marked as exported" in said
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["Name"] for r in rows} == {"刘建华", "示例 王海燕"}
    assert "Captured at (UTC+08:00)" in rows[0]


def test_pin_from_stdin_dates_and_no_mark(cli_world, out, monkeypatch, capsys):
    monkeypatch.delenv("CATALOG_APP_PIN", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO("2468\n"))
    target = out / "day1.xlsx"
    code = main(
        [
            "export", "--db", db_path(cli_world), "--lang", "zh_CN", "--format", "xlsx",
            "--out", str(target), "--staff", "经理 周敏", "--pin-stdin", "--no-mark",
            "--from", "2026-06-18", "--to", "2026-06-18", "--source", "booth",
            "--utc-offset", "+08:00",
        ]
    )  # fmt: skip
    assert code == 0
    assert "已导出 4 条线索" in capsys.readouterr().out
    assert target.stat().st_size > 5000


def test_staff_member_and_wrong_pin_are_refused(cli_world, out, monkeypatch, capsys):
    base = ["export", "--db", db_path(cli_world), "--lang", "zh_CN", "--format", "csv"]
    monkeypatch.setenv("CATALOG_APP_PIN", "1357")
    assert main([*base, "--out", str(out / "a.csv"), "--staff", "展台 小王"]) == 1
    assert "只有经理" in capsys.readouterr().err
    monkeypatch.setenv("CATALOG_APP_PIN", "0000")
    assert main([*base, "--out", str(out / "b.csv"), "--staff", "经理 周敏"]) == 1
    assert "PIN 不正确" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_unknown_values_are_named_with_what_is_known(cli_world, out, monkeypatch, capsys):
    monkeypatch.setenv("CATALOG_APP_PIN", "2468")
    base = [
        "export", "--db", db_path(cli_world), "--lang", "en", "--format", "csv",
        "--out", str(out / "x.csv"), "--staff", "经理 周敏",
    ]  # fmt: skip
    assert main([*base, "--rating", "lukewarm"]) == 1
    assert "lukewarm" in capsys.readouterr().err
    assert main([*base, "--model", "NOPE-1"]) == 1
    assert "QL-T6-282S" in capsys.readouterr().err
    assert main([*base, "--from", "18/06/2026"]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_every_cli_export_is_audited(cli_world, out, monkeypatch):
    from catalog_app.store.database import open_sqlite

    monkeypatch.setenv("CATALOG_APP_PIN", "2468")
    for fmt in ("salesforce", "hubspot", "vcard"):
        args = ["export", "--db", db_path(cli_world), "--format", fmt]
        assert main([*args, "--out", str(out / f"x.{fmt}"), "--staff", "经理 周敏"]) == 0
    database = open_sqlite(Path(db_path(cli_world)))
    try:
        entries = recent_entries(database, action=AuditAction.EXPORT)
    finally:
        database.close()
    assert sorted(e.detail["format"] for e in entries) == ["hubspot", "salesforce", "vcard"]


def test_report_command_writes_a_pdf_in_chinese(cli_world, out, capsys):
    target = out / "report.pdf"
    code = main(
        ["report", "--db", db_path(cli_world), "--lang", "zh_CN", "--out", str(target),
         "--utc-offset", "+08:00"]
    )  # fmt: skip
    assert code == 0
    assert "已生成展会报告" in capsys.readouterr().out
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "展会成果报告" in text and "线索" in text
