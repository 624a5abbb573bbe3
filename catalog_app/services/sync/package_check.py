"""Open a sync package for merging: every check first, so a bad package changes nothing.

Refused, with the reason in the reader's language (``errors.PackageRefused``):

- *foreign*: not a ZIP, no manifest, a manifest of another format, a plain database file;
- *newer*: a package format or schema revision this app does not know;
- *damaged*: the data's sha256 differs from the manifest (a half copy, a bad USB stick), the
  data is not SQLite, ``PRAGMA quick_check`` (``thorough``: ``integrity_check``) finds problems,
  row counts differ from the manifest, the data names another device, a stamp is later than the
  device's own clock, or a media file does not match its hash.

The export already ran ``integrity_check`` on the snapshot and the checksum proves the bytes are
the same, so the merge runs the quicker ``quick_check`` by default as a second guard.

A package from an older schema revision is migrated to this app's revision — its extracted copy,
never the file the person chose. A package whose newest stamp lies more than 60 s past its own
export time (or this computer's clock) is opened with ``skew`` set: the merge refuses it unless
the person accepts it (see ``merge.py``, "Clock skew").
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
import threading
import time
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine

from catalog_app.domain.clock import MAX_FUTURE_DRIFT_MS, Hlc
from catalog_app.domain.text import Bilingual
from catalog_app.services.sync import errors as reasons
from catalog_app.services.sync.errors import PackageRefused
from catalog_app.services.sync.manifest import (
    DATA_NAME,
    MANIFEST_NAME,
    MEDIA_PREFIX,
    Manifest,
)
from catalog_app.services.sync.media import ARCHIVE_READ_ERRORS, verify_media
from catalog_app.services.sync.tables import mergeable_tables
from catalog_app.store.database import DEVICE_KEY
from catalog_app.store.integrity import SQLITE_HEADER, check_file, stored_schema_revision
from catalog_app.store.migrations import HEAD_REVISION, is_known_revision, upgrade_to_head

_BLOCK = 1 << 20
_MIGRATING = threading.Lock()


@dataclass(frozen=True)
class ClockSkew:
    """How far a package's newest stamp lies ahead, and of what."""

    ahead_ms: int
    reference: Bilingual  # "its own export time" or "this computer's time"

    @property
    def minutes(self) -> int:
        return max(1, round(self.ahead_ms / 60_000))


@dataclass
class OpenedPackage:
    """A checked package, its data extracted (and migrated) into a scratch folder."""

    path: Path
    manifest: Manifest
    data_path: Path
    media_names: list[str]
    max_stamp: str
    skew: ClockSkew | None
    _work: Path

    @property
    def checksum(self) -> str:
        return self.manifest.data_sha256

    def close(self) -> None:
        shutil.rmtree(self._work, ignore_errors=True)

    def __enter__(self) -> OpenedPackage:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _refuse(path: Path, reason: Bilingual, **params: object) -> PackageRefused:
    return PackageRefused(path, reason, **params)


def _read_manifest(archive: zipfile.ZipFile, path: Path) -> Manifest:
    names = set(archive.namelist())
    if MANIFEST_NAME not in names or DATA_NAME not in names:
        raise _refuse(path, reasons.NOT_A_PACKAGE, detail="no manifest.json or data.sqlite")
    try:
        text = archive.read(MANIFEST_NAME).decode("utf-8")
    except ARCHIVE_READ_ERRORS as exc:  # UnicodeDecodeError is a ValueError
        raise _refuse(path, reasons.NOT_A_PACKAGE, detail=f"manifest: {exc}") from exc
    return Manifest.from_json(text, path)


def _blocks(archive: zipfile.ZipFile, name: str, path: Path) -> Iterator[bytes]:
    """The member ``name`` block by block; a member that cannot be read refuses the package."""
    try:
        with archive.open(name) as member:
            while block := member.read(_BLOCK):
                yield block
    except ARCHIVE_READ_ERRORS as exc:
        raise _refuse(path, reasons.CHECKSUM_MISMATCH) from exc


def _extract_data(archive: zipfile.ZipFile, path: Path, target: Path, expected: str) -> None:
    digest = hashlib.sha256()
    with target.open("wb") as out:  # a failing write (a full disk) is not the package's fault
        for block in _blocks(archive, DATA_NAME, path):
            digest.update(block)
            out.write(block)
    if digest.hexdigest() != expected:
        raise _refuse(path, reasons.CHECKSUM_MISMATCH)


def _check_data(path: Path, data: Path, manifest: Manifest, thorough: bool) -> None:
    with data.open("rb") as handle:
        if handle.read(16) != SQLITE_HEADER:
            raise _refuse(path, reasons.NOT_SQLITE)
    problems = check_file(data, thorough=thorough)
    if problems:
        raise _refuse(path, reasons.INTEGRITY_FAILED, detail="; ".join(problems[:3]))
    try:
        revision = stored_schema_revision(data)
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, reasons.INTEGRITY_FAILED, detail=str(exc)) from exc
    if revision is None:
        raise _refuse(path, reasons.NOT_A_PACKAGE, detail="no catalog_app schema")
    if not is_known_revision(revision):
        raise _refuse(path, reasons.NEWER_SCHEMA, revision=revision)
    if revision != manifest.schema_revision:
        raise _refuse(path, reasons.INTEGRITY_FAILED, detail="schema revision differs")
    if revision != HEAD_REVISION:
        engine = create_engine(f"sqlite:///{data}")
        try:
            # Alembic keeps its running context in module globals: one migration at a time
            # (packages are opened two at a time).
            with _MIGRATING, engine.begin() as connection:
                upgrade_to_head(connection)
        finally:
            engine.dispose()


def _check_rows(path: Path, data: Path, manifest: Manifest) -> str:
    """Counts, device and stamps agree with the manifest; returns the newest stamp."""
    newest = ""
    with closing(sqlite3.connect(data)) as connection:
        try:
            row = connection.execute(
                "SELECT value FROM local_setting WHERE key = ?", (DEVICE_KEY,)
            ).fetchone()
            if row is None or uuid.UUID(str(row[0])) != manifest.device_id:
                raise _refuse(path, reasons.DEVICE_DIFFERS)
            for table in mergeable_tables():
                found, top = connection.execute(
                    f"SELECT count(*), coalesce(max(hlc), '') FROM {table.name}"
                ).fetchone()
                expected = manifest.tables.get(table.name, 0)
                if found != expected:
                    raise _refuse(
                        path,
                        reasons.COUNTS_DIFFER,
                        table=table.name,
                        found=found,
                        expected=expected,
                    )
                if top > manifest.clock:
                    raise _refuse(path, reasons.STAMP_BEYOND_CLOCK, table=table.name)
                newest = max(newest, top)
        except (sqlite3.DatabaseError, ValueError) as exc:
            raise _refuse(path, reasons.INTEGRITY_FAILED, detail=str(exc)) from exc
    return newest


def clock_skew(newest: str, manifest: Manifest, now_ms: int | None = None) -> ClockSkew | None:
    """How far ``newest`` lies ahead of the package's export time or of this computer, if more
    than the tolerated 60 s."""
    if not newest:
        return None
    stamp_ms = Hlc.parse(newest).wall_ms
    now_ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    ahead_of_export = stamp_ms - manifest.created_ms
    ahead_of_here = stamp_ms - now_ms
    if ahead_of_export > MAX_FUTURE_DRIFT_MS and ahead_of_export >= ahead_of_here:
        return ClockSkew(ahead_of_export, reasons.REFERENCE_EXPORT)
    if ahead_of_here > MAX_FUTURE_DRIFT_MS:
        return ClockSkew(ahead_of_here, reasons.REFERENCE_HERE)
    return None


def open_package(
    path: Path | str, work_root: Path | str | None = None, *, thorough: bool = False
) -> OpenedPackage:
    """Check ``path`` and extract its data; the caller closes the result (or uses ``with``)."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise _refuse(path, reasons.NOT_A_PACKAGE, detail="no such file")
    if work_root is not None:
        Path(work_root).mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".sync-merge-", dir=work_root))
    try:
        try:
            archive = zipfile.ZipFile(path)
        except ARCHIVE_READ_ERRORS as exc:
            with path.open("rb") as handle:
                plain_db = handle.read(16) == SQLITE_HEADER
            detail = "a database file, not a package" if plain_db else "not a ZIP archive"
            raise _refuse(path, reasons.NOT_A_PACKAGE, detail=detail) from exc
        with archive:
            manifest = _read_manifest(archive, path)
            if not is_known_revision(manifest.schema_revision):
                raise _refuse(path, reasons.NEWER_SCHEMA, revision=manifest.schema_revision)
            data = work / DATA_NAME
            _extract_data(archive, path, data, manifest.data_sha256)
            media_names = sorted(
                n for n in archive.namelist() if n.startswith(MEDIA_PREFIX) and not n.endswith("/")
            )
            lost = sorted(set(manifest.media) - set(media_names))
            if lost:  # a damaged directory can drop a member without any checksum failing
                raise _refuse(path, reasons.MEDIA_MISSING, file=lost[0])
            verify_media(archive, path, media_names)
        _check_data(path, data, manifest, thorough)
        newest = _check_rows(path, data, manifest)
        skew = clock_skew(newest, manifest)
        return OpenedPackage(path, manifest, data, media_names, newest, skew, work)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
