"""The top of the intent editor: back to the list, which form this is, its status, the action
buttons, and a banner that says what saving will do (or why the form cannot change)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from catalog_app.domain.enums import IntentStatus
from catalog_app.domain.intent_terms import STATUS_LABELS
from catalog_app.services.intent_data import IntentRecord

BANNER_STYLE = "background: #fff4d6; color: #5c4400; border: 1px solid #e8cf86; padding: 6px;"


class EditorHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._record: IntentRecord | None = None
        self._dirty = False
        self._language = "en"
        self.back = self._button("intentBack")
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.status = QLabel()
        self.status.setObjectName("intentStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.banner = QLabel()
        self.banner.setObjectName("intentBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.save = self._button("intentSave")
        self.preview = self._button("intentPreview")
        self.print = self._button("intentPrint")
        self.pdf = self._button("intentSavePdf")
        self.signed = self._button("intentMarkSigned")
        self.cancel = self._button("intentCancelForm")
        self.duplicate = self._button("intentDuplicate")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.back)
        top.addWidget(self.title)
        top.addWidget(self.status)
        top.addStretch(1)
        for button in (
            self.signed,
            self.cancel,
            self.duplicate,
            self.preview,
            self.print,
            self.pdf,
            self.save,
        ):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        self.retranslate()

    @staticmethod
    def _button(name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        return button

    def connect_buttons(self, slots: dict[str, Callable[[], object]]) -> None:
        for name, slot in slots.items():
            getattr(self, name).clicked.connect(slot)

    def show_state(self, record: IntentRecord | None, dirty: bool, language: str) -> None:
        self._record, self._dirty, self._language = record, dirty, language
        if record is None:
            title = self.tr("New intent form")
            self.status.setText("")
        else:
            title = record.reference
            if record.revision > 1:
                title += self.tr(" · revision %1").replace("%1", str(record.revision))
            self.status.setText(STATUS_LABELS[record.status].render(language))
        self.title.setText(title + (" *" if dirty else ""))
        banner = self._banner_text(record)
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        latest = record is None or record.is_latest
        status = record.status if record is not None else None
        editable = record is None or record.editable
        self.save.setEnabled(editable)
        self.signed.setVisible(latest and status is IntentStatus.PRINTED)
        self.cancel.setVisible(
            latest and status in (IntentStatus.DRAFT, IntentStatus.PRINTED, IntentStatus.SIGNED)
        )
        self.duplicate.setVisible(record is not None and not editable)

    def _banner_text(self, record: IntentRecord | None) -> str:
        if record is None:
            return ""
        if not record.is_latest:
            return self.tr("An earlier revision, kept as printed. It cannot be changed.")
        if record.status is IntentStatus.SIGNED:
            return self.tr(
                "Signed: this form can no longer be changed. Duplicate it to start a new one."
            )
        if record.status is IntentStatus.CANCELLED:
            return self.tr("Cancelled: this form can no longer be changed.")
        if record.status is IntentStatus.PRINTED:
            return self.tr(
                "Printed: saving changes makes revision %1; the printed revision is kept as it is."
            ).replace("%1", str(record.revision + 1))
        return ""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back.setText(self.tr("← Intent forms"))
        self.save.setText(self.tr("Save"))
        self.save.setToolTip(self.tr("Save (Ctrl+S)"))
        self.preview.setText(self.tr("Preview"))
        self.print.setText(self.tr("Print…"))
        self.pdf.setText(self.tr("Save as PDF…"))
        self.signed.setText(self.tr("Mark signed"))
        self.cancel.setText(self.tr("Cancel form…"))
        self.duplicate.setText(self.tr("Duplicate as new"))
        self.show_state(self._record, self._dirty, self._language)
