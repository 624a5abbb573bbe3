"""Read a table of people from a file as organisers send it: CSV (any common encoding) or XLSX.

CSV as it arrives from a registration system or from Excel on a Chinese Windows PC: UTF-8 with or
without a byte-order mark, UTF-16 with a mark (Excel's "Unicode text"), or GB18030/GBK; commas,
semicolons, tabs or bars between cells. The encoding is decided from the bytes (a mark, else
strict UTF-8, else GB18030), never from the machine's settings. XLSX: the first sheet with data;
numbers that are really codes or phone numbers (``13800138000.0``) come back as digits.

``read_table`` returns the header row and the data rows as text, each with its row number as a
person sees it in a spreadsheet (the header is row 1).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from catalog_app.domain.text import Bilingual, UserFacingError

MAX_BYTES = 200 * 1024 * 1024

UNSUPPORTED = Bilingual(
    zh="不支持的文件类型“{suffix}”：请使用 CSV（.csv）或 Excel 工作簿（.xlsx）。",
    en="Unsupported file type “{suffix}”: use a CSV file (.csv) or an Excel workbook (.xlsx).",
)
OLD_EXCEL = Bilingual(
    zh="“{name}”是旧版 Excel 格式（.xls）。请在 Excel 中另存为 .xlsx 或 CSV 后再导入。",
    en="“{name}” is in the old Excel format (.xls). Save it as .xlsx or CSV and import again.",
)
MISSING = Bilingual(zh="找不到文件 {path}。", en="The file {path} was not found.")
UNREADABLE = Bilingual(zh="无法读取“{name}”：{reason}", en="“{name}” could not be read: {reason}")
EMPTY = Bilingual(zh="“{name}”中没有任何数据。", en="“{name}” holds no data.")
TOO_BIG = Bilingual(
    zh="“{name}”太大（超过 200 MB），请拆分后导入。",
    en="“{name}” is too big (over 200 MB); split it and import the parts.",
)


class TableFileError(UserFacingError):
    """The file cannot be read as a table at all (nothing was imported)."""


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as in a spreadsheet, cells)
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030" or "xlsx"


def read_table(path: Path) -> Table:
    """The header and the rows of a .csv or .xlsx file (see the module docstring)."""
    path = Path(path)
    if not path.is_file():
        raise TableFileError(MISSING, path=path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise TableFileError(OLD_EXCEL, name=path.name)
    if suffix not in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm"):
        raise TableFileError(UNSUPPORTED, suffix=path.suffix or path.name)
    if path.stat().st_size > MAX_BYTES:
        raise TableFileError(TOO_BIG, name=path.name)
    try:
        is_workbook = suffix in (".xlsx", ".xlsm")
        table = _read_xlsx(path) if is_workbook else _read_csv(path.read_bytes())
    except TableFileError:
        raise
    except (OSError, ValueError, KeyError, csv.Error) as exc:
        reason = str(exc) or type(exc).__name__
        raise TableFileError(UNREADABLE, name=path.name, reason=reason) from exc
    except Exception as exc:  # noqa: BLE001 - zip/XML errors of a damaged workbook
        raise TableFileError(UNREADABLE, name=path.name, reason=type(exc).__name__) from exc
    if not table.headers or not any(h.strip() for h in table.headers):
        raise TableFileError(EMPTY, name=path.name)
    return table


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) of CSV bytes: a byte-order mark, else strict UTF-8, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace"), "gb18030"


def _read_csv(data: bytes) -> Table:
    text, encoding = decode_text(data)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    headers: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    for number, cells in enumerate(reader, start=1):
        if not headers:
            if not any(cell.strip() for cell in cells):
                continue  # blank lines above the header
            headers = [cell.strip() for cell in cells]
            continue
        if any(cell.strip() for cell in cells):
            rows.append((number, [cell.strip() for cell in cells]))
    return Table(headers, rows, encoding)


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            headers: list[str] = []
            rows: list[tuple[int, list[str]]] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [cell_text(value) for value in values]
                if not headers:
                    if any(cells):
                        headers = cells
                    continue
                if any(cells):
                    rows.append((number, cells))
            if headers:
                return Table(headers, rows, "xlsx")
        return Table([], [], "xlsx")
    finally:
        workbook.close()


def cell_text(value: object) -> str:
    """A spreadsheet cell as text; whole numbers without ``.0`` (phone numbers, codes)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()
