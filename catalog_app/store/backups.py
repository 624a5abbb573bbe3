"""Rotating online backups of a SQLite file, and restoring the newest good one.

Backups are made with the sqlite3 online backup API (never a file copy: the WAL holds committed
data that the main file may lack), written to a temporary name, checked, then renamed into place.
A restore never overwrites the damaged file: it is moved aside under a new name first.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from catalog_app.store.errors import NoGoodBackupError
from catalog_app.store.integrity import check_file

DEFAULT_KEEP = 10
_SUFFIX = ".sqlite"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size_bytes: int


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups" / db_path.stem


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S%fZ")


def _parse_stamp(name: str, stem: str) -> datetime | None:
    prefix = f"{stem}-"
    if not (name.startswith(prefix) and name.endswith(_SUFFIX)):
        return None
    try:
        moment = datetime.strptime(name[len(prefix) : -len(_SUFFIX)], "%Y%m%dT%H%M%S%fZ")
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of ``db_path``, newest first."""
    folder = backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        moment = _parse_stamp(entry.name, db_path.stem)
        if moment is not None and entry.is_file():
            found.append(BackupInfo(entry, moment, entry.stat().st_size))
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live database through the online backup API, fsynced."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.execute("PRAGMA busy_timeout = 5000")
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    with target.open("r+b") as handle:  # Windows fsyncs only writable handles
        os.fsync(handle.fileno())


def make_backup(db_path: Path, *, keep: int = DEFAULT_KEEP, now: datetime | None = None) -> Path:
    """Back up ``db_path`` now and drop the oldest backups beyond ``keep``."""
    folder = backup_dir_for(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    moment = now or datetime.now(UTC)
    target = folder / f"{db_path.stem}-{_stamp(moment)}{_SUFFIX}"
    temporary = target.with_name(target.name + ".partial")
    temporary.unlink(missing_ok=True)
    try:
        copy_database(db_path, temporary)
        problems = check_file(temporary)
        if problems:
            raise sqlite3.DatabaseError("; ".join(problems[:3]))
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    for stale in list_backups(db_path)[keep:]:
        stale.path.unlink(missing_ok=True)
    return target


def newest_good_backup(db_path: Path) -> Path | None:
    for info in list_backups(db_path):
        if not check_file(info.path):
            return info.path
    return None


def set_aside(db_path: Path, label: str = "damaged") -> Path:
    """Move a database file (and its -wal/-shm) to a new name; return the new main file name."""
    stamp = _stamp(datetime.now(UTC))
    aside = db_path.with_name(f"{db_path.name}.{label}-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(db_path) + suffix)
        if part.exists():
            os.replace(part, Path(str(aside) + suffix))
    return aside


def restore_newest_good_backup(db_path: Path) -> tuple[Path, Path | None]:
    """Put the newest good backup in place of ``db_path``; return (backup used, file set aside)."""
    backup = newest_good_backup(db_path)
    if backup is None:
        raise NoGoodBackupError(db_path)
    aside = set_aside(db_path) if db_path.exists() else None
    temporary = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup, temporary)
    with temporary.open("r+b") as handle:  # Windows fsyncs only writable handles
        os.fsync(handle.fileno())
    os.replace(temporary, db_path)
    return backup, aside
