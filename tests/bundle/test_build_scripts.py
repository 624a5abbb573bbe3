"""The helpers of build/build.py and build/smoke_test.py: what they find, measure and accept."""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

import pytest
from openpyxl import Workbook
from reportlab.pdfgen.canvas import Canvas

from catalog_app.documents.fonts import register_cjk_font


def test_the_size_of_a_bundle_counts_files_once_and_not_links(
    build_script: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "libQt6Core.so.6").write_bytes(b"x" * 1000)
    (tmp_path / "catalog-app").write_bytes(b"y" * 24)
    (tmp_path / "libQt6Core.so.6").symlink_to(tmp_path / "lib" / "libQt6Core.so.6")
    assert build_script.folder_size(tmp_path) == (1024, 2)
    assert build_script.folder_size(tmp_path / "catalog-app") == (24, 1)


def test_the_bundle_lands_where_the_docs_say(build_script: ModuleType) -> None:
    onedir, onefile = build_script.bundle_path(False), build_script.bundle_path(True)
    assert onefile.parent == build_script.DIST / "onefile"
    assert onefile.stem == "catalog-app"
    assert onedir.parent == build_script.DIST
    assert build_script.venv_python(Path("/v")).name.startswith("python")


def test_the_smoke_test_runs_the_console_program_of_a_folder(
    smoke_script: ModuleType, tmp_path: Path
) -> None:
    exe = ".exe" if os.name == "nt" else ""
    (tmp_path / f"catalog-app{exe}").write_bytes(b"")
    assert smoke_script.program_in(tmp_path).name == f"catalog-app{exe}"
    (tmp_path / f"catalog-app-cli{exe}").write_bytes(b"")
    assert smoke_script.program_in(tmp_path).name == f"catalog-app-cli{exe}"
    app = tmp_path / "Catalog App.app"
    assert smoke_script.program_in(app) == app / "Contents" / "MacOS" / "catalog-app"
    with pytest.raises(SystemExit, match="build it first"):
        smoke_script.program_in(tmp_path / "missing")


def test_the_frozen_app_runs_with_its_own_data_folders_and_no_python_paths(
    smoke_script: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", "/somewhere")
    monkeypatch.setenv("CATALOG_APP_DB", "/home/me/real.sqlite")
    env = smoke_script.isolated_env(tmp_path, "offscreen")
    assert "PYTHONPATH" not in env and "CATALOG_APP_DB" not in env
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "HOME", "LOCALAPPDATA", "APPDATA"):
        assert Path(env[name]).is_relative_to(tmp_path)
    assert env["QT_QPA_PLATFORM"] == "offscreen"


def test_a_pdf_passes_only_with_the_chinese_font_embedded(
    smoke_script: ModuleType, tmp_path: Path
) -> None:
    with_font, without = tmp_path / "zh.pdf", tmp_path / "latin.pdf"
    canvas = Canvas(str(with_font))
    canvas.setFont(register_cjk_font(), 14)
    canvas.drawString(72, 720, "购车意向书 草稿")
    canvas.save()
    canvas = Canvas(str(without))
    canvas.drawString(72, 720, "Draft")
    canvas.save()
    assert "WenQuanYi" in smoke_script.check_pdf(with_font)
    with pytest.raises(smoke_script.Failure, match="no WenQuanYi"):
        smoke_script.check_pdf(without)
    without.write_bytes(b"%PDF-1.4 cut short")
    with pytest.raises(smoke_script.Failure, match="not a complete PDF"):
        smoke_script.check_pdf(without)


def test_an_xlsx_passes_only_when_it_is_a_workbook(
    smoke_script: ModuleType, tmp_path: Path
) -> None:
    good, bad = tmp_path / "leads.xlsx", tmp_path / "leads-bad.xlsx"
    workbook = Workbook()
    workbook.active.append(["姓名", "手机"])
    workbook.save(good)
    bad.write_text("name,phone\n", encoding="utf-8")
    assert "1 sheet(s)" in smoke_script.check_xlsx(good)
    with pytest.raises(smoke_script.Failure, match="not an XLSX"):
        smoke_script.check_xlsx(bad)
    with pytest.raises(smoke_script.Failure, match="was not written"):
        smoke_script.check_xlsx(tmp_path / "none.xlsx")


def test_command_output_is_reported_on_one_line(smoke_script: ModuleType) -> None:
    assert smoke_script.one_line("a\n\n  b \nc\n") == "a · b · c"
    assert len(smoke_script.one_line("x" * 1000, limit=50)) == 50


def test_the_version_expected_is_the_checkouts(smoke_script: ModuleType) -> None:
    from catalog_app import __version__

    assert smoke_script.checkout_version() == __version__


class _Config:
    def __init__(self, markexpr: str) -> None:
        self.markexpr = markexpr

    def getoption(self, name: str, default: object = None) -> object:
        return self.markexpr if name == "markexpr" else default


@pytest.mark.parametrize(
    ("variable", "markexpr", "enabled"),
    [
        ("", "", False),
        ("1", "", True),
        ("0", "", False),
        ("", "bundle", True),
        ("", "not bundle", False),
        ("", "postgres", False),
    ],
)
def test_the_frozen_bundle_is_built_only_when_asked(
    monkeypatch: pytest.MonkeyPatch, variable: str, markexpr: str, enabled: bool
) -> None:
    from bundle_helpers import OPT_IN_VARIABLE, bundle_tests_enabled

    monkeypatch.setenv(OPT_IN_VARIABLE, variable)
    assert bundle_tests_enabled(_Config(markexpr)) is enabled


def test_the_driver_signs_in_as_the_manager_the_smoke_command_makes(
    smoke_script: ModuleType,
) -> None:
    from catalog_app.commands import smoke_steps

    assert smoke_script.SMOKE_MANAGER == smoke_steps.SMOKE_MANAGER
    assert smoke_script.SMOKE_MANAGER_PIN == smoke_steps.SMOKE_MANAGER_PIN


def test_system_fonts_can_be_hidden_so_only_the_bundled_font_remains(
    smoke_script: ModuleType, tmp_path: Path
) -> None:
    env: dict[str, str] = {}
    smoke_script.hide_system_fonts(env, tmp_path)
    config = Path(env["FONTCONFIG_FILE"])
    text = config.read_text(encoding="utf-8")
    assert "<dir>" in text and "/usr/share/fonts" not in text
    assert (config.parent / "empty").is_dir()
