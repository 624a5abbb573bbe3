"""Chinese capital numerals for amounts of money (大写金额), as written on contracts and cheques.

The rules follow the usual accounting norms (会计基础工作规范, 支付结算办法):
- digits 零壹贰叁肆伍陆柒捌玖, places 拾佰仟 inside a group of four, groups 万 and 亿;
- a run of zeros inside the number is written as one 零 (壹仟零壹元), and a group that starts
  below its thousands place after a higher group gets a 零 (壹拾万零壹拾元整, 壹亿零壹佰万元整);
- tens are written with their digit: 10 → 壹拾元整 (never 拾元);
- an amount that ends at 元 ends with 整; one with 分 but no 角 writes 零 for the 角
  (壹元零伍分); an amount below one yuan starts at its first non-zero place (伍角, 伍分);
- zero is 零元整; a negative amount starts with 负.

Amounts are rounded to the fen (0.01) half up. ``MAX_AMOUNT`` bounds what an intent can hold.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ("", "拾", "佰", "仟")
WAN = "万"
YI = "亿"
YUAN = "元"
JIAO = "角"
FEN = "分"
WHOLE = "整"
NEGATIVE = "负"
ZERO = DIGITS[0]

# Below ten thousand 亿 (10^16): more than any purchase intent; above it the wording needs 兆.
MAX_AMOUNT = Decimal(10) ** 16 - Decimal("0.01")
_FEN = Decimal("0.01")


def to_fen(amount: Decimal | int | float | str) -> int:
    """The amount in fen (hundredths of a yuan), rounded half up; ValueError if not a number."""
    try:
        value = Decimal(str(amount)) if isinstance(amount, float) else Decimal(amount)
    except (InvalidOperation, ValueError, TypeError) as exc:
        raise ValueError(f"not an amount: {amount!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not a finite amount: {amount!r}")
    rounded = value.quantize(_FEN, rounding=ROUND_HALF_UP)
    if abs(rounded) > MAX_AMOUNT:
        raise ValueError(f"amount too large for capital numerals: {amount!r}")
    return int(rounded * 100)


def _group(number: int) -> str:
    """1..9999 in capitals, zeros inside collapsed to one 零, none at the end."""
    text = []
    pending_zero = False
    for position in range(3, -1, -1):
        digit = number // 10**position % 10
        if digit == 0:
            pending_zero = bool(text)
            continue
        if pending_zero:
            text.append(ZERO)
            pending_zero = False
        text.append(DIGITS[digit] + PLACES[position])
    return "".join(text)


def _integer(number: int) -> str:
    """A positive whole number in capitals (groups of four: 万, 亿, 万亿, …)."""
    if number < 10**4:
        return _group(number)
    if number < 10**8:
        high, low = divmod(number, 10**4)
        tail = "" if low == 0 else (ZERO if low < 1000 else "") + _group(low)
        return _group(high) + WAN + tail
    high, low = divmod(number, 10**8)
    tail = "" if low == 0 else (ZERO if low < 10**7 else "") + _integer(low)
    return _integer(high) + YI + tail


def capital_amount(amount: Decimal | int | float | str) -> str:
    """The amount in CNY as Chinese capital numerals: 100010 → 壹拾万零壹拾元整."""
    fen_total = to_fen(amount)
    sign = NEGATIVE if fen_total < 0 else ""
    fen_total = abs(fen_total)
    yuan, cents = divmod(fen_total, 100)
    jiao, fen = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return ZERO + YUAN + WHOLE
    parts = []
    if yuan:
        parts.append(_integer(yuan) + YUAN)
    if cents == 0:
        parts.append(WHOLE)
    else:
        if jiao:
            parts.append(DIGITS[jiao] + JIAO)
        elif yuan:
            parts.append(ZERO)  # 壹元零伍分: the missing 角 is spoken
        if fen:
            parts.append(DIGITS[fen] + FEN)
    return sign + "".join(parts)
