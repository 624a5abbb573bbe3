"""Media files (photos, brochures, logos) travelling in sync packages.

The media store keeps each file once under its sha256 (``services/media_store.py``), so a file
is named by its content: the package stores it under the same relative name, the merge checks
the bytes against the name while copying, and a file already present is never copied again.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import zipfile
import zlib
from contextlib import closing
from pathlib import Path

from catalog_app.services.media_store import stored_path
from catalog_app.services.sync.errors import MEDIA_DAMAGED, PackageRefused
from catalog_app.services.sync.manifest import MEDIA_PREFIX

_BLOCK = 1 << 20
# What reading a damaged, half-copied or unreadable ZIP raises besides BadZipFile: zlib's errors,
# EOF, a seek to an impossible offset (OSError), an unknown compression method
# (NotImplementedError), an "encrypted" flag (RuntimeError), bad header values (ValueError).
ARCHIVE_READ_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    zlib.error,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)


def referenced_media(snapshot: Path) -> list[tuple[str, str]]:
    """(sha256, mime type) of every live media row in a database file."""
    with closing(sqlite3.connect(snapshot)) as connection:
        rows = connection.execute(
            "SELECT DISTINCT sha256, mime_type FROM media WHERE deleted_at IS NULL"
        ).fetchall()
    return [(str(sha), str(mime)) for sha, mime in rows if sha]


def archive_name(media_dir: Path, file: Path) -> str:
    return MEDIA_PREFIX + file.relative_to(media_dir).as_posix()


def media_files(media_dir: Path, wanted: list[tuple[str, str]]) -> tuple[list[Path], int]:
    """The files present for ``wanted`` and how many are missing from the media folder."""
    present, missing = [], 0
    for sha, mime in wanted:
        path = stored_path(media_dir, sha, mime)
        if path.is_file():
            present.append(path)
        else:
            missing += 1
    return present, missing


def _sha_of_name(name: str) -> str:
    return Path(name).name.split(".", 1)[0].lower()


def _target_for(media_dir: Path, name: str) -> Path:
    relative = Path(name[len(MEDIA_PREFIX) :])
    if relative.is_absolute() or ".." in relative.parts or len(relative.parts) != 2:
        raise ValueError(name)
    return media_dir / relative


def verify_media(archive: zipfile.ZipFile, package: Path, names: list[str]) -> None:
    """Every media member's bytes match the sha256 in its name (else the package is damaged)."""
    for name in names:
        digest = hashlib.sha256()
        try:
            _target_for(Path("media"), name)
            with archive.open(name) as member:
                for block in iter(lambda member=member: member.read(_BLOCK), b""):
                    digest.update(block)
        except (KeyError, *ARCHIVE_READ_ERRORS) as exc:
            raise PackageRefused(package, MEDIA_DAMAGED, file=name) from exc
        if digest.hexdigest() != _sha_of_name(name):
            raise PackageRefused(package, MEDIA_DAMAGED, file=name)


def missing_media(media_dir: Path, names: list[str]) -> list[str]:
    """The archive names whose file the target's media folder does not have yet."""
    return [name for name in names if not _target_for(media_dir, name).exists()]


def copy_media(archive_path: Path, media_dir: Path, names: list[str]) -> int:
    """Copy the files the target lacks (checked against their hash, written then renamed)."""
    copied = 0
    with zipfile.ZipFile(archive_path) as archive:
        for name in missing_media(media_dir, names):
            target = _target_for(media_dir, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".partial")
            digest = hashlib.sha256()
            try:
                with archive.open(name) as member, partial.open("wb") as out:
                    for block in iter(lambda member=member: member.read(_BLOCK), b""):
                        digest.update(block)
                        out.write(block)
                    out.flush()
                    os.fsync(out.fileno())
                if digest.hexdigest() != _sha_of_name(name):
                    raise PackageRefused(archive_path, MEDIA_DAMAGED, file=name)
                os.replace(partial, target)
            finally:
                partial.unlink(missing_ok=True)
            copied += 1
    return copied
