"""Text cells that a spreadsheet must never run as a formula (OWASP "CSV Injection").

Excel, LibreOffice and Google Sheets treat a cell whose text begins with ``=``, ``+``, ``-``,
``@``, a tab, a carriage return or a line feed as a formula (``=HYPERLINK(...)``,
``@SUM(...)``, ``-2+3+cmd|...``). A lead's fields are typed by people and merged from other
devices, so every exported text cell is checked:

- CSV (and the CRM layouts, which are CSV): such a cell gets a leading apostrophe in the file —
  the only marker CSV has. Spreadsheets read it as "this is text".
- XLSX: every text cell is a string cell (``write_string``, never a formula), and such a cell is
  written with Excel's own quote-prefix flag — exactly what Excel stores when a person types a
  leading apostrophe: the formula bar shows ``'=1+1``, the cell shows the text, and editing it
  never turns it into a formula. The value itself stays the original (a phone number
  ``+86 139…`` reads as typed, not as ``'+86 139…``).

The database always keeps the original text; ``original_text`` undoes the CSV marker for a
program that reads an export back in.
"""

from __future__ import annotations

# A cell starting with one of these may be evaluated as a formula.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n")
MARKER = "'"
CHECK_STARTS = FORMULA_TRIGGERS | {MARKER}  # a cell starting otherwise needs no check
_CHECK_STARTS = CHECK_STARTS


def needs_marker(text: str) -> bool:
    """True when ``text`` would start a formula in a spreadsheet — or already starts with the
    marker before such a text (marked again, so that reading back is never ambiguous)."""
    while text and text[0] == MARKER:
        text = text[1:]
        if text and text[0] in FORMULA_TRIGGERS:
            return True
        if not text or text[0] != MARKER:
            return False
    return bool(text) and text[0] in FORMULA_TRIGGERS


def neutralise(text: str) -> str:
    """``text`` as it is written in a CSV file: with a leading apostrophe if it could run."""
    if text and text[0] in _CHECK_STARTS and needs_marker(text):
        return MARKER + text
    return text


def original_text(cell: str) -> str:
    """The original text of a CSV cell written by ``neutralise`` (for reading an export back)."""
    if cell.startswith(MARKER) and needs_marker(cell[1:]):
        return cell[1:]
    return cell
