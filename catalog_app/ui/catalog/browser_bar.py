"""The bar above the search results: the search box, the sort, the filter toggle, the count and
the cards/list switch. It holds the widgets and their words; the browser decides what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.catalog import CatalogSort
from catalog_app.ui.catalog.sizing import Sizing


class BrowserBar(QWidget):
    def __init__(self, sizing: Sizing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("catalogSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(sizing.target + 4)
        sizing.apply_font(self.search, 1.05)

        self.sort_combo = QComboBox()
        self.sort_combo.setObjectName("catalogSort")
        for sort in CatalogSort:
            self.sort_combo.addItem("", sort.value)
        self.sort_combo.setMinimumHeight(sizing.target)
        sizing.apply_font(self.sort_combo)

        self.filters_button = QPushButton()
        self.filters_button.setObjectName("filtersToggle")
        self.filters_button.setCheckable(True)
        self.filters_button.setChecked(True)
        self.grid_button = QPushButton()
        self.grid_button.setObjectName("gridMode")
        self.list_button = QPushButton()
        self.list_button.setObjectName("listMode")
        self.mode_group = QButtonGroup(self)
        for button in (self.grid_button, self.list_button):
            button.setCheckable(True)
            self.mode_group.addButton(button)
        for button in (self.filters_button, self.grid_button, self.list_button):
            sizing.apply_font(button)
            sizing.fit_target(button)
        self.count_label = QLabel()
        self.count_label.setObjectName("catalogCount")
        sizing.apply_font(self.count_label)

        first = QHBoxLayout()
        first.setSpacing(sizing.spacing)
        first.addWidget(self.search, 1)
        first.addWidget(self.sort_combo)
        second = QHBoxLayout()
        second.setSpacing(sizing.spacing)
        second.addWidget(self.filters_button)
        second.addWidget(self.count_label, 1)
        second.addWidget(self.grid_button)
        second.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(sizing.spacing)
        layout.addLayout(first)
        layout.addLayout(second)
        self.retranslate()

    def sort(self) -> CatalogSort:
        value = self.sort_combo.currentData()
        return CatalogSort(value) if value in set(CatalogSort) else CatalogSort.CATALOG

    def set_sort(self, sort: CatalogSort) -> None:
        self.sort_combo.setCurrentIndex(max(0, self.sort_combo.findData(sort.value)))

    def show_counts(self, total: int, active_filters: int) -> None:
        self.count_label.setText(
            self.tr("1 model") if total == 1 else self.tr("%1 models").replace("%1", f"{total:,}")
        )
        self.filters_button.setText(
            self.tr("Filters (%1)").replace("%1", str(active_filters))
            if active_filters
            else self.tr("Filters")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search models (汉字, pinyin or initials)"))
        self.search.setToolTip(
            self.tr(
                "Type a model name, maker, exhibitor, announcement no. or spec text — in Chinese "
                "characters (简 or 繁), pinyin or initials. Enter selects the first model."
            )
        )
        labels = {
            CatalogSort.CATALOG: self.tr("Catalog order"),
            CatalogSort.PRICE_LOW: self.tr("Price: low to high"),
            CatalogSort.PRICE_HIGH: self.tr("Price: high to low"),
            CatalogSort.BATTERY: self.tr("Battery: largest first"),
            CatalogSort.RANGE: self.tr("Range: longest first"),
            CatalogSort.PAYLOAD: self.tr("Payload: highest first"),
            CatalogSort.GCW: self.tr("GCW: highest first"),
        }
        for row in range(self.sort_combo.count()):
            self.sort_combo.setItemText(row, labels[CatalogSort(self.sort_combo.itemData(row))])
        self.sort_combo.setToolTip(self.tr("Sort the models"))
        self.grid_button.setText(self.tr("Cards"))
        self.list_button.setText(self.tr("List"))
        self.grid_button.setToolTip(self.tr("Show the models as cards with pictures"))
        self.list_button.setToolTip(self.tr("Show the models as a compact list"))
