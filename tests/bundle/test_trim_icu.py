"""Trimming Qt's ICU data to the app's languages (build/trim_icu.py): what stays, and that the
package written back is one ICU can read (same header, sorted table, items byte for byte)."""

from __future__ import annotations

import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest

PREFIX = "icudt99l/"


def package(items: list[tuple[str, bytes]]) -> bytes:
    """A small ICU common-data package, laid out as ICU's own tools write it."""
    info = struct.pack("<HBBBBH4s4s4s", 20, 0, 0, 2, 2, 0, b"CmnD", b"\x01\0\0\0", b"\0" * 4)
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    header += b"\0" * (32 - len(header))
    names = b"".join(f"{PREFIX}{name}".encode() + b"\0" for name, _ in items)
    offset = (4 + 8 * len(items) + len(names) + 15) & ~15
    table, body, name_offset = [struct.pack("<I", len(items))], b"", 4 + 8 * len(items)
    for name, blob in items:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(f"{PREFIX}{name}") + 1
        padded = blob + b"\0" * (-len(blob) % 16)
        body += padded
        offset += len(padded)
    toc = b"".join(table) + names
    return header + toc + b"\0" * (-len(toc) % 16) + body


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("zh_Hans_CN.res", True),
        ("en_001.res", True),
        ("root.res", True),
        ("yue.res", True),  # Hong Kong Chinese inherits from Cantonese in some trees
        ("de.res", False),
        ("coll/zh.res", True),
        ("coll/de_.res", False),
        ("coll/ucadata.icu", True),
        ("coll/res_index.res", True),
        ("zone/pool.res", True),
        ("supplementalData.res", True),
        ("zoneinfo64.res", True),
        ("brkitr/cjdict.dict", True),
        ("brkitr/thaidict.dict", False),
        ("brkitr/line.brk", True),
        ("translit/root.res", False),
        ("gb18030.cnv", True),
        ("windows-936-2000.cnv", True),
        ("ibm-5348_P100-1997.cnv", True),
        ("ibm-37_P100-1995.cnv", False),
        ("euc-jp-2007.cnv", False),
        ("confusables.cfu", False),
        ("uts46.nrm", True),
    ],
)
def test_items_for_chinese_and_english_stay(trim_icu: ModuleType, item: str, kept: bool) -> None:
    assert trim_icu.keep_item(item) is kept


def test_a_package_reads_back_item_for_item(trim_icu: ModuleType) -> None:
    items = [("a.res", b"x" * 5), ("coll/zh.res", b"y" * 33), ("z.icu", b"z" * 16)]
    header, prefix, read = trim_icu.read_package(package(items))
    assert prefix == PREFIX
    assert [name for name, _ in read] == ["a.res", "coll/zh.res", "z.icu"]
    assert [blob.rstrip(b"\0") for _, blob in read] == [b"x" * 5, b"y" * 33, b"z" * 16]
    assert trim_icu.write_package(header, prefix, read) == package(items)


def test_trimming_drops_other_languages_and_keeps_the_table_sorted(trim_icu: ModuleType) -> None:
    items = [
        ("coll/de.res", b"D" * 40),
        ("coll/zh.res", b"Z" * 40),
        ("de.res", b"d" * 20),
        ("en.res", b"e" * 20),
        ("ibm-37_P100-1995.cnv", b"c" * 64),
        ("root.res", b"r" * 8),
        ("zh.res", b"h" * 24),
    ]
    trimmed, before, after = trim_icu.trim_package(package(items))
    assert (before, after) == (7, 4)
    _, _, read = trim_icu.read_package(trimmed)
    assert [name for name, _ in read] == ["coll/zh.res", "en.res", "root.res", "zh.res"]
    first_data = struct.unpack_from("<II", trimmed, 32 + 4)[1]
    assert all(offset % 16 == 0 for offset in [first_data])


def test_something_that_is_no_icu_package_is_refused(trim_icu: ModuleType) -> None:
    with pytest.raises(ValueError, match="not an ICU"):
        trim_icu.read_package(b"\x20\0\xda\x27" + b"\0" * 8 + b"XXXX" + b"\0" * 40)


def _qt_icu_library() -> Path | None:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt ships ICU only on Linux")
def test_the_real_icu_data_of_this_qt_shrinks_to_a_quarter_and_keeps_chinese_collation(
    trim_icu: ModuleType, tmp_path: Path
) -> None:
    library = _qt_icu_library()
    if library is None:
        pytest.skip("this PySide6 brings no ICU library")
    symbol = "icudt" + library.name.rsplit(".", 1)[1] + "_dat"
    original = trim_icu._package_in_library(library, symbol)
    trimmed, before, after = trim_icu.trim_package(original)
    assert after < before / 3
    assert len(trimmed) < len(original) / 3
    names = {name for name, _ in trim_icu.read_package(trimmed)[2]}
    assert {"coll/zh.res", "coll/ucadata.icu", "zh_Hans_CN.res", "en.res", "root.res"} <= names
    assert not {"de.res", "fr.res", "ja.res", "coll/de.res"} & names


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt ships ICU only on Linux")
def test_the_trimmed_library_holds_the_trimmed_package_under_the_same_name(
    trim_icu: ModuleType, tmp_path: Path
) -> None:
    library = _qt_icu_library()
    if library is None:
        pytest.skip("this PySide6 brings no ICU library")
    built, message = trim_icu.trimmed_library(library, tmp_path)
    if built is None and "no C compiler" in message:
        pytest.skip(message)
    assert built is not None, message
    assert built.name == library.name
    assert built.stat().st_size < library.stat().st_size / 3
    assert "ICU data trimmed" in message
