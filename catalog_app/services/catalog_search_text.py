"""The catalog's own search keys, with pinyin syllable boundaries, and what a query becomes.

``truck_model.search_key`` (domain/search_keys.py) joins a text's pinyin without boundaries, so
a short query finds letters across syllables: "gz" is inside "qianlin(g z)hongka" (黔岭重卡)
and would find every 黔岭 truck. The catalog search therefore keeps two keys per model (in
``catalog_search_index.py``'s table):

- ``text_key``: every text folded (简/繁, case, width) — names, maker, exhibitor, announcement
  number, text specs, the labels of its body type, powertrain and drive form in both languages —
  plus, for each run of Chinese characters, its initials as a word ("贵州牌" → ``gzp``);
- ``pinyin_key``: each run's syllables, each led by ``|`` ("贵州牌" → ``|gui|zhou|pai``).

A query word matches when it is a substring of ``text_key`` (characters, initials, codes,
English), or — for a word of Latin letters — when it reads as whole syllables from a syllable
boundary, the last one possibly unfinished: "guizhou", "guizh", "zhou" and "gu" match 贵州,
"gz" only through the initials, "ling" not inside "qianling" unless it is the syllable 岭.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from pypinyin import lazy_pinyin

from catalog_app.domain.search_keys import fold

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_LETTERS = re.compile(r"[a-z]+")
MAX_SYLLABLE = 6  # "zhuang", "shuang"
MAX_READINGS = 2  # ways to split one query word into syllables, tried at once
# Interjections (嗯 n/ng, 呣 m, 哼 hm/hng) read as syllables would split words oddly: "yun" as
# "yu" + "n".
NOT_SYLLABLES = frozenset({"n", "ng", "m", "hm", "hng"})


@cache
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (ü written v, as typed), from pypinyin's dictionary."""
    from pypinyin import pinyin_dict
    from pypinyin.contrib.tone_convert import to_normal

    found: set[str] = set()
    for readings in pinyin_dict.pinyin_dict.values():
        for reading in readings.split(","):
            normal = to_normal(reading).replace("ü", "v")
            if normal.isascii() and normal.isalpha():
                found.add(normal)
    return frozenset(found - NOT_SYLLABLES)


@cache
def syllable_prefixes() -> frozenset[str]:
    return frozenset(s[:i] for s in syllables() for i in range(1, len(s) + 1))


@lru_cache(maxsize=65536)
def run_syllables(run: str) -> tuple[str, ...]:
    """The pinyin syllables of a run of Chinese characters (unknown characters left out)."""
    return tuple(
        s.lower().replace("ü", "v")
        for s in lazy_pinyin(run, errors="ignore")
        if s and s.isascii() and s.isalpha()
    )


def build_keys(texts: Iterable[str]) -> tuple[str, str]:
    """(text_key, pinyin_key) of a model's texts."""
    text_parts: dict[str, None] = {}
    pinyin_parts: dict[str, None] = {}
    for text in texts:
        folded = fold(text or "")
        if not folded:
            continue
        text_parts[folded] = None
        for run in _HAN_RUN.findall(folded):
            sounds = run_syllables(run)
            if sounds:
                text_parts["".join(s[0] for s in sounds)] = None
                pinyin_parts["".join("|" + s for s in sounds)] = None
    return " ".join(text_parts), " ".join(pinyin_parts)


def readings(word: str) -> list[list[str]]:
    """Ways to read ``word`` as pinyin syllables, the last possibly unfinished; fewest first.

    "guizhou" → [["gui", "zhou"]]; "xian" → [["xian"], ["xi", "an"]]; "guiz" → [["gui", "z"]].
    Empty for words that are not pinyin.
    """
    if not _LETTERS.fullmatch(word):
        return []
    complete, partial = syllables(), syllable_prefixes()
    found: list[list[str]] = []

    def walk(start: int, parts: list[str]) -> None:
        if len(found) >= 4 * MAX_READINGS:
            return
        for end in range(min(len(word), start + MAX_SYLLABLE), start, -1):
            piece = word[start:end]
            if end == len(word):
                if piece in partial:
                    found.append([*parts, piece])
            elif piece in complete:
                walk(end, [*parts, piece])

    walk(0, [])
    found.sort(key=len)
    return found[:MAX_READINGS]


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def pinyin_patterns(word: str) -> list[str]:
    """LIKE patterns over ``pinyin_key`` for one query word (none if it is not pinyin)."""
    return ["%|" + "|".join(parts) + "%" for parts in readings(word)]
