"""What can go wrong while syncing, said to people in Chinese and English.

A refused package names the file and the reason, and says that nothing was changed. Reasons are
``Bilingual`` too, so the whole message is in one language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalog_app.domain.text import Bilingual, UserFacingError


class SyncError(UserFacingError):
    """Any sync problem meant for the person doing it (``Bilingual`` parameters are rendered in
    the same language as the message)."""

    def __init__(self, message: Bilingual, **params: Any) -> None:
        super().__init__(message, **params)
        self.args = (message.render("en", **_rendered(params, "en")),)

    def text(self, lang: str) -> str:
        return self.message.render(lang, **_rendered(self.params, lang))


def _rendered(params: dict[str, Any], lang: str) -> dict[str, Any]:
    return {k: v.render(lang) if isinstance(v, Bilingual) else v for k, v in params.items()}


class PackageRefused(SyncError):
    """A package that must not be merged: damaged, foreign, or from a newer app."""

    MESSAGE = Bilingual(
        zh="同步包 {name} 未合并：{reason}。当前数据库没有任何改动。",
        en="The sync package {name} was not merged: {reason}. Nothing in this database changed.",
    )

    def __init__(self, path: Path | str, reason: Bilingual, **params: Any) -> None:
        self.path = Path(path)
        self.reason = reason
        self.reason_params = params
        english = {k: v.render("en") if isinstance(v, Bilingual) else v for k, v in params.items()}
        super().__init__(self.MESSAGE, name=self.path.name, reason=reason.render("en", **english))

    def text(self, lang: str) -> str:
        params = {
            key: value.render(lang) if isinstance(value, Bilingual) else value
            for key, value in self.reason_params.items()
        }
        reason = self.reason.render(lang, **params)
        return self.MESSAGE.render(lang, name=self.path.name, reason=reason)


# Reasons a package is refused (the {placeholders} are filled by the checks).
NOT_A_PACKAGE = Bilingual(
    zh="这不是本程序的同步包（{detail}）", en="it is not a sync package of this app ({detail})"
)
NEWER_FORMAT = Bilingual(
    zh="它由更新版本的程序制作（包格式 {version}），请先升级本程序",
    en="it was made by a newer version of the app (package format {version}); upgrade this app",
)
NEWER_SCHEMA = Bilingual(
    zh="它由更新版本的程序制作（数据结构版本 {revision}），请先升级本程序",
    en="it was made by a newer version of the app (schema {revision}); upgrade this app first",
)
CHECKSUM_MISMATCH = Bilingual(
    zh="文件已损坏：校验和与清单不符（可能复制未完成或U盘出错），请在原设备上重新导出",
    en="the file is damaged: its checksum does not match the manifest (an unfinished copy or a "
    "faulty USB stick?); export it again on its device",
)
NOT_SQLITE = Bilingual(
    zh="文件已损坏：其中的数据不是 SQLite 数据库", en="the file is damaged: its data is not SQLite"
)
INTEGRITY_FAILED = Bilingual(
    zh="文件已损坏：数据库完整性检查失败（{detail}）",
    en="the file is damaged: the database integrity check failed ({detail})",
)
COUNTS_DIFFER = Bilingual(
    zh="文件已损坏：表 {table} 有 {found} 行，清单记录为 {expected} 行",
    en="the file is damaged: table {table} holds {found} rows, the manifest says {expected}",
)
DEVICE_DIFFERS = Bilingual(
    zh="文件不一致：清单中的设备与数据中的设备不同",
    en="the file is inconsistent: the manifest names another device than its data",
)
STAMP_BEYOND_CLOCK = Bilingual(
    zh="文件不一致：表 {table} 中有晚于该设备时钟的时间戳",
    en="the file is inconsistent: table {table} holds stamps later than its device's own clock",
)
MEDIA_DAMAGED = Bilingual(
    zh="文件已损坏：图片或资料文件 {file} 的内容与其校验和不符",
    en="the file is damaged: the media file {file} does not match its checksum",
)
MEDIA_MISSING = Bilingual(
    zh="文件已损坏：清单中列出的图片或资料文件 {file} 不在包中",
    en="the file is damaged: the media file {file} listed in its manifest is not in it",
)
DANGLING_REFERENCES = Bilingual(
    zh="文件已损坏：其中的记录引用了不存在的记录（{detail}）",
    en="the file is damaged: its rows refer to rows that are not there ({detail})",
)
CLOCK_AHEAD = Bilingual(
    zh="设备 {device} 的时钟快了约 {minutes} 分钟（最新时间戳晚于{reference}）。"
    "若确认无误，可勾选“仍然接受”后再合并；本机时钟将随之前移",
    en="the clock of device {device} ran about {minutes} minutes fast (its newest stamp is "
    "later than {reference}). If that is understood, accept it explicitly and merge again; "
    "this file's clock will move ahead with it",
)
REFERENCE_EXPORT = Bilingual(zh="其导出时间", en="its own export time")
REFERENCE_HERE = Bilingual(zh="本机当前时间", en="this computer's time")


class MergeProblem(SyncError):
    """The merge as a whole cannot be done (nothing was changed)."""


TOO_MANY_PACKAGES = Bilingual(
    zh="一次最多合并 {limit} 个同步包（选择了 {count} 个）。请分批合并：合并可以重复，顺序无关。",
    en="At most {limit} sync packages can be merged at once ({count} chosen). Merge them in "
    "groups: merging is repeatable and the order does not matter.",
)
NO_PACKAGES = Bilingual(zh="没有选择同步包。", en="No sync package was chosen.")
TARGET_NOT_FILE = Bilingual(
    zh="同步包只能合并到数据库文件中。要发送到服务器，请先合并到本机文件，再推送。",
    en="Sync packages are merged into a database file. To send them to a server, merge them "
    "into this computer's file, then push.",
)
UNIQUE_CLASH = Bilingual(
    zh="合并未进行：表 {table} 中不同设备的两条记录使用了相同的编码（{detail}）。"
    "请在其中一台设备上修改编码后重新导出。当前数据库没有任何改动。",
    en="Nothing was merged: in table {table}, rows made on two devices share the same code "
    "({detail}). Change the code on one device and export again. Nothing in this database "
    "changed.",
)
MERGE_WRITE_FAILED = Bilingual(
    zh="合并未完成，已全部撤销：{detail}", en="The merge did not finish and was undone: {detail}"
)
EXPORT_FAILED = Bilingual(
    zh="无法把同步包写入 {folder}：{detail}",
    en="Could not write the sync package to {folder}: {detail}",
)
EXPORT_NEEDS_FILE = Bilingual(
    zh="同步包只能从数据库文件导出（服务器数据库请使用推送/拉取）。",
    en="Sync packages are exported from a database file (for a server database, use push/pull).",
)

# -- the central server ------------------------------------------------------------------------
NOT_A_SERVER_URL = Bilingual(
    zh="服务器地址应以 postgresql:// 开头（例如 postgresql://用户@主机/数据库），而不是 {url}。",
    en="A server address starts with postgresql:// (e.g. postgresql://user@host/database), "
    "not {url}.",
)
LOCAL_NOT_FILE = Bilingual(
    zh="推送和拉取在设备的数据库文件上进行，当前打开的是服务器数据库。",
    en="Push and pull run from a device's database file; the open database is a server.",
)
SERVER_IS_SELF = Bilingual(
    zh="服务器 {server} 就是当前打开的数据库本身。", en="The server {server} is this very database."
)
CONNECTION_LOST = Bilingual(
    zh="与服务器 {server} 的连接中断（已处理 {done}/{total} 行）。已完成的批次都已保存；"
    "再次{action}即可从中断处继续。详情：{detail}",
    en="The connection to the server {server} was lost ({done} of {total} rows done). Every "
    "batch finished so far is kept; {action} again to continue from there. Detail: {detail}",
)
ACTION_PUSH = Bilingual(zh="推送", en="push")
ACTION_PULL = Bilingual(zh="拉取", en="pull")
SERVER_CLOCK_AHEAD = Bilingual(
    zh="服务器上有时间戳比本机时钟快约 {minutes} 分钟的数据（某台设备的时钟不准）。"
    "若确认无误，请明确接受后再拉取；本机时钟将随之前移。",
    en="The server holds writes stamped about {minutes} minutes ahead of this computer's clock "
    "(a device's clock was wrong). If that is understood, accept it explicitly and pull again; "
    "this file's clock will move ahead with it.",
)
SERVER_UNIQUE_CLASH = Bilingual(
    zh="同步停止：表 {table} 中两台设备的记录使用了相同的编码（{detail}）。已完成的批次保留。",
    en="Sync stopped: in table {table}, rows from two devices share the same code ({detail}). "
    "Batches finished before are kept.",
)


class ServerSyncError(SyncError):
    """A push or pull that could not finish (what was committed stays committed)."""
