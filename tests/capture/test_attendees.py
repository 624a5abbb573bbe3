"""The organiser's attendee list: imported from whatever file the organiser sends, looked up by
badge code with no network; a bad file says where and why, and writes nothing."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from catalog_app.domain.ids import stable_id
from catalog_app.domain.models import Fair
from catalog_app.locations import resources_dir
from catalog_app.services.attendee_files import TableFileError, read_table
from catalog_app.services.attendees import (
    AttendeeImportError,
    count_attendees,
    find_attendee,
    import_attendees,
    parse_mapping,
)
from catalog_app.store.database import Database

HEADER = ["胸卡号", "姓名", "公司", "职务", "手机", "邮箱", "观众类型"]
ROWS = [
    ["GZ-0001", "张三", "贵州示例物流", "车队经理", "13800138000", "z@example.cn", "采购商"],
    ["gz-0002", "李四", "黔西示例煤业", "设备部长", "139 0000 0102", "l@example.cn", "专业观众"],
    ["GZ-0003", "Alex Turner", "Example Leasing Ltd.", "Buyer", "", "a@example.com", "嘉宾"],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def add_fair(database: Database, code: str = "GZ-FAIR") -> None:
    with database.transaction() as session:
        session.add(Fair(code=code, name_zh="测试展会", name_en="Test fair"))


@pytest.mark.parametrize(
    "encoding, delimiter",
    [("utf-8", ","), ("utf-8-sig", ","), ("gb18030", ","), ("utf-16", "\t"), ("utf-8", ";")],
)
def test_csv_in_every_encoding_organisers_send_is_read_right(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = write_csv(tmp_path / "list.csv", [HEADER, *ROWS], encoding, delimiter)
    table = read_table(path)
    assert table.headers == HEADER
    assert [cells[1] for _, cells in table.rows] == ["张三", "李四", "Alex Turner"]
    assert [number for number, _ in table.rows] == [2, 3, 4]


def test_the_list_is_imported_and_a_code_is_found_offline_in_any_case(sqlite_db: Database) -> None:
    add_fair(sqlite_db)
    path = write_csv(sqlite_db.path.parent / "list.csv", [HEADER, *ROWS], "gb18030")  # type: ignore[union-attr]
    report = import_attendees(sqlite_db, path)
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    assert report.ignored_columns == ["观众类型"]
    assert "3" in report.summary("zh_CN") and "观众类型" in report.summary("zh_CN")
    found = find_attendee(sqlite_db, " ｇｚ-0002 ")  # full-width, lower case, spaces: as typed
    assert found is not None
    assert (found.person_name, found.company) == ("李四", "黔西示例煤业")
    assert found.mobile == "139 0000 0102"
    assert find_attendee(sqlite_db, "GZ-9999") is None


def test_importing_again_or_on_another_laptop_gives_the_same_rows(
    tmp_path: Path, any_db: Database
) -> None:
    add_fair(any_db)
    path = write_csv(tmp_path / "list.csv", [HEADER, *ROWS], "utf-8-sig")
    import_attendees(any_db, path)
    changed = [list(row) for row in ROWS]
    changed[0][3] = "运输总监"
    again = import_attendees(any_db, write_csv(tmp_path / "v2.csv", [HEADER, *changed], "utf-8"))
    assert (again.created, again.updated, again.unchanged) == (0, 1, 2)
    assert count_attendees(any_db) == 3
    found = find_attendee(any_db, "GZ-0001")
    assert found is not None and found.title == "运输总监"
    assert found.id == stable_id("attendee", "GZ-FAIR", "GZ-0001")  # the same on every device


def test_a_workbook_with_numeric_phones_and_codes_reads_as_digits(
    tmp_path: Path, sqlite_db: Database
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Badge No.", "Full Name", "Organisation", "Mobile Phone", "E-mail"])
    sheet.append([100234, "周明远", "贵阳示例快运", 13900000200, "zhou@example.cn"])
    sheet.append([None, None, None, None, None])
    sheet.append([100235.0, "Alex", "Example Ltd.", None, "alex@example.com"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    report = import_attendees(sqlite_db, path)
    assert report.created == 2
    found = find_attendee(sqlite_db, "100234")
    assert found is not None and found.mobile == "13900000200" and found.person_name == "周明远"
    assert find_attendee(sqlite_db, "100235") is not None


def test_columns_with_unusual_names_are_mapped_by_hand(tmp_path: Path, sqlite_db: Database) -> None:
    rows = [["参会证", "嘉宾", "所属机构"], ["VIP-7", "王五", "示例能源"]]
    path = write_csv(tmp_path / "odd.csv", rows, "utf-8")
    with pytest.raises(AttendeeImportError) as missing:
        import_attendees(sqlite_db, path)
    assert "--map" in missing.value.text("en") and "参会证" in missing.value.text("zh_CN")
    mapping = parse_mapping(["参会证=badge_code", "嘉宾=name", "所属机构=company"])
    import_attendees(sqlite_db, path, mapping)
    found = find_attendee(sqlite_db, "vip-7")
    assert found is not None and (found.person_name, found.company) == ("王五", "示例能源")


def test_a_bad_file_lists_row_column_and_reason_and_writes_nothing(
    tmp_path: Path, sqlite_db: Database
) -> None:
    rows = [
        HEADER,
        ROWS[0],
        ["", "无码", "某公司", "", "", "", ""],
        ["GZ-0001", "重复", "某公司", "", "", "", ""],
        ["GZ-0004", "长" * 101, "某公司", "", "", "", ""],
    ]
    path = write_csv(tmp_path / "bad.csv", rows, "utf-8")
    with pytest.raises(AttendeeImportError) as caught:
        import_attendees(sqlite_db, path)
    zh = caught.value.text("zh_CN")
    en = caught.value.text("en")
    assert "第 3 行，“胸卡号”列：胸卡号为空" in zh
    assert "row 4, column “胸卡号”: the badge code “GZ-0001” appears twice (also in row 2)" in en
    assert "row 5, column “姓名”: too long (101 characters; limit 100)" in en
    assert "nothing was written" in en
    assert count_attendees(sqlite_db) == 0


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("old.xls", b"\xd0\xcf\x11\xe0", "old Excel format"),
        ("list.pdf", b"%PDF-1.4", "Unsupported file type"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "could not be read"),
        ("empty.csv", b"", "holds no data"),
    ],
)
def test_files_that_are_no_table_say_so_plainly(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TableFileError) as caught:
        read_table(path)
    assert expected in caught.value.text("en")


def test_a_mapping_to_an_unknown_field_is_refused() -> None:
    with pytest.raises(AttendeeImportError) as caught:
        parse_mapping(["观众类型=favourite_colour", "oops"])
    text = caught.value.text("en")
    assert "favourite_colour" in text and "COLUMN=field" in text


def test_the_sample_list_imports_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "fair.sqlite"
    sample = resources_dir() / "sample" / "attendees.csv"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "catalog_app", *args, "--db", str(db), "--lang", "en"],
            capture_output=True,
            text=True,
            timeout=120,
        )

    first = cli("attendees", "import", str(sample))
    assert first.returncode == 0, first.stderr
    assert "30 people, 30 new" in first.stdout
    second = cli("attendees", "import", str(sample))
    assert "0 new, 0 updated, 30 unchanged" in second.stdout
    found = cli("attendees", "find", "gznev26-0007")
    assert found.returncode == 0 and "13900000101" in found.stdout
    missing = cli("attendees", "find", "NOPE-1")
    assert missing.returncode == 1 and "not in the attendee list" in missing.stdout
    bad = cli("attendees", "import", str(sample), "--map", "观众类型=nonsense")
    assert bad.returncode == 1 and "nonsense" in bad.stderr


def test_the_demo_database_holds_the_sample_attendee_list(tmp_path: Path) -> None:
    from catalog_app.services.demo import build_demo_database
    from catalog_app.store.database import open_sqlite

    path, _report = build_demo_database(tmp_path / "demo.sqlite")
    build_demo_database(path)  # refreshing the demo adds no second copy
    database = open_sqlite(path, backup_on_open=False)
    try:
        assert count_attendees(database) == 30
        found = find_attendee(database, "GZNEV26-0007")
        assert found is not None and found.mobile == "13900000101"  # also sample lead S-001
    finally:
        database.close()
