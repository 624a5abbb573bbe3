"""One model's page: pictures, headline, indicative price with options, actions, the grouped spec
sheet, and brochures.

The page is rebuilt from a ``SpecSheet`` (a plain value from the catalog service) when the
model, the language or the width class changes. Actions: add to / remove from the comparison
(the shared ``CompareBasket``), and two requests others answer — ``tco_requested(model_id)``
and ``capture_requested(model_id)``. A request button is shown only while something is
connected to its signal (and the constructor allows it), so the page never offers an action
that does nothing.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

from PySide6.QtCore import QEvent, QMetaMethod, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from catalog_app.domain.text import UserFacingError
from catalog_app.services.catalog import MediaItem, SpecSheet
from catalog_app.ui.app_state import AppState
from catalog_app.ui.catalog.compare_basket import CompareBasket
from catalog_app.ui.catalog.data_labels import choice_label
from catalog_app.ui.catalog.gallery import Gallery
from catalog_app.ui.catalog.options_box import OptionsBox
from catalog_app.ui.catalog.sizing import sizing_for
from catalog_app.ui.catalog.spec_sheet_view import plain_label, spec_group_grid
from catalog_app.ui.catalog.style import apply_catalog_style

log = logging.getLogger(__name__)

WIDE = 900  # from this width the pictures stand beside the headline
TWO_COLUMNS = 640  # from this width the spec groups stand in two columns


class ModelPage(QScrollArea):
    """A model's page; reused by the kiosk with ``touch=True, show_brochures=False``.

    Signals:
        tco_requested(object): "TCO vs diesel" was pressed for this model id.
        capture_requested(object): "Capture interest" was pressed for this model id.
        back_requested(): the back button was pressed (only with ``show_back=True``).
        message(str): something for the status bar (a brochure that cannot be opened).
    """

    tco_requested = Signal(object)
    capture_requested = Signal(object)
    back_requested = Signal()
    message = Signal(str)

    def __init__(
        self,
        state: AppState,
        basket: CompareBasket,
        *,
        touch: bool = False,
        show_tco_action: bool = True,
        show_capture_action: bool = True,
        show_brochures: bool = True,
        show_back: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("modelPage")
        apply_catalog_style(self, touch)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._state = state
        self.basket = basket
        self.sizing = sizing_for(touch)
        self._allow_tco = show_tco_action
        self._allow_capture = show_capture_action
        self._show_brochures = show_brochures
        self._show_back = show_back
        self._sheet: SpecSheet | None = None
        self._lang = state.language
        self._layout_class = (False, False)
        self._ticked_options: set[int] = set()
        self.options_box: OptionsBox | None = None
        self.gallery: Gallery | None = None
        self.compare_button: QPushButton | None = None
        self.tco_button: QPushButton | None = None
        self.capture_button: QPushButton | None = None
        basket.changed.connect(self._update_actions)
        self._rebuild()

    # -- public --------------------------------------------------------------------------
    @property
    def sheet(self) -> SpecSheet | None:
        return self._sheet

    def model_id(self) -> uuid.UUID | None:
        return self._sheet.model.id if self._sheet is not None else None

    def show_model(self, model_id: uuid.UUID | None) -> bool:
        """Read and show a model's sheet (None: the hint); False if it cannot be shown."""
        if model_id is None:
            self.show_sheet(None)
            return True
        if self._sheet is not None and self._sheet.model.id == model_id:
            return True
        try:
            sheet = self._state.catalog.spec_sheet(model_id)
        except (SQLAlchemyError, UserFacingError, OSError) as exc:
            log.exception("reading a spec sheet failed")
            text = exc.text(self._lang) if isinstance(exc, UserFacingError) else str(exc)
            self.message.emit(self.tr("The spec sheet could not be read: %1").replace("%1", text))
            sheet = None
        self.show_sheet(sheet)
        return sheet is not None

    def show_sheet(self, sheet: SpecSheet | None, lang: str | None = None) -> None:
        self._sheet = sheet
        self._ticked_options = set()
        if lang is not None:
            self._lang = lang
        self._rebuild()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._rebuild()

    def configured_price(self) -> float | None:
        """The indicative price with the ticked options, or None without a price."""
        if self._sheet is None or self._sheet.model.price_cny is None:
            return None
        if self.options_box is None:
            return self._sheet.model.price_cny
        return self.options_box.configured_price()

    # -- building ------------------------------------------------------------------------
    def _width_class(self) -> tuple[bool, bool]:
        width = self.viewport().width()
        return width >= WIDE, width >= TWO_COLUMNS

    def _rebuild(self) -> None:
        self._layout_class = self._width_class()
        content = QWidget()
        content.setObjectName("modelPageContent")
        layout = QVBoxLayout(content)
        margin = 24 if self.sizing.touch else 20
        layout.setContentsMargins(margin, 16, margin, 20)
        layout.setSpacing(14)
        self.gallery = self.compare_button = self.tco_button = self.capture_button = None
        self.options_box = None
        if self._show_back:
            back = QPushButton(self.tr("← Back"))
            back.setObjectName("backButton")
            self.sizing.apply_font(back)
            self.sizing.fit_target(back)
            back.clicked.connect(self.back_requested)
            layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        if self._sheet is None:
            hint = plain_label(
                self.tr("Choose a model to see its pictures and full spec sheet."),
                "specSheetHint",
                wrap=True,
            )
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.sizing.apply_font(hint)
            layout.addStretch(1)
            layout.addWidget(hint)
            layout.addStretch(2)
        else:
            self._build_sheet(layout, self._sheet)
        old = self.takeWidget()
        self.setWidget(content)
        if old is not None:
            old.deleteLater()
        self._update_actions()

    def _build_sheet(self, layout: QVBoxLayout, sheet: SpecSheet) -> None:
        wide, two_columns = self._layout_class
        lang = self._lang
        header = QBoxLayout(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        header.setSpacing(20)
        photo_width = 440 if wide else min(480, max(300, self.viewport().width() - 48))
        if self.sizing.touch:
            photo_width = 520 if wide else photo_width
        self.gallery = Gallery(QSize(photo_width, photo_width * 3 // 5), self.sizing)
        self.gallery.set_photos(sheet.photos(), lang)
        header.addWidget(self.gallery, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(self._headline(sheet), 1)
        layout.addLayout(header)
        description = sheet.description_zh if lang.startswith("zh") else sheet.description_en
        if description:
            text = plain_label(description, "modelDescription", wrap=True, select=True)
            self.sizing.apply_font(text)
            layout.addWidget(text)
        layout.addLayout(
            spec_group_grid(sheet.groups, lang, 2 if two_columns else 1, self.font(), self.sizing)
        )
        if self._show_brochures and sheet.brochures():
            layout.addWidget(self._brochures(sheet.brochures()))
        layout.addStretch(1)

    def _headline(self, sheet: SpecSheet) -> QVBoxLayout:
        lang, model = self._lang, sheet.model
        box = QVBoxLayout()
        box.setSpacing(6)
        name = plain_label(model.name(lang), "modelName", wrap=True, select=True)
        box.addWidget(name)
        box.addWidget(plain_label(model.exhibitor(lang), "modelExhibitor", wrap=True))
        codes = [self.tr("Model code %1").replace("%1", model.code)]
        if model.announcement_no:
            codes.append(self.tr("Announcement no. %1").replace("%1", model.announcement_no))
        box.addWidget(plain_label("  ·  ".join(codes), "modelCodes", wrap=True, select=True))
        facts = [
            choice_label("body_type", model.body_type, lang),
            choice_label("powertrain", model.powertrain, lang),
            choice_label("drive_form", model.drive_form, lang),
        ]
        box.addWidget(plain_label("  ·  ".join(f for f in facts if f), "modelFacts", wrap=True))
        price = QHBoxLayout()
        price.addWidget(plain_label(self.tr("Indicative price"), "priceCaption"))
        price.addWidget(plain_label(sheet.price_text(lang), "modelPrice", select=True))
        price.addStretch(1)
        box.addLayout(price)
        box.addLayout(self._actions())  # near the top: the first thing staff reach for
        if sheet.options:
            self.options_box = OptionsBox(
                sheet.options, model.price_cny, lang, self.sizing, self._ticked_options
            )
            self.options_box.ticks_changed.connect(self._options_ticked)
            box.addWidget(self.options_box)
        note = sheet.composite_note_zh if lang.startswith("zh") else sheet.composite_note_en
        if note:
            box.addWidget(plain_label(note, "compositeNote", wrap=True))
        box.addStretch(1)
        for index in range(box.count()):
            widget = box.itemAt(index).widget()
            if widget is not None and widget not in (name, self.options_box):
                self.sizing.apply_font(widget)
        return box

    def _options_ticked(self) -> None:
        if self.options_box is not None:
            self._ticked_options = self.options_box.ticked()

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(self.sizing.spacing)
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("compareAction")
        self.compare_button.setCheckable(True)
        self.compare_button.clicked.connect(self._compare_clicked)
        self.tco_button = QPushButton(self.tr("TCO vs diesel"))
        self.tco_button.setObjectName("tcoAction")
        self.tco_button.clicked.connect(self._tco_clicked)
        self.capture_button = QPushButton(self.tr("Capture interest"))
        self.capture_button.setObjectName("captureAction")
        self.capture_button.clicked.connect(self._capture_clicked)
        for button in (self.compare_button, self.tco_button, self.capture_button):
            self.sizing.apply_font(button)
            button.setMinimumHeight(self.sizing.target + (0 if self.sizing.touch else 4))
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _brochures(self, brochures: tuple[MediaItem, ...]) -> QFrame:
        box = QFrame()
        box.setObjectName("brochures")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(plain_label(self.tr("Brochures"), "sectionHeading"))
        for item in brochures:
            button = QPushButton(
                self.tr("Open PDF: %1").replace("%1", item.caption(self._lang) or item.path.name)
            )
            button.setObjectName("brochureLink")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(str(item.path))
            self.sizing.apply_font(button)
            button.setMinimumHeight(self.sizing.target)
            button.clicked.connect(lambda _checked=False, p=item.path: self.open_brochure(p))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.brochure_problem = plain_label("", "brochureProblem", wrap=True)
        self.brochure_problem.hide()
        layout.addWidget(self.brochure_problem)
        return box

    # -- actions -------------------------------------------------------------------------
    def open_brochure(self, path: Path) -> bool:
        """Open a brochure with the system's PDF viewer; say so when it cannot be opened."""
        problem = ""
        if not path.is_file():
            problem = self.tr("The brochure file is missing: %1").replace("%1", str(path))
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            problem = self.tr("No program to open PDF files was found for %1.").replace(
                "%1", path.name
            )
        if problem:
            self.brochure_problem.setText(problem)
            self.brochure_problem.show()
            self.message.emit(problem)
            return False
        self.brochure_problem.hide()
        return True

    def _compare_clicked(self) -> None:
        model_id = self.model_id()
        if model_id is None:
            return
        if model_id not in self.basket and self.basket.is_full:
            self.message.emit(
                self.tr("Up to %1 models can be compared; remove one first.").replace(
                    "%1", str(self.basket.capacity)
                )
            )
        else:
            self.basket.toggle(model_id)
        self._update_actions()

    def _tco_clicked(self) -> None:
        if (model_id := self.model_id()) is not None:
            self.tco_requested.emit(model_id)

    def _capture_clicked(self) -> None:
        if (model_id := self.model_id()) is not None:
            self.capture_requested.emit(model_id)

    def _connected(self, signal: Signal) -> bool:
        return self.isSignalConnected(QMetaMethod.fromSignal(signal))

    def _update_actions(self) -> None:
        if self.compare_button is not None:
            inside = self.model_id() in self.basket
            self.compare_button.setChecked(inside)
            self.compare_button.setText(
                self.tr("✓ In comparison") if inside else self.tr("+ Add to comparison")
            )
            self.compare_button.setEnabled(inside or not self.basket.is_full)
            self.compare_button.setToolTip(
                ""
                if inside or not self.basket.is_full
                else self.tr("Up to %1 models can be compared; remove one first.").replace(
                    "%1", str(self.basket.capacity)
                )
            )
        if self.tco_button is not None:
            self.tco_button.setVisible(self._allow_tco and self._connected(self.tco_requested))
        if self.capture_button is not None:
            self.capture_button.setVisible(
                self._allow_capture and self._connected(self.capture_requested)
            )

    # -- reacting ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_actions()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._width_class() != self._layout_class and self._sheet is not None:
            self._rebuild()  # the ticked options are kept in _ticked_options

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._lang = self._state.language
            self._rebuild()
        super().changeEvent(event)
