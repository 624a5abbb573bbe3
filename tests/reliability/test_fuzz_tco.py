"""Fuzzed TCO inputs: any values (negative, NaN, infinite, huge, of the wrong type), any typed
text, any saved JSON, any spec values of a model. The calculator returns a result whose every
figure is finite, or refuses with a validation error naming the fields in Chinese and English —
never another exception.

Examples per test follow the hypothesis profile (tests/reliability/conftest.py).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from reliability_fuzz import FUZZ, all_finite, assert_clear_refusal

from catalog_app.domain.text import UserFacingError
from catalog_app.services.intent_tco import INTENT_TCO_FORMAT, tco_page
from catalog_app.services.tco import TcoResult, calculate_tco, tco_result_to_json
from catalog_app.services.tco_defaults import defaults_for_model
from catalog_app.services.tco_fields import TCO_FIELDS, TcoPowertrain
from catalog_app.services.tco_inputs import (
    JSON_FORMAT,
    TcoInputError,
    TcoInputs,
    tco_inputs_from_json,
    tco_inputs_to_json,
)
from catalog_app.ui.tco.tco_format import parse_number

KEYS = [f.key for f in TCO_FIELDS]
POWERTRAINS = [p.value for p in TcoPowertrain]
numbers = (
    st.floats(allow_nan=True, allow_infinity=True)
    | st.integers(-(10**30), 10**30)
    | st.sampled_from([0, -1, 0.0, -0.0, 1e-300, 1e300, 2**63, 10**400])
)
anything = numbers | st.booleans() | st.none() | st.text(max_size=8) | st.lists(st.integers())
json_values = st.recursive(
    st.none() | st.booleans() | numbers | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)


def calculated_or_refused(inputs: TcoInputs) -> TcoResult | None:
    """The result (every figure finite), or None after a clear refusal."""
    try:
        result = calculate_tco(inputs)
    except TcoInputError as refused:
        assert_clear_refusal(refused)
        assert set(refused.by_field("en")) <= {*KEYS, "powertrain"}
        assert refused.problems
        return None
    figures = tco_result_to_json(result)
    assert all_finite(figures), figures
    if result.break_even_year is not None:
        assert 0 <= result.break_even_year <= inputs.whole_years
    return result


@FUZZ
@given(
    values=st.dictionaries(st.sampled_from(KEYS), numbers, max_size=8),
    powertrain=st.sampled_from(POWERTRAINS) | st.text(max_size=6),
)
def test_any_numbers_give_finite_figures_or_a_clear_validation_error(
    values: dict[str, Any], powertrain: str
) -> None:
    calculated_or_refused(dataclasses.replace(TcoInputs(), powertrain=powertrain, **values))


@FUZZ
@given(values=st.dictionaries(st.sampled_from(KEYS), anything, min_size=1, max_size=4))
def test_values_of_the_wrong_type_are_refused_not_crashed_on(values: dict[str, Any]) -> None:
    calculated_or_refused(dataclasses.replace(TcoInputs(), **values))


@FUZZ
@given(key=st.sampled_from(KEYS), typed=st.text(max_size=20) | st.from_regex(r"-?[0-9,.]{1,12}万?"))
def test_whatever_is_typed_into_a_field_is_a_number_or_not_one(key: str, typed: str) -> None:
    value = parse_number(typed)
    if value is None:
        return
    calculated_or_refused(TcoInputs().with_values(**{key: value}))


@FUZZ
@given(
    values=st.dictionaries(st.sampled_from([*KEYS, "unknown"]) | st.text(max_size=6), json_values),
    version=st.sampled_from([1, 0, 2, "1", None]),
    form=st.sampled_from([JSON_FORMAT, "other", None]),
    powertrain=json_values,
)
def test_saved_tco_json_of_any_shape_is_read_or_refused_clearly(
    values: dict[str, Any], version: Any, form: Any, powertrain: Any
) -> None:
    document = {"format": form, "version": version, "values": values, "powertrain": powertrain}
    try:
        inputs = tco_inputs_from_json(document)
    except UserFacingError as refused:
        assert_clear_refusal(refused)
        return
    assert calculated_or_refused(inputs) is not None  # read back means valid


@FUZZ
@given(items=json_values, inputs=json_values, with_values=st.booleans())
def test_a_forms_tco_page_from_any_stored_data_renders_or_is_refused(
    items: Any, inputs: Any, with_values: bool
) -> None:
    good = tco_inputs_to_json(TcoInputs())
    if with_values and isinstance(inputs, dict):
        good = {**good, "values": {**good["values"], **inputs}}
    data = {"format": INTENT_TCO_FORMAT, "items": [{"model_id": "x", "inputs": good}, items]}
    for document in (data, {"format": INTENT_TCO_FORMAT, "items": items}):
        try:
            page = tco_page(document, {})
        except UserFacingError as refused:
            assert_clear_refusal(refused)
            assert "TCO inputs are not valid" not in refused.text("zh_CN")  # one language
            continue
        assert page is None or page.tables


@FUZZ
@given(
    specs=st.fixed_dictionaries(
        {},
        optional={
            "body_type": json_values,
            "powertrain": st.sampled_from(POWERTRAINS) | json_values,
            "price_cny": numbers | json_values,
            "battery_kwh": numbers | json_values,
            "energy_kwh_100km": numbers | json_values,
            "payload_kg": numbers | json_values,
            "hydrogen_kg_100km": numbers | json_values,
        },
    )
)
def test_defaults_from_any_spec_values_calculate_or_are_refused(specs: dict[str, Any]) -> None:
    inputs, notes = defaults_for_model(specs)
    assert all(note.render("zh_CN") and note.render("en") for note in notes)
    calculated_or_refused(inputs)
