"""Per-model TCO defaults from spec values, and ``catalog-app tco`` on the sample fair."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog_app.cli import main
from catalog_app.domain.text import UserFacingError
from catalog_app.services.catalog import CatalogService
from catalog_app.services.tco import calculate_tco
from catalog_app.services.tco_defaults import defaults_for_model, find_model, load_model_defaults
from catalog_app.services.tco_inputs import TcoInputs, tco_inputs_to_json
from catalog_app.store.database import Database

SWAP_TRACTOR = {
    "code": "T-SWAP",
    "body_type": "tractor",
    "powertrain": "bev_swap",
    "price_cny": 458_000,
    "battery_kwh": 282,
    "pack_density_wh_kg": 158,
    "energy_kwh_100km": 128,
    "gcw_t": 49,
    "curb_weight_kg": 10_900,
    "battery_rent_cny_month": 8_800,
    "price_includes_battery": "no",
}


def test_a_swap_tractor_starts_from_its_price_rent_energy_and_a_derived_payload() -> None:
    """Payload = 49,000 − 10,900 curb − 7,000 trailer = 31,100 kg; the diesel tractor
    49,000 − 8,800 − 7,000 = 33,200 kg. Insurance 10,000 + 1.2 % × 458,000 = 15,496 → 15,500."""
    inputs, notes = defaults_for_model(SWAP_TRACTOR)
    assert (inputs.powertrain, inputs.model_code) == ("bev_swap", "T-SWAP")
    assert inputs.ev_price_cny == 458_000
    assert inputs.battery_rent_cny_month == 8_800
    assert inputs.ev_kwh_100km == 128
    assert inputs.ev_payload_kg == 31_100
    assert inputs.diesel_payload_kg == 33_200
    assert inputs.service_fee_cny_kwh == 0.50
    assert inputs.ev_insurance_cny_year == 15_500
    assert inputs.diesel_l_100km == 40 and inputs.diesel_price_cny_l == 7.5
    assert [n.en for n in notes] == ["Payload estimated as GCW − curb weight − a 7 t trailer."]


def test_a_rent_beside_a_price_with_battery_is_not_charged_twice() -> None:
    inputs, _notes = defaults_for_model({**SWAP_TRACTOR, "price_includes_battery": "yes"})
    assert inputs.battery_rent_cny_month == 0


def test_missing_figures_are_estimated_and_said_so() -> None:
    """No price, no payload, no kWh/100 km: 282 kWh over 200 km = 141 kWh/100 km."""
    inputs, notes = defaults_for_model(
        {"body_type": "dump", "powertrain": "bev_charge", "battery_kwh": 282, "range_km": 200}
    )
    assert inputs.ev_kwh_100km == 141
    texts = " ".join(n.en for n in notes)
    assert "no price" in texts and "no payload" in texts and "battery kWh ÷ range" in texts
    assert calculate_tco(inputs).ev.total > 0


def test_a_fuel_cell_truck_starts_from_its_hydrogen_use() -> None:
    inputs, _notes = defaults_for_model(
        {"body_type": "cargo", "powertrain": "fcev", "price_cny": 780_000, "h2_kg_100km": 6}
    )
    assert inputs.powertrain == "fcev" and inputs.h2_kg_100km == 6
    assert inputs.battery_rent_cny_month == 0


def test_every_sample_model_gets_inputs_that_calculate(sample_fair: Database) -> None:
    catalog = CatalogService(sample_fair)
    models = catalog.list_models()
    assert len(models) == 15
    for model in models:
        defaults = load_model_defaults(catalog, model.id)
        assert defaults.inputs.model_code == model.code
        assert defaults.inputs.powertrain == model.powertrain
        result = calculate_tco(defaults.inputs)
        assert result.ev.total > 0 and result.diesel.total > 0


def test_find_model_by_code_name_or_a_unique_part(sample_fair: Database) -> None:
    catalog = CatalogService(sample_fair)
    assert find_model(catalog, "ql-t6-282s").code == "QL-T6-282S"
    assert find_model(catalog, "H7").code == "QY-T6-H2"
    with pytest.raises(UserFacingError) as many:
        find_model(catalog, "黔岭")
    assert "QL-T6-282S" in many.value.text("zh_CN")
    with pytest.raises(UserFacingError) as none:
        find_model(catalog, "no such truck")
    assert "no such truck" in none.value.text("en")


def test_cli_json_equals_the_service_with_the_changed_inputs(
    sample_fair_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["tco", "QL-T6-282S", "--db", str(sample_fair_path), "--json", "--years", "8"]
        + ["--diesel-price-cny-l", "7.2"]
    )
    assert code == 0
    document = json.loads(capsys.readouterr().out)
    values = document["inputs"]["values"]
    assert values["years"] == 8 and values["diesel_price_cny_l"] == 7.2
    expected = calculate_tco(
        TcoInputs(powertrain="bev_swap").with_values(**values)  # type: ignore[arg-type]
    )
    assert document["new_energy"]["tco"] == pytest.approx(expected.ev.total)
    assert document["diesel"]["per_km"] == pytest.approx(expected.diesel.per_km)
    assert len(document["years"]) == 9


def test_cli_text_shows_inputs_table_and_summary_in_chinese(
    sample_fair_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tco", "QL-T6-423C", "--db", str(sample_fair_path), "--lang", "zh_CN"]) == 0
    out = capsys.readouterr().out
    for text in (
        "购车价",
        "逐年现金流（元）",
        "累计节省",
        "每吨公里",
        "回本时间",
        "减少二氧化碳排放",
    ):
        assert text in out
    assert "728,000 元" in out


def test_cli_names_the_flag_of_a_bad_input_and_fails(
    sample_fair_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["tco", "QL-T6-282S", "--db", str(sample_fair_path), "--years", "-1"])
    assert code == 1
    err = capsys.readouterr().err
    assert "--years" in err and "Years must be from 0 to 30" in err


def test_cli_runs_from_inputs_saved_with_a_lead(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "inputs.json"
    saved.write_text(json.dumps(tco_inputs_to_json(TcoInputs(model_code="X-1"))), "utf-8")
    assert main(["tco", "--inputs", str(saved), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["new_energy"]["tco"] == pytest.approx(calculate_tco(TcoInputs()).ev.total)


def test_cli_without_a_model_says_what_to_give(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tco", "--lang", "en"]) == 1
    assert "model code or name" in capsys.readouterr().err
