"""The right-hand side of the catalog: one model's photo, headline facts and full spec sheet.

The content is rebuilt from a ``SpecSheet`` (a plain value from the catalog service) whenever
the model or the language changes; data labels come from the spec-field registry in the UI
language, the view's own words through tr().
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontMetrics
from PySide6.QtWidgets import (
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

from catalog_app.domain.enums import MediaKind
from catalog_app.domain.spec_format import format_price
from catalog_app.services.catalog import MediaItem, SpecGroupEntries, SpecSheet
from catalog_app.ui.catalog.catalog_model import load_scaled

PHOTO_SIZE = QSize(360, 240)
LABEL_MAX_WIDTH = 170


def _label(text: str, object_name: str = "", *, wrap: bool = False, select: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # data is shown as typed, never as HTML
    label.setWordWrap(wrap)
    if object_name:
        label.setObjectName(object_name)
    if select:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SpecSheetView(QScrollArea):
    """Shows one ``SpecSheet``; ``show_sheet(None, lang)`` shows the hint to pick a model."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("specSheetView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._sheet: SpecSheet | None = None
        self._lang = "zh_CN"
        self._rebuild()

    @property
    def sheet(self) -> SpecSheet | None:
        return self._sheet

    def show_sheet(self, sheet: SpecSheet | None, lang: str) -> None:
        self._sheet = sheet
        self._lang = lang
        self._rebuild()

    def set_language(self, lang: str) -> None:
        """Show the same model in another language (the page calls this on LanguageChange)."""
        self._lang = lang
        self._rebuild()

    # -- building ------------------------------------------------------------------------
    def _rebuild(self) -> None:
        content = QWidget()
        content.setObjectName("specSheetContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(20, 16, 20, 20)
        layout.setSpacing(14)
        if self._sheet is None:
            hint = _label(
                self.tr("Choose a model on the left to see its photo and full spec sheet."),
                "specSheetHint",
                wrap=True,
            )
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addStretch(1)
            layout.addWidget(hint)
            layout.addStretch(2)
        else:
            self._build_sheet(layout, self._sheet)
        old = self.takeWidget()
        self.setWidget(content)
        if old is not None:
            old.deleteLater()

    def _build_sheet(self, layout: QVBoxLayout, sheet: SpecSheet) -> None:
        lang = self._lang
        header = QHBoxLayout()
        header.setSpacing(20)
        header.addWidget(self._photo(sheet), 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(self._headline(sheet), 1)
        layout.addLayout(header)
        description = sheet.description_zh if lang.startswith("zh") else sheet.description_en
        if description:
            layout.addWidget(_label(description, "modelDescription", wrap=True, select=True))
        layout.addLayout(self._spec_groups(sheet.groups))
        brochures = [m for m in sheet.media if m.kind is MediaKind.BROCHURE]
        if brochures:
            layout.addWidget(self._brochures(brochures))
        layout.addStretch(1)

    def _photo(self, sheet: SpecSheet) -> QLabel:
        photo = QLabel()
        photo.setObjectName("modelPhoto")
        photo.setFixedSize(PHOTO_SIZE)
        photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = load_scaled(sheet.model.photo_path, PHOTO_SIZE) if sheet.model.photo_path else None
        if pixmap is None:
            photo.setText(self.tr("No photo"))
            photo.setProperty("empty", True)
        else:
            photo.setPixmap(pixmap)
        return photo

    def _headline(self, sheet: SpecSheet) -> QVBoxLayout:
        lang, model = self._lang, sheet.model
        box = QVBoxLayout()
        box.setSpacing(6)
        box.addWidget(_label(model.name(lang), "modelName", wrap=True, select=True))
        box.addWidget(_label(model.exhibitor(lang), "modelExhibitor", wrap=True))
        price = QHBoxLayout()
        price.addWidget(_label(self.tr("Indicative price"), "priceCaption"))
        price.addWidget(_label(sheet.price_text(lang), "modelPrice", select=True))
        price.addStretch(1)
        box.addLayout(price)
        note = sheet.composite_note_zh if lang.startswith("zh") else sheet.composite_note_en
        if note:
            box.addWidget(_label(note, "compositeNote", wrap=True))
        if sheet.options:
            box.addWidget(_label(self.tr("Options"), "sectionHeading"))
            for name_zh, name_en, price_cny in sheet.options:
                name = name_zh if lang.startswith("zh") or not name_en else name_en
                row = QHBoxLayout()
                row.addWidget(_label(name, "optionName", wrap=True), 1)
                row.addWidget(_label(self._option_price(price_cny), "optionPrice"))
                box.addLayout(row)
        box.addStretch(1)
        return box

    def _option_price(self, price_cny: float) -> str:
        if not price_cny:
            return self.tr("included")
        sign = "+" if price_cny > 0 else "−"
        return sign + format_price(abs(price_cny), self._lang)

    def _spec_groups(self, groups: tuple[SpecGroupEntries, ...]) -> QGridLayout:
        """Group cards in two columns, each card going to the shorter column."""
        metrics = QFontMetrics(self.font())
        label_width = min(
            LABEL_MAX_WIDTH,
            max(
                (metrics.horizontalAdvance(e.label(self._lang)) for g in groups for e in g.entries),
                default=0,
            ),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        columns: list[list[QFrame]] = [[], []]
        heights = [0, 0]
        for group in groups:
            column = 0 if heights[0] <= heights[1] else 1
            columns[column].append(self._group_card(group, label_width))
            heights[column] += len(group.entries) + 2
        for column, cards in enumerate(columns):
            stack = QVBoxLayout()
            stack.setSpacing(12)
            for card in cards:
                stack.addWidget(card)
            stack.addStretch(1)
            grid.addLayout(stack, 0, column)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _group_card(self, group: SpecGroupEntries, label_width: int) -> QFrame:
        lang = self._lang
        card = QFrame()
        card.setObjectName("specGroup")
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        rows = QGridLayout(card)
        rows.setContentsMargins(12, 10, 12, 10)
        rows.setHorizontalSpacing(12)
        rows.setVerticalSpacing(6)
        heading = _label(group.label(lang), "specGroupHeading")
        rows.addWidget(heading, 0, 0, 1, 2)
        for row, entry in enumerate(group.entries, start=1):
            label = _label(entry.label(lang), f"specLabel_{entry.field.key}", wrap=True)
            label.setProperty("role", "specLabel")
            value = _label(
                entry.display(lang), f"specValue_{entry.field.key}", wrap=True, select=True
            )
            value.setProperty("role", "specValue")
            rows.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            rows.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
        rows.setColumnMinimumWidth(0, label_width)  # values line up across the cards
        rows.setColumnStretch(1, 1)
        return card

    def _brochures(self, brochures: list[MediaItem]) -> QFrame:
        box = QFrame()
        box.setObjectName("brochures")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_label(self.tr("Brochures"), "sectionHeading"))
        for item in brochures:
            caption = item.caption_zh if self._lang.startswith("zh") else item.caption_en
            button = QPushButton(caption or item.path.name)
            button.setObjectName("brochureLink")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(self.tr("Open %1").replace("%1", str(item.path)))
            path = item.path
            button.clicked.connect(
                lambda _checked=False, p=path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(p)))
            )
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return box
