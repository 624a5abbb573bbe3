"""The catalog's own search keys, with pinyin syllable boundaries, and what a query becomes.

``truck_model.search_key`` (domain/search_keys.py) joins a text's pinyin without boundaries, so
a short query finds letters across syllables: "gz" is inside "qianlin(g z)hongka" (黔岭重卡)
and would find every 黔岭 truck. The catalog search therefore keeps three keys per model (in
``catalog_search_index.py``'s table):

- ``han_key``: every text with Chinese characters, folded (简/繁, case, width) — names, maker,
  exhibitor, text specs, the Chinese labels of its body type, powertrain and drive form;
- ``latin_key``: the other texts folded (codes, English names and labels, announcement number),
  the other runs of the Chinese texts ("黔岭 K7" → ``k7``) and, for each run of Chinese
  characters, its initials as a word ("贵州牌" → ``gzp``);
- ``pinyin_key``: each run's syllables, each led by ``|`` ("贵州牌" → ``|gui|zhou|pai``).

A query word with Chinese characters matches as a substring of ``han_key``; any other word
as a substring of ``latin_key`` (initials, codes, English) or — for a word of Latin letters —
when it reads as whole syllables from a syllable boundary, the last one possibly unfinished:
"guizhou", "guizh", "zhou" and "gu" match 贵州, "gz" only through the initials, "ling" not
inside "qianling" unless it is the syllable 岭. Each word is scanned in the shorter key it can
match, not in all of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any, NamedTuple

from catalog_app.domain.search_keys import fold

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_NOT_HAN = re.compile(r"[^\s\u3400-\u9fff]+")
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
        for s in _lazy_pinyin()(run, errors="ignore")
        if s and s.isascii() and s.isalpha()
    )


class Keys(NamedTuple):
    han_key: str  # folded texts that contain Chinese characters
    latin_key: str  # folded texts without them, other runs of those texts, initials
    pinyin_key: str  # "|gui|zhou|pai …"


def build_keys(texts: Iterable[str]) -> Keys:
    """The three keys of a model's texts (a query word is looked up in the one it can match)."""
    han: dict[str, None] = {}
    latin: dict[str, None] = {}
    sounds_parts: dict[str, None] = {}
    for text in texts:
        folded = fold(text or "")
        if not folded:
            continue
        runs = _HAN_RUN.findall(folded)
        if not runs:
            latin[folded] = None
            continue
        han[folded] = None
        for other in _NOT_HAN.findall(folded):  # "黔岭 k7 换电" → "k7"
            latin[other] = None
        for run in runs:
            sounds = run_syllables(run)
            if sounds:
                latin["".join(s[0] for s in sounds)] = None
                sounds_parts["".join("|" + s for s in sounds)] = None
    return Keys(" ".join(han), " ".join(latin), " ".join(sounds_parts))


def has_han(word: str) -> bool:
    return bool(_HAN_RUN.search(word))


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


def _lazy_pinyin() -> Any:
    """pypinyin's ``lazy_pinyin``, imported on first use (its dictionary loads slowly)."""
    from pypinyin import lazy_pinyin

    return lazy_pinyin
