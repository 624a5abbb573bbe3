"""The attract loop: one model after another, big picture and name, while nobody is at the kiosk.

The invitation to touch is written in both languages at once (the next visitor's language is not
known). A touch anywhere wakes the kiosk.

Signals:
    woken(): someone touched the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from catalog_app.domain.spec_format import format_price
from catalog_app.services.catalog import ModelSummary

INVITATION = "触摸屏幕，了解我们的新能源卡车\nTouch the screen to explore our trucks"


class AttractScreen(QWidget):
    """See the module docstring."""

    woken = Signal()

    def __init__(self, slide_seconds: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attractScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#attractScreen { background: #10202f; }")
        self.models: list[ModelSummary] = []
        self.index = -1
        self._pixmap = QPixmap()
        self.fair = QLabel()
        self.fair.setObjectName("attractFair")
        self.fair.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fair.setStyleSheet("color: #9fc3e6; font-size: 20pt;")
        self.photo = QLabel()
        self.photo.setObjectName("attractPhoto")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setMinimumSize(320, 200)
        self.photo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.name = QLabel()
        self.name.setObjectName("attractName")
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name.setWordWrap(True)
        self.name.setStyleSheet("color: #ffffff; font-size: 30pt; font-weight: bold;")
        self.facts = QLabel()
        self.facts.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.facts.setStyleSheet("color: #ffd27a; font-size: 22pt;")
        self.invitation = QLabel(INVITATION)
        self.invitation.setObjectName("attractInvitation")
        self.invitation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.invitation.setStyleSheet(
            "color: #10202f; background: #ffd27a; font-size: 22pt; font-weight: bold;"
            "border-radius: 16px; padding: 16px 28px;"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 40)
        layout.setSpacing(16)
        layout.addWidget(self.fair)
        layout.addWidget(self.photo, 1)
        layout.addWidget(self.name)
        layout.addWidget(self.facts)
        layout.addWidget(self.invitation, 0, Qt.AlignmentFlag.AlignHCenter)
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, slide_seconds) * 1000)
        self.timer.timeout.connect(self.next_slide)

    def set_models(self, models: list[ModelSummary], fair_name: str) -> None:
        self.models = list(models)
        self.fair.setText(fair_name)

    def set_slide_seconds(self, seconds: int) -> None:
        self.timer.setInterval(max(1, seconds) * 1000)

    def start(self) -> None:
        self.index = -1
        self.next_slide()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def next_slide(self) -> None:
        if not self.models:
            self.name.setText("")
            self.facts.setText("")
            self._pixmap = QPixmap()
            self.photo.clear()
            return
        self.index = (self.index + 1) % len(self.models)
        model = self.models[self.index]
        # Both languages: the next visitor may read either.
        names = [model.name_zh] + ([model.name_en] if model.name_en else [])
        self.name.setText("\n".join(names))
        facts = [format_price(model.price_cny, "zh_CN")] if model.price_cny else []
        if model.range_km:
            facts.append(f"{model.range_km:,.0f} km")
        if model.battery_kwh:
            facts.append(f"{model.battery_kwh:,.0f} kWh")
        self.facts.setText(" · ".join(facts))
        self._pixmap = QPixmap(str(model.photo_path)) if model.photo_path else QPixmap()
        self._show_pixmap()

    def _show_pixmap(self) -> None:
        if self._pixmap.isNull():
            self.photo.clear()
            return
        self.photo.setPixmap(
            self._pixmap.scaled(
                self.photo.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_pixmap()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.woken.emit()
        event.accept()
