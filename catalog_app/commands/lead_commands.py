"""``leads import FILE.csv|.xlsx [--map COLUMN=field …]``: leads collected elsewhere.

The file is read and checked before the database is touched; a bad file lists every problem
with its row, column and reason and writes nothing. Importing the same file again adds nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from catalog_app.commands.support import EXIT_FAILED, EXIT_OK, Handler, language_of, say, target_of
from catalog_app.domain.text import Bilingual

WHICH_ACTION = Bilingual(
    zh="请指定操作：leads import 文件。", en="Say what to do: leads import FILE."
)


def register(commands: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    from catalog_app.services.lead_import_columns import IGNORE, IMPORT_FIELDS

    leads = commands.add_parser("leads", parents=[common], help="leads: import a file of leads")
    actions = leads.add_subparsers(dest="leads_action", metavar="ACTION")
    importer = actions.add_parser(
        "import",
        parents=[common],
        help="import leads collected elsewhere from a .csv or .xlsx file (all or nothing)",
        description="Columns are recognised by their Chinese or English names (姓名/name, "
        "公司/单位/company, 手机/mobile/phone, 座机/landline, 邮箱/email, 职务/title, 微信/wechat, "
        "行业/industry, 车队规模/fleet size, 意向车型/model, 数量/quantity, 评级/rating, "
        "备注/notes, 统一社会信用代码/credit code, 同意/consent, 日期/date …). CSV may be UTF-8 "
        "(with or without BOM), UTF-16 or GB18030. A bad file reports row, column and reason "
        "and writes nothing; importing the same file again adds nothing.",
    )
    importer.add_argument("file", type=Path, help="the .csv or .xlsx file")
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=f"use the file's COLUMN for FIELD ({', '.join((*IMPORT_FIELDS, IGNORE))}); "
        "may be repeated",
    )
    return {"leads": run_leads}


def run_leads(args: argparse.Namespace) -> int:
    lang = language_of(args)
    if args.leads_action == "import":
        return _run_import(args, lang)
    say(WHICH_ACTION, lang)
    return EXIT_FAILED


def _run_import(args: argparse.Namespace, lang: str) -> int:
    from catalog_app.services.lead_import import (
        LeadImportError,
        model_catalog,
        read_leads,
        write_leads,
    )
    from catalog_app.services.lead_import_columns import MappingError, parse_mapping
    from catalog_app.store.database import open_database

    try:
        mapping = parse_mapping(args.map)
    except MappingError as exc:
        raise LeadImportError("--map", exc.problems) from exc
    if not args.file.is_file():  # checked before a database file is created for nothing
        from catalog_app.services.attendee_files import read_table

        read_table(args.file)
    database = open_database(target_of(args))
    try:
        rows, report = read_leads(args.file, mapping, model_catalog(database))
        report = write_leads(database, rows, report, staff_id=None, via="command line")
    finally:
        database.close()
    print(report.summary(lang))
    return EXIT_OK
