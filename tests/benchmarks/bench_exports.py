"""Exports: 1,000,000 leads to CSV and to XLSX, against a bare csv.writer / xlsxwriter loop over
the same rows, with the peak memory of each (constant memory is the point of streaming).

Subject: ``export_leads`` (``services/exports``) in a child process, as the CLI and the GUI run
it: one read snapshot, batches of 2,000 leads, their interests, labels in Chinese, times at
UTC+08:00, formula cells neutralised, consent columns; XLSX with two sheets (the 1.48 million
interests continue on a second interests sheet past Excel's row limit). Marking leads as
exported is off (it writes to the file; the baseline does not); the audit entry is written.

Both children report wall time and CPU time (``process_time``): on a shared machine the CPU
row is the steadier one.

Baseline: a child with bare ``sqlite3`` and ``csv.writer`` / ``xlsxwriter`` (constant_memory)
reading the same columns with the same WHERE and ORDER BY, the same interests per batch of
2,000 (one ``IN`` query), and writing each lead row as read plus its interests as
"model ×units" (CSV), or each lead and each interest as a row (XLSX, ``write_row``). The least
any code could do for the same file. Both children time only their loop; both report their
peak RSS (``ru_maxrss``). Goal: the export costs at most 1.3x the bare loop.

Memory rows are in MiB (``unit=MIB``). ``exports.memory`` compares the CSV export's peak at
1,000,000 leads with the same export at 100,000: a ratio near 1 is constant memory.

Data: ``datagen`` (500 models, 1,000,000 leads; 100,000 with --quick), made once and cached
under ``<tmp>/catalog-bench-cache/`` (shared with the lead-list benchmark).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.benchmarks import datagen
from tests.benchmarks.harness import MIB, Benchmark, Pair, RunContext, register

MODELS = 500
FULL, QUICK = 1_000_000, 100_000
REPO_ROOT = Path(__file__).resolve().parents[2]

PEAK_RSS = """\
def peak_rss():
    # This process's own peak (VmHWM): ru_maxrss would count the parent's pages at fork.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


"""

SUBJECT = (
    PEAK_RSS
    + """\
import json, sys, time
from datetime import timedelta
from pathlib import Path
from sqlalchemy import select
from catalog_app.domain.enums import StaffRole
from catalog_app.domain.models import StaffAccount
from catalog_app.services.accounts import StaffMember
from catalog_app.services.exports import ExportFormat, ExportRequest, export_leads
from catalog_app.store.database import open_sqlite

db = open_sqlite(sys.argv[1], backup_on_open=False)
with db.sessions() as session:
    account = session.scalars(
        select(StaffAccount).where(StaffAccount.role == StaffRole.MANAGER)
    ).first()
    manager = StaffMember(account.id, account.display_name, StaffRole.MANAGER, False, None)
request = ExportRequest(
    ExportFormat(sys.argv[2]), Path(sys.argv[3]), mark_exported=False,
    utc_offset=timedelta(hours=8),
)
started, cpu = time.perf_counter(), time.process_time()
result = export_leads(db, request, actor=manager)
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
db.close()
print(json.dumps({"time": elapsed, "cpu": cpu, "rss": peak_rss(), "rows": result.rows}))
"""
)

BASELINE = (
    PEAK_RSS
    + """\
import csv, json, sqlite3, sys, time
import xlsxwriter

COLUMNS = (
    "id, captured_at, person_name, company, credit_code, title, mobile, mobile_e164, "
    "landline, email, wechat_id, industry, fleet_size, rating, follow_up, source, staff_id, "
    "captured_on_device_id, notes, consent_at, consent_version, consent_purposes, "
    "consent_text, exported_at"
)
LEADS = (
    f"SELECT {COLUMNS} FROM lead WHERE deleted_at IS NULL AND merged_into_id IS NULL "
    "ORDER BY captured_at, id"
)
INTERESTS = (
    "SELECT lead_id, model_id, quantity, timeframe, financing, energy_preference, notes "
    "FROM lead_interest WHERE deleted_at IS NULL AND lead_id IN ({}) "
    "ORDER BY lead_id, created_at, id"
)
MAX_ROWS = 1_048_576

path, fmt, out = sys.argv[1:4]
connection = sqlite3.connect(path)
names = dict(connection.execute("SELECT id, name_zh FROM truck_model"))
started, cpu = time.perf_counter(), time.process_time()
cursor = connection.execute(LEADS)
rows = 0


def batches():
    while batch := cursor.fetchmany(2000):
        marks = ",".join("?" * len(batch))
        interests = {}
        for row in connection.execute(INTERESTS.format(marks), [r[0] for r in batch]):
            interests.setdefault(row[0], []).append(row)
        yield batch, interests


if fmt == "csv":
    # The BOM, then plain UTF-8 (the "utf-8-sig" codec is Python code called per row: slower
    # for the same bytes); a 1 MiB buffer. As fast as a bare loop can write this file.
    with open(out, "w", encoding="utf-8", newline="", buffering=1 << 20) as handle:
        handle.write("\ufeff")
        writer = csv.writer(handle)
        for batch, interests in batches():
            for lead in batch:
                own = interests.get(lead[0], ())
                summary = "; ".join(f"{names.get(i[1], '')} ×{i[2]}" for i in own)
                writer.writerow((*lead, summary))
            rows += len(batch)
else:
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False,
                                     "strings_to_urls": False})
    leads_sheet, interest_sheets = book.add_worksheet("leads"), [book.add_worksheet("i1")]
    lead_row = interest_row = 1
    for batch, interests in batches():
        for lead in batch:
            leads_sheet.write_row(lead_row, 0, lead)
            lead_row += 1
            for interest in interests.get(lead[0], ()):
                if interest_row >= MAX_ROWS:
                    interest_sheets.append(book.add_worksheet(f"i{len(interest_sheets) + 1}"))
                    interest_row = 1
                interest_sheets[-1].write_row(interest_row, 0, interest)
                interest_row += 1
        rows += len(batch)
    book.close()
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
print(json.dumps({"time": elapsed, "cpu": cpu, "rss": peak_rss(), "rows": rows}))
"""
)


def cached_leads_file(leads: int) -> Path:
    """A generated file of ``leads`` leads, made on first use and kept for later runs (the
    same name, hence the same file, as the lead-list benchmark's)."""
    from catalog_app.store.migrations import HEAD_REVISION

    fingerprint = hashlib.sha256(Path(datagen.__file__).read_bytes()).hexdigest()[:10]
    folder = Path(tempfile.gettempdir()) / "catalog-bench-cache"
    folder.mkdir(parents=True, exist_ok=True)
    name = f"leads-{leads}-{datagen.DEFAULT_SEED}-{HEAD_REVISION}-{fingerprint}.sqlite"
    path = folder / name
    if path.exists():
        return path
    partial = folder / f"{name}.part-{os.getpid()}"
    print(f"  making {path} (cached for later runs)…", file=sys.stderr, flush=True)
    datagen.generate_models(partial, MODELS)
    datagen.generate_leads(partial, leads)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.replace(path)
    return path


def _child(script: str, ctx: RunContext, *args: str) -> dict[str, float]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT) + (
        os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""
    )
    env["PYTHONPYCACHEPREFIX"] = str(ctx.folder("exports-pycache"))
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=3600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"export child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _sample(
    script: str, ctx: RunContext, path: Path, fmt: str, out: Path, rows: list[int]
) -> Callable[[], dict[str, float]]:
    def run() -> dict[str, float]:
        result = _child(script, ctx, str(path), fmt, str(out))
        out.unlink(missing_ok=True)
        rows.append(int(result["rows"]))
        return {
            "time": result["time"],
            "cpu": result["cpu"],
            "peak_rss": result["rss"] / (1024 * 1024),  # bytes to MiB
        }

    return run


@contextmanager
def _pair(ctx: RunContext, fmt: str) -> Iterator[Pair]:
    leads = QUICK if ctx.quick else FULL
    path: Path = ctx.cached(f"exports-leads-{leads}", lambda: cached_leads_file(leads))
    folder = ctx.folder(f"exports-{fmt}")
    subject_rows: list[int] = []
    baseline_rows: list[int] = []
    suffix = ".xlsx" if fmt == "xlsx" else ".csv"
    yield Pair(
        subject=_sample(SUBJECT, ctx, path, fmt, folder / f"subject{suffix}", subject_rows),
        baseline=_sample(BASELINE, ctx, path, fmt, folder / f"baseline{suffix}", baseline_rows),
    )
    if set(subject_rows) != set(baseline_rows) or len(set(subject_rows)) != 1:
        raise AssertionError(f"different rows: app {subject_rows}, bare {baseline_rows}")


def _rows(fmt: str, what: str) -> list[Benchmark]:
    subject = f"export_leads(--format {fmt}) in a child, mark_exported off"
    bare = "sqlite3 + csv.writer" if fmt == "csv" else "sqlite3 + xlsxwriter write_row"
    return [
        Benchmark(
            f"export 1,000,000 leads to {what} (100,000 with --quick)",
            subject=subject,
            baseline=f"{bare}, same rows and interests",
            goal_ratio=1.3,
        ),
        Benchmark(
            f"  the same, CPU time of the child ({what})",
            subject=subject,
            baseline=bare,
            goal_ratio=1.3,
            metric="cpu",
        ),
        Benchmark(
            f"{what} export peak memory",
            subject=subject,
            baseline=bare,
            metric="peak_rss",
            unit=MIB,
        ),
    ]


@register("exports.csv", _rows("csv", "CSV"), repeat=3, quick_repeat=1, warmup=0)
@contextmanager
def export_csv(ctx: RunContext) -> Iterator[Pair]:
    with _pair(ctx, "csv") as pair:
        yield pair


@register("exports.xlsx", _rows("xlsx", "XLSX"), repeat=2, quick_repeat=1, warmup=0)
@contextmanager
def export_xlsx(ctx: RunContext) -> Iterator[Pair]:
    with _pair(ctx, "xlsx") as pair:
        yield pair


@register(
    "exports.memory",
    [
        Benchmark(
            "CSV export peak memory, 1,000,000 vs 100,000 leads",
            subject="export_leads(--format csv), 1,000,000 leads (100,000 with --quick)",
            baseline="the same export of 100,000 leads (10,000 with --quick)",
            goal_ratio=1.2,
            metric="peak_rss",
            unit=MIB,
        )
    ],
    repeat=1,
    quick_repeat=1,
    warmup=0,
)
@contextmanager
def export_memory(ctx: RunContext) -> Iterator[Pair]:
    big, small = (QUICK, QUICK // 10) if ctx.quick else (FULL, QUICK)
    big_path: Path = ctx.cached(f"exports-leads-{big}", lambda: cached_leads_file(big))
    small_path: Path = ctx.cached(f"exports-leads-{small}", lambda: cached_leads_file(small))
    folder = ctx.folder("exports-memory")
    rows: list[int] = []
    yield Pair(
        subject=_sample(SUBJECT, ctx, big_path, "csv", folder / "big.csv", rows),
        baseline=_sample(SUBJECT, ctx, small_path, "csv", folder / "small.csv", rows),
    )
