"""Intent PDF benchmarks: one purchase-intent form rendered warm, against a bare canvas.

``intents.render``: the sample fair's signed form QLHT-SAMPLE-0001 (Chinese with English
sub-labels, one line, letterhead with logo, QR code, two pages). Subject: what printing or
previewing does after the form is read, ``render_intent_pdf(document)`` — layout, tables, logo,
QR code, watermark, page numbers, font subsetting, compression. A second row adds reading the
form from the database and building the document (``IntentRenderer.render(intent_id)``).
Baseline: a bare reportlab ``Canvas`` drawing the same text (every line the subject's PDF holds,
read back with pypdf) with the same font and size on as many pages, then saving — so font
subsetting and compression, which both sides pay, are in both. Goal: at most 1.5x, 50 ms.

``intents.render_long``: the same with a 60-line form (four pages), for information.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from catalog_app.documents.fonts import register_cjk_font
from catalog_app.documents.intent_pdf import render_intent_pdf
from catalog_app.services.demo import build_demo_database
from catalog_app.services.intent_data import LineInput
from catalog_app.services.intent_render import IntentRenderer
from catalog_app.services.intents import IntentService
from catalog_app.store.database import Database, open_sqlite
from tests.benchmarks.harness import Benchmark, Pair, RunContext, register

FONT_SIZE = 9.0
LINE_STEP = 11.0


def _demo(ctx: RunContext) -> Database:
    def build() -> Database:
        path, _report = build_demo_database(ctx.folder("intents") / "fair.sqlite")
        return open_sqlite(path, backup_on_open=False)

    database: Database = ctx.cached("intents-demo", build)
    return database


def _bare_canvas(pages: list[list[str]], font: str) -> bytes:
    """The least any code could do: the same lines, same font and size, same page count."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=font)
    for lines in pages:
        canvas.setFont(font, FONT_SIZE)
        y = A4[1] - 40
        for line in lines:
            canvas.drawString(40, y, line)
            y -= LINE_STEP
            if y < 40:  # a long page: keep drawing on the same page, further right
                y = A4[1] - 40
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _pair(database: Database, intent_id: object) -> Pair:
    renderer = IntentRenderer(database)
    record = IntentService(database).get(intent_id)  # type: ignore[arg-type]
    document = renderer.document(record)
    font = register_cjk_font()
    reference = render_intent_pdf(document)
    pages = [
        [line for line in (page.extract_text() or "").splitlines() if line.strip()]
        for page in PdfReader(io.BytesIO(reference)).pages
    ]

    def subject() -> dict[str, float]:
        start = time.perf_counter()
        data = renderer.render(intent_id)  # type: ignore[arg-type]
        total = time.perf_counter() - start
        start = time.perf_counter()
        render_intent_pdf(document)
        render = time.perf_counter() - start
        assert data[:5] == b"%PDF-"
        return {"render": render, "read_and_render": total}

    def baseline() -> dict[str, float]:
        start = time.perf_counter()
        _bare_canvas(pages, font)
        elapsed = time.perf_counter() - start
        return {"render": elapsed, "read_and_render": elapsed}

    return Pair(subject=subject, baseline=baseline)


@register(
    "intents.render",
    [
        Benchmark(
            "intent PDF rendered warm (1 line, 2 pages)",
            subject="render_intent_pdf(document) of QLHT-SAMPLE-0001",
            baseline="bare reportlab Canvas: the same text, font and size, same page count",
            goal_ratio=1.5,
            goal_seconds=0.05,
            metric="render",
        ),
        Benchmark(
            "intent read from the database and rendered",
            subject="IntentRenderer.render(intent_id): read the form, build the document, render",
            baseline="the same bare canvas",
            metric="read_and_render",
        ),
    ],
    repeat=25,
    quick_repeat=6,
    warmup=2,
)
@contextmanager
def render_one(ctx: RunContext) -> Iterator[Pair]:
    database = _demo(ctx)
    yield _pair(database, IntentService(database).find("QLHT-SAMPLE-0001").id)


@register(
    "intents.render_long",
    [
        Benchmark(
            "intent PDF rendered warm (60 lines)",
            subject="render_intent_pdf(document) of a 60-line form",
            baseline="bare reportlab Canvas: the same text, font and size, same page count",
            metric="render",
        ),
    ],
    repeat=10,
    quick_repeat=3,
    warmup=1,
)
@contextmanager
def render_long(ctx: RunContext) -> Iterator[Pair]:
    database = _demo(ctx)
    service = IntentService(database)
    data = service.find("QLHT-SAMPLE-0001").data
    template = data.lines[0]
    data.lines = [
        LineInput(
            model_id=template.model_id,
            model_name=f"{template.model_name} · {number:02d}",
            announcement_no=template.announcement_no,
            battery_config=template.battery_config,
            energy_mode=template.energy_mode,
            colour="白色",
            quantity=number,
            unit_price_cny=Decimal("458000"),
        )
        for number in range(1, 61)
    ]
    yield _pair(database, service.save(data).id)
