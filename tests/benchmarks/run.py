"""Run every benchmark and print one table: ``python -m tests.benchmarks.run [options]``.

Use ``bash scripts/bench.sh`` (it picks the project's Python and sets QT_QPA_PLATFORM=offscreen).
Every ``bench_*.py`` module in this folder is imported; each registers its suites with
``tests.benchmarks.harness.register``. The exit code is 0 when everything ran, goals missed or
not (this is a report); 1 when a benchmark module failed to import or a suite raised an error.

Options:
  --quick        fewer rounds (a smoke run; the figures are rougher)
  --only NAME    run only suites whose name or row names contain NAME (repeatable)
  --json FILE    also write the results as JSON
  --markdown FILE also write the table as Markdown (for the README)
  --workdir DIR  make the scratch databases under DIR (default: the system temp folder); the
                 save benchmark fsyncs, so DIR's disk is part of what is measured
  --keep         keep the scratch folder
  --list         list the suites and exit
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from tests.benchmarks import harness

PACKAGE = "tests.benchmarks"


def discover() -> list[tuple[str, BaseException]]:
    """Import every ``bench_*`` module of this package; return the ones that failed."""
    failures: list[tuple[str, BaseException]] = []
    package_dir = Path(__file__).resolve().parent
    names = sorted(
        info.name
        for info in pkgutil.iter_modules([str(package_dir)])
        if info.name.startswith("bench_")
    )
    for name in names:
        try:
            importlib.import_module(f"{PACKAGE}.{name}")
        except Exception as exc:  # reported as an error row; the other modules still run
            failures.append((name, exc))
    return failures


def _progress(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.run",
        description="Run the speed benchmarks and print subject/baseline ratios.",
    )
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke run)")
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write JSON results")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write a .md table")
    parser.add_argument("--workdir", type=Path, metavar="DIR", help="scratch folder's parent")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--list", action="store_true", help="list the suites and exit")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    failures = discover()
    if args.list:
        for suite in harness.REGISTRY.values():
            print(f"{suite.name}  ({suite.module})")
            for row in suite.rows:
                print(f"    {row.name}  [goal {row.goal_text}]")
        for name, exc in failures:
            print(f"{name}: import failed: {exc!r}")
        return 1 if failures else 0

    suites = list(harness.iter_suites(args.only))
    if args.only and not suites and not failures:
        parser.error(f"no benchmark matches {args.only}")

    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="catalog-bench-", dir=args.workdir))
    ctx = harness.RunContext(quick=args.quick, workdir=workdir)
    results: list[harness.Result] = []
    for name, exc in failures:
        row = harness.Benchmark(f"{name} (module)")
        results.append(harness.Result(name, row, note=f"import failed: {exc!r}", error=True))
    started = time.perf_counter()
    try:
        for suite in suites:
            _progress(f"{suite.name} …")
            suite_started = time.perf_counter()
            results += harness.run_suite(suite, ctx, progress=_progress)
            _progress(f"{suite.name} done in {time.perf_counter() - suite_started:.1f} s")
    finally:
        if args.keep:
            _progress(f"scratch files kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    harness.report(
        results,
        json_path=args.json,
        markdown_path=args.markdown,
        meta={
            "quick": args.quick,
            "only": args.only,
            "workdir": str(args.workdir or tempfile.gettempdir()),
            "total_s": round(time.perf_counter() - started, 1),
        },
    )
    print(f"\ntotal {time.perf_counter() - started:.0f} s", flush=True)
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
