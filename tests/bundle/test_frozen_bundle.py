"""Build the real bundle with PyInstaller and run the frozen app's smoke test (opt-in).

Skipped unless asked for, because it installs PyInstaller and freezes the app (about a minute
here with a warm environment, 3-4 minutes from nothing; see docs/bundle.md):

    CATALOG_APP_BUNDLE_TEST=1 python -m pytest tests/bundle          # or: -m bundle
    CATALOG_APP_BUNDLE_VENV=/tmp/venv-bundle ...                     # a venv other than .venv
    CATALOG_APP_BUNDLE_ONEFILE=1 ...                                 # the one-file build too
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bundle_helpers import bundle_tests_enabled

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 1800
SKIP_REASON = (
    "the frozen-bundle tests build the app with PyInstaller (1-4 minutes); run them with "
    "CATALOG_APP_BUNDLE_TEST=1 (or -m bundle)"
)

pytestmark = pytest.mark.bundle


def build(*options: str) -> Path:
    command = [sys.executable, str(ROOT / "build" / "build.py"), *options]
    venv = os.environ.get("CATALOG_APP_BUNDLE_VENV")
    if venv:
        command += ["--venv", venv]
    done = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    print(done.stdout)
    line = next(line for line in done.stdout.splitlines() if line.startswith("bundle: "))
    return Path(line.removeprefix("bundle: ").strip())


def smoke(bundle: Path, scratch: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "build" / "smoke_test.py"), str(bundle), "--keep",
         str(scratch), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def onedir_bundle(request: pytest.FixtureRequest) -> Path:
    if not bundle_tests_enabled(request.config):
        pytest.skip(SKIP_REASON)
    return build()


def test_the_frozen_app_starts_saves_a_lead_renders_and_exports(
    onedir_bundle: Path, tmp_path: Path
) -> None:
    screenshot = tmp_path / "frozen-window.png"
    options = ["--strict", "--screenshot", str(screenshot)]
    if sys.platform.startswith("linux"):
        options.append("--no-system-fonts")  # Chinese must come from the bundled font
    done = smoke(onedir_bundle, tmp_path / "scratch", *options)
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAIL " not in done.stdout and "SKIPPED " not in done.stdout
    assert "PASS     version" in done.stdout
    assert screenshot.stat().st_size > 10_000


def test_the_bundle_carries_migrations_font_and_translations_but_no_build_tools(
    onedir_bundle: Path,
) -> None:
    internal = onedir_bundle / "_internal"
    if sys.platform == "darwin":
        internal = onedir_bundle / "Contents" / "Frameworks"
    app = internal / "catalog_app"
    for shipped in (
        "database/env.py",
        "database/script.py.mako",
        "resources/fonts/wqy-microhei.ttc",
        "resources/translations/catalog_app_zh_CN.qm",
        "resources/sample/fair.json",
        "resources/icons/app.png",
    ):
        assert (app / shipped).is_file(), shipped
    present = {path.name for path in internal.rglob("*")}
    for absent in ("PyInstaller", "pytest", "_pytest", "hypothesis", "tkinter"):
        assert absent not in present
    assert not [name for name in present if "WebEngine" in name or "Qt6Quick" in name]


def test_the_one_file_program_runs_the_same_smoke_test(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if not bundle_tests_enabled(request.config):
        pytest.skip(SKIP_REASON)
    if os.environ.get("CATALOG_APP_BUNDLE_ONEFILE", "").strip() not in ("1", "true", "yes"):
        pytest.skip("the one-file build runs with CATALOG_APP_BUNDLE_ONEFILE=1 (one more minute)")
    program = build("--onefile")
    assert program.is_file()
    done = smoke(program, tmp_path / "scratch")
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
