"""Who is at the booth: signing in with a PIN, switching person, the first manager account,
and staff management for managers.

For hosts: ``StaffSwitcher(state)`` (a status-bar/header control), ``SignInDialog(state)``,
``SignInDialog(state, managers_only=True, reason=...)`` for a manager's approval,
``FirstManagerDialog(state)`` and ``open_staff_management(state, parent)``.
"""

from catalog_app.ui.accounts.first_run import FirstManagerDialog
from catalog_app.ui.accounts.sign_in_dialog import SignInDialog
from catalog_app.ui.accounts.staff_dialog import StaffManagementDialog, open_staff_management
from catalog_app.ui.accounts.staff_switcher import StaffSwitcher

__all__ = [
    "FirstManagerDialog",
    "SignInDialog",
    "StaffManagementDialog",
    "StaffSwitcher",
    "open_staff_management",
]
