"""The TCO calculator's screens: the input form, the results (table and chart), page and dialog.

``TcoPage`` is the whole calculator for one model (``touch=True`` for the kiosk); ``TcoDialog``
opens it beside the main window (from the model page's ``tco_requested``).
"""

from catalog_app.ui.tco.tco_dialog import TcoDialog, open_tco_dialog
from catalog_app.ui.tco.tco_page import TcoPage

__all__ = ["TcoDialog", "TcoPage", "open_tco_dialog"]
