"""The booth-laptop bundle: its size on disk, and how fast the frozen app starts.

Needs a built bundle (``python3 build/build.py``; ``--onefile`` for the one-file row); without
one the rows say "not available yet" and how to build it. ``$CATALOG_APP_BUNDLE`` points at a
bundle folder elsewhere.

``bundle.start``: a fresh process of the frozen program vs a fresh process of the installed app
(``python -m catalog_app``, compiled bytecode cached), both running
``smoke-test --window-only`` on the same demo database (500 generated models, 5,000 leads, as the
cold-start benchmark): open and check the database, QApplication, bundled font, translator, the
main window shown. Measured by the parent: spawn until the child prints ``SHOWN`` (the window is
on screen), and spawn to exit. "Cold" means a new process each round with the disk cache warm
(what a second start of the day sees); a first start after boot reads ~150 MB from disk once.
Goal: the frozen window shown within 1 s. The one-file program, when built, unpacks itself into
a temporary folder at every start: its row is for information.

``bundle.cli``: ``catalog-app --version`` frozen vs installed: what the bundle itself adds to a
start (bootloader, unpacking nothing, interpreter, the CLI's imports), without Qt. Information.

``bundle.size``: the one-folder bundle's files (symbolic links not counted) against what pip
installs for the same dependencies (their files in site-packages; Python itself not counted).
Its figures are MiB (``unit=MIB``). Goal: at most 120 MiB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement

from tests.benchmarks.bench_startup import _demo_database
from tests.benchmarks.harness import (
    MIB,
    Benchmark,
    Pair,
    RunContext,
    Unavailable,
    register,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
DIST = REPO_ROOT / "build" / "dist"
TIMEOUT_S = 120
SHOWN, PROCESS, SIZE = "shown", "process", "size"
HOW_TO_BUILD = "no bundle built yet: run `python3 build/build.py` first (about a minute)"


def onedir_bundle() -> Path:
    folder = Path(os.environ.get("CATALOG_APP_BUNDLE") or DIST / "catalog-app")
    if not folder.is_dir():
        raise Unavailable(f"{HOW_TO_BUILD} (looked for {folder})")
    return folder


def frozen_program(bundle: Path) -> Path:
    for name in ("catalog-app-cli.exe", "catalog-app.exe", "catalog-app"):
        if (bundle / name).is_file():
            return bundle / name
    raise Unavailable(f"no catalog-app program in {bundle}")


def onefile_program() -> Path:
    for name in ("catalog-app.exe", "catalog-app"):
        path = DIST / "onefile" / name
        if path.is_file():
            return path
    raise Unavailable("no one-file program: run `python3 build/build.py --onefile` first")


def child_env(ctx: RunContext) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(ctx.folder("bundle-pycache"))
    env["XDG_CONFIG_HOME"] = str(ctx.folder("bundle-config"))
    env["XDG_DATA_HOME"] = str(ctx.folder("bundle-data"))
    env.pop("CATALOG_APP_DB", None)
    return env


def start_once(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Spawn the program; seconds until it printed SHOWN, and until it exited."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    assert child.stdout is not None
    shown = None
    output = []
    for line in child.stdout:
        output.append(line)
        if line.startswith("SHOWN ") and shown is None:
            shown = time.perf_counter() - started
    child.wait(timeout=TIMEOUT_S)
    ended = time.perf_counter() - started
    if child.returncode != 0 or shown is None:
        tail = "".join(output[-12:])
        raise RuntimeError(f"{command[0]} exited with {child.returncode} (shown: {shown}):\n{tail}")
    return {SHOWN: shown, PROCESS: ended}


def window_only(db: Path) -> list[str]:
    return ["smoke-test", "--window-only", "--event-loop-ms", "0", "--db", str(db)]


FROZEN_GOAL_SECONDS = 1.0


@register(
    "bundle.start",
    [
        Benchmark(
            "frozen app: window shown (onedir)",
            subject="frozen catalog-app smoke-test --window-only (demo db): spawn to SHOWN",
            baseline="python -m catalog_app, the same command: spawn to SHOWN",
            metric=SHOWN,
            goal_seconds=FROZEN_GOAL_SECONDS,
        ),
        Benchmark(
            "frozen app: whole process (onedir)",
            subject="the same frozen process, spawn to exit",
            baseline="the same installed-app process, spawn to exit",
            metric=PROCESS,
        ),
    ],
    repeat=5,
    quick_repeat=2,
    warmup=1,
)
@contextmanager
def frozen_start(ctx: RunContext) -> Iterator[Pair]:
    program = frozen_program(onedir_bundle())
    env = child_env(ctx)
    db = _demo_database(ctx)
    frozen = [str(program), *window_only(db)]
    installed = [sys.executable, "-m", "catalog_app", *window_only(db)]
    yield Pair(subject=lambda: start_once(frozen, env), baseline=lambda: start_once(installed, env))


@register(
    "bundle.start_onefile",
    [
        Benchmark(
            "frozen app: window shown (one file)",
            subject="one-file catalog-app smoke-test --window-only: spawn to SHOWN (unpacks first)",
            baseline="python -m catalog_app, the same command",
            metric=SHOWN,
        )
    ],
    repeat=3,
    quick_repeat=1,
    warmup=1,
)
@contextmanager
def onefile_start(ctx: RunContext) -> Iterator[Pair]:
    program = onefile_program()
    env = child_env(ctx)
    db = _demo_database(ctx)
    frozen = [str(program), *window_only(db)]
    installed = [sys.executable, "-m", "catalog_app", *window_only(db)]
    yield Pair(subject=lambda: start_once(frozen, env), baseline=lambda: start_once(installed, env))


def version_once(command: list[str], env: dict[str, str]) -> float:
    """Seconds for ``catalog-app --version``: start-up of the program and its CLI, no Qt."""
    started = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.startswith("catalog-app "):
        raise RuntimeError(f"{command[0]} --version failed ({done.returncode}): {done.stderr}")
    return time.perf_counter() - started


@register(
    "bundle.cli",
    [
        Benchmark(
            "frozen app: catalog-app --version (onedir)",
            subject="frozen catalog-app --version: bootloader, interpreter, CLI parser",
            baseline="python -m catalog_app --version",
        )
    ],
    repeat=7,
    quick_repeat=3,
    warmup=1,
)
@contextmanager
def frozen_cli(ctx: RunContext) -> Iterator[Pair]:
    program = frozen_program(onedir_bundle())
    env = child_env(ctx)
    frozen = [str(program), "--version"]
    installed = [sys.executable, "-m", "catalog_app", "--version"]
    yield Pair(
        subject=lambda: version_once(frozen, env), baseline=lambda: version_once(installed, env)
    )


def folder_mib(folder: Path) -> float:
    """MiB of the files under ``folder``; symbolic links are not counted (nor followed)."""
    total = sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )
    return total / 2**20


def installed_mib() -> float:
    """MiB of what pip installs for the app's dependencies (all of them, recursively)."""
    import tomllib

    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    pending = [Requirement(line) for line in project["dependencies"]]
    seen: set[str] = set()
    total = 0
    while pending:
        requirement = pending.pop()
        name = requirement.name.lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = distribution(requirement.name)
        except PackageNotFoundError:
            continue
        total += sum(
            file.locate().stat().st_size for file in dist.files or [] if file.locate().is_file()
        )
        for line in dist.requires or []:
            needed = Requirement(line)
            extras = requirement.extras or {""}
            if needed.marker is None or any(needed.marker.evaluate({"extra": e}) for e in extras):
                pending.append(needed)
    return total / 2**20


@register(
    "bundle.size",
    [
        Benchmark(
            "onedir bundle size",
            subject="files of build/dist/catalog-app (no symlinks)",
            baseline="the same dependencies as pip installs them (site-packages files)",
            metric=SIZE,
            unit=MIB,
            goal_seconds=120.0,
        )
    ],
    repeat=1,
    quick_repeat=1,
    warmup=0,
)
@contextmanager
def bundle_size(ctx: RunContext) -> Iterator[Pair]:
    bundle = onedir_bundle()
    yield Pair(subject=lambda: {SIZE: folder_mib(bundle)}, baseline=lambda: {SIZE: installed_mib()})
