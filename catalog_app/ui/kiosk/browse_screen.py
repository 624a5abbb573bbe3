"""The kiosk's start screen: big filter buttons (body type, powertrain) over cards of the models.

Each card shows the picture, name, maker, price and key figures, with "Compare" and "TCO"
buttons; tapping the card opens the model. The models are read once, off the GUI thread, and
filtered in memory (a booth shows tens of models; at most ``MAX_CARDS`` cards are built at a
time, with a hint to filter when there are more).

Signals:
    model_chosen(object): a model's id (the card was tapped).
    tco_requested(object): a model's id ("TCO" on its card).
"""

from __future__ import annotations

import uuid
from collections import Counter

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.spec_fields import BODY_TYPES, POWERTRAINS, Choice
from catalog_app.domain.spec_format import format_price
from catalog_app.services.catalog import ModelSummary
from catalog_app.ui.catalog.compare_basket import CompareBasket
from catalog_app.ui.kiosk.kiosk_style import TOUCH_TARGET

MAX_CARDS = 48
CARD_WIDTH = 400
PHOTO_SIZE = (360, 200)
ALL = ""


def choice_label(choice: Choice, lang: str) -> str:
    return choice.zh if lang.startswith("zh") else choice.en


class ModelCard(QFrame):
    """One model; a tap anywhere but its buttons opens it."""

    tapped = Signal(object)

    def __init__(self, model: ModelSummary, basket: CompareBasket, lang: str) -> None:
        super().__init__()
        self.setObjectName("kioskCard")
        self.model = model
        self._basket = basket
        self.setFixedWidth(CARD_WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        photo = QLabel()
        photo.setObjectName("cardPhoto")
        photo.setFixedSize(*PHOTO_SIZE)
        photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap(str(model.photo_path)) if model.photo_path else QPixmap()
        if not pixmap.isNull():
            photo.setPixmap(
                pixmap.scaled(
                    *PHOTO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        name = QLabel(model.name(lang))
        name.setObjectName("cardName")
        name.setWordWrap(True)
        name.setStyleSheet("font-size: 16pt; font-weight: bold;")
        maker = QLabel(model.exhibitor(lang))
        maker.setStyleSheet("font-size: 13pt; color: #5f6b7a;")
        facts = [format_price(model.price_cny, lang)]
        if model.battery_kwh:
            facts.append(f"{model.battery_kwh:,.0f} kWh")
        if model.range_km:
            facts.append(f"{model.range_km:,.0f} km")
        details = QLabel(" · ".join(facts))
        details.setStyleSheet("font-size: 14pt; color: #b23c17; font-weight: bold;")
        self.compare = QPushButton(QCoreApplication.translate("KioskBrowse", "Compare"))
        self.compare.setObjectName("cardCompare")
        self.compare.setCheckable(True)
        self.compare.setChecked(model.id in basket)
        self.compare.toggled.connect(self._compare_toggled)
        self.tco = QPushButton(QCoreApplication.translate("KioskBrowse", "Cost vs diesel"))
        self.tco.setObjectName("cardTco")
        self.tco.setProperty("role", "accent")
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare)
        buttons.addWidget(self.tco)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.setSpacing(8)
        layout.addWidget(photo, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(name)
        layout.addWidget(maker)
        layout.addWidget(details)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _compare_toggled(self, checked: bool) -> None:
        if not checked:
            self._basket.remove(self.model.id)
        elif not self._basket.add(self.model.id):  # already four: refused
            self.sync()

    def sync(self) -> None:
        self.compare.blockSignals(True)
        self.compare.setChecked(self.model.id in self._basket)
        self.compare.blockSignals(False)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.tapped.emit(self.model.id)
        super().mouseReleaseEvent(event)


class BrowseScreen(QWidget):
    """See the module docstring."""

    model_chosen = Signal(object)
    tco_requested = Signal(object)

    def __init__(self, basket: CompareBasket, language: object, parent: QWidget | None = None):
        super().__init__(parent)
        self._basket = basket
        self._language = language  # a callable returning the UI language
        self.models: list[ModelSummary] = []
        self.cards: list[ModelCard] = []
        self.body_filter = ALL
        self.powertrain_filter = ALL
        self.title = QLabel()
        self.title.setObjectName("kioskTitle")
        self.body_row = QHBoxLayout()
        self.powertrain_row = QHBoxLayout()
        self.body_caption = QLabel()
        self.powertrain_caption = QLabel()
        self.body_buttons: dict[str, QPushButton] = {}
        self.powertrain_buttons: dict[str, QPushButton] = {}
        self._body_group = QButtonGroup(self)
        self._powertrain_group = QButtonGroup(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("kioskCount")
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(18)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll = scroll
        filters = QGridLayout()
        filters.addWidget(self.body_caption, 0, 0)
        filters.addLayout(self.body_row, 0, 1)
        filters.addWidget(self.powertrain_caption, 1, 0)
        filters.addLayout(self.powertrain_row, 1, 1)
        filters.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 8)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(scroll, 1)
        basket.changed.connect(self._sync_cards)
        self.retranslate()

    def lang(self) -> str:
        return self._language()  # type: ignore[operator,no-any-return]

    def set_models(self, models: list[ModelSummary]) -> None:
        self.models = list(models)
        self._build_filters()
        self.refresh()

    def reset(self) -> None:
        """Back to every model, scrolled to the top (the idle wipe)."""
        self.body_filter = self.powertrain_filter = ALL
        self._build_filters()
        self.refresh()

    def matching(self) -> list[ModelSummary]:
        return [
            m
            for m in self.models
            if self.body_filter in (ALL, m.body_type)
            and self.powertrain_filter in (ALL, m.powertrain)
        ]

    def _filter_button(self, group: QButtonGroup, text: str, checked: bool) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setChecked(checked)
        button.setMinimumHeight(TOUCH_TARGET)
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        group.addButton(button)
        return button

    def _build_filters(self) -> None:
        lang = self.lang()
        for row, buttons, group, choices, current, attribute in (
            (
                self.body_row,
                self.body_buttons,
                self._body_group,
                BODY_TYPES,
                self.body_filter,
                "body_type",
            ),
            (
                self.powertrain_row,
                self.powertrain_buttons,
                self._powertrain_group,
                POWERTRAINS,
                self.powertrain_filter,
                "powertrain",
            ),
        ):
            for button in buttons.values():
                group.removeButton(button)
                button.deleteLater()
            buttons.clear()
            while row.count():
                row.takeAt(0)
            counts = Counter(getattr(m, attribute) for m in self.models)
            entries = [
                (
                    ALL,
                    QCoreApplication.translate("KioskBrowse", "All (%1)").replace(
                        "%1", str(len(self.models))
                    ),
                )
            ]
            entries += [
                (c.value, f"{choice_label(c, lang)} ({counts[c.value]})")
                for c in choices
                if counts[c.value]
            ]
            for value, text in entries:
                button = self._filter_button(group, text, value == current)
                button.setObjectName(f"filter_{attribute}_{value or 'all'}")
                button.clicked.connect(
                    lambda _c=False, a=attribute, v=value: self._filter_chosen(a, v)
                )
                row.addWidget(button)
                buttons[value] = button
            row.addStretch(1)

    def _filter_chosen(self, attribute: str, value: str) -> None:
        if attribute == "body_type":
            self.body_filter = value
        else:
            self.powertrain_filter = value
        self.refresh()

    def refresh(self) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        lang = self.lang()
        found = self.matching()
        columns = max(1, (self.scroll.viewport().width() or 1200) // (CARD_WIDTH + 18))
        for index, model in enumerate(found[:MAX_CARDS]):
            card = ModelCard(model, self._basket, lang)
            card.tapped.connect(self.model_chosen.emit)
            card.tco.clicked.connect(lambda _c=False, i=model.id: self.tco_requested.emit(i))
            self.grid.addWidget(card, index // columns, index % columns)
            self.cards.append(card)
        if len(found) > MAX_CARDS:
            text = QCoreApplication.translate(
                "KioskBrowse", "%1 models; showing %2 — choose a filter to see the others."
            )
            text = text.replace("%1", str(len(found))).replace("%2", str(MAX_CARDS))
        elif found:
            text = QCoreApplication.translate("KioskBrowse", "%1 models").replace(
                "%1", str(len(found))
            )
        else:
            text = QCoreApplication.translate("KioskBrowse", "No model matches these filters.")
        self.count_label.setText(text)
        self.scroll.verticalScrollBar().setValue(0)

    def resizeEvent(self, event: object) -> None:  # re-flow the cards for the new width
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.cards:
            columns = max(1, self.scroll.viewport().width() // (CARD_WIDTH + 18))
            for index, card in enumerate(self.cards):
                self.grid.addWidget(card, index // columns, index % columns)

    def _sync_cards(self) -> None:
        for card in self.cards:
            card.sync()

    def card_for(self, model_id: uuid.UUID) -> ModelCard | None:
        return next((c for c in self.cards if c.model.id == model_id), None)

    def retranslate(self) -> None:
        self.title.setText(
            QCoreApplication.translate("KioskBrowse", "Our trucks — tap one to see it")
        )
        self.body_caption.setText(QCoreApplication.translate("KioskBrowse", "Type"))
        self.powertrain_caption.setText(QCoreApplication.translate("KioskBrowse", "Energy"))
        if self.models:
            self._build_filters()
            self.refresh()
