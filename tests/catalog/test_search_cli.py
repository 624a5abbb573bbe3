"""Support staff search the catalog from a terminal: the same search as the screen, as a table or
JSON, with filters; a bad range is explained in the user's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog_app.cli import main
from catalog_app.store.database import open_sqlite
from tests.catalog.catalog_test_data import GUIZHOU_CODES, fill_test_catalog


@pytest.fixture
def db_file(tmp_path: Path) -> str:
    path = tmp_path / "booth.sqlite"
    database = open_sqlite(path)
    try:
        fill_test_catalog(database, tmp_path / "source")
    finally:
        database.close()
    return str(path)


def test_searching_in_traditional_characters_lists_the_guizhou_models(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "貴州", "--db", db_file, "--lang", "zh_CN"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("找到 3 款车型")
    for code in GUIZHOU_CODES:
        assert code in out
    assert "QL-T2" not in out
    assert "贵州牌 换电牵引车 6×4" in out and "46.8 万元" in out
    assert "分类计数" in out and "牵引车 1" in out


def test_json_output_is_the_same_search_with_filters_and_ranges(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "search",
            "gz",
            "--db",
            db_file,
            "--json",
            "--powertrain",
            "bev_swap",
            "--battery",
            "200:",
            "--sort",
            "price_low",
        ]
    )
    assert code == 0
    document = json.loads(capsys.readouterr().out)
    assert document["total"] == 2
    assert [m["code"] for m in document["models"]] == ["GZ-T1", "HT-C1"]  # no price: last
    assert document["query"]["ranges"] == {"battery_kwh": [200.0, None]}
    assert document["facets"]["powertrain"]["bev_charge"] == 1  # what ticking it would add
    assert document["models"][0]["name_zh"] == "贵州牌 换电牵引车 6×4"


def test_an_empty_query_with_a_limit_says_how_many_are_shown(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "--db", db_file, "--limit", "2", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("7 model(s) found (first 2 shown)")
    assert "GZ-T1" in out and "ZC-L1" not in out


def test_nothing_found_is_said_plainly(db_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "不存在的车", "--db", db_file, "--lang", "zh_CN"]) == 0
    assert capsys.readouterr().out.strip() == "没有匹配的车型。"


def test_a_range_without_a_colon_is_refused_with_an_example(
    db_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "--db", db_file, "--price", "300000", "--lang", "zh_CN"]) == 1
    assert "最小:最大" in capsys.readouterr().err
    assert main(["search", "--db", db_file, "--price", "a:b", "--lang", "en"]) == 1
    assert "MIN:MAX" in capsys.readouterr().err
