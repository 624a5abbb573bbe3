"""``catalog-app check``: integrity and schema version of a database, without changing it.

A SQLite file is checked on a read-only connection (no migration, no journal-mode change, no
backup), so a damaged file or one from a newer version is reported, never touched.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from catalog_app.domain.text import Bilingual
from catalog_app.store.database import open_server
from catalog_app.store.integrity import check_file, looks_like_sqlite, stored_schema_revision
from catalog_app.store.locations import is_server_url
from catalog_app.store.migrations import head_revision, is_known_revision

MESSAGES = {
    "ok": Bilingual(zh="完整性：正常", en="Integrity: ok"),
    "bad": Bilingual(zh="完整性：发现 {count} 个问题", en="Integrity: {count} problem(s) found"),
    "revision": Bilingual(
        zh="结构版本：{revision}（本程序：{head}）",
        en="Schema revision: {revision} (this app: {head})",
    ),
    "outdated": Bilingual(
        zh="该文件的结构较旧，打开时会自动升级。",
        en="The file's schema is older; it is upgraded when opened.",
    ),
    "newer": Bilingual(
        zh="该文件来自更新版本的程序，本版本无法打开。",
        en="The file comes from a newer version of the app; this version cannot open it.",
    ),
    "missing": Bilingual(zh="找不到数据库文件 {path}。", en="No database file at {path}."),
    "not_sqlite": Bilingual(
        zh="{path} 不是 SQLite 数据库文件。", en="{path} is not a SQLite file."
    ),
    "empty": Bilingual(zh="（新数据库，尚无结构）", en="(a new database with no schema yet)"),
}


@dataclass
class HealthReport:
    target: str
    problems: list[str] = field(default_factory=list)
    revision: str | None = None
    head: str = ""
    notes: list[tuple[Bilingual, dict[str, str]]] = field(default_factory=list)
    fatal: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.fatal

    def text(self, lang: str) -> str:
        lines = [self.target]
        if not self.fatal:
            if self.problems:
                lines.append(MESSAGES["bad"].render(lang, count=str(len(self.problems))))
                lines += [f"  {p}" for p in self.problems[:20]]
            else:
                lines.append(MESSAGES["ok"].render(lang))
            revision = self.revision or MESSAGES["empty"].render(lang)
            lines.append(MESSAGES["revision"].render(lang, revision=revision, head=self.head))
        lines += [message.render(lang, **params) for message, params in self.notes]
        return "\n".join(lines)


def check_database(target: str, *, thorough: bool = True) -> HealthReport:
    report = HealthReport(target, head=head_revision())
    if is_server_url(target):
        database = open_server(target)
        try:
            report.revision = database.schema_revision()
        finally:
            database.close()
        return report
    path = Path(target).expanduser()
    if not path.is_file():
        report.fatal = True
        report.notes.append((MESSAGES["missing"], {"path": str(path)}))
        return report
    if path.stat().st_size and not looks_like_sqlite(path):
        report.fatal = True
        report.notes.append((MESSAGES["not_sqlite"], {"path": str(path)}))
        return report
    report.problems = check_file(path, thorough=thorough)
    try:
        report.revision = stored_schema_revision(path)
    except sqlite3.DatabaseError as exc:
        report.problems.append(str(exc))
        return report
    if report.revision and not is_known_revision(report.revision):
        report.fatal = True
        report.notes.append((MESSAGES["newer"], {}))
    elif report.revision != report.head:
        report.notes.append((MESSAGES["outdated"], {}))
    return report
