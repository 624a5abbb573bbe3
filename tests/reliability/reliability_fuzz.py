"""Helpers of the fuzz tests: a fingerprint of chosen tables (to prove that a refused input wrote
nothing), the check every refusal must pass (a message in Chinese and in English), and
hypothesis settings shared by the fuzzers.

A module with a unique name, importable from the test files of this folder.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from typing import Any

from hypothesis import HealthCheck, settings
from sqlalchemy import text

from catalog_app.domain.text import UserFacingError
from catalog_app.store.database import Database

# Fixtures are module-scoped databases and temporary folders: safe to share between examples.
FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


def scaled(fraction: float, at_least: int = 5) -> int:
    """``fraction`` of the loaded profile's ``max_examples`` (never fewer than ``at_least``), for
    fuzzers whose every example is slow (a whole merge); the profile is loaded by conftest."""
    return max(at_least, int(settings.default.max_examples * fraction))


def fingerprint(database: Database, tables: Iterable[str]) -> dict[str, tuple[int, str]]:
    """(row count, sha256 of every row in a stable order) of each table in ``tables``."""
    found: dict[str, tuple[int, str]] = {}
    with database.engine.connect() as connection:
        for table in tables:
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).all()
            digest = hashlib.sha256()
            for row in sorted(repr(tuple(row)) for row in rows):
                digest.update(row.encode("utf-8", "surrogatepass"))
            found[table] = (len(rows), digest.hexdigest())
    return found


def assert_clear_refusal(error: UserFacingError) -> None:
    """A refusal a person can act on: a non-empty message in both languages, the Chinese one
    with Chinese in it, no Python internals."""
    english, chinese = error.text("en"), error.text("zh_CN")
    assert english.strip() and chinese.strip()
    assert any("\u4e00" <= char <= "\u9fff" for char in chinese), chinese
    for leak in ("Traceback", "Error(", "object at 0x"):
        assert leak not in english and leak not in chinese


def all_finite(value: Any) -> bool:
    """True when every float inside ``value`` (dicts, lists, tuples) is finite."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(all_finite(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(all_finite(v) for v in value)
    return True
