"""Shrink the ICU data library PySide6 ships on Linux (32 MB) to what a zh/en app uses (~9 MB).

Qt's Linux wheels link QtCore to ICU 7x, whose ``libicudata.so.7x`` is one symbol,
``icudt7x_dat``: an ICU common-data package ("CmnD") of about 3,900 items — locale data for
every language of the world, ~180 legacy code pages, transliterators, word-break dictionaries
for Thai, Lao, Khmer and Burmese. The app speaks Chinese and English, so the bundle keeps:

- the data of the root, English, Chinese (and Cantonese, which Hong Kong Chinese inherits
  from) locales, in every tree (names, currencies, units, zones, collation, number spelling);
- every item that is not locale data (Unicode properties, normalisation, collation base data,
  break rules, the Chinese/Japanese word dictionary, time zones, plural rules, ...);
- the code pages for Chinese (GB18030, GBK, GB2312, Big5, Big5-HKSCS) and Windows-125x.

The items kept are copied byte for byte into a new package with the same header and sorted
table of contents, assembled into a shared library with the same soname and symbol (needs a C
compiler: ``cc``, or ``$CC``). ``build/smoke_test.py`` checks Chinese collation and locale
names in the frozen app, so a bad trim fails the build's smoke test.

    python build/trim_icu.py LIBICUDATA OUT_DIR      # by hand; the spec calls trimmed_library()
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

KEPT_LANGUAGES = {"root", "en", "zh", "yue"}
# GB18030, GBK (windows-936), GB2312 (ibm-1383), Big5 (windows-950), Big5-HKSCS (ibm-1375),
# EUC-TW's base (ibm-1386, ibm-1373) and Windows-1250..1258 (ibm-5346..5354).
KEPT_CODEPAGES = re.compile(
    r"^(gb18030|windows-936-|windows-950-|ibm-1386_|ibm-1383_|ibm-1373_|ibm-1375_"
    r"|ibm-53(4[6-9]|5[0-4])_)"
)
DROPPED_ITEMS = {
    "confusables.cfu",  # spoof checking
    "thaidict.dict",
    "laodict.dict",
    "khmerdict.dict",
    "burmesedict.dict",
}
DROPPED_TREES = {"translit"}
# A locale bundle: ``zh_Hans_CN.res``, ``en_001.res``, ``de_.res``; not ``res_index``/``pool``.
_LOCALE = re.compile(r"^(root|[a-z]{2,3})(_[A-Za-z0-9]*)*\.res$")
_NOT_LOCALES = {"res_index.res", "pool.res"}
_LIBRARY = re.compile(r"^libicudata\.so\.(\d+)$")


def keep_item(name: str) -> bool:
    """Whether a package item (``coll/zh.res``, ``ibm-37_P100-1995.cnv``) stays."""
    parts = name.split("/")
    base = parts[-1]
    if len(parts) > 1 and parts[0] in DROPPED_TREES:
        return False
    if base in DROPPED_ITEMS:
        return False
    if base.endswith(".cnv"):
        return bool(KEPT_CODEPAGES.match(base))
    match = _LOCALE.match(base)
    if match and base not in _NOT_LOCALES:
        return match.group(1) in KEPT_LANGUAGES
    return True


def read_package(data: bytes) -> tuple[bytes, str, list[tuple[str, bytes]]]:
    """The header, the item-name prefix (``icudt73l/``) and the items of a CmnD package."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common-data package")
    toc = header_size
    count = struct.unpack_from("<I", data, toc)[0]
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    names = []
    for name_offset, _ in entries:
        start = toc + name_offset
        names.append(data[start : data.index(b"\0", start)].decode("ascii"))
    prefix = names[0].split("/", 1)[0] + "/"
    ends = [offset for _, offset in entries[1:]] + [len(data) - toc]
    items = [
        (name.removeprefix(prefix), data[toc + offset : toc + end])
        for name, (_, offset), end in zip(names, entries, ends, strict=True)
    ]
    return data[:header_size], prefix, items


def write_package(header: bytes, prefix: str, items: list[tuple[str, bytes]]) -> bytes:
    """A CmnD package: header, table of contents (sorted as given), names, 16-aligned items."""
    names = b"".join(f"{prefix}{name}".encode("ascii") + b"\0" for name, _ in items)
    names_start = 4 + 8 * len(items)
    offset = (names_start + len(names) + 15) & ~15
    table = [struct.pack("<I", len(items))]
    body = []
    name_offset = names_start
    for name, blob in items:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(f"{prefix}{name}".encode("ascii")) + 1
        padded = blob + b"\0" * (-len(blob) % 16)
        body.append(padded)
        offset += len(padded)
    toc = b"".join(table) + names
    toc += b"\0" * (-len(toc) % 16)
    return header + toc + b"".join(body)


def trim_package(data: bytes) -> tuple[bytes, int, int]:
    """The trimmed package, with the item counts before and after."""
    header, prefix, items = read_package(data)
    kept = [(name, blob) for name, blob in items if keep_item(name)]
    return write_package(header, prefix, kept), len(items), len(kept)


def _package_in_library(library: Path, symbol: str) -> bytes:
    """The bytes of ``symbol`` in an ELF shared library (read with ``readelf``-free parsing)."""
    data = library.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{library} is not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link]
        for index in range(size // entsize):
            st_name, _st_info, _other, st_shndx, st_value, st_size = struct.unpack_from(
                "<IBBHQQ", data, offset + index * entsize
            )
            start = strtab[4] + st_name
            if data[start : data.index(b"\0", start)].decode() != symbol:
                continue
            holder = sections[st_shndx]
            position = holder[4] + (st_value - holder[3])
            return data[position : position + st_size]
    raise ValueError(f"{symbol} not found in {library}")


def trimmed_library(library: Path, out_dir: Path) -> tuple[Path | None, str]:
    """Build the trimmed ``libicudata.so.NN`` in ``out_dir``; (path, message), or (None, why)."""
    match = _LIBRARY.match(library.name)
    if not match:
        return None, f"{library.name} is not libicudata.so.NN"
    compiler = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if not compiler:
        return None, "no C compiler (cc) to assemble the trimmed ICU data; shipping it whole"
    version = match.group(1)
    symbol = f"icudt{version}_dat"
    original = _package_in_library(library, symbol)
    package, before, after = trim_package(original)
    out_dir.mkdir(parents=True, exist_ok=True)
    blob = out_dir / f"icudt{version}l.dat"
    blob.write_bytes(package)
    source = out_dir / "icudata.S"
    source.write_text(
        '\t.section .note.GNU-stack,"",%progbits\n'
        "\t.section .rodata\n\t.balign 16\n"
        f"\t.globl {symbol}\n\t.type {symbol},%object\n{symbol}:\n"
        f'\t.incbin "{blob.name}"\n\t.size {symbol}, .-{symbol}\n',
        encoding="ascii",
    )
    target = out_dir / library.name
    done = subprocess.run(
        [compiler, "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", target.name,
         source.name],
        cwd=out_dir,
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    if done.returncode != 0:
        return None, f"assembling the trimmed ICU data failed ({done.stderr.strip()[:300]})"
    if _package_in_library(target, symbol) != package:
        return (
            None,
            "the assembled ICU library does not hold the trimmed package; shipping it whole",
        )
    return target, (
        f"ICU data trimmed to {after} of {before} items: {len(original) / 2**20:.1f} MiB -> "
        f"{len(package) / 2**20:.1f} MiB"
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, message = trimmed_library(Path(sys.argv[1]), Path(sys.argv[2]))
    print(message)
    sys.exit(0 if path else 1)
