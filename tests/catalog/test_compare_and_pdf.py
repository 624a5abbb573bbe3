"""Comparing trucks side by side: what differs is marked, the better value goes by the field's
direction, and the comparison prints as a PDF with the Chinese font inside."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from catalog_app.domain.text import UserFacingError
from catalog_app.services.catalog import CatalogQuery, CatalogService
from catalog_app.services.catalog_compare import build_comparison, write_comparison_pdf
from catalog_app.store.database import Database


def ids(catalog: CatalogService, *codes: str) -> list:  # type: ignore[type-arg]
    by_code = {m.code: m.id for m in catalog.list_models("")}
    return [by_code[c] for c in codes]


@pytest.fixture
def tractors(catalog: CatalogService):  # type: ignore[no-untyped-def]
    return build_comparison(catalog.spec_sheets(ids(catalog, "GZ-T1", "QL-T2", "QL-H1")))


def cells(comparison, key: str) -> list[tuple[str, bool]]:  # type: ignore[no-untyped-def]
    row = comparison.row(key)
    assert row is not None, key
    return [(c.display_zh, c.best) for c in row.cells]


def test_the_better_value_follows_the_fields_direction(tractors) -> None:  # type: ignore[no-untyped-def]
    assert cells(tractors, "range_km") == [("200 km", False), ("280 km", False), ("460 km", True)]
    assert cells(tractors, "battery_kwh") == [
        ("282 kWh", False),
        ("423 kWh", True),
        ("100 kWh", False),
    ]
    # lower is better: energy use, price, curb weight (a tie shares the mark)
    assert cells(tractors, "energy_kwh_100km") == [
        ("128 kWh/100 km", True),
        ("136 kWh/100 km", False),
        ("—", False),
    ]
    assert cells(tractors, "price_cny") == [
        ("46.8 万元", True),
        ("72.8 万元", False),
        ("118 万元", False),
    ]
    assert cells(tractors, "curb_weight_kg") == [
        ("10,900 kg", True),
        ("11,900 kg", False),
        ("11,900 kg", False),
    ]


def test_rows_that_differ_are_marked_and_identical_rows_can_be_hidden(tractors) -> None:  # type: ignore[no-untyped-def]
    assert tractors.row("gcw_t").differs is False  # all 49 t
    assert tractors.row("body_type").differs is False  # all tractors
    assert tractors.row("powertrain").differs is True
    assert tractors.row("swap_min").differs is True  # only one has it: missing differs
    assert tractors.row("gcw_t").has_best is False  # equal values: nobody is better
    shown = {r.field.key for g in tractors.visible_groups(True) for r in g.visible_rows(True)}
    assert "gcw_t" not in shown and "body_type" not in shown
    assert {"range_km", "powertrain", "price_cny"} <= shown
    everything = {r.field.key for g in tractors.visible_groups(False) for r in g.rows}
    assert {"gcw_t", "body_type"} <= everything


def test_choices_and_text_are_compared_but_never_ranked(tractors) -> None:  # type: ignore[no-untyped-def]
    assert tractors.row("powertrain").has_best is False
    assert [c.display_en for c in tractors.row("powertrain").cells] == [
        "BEV, battery swap",
        "BEV, plug-in charging",
        "Hydrogen fuel cell",
    ]


def test_one_model_alone_has_values_but_no_marks(catalog: CatalogService) -> None:
    alone = build_comparison(catalog.spec_sheets(ids(catalog, "GZ-T1")))
    assert len(alone.models) == 1
    assert alone.row("range_km").cells[0].display_en == "200 km"
    assert not any(r.differs or r.has_best for g in alone.groups for r in g.rows)


def test_no_more_than_four_models_are_compared(catalog: CatalogService) -> None:
    every = catalog.search_ids(CatalogQuery())
    assert len(build_comparison(catalog.spec_sheets(every)).models) == 4


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_comparison_pdf_carries_the_models_marks_and_the_embedded_font(
    sqlite_catalog_db: Database, tmp_path: Path
) -> None:
    catalog = CatalogService(sqlite_catalog_db)
    target = tmp_path / "out" / "对比.pdf"
    chosen = ids(catalog, "GZ-T1", "QL-T2", "QL-H1")
    made = datetime(2026, 6, 18, 10, 30)
    assert write_comparison_pdf(catalog, chosen, target, "zh_CN", made_at=made) == target
    text = _pdf_text(target)
    for expected in (
        "车型对比",
        "贵州牌 换电牵引车",
        "黔岭 H7 氢燃料电池牵引车",
        "续航里程",
        "✓ 460 km",
        "准拖挂车总质量",
        "2026-06-18 10:30",
        "示例数据",
        "第 1 /",
    ):
        assert expected in text, expected
    reader = PdfReader(target)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = [
        fonts[key].get_object()["/FontDescriptor"].get_object()
        for key in fonts
        if "WenQuanYi" in str(fonts[key].get_object().get("/BaseFont"))
    ]
    assert embedded and "/FontFile2" in embedded[0]
    assert not list(target.parent.glob(".compare-*"))  # no temporary file left behind


def test_hiding_identical_rows_leaves_them_out_of_the_pdf_too(
    sqlite_catalog_db: Database, tmp_path: Path
) -> None:
    catalog = CatalogService(sqlite_catalog_db)
    chosen = ids(catalog, "GZ-T1", "QL-T2", "QL-H1")
    target = write_comparison_pdf(catalog, chosen, tmp_path / "en.pdf", "en", hide_identical=True)
    text = _pdf_text(target)
    assert "Model comparison" in text and "Range" in text
    assert "Gross combination weight" not in text  # 49 t for all three
    assert "Rows where all models agree are left out." in text


def test_a_comparison_without_models_says_so_in_both_languages(
    sqlite_catalog_db: Database, tmp_path: Path
) -> None:
    catalog = CatalogService(sqlite_catalog_db)
    with pytest.raises(UserFacingError) as raised:
        write_comparison_pdf(catalog, [], tmp_path / "none.pdf", "zh_CN")
    assert "没有可对比的车型" in raised.value.text("zh_CN")
    assert "nothing to compare" in raised.value.text("en")
    assert not (tmp_path / "none.pdf").exists()
