"""Hidden ``catalog-app smoke-test``: prove that a build of the app works, end to end.

Made for the frozen bundle (``build/smoke_test.py`` drives it), it runs just as well from a
source checkout. On a database (``--db``; default: a new sample-fair file in a temporary folder
that is removed afterwards) it:

1. opens (creating and migrating it with the shipped Alembic scripts if new) the sample fair;
2. shows the main window (offscreen unless ``--platform`` says otherwise) with the bundled
   Chinese font and the compiled translations, visits every page, runs the event loop briefly,
   and can save a screenshot;
3. saves a lead through ``LeadService`` and reads it back;
4. renders an intent PDF and 5. exports leads to XLSX through their services, when this build
   has them.

Each step prints PASS, SKIPPED (with the reason) or FAIL (with the error); the exit code is 0
when nothing failed (``--strict``: and nothing was skipped). ``--window-only`` stops after the
window and prints ``SHOWN <seconds>`` (the start-up benchmark reads it). The output is for
developers and build machines, so it is in English.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog_app.commands.support import EXIT_FAILED, EXIT_OK, Handler, language_of

PASS = "PASS"
SKIPPED = "SKIPPED"
FAIL = "FAIL"
SMOKE_DB_NAME = "smoke-fair.sqlite"
DEFAULT_EVENT_LOOP_MS = 400
_STARTED = time.perf_counter()  # the module is imported right after the CLI parses


class Skip(Exception):  # noqa: N818 - reads as the step's outcome
    """A step that cannot run in this build (the feature is not in it); the reason is shown."""


@dataclass
class SmokeRun:
    """What the steps share: options, the open database, where files go, the results."""

    db_path: Path
    out_dir: Path
    lang: str
    platform: str
    screenshot: Path | None
    event_loop_ms: int
    database: Any = None
    results: list[tuple[str, str, str]] = field(default_factory=list)
    lead_id: Any = None

    def step(self, name: str, action: Callable[[SmokeRun], str]) -> bool:
        """Run one step, print and keep its outcome; False when it failed."""
        try:
            status, detail = PASS, action(self)
        except Skip as reason:
            status, detail = SKIPPED, str(reason)
        except Exception as exc:  # a smoke test reports every failure and goes on
            status = FAIL
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            traceback.print_exc(file=sys.stderr)
        self.results.append((name, status, detail))
        print(f"smoke-test: {status:<8} {name:<12} {detail}", flush=True)
        return status != FAIL


def register(commands: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    # No help=...: argparse then leaves the command out of ``catalog-app --help``.
    smoke = commands.add_parser(
        "smoke-test", parents=[common], description="Prove that this build works, end to end."
    )
    smoke.add_argument("--out", type=Path, help="keep the PDF and XLSX in this folder")
    smoke.add_argument("--screenshot", type=Path, help="save the main window as this PNG")
    smoke.add_argument(
        "--platform", default="offscreen", help="Qt platform for the window (default: offscreen)"
    )
    smoke.add_argument(
        "--event-loop-ms", type=int, default=DEFAULT_EVENT_LOOP_MS, help=argparse.SUPPRESS
    )
    smoke.add_argument(
        "--window-only", action="store_true", help="stop after the window; print SHOWN seconds"
    )
    smoke.add_argument("--strict", action="store_true", help="a skipped step fails the run")
    return {"smoke-test": run_smoke_test}


def run_smoke_test(args: argparse.Namespace) -> int:
    scratch = Path(tempfile.mkdtemp(prefix="catalog-app-smoke-"))
    try:
        run = SmokeRun(
            db_path=Path(args.db).expanduser().resolve() if args.db else scratch / SMOKE_DB_NAME,
            out_dir=args.out.expanduser().resolve() if args.out else scratch,
            lang=language_of(args),
            platform=args.platform,
            screenshot=args.screenshot,
            event_loop_ms=max(0, args.event_loop_ms),
        )
        run.out_dir.mkdir(parents=True, exist_ok=True)
        return _run_steps(run, window_only=args.window_only, strict=args.strict)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run_steps(run: SmokeRun, *, window_only: bool, strict: bool) -> int:
    print(f"smoke-test: catalog-app {_version()} ({_kind()}), database {run.db_path}", flush=True)
    try:
        if run.step("database", open_sample_fair) and run.step("window", show_main_window):
            if window_only:
                return EXIT_OK
            run.step("qt-locale", check_qt_locale_data)
            run.step("lead", save_lead)
            run.step("intent-pdf", render_intent_pdf)
            run.step("xlsx-export", export_xlsx)
    finally:
        if run.database is not None:
            run.database.close()
    counts = {status: sum(1 for r in run.results if r[1] == status) for status in (PASS, SKIPPED)}
    failed = len(run.results) - counts[PASS] - counts[SKIPPED]
    print(
        f"smoke-test: {counts[PASS]} passed, {counts[SKIPPED]} skipped, {failed} failed",
        flush=True,
    )
    if failed or (strict and counts[SKIPPED]):
        return EXIT_FAILED
    return EXIT_OK


def _version() -> str:
    from catalog_app import __version__

    return __version__


def _kind() -> str:
    return "frozen bundle" if getattr(sys, "frozen", False) else f"Python {sys.version.split()[0]}"


# --- the steps ----------------------------------------------------------------------------------


def open_sample_fair(run: SmokeRun) -> str:
    """Create the sample fair if the file is new (Alembic migrations from the shipped scripts),
    then open it."""
    from catalog_app.services.catalog import CatalogService
    from catalog_app.store.database import open_database

    created = not run.db_path.exists()
    if created:
        from catalog_app.services.demo import build_demo_database

        build_demo_database(run.db_path)
    run.database = open_database(str(run.db_path), backup_on_open=False)
    count = CatalogService(run.database).count_models()
    if count == 0:
        raise RuntimeError("the database holds no truck models")
    revision = run.database.schema_revision()
    made = "created with the sample fair" if created else "opened"
    return f"{made}: {count} models, schema {revision}"


def show_main_window(run: SmokeRun) -> str:
    """The real main window with the bundled font and translations; every page visited."""
    os.environ["QT_QPA_PLATFORM"] = run.platform
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QFontInfo

    from catalog_app.ui.app import prepare_application
    from catalog_app.ui.app_state import AppState
    from catalog_app.ui.fonts import BUNDLED_FAMILY
    from catalog_app.ui.main_window import MainWindow

    app, languages = prepare_application(run.lang)
    if languages.problem:
        raise RuntimeError(languages.problem)
    window = MainWindow(AppState(run.database, languages))
    window.show()
    app.processEvents()
    shown = time.perf_counter() - _STARTED
    print(f"SHOWN {shown:.6f}", flush=True)
    pages = window.navigation.count()
    for row in range(pages):
        window.navigation.setCurrentRow(row)
        app.processEvents()
    window.navigation.setCurrentRow(0)
    QTimer.singleShot(run.event_loop_ms, app.quit)
    app.exec()
    family = QFontInfo(window.font()).family()
    if family != BUNDLED_FAMILY:
        raise RuntimeError(f"the window draws with {family!r}, not the bundled {BUNDLED_FAMILY}")
    if run.screenshot is not None:
        run.screenshot.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(run.screenshot)):
            raise RuntimeError(f"could not save the screenshot {run.screenshot}")
    window.close()
    title = window.windowTitle()
    return f"{title!r} shown after {shown:.2f} s on {app.platformName()}, {pages} pages, {family}"


def check_qt_locale_data(run: SmokeRun) -> str:
    """Qt's locale data (ICU on Linux, trimmed in the bundle) still sorts and names Chinese."""
    from PySide6.QtCore import QCollator, QLocale

    china = QLocale("zh_CN")
    collator = QCollator(china)
    places = ["上海", "北京", "安顺", "遵义"]
    ordered = sorted(places, key=collator.sortKey)
    if ordered != ["安顺", "北京", "上海", "遵义"]:
        raise RuntimeError(f"Chinese collation is wrong (ICU data missing?): {ordered}")
    day, money = china.dayName(1), china.toCurrencyString(1234.5)
    if day != "星期一" or "1,234.50" not in money:
        raise RuntimeError(f"Chinese locale names are wrong: {day!r}, {money!r}")
    return f"pinyin collation {''.join(ordered)}, {day}, {money}"


def save_lead(run: SmokeRun) -> str:
    """A lead with a Chinese name, a mobile number, consent and an interest, saved durably."""
    from catalog_app.domain.enums import LeadSource
    from catalog_app.services.catalog import CatalogService
    from catalog_app.services.consent import current_consent
    from catalog_app.services.lead_input import InterestInput, LeadInput
    from catalog_app.services.leads import LeadService

    model = CatalogService(run.database).list_models()[0]
    consent = current_consent(run.lang)
    typed = LeadInput(
        person_name="冒烟测试 王工",
        company="贵州示例冷链物流有限公司（样例）",
        mobile="+86 138 0013 8000",
        email="smoke.test@example.cn",
        consent_given=True,
        consent_text=consent.text,
        consent_version=consent.version,
        consent_purposes=list(consent.purposes),
        interests=[InterestInput(model.id, quantity=3)],
        notes="smoke test of the build",
    )
    leads = LeadService(run.database)
    run.lead_id = leads.save(typed, source=LeadSource.BOOTH)
    saved = leads.get(run.lead_id)
    if saved.data.person_name != typed.person_name or len(saved.data.interests) != 1:
        raise RuntimeError(f"the lead read back differs: {saved.data}")
    return f"lead {run.lead_id} saved and read back ({model.code} x3)"


def render_intent_pdf(run: SmokeRun) -> str:
    raise Skip("this build has no intents service yet")


def export_xlsx(run: SmokeRun) -> str:
    raise Skip("this build has no exports service yet")
