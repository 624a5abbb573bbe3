"""``export`` (leads to XLSX, CSV, a CRM layout or vCards; managers only) and ``report`` (the
fair report as a PDF).

    catalog-app export --format xlsx --out leads.xlsx --staff "经理 周敏" [filters]
    catalog-app report --out fair-report.pdf

An export needs a manager's PIN: from the prompt, from ``$CATALOG_APP_PIN``, or the first line of
standard input with ``--pin-stdin``. Filters are those of the lead list (see docs/exports.md).
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from catalog_app.commands.support import EXIT_OK, Handler, language_of, say, target_of
from catalog_app.domain.enums import FollowUp, Industry, LeadSource, Rating
from catalog_app.domain.text import Bilingual, UserFacingError

EXPORTED = Bilingual(
    zh="已导出 {rows} 条线索到 {path}（{format}）{marked}",
    en="Exported {rows} lead(s) to {path} ({format}){marked}",
)
MARKED = Bilingual(zh="，已标记为已导出", en="; marked as exported")
REPORT_DONE = Bilingual(
    zh="已生成展会报告 {path}：{leads} 条线索，{forms} 份意向书。",
    en="Wrote the fair report {path}: {leads} lead(s), {forms} purchase intent(s).",
)
PIN_PROMPT = Bilingual(zh="{name} 的 PIN：", en="PIN of {name}: ")
NO_PIN = Bilingual(
    zh="需要经理的 PIN：请在提示时输入，或设置 CATALOG_APP_PIN，或使用 --pin-stdin。",
    en="A manager's PIN is needed: type it when asked, set CATALOG_APP_PIN, or use --pin-stdin.",
)
NO_MANAGER = Bilingual(
    zh="还没有经理账户，无法导出线索。请先在“设置 → 员工”中创建经理。",
    en="There is no manager account yet, so leads cannot be exported. Create one first "
    "(Settings → Staff).",
)
BAD_DATE = Bilingual(
    zh="日期“{value}”无效，请写成 YYYY-MM-DD。", en='"{value}" is not a date; write YYYY-MM-DD.'
)
DATE_OUT_OF_RANGE = Bilingual(
    zh="日期“{value}”超出了可用的日期范围。", en='"{value}" is outside the range of usable dates.'
)
BAD_OFFSET = Bilingual(
    zh="时区偏移“{value}”无效，请写成 +08:00。", en='"{value}" is not a UTC offset; write +08:00.'
)
BAD_VALUE = Bilingual(
    zh="{option} 的值“{value}”无效。可选：{known}",
    en='"{value}" is not a value of {option}. Known: {known}',
)


def register(commands: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    from catalog_app.services.exports import CsvEncoding, ExportFormat

    export = commands.add_parser(
        "export",
        parents=[common],
        help="export leads to xlsx, csv, a CRM import layout or vCards (managers only)",
        description="Export leads (managers only; audited). See docs/exports.md for every "
        "column and the CRM mappings.",
    )
    export.add_argument(
        "--format",
        required=True,
        choices=[f.value for f in ExportFormat],
        help="xlsx (leads and interests sheets), csv (for Excel), salesforce / hubspot (CRM "
        "import layouts), vcard (contacts)",
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE", help="file to write")
    export.add_argument("--staff", required=True, metavar="NAME", help="the manager exporting")
    export.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
    export.add_argument(
        "--encoding",
        choices=[e.value for e in CsvEncoding],
        help="csv/crm text encoding (csv: utf-8-sig, crm: utf-8 by default)",
    )
    export.add_argument("--no-mark", action="store_true", help="do not mark leads as exported")
    filters = export.add_argument_group("which leads")
    filters.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="captured on or after"
    )
    filters.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="captured on or before")
    filters.add_argument("--rating", action="append", default=[], help="hot,warm,cold,unrated")
    filters.add_argument(
        "--model", action="append", default=[], metavar="CODE", help="wanted this model"
    )
    filters.add_argument("--by", action="append", default=[], metavar="STAFF", help="captured by")
    filters.add_argument("--source", action="append", default=[], help="booth,kiosk,import,sample")
    filters.add_argument(
        "--device", action="append", default=[], metavar="CODE", help="captured on this device"
    )
    filters.add_argument(
        "--industry",
        action="append",
        default=[],
        help=", ".join(i.value for i in Industry),
    )
    filters.add_argument(
        "--follow-up", action="append", default=[], help=", ".join(f.value for f in FollowUp)
    )
    filters.add_argument("--purpose", metavar="PURPOSE", help="only leads who consented to it")
    filters.add_argument("--not-exported", action="store_true", help="only leads never exported")
    _offset_option(export)

    report = commands.add_parser(
        "report", parents=[common], help="write the fair report (PDF: figures, charts, tables)"
    )
    report.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    _offset_option(report)
    return {"export": run_export, "report": run_report}


def _offset_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--utc-offset", metavar="+HH:MM", help="times at this offset (default: this computer's)"
    )


def parse_offset(text: str | None) -> timedelta | None:
    if not text:
        return None
    match = re.fullmatch(r"(?:UTC)?([+-])(\d{1,2})(?::?(\d{2}))?", text.strip())
    if not match or int(match.group(3) or 0) > 59:
        raise UserFacingError(BAD_OFFSET, value=text)
    sign = 1 if match.group(1) == "+" else -1
    size = timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
    if size > timedelta(hours=14):  # the widest offset in use (UTC+14)
        raise UserFacingError(BAD_OFFSET, value=text)
    return sign * size


def _date(text: str, offset: timedelta, days_after: int = 0) -> datetime:
    """The start of the day ``text`` (or ``days_after`` days later) at ``offset``, in UTC."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError as exc:
        raise UserFacingError(BAD_DATE, value=text) from exc
    try:
        start = datetime(day.year, day.month, day.day, tzinfo=timezone(offset))
        return (start + timedelta(days=days_after)).astimezone(UTC)
    except OverflowError as exc:  # 0001-01-01 east of UTC, 9999-12-31 as an end
        raise UserFacingError(DATE_OUT_OF_RANGE, value=text) from exc


def _values(option: str, given: list[str], known: list[str]) -> list[str]:
    values = [v.strip() for item in given for v in item.split(",") if v.strip()]
    for value in values:
        if value not in known:
            raise UserFacingError(BAD_VALUE, option=option, value=value, known=", ".join(known))
    return values


def build_filter(args: argparse.Namespace, database: Any, offset: timedelta) -> Any:
    """The ``LeadFilter`` the command line asks for (names resolved in ``database``)."""
    from catalog_app.services.exports.choices import filter_choices, resolve
    from catalog_app.services.lead_query import LeadFilter

    ratings = _values("--rating", args.rating, [r.value for r in Rating] + ["unrated"])
    choices = filter_choices(database) if (args.model or args.by or args.device) else None
    return LeadFilter(
        ratings=frozenset(Rating(r) for r in ratings if r != "unrated"),
        unrated="unrated" in ratings,
        model_ids=resolve(choices.models, "model", args.model) if choices else frozenset(),
        staff_ids=resolve(choices.staff, "staff", args.by) if choices else frozenset(),
        device_ids=resolve(choices.devices, "device", args.device) if choices else frozenset(),
        sources=frozenset(
            LeadSource(s) for s in _values("--source", args.source, [s.value for s in LeadSource])
        ),
        industries=frozenset(_values("--industry", args.industry, [i.value for i in Industry])),
        follow_ups=frozenset(
            FollowUp(f) for f in _values("--follow-up", args.follow_up, [f.value for f in FollowUp])
        ),
        captured_from=_date(args.date_from, offset) if args.date_from else None,
        captured_to=_date(args.date_to, offset, days_after=1) if args.date_to else None,
        consent_purpose=args.purpose or None,
        only_not_exported=args.not_exported,
    )


def _manager(args: argparse.Namespace, database: Any, lang: str) -> Any:
    """The manager named by ``--staff``, signed in with their PIN."""
    from catalog_app.services.accounts import AccountService
    from catalog_app.services.exports.choices import Choice, resolve

    accounts = AccountService(database)
    if not accounts.has_manager():
        raise UserFacingError(NO_MANAGER)
    members = accounts.list_staff()
    chosen = resolve(
        tuple(Choice(m.id, m.display_name, m.display_name, m.display_name) for m in members),
        "staff",
        [args.staff],
    )
    member = next(m for m in members if m.id in chosen)
    pin = os.environ.get("CATALOG_APP_PIN", "")
    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    elif not pin and sys.stdin.isatty():
        pin = getpass.getpass(PIN_PROMPT.render(lang, name=member.display_name))
    if not pin:
        raise UserFacingError(NO_PIN)
    return accounts.authenticate(member.id, pin)


def _progress(lang: str) -> Any:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, phase: Any) -> None:
        print(f"\r{phase.value}: {done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    return show


def run_export(args: argparse.Namespace) -> int:
    from catalog_app.services.exports import (
        CsvEncoding,
        ExportFormat,
        ExportRequest,
        FileOptions,
        export_leads,
    )
    from catalog_app.services.exports.moments import local_offset
    from catalog_app.store.database import open_database

    lang = language_of(args)
    offset = parse_offset(args.utc_offset)
    database = open_database(target_of(args))
    try:
        actor = _manager(args, database, lang)
        request = ExportRequest(
            ExportFormat(args.format),
            args.out,
            filter=build_filter(args, database, offset if offset is not None else local_offset()),
            options=FileOptions(
                lang=lang, encoding=CsvEncoding(args.encoding) if args.encoding else None
            ),
            mark_exported=not args.no_mark,
            utc_offset=offset,
        )
        result = export_leads(database, request, actor=actor, progress=_progress(lang))
    finally:
        database.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    suffix = MARKED.render(lang) if result.marked else ""
    say(
        EXPORTED,
        lang,
        rows=result.rows,
        path=result.path,
        format=result.format.value,
        marked=suffix,
    )
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from catalog_app.services.exports.fair_report import write_fair_report
    from catalog_app.store.database import open_database

    lang = language_of(args)
    offset = parse_offset(args.utc_offset)
    database = open_database(target_of(args))
    try:
        result = write_fair_report(database, args.out, lang, offset=offset)
    finally:
        database.close()
    figures = result.figures
    say(REPORT_DONE, lang, path=result.path, leads=figures.total_leads, forms=figures.intent_forms)
    return EXIT_OK
