"""What every export format implements, and the choices a person makes for a file.

A writer is made on an open ``LeadStream`` and a path (the runner gives it a temporary name
beside the final file), writes one ``RawBatch`` at a time, and ``finish()`` closes the file;
``close()`` after a failure or a cancel releases the file without finishing it (the runner then
removes it). Writers never hold more than one batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the CLI reads the format names without loading the export machinery
    from catalog_app.services.exports.source import LeadStream, RawBatch


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"
    SALESFORCE = "salesforce"
    HUBSPOT = "hubspot"
    VCARD = "vcard"

    @property
    def suffix(self) -> str:
        return {ExportFormat.XLSX: ".xlsx", ExportFormat.VCARD: ".vcf"}.get(self, ".csv")


class CsvEncoding(StrEnum):
    """How CSV text is encoded. Excel on Chinese Windows reads UTF-8 only with a BOM."""

    UTF8_BOM = "utf-8-sig"
    UTF8 = "utf-8"
    GB18030 = "gb18030"


@dataclass(frozen=True)
class FileOptions:
    """Choices about the file itself (what goes in it is the ``LeadFilter``)."""

    lang: str = "zh_CN"
    # CSV and the CRM layouts; None: UTF-8 with BOM for CSV (Excel), without for CRM importers.
    encoding: CsvEncoding | None = None

    def encoding_for(self, fmt: ExportFormat) -> CsvEncoding:
        if self.encoding is not None:
            return self.encoding
        return CsvEncoding.UTF8_BOM if fmt is ExportFormat.CSV else CsvEncoding.UTF8


class LeadWriter(Protocol):
    def write(self, batch: RawBatch) -> None: ...

    def finish(self) -> None: ...

    def close(self) -> None: ...


def make_writer(
    fmt: ExportFormat, path: Path, stream: LeadStream, options: FileOptions
) -> LeadWriter:
    """The writer of ``fmt`` on ``path`` (created now)."""
    if fmt is ExportFormat.CSV:
        from catalog_app.services.exports.csv_format import CsvLeadWriter

        return CsvLeadWriter(path, stream, options)
    if fmt is ExportFormat.XLSX:
        from catalog_app.services.exports.xlsx_format import XlsxLeadWriter

        return XlsxLeadWriter(path, stream, options)
    if fmt in (ExportFormat.SALESFORCE, ExportFormat.HUBSPOT):
        from catalog_app.services.exports.crm_format import CrmLeadWriter

        return CrmLeadWriter(path, stream, options, fmt.value)
    from catalog_app.services.exports.vcard_format import VCardLeadWriter

    return VCardLeadWriter(path, stream, options)
