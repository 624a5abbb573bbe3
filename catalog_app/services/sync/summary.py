"""What a merge did (or, in a dry run, would do): counts per package and table, in words.

Categories of an incoming row (``merge.py`` defines the rule and "conflicting"):

- *new*: this file did not have the row;
- *updated*: the incoming version won and replaced ours;
- *unchanged*: we already had this version, or one that wins over it, or the same content
  under other stamps (the same catalog imported on two laptops);
- *conflicting*: edited on both sides since they last exchanged data (counted within updated
  or unchanged, whichever side won);
- *duplicate people*: new links between leads that share a mobile (E.164) or an e-mail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from catalog_app.domain.text import Bilingual

LINE = Bilingual(
    zh="{name}（设备 {device}）：新增 {new}，更新 {updated}，未变 {unchanged}",
    en="{name} (device {device}): {new} new, {updated} updated, {unchanged} unchanged",
)
CONFLICTS = Bilingual(
    zh="；冲突 {conflicts}（其中 {conflicts_won} 条以同步包为准，其余保留本机版本）",
    en="; {conflicts} conflicting ({conflicts_won} resolved in the package's favour, the rest "
    "in this file's)",
)
LEADS_LINE = Bilingual(
    zh="  线索：新增 {new}，更新 {updated}，冲突 {conflicts}",
    en="  leads: {new} new, {updated} updated, {conflicts} conflicting",
)
ALREADY = Bilingual(
    zh="  该同步包已于 {when} 合并过，本次没有任何改动。",
    en="  This package was already merged on {when}; nothing changed.",
)
NOTHING_NEW = Bilingual(
    zh="  没有新内容：本文件已包含该同步包的全部数据。",
    en="  Nothing new: this file already holds everything in the package.",
)
SKEW = Bilingual(
    zh="  注意：该设备时钟快了约 {minutes} 分钟，需要明确接受才能合并。",
    en="  Warning: this device's clock ran about {minutes} minutes fast; merging it needs "
    "explicit acceptance.",
)
DUPLICATES = Bilingual(
    zh="可能重复的人员（同一手机号或邮箱）：{count} 对，已标记待人工核对。",
    en="Possible duplicate people (same mobile or e-mail): {count} pair(s), linked for review.",
)
DUPLICATES_DRY = Bilingual(
    zh="可能重复的人员（同一手机号或邮箱）：{count} 对，合并时将标记待人工核对。",
    en="Possible duplicate people (same mobile or e-mail): {count} pair(s), to be linked for "
    "review.",
)
MEDIA = Bilingual(zh="图片与资料文件：{count} 个新文件。", en="Media files: {count} new.")
DRY_HEADER = Bilingual(
    zh="试运行（尚未改动任何数据）：", en="Dry run (nothing has been changed yet):"
)
DONE_HEADER = Bilingual(zh="合并完成：", en="Merged:")


@dataclass
class TableCounts:
    incoming: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    conflicts_won: int = 0  # conflicts where the package's version won
    written: int = 0  # rows written (new, updated, and winners with the same content)

    def add(self, other: TableCounts) -> None:
        names = ("incoming", "new", "updated", "unchanged", "conflicts", "conflicts_won", "written")
        for name in names:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def changed(self) -> int:
        return self.new + self.updated

    def as_dict(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "conflicts_won": self.conflicts_won,
        }


@dataclass
class PackageOutcome:
    path: Path
    device_code: str
    device_name: str
    exported_at: datetime
    checksum: str
    tables: dict[str, TableCounts] = field(default_factory=dict)
    duplicate_links: int = 0
    media_files: int = 0
    already_merged_at: datetime | None = None
    skew_minutes: int = 0

    @property
    def total(self) -> TableCounts:
        total = TableCounts()
        for counts in self.tables.values():
            total.add(counts)
        return total

    @property
    def changed_anything(self) -> bool:
        return self.total.written > 0 or self.duplicate_links > 0 or self.media_files > 0


@dataclass
class MergeSummary:
    dry_run: bool
    packages: list[PackageOutcome] = field(default_factory=list)

    @property
    def total(self) -> TableCounts:
        total = TableCounts()
        for package in self.packages:
            total.add(package.total)
        return total

    @property
    def duplicate_links(self) -> int:
        return sum(p.duplicate_links for p in self.packages)

    @property
    def media_files(self) -> int:
        return sum(p.media_files for p in self.packages)

    @property
    def changed_anything(self) -> bool:
        return any(p.changed_anything for p in self.packages)

    @property
    def needs_clock_acceptance(self) -> bool:
        return any(p.skew_minutes for p in self.packages)

    def text(self, lang: str) -> str:
        lines = [(DRY_HEADER if self.dry_run else DONE_HEADER).render(lang)]
        for package in self.packages:
            total = package.total
            line = LINE.render(
                lang, name=package.path.name, device=package.device_code, **total.as_dict()
            )
            if total.conflicts:
                line += CONFLICTS.render(lang, **total.as_dict())
            lines.append(line)
            leads = package.tables.get("lead")
            if leads is not None and leads.incoming:
                lines.append(LEADS_LINE.render(lang, **leads.as_dict()))
            if package.already_merged_at is not None and not package.changed_anything:
                when = package.already_merged_at.astimezone().strftime("%Y-%m-%d %H:%M")
                lines.append(ALREADY.render(lang, when=when))
            elif not package.changed_anything:
                lines.append(NOTHING_NEW.render(lang))
            if package.skew_minutes:
                lines.append(SKEW.render(lang, minutes=package.skew_minutes))
        links = DUPLICATES_DRY if self.dry_run else DUPLICATES
        lines.append(links.render(lang, count=self.duplicate_links))
        if self.media_files:
            lines.append(MEDIA.render(lang, count=self.media_files))
        return "\n".join(lines)

    def log_counts(self) -> dict[str, object]:
        """Per-table totals for the sync log and the audit entry (no personal data)."""
        tables: dict[str, TableCounts] = {}
        for package in self.packages:
            for name, counts in package.tables.items():
                tables.setdefault(name, TableCounts()).add(counts)
        return {
            "tables": {name: c.as_dict() for name, c in tables.items() if c.incoming},
            "duplicate_links": self.duplicate_links,
            "media_files": self.media_files,
        }
