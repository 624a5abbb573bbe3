"""Problems found while reading an import file, reported with row, column and reason.

Any problem stops the whole import before anything is written; the report lists them all (up to
a limit) in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalog_app.domain.text import Bilingual, UserFacingError

MAX_LISTED = 50


@dataclass(frozen=True)
class ImportProblem:
    row: str  # "3" for a spreadsheet row, "models[2] (QL-E49)" for a JSON item, "" for the file
    column: str
    message: Bilingual
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        reason = self.message.render(lang, **self.params)
        where = []
        if self.row.isdigit():
            where.append(("第 {0} 行" if lang.startswith("zh") else "row {0}").format(self.row))
        elif self.row:
            where.append(self.row)
        if self.column:
            where.append(
                ("“{0}”列" if lang.startswith("zh") else "column “{0}”").format(self.column)
            )
        prefix = "，".join(where) if lang.startswith("zh") else ", ".join(where)
        separator = "：" if lang.startswith("zh") else ": "
        return f"{prefix}{separator}{reason}" if prefix else reason


IMPORT_FAILED = Bilingual(
    zh="导入 {name} 失败，未写入任何数据。发现 {count} 个问题：\n{lines}",
    en="Importing {name} failed and nothing was written. {count} problem(s) found:\n{lines}",
)


class CatalogImportError(UserFacingError):
    """The file has problems; nothing was imported."""

    def __init__(self, file_name: str, problems: list[ImportProblem]) -> None:
        self.file_name = file_name
        self.problems = problems
        super().__init__(IMPORT_FAILED, name=file_name, count=len(problems), lines="")

    def text(self, lang: str) -> str:
        lines = [f"  • {p.text(lang)}" for p in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            more = len(self.problems) - MAX_LISTED
            lines.append(f"  … (+{more})")
        return IMPORT_FAILED.render(
            lang, name=self.file_name, count=len(self.problems), lines="\n".join(lines)
        )

    def __str__(self) -> str:
        return self.text("en")


class Problems:
    """Collects problems while a file is read."""

    def __init__(self) -> None:
        self.items: list[ImportProblem] = []

    def add(self, row: str | int, column: str, message: Bilingual, **params: Any) -> None:
        self.items.append(ImportProblem(str(row), column, message, params))

    def __bool__(self) -> bool:
        return bool(self.items)


# Reasons shared by the JSON and spreadsheet readers.
NOT_A_NUMBER = Bilingual(zh="“{value}”不是数字", en="“{value}” is not a number")
NEGATIVE = Bilingual(zh="不能为负数（{value}）", en="must not be negative ({value})")
NOT_WHOLE = Bilingual(zh="应为整数（{value}）", en="must be a whole number ({value})")
BAD_CHOICE = Bilingual(
    zh="“{value}”不是可选值（可选：{allowed}）",
    en="“{value}” is not one of the allowed values ({allowed})",
)
WRONG_UNIT = Bilingual(
    zh="单位“{unit}”不适用于此字段（应为 {expected}）",
    en="the unit “{unit}” does not fit this field (expected {expected})",
)
REQUIRED = Bilingual(zh="必填项为空", en="a required value is missing")
DUPLICATE_CODE = Bilingual(
    zh="代码“{code}”重复出现（也在 {other}）",
    en="the code “{code}” appears twice (also at {other})",
)
UNKNOWN_FIELD = Bilingual(zh="未知的参数“{key}”", en="unknown spec field “{key}”")
TOO_LONG = Bilingual(
    zh="内容过长（{length} 字，上限 {limit}）",
    en="text too long ({length} characters; limit {limit})",
)
