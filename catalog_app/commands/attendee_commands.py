"""``attendees import FILE.csv|.xlsx [--map COLUMN=field …]`` and ``attendees find CODE``.

The organiser's attendee list is imported before the fair, on every booth laptop; a badge that
carries only a code is then looked up in it with no network (``find`` does the same from the
command line, to check a list).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from catalog_app.commands.support import EXIT_FAILED, EXIT_OK, Handler, language_of, say, target_of
from catalog_app.domain.text import Bilingual

NOT_FOUND = Bilingual(
    zh="参会名单中没有胸卡号 {code}。", en="The badge code {code} is not in the attendee list."
)
WHICH_ACTION = Bilingual(
    zh="请指定操作：attendees import 文件 或 attendees find 胸卡号。",
    en="Say what to do: attendees import FILE or attendees find CODE.",
)
FIELDS_HELP = "badge_code, person_name, company, title, mobile, email, ignore"


def register(commands: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    attendees = commands.add_parser(
        "attendees", parents=[common], help="the organiser's attendee list (badge codes)"
    )
    actions = attendees.add_subparsers(dest="attendees_action", metavar="ACTION")
    importer = actions.add_parser(
        "import",
        parents=[common],
        help="import the attendee list from a .csv or .xlsx file (all or nothing)",
        description="Columns are recognised by their Chinese or English names (胸卡号/badge "
        "code, 姓名/name, 公司/company, 职务/title, 手机/mobile, 邮箱/email). CSV may be UTF-8 "
        "(with or without BOM), UTF-16 or GB18030. Importing again updates, never duplicates.",
    )
    importer.add_argument("file", type=Path, help="the .csv or .xlsx file")
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=f"use the file's COLUMN for FIELD ({FIELDS_HELP}); may be repeated",
    )
    finder = actions.add_parser("find", parents=[common], help="look a badge code up")
    finder.add_argument("code", help="the badge code, as scanned")
    return {"attendees": run_attendees}


def run_attendees(args: argparse.Namespace) -> int:
    lang = language_of(args)
    if args.attendees_action == "import":
        return _run_import(args, lang)
    if args.attendees_action == "find":
        return _run_find(args, lang)
    say(WHICH_ACTION, lang)
    return EXIT_FAILED


def _run_import(args: argparse.Namespace, lang: str) -> int:
    from catalog_app.services.attendees import parse_mapping, read_attendees, write_attendees
    from catalog_app.store.database import open_database

    mapping = parse_mapping(args.map, args.file.name)
    rows, report = read_attendees(args.file, mapping)  # checked before the database is opened
    database = open_database(target_of(args))
    try:
        report = write_attendees(database, rows, report)
    finally:
        database.close()
    print(report.summary(lang))
    return EXIT_OK


def _run_find(args: argparse.Namespace, lang: str) -> int:
    from catalog_app.services.attendees import find_attendee
    from catalog_app.store.database import open_database

    database = open_database(target_of(args))
    try:
        found = find_attendee(database, args.code)
    finally:
        database.close()
    if found is None:
        say(NOT_FOUND, lang, code=args.code)
        return EXIT_FAILED
    parts = [found.badge_code, found.person_name, found.company, found.title, found.mobile]
    print(" · ".join(part for part in (*parts, found.email) if part))
    return EXIT_OK
