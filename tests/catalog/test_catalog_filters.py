"""Filters a buyer ticks narrow the trucks, and every facet says how many each tick would show;
ranges, sorting and paging behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from catalog_app.services.catalog import CatalogQuery, CatalogService, CatalogSort, NumberRange
from catalog_app.services.catalog_search import EXHIBITOR_FACET


def codes_of(catalog: CatalogService, query: CatalogQuery) -> list[str]:
    return [m.code for m in catalog.summaries(catalog.search_ids(query))]


def test_counts_without_any_tick_describe_the_whole_catalog(catalog: CatalogService) -> None:
    counts = catalog.search(CatalogQuery()).counts
    assert counts.total == 7
    assert counts.facets["body_type"] == {
        "tractor": 3,
        "dump": 1,
        "light": 1,
        "mixer": 1,
        "cargo": 1,
    }
    assert counts.facets["powertrain"] == {"bev_swap": 3, "bev_charge": 3, "fcev": 1}
    assert counts.facets["drive_form"] == {"6x4": 3, "8x4": 2, "4x2": 2}
    by_exhibitor = sorted(counts.exhibitors.values())
    assert by_exhibitor == [1, 2, 2, 2]


def test_a_tick_narrows_the_other_facets_counts_but_not_its_own(catalog: CatalogService) -> None:
    query = CatalogQuery(powertrains=frozenset({"bev_swap"}))
    result = catalog.search(query)
    assert result.total == 3
    assert {m.code for m in result.models} == {"GZ-T1", "ZC-M1", "HT-C1"}
    # what ticking another powertrain as well would add: still the whole catalog's counts
    assert result.counts.facets["powertrain"] == {"bev_swap": 3, "bev_charge": 3, "fcev": 1}
    # the body types among swap trucks only
    assert result.counts.facets["body_type"] == {"tractor": 1, "mixer": 1, "cargo": 1}
    assert result.counts.facets["drive_form"] == {"6x4": 1, "8x4": 1, "4x2": 1}


def test_ticks_in_one_facet_widen_and_ticks_in_two_facets_narrow(catalog: CatalogService) -> None:
    either = CatalogQuery(body_types=frozenset({"tractor", "mixer"}))
    assert set(codes_of(catalog, either)) == {"GZ-T1", "QL-T2", "QL-H1", "ZC-M1"}
    both = either.with_selected("powertrain", {"bev_swap"})
    assert set(codes_of(catalog, both)) == {"GZ-T1", "ZC-M1"}
    assert catalog.search(both).total == 2


def test_exhibitor_ticks_count_and_filter(catalog: CatalogService) -> None:
    overview = catalog.overview()
    zhucheng = next(e for e in overview.exhibitors if e.code == "ZC")
    assert (zhucheng.name_zh, zhucheng.models) == ("筑城专用车", 2)
    query = CatalogQuery().with_selected(EXHIBITOR_FACET, {zhucheng.id})
    result = catalog.search(query)
    assert {m.code for m in result.models} == {"ZC-L1", "ZC-M1"}
    assert result.counts.exhibitors[zhucheng.id] == 2
    assert result.counts.facets["body_type"] == {"light": 1, "mixer": 1}


def test_text_and_ticks_combine(catalog: CatalogService) -> None:
    query = CatalogQuery(text="贵州", body_types=frozenset({"dump"}))
    result = catalog.search(query)
    assert [m.code for m in result.models] == ["GZ-D1"]
    assert result.counts.facets["body_type"] == {"tractor": 1, "dump": 1, "cargo": 1}


def test_range_filters_keep_models_inside_and_drop_models_without_the_figure(
    catalog: CatalogService,
) -> None:
    battery = CatalogQuery().with_range("battery_kwh", NumberRange(200, 300))
    assert set(codes_of(catalog, battery)) == {"GZ-T1", "ZC-M1", "HT-C1"}
    cheap = CatalogQuery().with_range("price_cny", NumberRange(None, 500_000))
    assert set(codes_of(catalog, cheap)) == {"GZ-T1", "ZC-L1"}  # HT-C1 has no price: left out
    heavy = CatalogQuery().with_range("gcw_t", NumberRange(40, None))
    assert set(codes_of(catalog, heavy)) == {"GZ-T1", "QL-T2", "QL-H1"}
    payload = CatalogQuery().with_range("payload_kg", NumberRange(10_000, 20_000))
    assert set(codes_of(catalog, payload)) == {"GZ-D1", "ZC-M1"}
    upside_down = CatalogQuery().with_range("range_km", NumberRange(300, 100))
    assert catalog.search(upside_down).total == 0
    opened = battery.with_range("battery_kwh", NumberRange())
    assert not opened.has_filters and catalog.search(opened).total == 7


def test_an_unknown_range_field_is_refused() -> None:
    with pytest.raises(ValueError):
        CatalogQuery().with_range("name_zh", NumberRange(1, 2))


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (CatalogSort.PRICE_LOW, ["ZC-L1", "GZ-T1", "ZC-M1", "QL-T2", "GZ-D1", "QL-H1", "HT-C1"]),
        (CatalogSort.PRICE_HIGH, ["QL-H1", "GZ-D1", "QL-T2", "ZC-M1", "GZ-T1", "ZC-L1", "HT-C1"]),
        (CatalogSort.RANGE, ["QL-H1", "ZC-L1", "QL-T2", "HT-C1", "GZ-D1", "GZ-T1", "ZC-M1"]),
        (CatalogSort.GCW, ["GZ-T1", "QL-T2", "QL-H1", "GZ-D1", "ZC-L1", "ZC-M1", "HT-C1"]),
    ],
)
def test_sorting_puts_models_without_the_figure_last(
    catalog: CatalogService, sort: CatalogSort, expected: list[str]
) -> None:
    assert codes_of(catalog, CatalogQuery(sort=sort)) == expected
    assert [m.code for m in catalog.search(CatalogQuery(sort=sort)).models] == expected


def test_pages_join_up_to_the_whole_result(catalog: CatalogService) -> None:
    query = CatalogQuery(sort=CatalogSort.BATTERY)
    first = catalog.search(query, first_page=3)
    assert first.total == 7 and len(first.models) == 3
    rest = catalog.search_page(query, 3, 3) + catalog.search_page(query, 6, 3)
    assert [m.code for m in (*first.models, *rest)] == codes_of(catalog, query)
    assert catalog.search_page(query, 7, 3) == []


def test_the_overview_offers_what_occurs_and_the_span_of_each_figure(
    catalog: CatalogService,
) -> None:
    overview = catalog.overview()
    assert overview.total == 7
    assert set(overview.facet_values["powertrain"]) == {"bev_swap", "bev_charge", "fcev"}
    assert overview.bounds["battery_kwh"] == (100.0, 423.0)
    assert overview.bounds["price_cny"] == (168000.0, 1180000.0)
    assert overview.bounds["gcw_t"] == (49.0, 49.0)
    assert [e.code for e in overview.exhibitors] == ["GZP", "HT", "QL", "ZC"]


def test_whether_a_result_holds_a_model_is_one_look_up(catalog: CatalogService) -> None:
    by_code = {m.code: m.id for m in catalog.list_models("")}
    swap = CatalogQuery(powertrains=frozenset({"bev_swap"}))
    assert catalog.search_contains(swap, by_code["GZ-T1"])
    assert not catalog.search_contains(swap, by_code["QL-T2"])
    assert catalog.search_contains(CatalogQuery(text="gz"), by_code["HT-C1"])
