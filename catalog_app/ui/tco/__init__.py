"""The TCO calculator's screens: the input form, the results (table and chart), page and dialog.

``tco_page.TcoPage`` is the whole calculator for one model (``touch=True`` for the kiosk);
``open_tco_dialog`` opens it in a window beside the main window (the model page's
``tco_requested``). The modules load on first use, so QtCharts is not imported at start-up.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from catalog_app.ui.app_state import AppState
    from catalog_app.ui.tco.tco_dialog import TcoDialog


def open_tco_dialog(parent: QWidget, state: AppState, model_id: object) -> TcoDialog | None:
    """Show the calculator for ``model_id`` (a UUID; anything else is ignored)."""
    if not isinstance(model_id, uuid.UUID):
        return None
    from catalog_app.ui.tco.tco_dialog import open_tco_dialog as open_dialog

    return open_dialog(parent, state, model_id)
