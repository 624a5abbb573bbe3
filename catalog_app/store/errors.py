"""Errors the store raises when a database file cannot be used as it is."""

from __future__ import annotations

from pathlib import Path

from catalog_app.domain.text import Bilingual, UserFacingError


class StoreError(UserFacingError):
    """Base of every store error."""


class NewerSchemaError(StoreError):
    MESSAGE = Bilingual(
        zh="数据库文件 {path} 由更新版本的程序创建（结构版本 {revision}），本版本无法打开。"
        "文件未作任何改动；请升级程序后再打开。",
        en="The database file {path} was made by a newer version of the app (schema {revision}) "
        "and cannot be opened by this version. The file was left untouched; please upgrade.",
    )

    def __init__(self, path: Path | str, revision: str) -> None:
        super().__init__(self.MESSAGE, path=str(path), revision=revision)
        self.location = str(path)  # a file path or a server URL (password hidden)
        self.path = Path(path)
        self.revision = revision


# SQLite's own words for damage, in Chinese too; other details are shown as SQLite gives them.
KNOWN_DAMAGE = {
    "not a SQLite file": Bilingual(zh="不是 SQLite 数据库文件", en="not a SQLite file"),
    "database disk image is malformed": Bilingual(
        zh="数据库文件结构已损坏", en="database disk image is malformed"
    ),
    "file is not a database": Bilingual(zh="文件不是数据库", en="file is not a database"),
}


class DamagedDatabaseError(StoreError):
    MESSAGE = Bilingual(
        zh="数据库文件 {path} 已损坏（{detail}）。损坏的文件会被保留，可以从最近的完好备份恢复。",
        en="The database file {path} is damaged ({detail}). The damaged file is kept; you can "
        "restore the newest good backup.",
    )

    def __init__(self, path: Path | str, detail: str, newest_backup: Path | None) -> None:
        super().__init__(self.MESSAGE, path=str(path), detail=detail)
        self.path = Path(path)
        self.detail = detail
        self.newest_backup = newest_backup

    def text(self, lang: str) -> str:
        known = KNOWN_DAMAGE.get(self.detail)
        detail = known.render(lang) if known else self.detail
        return self.MESSAGE.render(lang, path=str(self.path), detail=detail)


class NotADatabaseError(StoreError):
    MESSAGE = Bilingual(
        zh="{path} 不是本程序的数据库文件（{detail}）。",
        en="{path} is not a database file of this app ({detail}).",
    )

    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(self.MESSAGE, path=str(path), detail=detail)


class DatabaseUnavailableError(StoreError):
    MESSAGE = Bilingual(
        zh="无法打开数据库 {path}：{detail}",
        en="Cannot open the database {path}: {detail}",
    )

    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(self.MESSAGE, path=str(path), detail=detail)


class NoGoodBackupError(StoreError):
    MESSAGE = Bilingual(
        zh="没有找到 {path} 的完好备份。",
        en="No good backup of {path} was found.",
    )

    def __init__(self, path: Path | str) -> None:
        super().__init__(self.MESSAGE, path=str(path))


class PhysicalDeleteError(StoreError):
    MESSAGE = Bilingual(
        zh="内部错误：合并数据不能物理删除（{table}），应标记为已删除。",
        en="Internal error: merged rows are never deleted physically ({table}); mark them "
        "deleted instead.",
    )

    def __init__(self, table: str) -> None:
        super().__init__(self.MESSAGE, table=table)
