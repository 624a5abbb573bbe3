"""Write an empty Excel workbook of models with every column, ready to fill in and import."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from catalog_app.domain.spec_fields import SPEC_FIELDS, group_label

MODEL_HEADERS = ("参展商", "车型代码", "车型名称", "英文名称", "制造商", "简介", "图片", "宣传册")
EXHIBITOR_HEADERS = (
    "代码",
    "名称",
    "英文名称",
    "类型",
    "展位",
    "统一社会信用代码",
    "地址",
    "联系人",
    "电话",
    "邮箱",
    "网站",
)


def _header_text(label: str, unit: str) -> str:
    return f"{label} ({unit})" if unit else label


def write_models_template(path: Path) -> Path:
    workbook = Workbook()
    models = workbook.active
    assert models is not None
    models.title = "车型"
    headers = list(MODEL_HEADERS) + [_header_text(f.zh, f.unit) for f in SPEC_FIELDS]
    models.append(headers)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, _ in enumerate(headers, start=1):
        cell = models.cell(row=1, column=index)
        cell.font, cell.fill = bold, fill
        models.column_dimensions[get_column_letter(index)].width = max(
            12, len(headers[index - 1]) * 2
        )
    models.freeze_panes = "C2"

    exhibitors = workbook.create_sheet("参展商")
    exhibitors.append(list(EXHIBITOR_HEADERS))
    for index in range(1, len(EXHIBITOR_HEADERS) + 1):
        exhibitors.cell(row=1, column=index).font = bold

    guide = workbook.create_sheet("说明 Guide")
    guide.append(["列 Column", "分组 Group", "English", "单位 Unit", "取值 Values"])
    for spec in SPEC_FIELDS:
        values = ", ".join(f"{c.value} / {c.zh} / {c.en}" for c in spec.choices)
        guide.append(
            [
                _header_text(spec.zh, spec.unit),
                group_label(spec.group, "zh_CN"),
                spec.en,
                spec.unit,
                values,
            ]
        )
    for letter, width in zip("ABCDE", (28, 14, 30, 12, 80), strict=True):
        guide.column_dimensions[letter].width = width
    workbook.save(path)
    return path
