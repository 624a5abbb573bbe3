"""Fuzzed catalog files: whatever bytes, JSON or spreadsheet cells arrive, the import either
succeeds or refuses with a clear message in both languages — it never crashes and never writes
part of a bad file.

The number of examples follows the hypothesis profile: ``HYPOTHESIS_PROFILE=nightly`` runs many
more (see tests/reliability/conftest.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError
from sqlalchemy import func, select

from catalog_app.domain.models import Fair, TruckModel
from catalog_app.domain.spec_fields import SPEC_FIELDS
from catalog_app.domain.text import UserFacingError
from catalog_app.services.catalog_import import import_catalog
from catalog_app.store.database import Database, open_sqlite
from tests.catalog_files import catalog_document, write_catalog, write_workbook

FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
spec_keys = st.sampled_from([f.key for f in SPEC_FIELDS] + ["unknown_field", ""])
cells = (
    st.none()
    | st.integers(-(10**9), 10**9)
    | st.floats(allow_nan=True, allow_infinity=True)
    | (st.text(max_size=30))
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_sqlite(tmp_path_factory.mktemp("fuzz") / "catalog.sqlite")
    yield database
    database.close()


def counts(database: Database) -> tuple[int, int]:
    with database.sessions() as session:
        return (
            int(session.scalar(select(func.count()).select_from(Fair)) or 0),
            int(session.scalar(select(func.count()).select_from(TruckModel)) or 0),
        )


def import_or_refuse(database: Database, path: Path) -> None:
    before = counts(database)
    try:
        import_catalog(database, path)
    except UserFacingError as refused:
        assert refused.text("en") and refused.text("zh_CN")
        assert counts(database) == before, "a refused file wrote something"


@FUZZ
@given(raw=st.binary(max_size=400))
def test_random_bytes_as_json_are_refused_cleanly(
    db: Database, tmp_path_factory: pytest.TempPathFactory, raw: bytes
) -> None:
    path = tmp_path_factory.mktemp("bytes") / "catalog.json"
    path.write_bytes(raw)
    import_or_refuse(db, path)


@FUZZ
@given(
    model_field=st.sampled_from(
        [
            "code",
            "exhibitor",
            "name_zh",
            "body_type",
            "powertrain",
            "drive_form",
            "price_cny",
            "specs",
            "options",
            "media",
        ]
    ),
    value=json_values,
    spec=spec_keys,
    spec_value=json_values,
)
def test_a_catalog_with_one_field_garbled_imports_or_is_refused_whole(
    db: Database,
    tmp_path_factory: pytest.TempPathFactory,
    model_field: str,
    value: Any,
    spec: str,
    spec_value: Any,
) -> None:
    document = catalog_document()
    document["models"][0][model_field] = value
    if isinstance(document["models"][1].get("specs"), dict):
        document["models"][1]["specs"][spec] = spec_value
    folder = tmp_path_factory.mktemp("json")
    path = write_catalog(folder, document)
    json.loads(path.read_text("utf-8"))
    import_or_refuse(db, path)


@FUZZ
@given(rows=st.lists(st.lists(cells, min_size=6, max_size=6), min_size=1, max_size=5))
def test_a_workbook_of_random_cells_imports_or_is_refused_whole(
    db: Database, tmp_path_factory: pytest.TempPathFactory, rows: list[list[Any]]
) -> None:
    folder = tmp_path_factory.mktemp("xlsx")
    header = ["参展商", "车型代码", "车型名称", "车型类别", "动力形式", "电池电量 (kWh)"]
    clean = [[c if not isinstance(c, str) else c.replace("\x00", "") for c in row] for row in rows]
    try:
        book = write_workbook(folder / "models.xlsx", header, clean)
    except (ValueError, IllegalCharacterError):  # openpyxl refuses control characters
        return
    import_or_refuse(db, book)
