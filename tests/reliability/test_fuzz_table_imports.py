"""Fuzzed attendee lists and lead files: CSV text in random encodings, delimiters and damage,
raw bytes, and XLSX workbooks of random cells. The import (attendees: ``import_attendees``;
leads: ``import_leads`` as the command line runs it) either succeeds or refuses with a clear
message in Chinese and English; it never raises anything else, and a refused file writes
nothing (the tables' fingerprints are the same before and after).

Examples per test follow the hypothesis profile (tests/reliability/conftest.py):
``HYPOTHESIS_PROFILE=nightly`` runs many more.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.utils.exceptions import IllegalCharacterError
from reliability_fuzz import FUZZ, assert_clear_refusal, fingerprint

from catalog_app.domain.text import UserFacingError
from catalog_app.services.attendees import import_attendees
from catalog_app.services.lead_import import import_leads
from catalog_app.store.database import Database, open_sqlite

TABLES = ("attendee", "lead", "lead_interest", "lead_duplicate_link", "audit_entry")
HEADERS = [
    "胸卡号",
    "badge code",
    "参会编号",
    "姓名",
    "Name",
    "公司",
    "company",
    "职务",
    "手机",
    "mobile",
    "邮箱",
    "email",
    "意向车型",
    "数量",
    "评级",
    "同意",
    "consent",
    "备注",
    "行业",
    "",
]
# Text a spreadsheet really holds, and the characters that break naive readers.
cell_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])
    | st.sampled_from(list(",;\t|\"'\n\r\x00\ufeff 　张王贵州黔ABC0123456789@.+-")),
    max_size=24,
)
ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "gb18030",
    "gbk",
    "big5",
    "shift_jis",
    "latin-1",
    "cp1252",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_sqlite(
        tmp_path_factory.mktemp("fuzz-tables") / "booth.sqlite", backup_on_open=False
    )
    yield database
    database.close()


def import_or_refuse(database: Database, path: Path, kind: str) -> None:
    """Import ``path`` as ``kind``; a refusal must be clear and must leave the tables alone."""
    before = fingerprint(database, TABLES)
    try:
        if kind == "attendees":
            report = import_attendees(database, path)
            assert report.total >= 0 and report.summary("zh_CN") and report.summary("en")
        else:
            import_leads(database, path, actor=None, command_line=True)
        event(f"{kind}: imported")
    except UserFacingError as refused:
        event(f"{kind}: refused ({type(refused).__name__})")
        assert_clear_refusal(refused)
        assert fingerprint(database, TABLES) == before, "a refused file wrote something"


# Plausible values by column, so that many files get past the checks and are really written.
PLAUSIBLE = {
    "胸卡号": st.from_regex(r"GZ-[0-9]{1,5}", fullmatch=True),
    "姓名": st.text(alphabet="张王李赵钱孙贵州黔", min_size=1, max_size=4),
    "公司": st.text(alphabet="贵州黔岭物流能源集团有限公司", min_size=2, max_size=12),
    "手机": st.from_regex(r"13[0-9]{9}", fullmatch=True),
    "邮箱": st.from_regex(r"[a-z]{1,6}@example\.cn", fullmatch=True),
}


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """A header and rows: half the time plausible columns with values that mostly fit (a few
    cells garbled), else anything at all."""
    if draw(st.booleans()):
        header = draw(st.permutations(list(PLAUSIBLE)))[: draw(st.integers(2, len(PLAUSIBLE)))]
        if "胸卡号" not in header:
            header.append("胸卡号")
        cell = {
            name: PLAUSIBLE[name] | cell_text if draw(st.integers(0, 3)) == 0 else PLAUSIBLE[name]
            for name in header
        }
        rows = draw(st.lists(st.tuples(*(cell[name] for name in header)).map(list), max_size=6))
        return header, rows
    width = draw(st.integers(1, 6))
    header = draw(st.lists(st.sampled_from(HEADERS) | cell_text, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(cell_text, min_size=0, max_size=width + 1), max_size=5))
    return header, rows


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """A table written as CSV in a random encoding and delimiter, maybe damaged afterwards."""
    header, rows = draw(tables())
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=draw(st.sampled_from(",;\t|")))
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    damage = draw(st.sampled_from(["none", "none", "truncate", "flip"]))
    if damage == "truncate" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "flip" and data:
        position = draw(st.integers(0, len(data) - 1))
        data = (
            data[:position]
            + bytes([data[position] ^ draw(st.integers(1, 255))])
            + data[position + 1 :]
        )
    return data


@FUZZ
@given(data=csv_files(), kind=st.sampled_from(["attendees", "leads"]))
def test_a_csv_in_any_encoding_imports_or_is_refused_whole(
    db: Database, tmp_path_factory: pytest.TempPathFactory, data: bytes, kind: str
) -> None:
    path = tmp_path_factory.mktemp("csv") / "list.csv"
    path.write_bytes(data)
    import_or_refuse(db, path, kind)


@FUZZ
@given(
    raw=st.binary(max_size=600),
    suffix=st.sampled_from([".csv", ".txt", ".tsv", ".xlsx", ".xls", ".xlsm", ".json", ""]),
    kind=st.sampled_from(["attendees", "leads"]),
)
def test_random_bytes_under_any_name_are_refused_cleanly(
    db: Database, tmp_path_factory: pytest.TempPathFactory, raw: bytes, suffix: str, kind: str
) -> None:
    path = tmp_path_factory.mktemp("bytes") / f"list{suffix}"
    path.write_bytes(raw)
    import_or_refuse(db, path, kind)


workbook_cells = (
    st.none()
    | st.booleans()
    | st.integers(-(10**18), 10**18)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31))
    | st.sampled_from(HEADERS)
    | cell_text
)


def _clean(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@FUZZ
@given(
    table=tables()
    | st.tuples(
        st.lists(st.sampled_from(HEADERS) | workbook_cells, min_size=1, max_size=6),
        st.lists(st.lists(workbook_cells, max_size=7), max_size=5),
    ),
    blank_sheets=st.integers(0, 2),
    kind=st.sampled_from(["attendees", "leads"]),
)
def test_a_workbook_of_random_cells_imports_or_is_refused_whole(
    db: Database,
    tmp_path_factory: pytest.TempPathFactory,
    table: tuple[list[Any], list[list[Any]]],
    blank_sheets: int,
    kind: str,
) -> None:
    header, rows = table
    book = Workbook()
    first = book.active
    for _ in range(blank_sheets):  # empty sheets before the one with data
        book.create_sheet(index=0)
    try:
        first.append([_clean(c) for c in header])
        for row in rows:
            first.append([_clean(c) for c in row])
    except (ValueError, IllegalCharacterError):  # openpyxl refuses control characters
        return
    path = tmp_path_factory.mktemp("xlsx") / "list.xlsx"
    book.save(path)
    import_or_refuse(db, path, kind)
