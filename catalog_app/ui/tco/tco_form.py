"""The TCO input form: every input of the registry, grouped, with units and a message per field.

Built from ``TCO_FIELDS`` (labels, units and notes come from the registry in both languages).
Fields are text boxes, not spin boxes: a spin box silently refuses a value out of range, while a
text box keeps what the person typed and the form says, at the field, what is wrong with it.
Fields that do not apply to the truck's powertrain are hidden (e.g. the hydrogen price for a
battery truck).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.tco_fields import TCO_FIELDS, TCO_GROUPS, TcoField, applies
from catalog_app.services.tco_inputs import (
    MESSAGES,
    TcoInputs,
    TcoProblem,
    validate_tco_inputs,
)
from catalog_app.ui.tco.tco_format import parse_number, plain_number

TOUCH_HEIGHT = 56
DESK_EDIT_WIDTH = 120


class _FieldRow:
    """The widgets of one input: caption, text box, unit and the message under it."""

    def __init__(self, spec: TcoField, touch: bool) -> None:
        self.spec = spec
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"tco_{spec.key}")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.unit = QLabel()
        self.unit.setObjectName("tcoUnit")
        self.problem = QLabel()
        self.problem.setObjectName("tcoProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        if touch:
            self.edit.setMinimumHeight(TOUCH_HEIGHT)
            self.edit.setMinimumWidth(170)
        else:
            self.edit.setMinimumWidth(DESK_EDIT_WIDTH)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.caption, self.edit, self.unit, self.problem)

    def set_visible(self, visible: bool) -> None:
        for widget in self.widgets():
            widget.setVisible(visible if widget is not self.problem else False)


class TcoForm(QWidget):
    """All inputs of one comparison.

    Signals:
        edited(str): the person changed the text of this input (its key).
    """

    edited = Signal(str)

    def __init__(
        self, language: Callable[[], str], touch: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tcoForm")
        self._language = language
        self._touch = touch
        self._powertrain = "bev_charge"
        self._base = TcoInputs()
        self.rows: dict[str, _FieldRow] = {}
        self.groups: dict[str, QGroupBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10 if touch else 8)
        for group in TCO_GROUPS:
            box = QGroupBox()
            box.setObjectName(f"tcoGroup_{group.key}")
            grid = QGridLayout(box)
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(6 if touch else 3)
            grid.setColumnStretch(0, 1)
            grid.setColumnMinimumWidth(0, 210 if touch else 170)
            grid.setColumnMinimumWidth(2, 110 if touch else 80)
            line = 0
            for spec in (f for f in TCO_FIELDS if f.group == group.key):
                row = _FieldRow(spec, touch)
                row.edit.textEdited.connect(lambda _text, key=spec.key: self._edited(key))
                grid.addWidget(row.caption, line, 0)
                grid.addWidget(row.edit, line, 1)
                grid.addWidget(row.unit, line, 2)
                grid.addWidget(row.problem, line + 1, 0, 1, 3)
                self.rows[spec.key] = row
                line += 2
            self.groups[group.key] = box
            layout.addWidget(box)
        layout.addStretch(1)
        self.retranslate()

    # -- values ------------------------------------------------------------------------------
    @property
    def editors(self) -> dict[str, QLineEdit]:
        """The text box of each input, by key (the kiosk attaches its keypad to them)."""
        return {key: row.edit for key, row in self.rows.items()}

    def type_text(self, key: str, text: str) -> None:
        """Put ``text`` into an input as if the person typed it (the kiosk's keypad)."""
        self.rows[key].edit.setText(text)
        self._edited(key)

    def set_inputs(self, inputs: TcoInputs, keys: set[str] | None = None) -> None:
        """Show ``inputs`` (only the fields in ``keys``, if given) and clear the messages."""
        self._base = inputs
        self._powertrain = inputs.powertrain
        for key, row in self.rows.items():
            if keys is None or key in keys:
                row.edit.setText(plain_number(inputs.value(key), row.spec.decimals))
        self.show_problems({})
        self._apply_powertrain()

    def read(self) -> tuple[TcoInputs | None, dict[str, str]]:
        """The inputs as typed, or None and the messages by field when something is wrong."""
        lang = self._language()
        values: dict[str, float] = {}
        problems: dict[str, str] = {}
        for key, row in self.rows.items():
            number = parse_number(row.edit.text())
            if number is None:
                problems[key] = TcoProblem(key, MESSAGES["not_a_number"]).text(lang)
                number = self._base.value(key)
            values[key] = number
        inputs = dataclasses.replace(self._base, **values)
        for problem in validate_tco_inputs(inputs):
            problems.setdefault(problem.field, problem.text(lang))
        for key in [k for k in problems if k in self.rows]:
            if not applies(self.rows[key].spec, self._powertrain):
                del problems[key]  # not used for this powertrain (and not shown)
        return (None if problems else inputs), problems

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, row in self.rows.items():
            text = problems.get(key, "")
            row.problem.setText(text)
            row.problem.setVisible(bool(text) and row.edit.isVisibleTo(self))
            row.edit.setProperty("invalid", bool(text))
            row.edit.setStyleSheet("border: 2px solid #b00020;" if text else "")

    # -- language and powertrain -------------------------------------------------------------
    def retranslate(self) -> None:
        lang = self._language()
        for group in TCO_GROUPS:
            self.groups[group.key].setTitle(group.label(lang))
        for row in self.rows.values():
            row.caption.setText(row.spec.label(lang))
            row.unit.setText(row.spec.unit(lang))
            note = row.spec.note(lang)
            row.caption.setToolTip(note)
            row.edit.setToolTip(note)

    def _apply_powertrain(self) -> None:
        for group in TCO_GROUPS:
            shown = False
            for spec in (f for f in TCO_FIELDS if f.group == group.key):
                visible = applies(spec, self._powertrain)
                self.rows[spec.key].set_visible(visible)
                shown = shown or visible
            self.groups[group.key].setVisible(shown)

    def _edited(self, key: str) -> None:
        self.edited.emit(key)
