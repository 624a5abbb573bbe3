"""Build the UI translations: update the .ts sources from the code, compile the .qm catalogues.

    python scripts/build_translations.py           # update .ts (if strings changed), make .qm
    python scripts/build_translations.py --check   # fail if any UI string lacks a translation

``pyside6-lupdate`` extracts every ``tr()`` / ``QCoreApplication.translate()`` string into a
catalogue per part of the UI, keeping the translations already there: the modules directly in
catalog_app/ui go to ``resources/translations/catalog_app_<lang>.ts``, and each subpackage
``catalog_app/ui/<part>/`` to ``catalog_app-<part>_<lang>.ts`` (so work on separate screens
never edits the same catalogue); ``pyside6-lrelease`` compiles each .ts into the .qm the app
loads (.qm files are build products, not in git). Fast and idempotent: a .ts is rewritten only
when its content changes, a .qm only when it is missing or older than its .ts. ``--check``
changes no file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "catalog_app" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOG = "catalog_app"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """A PySide6 tool from this Python's environment (or, failing that, from PATH)."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        sys.exit(f"build_translations: {name} not found; install PySide6 in this environment")
    return found


def run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(
            f"build_translations: {Path(command[0]).name} failed ({result.returncode}):\n"
            f"{result.stdout}{result.stderr}"
        )


def catalogues() -> dict[str, list[Path]]:
    """Catalogue name -> its source files: ui/*.py, then one per ui/<part>/ subpackage."""
    found = {CATALOG: sorted(SOURCES.glob("*.py"))}
    for part in sorted(p for p in SOURCES.iterdir() if (p / "__init__.py").is_file()):
        found[f"{CATALOG}-{part.name}"] = sorted(part.rglob("*.py"))
    return found


def ts_path(lang: str, catalogue: str = CATALOG) -> Path:
    return TRANSLATIONS / f"{catalogue}_{lang}.ts"


def qm_path(lang: str, catalogue: str = CATALOG) -> Path:
    return TRANSLATIONS / f"{catalogue}_{lang}.qm"


def extract(lang: str, target: Path, sources: list[Path]) -> None:
    """Write the current strings of ``sources`` into ``target`` (a copy of the .ts, or new)."""
    files = [str(path) for path in sources]  # lupdate scans no .py dirs: name each file
    run(
        [
            tool("pyside6-lupdate"),
            *files,
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            lang,
            "-silent",
            "-ts",
            str(target),
        ]
    )


def untranslated(ts_file: Path) -> list[str]:
    """Source strings of ``ts_file`` without a finished translation, as ``context: source``."""
    missing = []
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            forms = [] if translation is None else list(translation.iter("numerusform"))
            texts = (
                [f.text for f in forms]
                if forms
                else [translation.text if translation is not None else None]
            )
            if kind == "unfinished" or not all(t and t.strip() for t in texts):
                missing.append(f"{name}: {message.findtext('source', '')!r}")
    return missing


def build(lang: str, catalogue: str, sources: list[Path], *, check: bool) -> list[str]:
    """Update (or, with ``check``, only inspect) one catalogue; return its missing strings."""
    source = ts_path(lang, catalogue)
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / source.name
        if source.exists():
            shutil.copyfile(source, fresh)
        extract(lang, fresh, sources)
        missing = untranslated(fresh)
        if check:
            return missing
        if not source.exists() or fresh.read_bytes() != source.read_bytes():
            TRANSLATIONS.mkdir(parents=True, exist_ok=True)
            os.replace(fresh, source)
            print(f"updated {source.relative_to(ROOT)}")
    compiled = qm_path(lang, catalogue)
    if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
        run([tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(compiled)])
        print(f"compiled {compiled.relative_to(ROOT)}")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if any UI string has no translation"
    )
    args = parser.parse_args(argv)
    failed = False
    for lang in LANGUAGES:
        for catalogue, sources in catalogues().items():
            missing = build(lang, catalogue, sources, check=args.check)
            if not missing:
                continue
            stream = sys.stderr if args.check else sys.stdout
            print(
                f"{ts_path(lang, catalogue).name}: {len(missing)} string(s) without a "
                "translation:",
                file=stream,
            )
            for entry in missing:
                print(f"  {entry}", file=stream)
            failed = failed or args.check
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
