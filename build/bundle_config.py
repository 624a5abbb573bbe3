"""What goes into the bundle, worked out from the checkout (used by ``catalog_app.spec``).

Nothing here is a hand-kept list of the app's modules, which would go stale while features land:

- every file under ``resources/`` and ``database/`` is shipped (translation sources, caches and
  placeholders excepted) where ``catalog_app/locations.py`` looks in a frozen app:
  ``sys._MEIPASS/catalog_app/<resources|database>/...``;
- the modules that Alembic's ``env.py`` and the migration scripts import (they are loaded at run
  time by path, so PyInstaller's analysis never sees them) are read from those files;
- the data files of every dependency named in ``pyproject.toml`` are collected;
- the Qt modules the app uses are read from its imports; plugins, Qt translations and Qt
  libraries it cannot use are dropped after the analysis (``QtPrune``).

No PyInstaller import at module level: the tests import this file without PyInstaller.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
APP_PACKAGE = "catalog_app"
SHIPPED_DIRS = ("resources", "database")
SKIPPED_NAMES = {"__pycache__", ".keep", ".DS_Store", "Thumbs.db"}
SKIPPED_SUFFIXES = {".pyc", ".pyo", ".ts"}  # .ts: translation sources (the .qm are shipped)

# Dependencies whose files PyInstaller's own hooks collect (Qt: plugins and libraries, chosen
# below), so their package data is not gathered wholesale.
NO_DATA_COLLECTION = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}
DATA_EXCLUDES = ["**/*.pyi", "**/py.typed", "**/tests/**", "**/__pyinstaller/**", "**/*.sfd"]

# Qt modules the app may use even where no import names them yet (the intents preview uses
# QtPdf/QtPdfWidgets, the dashboard QtCharts, printing QtPrintSupport, the icons QtSvg).
QT_KEEP = {
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtCharts",
    "QtPdf",
    "QtPdfWidgets",
    "QtPrintSupport",
    "QtSvg",
    "QtSvgWidgets",
}

# Qt plugins by type: the ones a booth laptop needs. Types not listed here are kept whole (a
# new feature may need them); an empty set drops the type.
QT_PLUGINS_KEPT: dict[str, set[str]] = {
    # xcb: X11 and XWayland; offscreen/minimal: smoke tests, CI; windows/cocoa: other OSes.
    # wayland is left out (about 4 MB with its libraries): Qt falls back to xcb on XWayland.
    "platforms": {"qxcb", "qoffscreen", "qminimal", "qwindows", "qdirect2d", "qcocoa"},
    # the formats the media store accepts (png is built in), and .ico/.icns for icons
    "imageformats": {"qsvg", "qjpeg", "qwebp", "qgif", "qico", "qpdf", "qicns"},
    # compose and ibus (Chinese input methods); the virtual keyboard needs Qt Quick (~40 MB)
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    # gtk3 would drag in half a GTK stack (cairo, pango, gdk-pixbuf: ~8 MB) that must match the
    # system's GTK; the app draws with Fusion and its own stylesheet anyway.
    "platformthemes": {"qxdgdesktopportal"},
    "generic": set(),  # evdev/tuio input for framebuffer devices, not desktops
    "egldeviceintegrations": set(),  # eglfs only
    "wayland-decoration-client": set(),
    "wayland-graphics-integration-client": set(),
    "wayland-shell-integration": set(),
    "wayland-graphics-integration-server": set(),
    "networkinformation": set(),
    "tls": set(),  # QtNetwork comes only as a dependency of QtPdf: no TLS is done
    "qmltooling": set(),
}
# Linux libraries taken from the system rather than bundled: the GPU drivers (mesa) that Qt may
# load need the system's C++ runtime, and a bundled older libstdc++ makes them fail with
# "GLIBCXX_3.4.3x not found" (pyinstaller/pyinstaller#5573). Any system new enough for the
# bundle's glibc has a C++ runtime new enough for Qt's manylinux_2_28 libraries.
# libcups likewise: it must speak the local CUPS server's protocol, and it would bring ~8 MB of
# TLS, Kerberos and Avahi libraries; a laptop that prints has CUPS (without it Qt lists no
# printers and the app still saves PDFs).
LINUX_SYSTEM_LIBRARIES = {"libstdc++.so.6", "libgcc_s.so.1", "libcups.so.2"}
# Plugin types kept only when the app itself imports the Qt module named.
QT_PLUGIN_TYPE_NEEDS = {"tls": "QtNetwork", "networkinformation": "QtNetwork"}


# --- shipped files -------------------------------------------------------------------------------


def shipped_data(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) for every file of resources/ and database/."""
    found = []
    for name in SHIPPED_DIRS:
        base = root / name
        for path in sorted(base.rglob("*")):
            relative = path.relative_to(root)
            if not path.is_file() or SKIPPED_NAMES & set(relative.parts):
                continue
            if path.suffix in SKIPPED_SUFFIXES:
                continue
            folder = PurePosixPath(APP_PACKAGE, *relative.parent.parts)
            found.append((str(path), str(folder)))
    return found


def missing_translations(root: Path = ROOT) -> list[str]:
    """Translation sources (.ts) without an up-to-date compiled catalogue (.qm)."""
    missing = []
    for source in sorted((root / "resources" / "translations").glob("*.ts")):
        compiled = source.with_suffix(".qm")
        if not compiled.is_file() or compiled.stat().st_mtime < source.stat().st_mtime:
            missing.append(source.name)
    return missing


# --- imports read from source files -------------------------------------------------------------


def imported_modules(paths: Iterable[Path]) -> set[str]:
    """Modules the files import: ``import a.b`` gives a.b; ``from a import b`` gives a, and a.b
    too when b is a module (not a name inside a). Relative imports are left out."""
    found: set[str] = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
                found.update(
                    f"{node.module}.{alias.name}"
                    for alias in node.names
                    if _is_module(f"{node.module}.{alias.name}")
                )
    found.discard("__future__")
    return found


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def migration_hidden_imports(root: Path = ROOT) -> list[str]:
    """What Alembic's env.py and the migration scripts import, plus the SQL dialects the store
    opens (SQLite files, PostgreSQL servers through psycopg 3)."""
    modules = imported_modules(sorted((root / "database").rglob("*.py")))
    modules.update(
        {
            "sqlalchemy.dialects.sqlite",
            "sqlalchemy.dialects.sqlite.pysqlite",
            "sqlalchemy.dialects.postgresql",
            "sqlalchemy.dialects.postgresql.psycopg",
            "psycopg",
            "alembic.ddl.sqlite",
            "alembic.ddl.postgresql",
        }
    )
    return sorted(modules)


def used_qt_modules(root: Path = ROOT) -> set[str]:
    """The PySide6 modules (``QtCharts``, ...) imported anywhere in the app's package."""
    pattern = re.compile(r"\bPySide6\.(Qt\w+)")
    found: set[str] = set()
    for path in (root / APP_PACKAGE).rglob("*.py"):
        found.update(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def unused_phonenumbers_data(root: Path = ROOT) -> list[str]:
    """phonenumbers' geocoder, carrier and time-zone tables (about 45 MB of modules) unless the
    app uses them; number parsing and validation need only ``phonenumbers.data``."""
    optional = {
        "geocoder": "phonenumbers.geodata",
        "carrier": "phonenumbers.carrierdata",
        "timezone": "phonenumbers.tzdata",
    }
    text = "\n".join(p.read_text(encoding="utf-8") for p in (root / APP_PACKAGE).rglob("*.py"))
    return [
        data
        for api, data in optional.items()
        if not re.search(rf"phonenumbers\.{api}\b|from phonenumbers import[^\n]*\b{api}\b", text)
    ]


# --- dependencies ---------------------------------------------------------------------------------


def project_distributions(root: Path = ROOT) -> list[str]:
    """The distributions pyproject.toml's [project.dependencies] name, with those of their
    requested extras (``psycopg[binary]`` brings ``psycopg-binary``)."""
    from importlib.metadata import PackageNotFoundError, distribution

    from packaging.requirements import Requirement

    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names: list[str] = []
    for line in project.get("dependencies", []):
        requirement = Requirement(line)
        names.append(requirement.name)
        if not requirement.extras:
            continue
        try:
            dist = distribution(requirement.name)
        except PackageNotFoundError:
            continue
        for extra_line in dist.requires or []:
            extra_req = Requirement(extra_line)
            marker = extra_req.marker
            if marker and any(marker.evaluate({"extra": e}) for e in requirement.extras):
                names.append(extra_req.name)
    return list(dict.fromkeys(names))


def top_level_packages(dist_name: str) -> list[str]:
    """The importable top-level packages a distribution installs."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution(dist_name)
    except PackageNotFoundError:
        return []
    text = dist.read_text("top_level.txt")
    if text:
        names = {line.strip() for line in text.splitlines() if line.strip()}
    else:
        names = {
            PurePosixPath(str(f)).parts[0]
            for f in dist.files or []
            if len(PurePosixPath(str(f)).parts) > 1
        }
    return sorted(n for n in names if n.isidentifier() and not n.startswith("_") and _is_package(n))


def _is_package(name: str) -> bool:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    return spec is not None and spec.origin is not None and bool(spec.submodule_search_locations)


def dependency_data_packages(root: Path = ROOT) -> list[str]:
    """Packages whose data files the bundle collects: every dependency's, except Qt's."""
    packages: list[str] = []
    for name in project_distributions(root):
        if name.lower() in NO_DATA_COLLECTION:
            continue
        packages.extend(top_level_packages(name))
    return list(dict.fromkeys(packages))


# --- Qt modules ---------------------------------------------------------------------------------


def installed_qt_modules() -> set[str]:
    """The names of PySide6's binding modules in this environment (``QtCharts``, ...)."""
    import importlib.machinery

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return set()
    folder = Path(next(iter(spec.submodule_search_locations)))
    found: set[str] = set()
    for path in folder.iterdir():
        suffix = next(
            (s for s in importlib.machinery.EXTENSION_SUFFIXES if path.name.endswith(s)), None
        )
        if suffix and path.name.startswith("Qt"):
            found.add(path.name[: -len(suffix)])
    return found


_IMPORT_PROBE = """
import importlib, sys
for name in sys.argv[1:]:
    try:
        importlib.import_module("PySide6." + name)
    except ImportError:
        pass
print(" ".join(sorted(m.split(".")[1] for m in sys.modules if m.startswith("PySide6.Qt"))))
"""


def qt_modules_loaded(wanted: set[str]) -> set[str]:
    """The binding modules Python loads when importing ``wanted`` (in a fresh interpreter).

    PyInstaller's Qt hooks add the binding of every Qt library a module links to (QtCharts
    links libQt6OpenGL, so the 8 MB QtOpenGL binding would come along), although importing
    QtCharts never loads it; the Qt libraries themselves are still collected as link-time
    dependencies."""
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE, *sorted(wanted)],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(done.stdout.split())


def qt_module_excludes(root: Path = ROOT) -> list[str]:
    """The PySide6 binding modules the app never loads (Qt Quick, WebEngine, 3D, OpenGL...)."""
    loaded = qt_modules_loaded(used_qt_modules(root) | QT_KEEP)
    return sorted(f"PySide6.{name}" for name in installed_qt_modules() - loaded)


# --- Qt pruning after the analysis ----------------------------------------------------------------


def _plugin_core(file_name: str) -> str:
    """``libqxcb.so`` / ``qxcb.dll`` / ``libqxcb.dylib`` -> ``qxcb``."""
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def qt_plugin_kept(dest: str, used_qt: set[str]) -> bool:
    """Whether a bundled file under ``.../Qt/plugins/<type>/`` (or ``PySide6/plugins``) stays."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "plugins" not in parts:
        return True
    index = parts.index("plugins")
    if index == 0 or parts[index - 1] not in ("Qt", "PySide6") or len(parts) < index + 3:
        return True
    plugin_type, file_name = parts[index + 1], parts[-1]
    needs = QT_PLUGIN_TYPE_NEEDS.get(plugin_type)
    if needs and needs in used_qt:
        return True
    if plugin_type not in QT_PLUGINS_KEPT:
        return True
    return _plugin_core(file_name) in QT_PLUGINS_KEPT[plugin_type]


def qt_translation_kept(dest: str, languages: Iterable[str]) -> bool:
    """Qt's own translations: only those of the app's languages (``qtbase_zh_CN.qm``, ...)."""
    path = PurePosixPath(dest.replace("\\", "/"))
    if path.suffix != ".qm" or "translations" not in path.parts or APP_PACKAGE in path.parts:
        return True
    return any(path.stem.endswith(f"_{lang}") for lang in languages if lang != "en")


def _elf_needed(path: str) -> set[str]:
    """The DT_NEEDED names of a 64-bit little-endian ELF file: its direct link-time imports."""
    import struct

    with open(path, "rb") as handle:
        data = handle.read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    names: set[str] = set()
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        for position in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, position)
            if tag == 0:  # DT_NULL
                break
            if tag == 1:  # DT_NEEDED
                start = strings + value
                names.add(data[start : data.index(b"\0", start)].decode())
    return names


def _linked_names(source: str) -> set[str]:
    """Base names of the shared libraries a binary links to directly (not what they link to:
    ``ldd``'s transitive list would keep a removed library's dependencies alive)."""
    try:
        if sys.platform.startswith("linux"):
            return _elf_needed(source)
        from PyInstaller.depend.bindepend import get_imports  # direct on Windows and macOS

        return {PurePosixPath(name).name for name, _resolved in get_imports(source)}
    except Exception:  # noqa: BLE001 - not a binary we can read: it links nothing we prune
        return set()


def _closure(starts: Iterable[str], graph: dict[str, set[str]]) -> set[str]:
    """Every name reachable from ``starts`` through ``graph`` (name -> names it links to)."""
    seen: set[str] = set()
    pending = list(starts)
    while pending:
        name = pending.pop()
        for linked in graph.get(name, set()):
            if linked not in seen:
                seen.add(linked)
                pending.append(linked)
    return seen


def orphaned_dependencies(
    kept: list[tuple[str, str, str]], removed: list[tuple[str, str, str]]
) -> set[str]:
    """Libraries in ``kept`` that are there only because a ``removed`` entry linked to them.

    Entries are PyInstaller TOC tuples (dest, source, kind). A library that a removed plugin
    pulled in (``libQt6Quick`` for the virtual keyboard, cairo and pango for the GTK theme, the
    TLS stack of libcups) is dropped unless a kept binary still reaches it through kept
    libraries; libraries that no removed entry reaches are never touched (some are loaded with
    ctypes, which no link table shows).
    """

    def base(dest: str) -> str:
        return PurePosixPath(dest.replace("\\", "/")).name

    kept_graph = {base(dest): _linked_names(source) for dest, source, _ in kept}
    removed_names = {base(dest) for dest, _, _ in removed}
    full_graph = {**kept_graph, **{base(d): _linked_names(s) for d, s, _ in removed}}
    candidates = _closure(removed_names, full_graph) & set(kept_graph) - removed_names
    roots = [name for name in kept_graph if name not in candidates]
    needed = _closure(roots, kept_graph)
    return {dest for dest, _, _ in kept if base(dest) in candidates - needed}


# --- Windows version resource ---------------------------------------------------------------------


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` -> (0, 1, 0, 0); pre-release tails (``1.2.0rc1``) keep their leading digits."""
    numbers = [
        int(m.group()) if (m := re.match(r"\d+", part)) else 0 for part in version.split(".")
    ]
    padded = (numbers + [0, 0, 0, 0])[:4]
    return (padded[0], padded[1], padded[2], padded[3])


def version_strings(version: str, exe_name: str, description: str) -> dict[str, str]:
    """The texts of the Windows version resource (Properties > Details)."""
    return {
        "CompanyName": "CatalogApp",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": "Proprietary",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": "catalog-app",
        "ProductVersion": version,
    }


def windows_version_info(version: str, exe_name: str, description: str):  # -> VSVersionInfo
    """The version resource Explorer shows, from ``__version__`` (Windows builds only:
    PyInstaller's structure needs pywin32 and pefile)."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = version_tuple(version)
    strings = version_strings(version, exe_name, description)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            # 0x0804: Chinese (Simplified, PRC); 1200: Unicode
            StringFileInfo(
                [StringTable("080404b0", [StringStruct(k, v) for k, v in strings.items()])]
            ),
            VarFileInfo([VarStruct("Translation", [0x0804, 1200])]),
        ],
    )


def dangling_symlinks(entries: list[tuple[str, str, str]]) -> set[str]:
    """SYMLINK entries (PyInstaller links ``libQt6X.so.6`` beside the program to the file under
    ``PySide6/Qt/lib``) whose target was left out: they would be broken links in the bundle.
    A link to such a link is broken too."""
    import posixpath

    def target_of(dest: str, target: str) -> str:
        folder = posixpath.dirname(dest.replace("\\", "/"))
        return posixpath.normpath(posixpath.join(folder, target.replace("\\", "/")))

    links = {dest: target_of(dest, target) for dest, target, kind in entries if kind == "SYMLINK"}
    present = {dest.replace("\\", "/") for dest, _, _ in entries}
    dangling: set[str] = set()
    changed = True
    while changed:
        changed = False
        for dest, target in links.items():
            if dest not in dangling and target not in present - dangling:
                dangling.add(dest)
                changed = True
    return dangling


def mib_of(entries: list[tuple[str, str, str]]) -> float:
    """MiB of the source files of TOC entries (links and missing files count nothing)."""
    import os

    total = 0
    for _dest, source, kind in entries:
        if kind != "SYMLINK" and source and os.path.isfile(source):
            total += os.path.getsize(source)
    return total / 2**20
