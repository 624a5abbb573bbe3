"""The strip under the catalog that shows what is picked for comparison, and opens it.

Hidden while the basket is empty. Each picked model is a button that removes it ("name ✕");
"Compare" asks to show the comparison.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget
from sqlalchemy.exc import SQLAlchemyError

from catalog_app.domain.text import UserFacingError
from catalog_app.ui.app_state import AppState
from catalog_app.ui.catalog.compare_basket import CompareBasket
from catalog_app.ui.catalog.sizing import sizing_for
from catalog_app.ui.catalog.style import apply_catalog_style

log = logging.getLogger(__name__)
NAME_WIDTH = 200


class CompareTray(QFrame):
    """Signals:
    compare_requested(): "Compare" was pressed.
    """

    compare_requested = Signal()

    def __init__(
        self,
        state: AppState,
        basket: CompareBasket,
        *,
        touch: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareTray")
        apply_catalog_style(self, touch)
        self._state = state
        self.basket = basket
        self.sizing = sizing_for(touch)
        self.caption = QLabel()
        self.caption.setObjectName("compareTrayCaption")
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("openComparison")
        self.compare_button.clicked.connect(self.compare_requested)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearTray")
        self.clear_button.setFlat(True)
        self.clear_button.clicked.connect(basket.clear)
        for widget in (self.caption, self.compare_button, self.clear_button):
            self.sizing.apply_font(widget)
        for button in (self.compare_button, self.clear_button):
            button.setMinimumHeight(self.sizing.target)
        self._chips = QHBoxLayout()
        self._chips.setSpacing(6)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.caption)
        layout.addLayout(self._chips)
        layout.addStretch(1)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.compare_button)
        basket.changed.connect(self.refresh)
        state.database_changed.connect(self.refresh)
        self.refresh()

    def chips(self) -> list[QPushButton]:
        return [
            item.widget()  # type: ignore[misc]
            for i in range(self._chips.count())
            if isinstance((item := self._chips.itemAt(i)).widget(), QPushButton)
        ]

    def refresh(self, *_ignored: object) -> None:
        while self._chips.count():
            item = self._chips.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        ids = self.basket.ids()
        self.setVisible(bool(ids))
        try:
            models = self._state.catalog.summaries(ids) if ids else []
        except (SQLAlchemyError, UserFacingError, OSError):
            log.exception("reading the compared models failed")
            models = []
        lang = self._state.language
        for model in models:
            chip = QPushButton()
            chip.setObjectName("compareChip")
            name = model.name(lang)
            metrics = chip.fontMetrics()
            chip.setText(metrics.elidedText(name, Qt.TextElideMode.ElideRight, NAME_WIDTH) + "  ✕")
            chip.setToolTip(self.tr("Remove %1 from the comparison").replace("%1", name))
            self.sizing.apply_font(chip)
            chip.setMinimumHeight(self.sizing.target)
            chip.clicked.connect(lambda _c=False, i=model.id: self.basket.remove(i))
            self._chips.addWidget(chip)
        self.retranslate()

    def retranslate(self) -> None:
        count = len(self.basket)
        self.caption.setText(
            self.tr("To compare (%1 of %2):")
            .replace("%1", str(count))
            .replace("%2", str(self.basket.capacity))
        )
        self.compare_button.setText(self.tr("Compare →"))
        self.compare_button.setEnabled(count > 0)
        self.clear_button.setText(self.tr("Clear"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
