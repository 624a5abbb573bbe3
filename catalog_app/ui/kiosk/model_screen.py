"""One model on the kiosk: big picture, name, price, description and the spec sheet by group.

Actions: compare, cost against diesel (TCO), "I am interested", back. The spec sheet is read
through ``CatalogService.spec_sheet`` (one model: quick).

Signals:
    back(): return to the catalog.
    tco_requested(object), interest_requested(object): the model's id.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.catalog import CatalogService, SpecSheet
from catalog_app.ui.kiosk.session import KioskSession

PHOTO_SIZE = (560, 330)


class ModelScreen(QWidget):
    """See the module docstring."""

    back = Signal()
    tco_requested = Signal(object)
    interest_requested = Signal(object)

    def __init__(self, session: KioskSession, language: object, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._language = language
        self.sheet: SpecSheet | None = None
        self.back_button = QPushButton()
        self.back_button.setObjectName("modelBack")
        self.back_button.clicked.connect(self.back.emit)
        self.compare = QPushButton()
        self.compare.setObjectName("modelCompare")
        self.compare.setCheckable(True)
        self.compare.toggled.connect(self._compare_toggled)
        self.tco = QPushButton()
        self.tco.setObjectName("modelTco")
        self.tco.setProperty("role", "accent")
        self.tco.clicked.connect(lambda: self.sheet and self.tco_requested.emit(self.model_id))
        self.interest = QPushButton()
        self.interest.setObjectName("modelInterest")
        self.interest.setProperty("role", "primary")
        self.interest.clicked.connect(
            lambda: self.sheet and self.interest_requested.emit(self.model_id)
        )
        actions = QHBoxLayout()
        for button in (self.back_button, self.compare, self.tco, self.interest):
            actions.addWidget(button)
        actions.insertStretch(1, 1)
        self.photo = QLabel()
        self.photo.setFixedSize(*PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel()
        self.name.setObjectName("kioskTitle")
        self.name.setWordWrap(True)
        self.maker = QLabel()
        self.price = QLabel()
        self.price.setStyleSheet("font-size: 22pt; font-weight: bold; color: #b23c17;")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("font-size: 12pt; color: #5f6b7a;")
        left = QVBoxLayout()
        for widget in (self.photo, self.name, self.maker, self.price, self.description, self.note):
            left.addWidget(widget)
        left.addStretch(1)
        self.specs_host = QWidget()
        self.specs = QGridLayout(self.specs_host)
        self.specs.setHorizontalSpacing(24)
        self.specs.setVerticalSpacing(6)
        self.specs.setAlignment(Qt.AlignmentFlag.AlignTop)
        specs_scroll = QScrollArea()
        specs_scroll.setWidgetResizable(True)
        specs_scroll.setWidget(self.specs_host)
        specs_scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QHBoxLayout()
        body.addLayout(left, 0)
        body.addWidget(specs_scroll, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(actions)
        layout.addLayout(body, 1)
        session.compare_changed.connect(self._sync_compare)
        self.retranslate()

    @property
    def model_id(self) -> uuid.UUID | None:
        return self.sheet.model.id if self.sheet else None

    def show_model(self, catalog: CatalogService, model_id: uuid.UUID) -> bool:
        sheet = catalog.spec_sheet(model_id)
        if sheet is None:
            return False
        self.sheet = sheet
        self._fill()
        return True

    def _fill(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        lang = self._language()  # type: ignore[operator]
        model = sheet.model
        pixmap = QPixmap(str(model.photo_path)) if model.photo_path else QPixmap()
        self.photo.setPixmap(
            pixmap.scaled(
                *PHOTO_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            if not pixmap.isNull()
            else QPixmap()
        )
        self.name.setText(model.name(lang))
        self.maker.setText(model.exhibitor(lang))
        self.price.setText(sheet.price_text(lang))
        chinese = lang.startswith("zh")
        self.description.setText(sheet.description_zh if chinese else sheet.description_en)
        self.note.setText(sheet.composite_note_zh if chinese else sheet.composite_note_en)
        while self.specs.count():
            item = self.specs.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        row = 0
        for group in sheet.groups:
            heading = QLabel(group.label(lang))
            heading.setStyleSheet("font-size: 17pt; font-weight: bold; color: #1565c0;")
            self.specs.addWidget(heading, row, 0, 1, 2)
            row += 1
            for entry in group.entries:
                label = QLabel(entry.label(lang))
                label.setStyleSheet("color: #5f6b7a;")
                value = QLabel(entry.display(lang))
                value.setWordWrap(True)
                self.specs.addWidget(label, row, 0)
                self.specs.addWidget(value, row, 1)
                row += 1
        self._sync_compare()

    def _compare_toggled(self, checked: bool) -> None:
        if self.model_id is not None and not self._session.set_compared(self.model_id, checked):
            self._sync_compare()

    def _sync_compare(self) -> None:
        self.compare.blockSignals(True)
        self.compare.setChecked(
            self.model_id is not None and self._session.is_compared(self.model_id)
        )
        self.compare.blockSignals(False)

    def retranslate(self) -> None:
        self.back_button.setText(QCoreApplication.translate("KioskModel", "← All trucks"))
        self.compare.setText(QCoreApplication.translate("KioskModel", "Compare"))
        self.tco.setText(QCoreApplication.translate("KioskModel", "Cost vs diesel"))
        self.interest.setText(QCoreApplication.translate("KioskModel", "I am interested"))
        self._fill()
