"""After the fair: booth laptops export sync packages to a USB stick; the manager merges them."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sync_data import add_lead, contents, delete_lead, edit_lead, erase_person, lead, link_pairs

from catalog_app.domain.clock import Hlc
from catalog_app.domain.enums import MediaKind, StaffRole, SyncDirection
from catalog_app.domain.models import FormDraft, LocalSetting, Media, SyncLog
from catalog_app.services.accounts import AccountService, PermissionDenied
from catalog_app.services.audit import AuditAction, recent_entries
from catalog_app.services.media_store import store_file
from catalog_app.services.sync.apply import MAX_PACKAGES, merge_packages
from catalog_app.services.sync.errors import MergeProblem, PackageRefused
from catalog_app.services.sync.knowledge import read_clock
from catalog_app.services.sync.manifest import DATA_NAME, MANIFEST_NAME
from catalog_app.services.sync.package import export_package, sha256_file
from catalog_app.services.sync.progress import SyncCancelled
from catalog_app.store.database import Database
from catalog_app.store.stamping import CLOCK_KEY


def _sync_logs(database: Database) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(SyncLog)) or 0)


def _rewrite_package(package: Path, change: Any) -> None:
    """Rebuild a package's archive after ``change(folder)`` edited its extracted members."""
    folder = package.parent / "unpacked"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    change(folder)
    package.unlink()
    with zipfile.ZipFile(package, "w") as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(folder).as_posix())


def test_a_booth_package_brings_its_leads_to_the_office_and_says_what_it_did(
    make_device: Any, manager_db: Any, usb_stick: Path
) -> None:
    booth = make_device("booth")
    office, manager = manager_db
    first = add_lead(booth, "张三", mobile="+8613800138000", company="黔运物流")
    add_lead(booth, "Li Si", email="li.si@example.cn")

    exported = export_package(booth, usb_stick, actor=None)
    assert exported.path.parent == usb_stick and exported.path.suffix == ".catpkg"
    assert exported.leads == 2

    summary = merge_packages(office, [exported.path], actor=manager)
    assert summary.packages[0].tables["lead"].new == 2
    assert lead(office, first).company == "黔运物流"
    assert lead(office, first).hlc == lead(booth, first).hlc  # merged rows keep their stamps
    assert "2 new" in summary.text("en")
    assert "新增" in summary.text("zh_CN")
    entries = recent_entries(office, action=AuditAction.MERGE_PACKAGES)
    assert entries and entries[0].staff_id == manager.id
    assert entries[0].detail["packages"] == [exported.path.name]


def test_the_manifest_names_the_device_time_schema_counts_and_checksum(
    make_device: Any, usb_stick: Path
) -> None:
    booth = make_device("booth")
    add_lead(booth, "张三")
    exported = export_package(booth, usb_stick, actor=None)
    with zipfile.ZipFile(exported.path) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME))
        archive.extract(DATA_NAME, usb_stick / "x")
    assert manifest["device_id"] == str(booth.device_id)
    assert manifest["schema_revision"] == booth.schema_revision()
    assert manifest["tables"]["lead"] == 1 and manifest["tables"]["lead_interest"] == 1
    assert manifest["data_sha256"] == sha256_file(usb_stick / "x" / DATA_NAME)
    assert manifest["created_at"].endswith("+00:00")
    with booth.sessions() as session:
        logs = list(session.scalars(select(SyncLog)))
    assert [log.direction for log in logs] == [SyncDirection.PACKAGE_EXPORT]


def test_a_package_carries_no_typing_drafts_and_no_local_settings(
    make_device: Any, usb_stick: Path
) -> None:
    booth = make_device("booth")
    with booth.transaction() as session:
        session.add(FormDraft(slot="lead_capture", payload={"person_name": "半填的名字"}))
        session.add(LocalSetting(key="sync.server_url", value="postgresql://office/fair"))
    exported = export_package(booth, usb_stick, actor=None)
    with zipfile.ZipFile(exported.path) as archive:
        archive.extract(DATA_NAME, usb_stick / "x")
    data = usb_stick / "x" / DATA_NAME
    with closing(sqlite3.connect(data)) as connection:
        assert connection.execute("SELECT count(*) FROM form_draft").fetchone() == (0,)
        keys = {row[0] for row in connection.execute("SELECT key FROM local_setting")}
    assert keys == {"device_id", CLOCK_KEY}
    assert "半填的名字".encode() not in data.read_bytes()  # not left in free pages either


def test_a_dry_run_shows_the_summary_and_changes_nothing(
    make_device: Any, manager_db: Any, usb_stick: Path
) -> None:
    booth = make_device("booth")
    office, manager = manager_db
    add_lead(booth, "张三", mobile="+8613800138000")
    add_lead(office, "Zhang San", mobile="+8613800138000")
    exported = export_package(booth, usb_stick, actor=None)
    before = contents(office)
    with office.sessions() as session:
        clock_before = read_clock(session)

    summary = merge_packages(office, [exported.path], actor=manager, dry_run=True)
    assert summary.dry_run
    assert summary.packages[0].tables["lead"].new == 1
    assert summary.duplicate_links == 1
    assert "Dry run" in summary.text("en") and "试运行" in summary.text("zh_CN")
    assert contents(office) == before
    assert link_pairs(office) == set()
    with office.sessions() as session:
        assert read_clock(session) == clock_before
    assert _sync_logs(office) == 0


def test_merging_the_same_package_twice_changes_nothing_and_says_so(
    make_device: Any, manager_db: Any, usb_stick: Path
) -> None:
    booth = make_device("booth")
    office, manager = manager_db
    add_lead(booth, "张三")
    exported = export_package(booth, usb_stick, actor=None)
    merge_packages(office, [exported.path], actor=manager)
    after_first = contents(office)
    logs = _sync_logs(office)

    again = merge_packages(office, [exported.path], actor=manager)
    assert not again.changed_anything
    assert again.packages[0].already_merged_at is not None
    assert "already merged" in again.text("en")
    assert "已于" in again.text("zh_CN")
    assert contents(office) == after_first
    assert _sync_logs(office) == logs


def test_people_captured_on_two_laptops_are_linked_for_review_not_collapsed(
    make_device: Any, manager_db: Any, usb_stick: Path
) -> None:
    office, manager = manager_db
    one, two = make_device("booth-1"), make_device("booth-2")
    a = add_lead(one, "张三", mobile="+8613800138000")
    b = add_lead(two, "張三", mobile="+8613800138000")
    c = add_lead(two, "Wang", email="Wang@Example.cn")
    d = add_lead(one, "王", email="wang@example.cn")
    add_lead(two, "nobody else", mobile="+8613900139000")
    packages = [export_package(d_, usb_stick, actor=None).path for d_ in (one, two)]
    summary = merge_packages(office, packages, actor=manager)
    assert summary.duplicate_links == 2
    assert link_pairs(office) == {frozenset((a, b)), frozenset((c, d))}
    assert lead(office, a).deleted_at is None and lead(office, b).deleted_at is None


def test_edits_on_two_laptops_since_they_last_met_count_as_conflicts_resolved_by_the_rule(
    make_device: Any, manager_db: Any, usb_stick: Path
) -> None:
    office, manager = manager_db
    booth = make_device("booth")
    shared = add_lead(booth, "张三", company="旧公司")
    merge_packages(office, [export_package(booth, usb_stick, actor=None).path], actor=manager)
    edit_lead(office, shared, company="办公室改的")
    edit_lead(booth, shared, company="展台改的")  # later stamp: wins
    summary = merge_packages(
        office, [export_package(booth, usb_stick, actor=None).path], actor=manager
    )
    counts = summary.packages[0].tables["lead"]
    assert (counts.conflicts, counts.conflicts_won, counts.updated) == (1, 1, 1)
    assert lead(office, shared).company == "展台改的"


def test_an_update_made_after_seeing_the_other_side_is_not_a_conflict(
    make_device: Any, manager_db: Any, usb_stick: Path
) -> None:
    office, manager = manager_db
    booth = make_device("booth")
    shared = add_lead(booth, "张三")
    merge_packages(office, [export_package(booth, usb_stick, actor=None).path], actor=manager)
    edit_lead(booth, shared, company="跟进后")
    summary = merge_packages(
        office, [export_package(booth, usb_stick, actor=None).path], actor=manager
    )
    counts = summary.packages[0].tables["lead"]
    assert (counts.updated, counts.conflicts) == (1, 0)


def test_a_delete_wins_over_an_edit_made_later_on_another_laptop(
    make_device: Any, manager_db: Any, usb_stick: Path
) -> None:
    office, manager = manager_db
    one, two = make_device("booth-1"), make_device("booth-2")
    shared = add_lead(one, "张三")
    merge_packages(two, [export_package(one, usb_stick, actor=None).path], actor=None)
    delete_lead(one, shared)
    edit_lead(two, shared, company="后来的编辑")
    packages = [export_package(d, usb_stick, actor=None).path for d in (two, one)]
    merge_packages(office, packages, actor=manager)
    assert lead(office, shared).deleted_at is not None


def test_an_erased_person_stays_erased_after_a_later_plain_delete_elsewhere(
    make_device: Any, manager_db: Any, usb_stick: Path
) -> None:
    office, manager = manager_db
    one, two = make_device("booth-1"), make_device("booth-2")
    shared = add_lead(one, "张三", mobile="+8613800138000")
    merge_packages(two, [export_package(one, usb_stick, actor=None).path], actor=None)
    erase_person(one, shared)
    delete_lead(two, shared)  # later, keeps the personal fields in its tombstone
    packages = [export_package(d, usb_stick, actor=None).path for d in (one, two)]
    merge_packages(office, packages, actor=manager)
    merged = lead(office, shared)
    assert merged.deleted_at is not None
    assert (merged.person_name, merged.mobile_e164) == ("", "")


def test_photos_travel_with_the_package(
    make_device: Any, manager_db: Any, usb_stick: Path, tmp_path: Path
) -> None:
    office, manager = manager_db
    booth = make_device("booth")
    picture = tmp_path / "truck.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"truck picture" * 50)
    sha, mime, size = store_file(booth.media_dir, picture)
    with booth.transaction() as session:
        session.add(Media(sha256=sha, kind=MediaKind.PHOTO, mime_type=mime, size_bytes=size))
    exported = export_package(booth, usb_stick, actor=None)
    assert len(exported.manifest.media) == 1
    summary = merge_packages(office, [exported.path], actor=manager)
    assert summary.media_files == 1
    copied = office.media_dir / sha[:2] / f"{sha}.png"
    assert copied.read_bytes() == picture.read_bytes()


def test_cancelling_a_merge_leaves_the_office_file_as_it_was(
    make_device: Any, manager_db: Any, usb_stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("catalog_app.services.sync.apply_table.CHUNK_ROWS", 5)
    office, manager = manager_db
    booth = make_device("booth")
    for index in range(40):
        add_lead(booth, f"客户{index}")
    exported = export_package(booth, usb_stick, actor=None)
    before = contents(office)
    reports: list[tuple[int, int]] = []

    def report(done: int, total: int, _text: str) -> None:
        reports.append((done, total))

    with pytest.raises(SyncCancelled):
        merge_packages(
            office,
            [exported.path],
            actor=manager,
            progress=report,
            is_cancelled=lambda: len(reports) >= 6,  # in the middle of the leads
        )
    assert contents(office) == before
    assert link_pairs(office) == set() and _sync_logs(office) == 0
    # And the same merge, not cancelled, reports progress up to the end.
    reports.clear()
    merge_packages(office, [exported.path], actor=manager, progress=report)
    assert reports[-1][0] == reports[-1][1] > 80
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_only_a_manager_may_merge_packages(
    make_device: Any, manager_db: Any, usb_stick: Path
) -> None:
    office, manager = manager_db
    staff = AccountService(office).create_staff("小李", StaffRole.STAFF, "1357", actor=manager)
    exported = export_package(make_device("booth"), usb_stick, actor=None)
    with pytest.raises(PermissionDenied):
        merge_packages(office, [exported.path], actor=staff)


def test_more_than_ten_packages_at_once_are_refused_with_advice(
    manager_db: Any, usb_stick: Path
) -> None:
    office, manager = manager_db
    paths = [usb_stick / f"p{n}.catpkg" for n in range(MAX_PACKAGES + 1)]
    with pytest.raises(MergeProblem) as raised:
        merge_packages(office, paths, actor=manager)
    assert "groups" in raised.value.text("en") and "分批" in raised.value.text("zh_CN")


def test_the_office_clock_moves_past_every_merged_stamp(
    make_device: Any, manager_db: Any, usb_stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office, manager = manager_db
    booth = make_device("booth")
    monkeypatch.setattr("catalog_app.store.stamping._wall_ms", lambda: 4_000_000_000_000)
    lead_id = add_lead(booth, "时钟快的展台")  # 2096: far ahead of everything
    monkeypatch.undo()
    exported = export_package(booth, usb_stick, actor=None)
    assert Hlc.parse(lead(booth, lead_id).hlc).wall_ms == 4_000_000_000_000

    dry = merge_packages(office, [exported.path], actor=manager, dry_run=True)
    assert dry.needs_clock_acceptance and "clock" in dry.text("en")
    with pytest.raises(PackageRefused) as raised:
        merge_packages(office, [exported.path], actor=manager)
    assert "minutes fast" in raised.value.text("en") and "时钟快了" in raised.value.text("zh_CN")
    assert lead_id not in {row[0] for row in contents(office)["lead"]}

    merge_packages(office, [exported.path], actor=manager, accept_clock_skew=True)
    with office.sessions() as session:
        assert read_clock(session) > Hlc.parse(lead(office, lead_id).hlc)
    edit_lead(office, lead_id, company="办公室跟进")  # a later edit here really is later
    assert lead(office, lead_id).hlc > lead(booth, lead_id).hlc


def test_rows_from_two_laptops_that_clash_on_a_code_are_refused_whole(
    make_device: Any, manager_db: Any, usb_stick: Path
) -> None:
    from catalog_app.domain.models import Fair

    office, manager = manager_db
    one, two = make_device("booth-1"), make_device("booth-2")
    for device in (one, two):
        with device.transaction() as session:
            session.add(Fair(code="GZ-2026", name_zh="贵州展"))  # random ids, same code
    add_lead(two, "张三")
    packages = [export_package(d, usb_stick, actor=None).path for d in (one, two)]
    before = contents(office)
    with pytest.raises(MergeProblem) as raised:
        merge_packages(office, packages, actor=manager)
    assert "fair" in raised.value.text("en") and "相同的编码" in raised.value.text("zh_CN")
    assert contents(office) == before


def test_many_people_sharing_one_address_are_linked_in_a_chain_not_every_pair(
    make_device: Any, manager_db: Any, usb_stick: Path
) -> None:
    from sync_data import unlinked_duplicates

    office, manager = manager_db
    booth = make_device("booth")
    for index in range(30):  # a placeholder address typed for thirty visitors
        add_lead(booth, f"访客{index}", email="none@example.cn")
    summary = merge_packages(
        office, [export_package(booth, usb_stick, actor=None).path], actor=manager
    )
    assert summary.duplicate_links == 29  # not 30 * 29 / 2
    assert not unlinked_duplicates(office)


def test_a_package_from_an_older_version_of_the_app_is_migrated_and_merged(
    make_device: Any, manager_db: Any, usb_stick: Path
) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from catalog_app.store.migrations import alembic_config

    office, manager = manager_db
    booth = make_device("booth")
    lead_id = add_lead(booth, "老版本的客户")
    package = export_package(booth, usb_stick, actor=None).path

    def downgrade(folder: Path) -> None:
        data = folder / DATA_NAME
        engine = create_engine(f"sqlite:///{data}")
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0003")
        engine.dispose()
        manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        manifest.update(schema_revision="0003", data_sha256=sha256_file(data))
        manifest["data_size"] = data.stat().st_size
        (folder / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")

    _rewrite_package(package, downgrade)
    summary = merge_packages(office, [package], actor=manager)
    assert summary.packages[0].tables["lead"].new == 1
    assert lead(office, lead_id).person_name == "老版本的客户"
