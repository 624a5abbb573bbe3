"""Models of interest with quantities: pick a model from the catalog, set how many, add.

Keyboard first: type part of a model's name or code in the picker (the list narrows as you
type), Enter adds it with the quantity beside it (adding the same model again adds to its
quantity); in the table, the quantity is edited in place and Delete removes the row.

The table's rows — each with its quantity box and remove button — are made once and reused: a
cleared form hides them, the next lead shows them again. A booth clears the form after every
visitor, and a ``QSpinBox`` made and destroyed under the app's style sheet leaves a few hundred
bytes behind in Qt each time (measured: ~300 B per box; 10,000 captures grew the heap by MiBs).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.catalog import ModelSummary
from catalog_app.services.lead_input import MAX_QUANTITY
from catalog_app.ui.capture.field_box import FieldBox

MODEL_ROLE = Qt.ItemDataRole.UserRole


def model_text(model: ModelSummary, lang: str) -> str:
    return f"{model.name(lang)} · {model.code}"


class InterestEditor(QWidget):
    """Signals:
    changed(): a model was added or removed, or a quantity changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interestEditor")
        self._names: dict[uuid.UUID, str] = {}
        self._shown = 0  # rows of the table in use; the rest are hidden, kept for reuse

        self.picker = QComboBox()
        self.picker.setObjectName("modelPicker")
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.picker.setMaxVisibleItems(12)
        self.picker.setMinimumContentsLength(18)
        self.picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        completer = QCompleter(self.picker.model(), self.picker)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.picker.setCompleter(completer)
        completer.activated[str].connect(self._completed)  # type: ignore[index]
        self.picker.lineEdit().returnPressed.connect(self.add_current)

        self.quantity = QSpinBox()
        self.quantity.setObjectName("pickQuantity")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity_label = QLabel()
        self.quantity_label.setBuddy(self.quantity)
        self.quantity.lineEdit().returnPressed.connect(self.add_current)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addModelButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_current)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("interestTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(84)
        self.table.setMaximumHeight(118)
        self.table.installEventFilter(self)
        self.box = FieldBox(self.table, "interests")

        pick_row = QHBoxLayout()
        pick_row.setContentsMargins(0, 0, 0, 0)
        pick_row.addWidget(self.picker, 1)
        pick_row.addWidget(self.quantity_label)
        pick_row.addWidget(self.quantity)
        pick_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(pick_row)
        layout.addWidget(self.box)
        self.retranslate()

    # -- the catalog ---------------------------------------------------------------------
    def set_models(self, models: list[ModelSummary], lang: str) -> None:
        """Fill the picker (keeps the rows already picked, renamed in ``lang``)."""
        self.picker.blockSignals(True)
        self.picker.clear()
        for model in models:
            self.picker.addItem(model_text(model, lang), model.id)
            self._names[model.id] = model_text(model, lang)
        self.picker.setCurrentIndex(-1)
        self.picker.setEditText("")
        self.picker.blockSignals(False)
        for row in range(self._shown):
            item = self.table.item(row, 0)
            model_id = item.data(MODEL_ROLE)
            item.setText(self._names.get(model_id, item.text()))

    def name_of(self, model_id: uuid.UUID) -> str:
        return self._names.get(model_id, str(model_id))

    # -- picking -------------------------------------------------------------------------
    def _completed(self, text: str) -> None:
        index = self.picker.findText(text)
        if index >= 0:
            self.picker.setCurrentIndex(index)

    def _match(self) -> uuid.UUID | None:
        text = self.picker.currentText().strip()
        if not text:
            return None
        exact = self.picker.findText(text)
        if exact >= 0:
            return self.picker.itemData(exact)
        folded = text.casefold()
        for index in range(self.picker.count()):
            if folded in self.picker.itemText(index).casefold():
                return self.picker.itemData(index)
        return None

    def add_current(self) -> None:
        model_id = self._match()
        if model_id is None:
            if self.picker.currentText().strip():
                self.box.set_error(
                    self.tr("No model matches “%1”.").replace(
                        "%1", self.picker.currentText().strip()
                    )
                )
            return
        self.add_model(model_id, self.quantity.value())
        self.picker.setCurrentIndex(-1)
        self.picker.setEditText("")
        self.quantity.setValue(1)
        self.picker.setFocus()

    def add_model(self, model_id: uuid.UUID, quantity: int = 1) -> None:
        """Add a model (or add ``quantity`` to it if it is already in the list)."""
        self.box.set_error("")
        for row in range(self._shown):
            if self.table.item(row, 0).data(MODEL_ROLE) == model_id:
                spin = self._spin(row)
                spin.setValue(min(MAX_QUANTITY, spin.value() + quantity))
                return
        row = self._shown
        if row == self.table.rowCount():
            self._make_row()
        self._fill_row(row, model_id, quantity)
        self.table.setRowHidden(row, False)
        self._shown += 1
        self.changed.emit()

    def _make_row(self) -> None:
        """A new row at the end with its quantity box and remove button (kept for reuse)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem())
        spin = QSpinBox()
        spin.setRange(1, MAX_QUANTITY)
        spin.setFrame(False)
        spin.valueChanged.connect(lambda _v: self._quantity_changed())
        self.table.setCellWidget(row, 1, spin)
        remove = QToolButton()
        remove.setText("✕")
        remove.setAutoRaise(True)
        remove.setToolTip(self._remove_tip())
        remove.clicked.connect(lambda: self._remove_row(row))
        self.table.setCellWidget(row, 2, remove)

    def _remove_tip(self) -> str:
        return self.tr("Remove this model")

    def _fill_row(self, row: int, model_id: uuid.UUID, quantity: int) -> None:
        item = self.table.item(row, 0)
        item.setText(self.name_of(model_id))
        item.setData(MODEL_ROLE, model_id)
        spin = self._spin(row)
        spin.blockSignals(True)
        spin.setValue(max(1, min(MAX_QUANTITY, quantity)))
        spin.blockSignals(False)

    def _spin(self, row: int) -> QSpinBox:
        widget = self.table.cellWidget(row, 1)
        assert isinstance(widget, QSpinBox)
        return widget

    def _quantity_changed(self) -> None:
        self.box.set_error("")
        self.changed.emit()

    def _remove_row(self, row: int) -> None:
        """Remove a shown row: the rows below move up one, the last shown row is hidden."""
        if not 0 <= row < self._shown:
            return
        kept = [
            (self.table.item(r, 0).data(MODEL_ROLE), self._spin(r).value())
            for r in range(self._shown)
            if r != row
        ]
        for r, (model_id, quantity) in enumerate(kept):
            self._fill_row(r, model_id, quantity)
        self._shown = len(kept)
        self._hide_rows_from(self._shown)
        self.changed.emit()

    def _hide_rows_from(self, first: int) -> None:
        for row in range(first, self.table.rowCount()):
            self.table.setRowHidden(row, True)
            self.table.item(row, 0).setData(MODEL_ROLE, None)
            self.table.item(row, 0).setText("")
        if self.table.currentRow() >= first:
            if first > 0:
                self.table.setCurrentCell(first - 1, 0)
            else:
                self.table.clearSelection()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                row = self.table.currentRow()
                if 0 <= row < self._shown:
                    self._remove_row(row)
                    return True
        return super().eventFilter(watched, event)

    # -- values --------------------------------------------------------------------------
    def interests(self) -> list[tuple[uuid.UUID, int]]:
        return [
            (self.table.item(row, 0).data(MODEL_ROLE), self._spin(row).value())
            for row in range(self._shown)
        ]

    def set_interests(self, interests: list[tuple[uuid.UUID, int]]) -> None:
        self.clear()
        for model_id, quantity in interests:
            self.add_model(model_id, quantity)

    def clear(self) -> None:
        self._shown = 0
        self._hide_rows_from(0)
        self.picker.setCurrentIndex(-1)
        self.picker.setEditText("")
        self.quantity.setValue(1)
        self.box.set_error("")

    def retranslate(self) -> None:
        self.picker.lineEdit().setPlaceholderText(self.tr("Type a model name or code…"))
        self.quantity_label.setText(self.tr("&Qty:"))
        self.add_button.setText(self.tr("&Add"))
        self.table.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Quantity"), ""])
        for row in range(self.table.rowCount()):
            button = self.table.cellWidget(row, 2)
            if button is not None:
                button.setToolTip(self._remove_tip())
