""" "I am interested": the visitor ticks models, types a phone number on the keypad (name and
company optional), ticks consent to the wording shown, and sends.

The lead is saved through ``LeadService.save`` with source "kiosk" (the same checks as at the
desk: a valid mobile number, consent). Problems are shown big, at the field and in a banner;
what was typed stays. After saving, a thank-you message; the form is then cleared.

Signals:
    back(): return to the catalog.
    saved(object): the new lead's id.
"""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from catalog_app.domain.enums import LeadSource
from catalog_app.domain.text import UserFacingError
from catalog_app.services.catalog import ModelSummary
from catalog_app.services.consent import current_consent
from catalog_app.services.lead_input import InterestInput, LeadInput, validate_lead
from catalog_app.services.leads import LeadService, LeadValidationError
from catalog_app.services.tco_inputs import TcoInputs, tco_inputs_to_json
from catalog_app.ui.app_state import AppState
from catalog_app.ui.kiosk.keypad import NumericKeypad

log = logging.getLogger(__name__)
MAX_MODELS = 48


class WideCheckBox(QCheckBox):
    """A check box that a finger can tick anywhere on its row, not only on the box and text."""

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt's name
        return self.rect().contains(pos)


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("kioskFieldProblem")
    label.setWordWrap(True)
    label.hide()
    return label


class InterestScreen(QWidget):
    """See the module docstring."""

    back = Signal()
    saved = Signal(object)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.model_boxes: dict[uuid.UUID, QCheckBox] = {}
        # The figures of the visitor's cost comparison, kept with the lead when they came here
        # from it (the salesperson sees what the buyer worked out).
        self.tco_inputs: TcoInputs | None = None
        self.title = QLabel()
        self.title.setObjectName("kioskTitle")
        self.back_button = QPushButton()
        self.back_button.setObjectName("interestBack")
        self.back_button.clicked.connect(self.back.emit)
        self.banner = QLabel()
        self.banner.setObjectName("kioskProblem")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.models_caption = QLabel()
        self.models_host = QWidget()
        self.models_layout = QVBoxLayout(self.models_host)
        self.models_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        models_scroll = QScrollArea()
        models_scroll.setWidgetResizable(True)
        models_scroll.setWidget(self.models_host)
        self.models_problem = _problem_label()
        self.phone_caption = QLabel()
        self.phone = QLineEdit()
        self.phone.setObjectName("kioskPhone")
        self.phone.setReadOnly(True)  # typed on the keypad: a kiosk has no keyboard
        self.phone.setStyleSheet("font-size: 26pt;")
        self.keypad = NumericKeypad(self.phone, plus=True, max_length=16)
        self.phone_problem = _problem_label()
        self.name_caption = QLabel()
        self.name = QLineEdit()
        self.name.setObjectName("kioskName")
        self.company_caption = QLabel()
        self.company = QLineEdit()
        self.company.setObjectName("kioskCompany")
        self.consent = WideCheckBox()
        self.consent.setObjectName("kioskConsent")
        self.consent_text = QLabel()
        self.consent_text.setObjectName("kioskConsentText")
        self.consent_text.setWordWrap(True)
        self.consent_text.setStyleSheet("font-size: 13pt; color: #34495e;")
        self.consent_problem = _problem_label()
        self.send = QPushButton()
        self.send.setObjectName("kioskSend")
        self.send.setProperty("role", "primary")
        self.send.setMinimumHeight(80)
        self.send.clicked.connect(self.submit)
        self.thanks = QLabel()
        self.thanks.setObjectName("kioskThanks")
        self.thanks.setWordWrap(True)
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.setStyleSheet("font-size: 26pt; color: #2e7d32; font-weight: bold;")
        self.thanks.hide()

        models_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left = QVBoxLayout()
        left.addWidget(self.models_caption)
        left.addWidget(models_scroll, 1)
        left.addWidget(self.models_problem)
        middle = QVBoxLayout()
        middle.addWidget(self.phone_caption)
        middle.addWidget(self.phone)
        middle.addWidget(self.phone_problem)
        middle.addWidget(self.keypad)
        middle.addStretch(1)
        right = QGridLayout()
        right.setVerticalSpacing(6)
        right.addWidget(self.name_caption, 0, 0)
        right.addWidget(self.company_caption, 0, 1)
        right.addWidget(self.name, 1, 0)
        right.addWidget(self.company, 1, 1)
        right.addWidget(self.consent, 2, 0, 1, 2)
        right.addWidget(self.consent_text, 3, 0, 1, 2)
        right.addWidget(self.consent_problem, 4, 0, 1, 2)
        right.setRowStretch(5, 1)
        right.addWidget(self.send, 6, 0, 1, 2)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addLayout(left, 4)
        body.addLayout(middle, 3)
        body.addLayout(right, 4)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.thanks)
        layout.addLayout(body, 1)
        self.retranslate()

    # -- models --------------------------------------------------------------------------------
    def set_models(self, models: list[ModelSummary], ticked: list[uuid.UUID]) -> None:
        """Offer ``models``; tick ``ticked`` (kept ticks stay ticked)."""
        kept = {i for i, box in self.model_boxes.items() if box.isChecked()}
        for box in self.model_boxes.values():
            box.deleteLater()
        self.model_boxes = {}
        lang = self._state.language
        for model in models[:MAX_MODELS]:
            box = WideCheckBox(model.name(lang))
            box.setObjectName("interestModel")
            box.setChecked(model.id in kept or model.id in ticked)
            self.models_layout.addWidget(box)
            self.model_boxes[model.id] = box

    def ticked_models(self) -> list[uuid.UUID]:
        return [i for i, box in self.model_boxes.items() if box.isChecked()]

    # -- typed data ----------------------------------------------------------------------------
    def has_typed(self) -> bool:
        return bool(self.phone.text() or self.name.text() or self.company.text())

    def clear(self) -> None:
        """Forget everything the visitor typed or ticked (after saving, or the idle wipe)."""
        self.phone.clear()
        self.name.clear()
        self.company.clear()
        self.consent.setChecked(False)
        self.tco_inputs = None
        for box in self.model_boxes.values():
            box.setChecked(False)
        self.show_problems({}, "")
        self.thanks.hide()

    def show_problems(self, by_field: dict[str, str], banner: str) -> None:
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        for label, names in (
            (self.phone_problem, ("mobile",)),
            (self.consent_problem, ("consent_given",)),
            (self.models_problem, ("interests",)),
        ):
            text = "\n".join(v for k, v in by_field.items() if k.split("[")[0] in names)
            label.setText(text)
            label.setVisible(bool(text))

    def lead_input(self) -> LeadInput:
        wording = current_consent(self._state.language)
        return LeadInput(
            person_name=self.name.text(),
            company=self.company.text(),
            mobile=self.phone.text(),
            consent_given=self.consent.isChecked(),
            consent_text=wording.text,
            consent_version=wording.version,
            consent_purposes=list(wording.purposes),
            interests=[InterestInput(model_id) for model_id in self.ticked_models()],
            tco_inputs=tco_inputs_to_json(self.tco_inputs) if self.tco_inputs else None,
        )

    def submit(self) -> None:
        lang = self._state.language
        data = self.lead_input()
        problems: dict[str, str] = {}
        for problem in validate_lead(data, LeadSource.KIOSK):
            problems.setdefault(problem.field, problem.text(lang))
        if not data.interests:
            problems["interests"] = QCoreApplication.translate(
                "KioskInterest", "Tick at least one truck you are interested in."
            )
        if problems:
            self._refuse(problems)
            return
        try:
            fair = self._state.catalog.current_fair()
            lead_id = LeadService(self._state.database).save(
                data, source=LeadSource.KIOSK, fair_id=fair.id if fair else None
            )
        except LeadValidationError as exc:
            self._refuse(exc.by_field(lang))
            return
        except (UserFacingError, SQLAlchemyError, OSError) as exc:
            log.exception("kiosk lead not saved")
            reason = exc.text(lang) if isinstance(exc, UserFacingError) else str(exc)
            text = QCoreApplication.translate(
                "KioskInterest", "Sorry, this could not be saved: %1\nPlease ask our staff."
            )
            self.show_problems({}, text.replace("%1", reason))
            return
        self.clear()
        self.thanks.show()
        self.saved.emit(lead_id)

    def _refuse(self, problems: dict[str, str]) -> None:
        if "consent_given" in problems:  # the service's wording speaks to staff
            problems["consent_given"] = QCoreApplication.translate(
                "KioskInterest", "Please tick “I agree” to send your number."
            )
        banner = QCoreApplication.translate("KioskInterest", "Please check the marked fields.")
        self.show_problems(problems, banner)

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(
            QCoreApplication.translate("KioskInterest", "Leave your number — we will call you")
        )
        self.back_button.setText(QCoreApplication.translate("KioskInterest", "← Back"))
        self.models_caption.setText(
            QCoreApplication.translate("KioskInterest", "1. Trucks you are interested in")
        )
        self.phone_caption.setText(
            QCoreApplication.translate("KioskInterest", "2. Your mobile number")
        )
        self.name_caption.setText(
            QCoreApplication.translate("KioskInterest", "Your name (optional)")
        )
        self.company_caption.setText(
            QCoreApplication.translate("KioskInterest", "Company (optional)")
        )
        self.consent.setText(QCoreApplication.translate("KioskInterest", "3. I agree:"))
        self.consent_text.setText(current_consent(self._state.language).text)
        self.send.setText(QCoreApplication.translate("KioskInterest", "Send"))
        self.thanks.setText(
            QCoreApplication.translate(
                "KioskInterest", "Thank you! Our team will contact you soon."
            )
        )
