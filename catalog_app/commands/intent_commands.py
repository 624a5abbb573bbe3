"""``intent list [--json]``, ``intent pdf REF --out FILE.pdf`` and ``intent status REF STATUS``.

``list`` shows the latest revision of each purchase-intent form (filters: ``--status``,
``--text``; ``--all-revisions`` shows earlier revisions too). ``pdf`` writes a form as PDF — the
latest revision, or ``--revision N``; REF may be a scanned QR payload (``REF-R2``) — and leaves
its status alone unless ``--mark-printed``. ``status`` moves a form to printed, signed or
cancelled (timed and audited like in the app).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from catalog_app.commands.support import EXIT_FAILED, EXIT_OK, Handler, language_of, say, target_of
from catalog_app.domain.enums import IntentStatus
from catalog_app.domain.text import Bilingual

WHICH_ACTION = Bilingual(
    zh="请指定操作：intent list、intent pdf 编号 --out 文件.pdf 或 intent status 编号 状态。",
    en="Say what to do: intent list, intent pdf REF --out FILE.pdf or intent status REF STATUS.",
)
WROTE = Bilingual(
    zh="已写出 {reference}（第 {revision} 版）：{path}",
    en="Wrote {reference} (revision {revision}): {path}",
)
MARKED = Bilingual(zh="{reference} 已标记为已打印。", en="{reference} is now marked printed.")
CHANGED = Bilingual(zh="{reference} 的状态：{status}", en="{reference} is now {status}.")
NONE_FOUND = Bilingual(zh="没有符合条件的意向书。", en="No intent form matches.")
HEADERS = {
    "zh": ("编号", "版", "状态", "日期", "买方", "台数", "金额（元）"),
    "en": ("Reference", "Rev", "Status", "Date", "Buyer", "Units", "Value (CNY)"),
}


def register(commands: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    intent = commands.add_parser(
        "intent", parents=[common], help="purchase-intent forms: list, write as PDF, set status"
    )
    actions = intent.add_subparsers(dest="intent_action", metavar="ACTION")
    lister = actions.add_parser("list", parents=[common], help="list the intent forms")
    lister.add_argument("--json", action="store_true", help="print JSON (one object per form)")
    lister.add_argument(
        "--status",
        action="append",
        default=[],
        choices=[s.value for s in IntentStatus],
        help="only forms in this status (may be repeated)",
    )
    lister.add_argument("--text", default="", help="reference, buyer or model contains this")
    lister.add_argument(
        "--all-revisions", action="store_true", help="also earlier revisions of edited forms"
    )
    pdf = actions.add_parser("pdf", parents=[common], help="write a form as PDF")
    pdf.add_argument("reference", help="the form's reference (or its QR payload)")
    pdf.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="where to write")
    pdf.add_argument("--revision", type=int, help="an earlier revision (default: the latest)")
    pdf.add_argument(
        "--mark-printed", action="store_true", help="then mark a draft as printed (audited)"
    )
    status = actions.add_parser("status", parents=[common], help="set a form's status")
    status.add_argument("reference", help="the form's reference")
    status.add_argument(
        "status",
        choices=[s.value for s in IntentStatus if s is not IntentStatus.DRAFT],
        help="the new status",
    )
    status.add_argument("--note", default="", help="why (kept with the status change)")
    return {"intent": run_intent}


def run_intent(args: argparse.Namespace) -> int:
    lang = language_of(args)
    handler = {"list": _run_list, "pdf": _run_pdf, "status": _run_status}.get(
        args.intent_action or ""
    )
    if handler is None:
        say(WHICH_ACTION, lang)
        return EXIT_FAILED
    from catalog_app.store.database import open_database

    database = open_database(target_of(args))
    try:
        return handler(args, database, lang)
    finally:
        database.close()


def _run_list(args: argparse.Namespace, database: Any, lang: str) -> int:
    from catalog_app.domain.intent_terms import STATUS_LABELS
    from catalog_app.services.intent_query import IntentFilter, list_intents

    flt = IntentFilter(
        text=args.text,
        statuses=frozenset(IntentStatus(s) for s in args.status),
        include_superseded=args.all_revisions,
    )
    rows = []
    offset = 0
    while True:
        page = list_intents(database, flt, offset=offset, limit=500)
        rows.extend(page)
        if len(page) < 500:
            break
        offset += 500
    if args.json:
        payload = [
            {
                "id": str(row.id),
                "reference": row.reference,
                "revision": row.revision,
                "status": row.status.value,
                "issued_on": row.issued_on.isoformat() if row.issued_on else None,
                "buyer": row.buyer_company,
                "exhibitor": row.exhibitor(lang),
                "units": row.total_units,
                "value_cny": str(row.total_value),
                "models": row.models,
            }
            for row in rows
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        say(NONE_FOUND, lang)
        return EXIT_OK
    key = "zh" if lang.startswith("zh") else "en"
    table = [HEADERS[key]] + [
        (
            row.reference,
            str(row.revision),
            STATUS_LABELS[row.status].render(lang),
            row.issued_on.isoformat() if row.issued_on else "",
            row.buyer_company,
            f"{row.total_units:,}",
            f"{row.total_value:,.2f}",
        )
        for row in rows
    ]
    print(_format_table(table))
    return EXIT_OK


def _display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _format_table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(_display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    numeric = {1, 5, 6}
    lines = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            pad = " " * (widths[index] - _display_width(cell))
            cells.append(pad + cell if index in numeric else cell + pad)
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _run_pdf(args: argparse.Namespace, database: Any, lang: str) -> int:
    from catalog_app.services.intent_render import IntentRenderer, write_pdf
    from catalog_app.services.intents import IntentService

    intents = IntentService(database)
    record = intents.find(args.reference, args.revision)
    path = write_pdf(IntentRenderer(database).render_record(record), args.out)
    say(WROTE, lang, reference=record.reference, revision=record.revision, path=path)
    if args.mark_printed and intents.mark_printed([record.id]):
        say(MARKED, lang, reference=record.reference)
    return EXIT_OK


def _run_status(args: argparse.Namespace, database: Any, lang: str) -> int:
    from catalog_app.domain.intent_terms import STATUS_LABELS
    from catalog_app.services.intents import IntentService

    intents = IntentService(database)
    record = intents.find(args.reference)
    status = IntentStatus(args.status)
    intents.set_status(record.id, status, note=args.note)
    say(CHANGED, lang, reference=record.reference, status=STATUS_LABELS[status].render(lang))
    return EXIT_OK
