"""A small catalog for the catalog tests, imported through the real importer (so the search keys
are what a booth laptop has): three makers, one exhibitor written in Traditional Chinese, seven
models across body types and powertrains, photos, a brochure, options and text specs.

Models whose maker or exhibitor is Guizhou ("贵州" / "貴州"): GZ-T1, GZ-D1, HT-C1. Nothing else
in the data reads "gz" in its initials, so a search for "gz" must find exactly those three — and
not the 黔岭 models, whose pinyin "qianlingzhongka" holds the letters "gz" across two syllables.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from reportlab.pdfgen import canvas

from catalog_app.services.catalog_import import import_catalog
from catalog_app.store.database import Database
from tests.catalog_files import TINY_PNG

GUIZHOU_CODES = {"GZ-T1", "GZ-D1", "HT-C1"}
SWAP_CODES = {"GZ-T1", "ZC-M1", "HT-C1"}
TRACTOR_CODES = {"GZ-T1", "QL-T2", "QL-H1"}


def _model(code: str, exhibitor: str, name_zh: str, name_en: str, **fields: Any) -> dict[str, Any]:
    specs = fields.pop("specs", {})
    model = {
        "code": code,
        "exhibitor": exhibitor,
        "name_zh": name_zh,
        "name_en": name_en,
        **fields,
        "specs": specs,
    }
    return model


def catalog_document() -> dict[str, Any]:
    return {
        "format": "catalog-app/catalog",
        "format_version": 1,
        "sample": True,
        "notice_zh": "测试数据，均为虚构。",
        "notice_en": "Test data, all fictional.",
        "fair": {"code": "TEST-SEARCH", "name_zh": "电动贵州测试展", "name_en": "Test fair"},
        "exhibitors": [
            {
                "code": "GZP",
                "name_zh": "贵州牌新能源汽车",
                "name_en": "Guizhou Brand NEV",
                "kind": "maker",
            },
            {
                "code": "QL",
                "name_zh": "黔岭重卡",
                "name_en": "Qianling Heavy Truck",
                "kind": "maker",
            },
            {
                "code": "ZC",
                "name_zh": "筑城专用车",
                "name_en": "Zhucheng Special Vehicles",
                "kind": "maker",
            },
            {
                "code": "HT",
                "name_zh": "貴州黔通換電",
                "name_en": "Qiantong Swap",
                "kind": "swap_operator",
            },
        ],
        "models": [
            _model(
                "GZ-T1",
                "GZP",
                "贵州牌 换电牵引车 6×4",
                "Guizhou swap tractor 6x4",
                announcement_no="GZP4250BEVSW1",
                body_type="tractor",
                powertrain="bev_swap",
                drive_form="6x4",
                price_cny=468000,
                specs={
                    "battery_kwh": 282,
                    "range_km": 200,
                    "gcw_t": 49,
                    "battery_chemistry": "lfp",
                    "battery_maker": "宁德时代",
                    "energy_kwh_100km": 128,
                    "swap_min": 4,
                    "curb_weight_kg": 10900,
                },
                options=[
                    {
                        "code": "AC",
                        "name_zh": "驻车空调",
                        "name_en": "Parking A/C",
                        "price_cny": 6800,
                    },
                    {
                        "code": "BIG",
                        "name_zh": "350 kWh 大电池包",
                        "name_en": "350 kWh pack",
                        "price_cny": 60000,
                    },
                ],
                media=[
                    {
                        "file": "media/gz-t1-side.png",
                        "kind": "photo",
                        "caption_zh": "侧视",
                        "caption_en": "Side",
                    },
                    {
                        "file": "media/gz-t1-front.png",
                        "kind": "photo",
                        "caption_zh": "前视",
                        "caption_en": "Front",
                    },
                    {
                        "file": "media/gz-t1.pdf",
                        "kind": "brochure",
                        "caption_zh": "产品手册",
                        "caption_en": "Brochure",
                    },
                ],
            ),
            _model(
                "GZ-D1",
                "GZP",
                "贵州牌 纯电动自卸车 8×4",
                "Guizhou electric dump truck 8x4",
                announcement_no="GZP3310BEVD2",
                body_type="dump",
                powertrain="bev_charge",
                drive_form="8x4",
                price_cny=768000,
                specs={
                    "battery_kwh": 423,
                    "range_km": 240,
                    "payload_kg": 14070,
                    "energy_kwh_100km": 150,
                    "curb_weight_kg": 16800,
                },
            ),
            _model(
                "QL-T2",
                "QL",
                "黔岭 K7 充电牵引车",
                "Qianling K7 charging tractor",
                announcement_no="QLZ4250BEVCD2",
                body_type="tractor",
                powertrain="bev_charge",
                drive_form="6x4",
                price_cny=728000,
                specs={
                    "battery_kwh": 423,
                    "range_km": 280,
                    "gcw_t": 49,
                    "battery_chemistry": "lfp",
                    "energy_kwh_100km": 136,
                    "curb_weight_kg": 11900,
                },
            ),
            _model(
                "QL-H1",
                "QL",
                "黔岭 H7 氢燃料电池牵引车",
                "Qianling H7 fuel-cell tractor",
                announcement_no="QLZ4250FCEV1",
                body_type="tractor",
                powertrain="fcev",
                drive_form="6x4",
                price_cny=1180000,
                specs={
                    "battery_kwh": 100,
                    "range_km": 460,
                    "gcw_t": 49,
                    "h2_storage_kg": 50,
                    "curb_weight_kg": 11900,
                },
            ),
            _model(
                "ZC-L1",
                "ZC",
                "筑城 E45 电动轻卡",
                "Zhucheng E45 electric light truck",
                announcement_no="ZCZ5045XXYBEV",
                body_type="light",
                powertrain="bev_charge",
                drive_form="4x2",
                price_cny=168000,
                specs={"battery_kwh": 100, "range_km": 300, "payload_kg": 1285},
            ),
            _model(
                "ZC-M1",
                "ZC",
                "筑城 M8 换电搅拌车",
                "Zhucheng M8 swap mixer",
                announcement_no="ZCZ5310GJBBEV",
                body_type="mixer",
                powertrain="bev_swap",
                drive_form="8x4",
                price_cny=568000,
                specs={"battery_kwh": 282, "range_km": 135, "payload_kg": 15370},
            ),
            _model(
                "HT-C1",
                "HT",
                "黔通 V18 換電廂式車",
                "Qiantong V18 swap van",
                announcement_no="QTZ5180XXYBEVSW",
                body_type="cargo",
                powertrain="bev_swap",
                drive_form="4x2",
                specs={"battery_kwh": 211, "range_km": 260, "payload_kg": 8770},
            ),
        ],
    }


def brochure_pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Brochure (test)")
    page.save()
    return buffer.getvalue()


def write_test_catalog(folder: Path, pictures: dict[str, bytes] | None = None) -> Path:
    """The catalog JSON and its media under ``folder``; ``pictures`` replaces the tiny PNGs."""
    media = folder / "media"
    media.mkdir(parents=True, exist_ok=True)
    pictures = pictures or {}
    for name in ("gz-t1-side.png", "gz-t1-front.png"):
        (media / name).write_bytes(pictures.get(name, TINY_PNG + name.encode()))
    (media / "gz-t1.pdf").write_bytes(brochure_pdf())
    path = folder / "catalog.json"
    path.write_text(json.dumps(catalog_document(), ensure_ascii=False), "utf-8")
    return path


def fill_test_catalog(database: Database, folder: Path, pictures: dict[str, bytes] | None = None):  # type: ignore[no-untyped-def]
    """Import the test catalog into ``database``; the import report."""
    return import_catalog(database, write_test_catalog(folder, pictures))
