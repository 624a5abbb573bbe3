"""Lead capture at the booth: the capture form and its parts (badge scanning, duplicates banner,
merge dialog, autosaved drafts).

For hosts (e.g. the Leads page): ``CaptureForm(state)`` is the whole screen as one widget, with
``start_with_model(model_id)`` and the signals ``saved(lead_id)`` and ``message(text)``;
``MergeDialog(state, lead_a_id, lead_b_id, parent)`` merges two leads from anywhere.
"""

from catalog_app.ui.capture.capture_form import CaptureForm
from catalog_app.ui.capture.merge_dialog import MergeDialog
from catalog_app.ui.capture.scan_detector import ScanBurstDetector

__all__ = ["CaptureForm", "MergeDialog", "ScanBurstDetector"]
