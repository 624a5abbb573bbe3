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
STARTED = time.perf_counter()  # the module is imported right after the CLI parses


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
    from catalog_app.commands.smoke_steps import (
        check_qt_locale_data,
        export_xlsx,
        open_sample_fair,
        print_to_pdf,
        render_intent_pdf,
        save_lead,
        show_main_window,
    )

    print(f"smoke-test: catalog-app {_version()} ({_kind()}), database {run.db_path}", flush=True)
    try:
        if run.step("database", open_sample_fair) and run.step("window", show_main_window):
            if window_only:
                return EXIT_OK
            run.step("qt-locale", check_qt_locale_data)
            run.step("qt-print", print_to_pdf)
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
    kind = "frozen bundle" if getattr(sys, "frozen", False) else f"Python {sys.version.split()[0]}"
    return f"{kind}, UTF-8 mode" if sys.flags.utf8_mode else kind
