"""Turn what SQLite says when a write fails into a message for the person at the booth.

A full disk, a read-only medium, a file locked by another program, a file deleted or replaced
under the running app, or a damaged file each get their own message in the user's language,
saying that nothing was saved, that what they typed is kept, and what to do. ``retryable``
tells the UI whether "try again" can work without other action.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from catalog_app.domain.text import Bilingual
from catalog_app.store.errors import StoreError

KEPT = Bilingual(zh="您输入的内容仍保留在表单中。", en="What you typed is still in the form.")


class WriteFailedError(StoreError):
    """A write was refused; nothing of it was saved. Subclasses say why."""

    MESSAGE = Bilingual(
        zh="保存失败（{detail}），未保存任何内容。",
        en="Saving failed ({detail}); nothing was saved.",
    )
    retryable = True

    def __init__(self, path: Path | str, detail: str = "") -> None:
        super().__init__(self.MESSAGE, path=str(path), detail=detail)
        self.path = Path(path)
        self.detail = detail

    def text(self, lang: str) -> str:
        gap = "" if lang.startswith("zh") else " "  # no space between Chinese sentences
        return f"{super().text(lang)}{gap}{KEPT.render(lang)}"


class DiskFullError(WriteFailedError):
    MESSAGE = Bilingual(
        zh="磁盘空间已满，刚才的内容没有保存。请释放磁盘空间（或换用有空间的磁盘）后重试。",
        en="The disk is full, so this was not saved. Free some space (or use another disk) "
        "and try again.",
    )


class ReadOnlyDatabaseError(WriteFailedError):
    MESSAGE = Bilingual(
        zh="数据库文件 {path} 是只读的（可能位于只读的 U 盘或文件夹），无法保存。"
        "请把文件放到可写的位置或修改权限后重试。",
        en="The database file {path} is read-only (perhaps on a locked USB stick or folder), so "
        "nothing can be saved. Move it somewhere writable or change its permissions, then try "
        "again.",
    )


class DatabaseLockedError(WriteFailedError):
    MESSAGE = Bilingual(
        zh="数据库正被另一个程序占用，暂时无法保存。请稍候片刻再试，或关闭正在使用该文件的程序。",
        en="Another program is using the database right now, so this was not saved. Wait a "
        "moment and try again, or close the program that has the file open.",
    )


class DatabaseMovedError(WriteFailedError):
    MESSAGE = Bilingual(
        zh="数据库文件 {path} 在程序运行时被删除或替换，为避免写入错误的文件，已停止保存。"
        "请重新启动程序（可在设置中从备份恢复）。",
        en="The database file {path} was deleted or replaced while the app was running; to "
        "avoid writing into the wrong file nothing was saved. Restart the app (a backup can be "
        "restored in Settings).",
    )
    retryable = False


class DatabaseDamagedInUseError(WriteFailedError):
    MESSAGE = Bilingual(
        zh="数据库文件 {path} 已损坏，无法保存。请在设置中从最近的完好备份恢复。",
        en="The database file {path} is damaged, so this was not saved. Restore the newest good "
        "backup in Settings.",
    )
    retryable = False


class DiskIoError(WriteFailedError):
    MESSAGE = Bilingual(
        zh="读写数据库文件时出错（{detail}），未保存。请检查磁盘或 U 盘是否仍然连接，然后重试。",
        en="The database file could not be read or written ({detail}); nothing was saved. Check "
        "that the disk or USB stick is still connected, then try again.",
    )


class DiskWriteError(WriteFailedError):
    """SQLite could not write (SQLITE_IOERR_WRITE) and the disk is not (nearly) full: a file
    size limit (EFBIG: FAT32 media stop at 4 GB a file) or a medium that went away."""

    MESSAGE = Bilingual(
        zh="无法写入数据库文件 {path}，未保存。可能是磁盘已满、文件已达到该磁盘允许的最大大小"
        "（FAT32 格式的 U 盘单个文件最大 4 GB），或磁盘已被拔出。请释放空间或换用其他磁盘"
        "（NTFS 或 exFAT 格式），确认磁盘仍已连接，然后重试。",
        en="The database file {path} could not be written, so this was not saved. The disk may "
        "be full, the file may have reached the largest size this disk allows (4 GB per file on "
        "a FAT32 USB stick), or the disk was removed. Free some space or use another disk (NTFS "
        "or exFAT), check that it is still connected, then try again.",
    )


# Below this much free space a failed write is a full disk, whatever code SQLite gave.
LOW_SPACE_BYTES = 1024 * 1024


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < LOW_SPACE_BYTES
    except OSError:
        return False


def translate_write_error(error: BaseException, path: Path) -> WriteFailedError | None:
    """The user-facing error for a failed SQLite write, or None if it is not a storage fault."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(original, sqlite3.Error):
        return None
    name = getattr(original, "sqlite_errorname", "") or ""
    text = str(original).lower()
    if name == "SQLITE_FULL" or "disk is full" in text or "database or disk is full" in text:
        return DiskFullError(path)
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return ReadOnlyDatabaseError(path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return DatabaseLockedError(path)
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in text:
        return DatabaseDamagedInUseError(path)
    if name == "SQLITE_IOERR_WRITE":
        return DiskFullError(path) if _nearly_full(path) else DiskWriteError(path)
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) or "disk i/o" in text:
        return DiskIoError(path, str(original))
    return None
