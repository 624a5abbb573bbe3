"""Credit-code check digits, folded search keys, PIN hashing, contact checks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from catalog_app.domain.contacts import email_problem, normalise_phone, phone_kind
from catalog_app.domain.credit_code import (
    ALPHABET,
    check_character,
    credit_code_problem,
    is_valid_credit_code,
)
from catalog_app.domain.pins import hash_pin, pin_problem, verify_pin
from catalog_app.domain.search_keys import fold_query, search_key

KNOWN_GOOD = "91350100M000100Y43"


def test_a_known_good_credit_code_passes_and_typing_noise_is_forgiven() -> None:
    assert is_valid_credit_code(KNOWN_GOOD)
    assert is_valid_credit_code(" 91350100m000100y43 ")
    assert is_valid_credit_code("９１３５０１００Ｍ０００１００Ｙ４３")  # full-width


def test_bad_credit_codes_say_why() -> None:
    assert credit_code_problem("9135010") == "length"
    assert credit_code_problem("91350100M000100YI3") == "characters"
    assert credit_code_problem("91350100M000100Y44") == "check"


@given(st.text(alphabet=ALPHABET, min_size=17, max_size=17))
def test_any_code_with_its_computed_check_character_is_valid(first17: str) -> None:
    assert is_valid_credit_code(first17 + check_character(first17))


@given(st.text(alphabet=ALPHABET, min_size=17, max_size=17), st.sampled_from(ALPHABET))
def test_a_wrong_check_character_is_caught(first17: str, wrong: str) -> None:
    if wrong != check_character(first17):
        assert credit_code_problem(first17 + wrong) == "check"


def test_guizhou_is_found_in_simplified_traditional_pinyin_and_initials() -> None:
    key = search_key("贵州黔岭重卡", "K7 换电牵引车")
    for query in ("贵州", "貴州", "guizhou", "gz", "GZ", "ｋ７", "k7"):
        assert fold_query(query) in key, query


def test_pins_are_salted_slow_hashes_checked_in_constant_time() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second  # salted
    assert first.startswith("scrypt$")
    assert verify_pin(first, "2468") and not verify_pin(first, "2469")
    assert not verify_pin("garbage", "2468")
    assert pin_problem("12a4") == "digits" and pin_problem("12") == "length"
    assert pin_problem("123456") is None


def test_phone_numbers_normalise_to_e164_and_know_their_kind() -> None:
    assert normalise_phone("138 0013 8000") == "+8613800138000"
    assert normalise_phone("+86 138-0013-8000") == "+8613800138000"
    assert phone_kind("0851-8555 1234") == "landline"
    assert phone_kind("13800138000") == "mobile"
    assert normalise_phone("12345") == "" and phone_kind("12345") is None
    assert email_problem("buyer@example.cn") is None
    assert email_problem("buyer@example") is not None
