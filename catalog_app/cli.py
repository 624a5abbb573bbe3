"""The ``catalog-app`` command: starts the GUI, or runs a subcommand on the same services.

``catalog-app [--db PATH] [--lang zh_CN|en]`` starts the window. Subcommands: ``demo``,
``import``, ``backup``, ``check``. Every subcommand takes ``--db PATH`` (a SQLite file or a
``postgresql://`` URL; default: $CATALOG_APP_DB, else the user data folder). Errors go to stderr
in the user's language, with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from catalog_app import __version__
from catalog_app.domain.text import (
    SUPPORTED_LANGUAGES,
    Bilingual,
    UserFacingError,
    normalise_language,
)
from catalog_app.domain.text import default_language as _default_language

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_PROBLEMS_FOUND = 3

CommandHandler = Callable[[argparse.Namespace], int]

T = {
    "demo_done": Bilingual(
        zh='示例展会数据库已就绪：{path}\n{summary}\n启动：catalog-app --db "{path}"',
        en="The sample fair database is ready: {path}\n{summary}\n"
        'Start it with: catalog-app --db "{path}"',
    ),
    "template_done": Bilingual(
        zh="已写出空白车型表：{path}", en="Wrote an empty workbook of models: {path}"
    ),
    "backup_done": Bilingual(zh="已备份到 {path}", en="Backed up to {path}"),
    "no_backups": Bilingual(zh="{path} 还没有备份。", en="There are no backups of {path} yet."),
    "restored": Bilingual(
        zh="已从备份 {backup} 恢复。原文件保存在 {aside}。",
        en="Restored from the backup {backup}. The previous file was kept as {aside}.",
    ),
    "restored_no_aside": Bilingual(
        zh="已从备份 {backup} 恢复。", en="Restored from the backup {backup}."
    ),
    "check_missing": Bilingual(zh="找不到数据库文件 {path}。", en="No database file at {path}."),
    "backup_server": Bilingual(
        zh="PostgreSQL 服务器请使用其自带的备份工具（pg_dump）。",
        en="For a PostgreSQL server use its own backup tools (pg_dump).",
    ),
}


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file or postgresql:// URL (default: $CATALOG_APP_DB, else the user "
        "data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        help="language of the interface and messages (default: from the system)",
    )


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    _db_option(common)
    parser = argparse.ArgumentParser(
        prog="catalog-app",
        description="Trade-fair catalog, lead desk and intent printer for new-energy trucks.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"catalog-app {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo", parents=[common], help="create or refresh a database with the sample fair"
    )
    demo.add_argument(
        "--fresh", action="store_true", help="move an existing file aside and start anew"
    )
    demo.add_argument("--start", action="store_true", help="then start the app on it")

    importer = commands.add_parser(
        "import", parents=[common], help="import a catalog (.json) or a workbook of models (.xlsx)"
    )
    importer.add_argument("file", type=Path, help="the .json or .xlsx file")
    importer.add_argument(
        "--template",
        action="store_true",
        help="write an empty workbook with every column to FILE instead of importing",
    )

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
    return parser


def _lang(args: argparse.Namespace) -> str:
    return normalise_language(args.lang) if args.lang else _default_language()


def _target(args: argparse.Namespace) -> str:
    from catalog_app.store.locations import resolve_db_target

    return resolve_db_target(args.db)


def _say(message: Bilingual, lang: str, **params: object) -> None:
    print(message.render(lang, **params))


def cmd_demo(args: argparse.Namespace) -> int:
    from catalog_app.services.demo import build_demo_database

    lang = _lang(args)
    path, report = build_demo_database(Path(args.db) if args.db else None, fresh=args.fresh)
    _say(T["demo_done"], lang, path=path, summary=report.summary(lang))
    if args.start:
        from catalog_app.ui.app import run_gui

        return run_gui(str(path), lang)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from catalog_app.services.catalog_import import import_catalog
    from catalog_app.store.database import open_database

    if args.template:
        from catalog_app.services.catalog_template import write_models_template

        _say(T["template_done"], _lang(args), path=write_models_template(args.file))
        return EXIT_OK

    database = open_database(_target(args))
    try:
        report = import_catalog(database, args.file)
    finally:
        database.close()
    print(report.summary(_lang(args)))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from catalog_app.store import backups
    from catalog_app.store.locations import is_server_url

    lang = _lang(args)
    target = _target(args)
    if is_server_url(target):
        _say(T["backup_server"], lang)
        return EXIT_FAILED
    path = Path(target).expanduser().resolve()
    if args.list:
        found = backups.list_backups(path)
        if not found:
            _say(T["no_backups"], lang, path=path)
        for info in found:
            print(f"{info.taken_at:%Y-%m-%d %H:%M:%S} UTC  {info.size_bytes:>12,}  {info.path}")
        return EXIT_OK
    if args.restore_newest:
        backup, aside = backups.restore_newest_good_backup(path)
        if aside is None:
            _say(T["restored_no_aside"], lang, backup=backup)
        else:
            _say(T["restored"], lang, backup=backup, aside=aside)
        return EXIT_OK
    if not path.exists():
        _say(T["check_missing"], lang, path=path)
        return EXIT_FAILED
    made = backups.make_backup(path, keep=max(1, args.keep))
    _say(T["backup_done"], lang, path=made)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from catalog_app.services.health import check_database

    lang = _lang(args)
    report = check_database(_target(args), thorough=not args.quick)
    print(report.text(lang))
    return EXIT_OK if report.ok else EXIT_PROBLEMS_FOUND


def cmd_gui(args: argparse.Namespace) -> int:
    from catalog_app.ui.app import run_gui

    return run_gui(_target(args), _lang(args))


COMMANDS: dict[str | None, CommandHandler] = {
    None: cmd_gui,
    "demo": cmd_demo,
    "import": cmd_import,
    "backup": cmd_backup,
    "check": cmd_check,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    lang = _lang(args)
    try:
        return COMMANDS[args.command](args)
    except UserFacingError as exc:
        print(exc.text(lang), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(f"{exc.strerror or exc}: {exc.filename or ''}".strip(), file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
