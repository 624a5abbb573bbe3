"""Guard against a Qt binding that corrupts the interpreter.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a Qt method that
returns nothing; after a few thousand calls Python aborts ("none_dealloc"), which for a booth
app that runs all day means a crash. pyproject.toml keeps PySide6 below 6.12; this test fails
loudly if an installed binding leaks again.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor


def test_calling_qt_methods_does_not_leak_references_to_none() -> None:
    colour = QColor(10, 20, 30)
    before = sys.getrefcount(None)
    for _ in range(200):
        colour.setAlpha(128)
    after = sys.getrefcount(None)
    assert after >= before - 20, f"None lost {before - after} references in 200 Qt calls"
