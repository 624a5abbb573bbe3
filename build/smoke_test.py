"""Smoke test of a built bundle: the frozen app must work with no Python installed.

    python3 build/smoke_test.py [BUNDLE] [--screenshot PNG] [--platform xcb] [--strict]
                                 [--no-system-fonts]

BUNDLE is the folder ``build/dist/catalog-app`` (the default), a one-file program, or a macOS
``.app``. Every step runs the frozen program as a user would, in a scratch folder with its own
data and config folders (nothing touches yours), offscreen unless ``--platform`` says otherwise:

- ``catalog-app --version`` prints this checkout's version;
- ``demo`` creates the sample fair (the shipped Alembic migrations run), ``check`` finds it
  sound, ``import`` of the shipped sample catalog and ``import --template`` (openpyxl) work;
- the hidden ``smoke-test`` command shows the main window with the bundled Chinese font and
  translations, saves a lead, renders an intent PDF and exports leads to XLSX through the
  services, each step PASS / SKIPPED (why) / FAIL;
- the CLI's own ``intent pdf`` and ``export --format xlsx``, when this build has them.

Exit code 0 when nothing failed (with ``--strict``: and nothing was skipped). Needs only the
Python standard library (any Python 3.9+), not the app's environment.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BUNDLE = ROOT / "build" / "dist" / "catalog-app"
TIMEOUT_S = 180
# The manager the app's hidden smoke-test command makes (catalog_app/commands/smoke_steps.py).
SMOKE_MANAGER = "冒烟测试经理"
SMOKE_MANAGER_PIN = "24680"


class Failure(Exception):
    pass


def checkout_version() -> str:
    text = (ROOT / "catalog_app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if not match:
        raise SystemExit("smoke_test: no __version__ in catalog_app/__init__.py")
    return match.group(1)


def program_in(bundle: Path) -> Path:
    """The executable to run: the console program of a folder bundle, or the file itself."""
    exe = ".exe" if os.name == "nt" else ""
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / "catalog-app"
    if bundle.is_dir():
        for name in (f"catalog-app-cli{exe}", f"catalog-app{exe}"):
            if (bundle / name).is_file():
                return bundle / name
        raise SystemExit(f"smoke_test: no catalog-app program in {bundle}")
    if bundle.is_file():
        return bundle
    raise SystemExit(f"smoke_test: {bundle} does not exist; build it first: python3 build/build.py")


def hide_system_fonts(env: dict[str, str], scratch: Path) -> None:
    """Linux: a fontconfig set-up with no font folders, so the app can only draw with the font
    it ships (a machine with Chinese fonts installed would otherwise hide a missing one)."""
    folder = scratch / "no-system-fonts"
    (folder / "empty").mkdir(parents=True, exist_ok=True)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{folder / 'empty'}</dir><cachedir>{folder / 'cache'}</cachedir>"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    env["FONTCONFIG_FILE"] = str(config)


def isolated_env(scratch: Path, platform: str) -> dict[str, str]:
    """The user's environment with data, config and cache folders moved into ``scratch``."""
    env = dict(os.environ)
    home = scratch / "home"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env["HOME"] = str(home)  # macOS: platformdirs uses ~/Library/...
    env["LOCALAPPDATA"] = env["APPDATA"] = str(home / "AppData")  # Windows
    env["QT_QPA_PLATFORM"] = platform
    env.pop("CATALOG_APP_DB", None)
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):  # the bundle must not need them
        env.pop(name, None)
    home.mkdir(parents=True, exist_ok=True)
    return env


class Smoke:
    def __init__(self, program: Path, env: dict[str, str], scratch: Path) -> None:
        self.program = program
        self.env = env
        self.scratch = scratch
        self.failed = 0
        self.skipped: list[str] = []

    def run(self, *args: str, expect: int = 0, stdin: str = "") -> subprocess.CompletedProcess[str]:
        started = time.monotonic()
        done = subprocess.run(
            [str(self.program), *args],
            input=stdin,
            cwd=self.scratch,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT_S,
            check=False,
        )
        done.seconds = time.monotonic() - started  # type: ignore[attr-defined]
        if done.returncode != expect:
            raise Failure(
                f"`catalog-app {' '.join(args)}` exited with {done.returncode} "
                f"(expected {expect}):\n{(done.stdout + done.stderr).strip()[-3000:]}"
            )
        return done

    def step(self, name: str, action) -> None:  # noqa: ANN001 - a callable returning a str
        started = time.monotonic()
        try:
            detail = action()
        except Failure as exc:
            self.failed += 1
            print(f"FAIL     {name}: {exc}", flush=True)
            return
        except subprocess.TimeoutExpired as exc:
            self.failed += 1
            print(f"FAIL     {name}: no answer within {exc.timeout:.0f} s", flush=True)
            return
        if detail.startswith("SKIPPED"):
            self.skipped.append(name)
            print(f"SKIPPED  {name}: {detail.removeprefix('SKIPPED').strip()}", flush=True)
            return
        print(f"PASS     {name} ({time.monotonic() - started:.1f} s): {detail}", flush=True)


def check_xlsx(path: Path) -> str:
    if not path.is_file():
        raise Failure(f"{path} was not written")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile as exc:
        raise Failure(f"{path} is not an XLSX file: {exc}") from exc
    sheets = [n for n in names if n.startswith("xl/worksheets/sheet")]
    if "[Content_Types].xml" not in names or not sheets:
        raise Failure(f"{path} is not an XLSX workbook ({len(names)} parts)")
    return f"{path.name}: {path.stat().st_size:,} bytes, {len(sheets)} sheet(s)"


def check_pdf(path: Path) -> str:
    if not path.is_file():
        raise Failure(f"{path} was not written")
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise Failure(f"{path} is not a complete PDF")
    fonts = re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-_]+)", data)
    cjk = [f.decode() for f in fonts if b"WenQuanYi" in f]
    if not cjk:
        raise Failure(f"{path} embeds no WenQuanYi font (fonts: {sorted(set(fonts))})")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    return f"{path.name}: {len(data):,} bytes, {pages} page(s), font {cjk[0]}"


def one_line(text: str, limit: int = 240) -> str:
    """A command's output on one line, for the report."""
    joined = " · ".join(line.strip() for line in text.splitlines() if line.strip())
    return joined if len(joined) <= limit else joined[: limit - 1] + "…"


def commands_of(smoke: Smoke) -> set[str]:
    """The subcommands this build's ``--help`` lists."""
    text = smoke.run("--help").stdout
    return set(re.findall(r"^\s{4}([a-z][a-z0-9-]+)\s", text, flags=re.MULTILINE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument("--screenshot", type=Path, help="save the main window as this PNG")
    parser.add_argument("--platform", default="offscreen", help="Qt platform (default offscreen)")
    parser.add_argument("--lang", default="zh_CN", help="language of the run (default zh_CN)")
    parser.add_argument("--keep", type=Path, help="keep the scratch files in this folder")
    parser.add_argument("--strict", action="store_true", help="a skipped step fails the run")
    parser.add_argument(
        "--no-system-fonts",
        action="store_true",
        help="Linux: hide the system's fonts, so Chinese can only come from the bundled font",
    )
    args = parser.parse_args(argv)

    program = program_in(args.bundle.resolve())
    scratch = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="catalog-smoke-"))
    scratch.mkdir(parents=True, exist_ok=True)
    env = isolated_env(scratch, args.platform)
    if args.no_system_fonts:
        hide_system_fonts(env, scratch)
    smoke = Smoke(program, env, scratch)
    db = scratch / "fair.sqlite"
    out = scratch / "out"
    out.mkdir(exist_ok=True)
    lang = ["--lang", args.lang]
    version = checkout_version()
    print(f"smoke test of {program} (checkout version {version}), scratch {scratch}")

    def version_step() -> str:
        text = smoke.run("--version").stdout.strip()
        if text != f"catalog-app {version}":
            raise Failure(f"--version printed {text!r}, expected 'catalog-app {version}'")
        return text

    smoke.step("version", version_step)
    smoke.step("demo", lambda: one_line(smoke.run("demo", "--db", str(db), *lang).stdout))
    smoke.step("check", lambda: one_line(smoke.run("check", "--db", str(db), *lang).stdout))
    sample = ROOT / "resources" / "sample" / "fair.json"
    smoke.step(
        "import",
        lambda: one_line(smoke.run("import", str(sample), "--db", str(db), *lang).stdout),
    )
    template = out / "models-template.xlsx"
    smoke.step(
        "template",
        lambda: (smoke.run("import", "--template", str(template), *lang), check_xlsx(template))[1],
    )

    def services_step() -> str:
        extra = ["--screenshot", str(args.screenshot.resolve())] if args.screenshot else []
        done = smoke.run(
            "smoke-test", "--db", str(db), "--out", str(out), "--platform", args.platform,
            *lang, *extra,
        )  # fmt: skip
        lines = [line for line in done.stdout.splitlines() if line.startswith("smoke-test:")]
        for line in lines[1:-1]:
            print("         " + line.removeprefix("smoke-test:").strip())
        skipped = [line.split()[2] for line in lines if line.split()[1:2] == ["SKIPPED"]]
        smoke.skipped += [f"smoke-test {name}" for name in skipped]
        return lines[-1].removeprefix("smoke-test:").strip() if lines else done.stdout[-200:]

    smoke.step("smoke-test", services_step)

    available = commands_of(smoke)

    def intent_step() -> str:
        if "intent" not in available:
            return "SKIPPED this build has no `intent` command"
        listed = json.loads(smoke.run("intent", "list", "--json", "--db", str(db), *lang).stdout)
        rows = listed if isinstance(listed, list) else listed.get("intents", [])
        if not rows:
            raise Failure("`intent list --json` lists no intents in the demo database")
        reference = next(
            (str(row[k]) for row in rows for k in ("reference", "ref", "number") if k in row), ""
        )
        if not reference:
            raise Failure(f"no reference in `intent list --json`: {rows[0]}")
        pdf = out / "intent-cli.pdf"
        smoke.run("intent", "pdf", reference, "--out", str(pdf), "--db", str(db), *lang)
        return check_pdf(pdf)

    def export_step() -> str:
        if "export" not in available:
            return "SKIPPED this build has no `export` command"
        xlsx = out / "leads-cli.xlsx"
        smoke.run(
            "export", "--format", "xlsx", "--out", str(xlsx), "--staff", SMOKE_MANAGER,
            "--pin-stdin", "--no-mark", "--db", str(db), *lang,
            stdin=SMOKE_MANAGER_PIN + "\n",
        )  # fmt: skip
        return check_xlsx(xlsx)

    def report_step() -> str:
        if "report" not in available:
            return "SKIPPED this build has no `report` command"
        pdf = out / "fair-report.pdf"
        smoke.run("report", "--out", str(pdf), "--db", str(db), *lang)
        return check_pdf(pdf)

    smoke.step("intent pdf", intent_step)
    smoke.step("export xlsx", export_step)
    smoke.step("fair report", report_step)

    print(
        f"smoke test: {'FAILED' if smoke.failed else 'passed'}; {smoke.failed} failed, "
        f"{len(smoke.skipped)} skipped{': ' + ', '.join(smoke.skipped) if smoke.skipped else ''}"
    )
    if args.screenshot:
        print(f"screenshot: {args.screenshot.resolve()}")
    if smoke.failed or (args.strict and smoke.skipped):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
