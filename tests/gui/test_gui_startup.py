"""Start-up: a damaged file offers the newest good backup; a newer file quits with code 2;
the bundled font draws Chinese on a machine without Chinese fonts; translations are complete."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from gui_data import ROOT

from catalog_app.store.database import open_sqlite
from catalog_app.ui.fonts import BundledFontError, register_bundled_font
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.open_dialogs import EXIT_ERROR, EXIT_NEWER_SCHEMA, open_with_dialogs

Answer = Callable[..., list[str]]


def _database_with_a_backup(folder: Path) -> Path:
    database = open_sqlite(folder / "catalog.sqlite")
    database.backup()
    database.close()
    return folder / "catalog.sqlite"


def _damage(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(b"this is not a database any more" * 4)


def test_a_damaged_database_offers_the_newest_good_backup_and_opens_it(
    gui_app: object, tmp_path: Path, answer_message_boxes: Answer
) -> None:
    path = _database_with_a_backup(tmp_path)
    _damage(path)
    seen = answer_message_boxes("恢复最近的完好备份", "确定")
    languages = LanguageManager(gui_app, "zh_CN")  # type: ignore[arg-type]
    try:
        database, code = open_with_dialogs(str(path), "zh_CN")
    finally:
        languages.set_language("en")
    assert code == 0 and database is not None
    database.close()
    assert "已损坏" in seen[0] and "最近的完好备份" in seen[0]
    assert "已恢复备份" in seen[1] and "原文件已保留为" in seen[1]
    kept = list(tmp_path.glob("catalog.sqlite.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")


def test_quitting_at_the_damaged_database_dialog_leaves_the_file_alone(
    gui_app: object, tmp_path: Path, answer_message_boxes: Answer
) -> None:
    path = _database_with_a_backup(tmp_path)
    _damage(path)
    damaged = path.read_bytes()
    answer_message_boxes("Quit")
    database, code = open_with_dialogs(str(path), "en")
    assert database is None and code == EXIT_ERROR
    assert path.read_bytes() == damaged


def test_a_file_from_a_newer_version_is_refused_with_exit_code_2(
    gui_app: object, tmp_path: Path, answer_message_boxes: Answer
) -> None:
    path = tmp_path / "catalog.sqlite"
    open_sqlite(path).close()
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    seen = answer_message_boxes("OK")
    database, code = open_with_dialogs(str(path), "en")
    assert database is None and code == EXIT_NEWER_SCHEMA
    assert "newer version" in seen[0]
    assert path.read_bytes() == before


def test_run_for_benchmark_opens_shows_and_returns(gui_app: object, tmp_path: Path) -> None:
    from catalog_app.ui.app import run_for_benchmark

    run_for_benchmark(str(tmp_path / "bench.sqlite"))


def test_a_missing_font_file_fails_loudly(gui_app: object, tmp_path: Path) -> None:
    with pytest.raises(BundledFontError, match="missing"):
        register_bundled_font(tmp_path / "no-such-font.ttc")


FONT_PROBE = textwrap.dedent(
    """
    import sys
    from PySide6.QtGui import QFontDatabase, QFontMetrics
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    print("before:", chinese)
    plain = QFontMetrics(QLabel().font())
    print("control:", any(plain.inFontUcs4(ord(c)) for c in "电池"))
    from catalog_app.ui.fonts import BUNDLED_FAMILY, apply_bundled_font
    font = apply_bundled_font(app)
    assert BUNDLED_FAMILY in QFontDatabase.families(), QFontDatabase.families()

    def render(text):
        label = QLabel(text)
        label.setStyleSheet("background: white; color: black")
        label.adjustSize()
        return label.grab().toImage()

    metrics = QFontMetrics(QLabel().font())
    assert all(metrics.inFontUcs4(ord(c)) for c in "电池电量续航"), "glyphs missing"
    one, other = render("电池电量"), render("续航里程")
    inked = sum(
        1 for x in range(one.width()) for y in range(one.height())
        if one.pixelColor(x, y).lightness() < 128
    )
    assert inked > 50, inked
    assert one != other, "two different texts render alike: boxes instead of glyphs"
    print("ok", len(chinese), inked)
    """
)


def test_chinese_renders_with_the_bundled_font_where_no_chinese_font_is_installed(
    tmp_path: Path,
) -> None:
    """Run Qt with a font configuration that holds no fonts at all, as on a bare machine."""
    fonts, cache = tmp_path / "fonts", tmp_path / "cache"
    fonts.mkdir()
    cache.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {"FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin"}
    result = subprocess.run(
        [sys.executable, "-c", FONT_PROBE],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "before: []" in result.stdout, "the test machine's fonts leaked in"
    assert "control: False" in result.stdout, "without the bundled font there are no glyphs"
    assert "ok" in result.stdout


def test_every_ui_string_has_a_chinese_translation() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
