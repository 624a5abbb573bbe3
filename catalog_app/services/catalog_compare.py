"""Compare up to four models side by side: rows by spec group, differences and better values.

``build_comparison`` turns spec sheets into a ``Comparison`` (plain values, both languages) that
the compare screen and the PDF show the same way:
- a row for every spec field that at least one model has, grouped like the spec sheet;
- ``differs`` when the models do not all show the same value (a missing value differs from a
  present one);
- ``best``: the models holding the better value of a numeric field whose direction is known
  (higher or lower is better), when at least two models have a value and not all are equal.
  Ties share the mark.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from catalog_app.domain.spec_fields import GROUPS, SPEC_FIELDS, Better, FieldKind, SpecField
from catalog_app.domain.spec_format import format_value
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.catalog import CatalogService
from catalog_app.services.catalog_types import ModelSummary, SpecSheet

MAX_MODELS = 4

NOTHING_TO_COMPARE = Bilingual(
    zh="没有可对比的车型：请先在车型目录中加入车型。",
    en="There is nothing to compare: add models from the catalog first.",
)


@dataclass(frozen=True)
class ComparedCell:
    raw: float | str | None
    display_zh: str
    display_en: str
    best: bool

    def display(self, lang: str) -> str:
        return self.display_zh if lang.startswith("zh") else self.display_en


@dataclass(frozen=True)
class ComparedRow:
    field: SpecField
    cells: tuple[ComparedCell, ...]
    differs: bool

    def label(self, lang: str) -> str:
        return self.field.label(lang)

    @property
    def has_best(self) -> bool:
        return any(cell.best for cell in self.cells)


@dataclass(frozen=True)
class ComparedGroup:
    key: str
    label_zh: str
    label_en: str
    rows: tuple[ComparedRow, ...]

    def label(self, lang: str) -> str:
        return self.label_zh if lang.startswith("zh") else self.label_en

    def visible_rows(self, hide_identical: bool) -> tuple[ComparedRow, ...]:
        return tuple(row for row in self.rows if row.differs or not hide_identical)


@dataclass(frozen=True)
class Comparison:
    models: tuple[ModelSummary, ...]
    groups: tuple[ComparedGroup, ...]

    def visible_groups(self, hide_identical: bool) -> tuple[ComparedGroup, ...]:
        return tuple(g for g in self.groups if g.visible_rows(hide_identical))

    def row(self, field_key: str) -> ComparedRow | None:
        for group in self.groups:
            for row in group.rows:
                if row.field.key == field_key:
                    return row
        return None

    @property
    def differing_rows(self) -> int:
        return sum(1 for g in self.groups for r in g.rows if r.differs)


def _best(spec: SpecField, values: Sequence[float | str | None]) -> set[int]:
    if spec.kind is not FieldKind.NUMBER or spec.better is Better.NONE:
        return set()
    numbers = {i: float(v) for i, v in enumerate(values) if isinstance(v, int | float)}
    if len(numbers) < 2 or len(set(numbers.values())) < 2:
        return set()
    target = max(numbers.values()) if spec.better is Better.HIGHER else min(numbers.values())
    return {i for i, v in numbers.items() if v == target}


def _same(a: float | str | None, b: float | str | None) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) < 1e-9
    return a == b


def build_comparison(sheets: Sequence[SpecSheet]) -> Comparison:
    """The comparison of these sheets, in this order (at most ``MAX_MODELS``)."""
    sheets = list(sheets)[:MAX_MODELS]
    values: list[dict[str, float | str | None]] = []
    for sheet in sheets:
        values.append({e.field.key: e.raw for g in sheet.groups for e in g.entries})
    groups = []
    for group in GROUPS:
        rows = []
        for spec in SPEC_FIELDS:
            if spec.group != group.key:
                continue
            raw = [v.get(spec.key) for v in values]
            if all(r in (None, "") for r in raw):
                continue
            best = _best(spec, raw)
            cells = tuple(
                ComparedCell(
                    r,
                    format_value(spec, r, "zh_CN"),
                    format_value(spec, r, "en"),
                    i in best,
                )
                for i, r in enumerate(raw)
            )
            differs = any(not _same(raw[0], r) for r in raw[1:])
            rows.append(ComparedRow(spec, cells, differs))
        if rows:
            groups.append(ComparedGroup(group.key, group.zh, group.en, tuple(rows)))
    return Comparison(tuple(sheet.model for sheet in sheets), tuple(groups))


@dataclass(frozen=True)
class ComparisonDocument:
    """What the PDF needs beside the comparison: language, fair, time, the hide setting."""

    comparison: Comparison
    lang: str
    hide_identical: bool
    fair_name: str
    sample_notice: str
    made_at: datetime


def write_comparison_pdf(
    catalog: CatalogService,
    model_ids: Sequence[uuid.UUID],
    target: Path,
    lang: str,
    *,
    hide_identical: bool = False,
    made_at: datetime | None = None,
) -> Path:
    """Read the models, build the comparison and write it as a PDF to ``target`` (atomically).

    Raises ``UserFacingError`` when none of the models is left in the catalog.
    """
    from catalog_app.documents.compare_pdf import render_comparison_pdf  # reportlab: on use

    sheets = catalog.spec_sheets(list(model_ids)[:MAX_MODELS])
    if not sheets:
        raise UserFacingError(NOTHING_TO_COMPARE)
    fair = catalog.current_fair()
    document = ComparisonDocument(
        build_comparison(sheets),
        lang,
        hide_identical,
        fair.name(lang) if fair else "",
        fair.notice(lang) if fair and fair.is_sample else "",
        made_at or datetime.now().astimezone(),
    )
    return render_comparison_pdf(document, target)
