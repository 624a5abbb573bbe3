"""Export a sync package: this device's data in one checked file, for a USB stick or a folder.

Steps (``export_package``), each cancellable, nothing left behind when cancelled or failed:

1. a consistent snapshot of the live database through SQLite's online backup API
   (``store.backups.copy_database``) into a scratch folder beside the database;
2. in the snapshot only: typing drafts and local settings are removed (with ``secure_delete``,
   so their bytes are not left in free pages) — only the device id, its clock and its knowledge
   marks stay — and so is the lead search index (derived data, rebuilt by the triggers of the
   file the package is merged into); then ``PRAGMA integrity_check`` must pass;
3. the manifest: device, time, clock, schema revision, rows per table, knowledge vector, the
   snapshot's sha256, and the media files its live rows refer to;
4. the archive is written as ``<name>.partial``, fsynced, and renamed, so a package that exists
   under its final name is complete;
5. a ``sync_log`` row and an audit entry (a package carries personal data out of the app).

Format: see ``manifest.py``. Staff may export (it is how a booth hands in its day); the actor is
recorded. ``actor=None`` means the command line.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
import uuid
import zipfile
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine

from catalog_app import __version__
from catalog_app.domain.enums import SyncDirection
from catalog_app.domain.models import Device, SyncLog
from catalog_app.services.accounts import StaffMember
from catalog_app.services.audit import AuditAction, record
from catalog_app.services.sync import knowledge as marks
from catalog_app.services.sync.errors import EXPORT_FAILED, EXPORT_NEEDS_FILE, SyncError
from catalog_app.services.sync.manifest import DATA_NAME, MANIFEST_NAME, Manifest, package_name
from catalog_app.services.sync.media import archive_name, media_files, referenced_media
from catalog_app.services.sync.progress import CancelFn, Progress, ProgressFn
from catalog_app.services.sync.tables import mergeable_tables
from catalog_app.store import lead_search_index
from catalog_app.store.backups import copy_database
from catalog_app.store.database import DEVICE_KEY, Database, device_code
from catalog_app.store.integrity import check_file, stored_schema_revision
from catalog_app.store.stamping import CLOCK_KEY

STEPS = 6
_BLOCK = 1 << 20


@dataclass(frozen=True)
class ExportResult:
    path: Path
    manifest: Manifest

    @property
    def leads(self) -> int:
        return self.manifest.tables.get("lead", 0)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def _strip_local_data(snapshot: Path) -> None:
    """Remove what never leaves the device from the snapshot (drafts, local settings)."""
    keep = (DEVICE_KEY, CLOCK_KEY)
    with closing(sqlite3.connect(snapshot, isolation_level=None)) as connection:
        connection.execute("PRAGMA secure_delete = ON")
        connection.execute("BEGIN")
        connection.execute("DELETE FROM form_draft")
        lead_search_index.drop(connection)  # derived; may hold trigrams of scrubbed texts
        connection.execute(
            "DELETE FROM local_setting WHERE key NOT IN (?, ?) AND key NOT LIKE ?",
            (*keep, f"{marks.SEEN_PREFIX}%"),
        )
        connection.execute("COMMIT")


def _describe(snapshot: Path, media_dir: Path | None) -> tuple[dict[str, object], list[Path]]:
    """Counts, clock, device and knowledge of the snapshot, and the media files to include."""
    engine = create_engine(f"sqlite:///{snapshot}")
    try:
        with engine.connect() as connection:
            counts = {
                table.name: int(
                    connection.exec_driver_sql(f"SELECT count(*) FROM {table.name}").scalar_one()
                )
                for table in mergeable_tables()
            }
            settings = dict(
                connection.exec_driver_sql("SELECT key, value FROM local_setting").fetchall()
            )
            from_rows = marks.knowledge_from_rows(connection)
    finally:
        engine.dispose()
    device_id = uuid.UUID(settings[DEVICE_KEY])
    clock = settings.get(CLOCK_KEY, "")
    stored = {
        key[len(marks.SEEN_PREFIX) :]: value
        for key, value in settings.items()
        if key.startswith(marks.SEEN_PREFIX)
    }
    knowledge = marks.combine(stored, from_rows, {device_id.hex: clock})
    wanted = referenced_media(snapshot)
    present, missing = media_files(media_dir, wanted) if media_dir else ([], len(wanted))
    info: dict[str, object] = {
        "counts": counts,
        "device_id": device_id,
        "clock": max([clock, *knowledge.values()]),
        "knowledge": knowledge,
        "media_missing": missing,
    }
    return info, present


def _device_name(database: Database) -> str:
    with database.sessions() as session:
        device = session.get(Device, database.device_id)
        return device.name if device is not None else ""


def export_package(
    database: Database,
    out_dir: Path | str,
    *,
    actor: StaffMember | None,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> ExportResult:
    """Write this device's sync package into ``out_dir`` (a folder or USB stick)."""
    if database.path is None:
        raise SyncError(EXPORT_NEEDS_FILE)
    steps = Progress(progress, is_cancelled)
    out = Path(out_dir).expanduser()
    now = datetime.now(UTC)
    code = device_code(database.device_id)
    final = out / package_name(code, now)
    partial = final.with_name(final.name + ".partial")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".sync-export-", dir=database.path.parent) as work:
            snapshot = Path(work) / DATA_NAME
            steps.report(0, STEPS, "snapshot")
            copy_database(database.path, snapshot)
            steps.raise_if_cancelled()
            _strip_local_data(snapshot)
            steps.report(1, STEPS, "check")
            problems = check_file(snapshot, thorough=True)
            if problems:
                raise sqlite3.DatabaseError("; ".join(problems[:3]))
            steps.raise_if_cancelled()
            steps.report(2, STEPS, "describe")
            info, media = _describe(snapshot, database.media_dir)
            steps.report(3, STEPS, "checksum")
            manifest = Manifest(
                device_id=info["device_id"],  # type: ignore[arg-type]
                device_code=code,
                device_name=_device_name(database),
                created_at=now,
                clock=str(info["clock"]),
                schema_revision=stored_schema_revision(snapshot) or "",
                app_version=__version__,
                tables=info["counts"],  # type: ignore[arg-type]
                data_sha256=sha256_file(snapshot),
                data_size=snapshot.stat().st_size,
                media={archive_name(database.media_dir, f): f.stat().st_size for f in media},
                media_missing=int(info["media_missing"]),  # type: ignore[call-overload]
                knowledge=info["knowledge"],  # type: ignore[arg-type]
            )
            steps.raise_if_cancelled()
            steps.report(4, STEPS, "archive")
            _write_archive(partial, snapshot, media, database.media_dir, manifest, steps)
            os.replace(partial, final)
        steps.report(5, STEPS, "log")
        _log_export(database, final, manifest, actor)
        steps.report(STEPS, STEPS, "done")
        return ExportResult(final, manifest)
    except (OSError, sqlite3.Error, shutil.Error) as exc:
        detail = getattr(exc, "strerror", None) or str(exc)
        raise SyncError(EXPORT_FAILED, folder=str(out), detail=detail) from exc
    finally:
        partial.unlink(missing_ok=True)


def _write_archive(
    target: Path,
    snapshot: Path,
    media: list[Path],
    media_dir: Path,
    manifest: Manifest,
    steps: Progress,
) -> None:
    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        archive.write(snapshot, DATA_NAME, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
        for file in media:
            steps.raise_if_cancelled()
            archive.write(file, archive_name(media_dir, file), compress_type=zipfile.ZIP_STORED)
        archive.writestr(MANIFEST_NAME, manifest.to_json(), compress_type=zipfile.ZIP_DEFLATED)
    with target.open("r+b") as handle:  # Windows fsyncs only writable handles
        os.fsync(handle.fileno())


def _log_export(
    database: Database, path: Path, manifest: Manifest, actor: StaffMember | None
) -> None:
    with database.transaction() as session:
        session.add(
            SyncLog(
                direction=SyncDirection.PACKAGE_EXPORT,
                peer=str(path)[:300],
                package_checksum=manifest.data_sha256,
                counts=dict(manifest.tables),
                status="ok",
                message=path.name,
            )
        )
        record(
            session,
            AuditAction.EXPORT,
            staff_id=actor.id if actor else None,
            object_type="sync_package",
            object_id=path.name,
            format="sync_package",
            leads=manifest.tables.get("lead", 0),
            rows=sum(manifest.tables.values()),
            media_files=len(manifest.media),
            via="app" if actor else "command line",
        )
