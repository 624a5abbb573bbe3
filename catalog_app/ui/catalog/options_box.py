"""A model's priced options: tick them to see the indicative price of that configuration."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from catalog_app.domain.spec_format import format_price
from catalog_app.ui.catalog.sizing import Sizing
from catalog_app.ui.catalog.spec_sheet_view import plain_label

Option = tuple[str, str, float]  # name_zh, name_en, price in CNY (0: included)


class OptionsBox(QWidget):
    """Signals:
    ticks_changed(): an option was ticked or unticked.
    """

    ticks_changed = Signal()

    def __init__(
        self,
        options: tuple[Option, ...],
        base_price: float | None,
        lang: str,
        sizing: Sizing,
        ticked: set[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("optionsBox")
        self._options = options
        self._base = base_price
        self._lang = lang
        self._ticked: set[int] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        heading = plain_label(self.tr("Options"), "sectionHeading")
        sizing.apply_font(heading)
        layout.addWidget(heading)
        self.ticks: list[QCheckBox] = []
        for position, (name_zh, name_en, price) in enumerate(options):
            layout.addLayout(self._row(position, name_zh, name_en, price, sizing))
        self.configured = plain_label("", "configuredPrice", wrap=True)
        sizing.apply_font(self.configured)
        layout.addWidget(self.configured)
        for position in sorted(ticked or ()):
            if position < len(self.ticks):
                self.ticks[position].setChecked(True)
        self._update()

    def _row(
        self, position: int, name_zh: str, name_en: str, price: float, sizing: Sizing
    ) -> QHBoxLayout:
        name = name_zh if self._lang.startswith("zh") or not name_en else name_en
        tick = QCheckBox()
        tick.setObjectName("optionTick")
        tick.setToolTip(self.tr("Add this option to the indicative price"))
        tick.setMinimumHeight(sizing.target)
        label = plain_label(name, "optionName", wrap=True)
        label.setBuddy(tick)
        label.installEventFilter(_ClickToToggle(tick, label))
        cost = plain_label(self._price_text(price), "optionPrice")
        for widget in (label, cost):
            sizing.apply_font(widget)
        tick.toggled.connect(lambda on, p=position: self._toggled(p, on))
        self.ticks.append(tick)
        row = QHBoxLayout()
        row.addWidget(tick)
        row.addWidget(label, 1)
        row.addWidget(cost)
        return row

    def _price_text(self, price_cny: float) -> str:
        if not price_cny:
            return self.tr("included")
        sign = "+" if price_cny > 0 else "−"
        return sign + format_price(abs(price_cny), self._lang)

    def ticked(self) -> set[int]:
        return set(self._ticked)

    def configured_price(self) -> float | None:
        """The indicative price with the ticked options, or None without a price."""
        if self._base is None:
            return None
        return self._base + sum(self._options[i][2] for i in self._ticked)

    def _toggled(self, position: int, on: bool) -> None:
        if on:
            self._ticked.add(position)
        else:
            self._ticked.discard(position)
        self._update()
        self.ticks_changed.emit()

    def _update(self) -> None:
        price = self.configured_price()
        self.configured.setVisible(bool(self._ticked) and price is not None)
        if price is not None:
            self.configured.setText(
                self.tr("With the ticked options: %1").replace(
                    "%1", format_price(price, self._lang)
                )
            )


class _ClickToToggle(QObject):
    """A click on an option's name ticks its box (a bigger target than the box alone)."""

    def __init__(self, box: QCheckBox, parent: QObject) -> None:
        super().__init__(parent)
        self._box = box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            self._box.toggle()
            return True
        return False
