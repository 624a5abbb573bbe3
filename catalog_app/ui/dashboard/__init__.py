"""The Dashboard page (figures and charts of the fair, kept current), the reusable lead
``ExportDialog`` and the fair report action.

``ExportDialog(state, initial_filter)`` can be opened from any page (the lead list passes its
current ``LeadFilter``). QtCharts loads only when the dashboard is first shown.
"""

from catalog_app.ui.dashboard.dashboard_page import DashboardPage

__all__ = ["DashboardPage", "ExportDialog"]


def __getattr__(name: str) -> object:
    if name == "ExportDialog":  # loaded on first use
        from catalog_app.ui.dashboard.export_dialog import ExportDialog

        return ExportDialog
    raise AttributeError(name)
