"""Importing catalogs: good and bad JSON files and Excel workbooks, all-or-nothing, re-import."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from catalog_app.domain.ids import stable_id
from catalog_app.domain.models import Exhibitor, Fair, Media, ModelOption, SpecValue, TruckModel
from catalog_app.domain.text import UserFacingError
from catalog_app.services.catalog import CatalogService
from catalog_app.services.catalog_import import import_catalog
from catalog_app.services.import_problems import CatalogImportError
from catalog_app.store.database import Database, open_sqlite
from tests.catalog_files import catalog_document, write_catalog, write_workbook


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_sqlite(tmp_path / "db" / "catalog.sqlite")
    yield database
    database.close()


def count(database: Database, model: type) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def all_counts(database: Database) -> dict[str, int]:
    kinds = (Fair, Exhibitor, TruckModel, SpecValue, ModelOption, Media)
    return {kind.__tablename__: count(database, kind) for kind in kinds}


def test_a_catalog_json_loads_fair_exhibitors_models_specs_options_and_media(
    db: Database, tmp_path: Path
) -> None:
    report = import_catalog(db, write_catalog(tmp_path / "src"))

    assert report.created["model"] == 2
    assert report.created["exhibitor"] == 1
    catalog = CatalogService(db)
    models = {m.code: m for m in catalog.list_models()}
    assert set(models) == {"QL-T1", "QL-L1"}
    assert catalog.count_models() == 2
    sheet = catalog.spec_sheet(models["QL-T1"].id)
    assert sheet is not None
    shown = {e.field.key: e.display("zh_CN") for g in sheet.groups for e in g.entries}
    assert shown["battery_kwh"] == "282 kWh"
    assert shown["body_type"] == "牵引车"
    assert shown["battery_chemistry"] == "磷酸铁锂"
    assert shown["recommended_catalog"] == "是"
    assert shown["warranty_vehicle"] == "3年/30万公里"
    assert sheet.options == (("驻车空调", "", 6800.0),)
    assert [m.path.exists() for m in sheet.media] == [True]
    fair = catalog.current_fair()
    assert fair is not None and fair.is_sample and fair.notice("en") == "Test data"


def test_rows_get_ids_from_their_codes_so_two_devices_agree(tmp_path: Path) -> None:
    source = write_catalog(tmp_path / "src")
    ids = []
    for device in ("a", "b"):
        database = open_sqlite(tmp_path / device / "catalog.sqlite")
        import_catalog(database, source)
        with database.sessions() as session:
            ids.append(sorted(str(i) for i in session.scalars(select(SpecValue.id))))
            model = session.scalars(select(TruckModel).where(TruckModel.code == "QL-T1")).one()
            assert model.id == stable_id("model", "TEST-FAIR", "QL", "QL-T1")
        database.close()
    assert ids[0] == ids[1]
    assert len(ids[0]) > 0


def test_reimporting_the_same_file_changes_nothing(db: Database, tmp_path: Path) -> None:
    source = write_catalog(tmp_path / "src")
    import_catalog(db, source)
    before = all_counts(db)
    with db.sessions() as session:
        stamps = sorted(session.scalars(select(TruckModel.hlc)))

    report = import_catalog(db, source)

    assert all_counts(db) == before
    assert report.created["model"] == 0 and report.updated["model"] == 0
    assert report.unchanged["model"] == 2
    with db.sessions() as session:
        assert sorted(session.scalars(select(TruckModel.hlc))) == stamps


def test_reimporting_a_changed_file_updates_and_tombstones_what_was_dropped(
    db: Database, tmp_path: Path
) -> None:
    import_catalog(db, write_catalog(tmp_path / "src"))
    document = catalog_document()
    document["models"][0]["specs"]["range_km"] = 230
    del document["models"][0]["specs"]["swap_min"]
    document["models"][0]["options"] = []

    report = import_catalog(db, write_catalog(tmp_path / "src2", document))

    assert report.updated["model"] >= 1
    with db.sessions() as session:
        model = session.scalars(select(TruckModel).where(TruckModel.code == "QL-T1")).one()
        assert model.range_km == 230
        swap = session.scalars(
            select(SpecValue).where(
                SpecValue.model_id == model.id, SpecValue.field_key == "swap_min"
            )
        ).one()
        assert swap.deleted_at is not None
        assert all(o.deleted_at is not None for o in model.options)


@pytest.mark.parametrize(
    ("mutate", "expected_en", "expected_zh"),
    [
        (lambda d: d["models"][0]["specs"].update(range_km="far"), "is not a number", "不是数字"),
        (lambda d: d["models"][0]["specs"].update(range_km=-5), "negative", "负数"),
        (lambda d: d["models"][0]["specs"].update(teleport=1), "unknown spec field", "未知的参数"),
        (
            lambda d: d["models"][0]["specs"].update(battery_chemistry="plutonium"),
            "not one of the allowed",
            "不是可选值",
        ),
        (lambda d: d["models"][0].update(body_type="hovercraft"), "does not match", "格式不符"),
        (lambda d: d["models"][0].update(exhibitor="NOPE"), "is not defined", "未在"),
        (lambda d: d["models"][1].update(code="QL-T1"), "appears twice", "重复"),
        (
            lambda d: d["models"][0]["media"][0].update(file="../../etc/passwd.png"),
            "outside",
            "超出",
        ),
        (
            lambda d: d["models"][0]["media"][0].update(file="media/missing.png"),
            "not found",
            "找不到",
        ),
    ],
)
def test_a_bad_json_file_is_refused_with_place_and_reason_and_nothing_is_written(
    db: Database, tmp_path: Path, mutate: object, expected_en: str, expected_zh: str
) -> None:
    document = catalog_document()
    mutate(document)  # type: ignore[operator]
    source = write_catalog(tmp_path / "src", document)

    with pytest.raises(CatalogImportError) as caught:
        import_catalog(db, source)

    assert expected_en in caught.value.text("en")
    assert expected_zh in caught.value.text("zh_CN")
    assert "models[" in caught.value.text("en")
    assert count(db, TruckModel) == 0 and count(db, Fair) == 0


def test_a_file_that_is_not_json_says_where_it_breaks(db: Database, tmp_path: Path) -> None:
    source = tmp_path / "broken.json"
    source.write_text('{"format": "catalog-app/catalog",\n  "fair": [', "utf-8")
    with pytest.raises(CatalogImportError) as caught:
        import_catalog(db, source)
    assert "line 2" in caught.value.text("en")
    assert "第 2 行" in caught.value.text("zh_CN")


def test_unsupported_and_old_excel_files_get_a_clear_message(db: Database, tmp_path: Path) -> None:
    old = tmp_path / "models.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UserFacingError, match=r"\.xlsx"):
        import_catalog(db, old)
    text = tmp_path / "models.txt"
    text.write_text("hello")
    with pytest.raises(UserFacingError, match="Unsupported file type"):
        import_catalog(db, text)
    with pytest.raises(UserFacingError, match="not found"):
        import_catalog(db, tmp_path / "nowhere.json")


HEADER = [
    "参展商",
    "车型代码",
    "车型名称",
    "车型类别",
    "动力形式",
    "驱动形式",
    "电池电量 (kWh)",
    "续航里程（km）",
    "额定载质量 [t]",
    "指导价 (万元)",
    "Battery chemistry",
    "# 备注",
]


def test_a_workbook_of_models_imports_with_units_converted(db: Database, tmp_path: Path) -> None:
    import_catalog(db, write_catalog(tmp_path / "src"))
    book = write_workbook(
        tmp_path / "models.xlsx",
        HEADER,
        [
            [
                "QL",
                "QL-D8",
                "黔岭 D8 自卸车",
                "自卸车",
                "bev_charge",
                "8x4",
                423,
                "230",
                18.5,
                88.8,
                "LFP",
                "ignored note",
            ],
            [
                "黔岭重卡",
                "QL-M8",
                "黔岭 M8 搅拌车",
                "Mixer",
                "纯电动（换电）",
                "8x4",
                282,
                180,
                15,
                79,
                "磷酸铁锂",
                None,
            ],
        ],
    )

    report = import_catalog(db, book)

    assert report.created["model"] == 2
    with db.sessions() as session:
        dump = session.scalars(select(TruckModel).where(TruckModel.code == "QL-D8")).one()
        assert dump.payload_kg == 18_500
        assert dump.price_cny == 888_000
        assert dump.body_type == "dump" and dump.drive_form == "8x4"
        mixer = session.scalars(select(TruckModel).where(TruckModel.code == "QL-M8")).one()
        assert mixer.body_type == "mixer" and mixer.powertrain == "bev_swap"
    again = import_catalog(db, book)
    assert again.created["model"] == 0 and again.unchanged["model"] == 2


def test_a_workbook_with_bad_rows_reports_row_and_column_and_writes_nothing(
    db: Database, tmp_path: Path
) -> None:
    import_catalog(db, write_catalog(tmp_path / "src"))
    before = all_counts(db)
    book = write_workbook(
        tmp_path / "bad.xlsx",
        HEADER,
        [
            ["QL", "QL-OK", "好车", "dump", "bev_charge", "8x4", 300, 200, 18, 80, "lfp", None],
            [
                "QL",
                "QL-BAD",
                "坏车",
                "spaceship",
                "bev_charge",
                "8x4",
                "lots",
                200,
                18,
                80,
                "lfp",
                None,
            ],
            [
                "Nobody",
                "QL-X",
                "无主车",
                "dump",
                "bev_charge",
                "8x4",
                300,
                200,
                18,
                80,
                "lfp",
                None,
            ],
            ["QL", "", "", "dump", "bev_charge", "8x4", 300, 200, 18, 80, "lfp", None],
        ],
    )

    with pytest.raises(CatalogImportError) as caught:
        import_catalog(db, book)

    english = caught.value.text("en")
    assert "row 3, column “D 车型类别”" in english and "spaceship" in english
    assert "row 3, column “G 电池电量 (kWh)”" in english and "not a number" in english
    assert "row 4" in english and "Nobody" in english
    assert "row 5" in english and "required" in english
    assert "第 3 行" in caught.value.text("zh_CN")
    assert all_counts(db) == before


def test_a_workbook_with_an_unknown_column_or_unit_is_refused(db: Database, tmp_path: Path) -> None:
    import_catalog(db, write_catalog(tmp_path / "src"))
    book = write_workbook(
        tmp_path / "cols.xlsx",
        ["参展商", "车型代码", "车型名称", "车型类别", "动力形式", "颜色", "续航里程 (miles)"],
        [["QL", "Q1", "车", "dump", "bev_charge", "red", 100]],
    )
    with pytest.raises(CatalogImportError) as caught:
        import_catalog(db, book)
    english = caught.value.text("en")
    assert "unknown column “颜色”" in english
    assert "the unit “miles”" in english


def test_a_workbook_can_bring_its_own_exhibitors_into_an_empty_database(
    db: Database, tmp_path: Path
) -> None:
    book = write_workbook(
        tmp_path / "own.xlsx",
        ["exhibitor", "code", "name", "body_type", "powertrain", "range_km"],
        [["NEWCO", "N1", "新车", "cargo", "bev_charge", 300]],
        exhibitors=[["代码", "名称", "类型"], ["NEWCO", "新能源车企", "maker"]],
    )
    report = import_catalog(db, book)
    assert report.created["model"] == 1 and report.created["exhibitor"] == 1
    assert CatalogService(db).current_fair() is not None


def test_a_file_that_is_not_a_workbook_is_refused(db: Database, tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a zip")
    with pytest.raises(CatalogImportError) as caught:
        import_catalog(db, fake)
    assert ".xlsx" in caught.value.text("en")


def test_the_json_schema_file_is_valid_json_schema() -> None:
    from jsonschema import Draft202012Validator

    from catalog_app.locations import resources_dir

    schema = json.loads((resources_dir() / "schema" / "catalog.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)


def sample_lead(code: str = "L1") -> dict[str, object]:
    return {
        "code": code,
        "exhibitor": "QL",
        "person_name": "示例 张三",
        "company": "示例物流有限公司",
        "mobile": "138 0013 8000",
        "email": " Zhang.San@Example.CN ",
        "industry": "logistics",
        "fleet_size": 40,
        "rating": "hot",
        "consent_text": "示例同意书",
        "consent_version": "sample-1",
        "captured_at": "2026-06-18T09:30:00+08:00",
        "interests": [{"model": "QL-T1", "quantity": 10, "energy_preference": "swap"}],
    }


def test_sample_leads_get_stable_ids_and_normalised_contacts(db: Database, tmp_path: Path) -> None:
    from catalog_app.domain.models import Lead, LeadInterest

    document = catalog_document()
    document["leads"] = [sample_lead()]
    source = write_catalog(tmp_path / "src", document)
    import_catalog(db, source)
    import_catalog(db, source)

    with db.sessions() as session:
        lead = session.scalars(select(Lead)).one()
        assert lead.id == stable_id("lead", "TEST-FAIR", "L1")
        assert lead.mobile_e164 == "+8613800138000"
        assert lead.email_normalized == "zhang.san@example.cn"
        assert lead.source.value == "sample"
        assert lead.consent_at is not None and lead.consent_at.utcoffset() is not None
        interest = session.scalars(select(LeadInterest)).one()
        assert interest.quantity == 10 and interest.energy_preference.value == "swap"


def test_leads_in_a_catalog_that_is_not_sample_data_are_refused(
    db: Database, tmp_path: Path
) -> None:
    document = catalog_document()
    document["sample"] = False
    document["leads"] = [sample_lead()]
    with pytest.raises(CatalogImportError) as caught:
        import_catalog(db, write_catalog(tmp_path / "src", document))
    assert "only in sample data" in caught.value.text("en")
