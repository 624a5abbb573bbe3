"""Split a person's name as typed into family and given name, for CRM layouts and vCards.

The capture form has one name field. CRMs and address books want family and given names:
- Chinese names (李志远, 欧阳娜娜) start with the family name; the few two-character family
  names (复姓) are recognised from a list, otherwise the first character is the family name.
- Names in Latin letters ("Lucas Martin") end with the family name.
- Anything before a Chinese name separated by a space ("示例 李志远") is kept as an extra part,
  so nothing typed is lost; the full name always travels as it was typed, too.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

# The common two-character family names (复姓).
_COMPOUND = (
    "欧阳司马上官诸葛东方皇甫尉迟公孙慕容长孙宇文司徒夏侯"
    "轩辕令狐端木独孤南宫西门百里呼延万俟闻人澹台公冶太史申屠钟离第五左丘"
)
COMPOUND_SURNAMES = frozenset(_COMPOUND[i : i + 2] for i in range(0, len(_COMPOUND), 2))


class SplitName(NamedTuple):
    family: str
    given: str
    extra: str  # words that are neither (kept, never dropped)


def _is_cjk(char: str) -> bool:
    return unicodedata.name(char, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY"))


def split_name(full: str) -> SplitName:
    words = full.split()
    if not words:
        return SplitName("", "", "")
    last = words[-1]
    if _is_cjk(last[0]):
        cut = 2 if last[:2] in COMPOUND_SURNAMES and len(last) > 2 else 1
        if len(last) == 1:
            cut = 1
        return SplitName(last[:cut], last[cut:], " ".join(words[:-1]))
    if len(words) == 1:
        return SplitName(last, "", "")
    return SplitName(last, " ".join(words[:-1]), "")
