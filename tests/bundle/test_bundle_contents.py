"""What the spec puts into the bundle, worked out from the checkout (build/bundle_config.py).

These run in the normal suite (no PyInstaller build): they check the rules that keep the bundle
complete while features land — every shipped file where the frozen app looks for it, every
module the run-time-loaded migrations import, Qt modules and plugins kept or left out.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path, PurePosixPath
from types import ModuleType

import pytest

from catalog_app import locations

ROOT = Path(__file__).resolve().parents[2]


def test_every_shipped_file_is_found_by_the_frozen_app_where_locations_looks(
    bundle_config: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen_root = tmp_path / "_MEIPASS"
    for source, folder in bundle_config.shipped_data():
        target = frozen_root / folder
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    monkeypatch.setattr(sys, "_MEIPASS", str(frozen_root), raising=False)
    locations.shipped_dir.cache_clear()
    try:
        assert locations.migrations_dir() == frozen_root / "catalog_app" / "database"
        assert (locations.migrations_dir() / "env.py").is_file()
        assert (locations.migrations_dir() / "script.py.mako").is_file()
        assert locations.font_path().is_file()
        assert locations.font_path().is_relative_to(frozen_root)
        assert locations.sample_catalog_path().is_file()
        assert (locations.resources_dir() / "schema" / "catalog.schema.json").is_file()
        assert (locations.resources_dir() / "styles" / "app.qss").is_file()
        assert (locations.resources_dir() / "icons" / "app.png").is_file()
    finally:
        locations.shipped_dir.cache_clear()


def test_all_migrations_translations_and_sample_media_are_shipped_but_no_sources_or_caches(
    bundle_config: ModuleType,
) -> None:
    shipped = {
        PurePosixPath(folder) / Path(source).name for source, folder in bundle_config.shipped_data()
    }
    for migration in (ROOT / "database" / "versions").glob("*.py"):
        assert PurePosixPath("catalog_app/database/versions") / migration.name in shipped
    for media in (ROOT / "resources" / "sample" / "media").iterdir():
        assert PurePosixPath("catalog_app/resources/sample/media") / media.name in shipped
    for source in (ROOT / "resources" / "translations").glob("*.ts"):
        compiled = source.with_suffix(".qm").name
        assert PurePosixPath("catalog_app/resources/translations") / compiled in shipped
    assert not [p for p in shipped if p.suffix in (".ts", ".pyc") or "__pycache__" in p.parts]


def test_the_modules_alembic_loads_at_run_time_are_hidden_imports(
    bundle_config: ModuleType,
) -> None:
    hidden = set(bundle_config.migration_hidden_imports())
    assert {"catalog_app.domain.models", "alembic.context", "alembic.op"} <= hidden
    assert {"sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql.psycopg"} <= hidden
    assert "psycopg" in hidden


def test_imports_of_a_file_are_read_without_running_it(
    bundle_config: ModuleType, tmp_path: Path
) -> None:
    script = tmp_path / "0099_example.py"
    script.write_text(
        "from __future__ import annotations\n"
        "import sqlalchemy as sa\n"
        "from alembic import op\n"
        "from sqlalchemy.dialects import postgresql\n"
        "from . import sibling\n"
        "raise SystemExit('never run')\n",
        encoding="utf-8",
    )
    found = bundle_config.imported_modules([script])
    assert found == {"sqlalchemy", "alembic", "alembic.op", "sqlalchemy.dialects",
                     "sqlalchemy.dialects.postgresql"}  # fmt: skip


def test_data_of_every_dependency_is_collected_except_qt(bundle_config: ModuleType) -> None:
    packages = bundle_config.dependency_data_packages()
    for expected in ("reportlab", "pypinyin", "opencc", "phonenumbers", "jsonschema"):
        assert expected in packages
    assert "psycopg_binary" in packages  # from psycopg's [binary] extra
    assert not [p for p in packages if p.startswith(("PySide6", "shiboken6"))]


def test_unused_qt_modules_are_excluded_and_the_ones_the_app_needs_kept(
    bundle_config: ModuleType,
) -> None:
    used = bundle_config.used_qt_modules()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    excluded = set(bundle_config.qt_module_excludes())
    installed = bundle_config.installed_qt_modules()
    for heavy in ("QtWebEngineCore", "QtQuick", "QtQml", "Qt3DCore", "QtMultimedia", "QtBluetooth"):
        if heavy in installed:
            assert f"PySide6.{heavy}" in excluded
    for needed in used | {"QtCharts", "QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtSvg"}:
        assert f"PySide6.{needed}" not in excluded


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),  # not listed: kept
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", True),  # a new feature's plugin: kept
        ("PySide6/Qt/lib/libQt6Core.so.6", True),  # not a plugin
        ("catalog_app/resources/plugins/x/y.so", True),
    ],
)
def test_qt_plugins_a_booth_laptop_needs_are_kept(
    bundle_config: ModuleType, dest: str, kept: bool
) -> None:
    assert bundle_config.qt_plugin_kept(dest, {"QtCore", "QtGui", "QtWidgets"}) is kept


def test_network_plugins_stay_when_the_app_itself_uses_qtnetwork(
    bundle_config: ModuleType,
) -> None:
    dest = "PySide6/Qt/plugins/tls/libqopensslbackend.so"
    assert bundle_config.qt_plugin_kept(dest, {"QtCore", "QtNetwork"})


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qt_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_zh_TW.qm", False),
        ("PySide6\\translations\\qtbase_ja.qm", False),
        ("catalog_app/resources/translations/catalog_app_zh_CN.qm", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ],
)
def test_only_qt_translations_of_the_apps_languages_are_kept(
    bundle_config: ModuleType, dest: str, kept: bool
) -> None:
    assert bundle_config.qt_translation_kept(dest, ("zh_CN", "en")) is kept


def test_phonenumbers_geocoder_data_is_left_out_only_while_nothing_uses_it(
    bundle_config: ModuleType, tmp_path: Path
) -> None:
    assert "phonenumbers.geodata" in bundle_config.unused_phonenumbers_data()
    package = tmp_path / "catalog_app"
    package.mkdir()
    (package / "where.py").write_text(
        "from phonenumbers import geocoder, parse\n", encoding="utf-8"
    )
    left_out = bundle_config.unused_phonenumbers_data(tmp_path)
    assert "phonenumbers.geodata" not in left_out
    assert "phonenumbers.carrierdata" in left_out


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2.3.4", (1, 2, 3, 4)),
        ("2.0rc1", (2, 0, 0, 0)),
        ("7", (7, 0, 0, 0)),
    ],
)
def test_windows_version_numbers_come_from_the_package_version(
    bundle_config: ModuleType, version: str, numbers: tuple[int, int, int, int]
) -> None:
    assert bundle_config.version_tuple(version) == numbers


def test_windows_version_resource_names_the_product_and_version(
    bundle_config: ModuleType,
) -> None:
    from catalog_app import __version__

    strings = bundle_config.version_strings(__version__, "catalog-app-cli", "command line")
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == "catalog-app-cli.exe"
    assert strings["ProductName"] == "catalog-app"


@pytest.mark.skipif(sys.platform != "win32", reason="PyInstaller builds it on Windows only")
def test_windows_version_resource_is_built_from_the_package_version(
    bundle_config: ModuleType,
) -> None:
    from catalog_app import __version__

    text = str(bundle_config.windows_version_info(__version__, "catalog-app", "catalog"))
    assert f"'ProductVersion', '{__version__}'" in text
    assert "filevers=" in text


def test_libraries_only_a_dropped_plugin_needed_go_with_it(
    bundle_config: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    links = {
        "/src/libqvirtualkeyboard.so": {"libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Core.so.6"},
        "/src/libqxcb.so": {"libQt6XcbQpa.so.6", "libQt6Core.so.6"},
        "/src/QtCore.abi3.so": {"libQt6Core.so.6"},
        "/src/libQt6Quick.so.6": {"libQt6Qml.so.6", "libQt6Core.so.6"},
    }
    monkeypatch.setattr(bundle_config, "_linked_names", lambda source: links.get(source, set()))
    kept = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/QtCore.abi3.so", "/src/QtCore.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/src/libQt6Quick.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Qml.so.6", "/src/libQt6Qml.so.6", "BINARY"),
        ("libcrypto.so.3", "/src/libcrypto.so.3", "BINARY"),  # loaded by ctypes: never pruned
    ]
    removed = [
        (
            "PySide6/Qt/plugins/platforminputcontexts/libqvirtualkeyboard.so",
            "/src/libqvirtualkeyboard.so",
            "BINARY",
        )
    ]
    assert bundle_config.orphaned_dependencies(kept, removed) == {
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
    }


def test_links_to_left_out_libraries_are_left_out_too(bundle_config: ModuleType) -> None:
    entries = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
        ("sub/libQt6Quick.so.6", "../libQt6Quick.so.6", "SYMLINK"),  # a link to a broken link
        ("sub/libQt6Core.so.6", "../PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
    ]
    assert bundle_config.dangling_symlinks(entries) == {"libQt6Quick.so.6", "sub/libQt6Quick.so.6"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files on Linux only")
def test_only_direct_imports_of_a_library_count_for_pruning(bundle_config: ModuleType) -> None:
    import PySide6

    binding = next(Path(PySide6.__file__).parent.glob("QtCore*.so"))
    direct = bundle_config._elf_needed(str(binding))
    assert "libQt6Core.so.6" in direct
    assert "libicudata.so.73" not in direct and not any("icu" in name for name in direct)
    with pytest.raises(ValueError, match="not a 64-bit"):
        bundle_config._elf_needed(__file__)
