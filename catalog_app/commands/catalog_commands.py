"""``demo`` (the sample fair) and ``import`` (catalog JSON or a workbook of models)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from catalog_app.commands.support import EXIT_OK, Handler, language_of, say, target_of
from catalog_app.domain.text import Bilingual

DEMO_DONE = Bilingual(
    zh='示例展会数据库已就绪：{path}\n{summary}\n启动：catalog-app --db "{path}"',
    en="The sample fair database is ready: {path}\n{summary}\n"
    'Start it with: catalog-app --db "{path}"',
)
TEMPLATE_DONE = Bilingual(
    zh="已写出空白车型表：{path}", en="Wrote an empty workbook of models: {path}"
)


def register(commands: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
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
    return {"demo": run_demo, "import": run_import}


def run_demo(args: argparse.Namespace) -> int:
    from catalog_app.services.demo import build_demo_database

    lang = language_of(args)
    path, report = build_demo_database(Path(args.db) if args.db else None, fresh=args.fresh)
    say(DEMO_DONE, lang, path=path, summary=report.summary(lang))
    if args.start:
        from catalog_app.ui.app import run_gui

        return run_gui(str(path), lang)
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    if args.template:
        from catalog_app.services.catalog_template import write_models_template

        say(TEMPLATE_DONE, language_of(args), path=write_models_template(args.file))
        return EXIT_OK
    from catalog_app.services.catalog_import import import_catalog
    from catalog_app.store.database import open_database

    database = open_database(target_of(args))
    try:
        report = import_catalog(database, args.file)
    finally:
        database.close()
    print(report.summary(language_of(args)))
    return EXIT_OK
