"""The hidden ``catalog-app smoke-test`` command, run from the source checkout as the frozen
bundle runs it: a real process, the real main window offscreen, the real services."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    env.pop("CATALOG_APP_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "catalog_app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def steps_of(output: str) -> dict[str, str]:
    """``{"window": "PASS", ...}`` from the command's report lines."""
    found = {}
    for line in output.splitlines():
        parts = line.split()
        if (
            len(parts) >= 3
            and parts[0] == "smoke-test:"
            and parts[1] in ("PASS", "SKIPPED", "FAIL")
        ):
            found[parts[2]] = parts[1]
    return found


def test_smoke_test_shows_the_window_saves_a_lead_and_exits_zero(tmp_path: Path) -> None:
    screenshot = tmp_path / "window.png"
    done = run_app(
        "smoke-test",
        "--db",
        str(tmp_path / "fair.sqlite"),
        "--out",
        str(tmp_path / "out"),
        "--lang",
        "zh_CN",
        "--screenshot",
        str(screenshot),
        tmp_path=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    steps = steps_of(done.stdout)
    for name in (
        "database",
        "window",
        "qt-locale",
        "qt-print",
        "lead",
        "intent-pdf",
        "xlsx-export",
    ):
        assert steps.get(name) == "PASS", done.stdout
    assert "FAIL" not in steps.values()
    assert "WenQuanYi Micro Hei" in done.stdout  # the window draws with the bundled font
    assert screenshot.stat().st_size > 10_000
    assert (tmp_path / "fair.sqlite").is_file()  # made from the sample fair, kept at --db


def test_smoke_test_on_a_fresh_folder_cleans_up_after_itself(tmp_path: Path) -> None:
    done = run_app("smoke-test", "--lang", "en", "--event-loop-ms", "0", tmp_path=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    scratch = next(
        line.split("database ", 1)[1] for line in done.stdout.splitlines() if "database /" in line
    )
    assert not Path(scratch).parent.exists()


def test_window_only_prints_when_the_window_was_shown(tmp_path: Path) -> None:
    done = run_app("smoke-test", "--window-only", "--event-loop-ms", "0", tmp_path=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    shown = [line for line in done.stdout.splitlines() if line.startswith("SHOWN ")]
    assert len(shown) == 1 and float(shown[0].split()[1]) > 0
    assert "lead" not in steps_of(done.stdout)


def test_the_smoke_test_is_not_offered_in_the_help_but_answers_its_own(tmp_path: Path) -> None:
    overview = run_app("--help", tmp_path=tmp_path)
    assert overview.returncode == 0
    assert "smoke-test" not in overview.stdout
    assert "demo" in overview.stdout
    own = run_app("smoke-test", "--help", tmp_path=tmp_path)
    assert own.returncode == 0
    assert "--window-only" in own.stdout and "--strict" in own.stdout
