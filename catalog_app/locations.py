"""Where the app's shipped files live: in a source checkout, an installed wheel or a frozen bundle.

The repository keeps ``resources/`` and ``database/`` at its top; the wheel ships them inside the
package (``catalog_app/resources``), and a PyInstaller bundle unpacks them under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found = [_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.insert(0, Path(frozen_root) / "catalog_app" / name)
    return found


@cache
def shipped_dir(name: str) -> Path:
    """Return the folder ``resources`` or ``database`` wherever this copy of the app keeps it."""
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the app's {name}/ folder is missing (looked in {_candidates(name)})")


def resources_dir() -> Path:
    return shipped_dir("resources")


def migrations_dir() -> Path:
    return shipped_dir("database")


def sample_catalog_path() -> Path:
    return resources_dir() / "sample" / "fair.json"


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"
