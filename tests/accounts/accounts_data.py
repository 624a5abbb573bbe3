"""Shared names of the accounts tests (a module with a unique name, importable from the test
files of this folder whatever other conftest modules are loaded)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from catalog_app.services.accounts import StaffMember
from catalog_app.ui.app_state import AppState

MANAGER_PIN = "9876"
STAFF_PIN = "1234"

StateFactory = Callable[..., AppState]  # make_state(lang="en", staff=None)


@dataclass
class People:
    manager: StaffMember
    staff: StaffMember
