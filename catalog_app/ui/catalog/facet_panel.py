"""The filter column of the catalog: tickable facets with counts, and range sliders.

It holds no query of its own: ``apply_to(query)`` writes its ticks and ranges into a
``CatalogQuery``; ``changed`` says when to search again; ``show_counts`` shows a result's
facet counts; ``set_overview`` lists what the catalog offers (after a database change).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.domain.search_keys import fold, search_key
from catalog_app.domain.spec_fields import FIELDS_BY_KEY
from catalog_app.domain.spec_format import format_value
from catalog_app.services.catalog import CatalogOverview, CatalogQuery, NumberRange, SearchCounts
from catalog_app.services.catalog_search import EXHIBITOR_FACET, FACETS, RANGE_FIELDS
from catalog_app.ui.catalog.facet_model import COUNT_ROLE, VALUE_ROLE, FacetListModel, FacetValue
from catalog_app.ui.catalog.range_slider import RangeSlider
from catalog_app.ui.catalog.sizing import DESK, Sizing

# How far a range handle moves per step, in the field's unit.
RANGE_STEPS = {
    "battery_kwh": 10.0,
    "range_km": 10.0,
    "payload_kg": 100.0,
    "gcw_t": 1.0,
    "price_cny": 10_000.0,
}
EXHIBITOR_SEARCH_FROM = 8  # more exhibitors than this: a box to find one by name
EXHIBITOR_ROWS = 7  # rows shown before the exhibitor list scrolls

AnyIndex = QModelIndex | QPersistentModelIndex


@cache
def _label_key(label: str) -> str:
    """An exhibitor name folded with its pinyin, for the find-an-exhibitor box."""
    return search_key(label).replace(" ", "")


class TickDelegate(QStyledItemDelegate):
    """A click or tap anywhere on a row ticks it (not only on the small box); Space too."""

    def editorEvent(
        self, event: QEvent, model: Any, option: QStyleOptionViewItem, index: AnyIndex
    ) -> bool:
        if not isinstance(model, FacetListModel):
            return super().editorEvent(event, model, option, index)
        kind = event.type()
        if kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton and option.rect.contains(
                event.position().toPoint()
            ):
                model.toggle(index.row())
            return True
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            return True
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
        ):
            model.toggle(index.row())
            return True
        return False


class RangeFilter(QWidget):
    """One range: its label, the current span in words, and the slider."""

    def __init__(self, field_key: str, sizing: Sizing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_key = field_key
        self.setObjectName(f"range_{field_key}")
        self.title = QLabel()
        self.title.setObjectName("facetHeading")
        self.span = QLabel()
        self.span.setObjectName("rangeSpan")
        self.span.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.slider = RangeSlider(sizing.target)
        self.slider.setObjectName(f"slider_{field_key}")
        heading = QHBoxLayout()
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(self.title)
        heading.addWidget(self.span, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(heading)
        layout.addWidget(self.slider)
        for label in (self.title, self.span):
            sizing.apply_font(label)

    def bounds(self) -> NumberRange:
        return NumberRange(self.slider.low(), self.slider.high())

    def describe(self, lang: str, any_text: str) -> str:
        spec = FIELDS_BY_KEY[self.field_key]
        low, high = self.slider.low(), self.slider.high()
        if low is None and high is None:
            return any_text
        low_text = format_value(spec, low if low is not None else self.slider.minimum, lang)
        high_text = format_value(spec, high if high is not None else self.slider.maximum, lang)
        return f"{low_text} – {high_text}"


class FacetPanel(QScrollArea):
    """Signals:
    changed(): a tick or a range changed; search again.
    """

    changed = Signal()

    def __init__(self, sizing: Sizing = DESK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facetPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sizing = sizing
        self._lang = "zh_CN"
        self._overview: CatalogOverview | None = None

        content = QWidget()
        content.setObjectName("facetContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(sizing.spacing)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear)
        sizing.apply_font(self.clear_button)
        sizing.fit_target(self.clear_button)
        layout.addWidget(self.clear_button)

        self.headings: dict[str, QLabel] = {}
        self.models: dict[str, FacetListModel] = {}
        self.views: dict[str, QListView] = {}
        for facet in (*FACETS, EXHIBITOR_FACET):
            heading = QLabel()
            heading.setObjectName("facetHeading")
            sizing.apply_font(heading, bold=True)
            model = FacetListModel(sizing.facet_row, self)
            model.ticks_changed.connect(self._ticks_changed)
            view = QListView()
            view.setObjectName(f"facet_{facet}")
            view.setProperty("role", "facetList")
            view.setModel(model)
            view.setItemDelegate(TickDelegate(view))
            view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setFrameShape(QFrame.Shape.NoFrame)
            view.setUniformItemSizes(True)
            view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the count stays readable
            sizing.apply_font(view)
            self.headings[facet], self.models[facet], self.views[facet] = heading, model, view
            layout.addWidget(heading)
            if facet == EXHIBITOR_FACET:
                self.exhibitor_search = QLineEdit()
                self.exhibitor_search.setObjectName("exhibitorSearch")
                self.exhibitor_search.setClearButtonEnabled(True)
                self.exhibitor_search.textChanged.connect(self._filter_exhibitors)
                sizing.apply_font(self.exhibitor_search)
                self.exhibitor_search.setMinimumHeight(sizing.target)
                layout.addWidget(self.exhibitor_search)
            layout.addWidget(view)

        self.ranges: dict[str, RangeFilter] = {}
        for key in RANGE_FIELDS:
            range_filter = RangeFilter(key, sizing)
            range_filter.slider.moved.connect(self._describe_ranges)
            range_filter.slider.committed.connect(self.changed)
            self.ranges[key] = range_filter
            layout.addWidget(range_filter)
        layout.addStretch(1)
        self.setWidget(content)
        self._update_clear_button()

    # -- content -------------------------------------------------------------------------
    def set_overview(self, overview: CatalogOverview, lang: str) -> None:
        """What the catalog offers: facet values that occur, exhibitors, range bounds."""
        self._overview = overview
        self._lang = lang
        for facet, choices in FACETS.items():
            present = overview.facet_values.get(facet, {})
            values = [
                FacetValue(c.value, c.zh if lang.startswith("zh") else c.en)
                for c in choices
                if present.get(c.value)
            ]
            self.models[facet].set_values(values)
            self.models[facet].set_counts(present)
        exhibitors = [FacetValue(e.id, e.name(lang)) for e in overview.exhibitors]
        self.models[EXHIBITOR_FACET].set_values(exhibitors)
        self.models[EXHIBITOR_FACET].set_counts({e.id: e.models for e in overview.exhibitors})
        for key, range_filter in self.ranges.items():
            bounds = overview.bounds.get(key)
            usable = bounds is not None and bounds[1] - bounds[0] >= RANGE_STEPS[key]
            range_filter.setVisible(usable)
            if bounds is not None and usable:
                range_filter.slider.set_bounds(bounds[0], bounds[1], RANGE_STEPS[key])
            else:
                range_filter.slider.reset()
        self._fit_lists()
        self.retranslate(lang)

    def _fit_lists(self) -> None:
        for facet, view in self.views.items():
            rows = self.models[facet].rowCount()
            shown = min(rows, EXHIBITOR_ROWS) if facet == EXHIBITOR_FACET else rows
            view.setFixedHeight(max(1, shown) * self.sizing.facet_row + 4)
            visible = rows > 1 or bool(self.models[facet].ticked())
            view.setVisible(visible)
            self.headings[facet].setVisible(visible)
        many = self.models[EXHIBITOR_FACET].rowCount() > EXHIBITOR_SEARCH_FROM
        self.exhibitor_search.setVisible(many and self.views[EXHIBITOR_FACET].isVisibleTo(self))

    def show_counts(self, counts: SearchCounts) -> None:
        for facet in FACETS:
            self.models[facet].set_counts(counts.facets.get(facet, {}))
        self.models[EXHIBITOR_FACET].set_counts(dict(counts.exhibitors))
        self._filter_exhibitors(self.exhibitor_search.text())

    def retranslate(self, lang: str) -> None:
        self._lang = lang
        self.clear_button.setText(self.tr("Clear all filters"))
        titles = {
            "body_type": self.tr("Body type"),
            "powertrain": self.tr("Powertrain"),
            "drive_form": self.tr("Drive form"),
            EXHIBITOR_FACET: self.tr("Exhibitor"),
        }
        for facet, heading in self.headings.items():
            heading.setText(titles[facet])
        for facet, choices in FACETS.items():
            self.models[facet].relabel(
                {c.value: (c.zh if lang.startswith("zh") else c.en) for c in choices}
            )
        if self._overview is not None:
            self.models[EXHIBITOR_FACET].relabel(
                {e.id: e.name(lang) for e in self._overview.exhibitors}
            )
        self.exhibitor_search.setPlaceholderText(self.tr("Find an exhibitor"))
        for key, range_filter in self.ranges.items():
            spec = FIELDS_BY_KEY[key]
            range_filter.title.setText(spec.label(lang))
        self._describe_ranges()

    # -- the query -----------------------------------------------------------------------
    def apply_to(self, query: CatalogQuery) -> CatalogQuery:
        """``query`` with this panel's ticks and ranges."""
        for facet, model in self.models.items():
            query = query.with_selected(facet, model.ticked())
        for key, range_filter in self.ranges.items():
            bounds = range_filter.bounds() if range_filter.isVisibleTo(self) else NumberRange()
            query = query.with_range(key, bounds)
        return query

    def load(self, query: CatalogQuery) -> None:
        """Show the ticks and ranges of ``query`` (no ``changed``)."""
        for facet, model in self.models.items():
            model.set_ticked(query.selected(facet))
        for key, range_filter in self.ranges.items():
            bounds = query.range_of(key)
            range_filter.slider.set_values(bounds.low, bounds.high)
        self._describe_ranges()
        self._update_clear_button()

    def has_filters(self) -> bool:
        return self.apply_to(CatalogQuery()).has_filters

    def clear(self) -> None:
        """Untick everything and open every range; one ``changed``."""
        for model in self.models.values():
            model.set_ticked(frozenset())
        for range_filter in self.ranges.values():
            range_filter.slider.reset()
        self.exhibitor_search.clear()
        self._describe_ranges()
        self._update_clear_button()
        self.changed.emit()

    def tick(self, facet: str, value: Any) -> None:
        """Tick or untick one value as a tap on it would."""
        model = self.models[facet]
        row = model.row_of(value)
        if row >= 0:
            model.toggle(row)

    # -- reacting ------------------------------------------------------------------------
    def _ticks_changed(self) -> None:
        self._update_clear_button()
        self.changed.emit()

    def _describe_ranges(self) -> None:
        for range_filter in self.ranges.values():
            range_filter.span.setText(range_filter.describe(self._lang, self.tr("any")))
        self._update_clear_button()

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(self.has_filters())

    def _filter_exhibitors(self, text: str) -> None:
        """Rows matching the find box; in a long list, exhibitors with nothing to show (and
        not ticked) are left out too."""
        view, model = self.views[EXHIBITOR_FACET], self.models[EXHIBITOR_FACET]
        needle = fold(text).replace(" ", "")
        long_list = model.rowCount() > EXHIBITOR_SEARCH_FROM
        ticked = model.ticked()
        for row in range(model.rowCount()):
            index = model.index(row)
            label = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            empty = not index.data(COUNT_ROLE) and index.data(VALUE_ROLE) not in ticked
            hidden = (bool(needle) and needle not in _label_key(label)) or (long_list and empty)
            view.setRowHidden(row, hidden)
