"""Read an Excel workbook of models: a row per model, a column per spec field, units in headers.

Layout (docs/catalog-format.md): a sheet named ``models``/``车型`` (or the first sheet) whose first
non-empty row is the header. A header names a spec field by key, Chinese or English label or
alias, optionally with its unit in brackets: ``电池电量 (kWh)``, ``Payload [t]`` (converted to the
field's unit). Model columns: exhibitor, code, name_zh, name_en, maker, description, photo,
brochure. An optional ``exhibitors``/``参展商`` sheet defines exhibitors. Columns whose header
starts with ``#`` are ignored. Every problem is reported with its row and column.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from catalog_app.domain.spec_fields import SPEC_FIELDS, SpecField
from catalog_app.domain.text import Bilingual
from catalog_app.services.catalog_data import CatalogData, ExhibitorData, MediaData, ModelData
from catalog_app.services.catalog_values import BadValue, coerce, fold, unit_factor
from catalog_app.services.import_media import resolve_media
from catalog_app.services.import_problems import (
    DUPLICATE_CODE,
    REQUIRED,
    WRONG_UNIT,
    CatalogImportError,
    Problems,
)

NOT_XLSX = Bilingual(
    zh="无法读取该 Excel 文件（{detail}）。请另存为 .xlsx 格式后再导入。",
    en="The Excel file cannot be read ({detail}). Save it as .xlsx and import again.",
)
NO_HEADER = Bilingual(zh="工作表“{sheet}”没有表头行", en="the sheet “{sheet}” has no header row")
UNKNOWN_COLUMN = Bilingual(
    zh="无法识别的列名“{header}”（请改为参数名称，或以 # 开头以忽略该列）",
    en="unknown column “{header}” (rename it to a spec field, or start it with # to ignore it)",
)
DUPLICATE_COLUMN = Bilingual(zh="列“{header}”出现了两次", en="the column “{header}” appears twice")
MISSING_COLUMN = Bilingual(
    zh="缺少必需的列“{header}”", en="the required column “{header}” is missing"
)
UNKNOWN_EXHIBITOR = Bilingual(
    zh="找不到参展商“{name}”（已知：{known}）",
    en="no exhibitor “{name}” is known (known: {known})",
)
BAD_KIND = Bilingual(
    zh="参展商类型“{value}”无效（可选：{allowed}）",
    en="exhibitor kind “{value}” is not valid (allowed: {allowed})",
)
NO_MODELS = Bilingual(zh="工作表中没有车型数据", en="the sheet has no model rows")

MODELS_SHEET_NAMES = ("models", "车型", "车型参数", "model")
EXHIBITORS_SHEET_NAMES = ("exhibitors", "参展商", "exhibitor")
EXHIBITOR_KINDS = ("maker", "swap_operator", "energy", "finance", "other")

# Model columns that are not spec fields: attribute -> accepted headers.
MODEL_COLUMNS: dict[str, tuple[str, ...]] = {
    "exhibitor": ("exhibitor", "参展商", "参展商代码", "厂商", "企业"),
    "code": ("code", "model code", "车型代码", "代码", "编号"),
    "name_zh": ("name_zh", "name", "车型名称", "名称", "车型", "中文名称"),
    "name_en": ("name_en", "english name", "英文名称", "英文名"),
    "maker_zh": ("maker_zh", "maker", "制造商", "生产企业"),
    "maker_en": ("maker_en",),
    "description_zh": ("description_zh", "description", "简介", "说明"),
    "description_en": ("description_en", "英文简介"),
    "photo": ("photo", "photos", "图片", "照片"),
    "brochure": ("brochure", "brochures", "宣传册", "资料"),
}
EXHIBITOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("code", "代码", "参展商代码"),
    "name_zh": ("name_zh", "name", "名称", "企业名称"),
    "name_en": ("name_en", "英文名称"),
    "kind": ("kind", "类型"),
    "booth": ("booth", "展位"),
    "credit_code": ("credit_code", "统一社会信用代码", "信用代码"),
    "address_zh": ("address_zh", "address", "地址"),
    "contact_name": ("contact_name", "contact", "联系人"),
    "contact_phone": ("contact_phone", "phone", "电话"),
    "email": ("email", "邮箱"),
    "website": ("website", "网站"),
}
REQUIRED_MODEL_COLUMNS = ("exhibitor", "code", "name_zh", "body_type", "powertrain")
_UNIT_IN_HEADER = re.compile(
    r"^(?P<label>.*?)\s*[\(\[（【]\s*(?P<unit>[^\)\]）】]*)\s*[\)\]）】]\s*$"
)


@dataclass(frozen=True)
class Column:
    index: int  # 0-based
    header: str
    attribute: str | None  # a model/exhibitor column, or None for a spec field
    spec: SpecField | None
    unit: str

    @property
    def name(self) -> str:
        return f"{get_column_letter(self.index + 1)} {self.header}"


def _spec_lookup() -> dict[str, SpecField]:
    lookup: dict[str, SpecField] = {}
    for spec in SPEC_FIELDS:
        for name in (spec.key, spec.zh, spec.en, *spec.aliases):
            lookup[fold(name)] = spec
    return lookup


def _match_header(
    header: str, columns: dict[str, tuple[str, ...]], specs: dict[str, SpecField]
) -> tuple[str | None, SpecField | None, str] | None:
    for text, unit in ((header, ""), *_split_unit(header)):
        folded = fold(text)
        for attribute, names in columns.items():
            if folded in {fold(n) for n in names}:
                return attribute, None, unit
        if folded in specs:
            return None, specs[folded], unit
    return None


def _split_unit(header: str) -> list[tuple[str, str]]:
    found = _UNIT_IN_HEADER.match(header)
    return [(found["label"], found["unit"])] if found else []


def _find_sheet(workbook: Any, names: tuple[str, ...]) -> Worksheet | None:
    for sheet in workbook.worksheets:
        if fold(sheet.title) in {fold(n) for n in names}:
            return sheet  # type: ignore[no-any-return]
    return None


def _rows(sheet: Worksheet) -> list[tuple[int, tuple[Any, ...]]]:
    return [
        (number, tuple(row))
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        if any(cell is not None and str(cell).strip() for cell in row)
    ]


def _header(
    sheet: Worksheet,
    rows: list[tuple[int, tuple[Any, ...]]],
    columns: dict[str, tuple[str, ...]],
    specs: dict[str, SpecField],
    problems: Problems,
) -> list[Column]:
    if not rows:
        problems.add("", "", NO_HEADER, sheet=sheet.title)
        return []
    number, cells = rows[0]
    result: list[Column] = []
    seen: set[str] = set()
    for index, cell in enumerate(cells):
        header = str(cell).strip() if cell is not None else ""
        if not header or header.startswith("#"):
            continue
        matched = _match_header(header, columns, specs)
        column = Column(index, header, None, None, "")
        if matched is None:
            problems.add(number, column.name, UNKNOWN_COLUMN, header=header)
            continue
        attribute, spec, unit = matched
        column = Column(index, header, attribute, spec, unit)
        if spec is not None and unit and unit_factor(unit, spec) is None:
            problems.add(number, column.name, WRONG_UNIT, unit=unit, expected=spec.unit or "—")
            continue
        key = attribute or (spec.key if spec else "")
        if key in seen:
            problems.add(number, column.name, DUPLICATE_COLUMN, header=header)
        seen.add(key)
        result.append(column)
    return result


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_models_workbook(path: Path, known_exhibitors: dict[str, str]) -> CatalogData:
    """Read a workbook of models; ``known_exhibitors`` maps folded code/name -> exhibitor code."""
    problems = Problems()
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        problems.add("", "", NOT_XLSX, detail=type(exc).__name__ + ": " + str(exc)[:200])
        raise CatalogImportError(path.name, problems.items) from None
    try:
        exhibitors = _read_exhibitor_sheet(workbook, problems)
        names = dict(known_exhibitors)
        for exhibitor in exhibitors:
            for name in (exhibitor.code, exhibitor.name_zh, exhibitor.name_en):
                if name:
                    names[fold(name)] = exhibitor.code
        sheet = _find_sheet(workbook, MODELS_SHEET_NAMES) or workbook.worksheets[0]
        models = _read_model_sheet(sheet, path.parent, names, problems)
    finally:
        workbook.close()
    if problems:
        raise CatalogImportError(path.name, problems.items)
    return CatalogData(None, exhibitors, models)


def _read_exhibitor_sheet(workbook: Any, problems: Problems) -> list[ExhibitorData]:
    sheet = _find_sheet(workbook, EXHIBITORS_SHEET_NAMES)
    if sheet is None:
        return []
    rows = _rows(sheet)
    columns = _header(sheet, rows, EXHIBITOR_COLUMNS, {}, problems)
    result = []
    for number, cells in rows[1:]:
        values = {
            c.attribute: _text(cells[c.index] if c.index < len(cells) else None)
            for c in columns
            if c.attribute
        }
        missing = [name for name in ("code", "name_zh") if not values.get(name)]
        for name in missing:
            problems.add(number, name, REQUIRED)
        kind = values.pop("kind", "") or "maker"
        if kind not in EXHIBITOR_KINDS:
            problems.add(number, "kind", BAD_KIND, value=kind, allowed=", ".join(EXHIBITOR_KINDS))
        if missing:
            continue
        exhibitor = ExhibitorData(values.pop("code"), values.pop("name_zh"), kind)
        for name, value in values.items():
            setattr(exhibitor, name, value)
        result.append(exhibitor)
    return result


def _read_model_sheet(
    sheet: Worksheet, base: Path, exhibitors: dict[str, str], problems: Problems
) -> list[ModelData]:
    rows = _rows(sheet)
    specs = _spec_lookup()
    columns = _header(sheet, rows, MODEL_COLUMNS, specs, problems)
    present = {c.attribute or (c.spec.key if c.spec else "") for c in columns}
    header_row = rows[0][0] if rows else 1
    for name in REQUIRED_MODEL_COLUMNS:
        if name not in present:
            problems.add(header_row, "", MISSING_COLUMN, header=name)
    if problems:
        return []
    if len(rows) < 2:
        problems.add("", "", NO_MODELS)
        return []
    covered = {c.spec.key for c in columns if c.spec}
    seen: dict[tuple[str, str], int] = {}
    result = []
    for order, (number, cells) in enumerate(rows[1:]):
        model = _read_model_row(number, cells, columns, base, exhibitors, problems)
        if model is None:
            continue
        key = (model.exhibitor_code, model.code)
        if key in seen:
            problems.add(number, "code", DUPLICATE_CODE, code=model.code, other=seen[key])
        seen[key] = number
        model.spec_keys_covered = covered
        model.sort_order = order
        result.append(model)
    return result


def _read_model_row(
    number: int,
    cells: tuple[Any, ...],
    columns: list[Column],
    base: Path,
    exhibitors: dict[str, str],
    problems: Problems,
) -> ModelData | None:
    values: dict[str, str] = {}
    specs: dict[str, float | str | None] = {}
    media: list[MediaData] = []
    before = len(problems.items)
    for column in columns:
        raw = cells[column.index] if column.index < len(cells) else None
        if column.spec is not None:
            value = coerce(column.spec, raw, column.unit)
            if isinstance(value, BadValue):
                problems.add(number, column.name, value.message, **value.params)
            else:
                specs[column.spec.key] = value
        elif column.attribute in ("photo", "brochure"):
            for relative in filter(None, (p.strip() for p in _text(raw).split(";"))):
                item = resolve_media(
                    base, relative, column.attribute, problems, number, column.name
                )
                if item:
                    media.append(item)
        elif column.attribute:
            values[column.attribute] = _text(raw)
    for name in ("exhibitor", "code", "name_zh"):
        if not values.get(name):
            problems.add(number, name, REQUIRED)
    for name in ("body_type", "powertrain"):
        if specs.get(name) is None and not any(
            p.row == str(number) and name in p.column for p in problems.items[before:]
        ):
            problems.add(number, name, REQUIRED)
    exhibitor_code = exhibitors.get(fold(values.get("exhibitor", "")))
    if values.get("exhibitor") and exhibitor_code is None:
        known = ", ".join(sorted(set(exhibitors.values()))) or "—"
        problems.add(number, "exhibitor", UNKNOWN_EXHIBITOR, name=values["exhibitor"], known=known)
    if len(problems.items) > before or exhibitor_code is None:
        return None
    model = ModelData(values["code"], exhibitor_code, values["name_zh"])
    for name in ("name_en", "maker_zh", "maker_en", "description_zh", "description_en"):
        setattr(model, name, values.get(name, ""))
    model.specs = {key: value for key, value in specs.items() if value is not None}
    model.media = media if any(c.attribute in ("photo", "brochure") for c in columns) else None
    return model
