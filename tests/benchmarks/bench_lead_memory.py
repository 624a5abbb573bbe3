"""Memory with the lead list at 1,000,000 leads: the issue's goal of at most 250 MB, as a row.

``leads.memory`` — subject: a fresh process running the app's main window on the cached
1,000,000-lead file (``bench_lead_list.cached_leads_file``): the All leads tab shown, a search
for 'wangwei' and back, then the list scrolled down ``PAGES`` pages (200 rows each), every
background count finished; its peak resident set (``VmHWM``). Baseline: a fresh process with a
bare PySide6 window showing the same number of rows, read newest first with ``sqlite3`` into a
``QStandardItemModel`` on a ``QTableView`` — what any Qt program showing these rows holds.
The issue's goal is absolute (the subject's peak at most 250 MB, read here as MiB); the ratio
says what the app adds over the bare window.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.benchmarks.bench_lead_list import cached_leads_file
from tests.benchmarks.harness import MIB, Benchmark, Pair, RunContext, register

REPO_ROOT = Path(__file__).resolve().parents[2]
PAGES = 10

MEMORY = """\
def memory():
    figures = {}
    with open("/proc/self/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                figures[key] = int(value.split()[0]) / 1024
    return figures


"""

APP = (
    MEMORY
    + """\
import json, sys, time
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
from catalog_app.store.database import open_sqlite
from catalog_app.ui.app_state import AppState
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.main_window import MainWindow, Page

app = QApplication([])
database = open_sqlite(sys.argv[1], backup_on_open=False)
state = AppState(database, LanguageManager(app, "zh_CN"))
window = MainWindow(state, backup_interval_ms=3_600_000)
window.show()
window.show_page(Page.LEADS)
window.leads_page.show_list()
panel = window.leads_page.list_panel


def settle():
    deadline = time.monotonic() + 600
    while panel.model.is_loading or state.tasks.running():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if time.monotonic() > deadline:
            raise SystemExit("the list did not settle in 10 minutes")


settle()
panel.filters.search.setText("wangwei")
panel.filters.apply_now()
settle()
panel.filters.search.setText("")
panel.filters.apply_now()
settle()
for _ in range(int(sys.argv[2])):
    panel.view.scrollToBottom()
    app.processEvents()
    settle()
rows = panel.model.rowCount()
window.close()
state.tasks.wait(60_000)
print(json.dumps({"rows": rows, **memory()}))
"""
)

BARE = (
    MEMORY
    + """\
import json, sqlite3, sys
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

COLUMNS = "person_name, company, mobile, email, rating, follow_up, source, captured_at"
app = QApplication([])
connection = sqlite3.connect(sys.argv[1])
rows = connection.execute(
    f"SELECT {COLUMNS} FROM lead WHERE deleted_at IS NULL AND merged_into_id IS NULL "
    "ORDER BY captured_at DESC, id DESC LIMIT ?",
    (200 * (int(sys.argv[2]) + 1),),
).fetchall()
model = QStandardItemModel()
for row in rows:
    model.appendRow([QStandardItem("" if value is None else str(value)) for value in row])
window = QMainWindow()
view = QTableView()
view.setModel(model)
window.setCentralWidget(view)
window.resize(1366, 768)
window.show()
app.processEvents()
print(json.dumps({"rows": model.rowCount(), **memory()}))
"""
)


def _child(script: str, ctx: RunContext, path: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env["PYTHONPYCACHEPREFIX"] = str(ctx.folder("lead-memory-pycache"))
    env["XDG_CONFIG_HOME"] = str(ctx.folder("lead-memory-config"))
    env["XDG_DATA_HOME"] = str(ctx.folder("lead-memory-data"))
    done = subprocess.run(
        [sys.executable, "-c", script, str(path), str(PAGES)],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"lead-memory child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _sample(script: str, ctx: RunContext, path: Path, rows: list[int]) -> Callable[[], object]:
    def run() -> dict[str, float]:
        figures = _child(script, ctx, path)
        rows.append(int(figures["rows"]))
        return {"peak_rss": figures["VmHWM"], "end_rss": figures["VmRSS"]}

    return run


@register(
    "leads.memory",
    [
        Benchmark(
            f"app with the lead list at 1,000,000 leads: peak RSS ({PAGES + 1} pages read)",
            subject="main window, All leads, a search and back, scrolled (fresh process)",
            baseline="bare QTableView + QStandardItemModel of the same rows from sqlite3",
            goal_seconds=250.0,
            metric="peak_rss",
            unit=MIB,
        )
    ],
    repeat=1,
    quick_repeat=1,
    warmup=0,
)
@contextmanager
def lead_memory(ctx: RunContext) -> Iterator[Pair]:
    path: Path = ctx.cached("leads-1m", cached_leads_file)
    app_rows: list[int] = []
    bare_rows: list[int] = []
    yield Pair(
        subject=_sample(APP, ctx, path, app_rows), baseline=_sample(BARE, ctx, path, bare_rows)
    )
    if app_rows != bare_rows:
        raise AssertionError(f"different rows shown: app {app_rows}, bare {bare_rows}")
