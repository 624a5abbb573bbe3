"""The search table follows the catalog: edits, re-imports, deletions and a dropped table are
searched as they are; and where the table cannot be kept, the search still answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import OperationalError

from catalog_app.domain.models import Exhibitor, TruckModel
from catalog_app.services.catalog import CatalogQuery, CatalogService
from catalog_app.services.catalog_import import import_catalog
from catalog_app.services.catalog_search_index import (
    SEARCH_TABLE,
    SearchIndex,
    count_rows,
    drop_search_table,
)
from catalog_app.store.database import Database
from tests.catalog.catalog_test_data import catalog_document, write_test_catalog


def codes(catalog: CatalogService, text: str) -> set[str]:
    return {m.code for m in catalog.list_models(text)}


def test_an_edited_model_is_found_by_its_new_name_at_the_next_check(
    catalog_db: Database,
) -> None:
    catalog = CatalogService(catalog_db)
    assert codes(catalog, "筑城 E45") == {"ZC-L1"}
    with catalog_db.transaction() as session:
        model = session.scalars(select(TruckModel).where(TruckModel.code == "ZC-L1")).one()
        model.name_zh = "筑城 E50 城市配送轻卡"
    catalog.invalidate_search()
    assert codes(catalog, "城市配送") == {"ZC-L1"}
    assert codes(catalog, "chengshipeisong") == {"ZC-L1"}
    assert codes(catalog, "筑城 e50") == {"ZC-L1"}


def test_changes_made_elsewhere_are_picked_up_without_being_told(catalog_db: Database) -> None:
    watching = CatalogService(catalog_db)
    assert watching.count_models() == 7 and len(watching.list_models("")) == 7
    watching._source = SearchIndex(catalog_db, recheck_seconds=0)  # check at every search
    with catalog_db.transaction() as session:
        model = session.scalars(select(TruckModel).where(TruckModel.code == "QL-H1")).one()
        model.mark_deleted()
    assert "QL-H1" not in codes(watching, "")
    assert watching.search(CatalogQuery()).total == 6


def test_a_deleted_exhibitor_takes_its_models_out_of_the_search(catalog_db: Database) -> None:
    catalog = CatalogService(catalog_db)
    assert codes(catalog, "黔通") == {"HT-C1"}
    with catalog_db.transaction() as session:
        exhibitor = session.scalars(select(Exhibitor).where(Exhibitor.code == "HT")).one()
        exhibitor.mark_deleted()
    catalog.invalidate_search()
    assert codes(catalog, "黔通") == set()
    assert codes(catalog, "贵州") == {"GZ-T1", "GZ-D1"}
    assert catalog.overview().total == 6


def test_a_re_import_with_a_new_name_is_searched_by_the_new_name(
    catalog_db: Database, tmp_path: Path
) -> None:
    catalog = CatalogService(catalog_db)
    assert codes(catalog, "搅拌车") == {"ZC-M1"}
    document = catalog_document()
    mixer = next(m for m in document["models"] if m["code"] == "ZC-M1")
    mixer["name_zh"] = "筑城 M9 换电混凝土搅拌车"
    folder = tmp_path / "again"
    path = write_test_catalog(folder)
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    import_catalog(catalog_db, path)
    catalog.invalidate_search()
    assert codes(catalog, "混凝土") == {"ZC-M1"}
    assert codes(catalog, "hunningtu") == {"ZC-M1"}


def test_a_dropped_search_table_is_rebuilt_by_the_next_search(catalog_db: Database) -> None:
    catalog = CatalogService(catalog_db)
    assert len(catalog.list_models("")) == 7
    drop_search_table(catalog_db)
    with catalog_db.engine.connect() as connection:
        assert not inspect(connection).has_table(SEARCH_TABLE.name)
    fresh = CatalogService(catalog_db)
    assert codes(fresh, "gz") == {"GZ-T1", "GZ-D1", "HT-C1"}
    assert count_rows(catalog_db) == 7


def test_the_search_table_is_not_part_of_the_models_metadata() -> None:
    from catalog_app.domain.base import Base

    assert SEARCH_TABLE.name not in Base.metadata.tables


def test_when_the_table_cannot_be_written_the_search_reads_the_models_directly(
    catalog_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: SearchIndex) -> int:
        raise OperationalError(
            "CREATE TABLE", {}, Exception("attempt to write a readonly database")
        )

    monkeypatch.setattr(SearchIndex, "refresh", refuse)
    catalog = CatalogService(catalog_db)
    assert codes(catalog, "贵州") == {"GZ-T1", "GZ-D1", "HT-C1"}
    assert codes(catalog, "貴州") == {"GZ-T1", "GZ-D1", "HT-C1"}
    assert codes(catalog, "guizhou") >= {"GZ-T1", "GZ-D1", "HT-C1"}
    assert codes(catalog, "牵引车") == {"GZ-T1", "QL-T2", "QL-H1"}
    result = catalog.search(CatalogQuery(powertrains=frozenset({"bev_swap"})))
    assert result.total == 3
    assert result.counts.facets["body_type"] == {"tractor": 1, "mixer": 1, "cargo": 1}


def test_the_migrations_check_leaves_the_search_table_out_and_only_it(
    catalog_db: Database,
) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from catalog_app.domain.base import Base
    from catalog_app.services.catalog_search_index import is_derived_table
    from catalog_app.store.lead_search_index import is_index_table

    CatalogService(catalog_db).overview()  # a search made the table

    def differences(skip_derived: bool) -> list[object]:
        def include(name: str | None, type_: str, _parents: object) -> bool:
            if type_ == "table" and name is not None and is_index_table(name):
                return False  # the lead search index: the migrations make it (test_migrations)
            derived = type_ == "table" and name is not None and is_derived_table(name)
            return not (skip_derived and derived)

        with catalog_db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": include}
            )
            return list(compare_metadata(context, Base.metadata))

    assert differences(skip_derived=True) == []
    unfiltered = differences(skip_derived=False)  # the table and its three indexes
    assert sorted(d[0] for d in unfiltered) == ["remove_index"] * 3 + ["remove_table"]  # type: ignore[index]
    tables = [d[1] for d in unfiltered if d[0] == "remove_table"]  # type: ignore[index]
    assert tables[0].name == SEARCH_TABLE.name


def test_an_older_search_table_is_dropped_when_the_current_one_is_made(
    catalog_db: Database,
) -> None:
    with catalog_db.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE catalog_search_v1 (model_id CHAR(32))")
    assert len(CatalogService(catalog_db).list_models("")) == 7
    with catalog_db.engine.connect() as connection:
        names = inspect(connection).get_table_names()
    assert SEARCH_TABLE.name in names and "catalog_search_v1" not in names
