"""Test data and shared names of the GUI tests (a module with a unique name, so test files can
import it whatever other ``conftest`` modules are loaded)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from catalog_app.domain.enums import ExhibitorKind, MediaKind
from catalog_app.domain.models import (
    Exhibitor,
    Fair,
    Media,
    ModelOption,
    SpecValue,
    TruckModel,
)
from catalog_app.services.media_store import store_file
from catalog_app.store.database import Database
from catalog_app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
FAIR_NAME_ZH = "电动贵州·绿色黔行（测试）"
FAIR_NAME_EN = "Electric Guizhou (test)"

WindowFactory = Callable[..., MainWindow]


def _photo(folder: Path, name: str, color: str) -> Path:
    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    path = folder / name
    assert image.save(str(path))
    return path


def fill_catalog(database: Database, folder: Path) -> None:
    """A sample fair with two exhibitors and three models, Chinese and English names."""
    with database.transaction() as session:
        fair = Fair(
            code="TEST-FAIR",
            name_zh=FAIR_NAME_ZH,
            name_en=FAIR_NAME_EN,
            is_sample=True,
            notice_zh="测试用示例数据，车型与价格均为虚构。",
            notice_en="Sample data for tests; models and prices are fictional.",
        )
        maker = Exhibitor(
            fair=fair,
            code="QL",
            name_zh="黔岭重卡",
            name_en="Qianling Heavy Truck",
            kind=ExhibitorKind.MAKER,
        )
        vans = Exhibitor(
            fair=fair,
            code="ZC",
            name_zh="筑城专用车",
            name_en="Zhucheng Special Vehicles",
            kind=ExhibitorKind.MAKER,
        )
        tractor = TruckModel(
            exhibitor=maker,
            code="QL-E49",
            name_zh="黔岭 E49 换电牵引车",
            name_en="Qianling E49 swap tractor",
            body_type="tractor",
            powertrain="bev_swap",
            drive_form="6x4",
            battery_kwh=282.0,
            range_km=220.0,
            gcw_t=49.0,
            price_cny=498000.0,
            composite_note_zh="参数为依据公开资料拟合的示例。",
            composite_note_en="Figures are a plausible composite.",
            sort_order=1,
        )
        dump = TruckModel(
            exhibitor=maker,
            code="QL-D31",
            name_zh="黔岭 D31 纯电自卸车",
            name_en="Qianling D31 electric dump truck",
            body_type="dump",
            powertrain="bev_charge",
            drive_form="8x4",
            battery_kwh=350.0,
            range_km=180.0,
            price_cny=560000.0,
            sort_order=2,
        )
        light = TruckModel(
            exhibitor=vans,
            code="ZC-L45",
            name_zh="筑城 L45 电动轻卡",
            name_en="Zhucheng L45 electric light truck",
            body_type="light",
            powertrain="bev_charge",
            drive_form="4x2",
            battery_kwh=100.0,
            range_km=260.0,
            price_cny=168000.0,
            sort_order=3,
        )
        session.add_all([fair, maker, vans, tractor, dump, light])
        session.add_all(
            [
                SpecValue(model=tractor, field_key="battery_chemistry", text_value="lfp"),
                SpecValue(model=tractor, field_key="energy_kwh_100km", number_value=128.0),
                SpecValue(model=tractor, field_key="swap_min", number_value=5.0),
                SpecValue(model=tractor, field_key="length_mm", number_value=7200.0),
                SpecValue(model=dump, field_key="payload_kg", number_value=18000.0),
                ModelOption(
                    model=tractor,
                    code="BIG",
                    name_zh="350 kWh 大电池包",
                    name_en="350 kWh pack",
                    price_cny=60000.0,
                ),
            ]
        )
        for model, color in ((tractor, "#2e7d32"), (dump, "#1565c0")):
            source = _photo(folder, f"{model.code}.png", color)
            sha256, mime, size = store_file(database.media_dir, source)
            session.add(
                Media(
                    sha256=sha256,
                    kind=MediaKind.PHOTO,
                    mime_type=mime,
                    original_name=source.name,
                    size_bytes=size,
                    model=model,
                )
            )
