"""A tiny benchmark harness: a subject timed against a bare baseline in the same run.

Shared machines are noisy (two cores, other jobs), so absolute times drift from run to run. A
benchmark therefore measures its *subject* (what the app does) and a *baseline* (the least any
code could do for the same effect) interleaved, round by round, so both see the same noise, and
judges the ratio of their medians against a goal. An absolute goal may be given too.

A bench module registers a suite: a setup function (a context manager) that yields a ``Pair``
of zero-argument callables, and the report rows (``Benchmark``) it feeds::

    @register("store.save", [Benchmark("lead save", goal_ratio=3.0)], repeat=50)
    @contextmanager
    def lead_save(ctx: RunContext) -> Iterator[Pair]:
        ...  # make files under ctx.workdir
        yield Pair(subject=save_with_orm, baseline=save_with_sqlite3)

A sample callable's wall time is measured with ``time.perf_counter``. It may also return its own
figures: a float (seconds; replaces the wall time as metric ``"time"``) or a mapping of metric
names to seconds (each row picks one with ``Benchmark.metric``; ``"time"`` stays the wall time).
A subject that cannot run yet raises ``Unavailable``; its rows say so and the run goes on.
A row whose figures are not seconds says so with ``Benchmark(unit=MIB)``: its metric's values
are then mebibytes (returned by the callables), printed and judged as such.

No dependencies beyond the standard library.
"""

from __future__ import annotations

import json
import math
import platform
import statistics
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

TIME = "time"
SECONDS = "s"
MIB = "MiB"

SampleFn = Callable[[], object]
SetupFn = Callable[["RunContext"], AbstractContextManager["Pair"]]

OK = "ok"
OVER_GOAL = "over goal"
INFO = "info"
NOT_AVAILABLE = "not available yet"
ERROR = "error"


class Unavailable(Exception):  # noqa: N818 - reads better at the raise site
    """Raised by a subject (or a setup) whose code does not exist yet; reported, not failed."""


@dataclass(frozen=True)
class Benchmark:
    """One row of the report: a subject against a baseline, with an optional goal.

    ``goal_ratio``: subject median / baseline median must not exceed it; ``goal_seconds``: the
    subject median must not exceed it (in the row's ``unit``: seconds, or MiB for ``MIB``);
    ``goal_increase``: subject median minus baseline median must not exceed it (same unit; e.g.
    memory after a long run against memory before it). Without any the row is for information.
    """

    name: str
    subject: str = ""
    baseline: str = ""
    goal_ratio: float | None = None
    goal_seconds: float | None = None
    goal: str = ""
    metric: str = TIME
    unit: str = SECONDS
    goal_increase: float | None = None

    @property
    def has_goal(self) -> bool:
        return any(
            goal is not None for goal in (self.goal_ratio, self.goal_seconds, self.goal_increase)
        )

    @property
    def goal_text(self) -> str:
        if self.goal:
            return self.goal
        parts = []
        if self.goal_ratio is not None:
            parts.append(f"<= {self.goal_ratio:g}x")
        if self.goal_seconds is not None:
            parts.append(f"<= {format_value(self.goal_seconds, self.unit)}")
        if self.goal_increase is not None:
            parts.append(f"<= +{format_value(self.goal_increase, self.unit)}")
        return ", ".join(parts) if parts else "-"


@dataclass
class Pair:
    """What a suite's setup yields: the two callables to time (``subject`` may be missing)."""

    subject: SampleFn | None
    baseline: SampleFn | None
    unavailable: str = ""  # why there is no subject yet


@dataclass(frozen=True)
class Suite:
    name: str
    rows: tuple[Benchmark, ...]
    setup: SetupFn
    repeat: int
    quick_repeat: int
    warmup: int
    number: int
    module: str

    def matches(self, pattern: str) -> bool:
        needle = pattern.lower()
        return needle in self.name.lower() or any(needle in r.name.lower() for r in self.rows)


REGISTRY: dict[str, Suite] = {}


def register(
    name: str,
    rows: Sequence[Benchmark],
    *,
    repeat: int = 15,
    quick_repeat: int = 5,
    warmup: int = 1,
    number: int = 1,
) -> Callable[[SetupFn], SetupFn]:
    """Register a suite. ``repeat`` rounds (``quick_repeat`` with --quick), each timing
    ``number`` calls of subject and baseline, after ``warmup`` untimed rounds."""

    def decorate(setup: SetupFn) -> SetupFn:
        REGISTRY[name] = Suite(
            name,
            tuple(rows),
            setup,
            max(1, repeat),
            max(1, quick_repeat),
            max(0, warmup),
            max(1, number),
            getattr(setup, "__module__", ""),
        )
        return setup

    return decorate


@dataclass
class RunContext:
    """Per-run state handed to every setup: the quick flag, a scratch folder, shared fixtures."""

    quick: bool
    workdir: Path
    shared: dict[str, Any] = field(default_factory=dict)

    def cached(self, key: str, make: Callable[[], Any]) -> Any:
        """A fixture made once per run and shared by the suites (e.g. a generated database)."""
        if key not in self.shared:
            self.shared[key] = make()
        return self.shared[key]

    def folder(self, name: str) -> Path:
        path = self.workdir / name
        path.mkdir(parents=True, exist_ok=True)
        return path


# --- measuring -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    """Per-call seconds over the timed rounds."""

    median: float
    p90: float
    minimum: float
    rounds: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stats:
        if not samples:
            raise ValueError("no samples")
        ordered = sorted(samples)
        rank = max(0, math.ceil(0.9 * len(ordered)) - 1)  # nearest-rank 90th percentile
        return cls(statistics.median(ordered), ordered[rank], ordered[0], len(ordered))

    def to_json(self) -> dict[str, float | int]:
        return {
            "median_s": self.median,
            "p90_s": self.p90,
            "min_s": self.minimum,
            "rounds": self.rounds,
        }


def _sample(fn: SampleFn, number: int) -> dict[str, float]:
    """Call ``fn`` ``number`` times; per-call wall time plus any figures it returned."""
    values: list[object] = []
    start = time.perf_counter()
    for _ in range(number):
        values.append(fn())
    elapsed = (time.perf_counter() - start) / number
    metrics: dict[str, float] = {TIME: elapsed}
    reported: dict[str, float] = {}
    for value in values:
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float | Mapping):
            raise TypeError(f"a sample returned {type(value).__name__}; expected seconds")
        items = value.items() if isinstance(value, Mapping) else [(TIME, value)]
        for key, seconds in items:
            reported[str(key)] = reported.get(str(key), 0.0) + float(seconds)
    metrics.update({key: total / number for key, total in reported.items()})
    return metrics


def _collect(rounds: list[dict[str, float]]) -> dict[str, Stats]:
    keys = {key for sample in rounds for key in sample}
    return {key: Stats.of([s[key] for s in rounds if key in s]) for key in sorted(keys)}


def measure(fn: SampleFn, repeat: int = 7, warmup: int = 1, number: int = 1) -> Stats:
    """Median and p90 of ``fn``'s per-call seconds over ``repeat`` rounds (``number`` calls
    each), after ``warmup`` untimed rounds."""
    return measure_metrics(fn, repeat, warmup, number)[TIME]


def measure_metrics(
    fn: SampleFn, repeat: int = 7, warmup: int = 1, number: int = 1
) -> dict[str, Stats]:
    """Like ``measure``, for every metric the callable reports (``"time"`` always)."""
    for _ in range(warmup):
        _sample(fn, number)
    return _collect([_sample(fn, number) for _ in range(max(1, repeat))])


@dataclass
class PairStats:
    subject: dict[str, Stats] | None
    baseline: dict[str, Stats] | None
    unavailable: str = ""


def measure_pair(
    subject: SampleFn | None,
    baseline: SampleFn | None,
    repeat: int,
    warmup: int = 1,
    number: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> PairStats:
    """Time subject and baseline interleaved (the order alternates each round), so that both
    share the machine's noise. A subject raising ``Unavailable`` is dropped; the baseline goes
    on."""
    unavailable = ""
    subject_rounds: list[dict[str, float]] = []
    baseline_rounds: list[dict[str, float]] = []

    def run_subject(keep: bool) -> None:
        nonlocal subject, unavailable
        if subject is None:
            return
        try:
            sample = _sample(subject, number)
        except Unavailable as exc:
            unavailable = str(exc) or NOT_AVAILABLE
            subject = None
            return
        if keep:
            subject_rounds.append(sample)

    def run_baseline(keep: bool) -> None:
        if baseline is None:
            return
        sample = _sample(baseline, number)
        if keep:
            baseline_rounds.append(sample)

    for index in range(warmup + repeat):
        keep = index >= warmup
        if index % 2 == 0:
            run_subject(keep)
            run_baseline(keep)
        else:
            run_baseline(keep)
            run_subject(keep)
        if progress is not None and keep:
            progress(index - warmup + 1, repeat)
    return PairStats(
        _collect(subject_rounds) if subject_rounds else None,
        _collect(baseline_rounds) if baseline_rounds else None,
        unavailable,
    )


# --- results and the report ----------------------------------------------------------------------


@dataclass
class Result:
    suite: str
    row: Benchmark
    subject: Stats | None = None
    baseline: Stats | None = None
    note: str = ""  # why a row is unavailable or failed
    error: bool = False

    @property
    def ratio(self) -> float | None:
        if self.subject is None or self.baseline is None or self.baseline.median <= 0:
            return None
        return self.subject.median / self.baseline.median

    @property
    def verdict(self) -> str:
        if self.error:
            return ERROR
        if self.subject is None:
            return NOT_AVAILABLE
        if not self.row.has_goal:
            return INFO
        ratio = self.ratio
        if self.row.goal_ratio is not None and (ratio is None or ratio > self.row.goal_ratio):
            return OVER_GOAL
        if self.row.goal_seconds is not None and self.subject.median > self.row.goal_seconds:
            return OVER_GOAL
        increase = self.row.goal_increase
        if increase is not None and (
            self.baseline is None or self.subject.median - self.baseline.median > increase
        ):
            return OVER_GOAL
        return OK

    def to_json(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "name": self.row.name,
            "subject": self.row.subject,
            "baseline": self.row.baseline,
            "metric": self.row.metric,
            "unit": self.row.unit,
            "subject_stats": self.subject.to_json() if self.subject else None,
            "baseline_stats": self.baseline.to_json() if self.baseline else None,
            "ratio": self.ratio,
            "goal": self.row.goal_text,
            "goal_ratio": self.row.goal_ratio,
            "goal_seconds": self.row.goal_seconds,
            "goal_increase": self.row.goal_increase,
            "verdict": self.verdict,
            "note": self.note,
        }


def run_suite(
    suite: Suite, ctx: RunContext, progress: Callable[[str], None] | None = None
) -> list[Result]:
    """Set the suite up, time its pair, and turn the figures into one result per row.

    ``progress`` receives a traceback when the suite fails."""
    repeat = suite.quick_repeat if ctx.quick else suite.repeat
    warmup = min(suite.warmup, 1) if ctx.quick else suite.warmup

    try:
        with suite.setup(ctx) as pair:
            subject = None if pair.unavailable else pair.subject
            stats = measure_pair(subject, pair.baseline, repeat, warmup, suite.number)
            unavailable = pair.unavailable or stats.unavailable
    except Unavailable as exc:
        return [Result(suite.name, row, note=str(exc) or NOT_AVAILABLE) for row in suite.rows]
    except Exception as exc:  # a failing suite is reported; the other suites still run
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        if progress is not None:
            progress(f"{suite.name}: ERROR\n{traceback.format_exc()}")
        return [Result(suite.name, row, note=detail, error=True) for row in suite.rows]
    results = []
    for row in suite.rows:
        result = Result(suite.name, row, note=unavailable)
        if stats.subject is not None:
            result.subject = stats.subject.get(row.metric)
        if stats.baseline is not None:
            result.baseline = stats.baseline.get(row.metric)
        if stats.subject is not None and result.subject is None:
            result.error, result.note = True, f"the subject reported no {row.metric!r}"
        results.append(result)
    return results


def format_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} us"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def format_value(value: float | None, unit: str = SECONDS) -> str:
    """A figure in its row's unit: seconds as s/ms/us, anything else as "12.3 MiB"."""
    if unit == SECONDS or value is None:
        return format_seconds(value)
    return f"{value:,.1f} {unit}"


def format_ratio(ratio: float | None) -> str:
    return "-" if ratio is None else f"{ratio:.2f}x"


HEADER = ("benchmark", "subject (median)", "baseline (median)", "ratio", "goal", "verdict")


def table_rows(results: Sequence[Result]) -> list[tuple[str, ...]]:
    return [
        (
            r.row.name,
            format_value(r.subject.median, r.row.unit) if r.subject else "n/a",
            format_value(r.baseline.median, r.row.unit) if r.baseline else "n/a",
            format_ratio(r.ratio),
            r.row.goal_text,
            r.verdict,
        )
        for r in results
    ]


def format_table(results: Sequence[Result]) -> str:
    """One aligned plain-text table; numbers right-aligned."""
    rows = [HEADER, *table_rows(results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    numeric = {1, 2, 3}
    lines = []
    for index, row in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in numeric and index else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append(" | ".join(cells).rstrip())
        if index == 0:
            lines.append("-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def format_details(results: Sequence[Result]) -> str:
    """What each row compared, with p90s and round counts, and any notes."""
    lines = []
    for r in results:
        lines.append(f"- {r.row.name}")
        if r.row.subject:
            lines.append(f"    subject:  {r.row.subject}{_spread(r.subject, r.row.unit)}")
        if r.row.baseline:
            lines.append(f"    baseline: {r.row.baseline}{_spread(r.baseline, r.row.unit)}")
        if r.note:
            lines.append(f"    note:     {r.note}")
    return "\n".join(lines)


def _spread(stats: Stats | None, unit: str = SECONDS) -> str:
    if stats is None:
        return ""
    return (
        f"  [median {format_value(stats.median, unit)}, p90 {format_value(stats.p90, unit)},"
        f" {stats.rounds} rounds]"
    )


def format_markdown(results: Sequence[Result]) -> str:
    """The table as Markdown (for the README)."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "|".join(["---"] * len(HEADER)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in table_rows(results)]
    return "\n".join(lines)


def machine_info() -> dict[str, Any]:
    import os

    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def report(
    results: Sequence[Result],
    *,
    out: TextIO | None = None,
    json_path: Path | None = None,
    markdown_path: Path | None = None,
    meta: Mapping[str, Any] | None = None,
) -> None:
    """Print the table (and the details under it); optionally write JSON and Markdown."""
    stream = out if out is not None else sys.stdout
    info = {**machine_info(), **(meta or {})}
    stream.write(
        f"\nbenchmarks: python {info['python']}, {info['platform']}, {info['cpus']} cpus"
        f"{', quick' if info.get('quick') else ''}\n\n"
    )
    stream.write(format_table(results) + "\n\n")
    stream.write(format_details(results) + "\n")
    stream.flush()
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"meta": info, "results": [r.to_json() for r in results]}
        json_path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", "utf-8")
    if markdown_path is not None:
        markdown_path.parent.mkdir(parents=True, exist_ok=True)
        markdown_path.write_text(format_markdown(results) + "\n", "utf-8")


def iter_suites(patterns: Sequence[str] = ()) -> Iterator[Suite]:
    for suite in REGISTRY.values():
        if not patterns or any(suite.matches(p) for p in patterns):
            yield suite
