"""The visitor's consent: the exact wording shown, and a required tick.

The wording comes from ``services.consent.current_consent`` in the language the visitor reads
(the booth can switch it to Chinese or English whatever the UI language is). When the box is
ticked, the wording as shown, its version and the time are recorded; that is what the lead
stores, even if the language is switched afterwards.

Beside the tick, "Visitor agrees — save" (``agree_button``; Ctrl+Enter anywhere in the form)
does both in one step when the visitor has read the text and says yes: it ticks the box —
recording wording, version and time exactly as the tick does — and asks the form to save. It
is still an explicit act of the staff member for the visitor: nothing is ever ticked on its
own (not by a scan, not by a restored draft of an unticked form), and Ctrl+S without the tick
still refuses to save, pointing at the box.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from catalog_app.domain.base import utc_now
from catalog_app.services.consent import ConsentWording, current_consent
from catalog_app.ui.capture.field_box import FieldBox

WORDING_LANGUAGES = (("zh_CN", "中文"), ("en", "English"))


class ConsentBox(QGroupBox):
    """Signals:
    changed(): ticked or unticked.
    agree_and_save(): "Visitor agrees — save" was pressed (the box is already ticked).
    """

    changed = Signal()
    agree_and_save = Signal()

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.setObjectName("consentBox")
        self._wording_lang = lang
        self._agreed: ConsentWording | None = None
        self._agreed_at: datetime | None = None
        self.wording = QLabel()
        self.wording.setObjectName("consentWording")
        self.wording.setWordWrap(True)
        self.wording.setTextFormat(Qt.TextFormat.PlainText)
        self.wording.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check = QCheckBox()
        self.check.setObjectName("consentCheck")
        self.check.toggled.connect(self._toggled)
        self.box = FieldBox(self.check, "consent_given")
        self.agree_button = QPushButton()
        self.agree_button.setObjectName("agreeAndSaveButton")
        self.agree_button.setAutoDefault(False)
        self.agree_button.clicked.connect(self.agree_then_save)
        self.language_buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        row.addWidget(self.box, 1)
        row.addWidget(self.agree_button, 0, Qt.AlignmentFlag.AlignTop)
        for code, name in WORDING_LANGUAGES:
            button = QToolButton()
            button.setText(name)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a mouse aid; Tab skips it
            button.clicked.connect(lambda _c, c=code: self.show_wording(c))
            self.language_buttons[code] = button
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.wording)
        layout.addLayout(row)
        self.show_wording(lang)

    def show_wording(self, lang: str) -> None:
        self._wording_lang = lang
        self.wording.setText(current_consent(lang).text)
        for code, button in self.language_buttons.items():
            button.setChecked(code == lang)

    def agree(self) -> None:
        """Tick the box for the visitor (records the wording shown, its version, the time)."""
        if not self.check.isChecked():
            self.check.setChecked(True)

    def agree_then_save(self) -> None:
        self.agree()
        self.agree_and_save.emit()

    def _toggled(self, checked: bool) -> None:
        if checked:
            self._agreed = current_consent(self._wording_lang)
            self._agreed_at = utc_now()
            self.box.set_error("")
        else:
            self._agreed = None
            self._agreed_at = None
        self.changed.emit()

    def lead_fields(self) -> dict[str, Any]:
        """The consent_* fields of a LeadInput."""
        if not self.check.isChecked() or self._agreed is None:
            return {"consent_given": False}
        return {
            "consent_given": True,
            "consent_text": self._agreed.text,
            "consent_version": self._agreed.version,
            "consent_purposes": list(self._agreed.purposes),
            "consent_at": self._agreed_at,
        }

    def payload(self) -> dict[str, Any]:
        if self._agreed is None or self._agreed_at is None:
            return {"given": False, "lang": self._wording_lang}
        return {
            "given": True,
            "lang": self._wording_lang,
            "text": self._agreed.text,
            "version": self._agreed.version,
            "purposes": list(self._agreed.purposes),
            "at": self._agreed_at.isoformat(),
        }

    def restore(self, payload: dict[str, Any]) -> None:
        self.show_wording(str(payload.get("lang") or self._wording_lang))
        self.check.blockSignals(True)
        self.check.setChecked(bool(payload.get("given")))
        self.check.blockSignals(False)
        if payload.get("given"):
            self._agreed = ConsentWording(
                str(payload.get("version", "")),
                str(payload.get("text", "")),
                tuple(payload.get("purposes") or ()),
            )
            try:
                self._agreed_at = datetime.fromisoformat(str(payload.get("at")))
            except ValueError:
                self._agreed_at = utc_now()
        else:
            self._agreed = None
            self._agreed_at = None

    def clear(self, lang: str) -> None:
        self.check.setChecked(False)
        self.box.set_error("")
        self.show_wording(lang)

    def retranslate(self, lang: str) -> None:
        self.setTitle(self.tr("Consent"))
        self.check.setText(self.tr("The &visitor agrees to the text above (required)"))
        self.agree_button.setText(self.tr("Visitor agrees — save"))
        self.agree_button.setToolTip(
            self.tr(
                "The visitor has read the text above and agrees: tick it for them and save "
                "the lead (Ctrl+Enter)"
            )
        )
        if not self.check.isChecked():
            self.show_wording(lang)
