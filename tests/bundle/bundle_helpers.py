"""Helpers of the bundle tests: the scripts in build/ loaded as modules, the opt-in switch.

The scripts in ``build/`` are not a package (and ``build`` is also the name of a PyPI package),
so each is loaded from its file under a name of its own. Building the frozen bundle takes a
minute or more and needs PyInstaller, so ``test_frozen_bundle.py`` runs only when asked:
``CATALOG_APP_BUNDLE_TEST=1``, or ``-m bundle``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_DIR = ROOT / "build"
OPT_IN_VARIABLE = "CATALOG_APP_BUNDLE_TEST"


def bundle_tests_enabled(config: pytest.Config) -> bool:
    """Asked for by the environment variable, or by selecting the marker (``-m bundle``)."""
    flag = os.environ.get(OPT_IN_VARIABLE, "").strip().lower() in ("1", "true", "yes")
    marker_expression = config.getoption("markexpr", default="") or ""
    return flag or ("bundle" in marker_expression and "not bundle" not in marker_expression)


def load_build_module(name: str) -> ModuleType:
    """``build/<name>.py`` as a module (``catalog_bundle_<name>``), loaded once."""
    module_name = f"catalog_bundle_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, BUILD_DIR / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module
