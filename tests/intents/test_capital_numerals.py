"""Chinese capital numerals for money (大写金额): known amounts, and properties over many amounts
checked with an independent reverse parser (capitals → amount) written here."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from catalog_app.domain.capital_numerals import MAX_AMOUNT, capital_amount, to_fen

DIGIT_VALUES = {ch: index for index, ch in enumerate("零壹贰叁肆伍陆柒捌玖")}
PLACE_VALUES = {"拾": 10, "佰": 100, "仟": 1000}
ALLOWED = set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整负")


def _small(text: str) -> int:
    """Capitals below 10,000 (digits and 拾佰仟; 零 only separates) → number."""
    total = 0
    digit = None
    for ch in text:
        if ch in DIGIT_VALUES:
            digit = DIGIT_VALUES[ch]
        elif ch in PLACE_VALUES:
            assert digit is not None, f"a place without its digit in {text!r}"
            total += digit * PLACE_VALUES[ch]
            digit = None
        else:
            raise AssertionError(f"unexpected {ch!r} in {text!r}")
    return total + (digit or 0)


def _whole(text: str) -> int:
    """Capitals of a whole number with 万 and 亿 (亿 may repeat, as in 壹万亿)."""
    if "亿" in text:
        head, _, tail = text.rpartition("亿")
        return _whole(head) * 10**8 + _whole(tail)
    if "万" in text:
        head, _, tail = text.partition("万")
        return _small(head) * 10**4 + _small(tail)
    return _small(text)


def parse_capitals(text: str) -> Decimal:
    """The reverse of ``capital_amount``: 壹拾万零壹拾元整 → 100010."""
    sign = -1 if text.startswith("负") else 1
    text = text.removeprefix("负")
    match = re.fullmatch(r"(?:(.+)元)?(?:零)?(?:(.)角)?(?:(.)分)?(整)?", text)
    assert match, f"not an amount in capitals: {text!r}"
    yuan_text, jiao, fen, _whole_mark = match.groups()
    yuan = 0 if yuan_text in (None, "零") else _whole(yuan_text)
    cents = (DIGIT_VALUES[jiao] * 10 if jiao else 0) + (DIGIT_VALUES[fen] if fen else 0)
    return sign * (Decimal(yuan) + Decimal(cents) / 100)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "零元整"),
        (10, "壹拾元整"),
        (100_010, "壹拾万零壹拾元整"),
        ("1000000000.05", "壹拾亿元零伍分"),
        (1.05, "壹元零伍分"),
        (0.5, "伍角"),
        (0.05, "伍分"),
        (1680.32, "壹仟陆佰捌拾元叁角贰分"),
        (1001, "壹仟零壹元整"),
        (10_001, "壹万零壹元整"),
        (100_010_000, "壹亿零壹万元整"),
        (110_000_000, "壹亿壹仟万元整"),
        (458_000, "肆拾伍万捌仟元整"),
        (4_580_000, "肆佰伍拾捌万元整"),
        (10**12, "壹万亿元整"),
        (-5, "负伍元整"),
        ("12.345", "壹拾贰元叁角伍分"),  # rounded half up to the fen
    ],
)
def test_known_amounts_are_written_as_on_a_contract(amount: object, expected: str) -> None:
    assert capital_amount(amount) == expected  # type: ignore[arg-type]


amounts_in_fen = st.one_of(
    st.integers(min_value=0, max_value=to_fen(MAX_AMOUNT)),
    st.integers(min_value=0, max_value=10**8),  # the ranges trucks are sold in, more often
    st.sampled_from([0, 1, 10, 100, 1_000, 10**4, 10**6, 10**8, 10**10, 10**12]).map(
        lambda n: n * 100
    ),
)


@settings(max_examples=3000, deadline=None)
@given(amounts_in_fen)
@example(0)
@example(1000)
@example(10_001_000)
@example(100_000_000_005)
def test_every_amount_reads_back_to_itself(fen: int) -> None:
    amount = Decimal(fen) / 100
    text = capital_amount(amount)
    assert parse_capitals(text) == amount, text


@settings(max_examples=2000, deadline=None)
@given(amounts_in_fen)
def test_the_wording_follows_the_accounting_rules(fen: int) -> None:
    text = capital_amount(Decimal(fen) / 100)
    assert set(text) <= ALLOWED
    assert "零零" not in text, "a run of zeros is one 零"
    assert not text.endswith("零")
    assert text.endswith("整") == (fen % 100 == 0), "整 exactly when the amount ends at 元"
    if fen >= 100:
        assert not text.startswith("零"), "no leading 零 before the first digit"
        assert "元" in text
    if fen % 100 and fen % 10 and (fen // 10) % 10 == 0 and fen >= 100:
        assert "元零" in text, "壹元零伍分: the empty 角 is written as 零"
    for place in "拾佰仟":
        assert f"零{place}" not in text, "零 never carries a place"


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_negative_amounts_mirror_positive_ones(amount: Decimal) -> None:
    text = capital_amount(amount)
    if amount < 0:
        assert text == "负" + capital_amount(-amount)
    assert parse_capitals(text) == amount


@pytest.mark.parametrize("bad", ["abc", "NaN", "Infinity", "1e20", None])
def test_what_is_not_an_amount_is_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        capital_amount(bad)  # type: ignore[arg-type]
