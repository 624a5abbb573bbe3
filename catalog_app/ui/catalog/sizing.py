"""Sizes of the catalog widgets at a desk (mouse) and at the kiosk (touch: targets >= 48 px)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

TOUCH_TARGET = 48  # px; Material and Apple guidance for a finger (≈ 9 mm)
DESK_TARGET = 30


@dataclass(frozen=True)
class Sizing:
    """Everything that differs between the desk and the kiosk."""

    touch: bool
    target: int  # smallest height of anything tapped or clicked
    font_scale: float  # type size relative to the application font
    card_width: int  # smallest grid card width; cards grow to fill the row
    card_photo_height: int
    row_height: int  # list-view row
    thumbnail_width: int  # list-view thumbnail
    facet_row: int  # one tickable facet value
    spacing: int

    def font(self, base: QFont, factor: float = 1.0, *, bold: bool = False) -> QFont:
        font = QFont(base)
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.5
        font.setPointSizeF(size * self.font_scale * factor)
        font.setBold(bold)
        return font

    def apply_font(self, widget: QWidget, factor: float = 1.0, *, bold: bool = False) -> None:
        if self.touch or factor != 1.0 or bold:
            widget.setFont(self.font(widget.font(), factor, bold=bold))

    def fit_target(self, widget: QWidget) -> None:
        """At least ``target`` pixels high (and as wide, for small square buttons)."""
        widget.setMinimumHeight(max(widget.minimumHeight(), self.target))
        widget.setMinimumWidth(max(widget.minimumWidth(), self.target))


DESK = Sizing(
    touch=False,
    target=DESK_TARGET,
    font_scale=1.0,
    card_width=205,
    card_photo_height=120,
    row_height=100,
    thumbnail_width=120,
    facet_row=26,
    spacing=8,
)
TOUCH = Sizing(
    touch=True,
    target=TOUCH_TARGET,
    font_scale=1.3,
    card_width=300,
    card_photo_height=170,
    row_height=128,
    thumbnail_width=150,
    facet_row=TOUCH_TARGET,
    spacing=12,
)


def sizing_for(touch: bool) -> Sizing:
    return TOUCH if touch else DESK
