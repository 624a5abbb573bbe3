"""Read a catalog JSON file (format ``catalog-app/catalog`` v1, see docs/catalog-format.md).

The file is checked against resources/schema/catalog.schema.json, then every spec value against
the spec registry; media paths must stay inside the file's folder. Problems are collected with
their place (``models[3] (QL-E49)``, column ``specs.range_km``) and nothing is returned then.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from catalog_app.domain.spec_fields import FIELDS_BY_KEY, SPEC_FIELDS
from catalog_app.domain.text import Bilingual
from catalog_app.locations import resources_dir
from catalog_app.services.catalog_data import (
    CatalogData,
    ExhibitorData,
    FairData,
    InterestData,
    LeadData,
    ModelData,
    OptionData,
)
from catalog_app.services.catalog_values import BadValue, coerce
from catalog_app.services.import_media import resolve_media
from catalog_app.services.import_problems import (
    DUPLICATE_CODE,
    UNKNOWN_FIELD,
    CatalogImportError,
    Problems,
)

NOT_JSON = Bilingual(
    zh="不是有效的 JSON 文件（第 {line} 行第 {col} 列：{detail}）",
    en="not a valid JSON file (line {line}, column {col}: {detail})",
)
NOT_UTF8 = Bilingual(zh="文件不是 UTF-8 编码", en="the file is not UTF-8 encoded")
SCHEMA_VIOLATION = Bilingual(zh="格式不符：{detail}", en="does not match the format: {detail}")
UNKNOWN_EXHIBITOR = Bilingual(
    zh="参展商代码“{code}”未在 exhibitors 中定义", en="exhibitor code “{code}” is not defined"
)
UNKNOWN_MODEL = Bilingual(
    zh="车型代码“{code}”未在 models 中定义", en="model code “{code}” is not defined"
)
LEADS_ONLY_IN_SAMPLES = Bilingual(
    zh='目录文件中的线索仅允许出现在示例数据中（"sample": true）；真实线索请使用线索导入',
    en='leads in a catalog file are allowed only in sample data ("sample": true); import '
    "real leads with the lead import",
)
BAD_DATE = Bilingual(zh="日期“{value}”无效", en="the date “{value}” is not valid")


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads((resources_dir() / "schema" / "catalog.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


def _where(path: list[Any], document: dict[str, Any]) -> tuple[str, str]:
    """Split a JSON path into (item, field): ``models[2] (QL-E49)`` and ``specs.range_km``."""
    if len(path) >= 2 and path[0] in ("models", "exhibitors") and isinstance(path[1], int):
        items = document.get(path[0]) or []
        code = ""
        if path[1] < len(items) and isinstance(items[path[1]], dict):
            code = str(items[path[1]].get("code", ""))
        item = f"{path[0]}[{path[1]}]" + (f" ({code})" if code else "")
        return item, ".".join(str(p) for p in path[2:])
    return "", ".".join(str(p) for p in path)


def _date(value: str | None, problems: Problems, column: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.add("fair", column, BAD_DATE, value=value)
        return None


def read_catalog_json(path: Path) -> CatalogData:
    """Read and check a catalog JSON file; raise CatalogImportError listing every problem."""
    problems = Problems()
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        problems.add("", "", NOT_UTF8)
        raise CatalogImportError(path.name, problems.items) from None
    except json.JSONDecodeError as exc:
        problems.add("", "", NOT_JSON, line=exc.lineno, col=exc.colno, detail=exc.msg)
        raise CatalogImportError(path.name, problems.items) from None
    if not isinstance(document, dict):
        problems.add("", "", SCHEMA_VIOLATION, detail="top level must be an object")
        raise CatalogImportError(path.name, problems.items)
    for error in sorted(_validator().iter_errors(document), key=lambda e: list(e.path)):
        row, column = _where(list(error.absolute_path), document)
        problems.add(row, column, SCHEMA_VIOLATION, detail=error.message)
    if problems:
        raise CatalogImportError(path.name, problems.items)

    base = path.parent
    fair_doc = document["fair"]
    fair = FairData(
        code=fair_doc["code"],
        name_zh=fair_doc["name_zh"],
        name_en=fair_doc.get("name_en", ""),
        venue_zh=fair_doc.get("venue_zh", ""),
        venue_en=fair_doc.get("venue_en", ""),
        starts_on=_date(fair_doc.get("starts_on"), problems, "starts_on"),
        ends_on=_date(fair_doc.get("ends_on"), problems, "ends_on"),
        is_sample=bool(document.get("sample", False)),
        notice_zh=document.get("notice_zh", ""),
        notice_en=document.get("notice_en", ""),
    )
    exhibitors = _read_exhibitors(document["exhibitors"], base, problems)
    known = {e.code for e in exhibitors}
    models = _read_models(document["models"], base, known, problems)
    leads = _read_leads(document.get("leads", []), fair.is_sample, known, models, problems)
    if problems:
        raise CatalogImportError(path.name, problems.items)
    return CatalogData(fair, exhibitors, models, leads)


def _read_leads(
    items: list[dict[str, Any]],
    is_sample: bool,
    exhibitors: set[str],
    models: list[ModelData],
    problems: Problems,
) -> list[LeadData]:
    if items and not is_sample:
        problems.add("leads", "", LEADS_ONLY_IN_SAMPLES)
        return []
    model_codes = {m.code for m in models}
    seen: set[str] = set()
    result = []
    for index, item in enumerate(items):
        row = f"leads[{index}] ({item['code']})"
        if item["code"] in seen:
            problems.add(row, "code", DUPLICATE_CODE, code=item["code"], other="leads")
        seen.add(item["code"])
        if item.get("exhibitor") and item["exhibitor"] not in exhibitors:
            problems.add(row, "exhibitor", UNKNOWN_EXHIBITOR, code=item["exhibitor"])
        lead = LeadData(item["code"], item["person_name"], item["consent_version"])
        for name in _LEAD_TEXT:
            setattr(lead, name, item.get(name, ""))
        lead.exhibitor_code = item.get("exhibitor", "")
        lead.fleet_size = item.get("fleet_size")
        lead.rating = item.get("rating")
        if item.get("captured_at"):
            try:
                lead.captured_at = datetime.fromisoformat(item["captured_at"])
            except ValueError:
                problems.add(row, "captured_at", BAD_DATE, value=item["captured_at"])
        for interest in item.get("interests", []):
            if interest["model"] not in model_codes:
                problems.add(row, "interests", UNKNOWN_MODEL, code=interest["model"])
                continue
            lead.interests.append(
                InterestData(
                    interest["model"],
                    interest.get("quantity", 1),
                    interest.get("timeframe", "unknown"),
                    interest.get("financing", "undecided"),
                    interest.get("energy_preference", "undecided"),
                )
            )
        result.append(lead)
    return result


_EXHIBITOR_TEXT = (
    "name_en",
    "booth",
    "credit_code",
    "address_zh",
    "address_en",
    "contact_name",
    "contact_phone",
    "email",
    "website",
    "description_zh",
    "description_en",
)
_MODEL_TEXT = (
    "name_en",
    "maker_zh",
    "maker_en",
    "description_zh",
    "description_en",
    "composite_note_zh",
    "composite_note_en",
)
_LEAD_TEXT = (
    "company",
    "credit_code",
    "title",
    "mobile",
    "landline",
    "email",
    "wechat_id",
    "industry",
    "notes",
    "consent_text",
)
_MODEL_TOP_SPECS = (
    "announcement_no",
    "body_type",
    "powertrain",
    "drive_form",
    "recommended_catalog",
    "price_cny",
)


def _read_exhibitors(
    items: list[dict[str, Any]], base: Path, problems: Problems
) -> list[ExhibitorData]:
    seen: dict[str, str] = {}
    result = []
    for index, item in enumerate(items):
        row = f"exhibitors[{index}] ({item['code']})"
        if item["code"] in seen:
            problems.add(row, "code", DUPLICATE_CODE, code=item["code"], other=seen[item["code"]])
        seen[item["code"]] = row
        exhibitor = ExhibitorData(item["code"], item["name_zh"], item["kind"])
        for name in _EXHIBITOR_TEXT:
            setattr(exhibitor, name, item.get(name, ""))
        if item.get("logo"):
            exhibitor.logo = resolve_media(base, item["logo"], "logo", problems, row, "logo")
        result.append(exhibitor)
    return result


def _read_models(
    items: list[dict[str, Any]], base: Path, exhibitors: set[str], problems: Problems
) -> list[ModelData]:
    seen: dict[tuple[str, str], str] = {}
    result = []
    for index, item in enumerate(items):
        row = f"models[{index}] ({item['code']})"
        key = (item["exhibitor"], item["code"])
        if key in seen:
            problems.add(row, "code", DUPLICATE_CODE, code=item["code"], other=seen[key])
        seen[key] = row
        if item["exhibitor"] not in exhibitors:
            problems.add(row, "exhibitor", UNKNOWN_EXHIBITOR, code=item["exhibitor"])
        model = ModelData(item["code"], item["exhibitor"], item["name_zh"], sort_order=index)
        for name in _MODEL_TEXT:
            setattr(model, name, item.get(name, ""))
        raw_specs: dict[str, Any] = dict(item.get("specs", {}))
        for name in _MODEL_TOP_SPECS:
            if name in item:
                raw_specs[name] = item[name]
        if isinstance(raw_specs.get("recommended_catalog"), bool):
            raw_specs["recommended_catalog"] = "yes" if raw_specs["recommended_catalog"] else "no"
        for key, raw in raw_specs.items():
            spec = FIELDS_BY_KEY.get(key)
            if spec is None:
                problems.add(row, f"specs.{key}", UNKNOWN_FIELD, key=key)
                continue
            value = coerce(spec, raw)
            if isinstance(value, BadValue):
                problems.add(row, f"specs.{key}", value.message, **value.params)
            elif value is not None:
                model.specs[key] = value
        model.spec_keys_covered = {spec.key for spec in SPEC_FIELDS}
        model.options = [
            OptionData(o["code"], o["name_zh"], o.get("name_en", ""), float(o["price_cny"]))
            for o in item.get("options", [])
        ]
        media = []
        for m_index, m in enumerate(item.get("media", [])):
            found = resolve_media(
                base,
                m["file"],
                m["kind"],
                problems,
                row,
                f"media[{m_index}].file",
                m.get("caption_zh", ""),
                m.get("caption_en", ""),
            )
            if found:
                media.append(found)
        model.media = media
        result.append(model)
    return result
