"""A damaged or foreign package is refused with a clear reason, and nothing in the file changes."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sync_data import add_lead, contents

from catalog_app.services.sync.apply import merge_packages
from catalog_app.services.sync.errors import PackageRefused
from catalog_app.services.sync.manifest import DATA_NAME, MANIFEST_NAME
from catalog_app.services.sync.package import export_package, sha256_file


@pytest.fixture
def booth_package(make_device: Any, usb_stick: Path) -> Path:
    booth = make_device("booth")
    for index in range(20):
        add_lead(booth, f"客户{index}", mobile=f"+86138001380{index:02d}")
    return export_package(booth, usb_stick, actor=None).path


def _rewrite(package: Path, change: Callable[[Path], None]) -> Path:
    """A copy of ``package`` whose extracted members ``change`` edited."""
    folder = package.parent / f"unpacked-{package.stem}"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    change(folder)
    target = package.with_name("changed-" + package.name)
    with zipfile.ZipFile(target, "w") as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(folder).as_posix())
    return target


def _manifest(folder: Path, **fields: Any) -> None:
    path = folder / MANIFEST_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(fields)
    path.write_text(json.dumps(data), encoding="utf-8")


def _refused(manager_db: Any, package: Path) -> PackageRefused:
    office, manager = manager_db
    before = contents(office)
    with pytest.raises(PackageRefused) as raised:
        merge_packages(office, [package], actor=manager, dry_run=True)
    with pytest.raises(PackageRefused):
        merge_packages(office, [package], actor=manager)
    assert contents(office) == before
    scratch = office.path.parent / ".sync-work"
    assert not scratch.exists() or not any(scratch.iterdir())  # nothing extracted is left behind
    assert "Nothing in this database changed" in raised.value.text("en")
    assert "没有任何改动" in raised.value.text("zh_CN")
    return raised.value


def test_a_half_copied_package_is_refused(booth_package: Path, manager_db: Any) -> None:
    half = booth_package.with_name("half.catpkg")
    data = booth_package.read_bytes()
    half.write_bytes(data[: len(data) // 2])
    error = _refused(manager_db, half)
    assert "not a sync package" in error.text("en") or "damaged" in error.text("en")


def test_a_package_with_changed_bytes_fails_its_checksum(
    booth_package: Path, manager_db: Any
) -> None:
    def flip(folder: Path) -> None:
        data = bytearray((folder / DATA_NAME).read_bytes())
        data[len(data) // 2] ^= 0xFF
        (folder / DATA_NAME).write_bytes(bytes(data))

    error = _refused(manager_db, _rewrite(booth_package, flip))
    assert "checksum" in error.text("en") and "校验和" in error.text("zh_CN")


def test_a_package_whose_database_is_corrupt_fails_the_integrity_check(
    booth_package: Path, manager_db: Any
) -> None:
    def corrupt(folder: Path) -> None:
        data = bytearray((folder / DATA_NAME).read_bytes())
        page = 4096
        for offset in range(3 * page, min(len(data), 6 * page)):
            data[offset] = (offset * 7) & 0xFF
        (folder / DATA_NAME).write_bytes(bytes(data))
        _manifest(folder, data_sha256=sha256_file(folder / DATA_NAME))  # a "consistent" lie

    error = _refused(manager_db, _rewrite(booth_package, corrupt))
    assert "damaged" in error.text("en") and "损坏" in error.text("zh_CN")


def test_a_plain_database_file_is_not_a_package(make_device: Any, manager_db: Any) -> None:
    booth = make_device("booth")
    copy = booth.path.parent / "copied.sqlite"
    shutil.copyfile(booth.path, copy)
    error = _refused(manager_db, copy)
    assert "a database file, not a package" in error.text("en")


def test_a_zip_of_something_else_is_refused_as_foreign(tmp_path: Path, manager_db: Any) -> None:
    other = tmp_path / "photos.catpkg"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("holiday.jpg", b"not ours")
    error = _refused(manager_db, other)
    assert "not a sync package of this app" in error.text("en")
    assert "不是本程序的同步包" in error.text("zh_CN")


def test_a_manifest_of_another_program_is_refused(booth_package: Path, manager_db: Any) -> None:
    error = _refused(
        manager_db, _rewrite(booth_package, lambda f: _manifest(f, format="someone.else"))
    )
    assert "another format" in error.text("en")


@pytest.mark.parametrize(
    ("fields", "english", "chinese"),
    [
        ({"format_version": 7}, "package format 7", "包格式 7"),
        ({"schema_revision": "9999"}, "schema 9999", "数据结构版本 9999"),
    ],
)
def test_a_package_from_a_newer_app_is_refused(
    booth_package: Path, manager_db: Any, fields: dict[str, Any], english: str, chinese: str
) -> None:
    error = _refused(manager_db, _rewrite(booth_package, lambda f: _manifest(f, **fields)))
    assert english in error.text("en") and "upgrade" in error.text("en")
    assert chinese in error.text("zh_CN")


def test_row_counts_that_disagree_with_the_manifest_are_refused(
    booth_package: Path, manager_db: Any
) -> None:
    def miscount(folder: Path) -> None:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        _manifest(folder, tables={**data["tables"], "lead": 21})

    error = _refused(manager_db, _rewrite(booth_package, miscount))
    assert "table lead holds 20 rows, the manifest says 21" in error.text("en")


def test_a_missing_package_file_is_refused_not_a_crash(tmp_path: Path, manager_db: Any) -> None:
    error = _refused(manager_db, tmp_path / "gone.catpkg")
    assert "no such file" in error.text("en")


def test_one_bad_package_among_good_ones_stops_the_whole_merge(
    booth_package: Path, make_device: Any, usb_stick: Path, manager_db: Any
) -> None:
    other = make_device("booth-2")
    add_lead(other, "好的包")
    good = export_package(other, usb_stick, actor=None).path
    bad = _rewrite(booth_package, lambda f: _manifest(f, data_sha256="0" * 64))
    office, manager = manager_db
    before = contents(office)
    with pytest.raises(PackageRefused) as raised:
        merge_packages(office, [good, bad], actor=manager)
    assert raised.value.path == bad
    assert contents(office) == before
