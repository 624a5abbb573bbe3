"""Small catalog files written by tests: a JSON catalog and an Excel workbook of models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook

# Enough of a PNG for the importer (it checks type and size, not pixels).
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def catalog_document() -> dict[str, Any]:
    return {
        "format": "catalog-app/catalog",
        "format_version": 1,
        "sample": True,
        "notice_zh": "测试数据",
        "notice_en": "Test data",
        "fair": {"code": "TEST-FAIR", "name_zh": "测试展会", "name_en": "Test fair"},
        "exhibitors": [
            {
                "code": "QL",
                "name_zh": "黔岭重卡",
                "name_en": "Qianling Trucks",
                "kind": "maker",
                "logo": "media/logo.png",
            },
        ],
        "models": [
            {
                "code": "QL-T1",
                "exhibitor": "QL",
                "name_zh": "黔岭 T1 换电牵引车",
                "name_en": "Qianling T1 swap tractor",
                "announcement_no": "QLZ4250BEVSW1",
                "body_type": "tractor",
                "powertrain": "bev_swap",
                "drive_form": "6x4",
                "recommended_catalog": True,
                "price_cny": 468000,
                "specs": {
                    "battery_kwh": 282,
                    "range_km": 210,
                    "gcw_t": 49,
                    "battery_chemistry": "lfp",
                    "swap_min": 4,
                    "payload_kg": 25000,
                    "warranty_vehicle": "3年/30万公里",
                },
                "options": [{"code": "AC", "name_zh": "驻车空调", "price_cny": 6800}],
                "media": [{"file": "media/t1.png", "kind": "photo", "caption_zh": "侧视"}],
            },
            {
                "code": "QL-L1",
                "exhibitor": "QL",
                "name_zh": "黔岭 L1 轻卡",
                "body_type": "light",
                "powertrain": "bev_charge",
                "specs": {"battery_kwh": 100.5, "range_km": 260},
            },
        ],
    }


def write_catalog(folder: Path, document: dict[str, Any] | None = None) -> Path:
    (folder / "media").mkdir(parents=True, exist_ok=True)
    (folder / "media" / "logo.png").write_bytes(TINY_PNG)
    (folder / "media" / "t1.png").write_bytes(TINY_PNG + b"t1")
    path = folder / "catalog.json"
    path.write_text(json.dumps(document or catalog_document(), ensure_ascii=False), "utf-8")
    return path


def write_workbook(
    path: Path, header: list[str], rows: list[list[Any]], exhibitors: list[list[Any]] | None = None
) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "车型"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    if exhibitors is not None:
        other = workbook.create_sheet("参展商")
        for row in exhibitors:
            other.append(row)
    workbook.save(path)
    return path
