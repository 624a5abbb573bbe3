"""Build the booth-laptop bundle: one command, on Linux, Windows or macOS.

    python3 build/build.py              # one folder:  build/dist/catalog-app/
    python3 build/build.py --onefile    # one program: build/dist/onefile/catalog-app[.exe]

It (1) makes the virtual environment ``.venv`` if there is none (``--venv DIR`` for another),
(2) installs the app with its ``bundle`` extra (PyInstaller) into it — quick when nothing
changed, and it picks up dependencies added to pyproject.toml since the last build —,
(3) compiles the translations (``scripts/build_translations.py``), (4) draws the icons if they
are missing (``build/make_icon.py``), (5) runs PyInstaller on ``build/catalog_app.spec`` and
(6) prints where the bundle is and how big. Then: ``python3 build/smoke_test.py``.

Build outputs (``build/dist/``, ``build/work/``) are ignored by git. Runs with the Python it is
started with (3.11 or newer); the bundle is made for this OS and CPU only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
SPEC = BUILD / "catalog_app.spec"
DIST = BUILD / "dist"
WORK = BUILD / "work"
NAME = "catalog-app"
ICONS = ROOT / "resources" / "icons"


def say(text: str) -> None:
    print(f"build: {text}", flush=True)


def fail(text: str, output: str = "") -> None:
    if output:
        print(output.rstrip()[-6000:], file=sys.stderr)
    sys.exit(f"build: {text}")


def venv_python(venv: Path) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def run(command: list[str | Path], what: str, log: Path | None = None) -> None:
    """Run a step; its output is shown (or its log's tail) only when it fails."""
    done = subprocess.run(
        [str(part) for part in command], cwd=ROOT, capture_output=True, text=True, check=False
    )
    output = done.stdout + done.stderr
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(output, encoding="utf-8")
    if done.returncode != 0:
        where = f" (full log: {log})" if log else ""
        fail(f"{what} failed with exit code {done.returncode}{where}", output)


def ensure_environment(venv: Path) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - run by hand with any python3
        fail(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]})")
    python = venv_python(venv)
    if not python.is_file():
        say(f"creating the virtual environment {venv}")
        run([sys.executable, "-m", "venv", venv], "creating the virtual environment")
    say("installing the app and PyInstaller into it (pip install -e '.[bundle]')")
    run(
        [python, "-m", "pip", "install", "--disable-pip-version-check", "-e", f"{ROOT}[bundle]"],
        "pip install",
    )
    return python


def folder_size(path: Path) -> tuple[int, int]:
    """Bytes and number of files under ``path`` (symbolic links not followed or counted)."""
    if path.is_file():
        return path.stat().st_size, 1
    total = count = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
            count += 1
    return total, count


def bundle_path(onefile: bool) -> Path:
    suffix = ".exe" if os.name == "nt" else ""
    if onefile:
        return DIST / "onefile" / f"{NAME}{suffix}"
    if sys.platform == "darwin":
        return DIST / "Catalog App.app"
    return DIST / NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onefile", action="store_true", help="one program instead of a folder")
    parser.add_argument(
        "--venv", type=Path, default=ROOT / ".venv", help="virtual environment (default: .venv)"
    )
    parser.add_argument(
        "--no-install", action="store_true", help="use the environment as it is (no pip)"
    )
    parser.add_argument(
        "--full-icu",
        action="store_true",
        help="Linux: ship Qt's ICU data whole instead of trimmed to zh/en (+23 MB)",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()

    venv = args.venv.expanduser().resolve()
    python = venv_python(venv) if args.no_install else ensure_environment(venv)
    say("compiling the translations")
    run([python, ROOT / "scripts" / "build_translations.py"], "scripts/build_translations.py")
    if not all((ICONS / name).is_file() for name in ("app.png", "app.ico", "app.icns")):
        say("drawing the application icon")
        run([python, BUILD / "make_icon.py"], "build/make_icon.py")

    kind = "one file" if args.onefile else "one folder"
    say(f"running PyInstaller ({kind}; about a minute)")
    dist = DIST / "onefile" if args.onefile else DIST
    work = WORK / ("onefile" if args.onefile else "onedir")
    command: list[str | Path] = [
        python,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--distpath",
        dist,
        "--workpath",
        work,
        SPEC,
    ]
    spec_options = ["--onefile"] * args.onefile + ["--full-icu"] * args.full_icu
    if spec_options:
        command += ["--", *spec_options]
    run(command, "PyInstaller", log=work / "pyinstaller.log")

    bundle = bundle_path(args.onefile)
    if not bundle.exists():
        fail(f"PyInstaller finished but {bundle} is missing")
    size, files = folder_size(bundle)
    say(f"done in {time.monotonic() - started:.0f} s")
    print(f"bundle: {bundle}")
    print(f"size:   {size / 2**20:.1f} MiB ({size / 1e6:.1f} MB) in {files} files")
    print(f"next:   {Path(sys.executable).name} build/smoke_test.py {bundle}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
