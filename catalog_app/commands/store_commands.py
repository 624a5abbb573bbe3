"""``backup`` (make, list, restore) and ``check`` (integrity and schema version, read-only)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from catalog_app.commands.support import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PROBLEMS_FOUND,
    Handler,
    language_of,
    say,
    target_of,
)
from catalog_app.domain.text import Bilingual

BACKUP_DONE = Bilingual(zh="已备份到 {path}", en="Backed up to {path}")
NO_BACKUPS = Bilingual(zh="{path} 还没有备份。", en="There are no backups of {path} yet.")
RESTORED = Bilingual(
    zh="已从备份 {backup} 恢复。原文件保存在 {aside}。",
    en="Restored from the backup {backup}. The previous file was kept as {aside}.",
)
RESTORED_NO_ASIDE = Bilingual(
    zh="已从备份 {backup} 恢复。", en="Restored from the backup {backup}."
)
MISSING = Bilingual(zh="找不到数据库文件 {path}。", en="No database file at {path}.")
SERVER_BACKUP = Bilingual(
    zh="PostgreSQL 服务器请使用其自带的备份工具（pg_dump）。",
    en="For a PostgreSQL server use its own backup tools (pg_dump).",
)


def register(commands: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    backup = commands.add_parser("backup", parents=[common], help="back up the database file")
    action = backup.add_mutually_exclusive_group()
    action.add_argument("--list", action="store_true", help="list the backups, newest first")
    action.add_argument(
        "--restore-newest",
        action="store_true",
        help="put the newest good backup in place (the current file is kept aside)",
    )
    backup.add_argument("--keep", type=int, default=10, help="how many backups to keep")

    check = commands.add_parser(
        "check", parents=[common], help="check the file's integrity and schema version"
    )
    check.add_argument("--quick", action="store_true", help="quick_check instead of full check")
    return {"backup": run_backup, "check": run_check}


def run_backup(args: argparse.Namespace) -> int:
    from catalog_app.store import backups
    from catalog_app.store.locations import is_server_url

    lang = language_of(args)
    target = target_of(args)
    if is_server_url(target):
        say(SERVER_BACKUP, lang)
        return EXIT_FAILED
    path = Path(target).expanduser().resolve()
    if args.list:
        found = backups.list_backups(path)
        if not found:
            say(NO_BACKUPS, lang, path=path)
        for info in found:
            print(f"{info.taken_at:%Y-%m-%d %H:%M:%S} UTC  {info.size_bytes:>12,}  {info.path}")
        return EXIT_OK
    if args.restore_newest:
        backup, aside = backups.restore_newest_good_backup(path)
        if aside is None:
            say(RESTORED_NO_ASIDE, lang, backup=backup)
        else:
            say(RESTORED, lang, backup=backup, aside=aside)
        return EXIT_OK
    if not path.exists():
        say(MISSING, lang, path=path)
        return EXIT_FAILED
    made = backups.make_backup(path, keep=max(1, args.keep))
    say(BACKUP_DONE, lang, path=made)
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from catalog_app.services.health import check_database

    report = check_database(target_of(args), thorough=not args.quick)
    print(report.text(language_of(args)))
    return EXIT_OK if report.ok else EXIT_PROBLEMS_FOUND
