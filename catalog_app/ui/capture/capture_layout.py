"""The capture form's widgets and their arrangement (the behaviour is in ``capture_form``).

Top: the badge field and who is capturing; under it the banners (a recovered draft, possible
duplicates, a badge that differs from what was typed). Then the visitor and the consent (left),
their interest (right); at the bottom the status line and the buttons. The tab order follows
the page from top left to bottom right; every field has a mnemonic.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from catalog_app.ui.capture.banners import DraftBanner, DuplicateBanner
from catalog_app.ui.capture.business_section import BusinessSection
from catalog_app.ui.capture.consent_box import ConsentBox
from catalog_app.ui.capture.field_box import FORM_STYLE, FieldBox
from catalog_app.ui.capture.person_section import PersonSection
from catalog_app.ui.capture.scan_field import ScanField

STATUS_STYLES = {
    "plain": "color: #34495e;",
    "error": "color: #b3261e; font-weight: bold;",
    "saved": "color: #1b5e20; font-weight: bold;",
}
NOTICE_STYLE = (
    "QFrame#scanNotice { background: #f3e8fd; border: 1px solid #b592dd; border-radius: 6px; }"
)


class CaptureLayout(QWidget):
    """Builds and lays out the capture form's widgets."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(FORM_STYLE)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.scan_label = QLabel()
        self.scan_field = ScanField()
        self.scan_label.setBuddy(self.scan_field)
        self.staff_label = QLabel()
        self.staff_label.setObjectName("captureStaff")
        self.switch_button = QPushButton()
        self.switch_button.setObjectName("captureSwitchButton")
        self.switch_button.setAutoDefault(False)
        self.switch_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.status = QLabel()
        self.status.setObjectName("captureStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.draft_banner = DraftBanner()
        self.duplicate_banner = DuplicateBanner()
        self.scan_notice = QFrame()
        self.scan_notice.setObjectName("scanNotice")
        self.scan_notice.setStyleSheet(NOTICE_STYLE)
        self.scan_notice_text = QLabel()
        self.scan_notice_text.setWordWrap(True)
        self.use_badge_button = QPushButton()
        self.use_badge_button.setObjectName("useBadgeValuesButton")
        self.use_badge_button.setAutoDefault(False)
        notice_row = QHBoxLayout(self.scan_notice)
        notice_row.setContentsMargins(10, 4, 10, 4)
        notice_row.addWidget(self.scan_notice_text, 1)
        notice_row.addWidget(self.use_badge_button)
        self.scan_notice.setVisible(False)

        self.person = PersonSection(self._LanguageView(self))
        self._language = language
        self.business = BusinessSection()
        self.consent = ConsentBox(language)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveLeadButton")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.setMinimumHeight(34)
        self.save_button.setStyleSheet(
            "QPushButton { background: #1565c0; color: white; font-weight: bold;"
            " border-radius: 5px; padding: 6px 18px; }"
            " QPushButton:disabled { background: #90a4ae; }"
        )
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearFormButton")
        self.clear_button.setAutoDefault(False)
        self.keys_hint = QLabel()
        self.keys_hint.setObjectName("captureKeysHint")
        self.keys_hint.setStyleSheet("color: #5f6b7a;")

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(18)
        header.addWidget(self.scan_label)
        header.addWidget(self.scan_field, 1)
        header.addSpacing(18)
        header.addWidget(self.staff_label)
        header.addWidget(self.switch_button)

        self.body = QWidget()
        self.body.setObjectName("captureBody")
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.person)
        left.addWidget(self.consent)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.business)
        right.addStretch(1)
        body_layout = QHBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(12)
        body_layout.addLayout(left, 5)
        body_layout.addLayout(right, 6)
        scroll = QScrollArea()
        scroll.setObjectName("captureScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)

        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.keys_hint)
        footer.addWidget(self.clear_button)
        footer.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.draft_banner)
        layout.addWidget(self.duplicate_banner)
        layout.addWidget(self.scan_notice)
        layout.addWidget(scroll, 1)
        layout.addLayout(footer)
        self._set_tab_order()

    class _LanguageView:
        """Lets the person section read the current language (``.language``) from the form."""

        def __init__(self, form: CaptureLayout) -> None:
            self._form = form

        @property
        def language(self) -> str:
            return self._form._language

    def _set_tab_order(self) -> None:
        editors = self.person.editors
        interests = self.business.interests
        chain: list[QWidget] = [
            self.scan_field,
            *(editors[name] for name in editors),
            self.business.industry,
            self.business.fleet_size,
            interests.picker,
            interests.quantity,
            interests.add_button,
            interests.table,
            self.business.timeframe,
            self.business.financing,
            self.business.energy,
            *self.business.rating_buttons.values(),
            self.business.notes,
            self.consent.check,
            self.consent.agree_button,
            self.clear_button,
            self.save_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- field errors and the status line ------------------------------------------------
    def field_boxes(self) -> dict[str, FieldBox]:
        boxes = dict(self.person.boxes)
        boxes.update(self.business.boxes)
        boxes["consent_given"] = self.consent.box
        return boxes

    def clear_errors(self) -> None:
        for box in self.field_boxes().values():
            box.set_error("")

    def show_field_errors(self, by_field: dict[str, str]) -> QWidget | None:
        """Show each message at its field; returns the first field's editor (page order)."""
        boxes = self.field_boxes()
        first: QWidget | None = None
        for name, box in boxes.items():
            wanted = by_field.get(name)
            if name == "interests":
                wanted = next((t for f, t in by_field.items() if f.startswith("interests")), None)
            if wanted:
                box.set_error(wanted)
                first = first or box.editor
        return first

    def set_status(self, text: str, *, error: bool = False, saved: bool = False) -> None:
        kind = "error" if error else "saved" if saved else "plain"
        self.status.setStyleSheet(STATUS_STYLES[kind])
        self.status.setText(text)

    def retranslate_layout(self, lang: str) -> None:
        self._language = lang
        self.title.setText(self.tr("New lead"))
        self.scan_label.setText(self.tr("&Badge:"))
        self.scan_field.setPlaceholderText(
            self.tr("Scan a badge anywhere on this screen, or type a badge code and press Enter")
        )
        self.save_button.setText(self.tr("Save and next"))
        self.save_button.setToolTip(self.tr("Save this lead and start the next one (Ctrl+S)"))
        self.clear_button.setText(self.tr("Empt&y form"))
        self.keys_hint.setText(self.tr("Ctrl+S saves · Ctrl+Enter: visitor agrees, save"))
        self.use_badge_button.setText(self.tr("Use the badge's values"))
        self.person.retranslate()
        self.business.retranslate(lang)
        self.consent.retranslate(lang)
        self.draft_banner.retranslate()
        self.duplicate_banner.retranslate()
