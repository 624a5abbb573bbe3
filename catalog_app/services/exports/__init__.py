"""Lead exports: XLSX, CSV, Salesforce and HubSpot import layouts, vCard.

Managers only, audited, streamed in constant memory, cancellable; see ``runner`` for the flow,
``cells`` for formula neutralisation, ``tabular`` for the spreadsheet columns, ``crm_format``
for the CRM mappings (documented in docs/exports.md) and ``source`` for how rows are read.

    from catalog_app.services.exports import ExportFormat, ExportRequest, export_leads
    result = export_leads(db, ExportRequest(ExportFormat.XLSX, Path("leads.xlsx")), actor=manager)
"""

from catalog_app.services.exports.runner import (
    ExportCancelled,
    ExportPhase,
    ExportRequest,
    ExportResult,
    export_leads,
)
from catalog_app.services.exports.writers import CsvEncoding, ExportFormat, FileOptions

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
