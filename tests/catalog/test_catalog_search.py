"""A buyer's searches find the same trucks however they are typed, on SQLite and PostgreSQL:
简体, 繁體, pinyin, initials, any case or width; by maker, announcement number, spec text or a
body-type word — and nothing that merely shares letters across two syllables."""

from __future__ import annotations

import pytest

from catalog_app.services.catalog import CatalogQuery, CatalogService
from tests.catalog.catalog_test_data import GUIZHOU_CODES, SWAP_CODES, TRACTOR_CODES


def codes(catalog: CatalogService, text: str) -> set[str]:
    return {m.code for m in catalog.list_models(text)}


@pytest.mark.parametrize(
    "typed",
    ["贵州", "貴州", "guizhou", "GuiZhou", "ＧＵＩＺＨＯＵ", "gz", "GZ", "guizh", "gui zhou"],
)
def test_guizhou_typed_any_way_finds_the_same_three_models(
    catalog: CatalogService, typed: str
) -> None:
    assert codes(catalog, typed) == GUIZHOU_CODES


def test_initials_never_match_letters_across_two_syllables(catalog: CatalogService) -> None:
    # 黔岭重卡 is "qianlingzhongka": the letters "gz" sit across 岭|重, yet no 黔岭 model is "gz".
    assert codes(catalog, "gz").isdisjoint({"QL-T2", "QL-H1"})
    assert codes(catalog, "qlzk") == {"QL-T2", "QL-H1"}  # its own initials
    assert codes(catalog, "ling") == {"QL-T2", "QL-H1"}  # the syllable 岭
    assert codes(catalog, "zhongka") == {"QL-T2", "QL-H1"}
    assert codes(catalog, "zhongk") == {"QL-T2", "QL-H1"}  # the last syllable half typed


def test_traditional_text_in_the_data_is_found_in_simplified_and_the_other_way(
    catalog: CatalogService,
) -> None:
    assert codes(catalog, "换电厢式车") == {"HT-C1"}  # the data says 換電廂式車
    assert codes(catalog, "換電") == SWAP_CODES
    assert codes(catalog, "黔通") == {"HT-C1"}


def test_announcement_numbers_model_codes_and_spec_text_are_searched(
    catalog: CatalogService,
) -> None:
    assert codes(catalog, "QLZ4250") == {"QL-T2", "QL-H1"}
    assert codes(catalog, "qlz4250fcev1") == {"QL-H1"}
    assert codes(catalog, "zc-m1") == {"ZC-M1"}
    assert codes(catalog, "宁德") == {"GZ-T1"}  # battery maker, a text spec
    assert codes(catalog, "ningde") == {"GZ-T1"}
    assert codes(catalog, "磷酸铁锂") == {"GZ-T1", "QL-T2"}  # a chosen value, by its label
    assert codes(catalog, "LFP") == {"GZ-T1", "QL-T2"}


@pytest.mark.parametrize("typed", ["牵引车", "qianyinche", "qyc", "tractor", "Tractor"])
def test_body_type_words_find_that_body_type(catalog: CatalogService, typed: str) -> None:
    assert codes(catalog, typed) == TRACTOR_CODES


def test_every_word_must_match_and_extra_spaces_do_not_matter(catalog: CatalogService) -> None:
    assert codes(catalog, "贵州  牵引车") == {"GZ-T1"}
    assert codes(catalog, " 黔岭 h7 ") == {"QL-H1"}
    assert codes(catalog, "贵州 黔岭") == set()


def test_like_wildcards_in_a_query_are_plain_characters(catalog: CatalogService) -> None:
    assert codes(catalog, "%") == set()
    assert codes(catalog, "100%") == set()
    assert codes(catalog, "_") == set()
    assert codes(catalog, "\\") == set()


def test_an_empty_query_lists_every_model_in_catalog_order(catalog: CatalogService) -> None:
    models = catalog.list_models("")
    assert [m.code for m in models] == [
        "GZ-T1",
        "GZ-D1",
        "QL-T2",
        "QL-H1",
        "ZC-L1",
        "ZC-M1",
        "HT-C1",
    ]
    assert catalog.count_models() == 7


def test_a_result_carries_what_a_card_shows(catalog: CatalogService, catalog_db: object) -> None:
    result = catalog.search(CatalogQuery(text="贵州 牵引"))
    assert result.total == 1
    model = result.models[0]
    assert (model.name_zh, model.exhibitor_zh) == ("贵州牌 换电牵引车 6×4", "贵州牌新能源汽车")
    assert (model.body_type, model.powertrain, model.drive_form) == ("tractor", "bev_swap", "6x4")
    assert (model.battery_kwh, model.range_km, model.price_cny) == (282, 200, 468000)
    assert model.announcement_no == "GZP4250BEVSW1"
    if catalog_db.is_sqlite:  # type: ignore[attr-defined]
        assert model.photo_path is not None and model.photo_path.name.endswith(".png")
