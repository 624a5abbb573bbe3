"""``sync-package``, ``merge``, ``push`` and ``pull``: the after-the-fair sync from a shell.

    catalog-app sync-package --out /media/usb                    # on each booth laptop
    catalog-app merge /media/usb/*.catpkg --dry-run --staff 王经理  # on the manager's machine
    catalog-app merge /media/usb/*.catpkg --staff 王经理
    catalog-app push --server postgresql://user@host/fair --staff 王经理
    catalog-app pull --server postgresql://user@host/fair --staff 王经理

Merging, pushing and pulling are managers' work: ``--staff NAME`` and the manager's PIN (typed
when asked, ``$CATALOG_APP_PIN``, or the first line of standard input with ``--pin-stdin``). A
file with no manager account yet (a fresh office file, before its first merge brings the
accounts) may be merged from the command line without one; it is audited as such. Exporting a
package is every staff member's end-of-day job: ``--staff`` is then optional (and asked for when
the file has staff accounts). ``--server`` may be left out once a server was used: the address
(without its password) is remembered. Passwords come from the URL or ``$PGPASSWORD``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from catalog_app.commands.support import EXIT_OK, Handler, language_of, say, target_of
from catalog_app.domain.text import Bilingual, UserFacingError

PACKAGE_WRITTEN = Bilingual(
    zh="已写出同步包 {path}\n  {leads} 条线索，共 {rows} 行，{media} 个图片/资料文件。",
    en="Wrote the sync package {path}\n  {leads} lead(s), {rows} rows in all, {media} media "
    "file(s).",
)
MEDIA_MISSING = Bilingual(
    zh="  注意：{count} 个图片/资料文件在本机找不到，未放入同步包。",
    en="  Note: {count} media file(s) were not found on this computer and are not in the package.",
)
PIN_PROMPT = Bilingual(zh="{name} 的 PIN：", en="PIN of {name}: ")
NEED_STAFF = Bilingual(
    zh="此操作需要经理：请用 --staff 姓名 指明，并输入其 PIN。",
    en="This needs a manager: name them with --staff NAME and give their PIN.",
)
NEED_STAFF_EXPORT = Bilingual(
    zh="请用 --staff 姓名 指明导出同步包的员工，并输入其 PIN。",
    en="Name the staff member exporting the package with --staff NAME and give their PIN.",
)
NO_PIN = Bilingual(
    zh="需要 PIN：请在提示时输入，或设置 CATALOG_APP_PIN，或使用 --pin-stdin。",
    en="A PIN is needed: type it when asked, set CATALOG_APP_PIN, or use --pin-stdin.",
)
UNKNOWN_NAME = Bilingual(
    zh="找不到员工“{name}”。现有：{known}", en='No staff member "{name}". Known: {known}'
)
NO_SERVER = Bilingual(
    zh="请用 --server postgresql://用户@主机/数据库 指明服务器。",
    en="Name the server with --server postgresql://user@host/database.",
)


def _staff_options(parser: argparse.ArgumentParser, *, required_help: str) -> None:
    parser.add_argument("--staff", metavar="NAME", help=required_help)
    parser.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")


def register(commands: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    package = commands.add_parser(
        "sync-package",
        parents=[common],
        help="write this device's sync package (one .catpkg file) to a folder or USB stick",
    )
    package.add_argument("--out", required=True, type=Path, metavar="DIR", help="target folder")
    _staff_options(package, required_help="the staff member exporting (recorded in the audit)")

    merge = commands.add_parser(
        "merge", parents=[common], help="merge sync packages into this database (managers)"
    )
    merge.add_argument("packages", nargs="+", type=Path, metavar="PKG", help=".catpkg files")
    merge.add_argument(
        "--dry-run", action="store_true", help="show what would change, change nothing"
    )
    merge.add_argument(
        "--accept-clock-skew",
        action="store_true",
        help="merge a package from a laptop whose clock ran fast (moves this clock ahead)",
    )
    merge.add_argument(
        "--thorough", action="store_true", help="full integrity_check of each package"
    )
    _staff_options(merge, required_help="the manager merging")

    for name, verb in (("push", "send this device's changes to"), ("pull", "fetch changes from")):
        sub = commands.add_parser(name, parents=[common], help=f"{verb} a PostgreSQL server")
        sub.add_argument("--server", metavar="URL", help="postgresql://user@host/database")
        sub.add_argument("--batch", type=int, default=2000, help="rows per committed batch")
        if name == "pull":
            sub.add_argument(
                "--accept-clock-skew",
                action="store_true",
                help="accept writes stamped ahead of this clock (moves this clock ahead)",
            )
        _staff_options(sub, required_help="the manager syncing")
    return {"sync-package": run_package, "merge": run_merge, "push": run_push, "pull": run_pull}


def _signed_in(args: argparse.Namespace, database: Any, lang: str, *, managers: bool) -> Any:
    """The member named by ``--staff`` with their PIN; None when the file has nobody who could
    sign in for this (see the module docstring)."""
    from catalog_app.services.accounts import AccountService, require_manager

    accounts = AccountService(database)
    members = [m for m in accounts.list_staff() if m.has_pin]
    eligible = [m for m in members if m.is_manager] if managers else members
    if not eligible and not args.staff:
        return None
    if not args.staff:
        raise UserFacingError(NEED_STAFF if managers else NEED_STAFF_EXPORT)
    wanted = args.staff.strip().casefold()
    member = next((m for m in members if m.display_name.casefold() == wanted), None)
    if member is None:
        known = "、".join(m.display_name for m in members) or "-"
        raise UserFacingError(UNKNOWN_NAME, name=args.staff, known=known)
    pin = os.environ.get("CATALOG_APP_PIN", "")
    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    elif not pin and sys.stdin.isatty():
        pin = getpass.getpass(PIN_PROMPT.render(lang, name=member.display_name))
    if not pin:
        raise UserFacingError(NO_PIN)
    signed = accounts.authenticate(member.id, pin)
    if managers:
        require_manager(signed)
    return signed


def _progress() -> Any:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, text: str) -> None:
        print(f"\r{text} {done:,}/{total:,}   ", end="", file=sys.stderr, flush=True)

    return show


def _end_progress() -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)


def _open(args: argparse.Namespace) -> Any:
    from catalog_app.store.database import open_database

    return open_database(target_of(args))


def run_package(args: argparse.Namespace) -> int:
    from catalog_app.services.sync.package import export_package

    lang = language_of(args)
    database = _open(args)
    try:
        actor = _signed_in(args, database, lang, managers=False)
        result = export_package(database, args.out, actor=actor, progress=_progress())
    finally:
        _end_progress()
        database.close()
    manifest = result.manifest
    say(
        PACKAGE_WRITTEN,
        lang,
        path=result.path,
        leads=result.leads,
        rows=sum(manifest.tables.values()),
        media=len(manifest.media),
    )
    if manifest.media_missing:
        say(MEDIA_MISSING, lang, count=manifest.media_missing)
    return EXIT_OK


def run_merge(args: argparse.Namespace) -> int:
    from catalog_app.services.sync.apply import merge_packages

    lang = language_of(args)
    database = _open(args)
    try:
        actor = _signed_in(args, database, lang, managers=True)
        summary = merge_packages(
            database,
            args.packages,
            actor=actor,
            dry_run=args.dry_run,
            accept_clock_skew=args.accept_clock_skew,
            thorough=args.thorough,
            progress=_progress(),
        )
    finally:
        _end_progress()
        database.close()
    print(summary.text(lang))
    return EXIT_OK


def _server(args: argparse.Namespace, database: Any) -> str:
    from catalog_app.services.sync.history import remembered_server

    url = args.server or remembered_server(database)
    if not url:
        raise UserFacingError(NO_SERVER)
    return str(url)


def _run_server(args: argparse.Namespace, pushing: bool) -> int:
    from catalog_app.services.sync.history import remember_server
    from catalog_app.services.sync.server import pull, push

    lang = language_of(args)
    database = _open(args)
    try:
        actor = _signed_in(args, database, lang, managers=True)
        url = _server(args, database)
        batch = max(1, args.batch)
        if pushing:
            result = push(database, url, actor=actor, batch_rows=batch, progress=_progress())
        else:
            result = pull(
                database,
                url,
                actor=actor,
                batch_rows=batch,
                accept_clock_skew=args.accept_clock_skew,
                progress=_progress(),
            )
        remember_server(database, url)
    finally:
        _end_progress()
        database.close()
    print(result.text(lang))
    return EXIT_OK


def run_push(args: argparse.Namespace) -> int:
    return _run_server(args, pushing=True)


def run_pull(args: argparse.Namespace) -> int:
    return _run_server(args, pushing=False)
