"""Folded search keys so that "贵州", "貴州", "guizhou" and "gz" find the same thing.

A key holds, for each text, its full pinyin without spaces, the text folded (NFKC: full-width
→ half-width; lower case; Traditional → Simplified with OpenCC) and its pinyin initials,
separated by spaces. A query is folded the same way and matched as a substring of the key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_HAN = re.compile(r"[\u3400-\u9fff]")
_SPACES = re.compile(r"\s+")


@cache
def _converter() -> object:
    from opencc import OpenCC  # opencc-python-reimplemented

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    if not _HAN.search(text):
        return text
    return str(_converter().convert(text))  # type: ignore[attr-defined]


def fold(text: str) -> str:
    """Width, case and Traditional/Simplified folded; runs of spaces made one."""
    folded = unicodedata.normalize("NFKC", text or "").lower()
    return _SPACES.sub(" ", to_simplified(folded)).strip()


def pinyin_forms(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of the Chinese in ``text``; other characters kept as they are."""
    if not _HAN.search(text):
        return "", ""
    # Imported here: the pinyin dictionary takes a few tenths of a second to load, paid only by
    # the first search or key, not by every start of the app or the command line.
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(text, errors=lambda chars: list(chars))
    initials = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))
    full = "".join(s for s in syllables if not s.isspace())
    short = "".join(s for s in initials if not s.isspace())
    return full.lower(), short.lower()


def search_key(*texts: str) -> str:
    """One key for several texts (name, company, maker, ...), ready for substring search.

    Chinese text leads with its pinyin, so that ordering by the key orders names the way a
    Chinese reader expects (by pinyin: 李 before 张).
    """
    parts: list[str] = []
    for text in texts:
        folded = fold(text)
        if not folded:
            continue
        full, short = pinyin_forms(folded)
        if full:
            parts.extend((full, folded, short))
        else:
            parts.append(folded)
    return " ".join(parts)


def fold_query(query: str) -> str:
    """A query folded like the keys (spaces removed: ``"gui zhou"`` matches ``guizhou``)."""
    return fold(query)
