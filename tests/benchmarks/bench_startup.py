"""Cold start: a fresh process until the app's main window is shown, against a bare Qt window.

Each sample is a new ``python -c`` process (QT_QPA_PLATFORM=offscreen). Two figures per sample:

- *to window shown*: measured inside the child, from ``time.perf_counter()`` as the first line
  of the script to after the window was shown and one event-loop turn ran (interpreter start-up
  before the first line is not included);
- *whole process*: the parent's wall time for the whole subprocess (spawn, interpreter start,
  imports, window, exit).

Subject: ``catalog_app.ui.app.run_for_benchmark(db_path)`` (builds the QApplication, opens the
database, shows the main window, processes events once, returns) on a demo database of 500
generated models and 5,000 leads. Baseline: import PySide6.QtWidgets, create the QApplication,
show an empty QMainWindow, process events, exit. Until ``run_for_benchmark`` exists the rows say
"not available yet".

Children get their own XDG config/data folders (nothing touches the user's settings) and a
bytecode cache under the run's scratch folder (``PYTHONPYCACHEPREFIX``): the untimed warm-up
compiles, so the timed rounds see what an installed app sees: compiled bytecode, warm disk cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.benchmarks import datagen
from tests.benchmarks.harness import Benchmark, Pair, RunContext, Unavailable, register

DEMO_MODELS = 500
DEMO_LEADS = 5_000
TIMEOUT_S = 120
REPO_ROOT = Path(__file__).resolve().parents[2]

SUBJECT_SCRIPT = """\
import time
_t0 = time.perf_counter()
import importlib.util
import sys

if importlib.util.find_spec("catalog_app.ui.app") is None:
    print("UNAVAILABLE catalog_app.ui.app does not exist yet", flush=True)
    raise SystemExit(0)
try:
    import catalog_app.ui.app as app
except ModuleNotFoundError as exc:  # a module of the app still being written
    if not (exc.name or "").startswith("catalog_app."):
        raise
    print(f"UNAVAILABLE {exc.name} does not exist yet", flush=True)
    raise SystemExit(0) from None

run = getattr(app, "run_for_benchmark", None)
if run is None:
    print("UNAVAILABLE catalog_app.ui.app has no run_for_benchmark() yet", flush=True)
    raise SystemExit(0)
run(sys.argv[1])
print(f"SHOWN {time.perf_counter() - _t0:.6f}", flush=True)
"""

BASELINE_SCRIPT = """\
import time
_t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
print(f"SHOWN {time.perf_counter() - _t0:.6f}", flush=True)
"""

SHOWN = "shown"


def _child_env(ctx: RunContext) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(ctx.folder("startup-pycache"))
    env["XDG_CONFIG_HOME"] = str(ctx.folder("startup-config"))
    env["XDG_DATA_HOME"] = str(ctx.folder("startup-data"))
    path = env.get("PYTHONPATH", "")
    env["PYTHONPATH"] = str(REPO_ROOT) + (os.pathsep + path if path else "")
    return env


def _run_child(script: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run one child; its own to-shown figure and the parent's wall time for the process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    wall = time.perf_counter() - started
    lines = done.stdout.splitlines()
    for line in lines:
        if line.startswith("UNAVAILABLE "):
            raise Unavailable(line.removeprefix("UNAVAILABLE "))
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-12:]
        raise RuntimeError(f"child exited with {done.returncode}:\n" + "\n".join(tail))
    shown = [float(line.split()[1]) for line in lines if line.startswith("SHOWN ")]
    if not shown:
        raise RuntimeError(f"child printed no SHOWN line: {done.stdout[-500:]!r}")
    return {SHOWN: shown[-1], "process": wall}


def _demo_database(ctx: RunContext) -> Path:
    def make() -> Path:
        path = ctx.folder("startup-demo") / "demo.sqlite"
        datagen.generate_models(path, DEMO_MODELS)
        datagen.generate_leads(path, DEMO_LEADS)
        return path

    path: Path = ctx.cached("startup-demo", make)
    return path


GOAL_RATIO = 3.0  # at most 3x the bare Qt window
GOAL_SECONDS = 2.0  # and at most 2 s


@register(
    "startup.cold",
    [
        Benchmark(
            "cold start to main window shown (in child)",
            subject="python -c run_for_benchmark(demo db): app, database, main window, 1 turn",
            baseline="python -c QApplication + empty QMainWindow shown, 1 event-loop turn",
            metric=SHOWN,
            goal_ratio=GOAL_RATIO,
            goal_seconds=GOAL_SECONDS,
        ),
        Benchmark(
            "cold start, whole process (parent wall time)",
            subject="the same child process, spawn to exit",
            baseline="the same bare child process, spawn to exit",
            metric="process",
            goal_ratio=GOAL_RATIO,
            goal_seconds=GOAL_SECONDS,
        ),
    ],
    repeat=5,
    quick_repeat=2,
    warmup=1,
)
@contextmanager
def cold_start(ctx: RunContext) -> Iterator[Pair]:
    env = _child_env(ctx)
    db_path = str(_demo_database(ctx))

    def subject() -> dict[str, float]:
        return _run_child(SUBJECT_SCRIPT, [db_path], env)

    def baseline() -> dict[str, float]:
        return _run_child(BASELINE_SCRIPT, [], env)

    yield Pair(subject=subject, baseline=baseline)
