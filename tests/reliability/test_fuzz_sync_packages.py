"""Fuzzed sync packages: a real booth package (leads, a catalog, two media files) with random
bytes flipped, zeroed, inserted or cut out, or cut short — anywhere, at its start (the first
member's header) or at its end (the manifest and the zip's directory).

Merging it into the manager's file either refuses it with a clear reason in Chinese and English
— the file exactly as before, every merged table and the media folder, nothing left in the
scratch folder — or, when the damage touched nothing that matters (a timestamp in a zip header),
merges exactly what the intact package merges. Never another exception.

Each example merges into a fresh copy of the manager's file, so a merge costs its time: the test
takes a quarter of the profile's examples (``HYPOTHESIS_PROFILE=nightly`` for many more).
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from reliability_fuzz import FUZZ, assert_clear_refusal, scaled

from catalog_app.domain.enums import LeadSource
from catalog_app.domain.text import UserFacingError
from catalog_app.services.catalog_import import import_catalog
from catalog_app.services.consent import current_consent
from catalog_app.services.lead_input import LeadInput
from catalog_app.services.leads import LeadService
from catalog_app.services.sync.apply import merge_packages, work_root
from catalog_app.services.sync.package import export_package
from catalog_app.store.database import Database, open_sqlite
from tests.catalog_files import write_catalog
from tests.sync.sync_data import contents


class Scene:
    """The intact package, the manager's file before any merge (closed), what merging the
    intact package gives (the office's own rows left out) and the media files it brings."""

    def __init__(self, package: bytes, office: Path, merged: dict[str, Any], media: set[str]):
        self.package, self.office, self.merged, self.media = package, office, merged, media

    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return f"Scene(<{len(self.package):,}-byte package>)"


def media_names(database: Database) -> set[str]:
    folder = database.media_dir
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def foreign_contents(database: Database) -> dict[str, Any]:
    return contents(database, exclude_devices=[database.device_id])


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scene]:
    root = tmp_path_factory.mktemp("fuzz-sync")
    booth = open_sqlite(root / "booth" / "catalog.sqlite", backup_on_open=False)
    import_catalog(booth, write_catalog(root / "catalog-files"))
    wording = current_consent("zh_CN")
    leads = LeadService(booth)
    for number in range(8):
        leads.save(
            LeadInput(
                person_name=f"客户 {number}",
                mobile=f"1390000{number:04d}",
                consent_given=True,
                consent_text=wording.text,
                consent_version=wording.version,
            ),
            source=LeadSource.BOOTH,
        )
    package = export_package(booth, root / "usb", actor=None).path
    booth.close()
    office = open_sqlite(root / "office" / "catalog.sqlite", backup_on_open=False)
    office.close()
    trial = copy_office(office.path, root / "trial")  # type: ignore[arg-type]
    merge_packages(trial, [package], actor=None)
    yield Scene(package.read_bytes(), office.path, foreign_contents(trial), media_names(trial))  # type: ignore[arg-type]
    trial.close()


def copy_office(pristine: Path, folder: Path) -> Database:
    """A fresh copy of the manager's file (closed files only: no WAL to lose)."""
    folder.mkdir(parents=True)
    shutil.copyfile(pristine, folder / "catalog.sqlite")
    return open_sqlite(folder / "catalog.sqlite", backup_on_open=False)


def damage(data: bytes, draw: Any) -> bytes:
    """``data`` with one kind of damage at a place drawn by ``draw``."""
    size = len(data)
    region = draw(st.sampled_from(["anywhere", "start", "end"]))
    low, high = {"anywhere": (0, size - 1), "start": (0, 400), "end": (size - 2500, size - 1)}[
        region
    ]
    at = draw(st.integers(low, high))
    kind = draw(st.sampled_from(["flip", "zero", "insert", "cut", "truncate"]))
    event(f"{kind} at {region}")
    span = draw(st.integers(1, 64))
    if kind == "flip":
        flips = draw(st.lists(st.integers(0, span - 1), min_size=1, max_size=4))
        changed = bytearray(data)
        for offset in flips:
            changed[min(at + offset, size - 1)] ^= draw(st.integers(1, 255))
        return bytes(changed)
    if kind == "zero":
        return data[:at] + bytes(min(span, size - at)) + data[at + span :]
    if kind == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=span)) + data[at:]
    if kind == "cut":
        return data[:at] + data[at + span :]
    return data[:at]


def merge_or_refuse(scene: Scene, folder: Path, package_bytes: bytes) -> None:
    """Merge ``package_bytes`` into a fresh copy of the manager's file: a refusal is clear and
    changes nothing; a merge gives exactly what the intact package gives."""
    package = folder / "usb" / "catalog-DAMAGED.catpkg"
    package.parent.mkdir()
    package.write_bytes(package_bytes)
    office = copy_office(scene.office, folder / "office")
    try:
        before, media_before = contents(office), media_names(office)
        try:
            merge_packages(office, [package], actor=None)
        except UserFacingError as refused:
            event(f"refused: {type(refused).__name__}")
            assert_clear_refusal(refused)
            assert contents(office) == before, "a refused package changed the database"
            assert media_names(office) == media_before, "a refused package left media files"
            scratch = work_root(office)
            assert not scratch.exists() or not any(scratch.iterdir()), "scratch files left"
            return
        event("merged (harmless damage)")
        assert foreign_contents(office) == scene.merged
        assert media_names(office) == scene.media
    finally:
        office.close()


@settings(FUZZ, max_examples=scaled(0.25))
@given(data=st.data())
def test_a_damaged_package_is_refused_clearly_and_changes_nothing(
    scene: Scene, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    merge_or_refuse(scene, tmp_path_factory.mktemp("office"), damage(scene.package, data.draw))


manifest_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=16),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)
MANIFEST_KEYS = [
    "format",
    "format_version",
    "device_id",
    "device_code",
    "created_at",
    "clock",
    "schema_revision",
    "tables",
    "data_sha256",
    "data_size",
    "media",
    "media_missing",
    "knowledge",
]


def with_manifest(package: bytes, change: dict[str, Any], drop: list[str]) -> bytes:
    """``package`` rewritten as a valid ZIP whose manifest has fields changed or dropped."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(content)
                manifest.update(change)
                for key in drop:
                    manifest.pop(key, None)
                content = json.dumps(manifest).encode("utf-8")  # NaN/Infinity as Python writes
            target.writestr(item, content)
    return out.getvalue()


@settings(FUZZ, max_examples=scaled(0.25))
@given(
    change=st.dictionaries(st.sampled_from(MANIFEST_KEYS), manifest_values, max_size=3),
    drop=st.lists(st.sampled_from(MANIFEST_KEYS), max_size=2),
)
def test_a_package_with_a_garbled_manifest_is_refused_clearly_and_changes_nothing(
    scene: Scene, tmp_path_factory: pytest.TempPathFactory, change: dict[str, Any], drop: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("office")
    merge_or_refuse(scene, folder, with_manifest(scene.package, change, drop))


def test_a_package_that_lost_a_media_file_is_refused(
    scene: Scene, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Found by the fuzzer: damage to the ZIP's directory dropped a photo without any checksum
    failing, and the merge took the rows and left the photo missing."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(scene.package)) as source, zipfile.ZipFile(out, "w") as target:
        members = source.infolist()
        dropped = next(m.filename for m in members if m.filename.startswith("media/"))
        for item in members:
            if item.filename != dropped:
                target.writestr(item, source.read(item))
    folder = tmp_path_factory.mktemp("office")
    package = folder / "catalog-LOST.catpkg"
    package.write_bytes(out.getvalue())
    office = copy_office(scene.office, folder / "office")
    try:
        before = contents(office)
        with pytest.raises(UserFacingError) as refused:
            merge_packages(office, [package], actor=None)
        assert dropped in refused.value.text("en") and "not in it" in refused.value.text("en")
        assert "不在包中" in refused.value.text("zh_CN")
        assert contents(office) == before and media_names(office) == set()
    finally:
        office.close()
