"""Fixtures of the bundle tests: the scripts in build/ as modules; the ``bundle`` marker.

See ``bundle_helpers.py`` for why they are loaded from their files, and for the opt-in switch
of the tests that build the frozen bundle.
"""

from __future__ import annotations

import subprocess
import sys
from types import ModuleType

import pytest
from bundle_helpers import ROOT, load_build_module


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "bundle: builds the PyInstaller bundle (opt-in: CATALOG_APP_BUNDLE_TEST=1)"
    )


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm catalogues (build products, not in git) exist, as the setup and the build make
    them: the bundle ships them, and the rules are checked against them."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def bundle_config() -> ModuleType:
    return load_build_module("bundle_config")


@pytest.fixture(scope="session")
def trim_icu() -> ModuleType:
    return load_build_module("trim_icu")


@pytest.fixture(scope="session")
def make_icon() -> ModuleType:
    return load_build_module("make_icon")


@pytest.fixture(scope="session")
def smoke_script() -> ModuleType:
    return load_build_module("smoke_test")


@pytest.fixture(scope="session")
def build_script() -> ModuleType:
    return load_build_module("build")
