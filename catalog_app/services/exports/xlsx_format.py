"""XLSX export with xlsxwriter: a sheet of leads, one of their interests, one about the file.

- ``constant_memory``: each row goes to disk as soon as the next one starts, so a million leads
  take no more memory than ten (strings are written in-line, not in a shared table).
- ``strings_to_formulas`` / ``strings_to_urls`` off, and text written with ``write_string``: a
  typed ``=1+1`` is a string cell, never a formula. Cells that begin like a formula also get
  Excel's quote-prefix flag (``cells`` explains why that is the XLSX form of the apostrophe).
- A formatted header row, frozen below the header, an autofilter over every column, column
  widths for Chinese text, the header repeated on printed pages.
- Times are real Excel dates (serial numbers with a date format) at the export's UTC offset;
  phone numbers, credit codes and ids are text cells in text-formatted columns (never numbers:
  leading zeros and ``+86`` stay); counts are numbers.
- A sheet holds at most 1,048,576 rows: a longer table continues on "线索 (2)", "线索 (3)"...
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from catalog_app.domain.text import Bilingual
from catalog_app.services.exports.cells import FORMULA_TRIGGERS, needs_marker
from catalog_app.services.exports.source import LeadStream, RawBatch
from catalog_app.services.exports.tabular import (
    INTEREST_TABLE,
    LEAD_TABLE,
    Column,
    Kind,
    LeadTable,
)
from catalog_app.services.exports.writers import FileOptions

MAX_ROWS = 1_048_576  # per sheet, header included (Excel's limit)
WORKBOOK_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
LEADS_SHEET = Bilingual(zh="线索", en="Leads")
INTERESTS_SHEET = Bilingual(zh="意向车型", en="Interests")
ABOUT_SHEET = Bilingual(zh="导出说明", en="About this file")
_CHECK_STARTS = FORMULA_TRIGGERS | {"'"}


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.header = book.add_format(
            {
                "bold": True,
                "font_color": "#FFFFFF",
                "bg_color": "#1F4E79",
                "border": 1,
                "border_color": "#8EA9C1",
                "text_wrap": True,
                "valign": "vcenter",
            }
        )
        self.text = book.add_format({"num_format": "@"})
        self.quoted = book.add_format({"num_format": "@", "quote_prefix": True})
        self.moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.label = book.add_format({"bold": True, "valign": "top"})

    def column(self, column: Column) -> Format | None:
        """The column's default format (what Excel gives a value typed into an empty cell)."""
        return {Kind.MOMENT: self.moment, Kind.CODE: self.text}.get(column.kind)


class _Table:
    """One table spread over as many sheets as Excel's row limit needs."""

    def __init__(
        self,
        book: xlsxwriter.Workbook,
        name: str,
        columns: tuple[Column, ...],
        headers: list[str],
        formats: _Formats,
    ) -> None:
        self._book = book
        self._name = name
        self._columns = columns
        self._headers = headers
        self._formats = formats
        self._sheets: list[tuple[Worksheet, int]] = []
        self._sheet: Worksheet | None = None
        self._row = 0
        self.rows_written = 0
        self._kinds = [column.kind for column in columns]

    def _new_sheet(self) -> Worksheet:
        if self._sheet is not None:
            self._sheets.append((self._sheet, self._row))
        number = len(self._sheets) + 1
        sheet = self._book.add_worksheet(self._name if number == 1 else f"{self._name} ({number})")
        for index, column in enumerate(self._columns):
            sheet.set_column(index, index, column.width, self._formats.column(column))
        sheet.set_row(0, 32)
        for index, header in enumerate(self._headers):
            sheet.write_string(0, index, header, self._formats.header)
        sheet.freeze_panes(1, 0)
        sheet.repeat_rows(0)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        self._sheet, self._row = sheet, 1
        return sheet

    def write_rows(self, rows: list[list[Any]]) -> None:
        """Write rows of cells (the hot loop of a big export: a cell costs one check and one
        xlsxwriter call). Plain text needs no format — a text cell stays text — but codes
        (ids, phones, credit codes) get the text format so an edit in Excel keeps them text;
        formula-like text gets the quote prefix; times the date format; counts none."""
        sheet = self._sheet or self._new_sheet()
        formats = self._formats
        code_format, quoted, moment_format = formats.text, formats.quoted, formats.moment
        text, code, moment = Kind.TEXT, Kind.CODE, Kind.MOMENT
        starts = _CHECK_STARTS
        columns = list(enumerate(self._kinds))
        row_number = self._row
        write_string, write_number = sheet.write_string, sheet.write_number
        for cells in rows:
            if row_number >= MAX_ROWS:
                self._row = row_number
                sheet = self._new_sheet()
                row_number = self._row
                write_string, write_number = sheet.write_string, sheet.write_number
            for col, kind in columns:
                value = cells[col]
                if value is None or value == "":
                    continue
                if kind is text:
                    if value[0] in starts and needs_marker(value):
                        write_string(row_number, col, value, quoted)
                    else:
                        write_string(row_number, col, value)
                elif kind is code:
                    fmt = quoted if value[0] in starts and needs_marker(value) else code_format
                    write_string(row_number, col, value, fmt)
                elif kind is moment:  # an Excel serial day number
                    write_number(row_number, col, value, moment_format)
                else:
                    write_number(row_number, col, value)
            row_number += 1
        self._row = row_number
        self.rows_written += len(rows)

    def finish(self) -> None:
        if self._sheet is None:
            self._new_sheet()
        assert self._sheet is not None
        self._sheets.append((self._sheet, self._row))
        self._sheet = None
        last_column = len(self._columns) - 1
        for sheet, rows in self._sheets:
            sheet.autofilter(0, 0, max(rows - 1, 0), last_column)


class XlsxLeadWriter:
    def __init__(self, path: Path, stream: LeadStream, options: FileOptions) -> None:
        self._path = path
        self._options = options
        self._table = LeadTable(stream, options.lang)
        self._book = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
        self._formats = _Formats(self._book)
        lang = options.lang
        self._leads = _Table(
            self._book,
            LEADS_SHEET.render(lang),
            LEAD_TABLE,
            self._table.headers(LEAD_TABLE),
            self._formats,
        )
        self._interests = _Table(
            self._book,
            INTERESTS_SHEET.render(lang),
            INTEREST_TABLE,
            self._table.headers(INTEREST_TABLE),
            self._formats,
        )
        self._closed = False
        self.about: list[tuple[str, str]] = []  # (label, value) lines set by the runner

    def write(self, batch: RawBatch) -> None:
        self._leads.write_rows(self._table.lead_rows(batch, as_text=False))
        self._interests.write_rows(self._table.interest_rows(batch, as_text=False))

    def _write_about(self) -> None:
        lang = self._options.lang
        sheet = self._book.add_worksheet(ABOUT_SHEET.render(lang))
        sheet.set_column(0, 0, 26)
        sheet.set_column(1, 1, 90)
        for row, (label, value) in enumerate(self.about):
            sheet.write_string(row, 0, label, self._formats.label)
            sheet.write_string(row, 1, value, self._formats.wrap)

    def finish(self) -> None:
        self._leads.finish()
        self._interests.finish()
        if self.about:
            self._write_about()
        self._book.set_properties(
            {
                "title": LEADS_SHEET.render(self._options.lang),
                "created": datetime.now(UTC),
                "comments": "catalog-app lead export",
            }
        )
        self._closed = True
        self._book.close()

    def close(self) -> None:
        """Release the temporary files of an unfinished workbook (nothing is written)."""
        if self._closed:
            return
        self._closed = True
        for sheet in self._book.worksheets():
            handle = getattr(sheet, "row_data_fh", None)
            if handle is not None and not handle.closed:
                handle.close()
            temp_name = getattr(sheet, "row_data_filename", None)
            if temp_name:
                Path(temp_name).unlink(missing_ok=True)
