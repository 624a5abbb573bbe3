"""Lead exports: XLSX, CSV, Salesforce and HubSpot import layouts, vCard.

Managers only, audited, streamed in constant memory, cancellable; see ``runner`` for the flow,
``cells`` for formula neutralisation, ``tabular`` for the spreadsheet columns, ``crm_format``
for the CRM mappings (documented in docs/exports.md) and ``source`` for how rows are read.

    from catalog_app.services.exports import ExportFormat, ExportRequest, export_leads
    result = export_leads(db, ExportRequest(ExportFormat.XLSX, Path("leads.xlsx")), actor=manager)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from catalog_app.services.exports.runner import (
        ExportCancelled,
        ExportPhase,
        ExportRequest,
        ExportResult,
        export_leads,
    )
    from catalog_app.services.exports.writers import CsvEncoding, ExportFormat, FileOptions

# Loaded on first use (PEP 562): the command line registers ``export`` with the format names
# without paying for the export machinery (and the pinyin dictionary) on every start.
_HOMES = {
    "ExportCancelled": "runner",
    "ExportPhase": "runner",
    "ExportRequest": "runner",
    "ExportResult": "runner",
    "export_leads": "runner",
    "CsvEncoding": "writers",
    "ExportFormat": "writers",
    "FileOptions": "writers",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


__all__ = [
    "CsvEncoding",
    "ExportCancelled",
    "ExportFormat",
    "ExportPhase",
    "ExportRequest",
    "ExportResult",
    "FileOptions",
    "export_leads",
]
