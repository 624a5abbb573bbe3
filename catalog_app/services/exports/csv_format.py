"""CSV export: one row per lead, the columns of ``tabular.LEAD_TABLE``, for Excel and for scripts.

UTF-8 with a byte-order mark by default (Excel on Chinese Windows needs the BOM to read UTF-8;
without it, it guesses GBK and shows mojibake), plain UTF-8 on request (for scripts), or
GB18030 (older Chinese software). RFC 4180 quoting, CRLF line ends. Text cells that could start
a formula carry a leading apostrophe (``cells.neutralise``). A CSV file has one table, so each
lead's interests are one cell ("model ×units; …") plus the total units; the XLSX export has the
interests as a sheet of their own.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TextIO

from catalog_app.services.exports.source import LeadStream, RawBatch
from catalog_app.services.exports.tabular import LEAD_TABLE, LeadTable
from catalog_app.services.exports.writers import CsvEncoding, ExportFormat, FileOptions

BUFFER = 1 << 20


def open_text(path: Path, encoding: CsvEncoding) -> TextIO:
    """A text file for CSV rows. UTF-8 with BOM is written as the BOM and then plain UTF-8:
    the same bytes as Python's "utf-8-sig" codec, but through the C encoder (the "utf-8-sig"
    encoder is Python code, called once per row). A 1 MiB buffer keeps system calls few."""
    if encoding is CsvEncoding.UTF8_BOM:
        handle = path.open("w", encoding="utf-8", newline="", buffering=BUFFER)
        handle.write("\ufeff")
        return handle
    return path.open("w", encoding=encoding.value, newline="", buffering=BUFFER)


class CsvLeadWriter:
    def __init__(self, path: Path, stream: LeadStream, options: FileOptions) -> None:
        self._table = LeadTable(stream, options.lang)
        # newline="": the csv module writes its own CRLF (RFC 4180).
        self._file = open_text(path, options.encoding_for(ExportFormat.CSV))
        self._writer = csv.writer(self._file)
        self._writer.writerow(self._table.headers(LEAD_TABLE))

    def write(self, batch: RawBatch) -> None:
        self._writer.writerows(self._table.lead_rows(batch, as_text=True))

    def finish(self) -> None:
        self._file.flush()
        self._file.close()

    def close(self) -> None:
        if not self._file.closed:
            self._file.close()
