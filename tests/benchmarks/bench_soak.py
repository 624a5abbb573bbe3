"""The soak test as rows of the table: 10,000 captures through the real main window with random
other actions (``tests/reliability/test_soak.py``), run once in a child pytest.

The child runs with ``CATALOG_SOAK_CAPTURES`` = 10,000 (1,000 with --quick; an exported
``CATALOG_SOAK_CAPTURES`` wins) and writes its figures as JSON (``CATALOG_SOAK_REPORT``). The
baseline of both rows is the app itself at the start of the run, after the warm-up: the goal is
to be no slower and no bigger at the end than at the start.

``soak.captures`` rows:
- capture time (empty form to "saved") in CPU seconds of the process: median of the last 1,000
  captures against the first 1,000 (a fifth of the run, at most 1,000, for shorter runs). Goal:
  the test's ``MAX_SLOWDOWN``, which the test asserts.
- the same in wall time, with the same goal: reported, not asserted (other people's jobs on the
  shared machine move it by 2x within minutes).
- RSS after the run against RSS after the warm-up, both in the same screens after a garbage
  collection and ``malloc_trim``; the heap in use (glibc's ``mallinfo2``) outside SQLite, and
  SQLite's own (``sqlite3_memory_used``: page caches and statements, which fill as the file
  grows) likewise. Goals: the test's flat limits (``RSS_LIMIT_MIB``, ``HEAP_LIMIT_MIB``,
  ``SQLITE_LIMIT_MIB``: what a run may add whatever its length); a --quick run is judged against
  the same figures.

The test's own verdict (it also checks every lead is stored, no widget is left behind, and the
database is sound) is printed with the progress lines; its output stays in the scratch folder
with --keep. RSS is read from ``/proc`` (Linux); elsewhere the memory row reads "error".
About 20 minutes for 10,000 captures on the 2-core dev VM.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.benchmarks.harness import MIB, Benchmark, Pair, RunContext, register
from tests.reliability.test_soak import (
    HEAP_LIMIT_MIB,
    MAX_SLOWDOWN,
    RSS_LIMIT_MIB,
    SQLITE_LIMIT_MIB,
)

FULL, QUICK = 10_000, 1_000
REPO_ROOT = Path(__file__).resolve().parents[2]
TEST = "tests/reliability/test_soak.py"


def run_soak(ctx: RunContext) -> dict[str, Any]:
    """Run the soak test in a child pytest; its figures (and whether it passed)."""
    captures = os.environ.get("CATALOG_SOAK_CAPTURES") or str(QUICK if ctx.quick else FULL)
    folder = ctx.folder("soak")
    report = folder / "soak.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CATALOG_SOAK_CAPTURES": captures,
        "CATALOG_SOAK_REPORT": str(report),
    }
    command = [sys.executable, "-m", "pytest", TEST, "-q", "-p", "no:cacheprovider"]
    command += ["--basetemp", str(folder / "pytest")]
    with open(folder / "pytest.log", "w", encoding="utf-8") as log:
        done = subprocess.run(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    if not report.exists():
        raise RuntimeError(f"no figures from the soak test (exit {done.returncode}): {log.name}")
    figures: dict[str, Any] = json.loads(report.read_text("utf-8"))
    figures["passed"] = done.returncode == 0
    return figures


@register(
    "soak.captures",
    [
        Benchmark(
            "soak: capture to saved, CPU, last 1,000 of 10,000 vs first 1,000 (median)",
            subject="median CPU time of the last 1,000 captures (200 of 1,000 with --quick)",
            baseline="the same over the first 1,000 after the warm-up",
            goal_ratio=MAX_SLOWDOWN,
            metric="cpu",
        ),
        Benchmark(
            "  the same, wall time",
            subject="median wall time of the last 1,000 captures",
            baseline="the same over the first 1,000",
            goal_ratio=MAX_SLOWDOWN,
            metric="capture",
        ),
        Benchmark(
            "soak: RSS after 10,000 captures vs after the warm-up",
            subject="RSS at the end (same screens, after gc and malloc_trim)",
            baseline="RSS after the warm-up (200 captures, every action twice)",
            goal_increase=RSS_LIMIT_MIB,
            metric="rss",
            unit=MIB,
        ),
        Benchmark(
            "soak: heap in use outside SQLite after 10,000 captures vs after the warm-up",
            subject="malloc's bytes in use (mallinfo2) less SQLite's, at the end, same state",
            baseline="the same after the warm-up",
            goal_increase=HEAP_LIMIT_MIB,
            metric="heap",
            unit=MIB,
        ),
        Benchmark(
            "soak: SQLite's memory (page caches, statements) after 10,000 captures",
            subject="sqlite3_memory_used at the end (the file is 10,000 leads bigger)",
            baseline="the same after the warm-up",
            goal_increase=SQLITE_LIMIT_MIB,
            metric="sqlite",
            unit=MIB,
        ),
    ],
    repeat=1,
    quick_repeat=1,
    warmup=0,
)
@contextmanager
def soak(ctx: RunContext) -> Iterator[Pair]:
    figures = run_soak(ctx)
    end = {"capture": figures["last_median_s"], "cpu": figures["cpu_last_median_s"]}
    start = {"capture": figures["first_median_s"], "cpu": figures["cpu_first_median_s"]}
    if figures["rss_start_mib"] is not None and figures["rss_end_mib"] is not None:
        end["rss"], start["rss"] = figures["rss_end_mib"], figures["rss_start_mib"]
    heap_start, heap_end = figures["heap_start_end_mib"]
    sqlite_start, sqlite_end = figures["sqlite_start_end_mib"]
    if sqlite_start is not None and sqlite_end is not None:
        end["sqlite"], start["sqlite"] = sqlite_end, sqlite_start
        if heap_start is not None and heap_end is not None:
            end["heap"], start["heap"] = heap_end - sqlite_end, heap_start - sqlite_start
    print(
        f"  soak: {figures['captures']} captures in {figures['run_seconds']:.0f} s,"
        f" test {'passed' if figures['passed'] else 'FAILED'}; actions {figures['actions']};"
        f" widgets {figures['widgets']};"
        f" (captures, RSS, heap, SQLite) by tenth {figures['rss_heap_sqlite_checkpoints_mib']}",
        file=sys.stderr,
    )
    yield Pair(subject=lambda: end, baseline=lambda: start)
