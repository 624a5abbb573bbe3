"""``catalog-app intent list|pdf|status``: the same forms and PDFs as the app, from a script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from intent_test_data import pdf_pages

from catalog_app.cli import EXIT_FAILED, EXIT_OK, main
from catalog_app.store.database import Database


def _run(
    database: Database, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    assert database.path is not None
    code = main([*args, "--db", str(database.path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_intent_list_shows_the_latest_revision_of_each_form(
    fair_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(fair_db, capsys, "intent", "list", "--lang", "zh_CN")
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["编号", "版", "状态"]
    assert len(lines) == 6  # header + five forms (the revised one once)
    assert any(
        "QLHT-SAMPLE-0002" in line and "已打印" in line and "15,360,000.00" in line
        for line in lines
    )


def test_intent_list_json_can_be_filtered(
    fair_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        fair_db, capsys, "intent", "list", "--json", "--status", "draft", "--all-revisions"
    )
    assert code == EXIT_OK
    forms = json.loads(out)
    assert sorted((f["reference"], f["revision"]) for f in forms) == [
        ("QLHT-SAMPLE-0005", 2),
        ("ZNSW-SAMPLE-0003", 1),
    ]
    first = next(f for f in forms if f["reference"] == "ZNSW-SAMPLE-0003")
    assert first["units"] == 8 and first["value_cny"] == "4544000.00"


def test_intent_pdf_writes_the_form_and_a_wrong_reference_says_so(
    fair_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out" / "intent.pdf"
    code, out, _ = _run(
        fair_db,
        capsys,
        "intent",
        "pdf",
        "QLHT-SAMPLE-0005-R1",
        "--out",
        str(target),
        "--lang",
        "en",
    )
    assert code == EXIT_OK and "revision 1" in out
    text = "\n".join(pdf_pages(target.read_bytes()))
    assert "QLHT-SAMPLE-0005" in text and "1,796,000.00" in text  # revision 1: two trucks

    code, _, err = _run(
        fair_db, capsys, "intent", "pdf", "NOPE-1", "--out", str(target), "--lang", "zh_CN"
    )
    assert code == EXIT_FAILED and "找不到编号为 NOPE-1 的意向书" in err


def test_intent_pdf_can_mark_a_draft_printed_and_status_moves_it_on(
    fair_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "draft.pdf"
    code, out, _ = _run(
        fair_db,
        capsys,
        "intent",
        "pdf",
        "ZNSW-SAMPLE-0003",
        "--out",
        str(target),
        "--mark-printed",
        "--lang",
        "en",
    )
    assert code == EXIT_OK and "marked printed" in out
    code, out, _ = _run(
        fair_db, capsys, "intent", "status", "ZNSW-SAMPLE-0003", "signed", "--lang", "en"
    )
    assert code == EXIT_OK and "Signed" in out
    code, _, err = _run(
        fair_db, capsys, "intent", "status", "ZNSW-SAMPLE-0003", "printed", "--lang", "en"
    )
    assert code == EXIT_FAILED and '"signed" to "printed"' in err
