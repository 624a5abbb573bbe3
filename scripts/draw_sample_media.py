"""Draw every picture and brochure that the bundled sample fair names.

Reads ``resources/sample/fair.json`` and (re)writes, into ``resources/sample/media/``:

* ``<model>-side.png`` / ``<model>-front.png``: 960x600 flat, vector-style truck illustrations
  drawn with a QPainter on a QImage. The side view differs by body type (tractor, dump, mixer,
  cargo/van, light truck, special/sanitation), by drive form (number of axles) and by powertrain
  (charging port, swap battery box, hydrogen tanks, range-extender exhaust). The cab takes the
  exhibitor's colour; every picture carries the model name and a "示例 SAMPLE" tag.
* ``logo-<exhibitor>.png``: 512x512 logo with a geometric mark and the short name.
* ``<model>-brochure.pdf``: a 1-2 page A4 brochure made with reportlab (the bundled CJK font is
  embedded) with the illustration, the spec table (labels from
  ``catalog_app.domain.spec_fields``) and the sample disclaimer.

Output is deterministic: no randomness and no timestamps (reportlab runs with ``invariant=1``),
so re-running the script on an unchanged ``fair.json`` reproduces the same files.

Usage::

    python scripts/draw_sample_media.py [--fair resources/sample/fair.json] [--out DIR]

Only the media named in the JSON are written; files are never deleted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QRadialGradient,
)
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FAIR = REPO / "resources" / "sample" / "fair.json"
FONT_PATH = REPO / "resources" / "fonts" / "wqy-microhei.ttc"
PDF_FONT = "WQY"

WIDTH, HEIGHT = 960, 600
GROUND = 478.0
LOGO_SIZE = 512
SAMPLE_SUFFIX = "（示例）"

# Cab colours, one per exhibitor in file order (repeats if there are more exhibitors).
PALETTE: tuple[str, ...] = ("#1f5fa8", "#d2691e", "#12857f", "#3a8f3e", "#6a4c9c", "#b03a48")
NEV_GREEN = QColor("#45c486")
BATTERY = QColor("#2e3b4a")
BATTERY_EDGE = QColor("#1bb7a8")
TYRE = QColor("#25282d")
RIM = QColor("#cfd5dc")
STEEL = QColor("#3a4049")
CHROME = QColor("#b9c1c9")
GLASS = QColor("#2c3e55")
GLASS_LIGHT = QColor("#9fc3e3")
BODY_WHITE = QColor("#f3f5f8")
INK = QColor("#1d2733")
INK_SOFT = QColor("#4a5866")
SAMPLE_ORANGE = QColor("#e8590c")


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def load_registry() -> ModuleType:
    """Import the spec-field registry (pure Python) from the repository."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from catalog_app.domain import spec_fields

    return spec_fields


def short_name(name_zh: str) -> str:
    """The exhibitor name without the "（示例）" suffix."""
    return name_zh.replace(SAMPLE_SUFFIX, "").strip()


def qt_app() -> QGuiApplication:
    """Return the running QGuiApplication, creating an offscreen one if needed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["draw_sample_media"])
    return app  # type: ignore[return-value]


def load_qt_font() -> str:
    """Register the bundled CJK font with Qt and return its family name."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_PATH))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise SystemExit(f"cannot load font {FONT_PATH}")
    return families[0]


# --------------------------------------------------------------------------------------------
# Geometry
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mapper:
    """Maps truck coordinates in metres (x from the front, y up from the ground) to pixels."""

    x0: float
    ground: float
    scale: float

    def x(self, m: float) -> float:
        return self.x0 + m * self.scale

    def y(self, m: float) -> float:
        return self.ground - m * self.scale

    def pt(self, x: float, y: float) -> QPointF:
        return QPointF(self.x(x), self.y(y))

    def rect(self, x0: float, y0: float, x1: float, y1: float) -> QRectF:
        """Rectangle between two corners given in metres."""
        left, right = sorted((self.x(x0), self.x(x1)))
        top, bottom = sorted((self.y(y0), self.y(y1)))
        return QRectF(left, top, right - left, bottom - top)

    def poly(self, points: Iterable[tuple[float, float]]) -> QPolygonF:
        return QPolygonF([self.pt(x, y) for x, y in points])

    def len(self, m: float) -> float:
        return m * self.scale


@dataclass(frozen=True)
class CabGeom:
    """Cab dimensions in metres."""

    length: float
    floor: float
    shoulder: float  # bottom of the windscreen
    glass_top: float
    top: float
    width: float


@dataclass(frozen=True)
class Look:
    """Everything needed to draw one model."""

    code: str
    name_zh: str
    name_en: str
    caption_zh: str
    caption_en: str
    body: str
    powertrain: str
    drive: str
    length: float
    height: float
    wheelbase: float
    battery_kwh: float | None
    cab_color: str

    @property
    def light(self) -> bool:
        return self.body == "light"

    @property
    def cab(self) -> CabGeom:
        if self.light:
            return CabGeom(1.8, 0.7, 1.55, 2.15, min(2.32, self.height), 2.0)
        top = min(self.height, 3.95) if self.body == "tractor" else 3.15
        return CabGeom(2.35, 1.05, 2.2, 3.02, top, 2.5)

    @property
    def wheel_r(self) -> float:
        return 0.36 if self.light else 0.53

    @property
    def frame(self) -> tuple[float, float]:
        return (0.5, 0.72) if self.light else (0.8, 1.12)

    @property
    def axles(self) -> list[float]:
        front = 1.1 if self.light else 1.45
        axles = [front]
        if self.drive == "8x4":
            axles.append(front + 1.95)
        first_rear = front + self.wheelbase
        axles.append(first_rear)
        if self.drive in ("6x4", "6x2", "8x4"):
            axles.append(first_rear + 1.35)
        return axles

    @property
    def side_span(self) -> tuple[float, float]:
        """Free chassis length between the front axle(s) and the rear axle(s)."""
        axles = self.axles
        r = self.wheel_r
        front_axles = [a for a in axles if a < self.axles[0] + 2.5]
        rear_axles = [a for a in axles if a not in front_axles]
        return max(front_axles) + r + 0.22, min(rear_axles) - r - 0.22


def make_look(
    model: dict[str, Any], exhibitor: dict[str, Any], color: str, registry: ModuleType
) -> Look:
    specs = model.get("specs", {})
    fields = registry.FIELDS_BY_KEY
    body = model["body_type"]
    drive = model.get("drive_form", "4x2")
    defaults = {"light": (6.0, 3.2, 3.36), "tractor": (7.2, 3.95, 3.8)}
    length_d, height_d, wb_d = defaults.get(body, (9.0, 3.6, 5.0))
    kwh = specs.get("battery_kwh")
    ex_name = exhibitor.get("name_zh", "")
    ex_name_en = exhibitor.get("name_en", "")
    pt_field = fields["powertrain"]
    drive_field = fields["drive_form"]
    body_field = fields["body_type"]
    parts_zh = [ex_name, body_field.choice_label(body, "zh"), drive_field.choice_label(drive, "zh")]
    parts_en = [
        ex_name_en,
        body_field.choice_label(body, "en"),
        drive_field.choice_label(drive, "en"),
    ]
    if kwh:
        parts_zh.append(f"{fmt_number(kwh)} kWh")
        parts_en.append(f"{fmt_number(kwh)} kWh")
    parts_zh.append(pt_field.choice_label(model["powertrain"], "zh"))
    parts_en.append(pt_field.choice_label(model["powertrain"], "en"))
    return Look(
        code=model["code"],
        name_zh=model["name_zh"],
        name_en=model.get("name_en", ""),
        caption_zh=" · ".join(p for p in parts_zh if p),
        caption_en=" · ".join(p for p in parts_en if p),
        body=body,
        powertrain=model["powertrain"],
        drive=drive,
        length=specs.get("length_mm", length_d * 1000) / 1000,
        height=specs.get("height_mm", height_d * 1000) / 1000,
        wheelbase=specs.get("wheelbase_mm", wb_d * 1000) / 1000,
        battery_kwh=kwh,
        cab_color=color,
    )


def fmt_number(value: float) -> str:
    """1234.0 -> '1,234'; 4.495 -> '4.495'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


# --------------------------------------------------------------------------------------------
# Painting helpers
# --------------------------------------------------------------------------------------------


class Canvas2D:
    """A QImage with a QPainter and the bundled font."""

    def __init__(self, width: int, height: int, family: str) -> None:
        self.image = QImage(width, height, QImage.Format.Format_RGB32)
        self.image.fill(QColor("#ffffff"))
        self.image.setDotsPerMeterX(3780)
        self.image.setDotsPerMeterY(3780)
        self.family = family
        self.p = QPainter(self.image)
        self.p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)

    def font(self, px: float) -> QFont:
        font = QFont(self.family)
        font.setPixelSize(max(1, round(px)))
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def fitted_font(self, text: str, px: float, max_width: float, min_px: float = 10) -> QFont:
        """The largest font up to ``px`` in which ``text`` fits into ``max_width``."""
        size = px
        while size > min_px:
            font = self.font(size)
            if QFontMetricsF(font).horizontalAdvance(text) <= max_width:
                return font
            size -= 1
        return self.font(min_px)

    def text(self, x: float, baseline: float, text: str, font: QFont, color: QColor) -> None:
        self.p.setFont(font)
        self.p.setPen(color)
        self.p.drawText(QPointF(x, baseline), text)

    def centered_text(self, cx: float, cy: float, text: str, font: QFont, color: QColor) -> None:
        metrics = QFontMetricsF(font)
        width = metrics.horizontalAdvance(text)
        baseline = cy + (metrics.ascent() - metrics.descent()) / 2
        self.text(cx - width / 2, baseline, text, font, color)

    def fill(
        self,
        shape: QRectF | QPolygonF | QPainterPath,
        brush: QColor | QBrush,
        pen: QPen | QColor | None = None,
        radius: float = 0.0,
    ) -> None:
        p = self.p
        p.setBrush(brush if isinstance(brush, QBrush) else QBrush(brush))
        if pen is None:
            p.setPen(Qt.PenStyle.NoPen)
        else:
            p.setPen(pen)
        if isinstance(shape, QRectF):
            if radius:
                p.drawRoundedRect(shape, radius, radius)
            else:
                p.drawRect(shape)
        elif isinstance(shape, QPolygonF):
            p.drawPolygon(shape)
        else:
            p.drawPath(shape)

    def save(self, path: Path) -> None:
        self.p.end()
        path.parent.mkdir(parents=True, exist_ok=True)
        if not self.image.save(str(path), "PNG", 0):
            raise SystemExit(f"cannot write {path}")


def pen(color: QColor | str, width: float, cap: Qt.PenCapStyle = Qt.PenCapStyle.RoundCap) -> QPen:
    result = QPen(QColor(color))
    result.setWidthF(width)
    result.setCapStyle(cap)
    result.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return result


def with_alpha(color: QColor | str, alpha: int) -> QColor:
    result = QColor(color)
    result.setAlpha(alpha)
    return result


def mix(a: QColor | str, b: QColor | str, t: float) -> QColor:
    """Linear blend of two colours (t=0 -> a, t=1 -> b)."""
    ca, cb = QColor(a), QColor(b)
    return QColor(
        round(ca.red() + (cb.red() - ca.red()) * t),
        round(ca.green() + (cb.green() - ca.green()) * t),
        round(ca.blue() + (cb.blue() - ca.blue()) * t),
    )


def draw_background(c: Canvas2D, ground: float = GROUND) -> None:
    """Soft sky gradient, pale karst hills (Guizhou) and a road band."""
    p = c.p
    sky = QLinearGradient(0, 0, 0, ground)
    sky.setColorAt(0.0, QColor("#f5f8fb"))
    sky.setColorAt(1.0, QColor("#dde6ef"))
    p.fillRect(QRectF(0, 0, WIDTH, ground), QBrush(sky))
    hills = (
        (
            QColor("#d5e0ea"),
            ((40, 170, 120), (230, 150, 95), (520, 210, 130), (760, 160, 105), (930, 190, 125)),
        ),
        (QColor("#cbd8e4"), ((130, 120, 70), (380, 140, 80), (650, 120, 72), (880, 110, 66))),
    )
    for color, cones in hills:
        path = QPainterPath(QPointF(0, ground))
        for cx, half, h in cones:
            path.lineTo(cx - half, ground)
            path.cubicTo(
                QPointF(cx - half * 0.45, ground),
                QPointF(cx - half * 0.35, ground - h),
                QPointF(cx, ground - h),
            )
            path.cubicTo(
                QPointF(cx + half * 0.35, ground - h),
                QPointF(cx + half * 0.45, ground),
                QPointF(cx + half, ground),
            )
        path.lineTo(WIDTH, ground)
        path.closeSubpath()
        c.fill(path, color)
    road = QLinearGradient(0, ground, 0, HEIGHT)
    road.setColorAt(0.0, QColor("#cdd5dd"))
    road.setColorAt(1.0, QColor("#bcc5cf"))
    p.fillRect(QRectF(0, ground, WIDTH, HEIGHT - ground), QBrush(road))
    p.fillRect(QRectF(0, ground, WIDTH, 2), QColor("#aeb8c3"))


def draw_shadow(c: Canvas2D, cx: float, width: float, ground: float = GROUND) -> None:
    p = c.p
    p.save()
    p.translate(cx, ground + 3)
    p.scale(1.0, 0.05)
    radius = width / 2
    grad = QRadialGradient(QPointF(0, 0), radius)
    grad.setColorAt(0.0, QColor(20, 30, 40, 95))
    grad.setColorAt(0.75, QColor(20, 30, 40, 45))
    grad.setColorAt(1.0, QColor(20, 30, 40, 0))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(grad))
    p.drawEllipse(QPointF(0, 0), radius, radius)
    p.restore()


def draw_titles(c: Canvas2D, title: str, subtitle: str, caption_zh: str, caption_en: str) -> None:
    tag_w = draw_sample_tag(c)
    max_w = WIDTH - 2 * 32 - tag_w - 24
    c.text(32, 58, title, c.fitted_font(title, 32, max_w), INK)
    if subtitle:
        c.text(32, 88, subtitle, c.fitted_font(subtitle, 17, max_w), INK_SOFT)
    c.text(32, 540, caption_zh, c.fitted_font(caption_zh, 17, WIDTH - 64), QColor("#33404d"))
    c.text(32, 568, caption_en, c.fitted_font(caption_en, 14, WIDTH - 64), QColor("#4f5d6b"))


def draw_sample_tag(c: Canvas2D) -> float:
    """The orange "示例 SAMPLE" tag in the top-right corner; returns its width."""
    text = "示例 SAMPLE"
    font = c.font(17)
    width = QFontMetricsF(font).horizontalAdvance(text) + 28
    rect = QRectF(WIDTH - 28 - width, 26, width, 36)
    c.fill(rect, SAMPLE_ORANGE, radius=8)
    c.centered_text(rect.center().x(), rect.center().y(), text, font, QColor("#ffffff"))
    return width


# --------------------------------------------------------------------------------------------
# Symbols
# --------------------------------------------------------------------------------------------


def draw_swap_symbol(c: Canvas2D, center: QPointF, radius: float, color: QColor) -> None:
    """Two chasing arrows forming a circle (battery swap)."""
    p = c.p
    width = max(2.0, radius * 0.22)
    box = QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius)
    for start in (20.0, 200.0):
        p.setPen(pen(color, width, Qt.PenCapStyle.FlatCap))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawArc(box, round(start * 16), round(130 * 16))
        end = math.radians(start + 130)
        tip = QPointF(center.x() + radius * math.cos(end), center.y() - radius * math.sin(end))
        # arrow head pointing along the direction of travel (counter-clockwise)
        tangent = (-math.sin(end), -math.cos(end))
        normal = (math.cos(end), -math.sin(end))
        size = radius * 0.45
        head = QPolygonF(
            [
                QPointF(tip.x() + tangent[0] * size, tip.y() + tangent[1] * size),
                QPointF(tip.x() + normal[0] * size * 0.6, tip.y() + normal[1] * size * 0.6),
                QPointF(tip.x() - normal[0] * size * 0.6, tip.y() - normal[1] * size * 0.6),
            ]
        )
        c.fill(head, color)


def draw_bolt(c: Canvas2D, center: QPointF, size: float, color: QColor) -> None:
    """A lightning bolt of height ``size`` centred on ``center``."""
    x, y, s = center.x(), center.y(), size
    bolt = QPolygonF(
        [
            QPointF(x + 0.10 * s, y - 0.50 * s),
            QPointF(x - 0.28 * s, y + 0.06 * s),
            QPointF(x - 0.02 * s, y + 0.06 * s),
            QPointF(x - 0.12 * s, y + 0.50 * s),
            QPointF(x + 0.28 * s, y - 0.08 * s),
            QPointF(x + 0.02 * s, y - 0.08 * s),
        ]
    )
    c.fill(bolt, color)


def draw_plug_badge(c: Canvas2D, center: QPointF, radius: float) -> None:
    """Charging port with a plug-and-cable pictogram on a round badge."""
    c.fill(
        QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius),
        QColor("#ffffff"),
        pen(NEV_GREEN, max(2.0, radius * 0.14)),
        radius=radius,
    )
    p = c.p
    s = radius
    x, y = center.x(), center.y()
    # plug body and prongs
    c.fill(
        QRectF(x - 0.34 * s, y - 0.30 * s, 0.68 * s, 0.42 * s), QColor("#1f7a4d"), radius=0.1 * s
    )
    for dx in (-0.17, 0.17):
        c.fill(QRectF(x + (dx - 0.05) * s, y - 0.56 * s, 0.1 * s, 0.27 * s), QColor("#1f7a4d"))
    # cable
    cable = QPainterPath(QPointF(x, y + 0.12 * s))
    cable.cubicTo(
        QPointF(x, y + 0.55 * s),
        QPointF(x + 0.55 * s, y + 0.25 * s),
        QPointF(x + 0.55 * s, y + 0.62 * s),
    )
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(pen("#1f7a4d", max(1.5, 0.12 * s)))
    p.drawPath(cable)


def draw_socket(c: Canvas2D, center: QPointF, radius: float) -> None:
    """A DC charging inlet seen from the side: ring, lid and two pins."""
    c.fill(
        QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius),
        QColor("#1c232b"),
        pen("#8fa0b0", max(1.5, radius * 0.18)),
        radius=radius,
    )
    for dx in (-0.38, 0.38):
        pin = QPointF(center.x() + dx * radius, center.y())
        r = radius * 0.2
        c.fill(QRectF(pin.x() - r, pin.y() - r, 2 * r, 2 * r), QColor("#f0c419"), radius=r)


# --------------------------------------------------------------------------------------------
# Side view
# --------------------------------------------------------------------------------------------


def side_mapper(look: Look) -> Mapper:
    extra_front = 0.3  # mirror ahead of the cab
    extra_rear = 0.15
    span = look.length + extra_front + extra_rear
    scale = min(800 / span, 360 / max(look.height, 2.6))
    x0 = (WIDTH - span * scale) / 2 + extra_front * scale
    return Mapper(x0, GROUND, scale)


def cab_path(m: Mapper, g: CabGeom) -> QPainterPath:
    """Outline of a cab-over cab facing left."""
    light = g.length < 2.0
    nose = 0.12 if light else 0.18
    glass_x = 0.30 if light else 0.38
    path = QPainterPath(m.pt(0.0, g.floor))
    path.lineTo(m.pt(0.0, g.shoulder - 0.1))
    path.quadTo(m.pt(0.0, g.shoulder), m.pt(nose, g.shoulder))
    path.lineTo(m.pt(glass_x, g.glass_top))
    if g.top - g.glass_top > 0.35:  # high roof / aero fairing
        path.cubicTo(
            m.pt(glass_x + 0.08, g.top - 0.15),
            m.pt(glass_x + 0.3, g.top),
            m.pt(glass_x + 0.9, g.top),
        )
    else:
        path.quadTo(m.pt(glass_x + 0.06, g.top), m.pt(glass_x + 0.25, g.top))
    path.lineTo(m.pt(g.length - 0.08, g.top))
    path.quadTo(m.pt(g.length, g.top), m.pt(g.length, g.top - 0.08))
    path.lineTo(m.pt(g.length, g.floor))
    path.closeSubpath()
    return path


def draw_cab_side(c: Canvas2D, m: Mapper, look: Look) -> None:
    g = look.cab
    color = QColor(look.cab_color)
    light = look.light
    path = cab_path(m, g)
    grad = QLinearGradient(0, m.y(g.top), 0, m.y(g.floor))
    grad.setColorAt(0.0, color.lighter(118))
    grad.setColorAt(1.0, color.darker(108))
    c.fill(path, QBrush(grad), pen(color.darker(140), 1.4))
    p = c.p
    p.save()
    p.setClipPath(path)
    # stripes: a soft white band and a thin NEV-green line
    band_y = (g.floor + g.shoulder) / 2
    c.fill(m.rect(0, band_y - 0.07, g.length, band_y + 0.07), with_alpha("#ffffff", 85))
    c.fill(m.rect(0, band_y - 0.14, g.length, band_y - 0.10), NEV_GREEN)
    # windscreen edge visible from the side
    nose = 0.12 if light else 0.18
    glass_x = 0.30 if light else 0.38
    c.fill(
        m.poly(
            [
                (nose, g.shoulder),
                (glass_x, g.glass_top),
                (glass_x + 0.09, g.glass_top),
                (nose + 0.09, g.shoulder),
            ]
        ),
        GLASS,
    )
    p.restore()
    # side window
    w0 = glass_x + (0.1 if light else 0.08)
    w1 = 1.15 if light else 1.32
    wy0, wy1 = g.shoulder, g.glass_top - 0.05
    win = m.poly([(w0 - 0.06, wy0), (w0 + 0.1, wy1), (w1, wy1), (w1, wy0)])
    wgrad = QLinearGradient(m.x(w0), m.y(wy1), m.x(w1), m.y(wy0))
    wgrad.setColorAt(0.0, GLASS_LIGHT)
    wgrad.setColorAt(1.0, QColor("#5f86ad"))
    c.fill(win, QBrush(wgrad), pen(color.darker(160), 1.2))
    # door seam and handle
    door = m.rect(w0 - 0.1, g.floor + 0.08, w1 + 0.1, g.glass_top)
    c.fill(
        door, QColor(0, 0, 0, 0), pen(with_alpha(color.darker(170), 160), 1.2), radius=m.len(0.06)
    )
    c.fill(m.rect(w1 - 0.22, g.shoulder - 0.16, w1 - 0.04, g.shoulder - 0.1), STEEL, radius=2)
    # high-roof marker lights
    if g.top - g.glass_top > 0.35:
        for i in range(3):
            x = glass_x + 0.65 + i * 0.22
            c.fill(m.rect(x, g.top - 0.01, x + 0.12, g.top + 0.04), QColor("#f5a623"), radius=1.5)
    # bumper, headlamp, step, mirror
    bumper_top = g.floor
    bumper_bottom = g.floor - (0.32 if light else 0.42)
    c.fill(
        m.rect(-0.05, bumper_bottom, 0.5 if light else 0.6, bumper_top), STEEL, radius=m.len(0.05)
    )
    lamp_y = g.floor + (0.1 if light else 0.08)
    c.fill(
        m.rect(-0.02, lamp_y, 0.12, lamp_y + (0.18 if light else 0.22)),
        QColor("#fff4c7"),
        pen("#9aa3ad", 1.0),
        radius=2,
    )
    if not light:
        c.fill(m.rect(0.18, 0.72, 0.75, 0.8), STEEL, radius=2)
    arm_y = g.glass_top - 0.15
    p.setPen(pen(STEEL, max(2.0, m.len(0.035))))
    p.drawLine(m.pt(glass_x + 0.02, arm_y), m.pt(-0.18, arm_y))
    c.fill(
        m.rect(-0.3, arm_y - (0.45 if light else 0.65), -0.14, arm_y + 0.08),
        STEEL,
        radius=m.len(0.04),
    )
    # powertrain badge on the door
    badge = {"bev_charge": "EV", "bev_swap": "EV", "fcev": "H₂", "erev": "EREV"}[look.powertrain]
    font = c.font(max(10.0, m.len(0.17)))
    bw = QFontMetricsF(font).horizontalAdvance(badge) + m.len(0.14)
    bx = m.x(w1 - 0.05) - bw
    by = m.y(g.floor + 0.22)
    rect = QRectF(bx, by - m.len(0.24), bw, m.len(0.24))
    c.fill(rect, QColor("#1f9d62"), radius=m.len(0.05))
    c.centered_text(rect.center().x(), rect.center().y(), badge, font, QColor("#ffffff"))


def draw_frame(c: Canvas2D, m: Mapper, look: Look) -> None:
    y0, y1 = look.frame
    c.fill(m.rect(look.cab.length - 0.3, y0, look.length - 0.05, y1), STEEL)
    # rear lamp and under-run bar
    end = look.length
    c.fill(m.rect(end - 0.24, y0 - 0.3, end - 0.16, y0), STEEL)
    c.fill(m.rect(end - 0.55, y0 - 0.34, end, y0 - 0.24), STEEL, radius=2)
    c.fill(m.rect(end - 0.1, y1 - 0.06, end + 0.02, y1 + 0.06), QColor("#d8343c"), radius=2)


def draw_wheels(c: Canvas2D, m: Mapper, look: Look) -> None:
    r = look.wheel_r
    axles = look.axles
    # mudguards over the rear group and mudflap
    rear = [a for a in axles if a > look.cab.length + 0.2]
    if rear:
        x0, x1 = rear[0] - r - 0.12, rear[-1] + r + 0.12
        top = 2 * r + 0.1
        guard = QPainterPath(m.pt(x0, r * 0.9))
        guard.lineTo(m.pt(x0, top - 0.08))
        guard.quadTo(m.pt(x0, top), m.pt(x0 + 0.1, top))
        guard.lineTo(m.pt(x1 - 0.1, top))
        guard.quadTo(m.pt(x1, top), m.pt(x1, top - 0.08))
        guard.lineTo(m.pt(x1, r * 0.9))
        c.p.setBrush(Qt.BrushStyle.NoBrush)
        c.p.setPen(pen(STEEL, m.len(0.08), Qt.PenCapStyle.FlatCap))
        c.p.drawPath(guard)
        c.fill(m.rect(x1 + 0.04, 0.12, x1 + 0.1, top - 0.1), QColor("#2a2e33"))
    for axle in axles:
        center = m.pt(axle, r)
        rr = m.len(r)
        c.fill(QRectF(center.x() - rr, center.y() - rr, 2 * rr, 2 * rr), TYRE, radius=rr)
        rim = rr * 0.6
        grad = QRadialGradient(center, rim)
        grad.setColorAt(0.0, QColor("#e9edf1"))
        grad.setColorAt(1.0, RIM)
        c.fill(
            QRectF(center.x() - rim, center.y() - rim, 2 * rim, 2 * rim),
            QBrush(grad),
            pen("#9aa4ae", 1.2),
            radius=rim,
        )
        hub = rr * 0.22
        c.fill(
            QRectF(center.x() - hub, center.y() - hub, 2 * hub, 2 * hub),
            QColor("#7d8893"),
            radius=hub,
        )
        for i in range(8):
            angle = math.radians(i * 45 + 22.5)
            bolt = QPointF(
                center.x() + math.cos(angle) * rr * 0.4, center.y() + math.sin(angle) * rr * 0.4
            )
            br = max(1.2, rr * 0.045)
            c.fill(
                QRectF(bolt.x() - br, bolt.y() - br, 2 * br, 2 * br), QColor("#6a747f"), radius=br
            )


def draw_side_pack(c: Canvas2D, m: Mapper, look: Look, x0: float, x1: float) -> None:
    """Battery pack hung on the chassis side, with ribs."""
    if x1 - x0 < 0.3:
        return
    frame_bottom = look.frame[0]
    y0 = frame_bottom - (0.24 if look.light else 0.46)
    rect = m.rect(x0, y0, x1, frame_bottom + 0.02)
    c.fill(rect, BATTERY, pen("#1d2631", 1.0), radius=m.len(0.04))
    c.fill(m.rect(x0, frame_bottom - 0.04, x1, frame_bottom + 0.02), BATTERY_EDGE)
    step = 0.28
    x = x0 + step
    c.p.setPen(pen(with_alpha("#ffffff", 40), 1.0))
    while x < x1 - 0.1:
        c.p.drawLine(m.pt(x, y0 + 0.05), m.pt(x, frame_bottom - 0.08))
        x += step


def draw_charge_marks(c: Canvas2D, m: Mapper, look: Look, x0: float, x1: float) -> None:
    """Charging inlet and the plug/cable badge on the side pack."""
    frame_bottom = look.frame[0]
    pack_mid = frame_bottom - (0.12 if look.light else 0.22)
    r_socket = m.len(0.1 if look.light else 0.13)
    socket_x = m.x(x1) - r_socket - m.len(0.12)
    draw_socket(c, QPointF(socket_x, m.y(pack_mid)), r_socket)
    badge_r = m.len(0.2 if look.light else 0.26)
    badge_x = max(m.x(x0) + badge_r + 4, socket_x - r_socket - badge_r - m.len(0.12))
    badge_y = m.y(pack_mid) if look.light else m.y(frame_bottom + 0.02) - badge_r * 0.2
    draw_plug_badge(c, QPointF(badge_x, badge_y), badge_r)


def draw_swap_box(
    c: Canvas2D, m: Mapper, look: Look, x0: float, x1: float, y0: float, y1: float
) -> None:
    """Swappable battery box with lifting lugs, the swap symbol and its capacity."""
    rect = m.rect(x0, y0, x1, y1)
    grad = QLinearGradient(rect.left(), 0, rect.right(), 0)
    grad.setColorAt(0.0, BATTERY.lighter(125))
    grad.setColorAt(1.0, BATTERY)
    c.fill(rect, QBrush(grad), pen("#1a232c", 1.2), radius=m.len(0.06))
    c.fill(m.rect(x0, y1 - 0.12, x1, y1 - 0.04), BATTERY_EDGE)
    for lx in (x0 + 0.12, x1 - 0.3):
        lug = m.rect(lx, y1, lx + 0.18, y1 + 0.1)
        c.fill(lug, STEEL, radius=2)
    label = f"{fmt_number(look.battery_kwh)} kWh" if look.battery_kwh else ""
    center = rect.center()
    if rect.width() > 1.8 * rect.height():  # flat side-swap pack: symbol left, text right
        radius = rect.height() * 0.26
        center.setY(center.y() + rect.height() * 0.06)
        center.setX(rect.left() + rect.width() * 0.3)
        draw_swap_symbol(c, center, radius, QColor("#ffffff"))
        if label:
            font = c.fitted_font(label, rect.height() * 0.4, rect.width() * 0.45, 8)
            c.text(
                center.x() + radius * 1.8,
                center.y() + QFontMetricsF(font).ascent() * 0.38,
                label,
                font,
                QColor("#e8f3f2"),
            )
        return
    radius = min(rect.width(), rect.height()) * 0.22
    center.setY(center.y() - radius * 0.35)
    draw_swap_symbol(c, center, radius, QColor("#ffffff"))
    if label:
        font = c.fitted_font(label, m.len(0.2), rect.width() * 0.85, 8)
        c.centered_text(center.x(), center.y() + radius * 1.75, label, font, QColor("#e8f3f2"))


def draw_h2_tanks(
    c: Canvas2D, m: Mapper, x0: float, x1: float, y0: float, y1: float, count: int
) -> None:
    """A rack of vertical hydrogen cylinders behind the cab."""
    gap = 0.06
    width = (x1 - x0 - gap * (count + 1)) / count
    for i in range(count):
        tx0 = x0 + gap + i * (width + gap)
        rect = m.rect(tx0, y0 + 0.04, tx0 + width, y1 - 0.1)
        grad = QLinearGradient(rect.left(), 0, rect.right(), 0)
        grad.setColorAt(0.0, QColor("#c9dbee"))
        grad.setColorAt(0.35, QColor("#f4f8fc"))
        grad.setColorAt(1.0, QColor("#a9c2dc"))
        c.fill(rect, QBrush(grad), pen("#7d98b4", 1.0), radius=rect.width() / 2)
        for band in (0.3, 0.7):
            by = y0 + (y1 - y0) * band
            c.fill(m.rect(tx0, by - 0.03, tx0 + width, by + 0.03), QColor("#2f78c4"))
    c.p.setBrush(Qt.BrushStyle.NoBrush)
    c.p.setPen(pen(STEEL, max(2.0, m.len(0.04))))
    c.p.drawRect(m.rect(x0, y0, x1, y1))
    plate = m.rect((x0 + x1) / 2 - 0.28, y1 - 0.02, (x0 + x1) / 2 + 0.28, y1 + 0.24)
    c.fill(plate, QColor("#2f78c4"), radius=4)
    c.centered_text(
        plate.center().x(),
        plate.center().y(),
        "H₂",
        c.font(plate.height() * 0.72),
        QColor("#ffffff"),
    )


def draw_range_extender(c: Canvas2D, m: Mapper, look: Look, x0: float, x1: float) -> None:
    """Genset box behind the cab, a vertical exhaust stack and a little smoke."""
    y0 = look.frame[1]
    box = m.rect(x0 + 0.12, y0, x1, y0 + 1.0)
    c.fill(box, QColor("#8a949e"), pen("#5d6670", 1.0), radius=m.len(0.05))
    c.p.setPen(pen("#6d7680", 1.2))
    for i in range(5):
        gy = y0 + 0.25 + i * 0.13
        c.p.drawLine(m.pt(x0 + 0.35, gy), m.pt(x1 - 0.25, gy))
    stack_x = x0 + 0.02
    top = look.cab.top + 0.05
    c.fill(m.rect(stack_x, y0 + 0.5, stack_x + 0.09, top), CHROME, pen("#8c959e", 1.0))
    cap = QPainterPath(m.pt(stack_x, top))
    cap.quadTo(m.pt(stack_x, top + 0.16), m.pt(stack_x + 0.2, top + 0.14))
    c.p.setBrush(Qt.BrushStyle.NoBrush)
    c.p.setPen(pen(CHROME.darker(115), m.len(0.09)))
    c.p.drawPath(cap)
    for i, (dx, dy, rr) in enumerate(((0.34, 0.14, 0.07), (0.56, 0.2, 0.09), (0.84, 0.24, 0.11))):
        center = m.pt(stack_x + dx, top + dy)
        radius = m.len(rr)
        c.fill(
            QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius),
            QColor(150, 160, 170, 110 - i * 25),
            radius=radius,
        )


def draw_fuel_tank(c: Canvas2D, m: Mapper, look: Look, x0: float, x1: float) -> None:
    frame_bottom = look.frame[0]
    rect = m.rect(x0, frame_bottom - 0.5, x1, frame_bottom + 0.05)
    grad = QLinearGradient(0, rect.top(), 0, rect.bottom())
    grad.setColorAt(0.0, QColor("#f1f4f7"))
    grad.setColorAt(1.0, QColor("#9aa5b1"))
    c.fill(rect, QBrush(grad), pen("#7b8691", 1.0), radius=rect.height() / 2)
    for sx in (x0 + 0.18, x1 - 0.22):
        c.fill(m.rect(sx, frame_bottom - 0.52, sx + 0.05, frame_bottom + 0.07), STEEL)


def package_behind_cab(
    c: Canvas2D, m: Mapper, look: Look, x0: float, x1: float, top: float
) -> None:
    """Energy package between the cab and the body (or the fifth wheel)."""
    y0 = look.frame[1]
    if look.powertrain == "bev_swap":
        draw_swap_box(c, m, look, x0, x1, y0 + 0.05, top)
    elif look.powertrain == "fcev":
        count = max(2, min(5, round((x1 - x0) / 0.42)))
        draw_h2_tanks(c, m, x0, x1, y0 + 0.02, top, count)
    elif look.powertrain == "erev":
        draw_range_extender(c, m, look, x0, x1)
    else:
        rect = m.rect(x0, y0 + 0.05, x1, top)
        c.fill(rect, BATTERY, pen("#1a232c", 1.2), radius=m.len(0.06))
        c.fill(m.rect(x0, top - 0.12, x1, top - 0.04), BATTERY_EDGE)
        draw_bolt(c, rect.center(), min(rect.width(), rect.height()) * 0.45, QColor("#f0c419"))


def draw_tractor_body(c: Canvas2D, m: Mapper, look: Look) -> None:
    rear = look.axles[-2:]
    fifth = (rear[0] + rear[-1]) / 2 - 0.2
    y1 = look.frame[1]
    c.fill(m.rect(fifth - 0.55, y1, fifth + 0.55, y1 + 0.14), QColor("#5a626c"))
    plate = m.rect(fifth - 0.7, y1 + 0.14, fifth + 0.7, y1 + 0.26)
    c.fill(plate, QColor("#2b3036"), radius=3)
    c.fill(m.rect(fifth + 0.35, y1 + 0.2, fifth + 0.75, y1 + 0.3), QColor("#2b3036"), radius=2)
    x0 = look.cab.length + 0.1
    x1 = min(fifth - 0.85, x0 + (1.9 if (look.battery_kwh or 0) > 500 else 1.45))
    tops = {"bev_swap": 3.1, "fcev": 3.45, "erev": 2.2, "bev_charge": 2.9}
    draw_pkg_top = min(tops[look.powertrain], look.cab.top - 0.2)
    if look.powertrain == "fcev":
        x1 = fifth - 0.85
    package_behind_cab(c, m, look, x0, x1, draw_pkg_top)
    # air / electric couplings
    c.p.setBrush(Qt.BrushStyle.NoBrush)
    for i, color in enumerate(("#d84a3a", "#3a6fd8", "#e0b020")):
        curl = QPainterPath(m.pt(x1 + 0.05, y1 + 0.9 - i * 0.12))
        curl.cubicTo(
            m.pt(x1 + 0.5, y1 + 1.3 - i * 0.12),
            m.pt(x1 + 0.5, y1 + 0.4),
            m.pt(x1 + 0.25, y1 + 0.3 - i * 0.05),
        )
        c.p.setPen(pen(color, max(1.5, m.len(0.03))))
        c.p.drawPath(curl)


def body_start(c: Canvas2D, m: Mapper, look: Look) -> float:
    """Draw the package behind the cab (for non-tractors) and return where the body starts."""
    x0 = look.cab.length + 0.1
    if look.light:
        return x0
    widths = {"bev_swap": 1.3, "fcev": 1.0, "erev": 1.0}
    if look.powertrain not in widths:
        return x0 + (0.35 if look.body == "dump" else 0.1)
    x1 = x0 + widths[look.powertrain]
    package_behind_cab(c, m, look, x0, x1, look.cab.top - 0.1)
    return x1 + 0.12


def draw_dump_body(c: Canvas2D, m: Mapper, look: Look, x0: float) -> None:
    y0 = look.frame[1] + 0.2
    x1 = look.length - 0.08
    top = min(look.height, 3.55) - 0.05
    body_color = mix(look.cab_color, "#7c8794", 0.55)
    c.fill(m.rect(x0 - 0.1, look.frame[1], x1 - 0.2, y0), STEEL)  # sub-frame
    shape = m.poly(
        [
            (x0, y0 + 0.15),
            (x0 + 0.15, y0),
            (x1 - 0.55, y0),
            (x1, y0 + 0.45),
            (x1, top - 0.3),
            (x0 + 0.35, top - 0.3),
            (x0, top),
        ]
    )
    grad = QLinearGradient(0, m.y(top), 0, m.y(y0))
    grad.setColorAt(0.0, body_color.lighter(120))
    grad.setColorAt(1.0, body_color.darker(110))
    c.fill(shape, QBrush(grad), pen(body_color.darker(150), 1.4))
    c.p.setPen(pen(body_color.darker(130), max(2.0, m.len(0.05))))
    x = x0 + 0.75
    while x < x1 - 0.4:
        c.p.drawLine(m.pt(x, y0 + 0.08), m.pt(x, top - 0.38))
        x += 0.75
    c.fill(m.rect(x0 + 0.35, top - 0.38, x1, top - 0.3), body_color.darker(140))
    if look.powertrain not in ("bev_swap", "fcev", "erev"):  # front-lift hydraulic cylinder
        c.fill(
            m.rect(x0 - 0.24, look.frame[1] + 0.05, x0 - 0.1, y0 + 1.1), CHROME, pen("#8c959e", 1)
        )
    # rear tail-gate hinge
    c.fill(m.rect(x1 - 0.1, top - 0.45, x1 + 0.04, top - 0.25), STEEL, radius=2)


def draw_mixer_body(c: Canvas2D, m: Mapper, look: Look, x0: float) -> None:
    y_frame = look.frame[1]
    d0, d1 = x0 + 0.15, look.length - 0.75
    span = d1 - d0
    top_rear = min(look.height, 3.98) - 0.1
    # pedestals
    c.fill(m.rect(d0 + 0.2, y_frame, d0 + 0.55, 2.35), STEEL, radius=2)
    c.fill(m.rect(d1 - 0.9, y_frame, d1 - 0.55, 2.9), STEEL, radius=2)
    # water tank on the front pedestal (partly hidden behind the drum)
    tank = m.rect(d0 + 0.6, y_frame + 0.05, d0 + 1.5, y_frame + 0.45)
    c.fill(tank, QColor("#dfe5ea"), pen("#9aa5b1", 1.0), radius=tank.height() / 2)
    front = (d0, 2.35)
    top = (d0 + 0.42 * span, top_rear - 0.25)
    rear_top = (d1, top_rear)
    rear_bottom = (d1, top_rear - 0.75)
    bottom = (d0 + 0.42 * span, y_frame + 0.5)
    path = QPainterPath(m.pt(*front))
    path.cubicTo(m.pt(d0, 3.05), m.pt(top[0] - 1.1, top[1]), m.pt(*top))
    path.cubicTo(m.pt(top[0] + 1.3, top[1]), m.pt(d1 - 0.6, top_rear), m.pt(*rear_top))
    path.lineTo(m.pt(*rear_bottom))
    path.cubicTo(m.pt(d1 - 0.9, top_rear - 0.85), m.pt(bottom[0] + 1.4, bottom[1]), m.pt(*bottom))
    path.cubicTo(m.pt(bottom[0] - 1.5, bottom[1]), m.pt(d0, 1.6), m.pt(*front))
    path.closeSubpath()
    grad = QLinearGradient(0, m.y(top_rear), 0, m.y(bottom[1]))
    grad.setColorAt(0.0, QColor("#ffffff"))
    grad.setColorAt(0.6, BODY_WHITE)
    grad.setColorAt(1.0, QColor("#cfd6de"))
    c.fill(path, QBrush(grad))
    p = c.p
    p.save()
    p.setClipPath(path)
    stripe = QColor(look.cab_color)
    x = d0 - 1.2
    while x < d1 + 0.5:
        band = QPainterPath(m.pt(x, 1.0))
        band.cubicTo(m.pt(x + 0.3, 2.0), m.pt(x + 0.55, 3.0), m.pt(x + 1.2, 4.3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(pen(stripe, m.len(0.22), Qt.PenCapStyle.FlatCap))
        p.drawPath(band)
        p.setPen(pen(NEV_GREEN, m.len(0.05), Qt.PenCapStyle.FlatCap))
        p.drawPath(band.translated(m.len(0.2), 0))
        x += 0.95
    p.restore()
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(pen("#8d99a6", 1.4))
    p.drawPath(path)
    # drum rear ring, hopper and chute
    c.fill(m.rect(d1 - 0.05, top_rear - 0.8, d1 + 0.1, top_rear + 0.05), STEEL, radius=3)
    hopper = m.poly(
        [
            (d1 - 0.1, top_rear - 0.05),
            (d1 + 0.55, top_rear - 0.05),
            (d1 + 0.35, top_rear - 0.45),
            (d1 + 0.05, top_rear - 0.45),
        ]
    )
    c.fill(hopper, QColor("#6b7580"), pen("#4a525b", 1.0))
    chute = m.poly(
        [
            (d1 + 0.05, top_rear - 0.8),
            (d1 + 0.25, top_rear - 0.8),
            (look.length - 0.02, 1.85),
            (look.length - 0.2, 1.75),
        ]
    )
    c.fill(chute, QColor("#6b7580"), pen("#4a525b", 1.0))
    # ladder
    lx = d1 + 0.45
    p.setPen(pen(STEEL, max(1.5, m.len(0.03))))
    p.drawLine(m.pt(lx, y_frame), m.pt(lx, top_rear - 0.5))
    p.drawLine(m.pt(lx + 0.25, y_frame), m.pt(lx + 0.25, top_rear - 0.5))
    y = y_frame + 0.25
    while y < top_rear - 0.5:
        p.drawLine(m.pt(lx, y), m.pt(lx + 0.25, y))
        y += 0.3


def draw_box_body(c: Canvas2D, m: Mapper, look: Look, x0: float, top: float, color: QColor) -> None:
    """Van/box body with panel seams, a coloured stripe and rear door hinges."""
    y0 = look.frame[1] + (0.05 if look.light else 0.12)
    x1 = look.length - 0.04
    rect = m.rect(x0, y0, x1, top)
    grad = QLinearGradient(0, rect.top(), 0, rect.bottom())
    grad.setColorAt(0.0, QColor("#ffffff"))
    grad.setColorAt(1.0, QColor("#dfe5eb"))
    c.fill(rect, QBrush(grad), pen("#9aa6b2", 1.4), radius=m.len(0.05))
    c.p.setPen(pen("#ccd4dc", 1.0))
    step = 0.9 if look.light else 1.2
    x = x0 + step
    while x < x1 - 0.3:
        c.p.drawLine(m.pt(x, y0 + 0.04), m.pt(x, top - 0.04))
        x += step
    band_y = y0 + (top - y0) * 0.32
    c.fill(m.rect(x0, band_y, x1, band_y + (top - y0) * 0.16), color)
    c.fill(m.rect(x0, band_y - 0.1, x1, band_y - 0.05), NEV_GREEN)
    for hy in (y0 + 0.3, top - 0.3):
        c.fill(m.rect(x1 - 0.12, hy - 0.05, x1, hy + 0.05), STEEL, radius=1.5)
    c.fill(m.rect(x0, top - 0.06, x1, top), QColor("#aab4be"))
    if not look.light:  # side under-run guard rails
        g0, g1 = look.side_span
        c.p.setPen(pen("#8c96a0", max(2.0, m.len(0.04))))
        for gy in (0.6, 0.3):
            c.p.drawLine(m.pt(g0, look.frame[0] - gy + 0.25), m.pt(g1, look.frame[0] - gy + 0.25))


def draw_roof_deflector(c: Canvas2D, m: Mapper, look: Look, body_top: float) -> None:
    g = look.cab
    if body_top - g.top < 0.3:
        return
    shape = QPainterPath(m.pt(0.75, g.top - 0.02))
    shape.cubicTo(
        m.pt(1.2, g.top + 0.1), m.pt(1.6, body_top - 0.1), m.pt(g.length - 0.05, body_top - 0.08)
    )
    shape.lineTo(m.pt(g.length - 0.05, g.top - 0.02))
    shape.closeSubpath()
    c.fill(shape, QColor(look.cab_color).lighter(112), pen(QColor(look.cab_color).darker(140), 1))


def draw_tank_body(c: Canvas2D, m: Mapper, look: Look, x0: float) -> None:
    """Sanitation sprinkler: water tank, rear spray bar with spray, front flush nozzles."""
    y0 = look.frame[1] + 0.12
    x1 = look.length - 0.35
    top = min(look.height, 3.1) - 0.08
    c.fill(m.rect(x0, look.frame[1], x1 - 0.1, y0), STEEL)
    rect = m.rect(x0, y0, x1, top)
    grad = QLinearGradient(0, rect.top(), 0, rect.bottom())
    grad.setColorAt(0.0, QColor("#ffffff"))
    grad.setColorAt(0.55, BODY_WHITE)
    grad.setColorAt(1.0, QColor("#c8d1da"))
    c.fill(rect, QBrush(grad), pen("#98a4b0", 1.4), radius=rect.height() * 0.42)
    p = c.p
    p.save()
    clip = QPainterPath()
    clip.addRoundedRect(rect, rect.height() * 0.42, rect.height() * 0.42)
    p.setClipPath(clip)
    mid = (y0 + top) / 2
    c.fill(m.rect(x0, mid - 0.2, x1, mid + 0.08), QColor(look.cab_color))
    c.fill(m.rect(x0, mid + 0.12, x1, mid + 0.18), NEV_GREEN)
    p.restore()
    # manhole and walkway rail
    c.fill(m.rect(x0 + 1.0, top - 0.02, x0 + 1.5, top + 0.1), QColor("#8a949e"), radius=3)
    p.setPen(pen("#8a949e", max(1.5, m.len(0.03))))
    p.drawLine(m.pt(x0 + 0.6, top + 0.3), m.pt(x1 - 0.6, top + 0.3))
    for px in (x0 + 0.6, (x0 + x1) / 2, x1 - 0.6):
        p.drawLine(m.pt(px, top), m.pt(px, top + 0.3))
    # rear spray bar and spray fan
    end = look.length
    c.fill(m.rect(x1 - 0.05, 0.55, end - 0.02, 0.65), STEEL, radius=2)
    spray = QPainterPath(m.pt(end - 0.05, 0.6))
    spray.lineTo(m.pt(end + 0.9, 0.05))
    spray.quadTo(m.pt(end + 0.75, 0.5), m.pt(end + 0.95, 0.85))
    spray.closeSubpath()
    c.fill(spray, QColor(110, 170, 230, 90))
    # ladder at the rear of the tank
    lx = x1 + 0.1
    p.setPen(pen(STEEL, max(1.5, m.len(0.03))))
    p.drawLine(m.pt(lx, look.frame[1]), m.pt(lx, top - 0.2))
    p.drawLine(m.pt(lx + 0.2, look.frame[1]), m.pt(lx + 0.2, top - 0.2))
    y = look.frame[1] + 0.25
    while y < top - 0.2:
        p.drawLine(m.pt(lx, y), m.pt(lx + 0.2, y))
        y += 0.3
    # front flush nozzles under the bumper
    c.fill(m.rect(-0.15, 0.42, 0.45, 0.5), STEEL, radius=2)
    front_spray = QPainterPath(m.pt(-0.15, 0.46))
    front_spray.lineTo(m.pt(-0.9, 0.02))
    front_spray.quadTo(m.pt(-0.7, 0.3), m.pt(-0.85, 0.55))
    front_spray.closeSubpath()
    c.fill(front_spray, QColor(110, 170, 230, 80))


def draw_side(look: Look, family: str, out: Path) -> None:
    c = Canvas2D(WIDTH, HEIGHT, family)
    draw_background(c)
    m = side_mapper(look)
    draw_shadow(c, m.x(look.length / 2), m.len(look.length + 0.8))
    draw_frame(c, m, look)
    body_top = look.height
    if look.body == "tractor":
        draw_tractor_body(c, m, look)
    else:
        start = body_start(c, m, look)
        if look.body == "dump":
            draw_dump_body(c, m, look, start)
        elif look.body == "mixer":
            draw_mixer_body(c, m, look, start)
        elif look.body == "special":
            draw_tank_body(c, m, look, start)
        else:  # cargo / light
            draw_box_body(c, m, look, start, body_top, QColor(look.cab_color))
            if look.body == "cargo":
                draw_roof_deflector(c, m, look, body_top)
    s0, s1 = look.side_span
    if look.powertrain == "erev":
        mid = (s0 + s1) / 2
        draw_side_pack(c, m, look, s0, mid - 0.08)
        draw_fuel_tank(c, m, look, mid + 0.08, s1)
    elif look.powertrain == "bev_swap" and look.light:
        rect_x1 = s1
        draw_swap_box(c, m, look, s0, rect_x1, look.frame[0] - 0.34, look.frame[0] + 0.05)
    elif look.powertrain in ("bev_charge", "bev_swap") or look.body == "tractor":
        draw_side_pack(c, m, look, s0, s1)
    if look.powertrain == "bev_charge":
        draw_charge_marks(c, m, look, s0, s1)
    draw_cab_side(c, m, look)
    draw_wheels(c, m, look)
    draw_titles(c, look.name_zh, look.name_en, look.caption_zh, look.caption_en)
    c.save(out)


# --------------------------------------------------------------------------------------------
# Front view
# --------------------------------------------------------------------------------------------


def draw_front(look: Look, family: str, out: Path) -> None:
    c = Canvas2D(WIDTH, HEIGHT, family)
    draw_background(c)
    g = look.cab
    total_h = max(look.height, g.top)
    scale = 360 / max(total_h, 2.6)
    m = Mapper(WIDTH / 2, GROUND, scale)
    half = g.width / 2
    color = QColor(look.cab_color)
    r = look.wheel_r
    draw_shadow(c, WIDTH / 2, m.len(g.width + 1.2))
    # body behind the cab (box / tank / drum seen from the front)
    if look.body in ("cargo", "light") and look.height > g.top + 0.1:
        box_half = min(2.55, look.height) / 2 if not look.light else 1.12
        c.fill(
            m.rect(-box_half, g.floor, box_half, look.height),
            QColor("#e6ebf0"),
            pen("#9aa6b2", 1.2),
            radius=m.len(0.05),
        )
    elif look.body == "tractor" and look.powertrain in ("fcev", "bev_swap"):
        top = 3.45 if look.powertrain == "fcev" else 3.1
        top = min(top, g.top - 0.1)
        c.fill(
            m.rect(-1.05, g.floor, 1.05, top),
            BATTERY if look.powertrain == "bev_swap" else QColor("#dce8f4"),
            pen("#5d6670", 1.0),
            radius=m.len(0.06),
        )
    # tyres
    for sx in (-1, 1):
        outer = sx * (half - 0.05)
        inner = sx * (half - 0.42)
        c.fill(m.rect(min(outer, inner), 0, max(outer, inner), 2 * r), TYRE, radius=m.len(0.08))
    # cab shell
    lower_top = g.glass_top + 0.05
    shell = m.rect(-half + 0.04, g.floor, half - 0.04, lower_top)
    grad = QLinearGradient(shell.left(), 0, shell.right(), 0)
    grad.setColorAt(0.0, color.darker(108))
    grad.setColorAt(0.5, color.lighter(112))
    grad.setColorAt(1.0, color.darker(108))
    c.fill(shell, QBrush(grad), pen(color.darker(140), 1.4), radius=m.len(0.14))
    if g.top - lower_top > 0.25:  # roof fairing
        fairing = QPainterPath(m.pt(-half + 0.1, lower_top - 0.05))
        fairing.lineTo(m.pt(-half + 0.25, g.top - 0.12))
        fairing.quadTo(m.pt(-half + 0.3, g.top), m.pt(-half + 0.5, g.top))
        fairing.lineTo(m.pt(half - 0.5, g.top))
        fairing.quadTo(m.pt(half - 0.3, g.top), m.pt(half - 0.25, g.top - 0.12))
        fairing.lineTo(m.pt(half - 0.1, lower_top - 0.05))
        fairing.closeSubpath()
        c.fill(fairing, QBrush(grad), pen(color.darker(140), 1.4))
        for i in range(5):
            x = -0.5 + i * 0.25
            c.fill(
                m.rect(x - 0.05, g.top - 0.1, x + 0.05, g.top - 0.04), QColor("#f5a623"), radius=1.5
            )
    # windscreen with reflection
    ws = m.poly(
        [
            (-half + 0.22, g.shoulder),
            (half - 0.22, g.shoulder),
            (half - 0.3, g.glass_top - 0.03),
            (-half + 0.3, g.glass_top - 0.03),
        ]
    )
    wgrad = QLinearGradient(0, m.y(g.glass_top), 0, m.y(g.shoulder))
    wgrad.setColorAt(0.0, QColor("#4c6f94"))
    wgrad.setColorAt(1.0, GLASS)
    c.fill(ws, QBrush(wgrad), pen(color.darker(160), 1.4))
    c.p.save()
    clip = QPainterPath()
    clip.addPolygon(ws)
    c.p.setClipPath(clip)
    c.fill(
        m.poly([(-0.4, g.glass_top), (0.0, g.glass_top), (-0.5, g.shoulder), (-0.9, g.shoulder)]),
        with_alpha("#ffffff", 45),
    )
    c.p.restore()
    c.p.setPen(pen("#1b1f24", max(2.0, m.len(0.03))))
    for sx in (-1, 1):
        c.p.drawLine(m.pt(sx * 0.15, g.shoulder + 0.06), m.pt(sx * 0.85, g.shoulder + 0.1))
    # stripe under the windscreen
    c.fill(m.rect(-half + 0.1, g.shoulder - 0.12, half - 0.1, g.shoulder - 0.07), NEV_GREEN)
    # grille panel with the powertrain emblem
    gy0 = g.floor + (0.3 if look.light else 0.4)
    gy1 = g.shoulder - 0.2
    grille = m.rect(-0.72 * half, gy0, 0.72 * half, gy1)
    c.fill(grille, color.darker(125), radius=m.len(0.08))
    c.p.setPen(pen(with_alpha(color.darker(160), 200), 1.2))
    y = gy0 + 0.1
    while y < gy1 - 0.05:
        c.p.drawLine(m.pt(-0.65 * half, y), m.pt(0.65 * half, y))
        y += 0.12
    emblem_r = m.len(0.16 if look.light else 0.2)
    center = grille.center()
    c.fill(
        QRectF(center.x() - emblem_r, center.y() - emblem_r, 2 * emblem_r, 2 * emblem_r),
        QColor("#ffffff"),
        pen(NEV_GREEN, 2.0),
        radius=emblem_r,
    )
    if look.powertrain == "fcev":
        c.centered_text(center.x(), center.y(), "H₂", c.font(emblem_r * 0.95), QColor("#2f78c4"))
    elif look.powertrain == "bev_swap":
        draw_swap_symbol(c, center, emblem_r * 0.55, QColor("#1f9d62"))
    else:
        draw_bolt(c, center, emblem_r * 1.3, QColor("#1f9d62"))
    # headlights
    for sx in (-1, 1):
        lx0, lx1 = sx * (half - 0.1), sx * (half - 0.5)
        lamp = m.rect(min(lx0, lx1), g.floor + 0.08, max(lx0, lx1), g.floor + 0.3)
        c.fill(lamp, QColor("#fff4c7"), pen("#8c96a0", 1.2), radius=m.len(0.05))
        c.fill(
            m.rect(min(lx0, lx1) + 0.04, g.floor + 0.24, max(lx0, lx1) - 0.04, g.floor + 0.27),
            QColor("#ffffff"),
        )
    # bumper with fog lights and a yellow-green NEV plate
    bottom = g.floor - (0.32 if look.light else 0.42)
    c.fill(m.rect(-half - 0.02, bottom, half + 0.02, g.floor), STEEL, radius=m.len(0.06))
    for sx in (-1, 1):
        fog = m.pt(sx * (half - 0.3), (bottom + g.floor) / 2)
        fr = m.len(0.06)
        c.fill(QRectF(fog.x() - fr, fog.y() - fr, 2 * fr, 2 * fr), QColor("#fff8dc"), radius=fr)
    plate = m.rect(-0.24, bottom + 0.06, 0.24, bottom + 0.06 + 0.16)
    pgrad = QLinearGradient(plate.left(), 0, plate.right(), 0)
    pgrad.setColorAt(0.0, QColor("#f4d03f"))
    pgrad.setColorAt(1.0, QColor("#58c26b"))
    c.fill(plate, QBrush(pgrad), pen("#2b3036", 1.0), radius=2)
    c.centered_text(
        plate.center().x(),
        plate.center().y(),
        "示例",
        c.fitted_font("示例", plate.height() * 0.8, plate.width() * 0.8, 6),
        QColor("#1b1f24"),
    )
    # mirrors
    for sx in (-1, 1):
        c.p.setPen(pen(STEEL, max(2.0, m.len(0.035))))
        c.p.drawLine(
            m.pt(sx * (half - 0.05), g.glass_top - 0.15),
            m.pt(sx * (half + 0.22), g.glass_top - 0.15),
        )
        mx0, mx1 = sx * (half + 0.16), sx * (half + 0.32)
        c.fill(
            m.rect(min(mx0, mx1), g.shoulder - 0.05, max(mx0, mx1), g.glass_top - 0.05),
            STEEL,
            radius=m.len(0.04),
        )
    draw_titles(c, look.name_zh, look.name_en, look.caption_zh, look.caption_en)
    c.save(out)


# --------------------------------------------------------------------------------------------
# Logos
# --------------------------------------------------------------------------------------------


def draw_logo(
    exhibitor: dict[str, Any], color: str, family: str, out: Path, variant: int = 0
) -> None:
    """Logo tile; ``variant`` tells apart exhibitors of the same kind."""
    c = Canvas2D(LOGO_SIZE, LOGO_SIZE, family)
    c.image.fill(QColor("#ffffff"))
    base = QColor(color)
    cx, cy, r = LOGO_SIZE / 2, 196.0, 128.0
    white = QColor("#ffffff")
    kind = exhibitor.get("kind", "other")
    if kind == "maker" and variant % 2 == 1:  # rounded square with a cab-over truck
        c.fill(QRectF(cx - r, cy - r, 2 * r, 2 * r), base, radius=44)
        c.fill(QRectF(cx - 92, cy - 62, 74, 92), white, radius=12)  # cab
        c.fill(QRectF(cx - 10, cy - 78, 104, 108), white, radius=8)  # box
        c.fill(QRectF(cx - 80, cy - 50, 46, 34), base, radius=6)  # window
        for wx in (cx - 56, cx + 58):
            c.fill(QRectF(wx - 22, cy + 22, 44, 44), base, radius=22)
            c.fill(QRectF(wx - 15, cy + 29, 30, 30), white, radius=15)
        c.fill(QRectF(cx - 92, cy + 74, 186, 12), NEV_GREEN, radius=4)
    elif kind == "maker":  # hexagon with two mountain peaks (the Qian ridges)
        hexagon = QPolygonF(
            [
                QPointF(
                    cx + r * math.cos(math.radians(60 * i + 30)),
                    cy + r * math.sin(math.radians(60 * i + 30)),
                )
                for i in range(6)
            ]
        )
        c.fill(hexagon, base)
        peaks = QPolygonF(
            [
                QPointF(cx - 82, cy + 52),
                QPointF(cx - 28, cy - 44),
                QPointF(cx + 6, cy + 8),
                QPointF(cx + 36, cy - 22),
                QPointF(cx + 86, cy + 52),
            ]
        )
        c.fill(peaks, white)
        c.fill(QRectF(cx - 82, cy + 62, 168, 12), NEV_GREEN, radius=4)
    elif kind == "swap_operator":  # circle with chasing arrows around a battery
        c.fill(QRectF(cx - r, cy - r, 2 * r, 2 * r), base, radius=r)
        draw_swap_symbol(c, QPointF(cx, cy), r * 0.68, white)
        c.fill(QRectF(cx - 26, cy - 40, 52, 80), white, radius=8)
        c.fill(QRectF(cx - 12, cy - 50, 24, 12), white, radius=3)
        draw_bolt(c, QPointF(cx, cy), 60, base)
    elif kind == "energy":  # rounded square with a leaf and a bolt
        c.fill(QRectF(cx - r, cy - r, 2 * r, 2 * r), base, radius=40)
        leaf = QPainterPath(QPointF(cx - 70, cy + 70))
        leaf.cubicTo(
            QPointF(cx - 80, cy - 40), QPointF(cx + 10, cy - 90), QPointF(cx + 80, cy - 80)
        )
        leaf.cubicTo(
            QPointF(cx + 80, cy + 10), QPointF(cx + 20, cy + 80), QPointF(cx - 70, cy + 70)
        )
        c.fill(leaf, white)
        draw_bolt(c, QPointF(cx + 4, cy - 4), 110, base)
    elif kind == "finance":  # diamond with rising bars
        diamond = QPolygonF(
            [QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r), QPointF(cx - r, cy)]
        )
        c.fill(diamond, base)
        for i, h in enumerate((40, 70, 100)):
            c.fill(QRectF(cx - 52 + i * 38, cy + 50 - h, 26, h), white, radius=4)
    else:
        c.fill(QRectF(cx - r, cy - r, 2 * r, 2 * r), base, radius=r)
    name = short_name(exhibitor["name_zh"])
    c.centered_text(cx, 398, name, c.fitted_font(name, 64, 440), INK)
    c.centered_text(cx, 460, "SAMPLE · 示例", c.font(24), QColor("#8a96a3"))
    c.save(out)


# --------------------------------------------------------------------------------------------
# Brochure (reportlab)
# --------------------------------------------------------------------------------------------


def register_pdf_font() -> None:
    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(PDF_FONT, str(FONT_PATH), subfontIndex=0))


def spec_rows(model: dict[str, Any], registry: ModuleType) -> list[tuple[str, Any, Any]]:
    """(group, field, value) for every registry field that the model has, in registry order."""
    specs = model.get("specs", {})
    rows: list[tuple[str, Any, Any]] = []
    for field in registry.SPEC_FIELDS:
        if field.column and field.key in model:
            value = model[field.key]
        elif field.key in specs:
            value = specs[field.key]
        else:
            continue
        if isinstance(value, bool):
            value = "yes" if value else "no"
        rows.append((field.group, field, value))
    return rows


def format_value(field: Any, value: Any, kinds: Any) -> str:
    if field.kind == kinds.CHOICE:
        zh, en = field.choice_label(value, "zh"), field.choice_label(value, "en")
        return zh if zh == en else f"{zh} / {en}"
    if field.kind == kinds.NUMBER:
        number = fmt_number(value)
        if not field.unit:
            return number
        return f"{number}{field.unit}" if field.unit == "%" else f"{number} {field.unit}"
    return str(value)


def key_figures(model: dict[str, Any], registry: ModuleType) -> list[tuple[str, str]]:
    specs = model.get("specs", {})
    fields = registry.FIELDS_BY_KEY
    kinds = registry.FieldKind
    out: list[tuple[str, str]] = []
    for key in ("battery_kwh", "range_km"):
        if key in specs:
            field = fields[key]
            out.append((f"{field.zh} {field.en}", format_value(field, specs[key], kinds)))
    if model["powertrain"] == "fcev" and "h2_storage_kg" in specs:
        field = fields["h2_storage_kg"]
        out.append((f"{field.zh} {field.en}", format_value(field, specs["h2_storage_kg"], kinds)))
    elif "gcw_t" in specs:
        field = fields["gcw_t"]
        out.append(("准拖挂车总质量 GCW", format_value(field, specs["gcw_t"], kinds)))
    elif "payload_kg" in specs:
        field = fields["payload_kg"]
        out.append((f"{field.zh} {field.en}", format_value(field, specs["payload_kg"], kinds)))
    if "price_cny" in model:
        label = "指导价 Indicative price"
        if model["powertrain"] == "bev_swap":
            label = "裸车价 Price excl. battery"
        out.append((label, f"{fmt_number(model['price_cny'])} CNY"))
    return out[:4]


def write_brochure(
    model: dict[str, Any],
    exhibitor: dict[str, Any],
    fair: dict[str, Any],
    color: str,
    side_png: Path,
    out: Path,
    registry: ModuleType,
) -> None:
    register_pdf_font()
    rl_config.invariant = 1
    accent = colors.HexColor(color)
    zh = ParagraphStyle(
        "zh", fontName=PDF_FONT, bulletFontName=PDF_FONT, fontSize=9.5, leading=14, wordWrap="CJK"
    )
    en = ParagraphStyle(
        "en",
        fontName=PDF_FONT,
        bulletFontName=PDF_FONT,
        fontSize=9,
        leading=13,
        textColor=colors.HexColor("#3d4a57"),
    )
    title = ParagraphStyle("title", parent=zh, fontSize=20, leading=26)
    subtitle = ParagraphStyle("subtitle", parent=en, fontSize=12, leading=16)
    small = ParagraphStyle("small", parent=zh, fontSize=8, leading=11)
    small_en = ParagraphStyle("small_en", parent=en, fontSize=7.5, leading=10)
    cell = ParagraphStyle("cell", parent=zh, fontSize=8.5, leading=11)
    cell_en = ParagraphStyle("cell_en", parent=en, fontSize=8, leading=10.5)
    group_style = ParagraphStyle("group", parent=zh, fontSize=9, leading=12, textColor=colors.white)
    fig_label = ParagraphStyle(
        "fig_label", parent=zh, fontSize=7.5, leading=10, textColor=colors.HexColor("#4a5866")
    )
    fig_value = ParagraphStyle("fig_value", parent=zh, fontSize=14, leading=18, textColor=accent)

    ex_name = exhibitor.get("name_zh", "")
    ex_name_en = exhibitor.get("name_en", "")
    fair_line = f"{fair.get('name_zh', '')} · {fair.get('name_en', '')}"

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#f1f3f5"))
        canvas.setFont(PDF_FONT, 70)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, "示例 SAMPLE")
        canvas.restoreState()
        canvas.saveState()
        canvas.setFillColor(accent)
        canvas.rect(0, height - 14 * mm, width, 14 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(PDF_FONT, 11)
        canvas.drawString(15 * mm, height - 9 * mm, f"{ex_name}  {ex_name_en}")
        canvas.setFillColor(colors.HexColor("#e8590c"))
        canvas.roundRect(
            width - 52 * mm, height - 11.5 * mm, 37 * mm, 9 * mm, 2 * mm, stroke=0, fill=1
        )
        canvas.setFillColor(colors.white)
        canvas.drawCentredString(width - 33.5 * mm, height - 8.5 * mm, "示例资料 SAMPLE")
        canvas.setFillColor(colors.HexColor("#6b7785"))
        canvas.setFont(PDF_FONT, 7.5)
        canvas.drawString(
            15 * mm,
            10 * mm,
            "示例数据，仅供演示，非真实产品或报价 · Sample data for demonstration "
            "only, not a real product or offer",
        )
        canvas.drawString(15 * mm, 6.5 * mm, fair_line)
        canvas.drawRightString(width - 15 * mm, 10 * mm, f"第 {doc.page} 页 · Page {doc.page}")
        canvas.restoreState()

    story: list[Any] = [
        Paragraph(model["name_zh"], title),
        Paragraph(model.get("name_en", ""), subtitle),
    ]
    ident = [
        f"公告型号 {model['announcement_no']}" if model.get("announcement_no") else "",
        f"生产企业 {model['maker_zh']}" if model.get("maker_zh") else "",
    ]
    story.append(Paragraph("　".join(p for p in ident if p), small))
    story.append(Spacer(1, 3 * mm))
    img_w = 180 * mm
    story.append(Image(str(side_png), width=img_w, height=img_w * HEIGHT / WIDTH))
    story.append(Spacer(1, 3 * mm))
    figures = key_figures(model, registry)
    if figures:
        fig_cells = [
            [Paragraph(label, fig_label), Paragraph(value, fig_value)] for label, value in figures
        ]
        fig_table = Table([fig_cells], colWidths=[180 * mm / len(figures)] * len(figures))
        fig_table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), PDF_FONT),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3f6f9")),
                    ("LINEBEFORE", (1, 0), (-1, -1), 0.6, colors.white),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(fig_table)
        story.append(Spacer(1, 3 * mm))
    if model.get("description_zh"):
        story.append(Paragraph(model["description_zh"], zh))
    if model.get("description_en"):
        story.append(Paragraph(model["description_en"], en))
    story.append(Spacer(1, 4 * mm))

    kinds = registry.FieldKind
    data: list[list[Any]] = [[Paragraph("参数 / Specification", group_style), "", ""]]
    styles: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), accent),
    ]
    current = None
    for group, field, value in spec_rows(model, registry):
        if group != current:
            current = group
            label = f"{registry.group_label(group, 'zh')}  {registry.group_label(group, 'en')}"
            row = len(data)
            data.append([Paragraph(label, cell), "", ""])
            styles += [
                ("SPAN", (0, row), (-1, row)),
                ("BACKGROUND", (0, row), (-1, row), colors.HexColor("#e4eaf0")),
            ]
        data.append(
            [
                Paragraph(field.zh, cell),
                Paragraph(field.en, cell_en),
                Paragraph(format_value(field, value, kinds), cell),
            ]
        )
    table = Table(data, colWidths=[48 * mm, 52 * mm, 80 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), PDF_FONT),
                *styles,
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#d5dce3")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    story.append(table)

    options = model.get("options", [])
    if options:
        story.append(Spacer(1, 5 * mm))
        opt_rows: list[list[Any]] = [[Paragraph("选装配置 / Options", group_style), "", ""]]
        for option in options:
            opt_rows.append(
                [
                    Paragraph(option["name_zh"], cell),
                    Paragraph(option.get("name_en", ""), cell_en),
                    Paragraph(f"+{fmt_number(option['price_cny'])} CNY", cell),
                ]
            )
        opt_table = Table(opt_rows, colWidths=[70 * mm, 75 * mm, 35 * mm])
        opt_table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), PDF_FONT),
                    ("SPAN", (0, 0), (-1, 0)),
                    ("BACKGROUND", (0, 0), (-1, 0), accent),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#d5dce3")),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        story.append(opt_table)

    notice = [Paragraph("示例声明 / Sample notice", cell)]
    for key, style in (("composite_note_zh", small), ("composite_note_en", small_en)):
        if model.get(key):
            notice.append(Paragraph(model[key], style))
    notice.append(
        Paragraph(
            "价格为示例指导价，不含购置税、上牌及保险费用；最终配置与价格以正式合同为准。", small
        )
    )
    notice.append(
        Paragraph(
            "Prices are sample indicative prices excluding purchase tax, plates and insurance; the "
            "final configuration and price are those of a formal contract.",
            small_en,
        )
    )
    box = Table([[notice]], colWidths=[180 * mm])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), PDF_FONT),
                ("BOX", (0, 0), (-1, -1), 1.0, colors.HexColor("#e8590c")),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fff6f0")),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story += [Spacer(1, 5 * mm), box]

    out.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=16 * mm,
        title=f"{model.get('name_en', model['code'])} (sample brochure)",
        author=exhibitor.get("name_en", ""),
        subject="Sample brochure - fictional data",
        creator="catalog_app scripts/draw_sample_media.py",
        invariant=1,
        initialFontName=PDF_FONT,
    )
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------


def media_targets(media: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Map of view ("side", "front", "brochure") -> relative path for a model's media."""
    targets: dict[str, str] = {}
    for item in media:
        name = Path(item["file"]).name
        if item.get("kind") == "brochure":
            targets["brochure"] = item["file"]
        elif name.endswith("-front.png"):
            targets["front"] = item["file"]
        else:
            targets.setdefault("side", item["file"])
    return targets


def generate(fair_path: Path, out_dir: Path | None = None) -> list[Path]:
    """Write every media file named by ``fair_path``; return the paths written."""
    data = json.loads(fair_path.read_text(encoding="utf-8"))
    base = fair_path.parent
    registry = load_registry()
    qt_app()
    family = load_qt_font()

    def target(rel: str) -> Path:
        if out_dir is None:
            return base / rel
        return out_dir / Path(rel).name

    exhibitors = {e["code"]: e for e in data.get("exhibitors", [])}
    color_of = {code: PALETTE[i % len(PALETTE)] for i, code in enumerate(exhibitors)}
    written: list[Path] = []
    seen_kinds: dict[str, int] = {}
    for code, exhibitor in exhibitors.items():
        kind = exhibitor.get("kind", "other")
        variant = seen_kinds.get(kind, 0)
        seen_kinds[kind] = variant + 1
        if exhibitor.get("logo"):
            path = target(exhibitor["logo"])
            draw_logo(exhibitor, color_of[code], family, path, variant)
            written.append(path)
    for model in data.get("models", []):
        exhibitor = exhibitors.get(model["exhibitor"], {})
        color = color_of.get(model["exhibitor"], PALETTE[0])
        look = make_look(model, exhibitor, color, registry)
        targets = media_targets(model.get("media", []))
        side = target(targets.get("side", f"media/{model['code']}-side.png"))
        draw_side(look, family, side)
        if "side" in targets:
            written.append(side)
        if "front" in targets:
            front = target(targets["front"])
            draw_front(look, family, front)
            written.append(front)
        if "brochure" in targets:
            brochure = target(targets["brochure"])
            write_brochure(model, exhibitor, data.get("fair", {}), color, side, brochure, registry)
            written.append(brochure)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fair", type=Path, default=DEFAULT_FAIR, help="catalog JSON to read")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="write all files into this folder instead of next to the JSON",
    )
    args = parser.parse_args(argv)
    written = generate(args.fair, args.out)
    total = sum(p.stat().st_size for p in written)
    for path in written:
        print(f"{path.stat().st_size:>9,}  {path}")
    print(f"{len(written)} files, {total:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
