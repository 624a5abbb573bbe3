"""The person and company part of the capture form: name, title, company, credit code, phones,
e-mail and WeChat — each with its label (and keyboard mnemonic) and its error line.

Phones, e-mail and the credit code are checked as soon as the field is left (the same checks
``LeadService.save`` makes, in the UI language), so a mistake is seen while the visitor is
still at the table.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from catalog_app.domain.enums import LeadSource
from catalog_app.services.lead_input import LeadInput, validate_lead
from catalog_app.ui.capture.field_box import FieldBox

# LeadInput attribute -> maximum length typed.
PERSON_FIELDS: dict[str, int] = {
    "person_name": 100,
    "title": 100,
    "company": 200,
    "credit_code": 25,
    "mobile": 40,
    "landline": 40,
    "email": 254,
    "wechat_id": 64,
}
CHECKED_ON_LEAVING = ("mobile", "landline", "email", "credit_code")
DUPLICATE_KEYS = ("person_name", "company", "mobile", "email")


class PersonSection(QGroupBox):
    """Signals:
    changed(): any field was edited (for the autosave).
    identity_changed(): name, company, mobile or e-mail changed (for the duplicate check).
    """

    changed = Signal()
    identity_changed = Signal()

    def __init__(self, language: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personSection")
        self._language = language  # has .language (the LanguageManager)
        self.editors: dict[str, QLineEdit] = {}
        self.boxes: dict[str, FieldBox] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(5)
        for name, limit in PERSON_FIELDS.items():
            editor = QLineEdit()
            editor.setObjectName(name)
            editor.setMaxLength(limit)
            box = FieldBox(editor, name)
            label = QLabel()
            label.setBuddy(editor)
            form.addRow(label, box)
            self.editors[name] = editor
            self.boxes[name] = box
            self.labels[name] = label
            editor.textChanged.connect(lambda _t, n=name: self._edited(n))
            if name in CHECKED_ON_LEAVING:
                editor.editingFinished.connect(lambda n=name: self.check_field(n))
        self.retranslate()

    def _edited(self, name: str) -> None:
        if self.boxes[name].error_text:
            self.boxes[name].set_error("")
        self.changed.emit()
        if name in DUPLICATE_KEYS:
            self.identity_changed.emit()

    def check_field(self, name: str) -> None:
        """Show the problem of one field now (format checks only; "required" waits for Save)."""
        text = self.editors[name].text()
        if not text.strip():
            return
        probe = LeadInput(**{name: text})  # type: ignore[arg-type]
        lang = str(getattr(self._language, "language", "en"))
        for problem in validate_lead(probe, LeadSource.IMPORT):
            if problem.field == name:
                self.boxes[name].set_error(problem.text(lang))
                return

    # -- values --------------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        return {name: editor.text() for name, editor in self.editors.items()}

    def set_values(self, values: dict[str, str]) -> None:
        for name, value in values.items():
            if name in self.editors:
                self.editors[name].setText(str(value))

    def clear(self) -> None:
        for name, editor in self.editors.items():
            # setText, not clear(): clear() is an undoable edit, so Ctrl+Z would bring the last
            # visitor back, and each field's undo history would grow with every visitor.
            editor.setText("")
            self.boxes[name].set_error("")

    def is_empty(self) -> bool:
        return not any(editor.text().strip() for editor in self.editors.values())

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("Visitor"))
        texts = {
            "person_name": self.tr("&Name:"),
            "title": self.tr("&Title:"),
            "company": self.tr("&Company:"),
            "credit_code": self.tr("Credit code (&USCC):"),
            "mobile": self.tr("&Mobile:"),
            "landline": self.tr("&Landline:"),
            "email": self.tr("&E-mail:"),
            "wechat_id": self.tr("&WeChat ID:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.editors["credit_code"].setPlaceholderText(
            self.tr("18 characters, e.g. 91520900MA6DK1XX3U")
        )
        self.editors["mobile"].setPlaceholderText(self.tr("e.g. 138 0013 8000"))
        self.editors["landline"].setPlaceholderText(self.tr("e.g. 0851-8555 1234"))
