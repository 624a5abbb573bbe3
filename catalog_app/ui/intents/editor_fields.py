"""The inputs of the intent editor (everything but the vehicle lines), each with its message line.

The inputs live in group boxes that the editor lays out; this object (owned by the editor) holds
them and knows how to fill and read them. The editor calls ``set_ui_language`` when the UI
language changes.

``read(base)`` makes an ``IntentInput`` from what is typed; ``write(data)`` fills the inputs;
``show_problems`` puts each message under its field (names as ``validate_intent`` gives them).
Labels are tr() strings; the choices of closed vocabularies (payment, transport, language) come
from ``domain/intent_terms`` — the same words the PDF prints.

Signals:
    changed(): something was typed or chosen.
    exhibitor_changed(): another seller was chosen (the editor refreshes the letterhead).
    language_changed(str, str): the print language changed (old, new).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from catalog_app.domain import intent_terms as T
from catalog_app.services.intent_checks import MAX_DELIVERY_DAYS, MAX_VALIDITY_DAYS
from catalog_app.services.intent_data import IntentInput
from catalog_app.services.intent_query import ExhibitorChoice
from catalog_app.services.intent_rows import clause_for
from catalog_app.ui.capture.field_box import FieldBox
from catalog_app.ui.intents.editor_io import fill_fields, read_fields

TEXT_HEIGHT = 62


def _text_edit(name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setFixedHeight(TEXT_HEIGHT)
    edit.setTabChangesFocus(True)
    return edit


def _line(name: str, limit: int = 200) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(limit)
    return edit


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    return combo


class EditorFields(QObject):
    changed = Signal()
    exhibitor_changed = Signal()
    language_changed = Signal(str, str)

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui_language = language
        self.print_language = T.IntentLanguage.ZH_EN.value
        self._exhibitors: list[ExhibitorChoice] = []
        self.boxes: dict[str, FieldBox] = {}
        self.labels: dict[str, QLabel] = {}

        self.exhibitor = _combo("intentSeller")
        self.language = _combo("intentLanguage")
        self.issued_on = QDateEdit()
        self.issued_on.setObjectName("intentDate")
        self.issued_on.setCalendarPopup(True)
        self.issued_on.setDisplayFormat("yyyy-MM-dd")
        self.place = _line("intentPlace")
        self.lead = QLabel()
        self.lead.setObjectName("intentLead")
        self.buyer_company = _line("buyerCompany")
        self.buyer_credit_code = _line("buyerCreditCode", 24)
        self.buyer_address = _line("buyerAddress", 300)
        self.buyer_representative = _line("buyerRepresentative", 100)
        self.buyer_phone = _line("buyerPhone", 40)
        self.price_includes = _text_edit("priceIncludes")
        self.price_excludes = _text_edit("priceExcludes")
        self.delivery_mode = _combo("deliveryMode")
        self.delivery_date = QDateEdit()
        self.delivery_date.setObjectName("deliveryDate")
        self.delivery_date.setCalendarPopup(True)
        self.delivery_date.setDisplayFormat("yyyy-MM-dd")
        self.delivery_days = QSpinBox()
        self.delivery_days.setObjectName("deliveryDays")
        self.delivery_days.setRange(0, MAX_DELIVERY_DAYS)
        self.delivery_place = _line("deliveryPlace")
        self.transport = _combo("deliveryTransport")
        self.delivery_note = _line("deliveryNote", 2000)
        self.payment_method = _combo("paymentMethod")
        self.deposit = QSpinBox()
        self.deposit.setObjectName("paymentDeposit")
        self.deposit.setRange(-1, 100)
        self.deposit.setSuffix(" %")
        self.months = QSpinBox()
        self.months.setObjectName("paymentMonths")
        self.months.setRange(0, 120)
        self.partner = _line("paymentPartner")
        self.payment_note = _line("paymentNote", 2000)
        self.charging_support = _text_edit("chargingSupport")
        self.after_sales = _text_edit("afterSales")
        self.validity = QSpinBox()
        self.validity.setObjectName("validityDays")
        self.validity.setRange(0, MAX_VALIDITY_DAYS)
        self.clause = QLabel()
        self.clause.setObjectName("nonBindingClause")
        self.clause.setWordWrap(True)
        self.clause.setTextFormat(Qt.TextFormat.PlainText)

        self.form_group = self._group(
            "intentFormGroup",
            [
                ("exhibitor_id", self.exhibitor),
                ("language", self.language),
                ("issued_on", self.issued_on),
                ("place", self.place),
                ("lead", self.lead),
            ],
        )
        self.buyer_group = self._group(
            "intentBuyerGroup",
            [
                ("buyer_company", self.buyer_company),
                ("buyer_credit_code", self.buyer_credit_code),
                ("buyer_address", self.buyer_address),
                ("buyer_representative", self.buyer_representative),
                ("buyer_phone", self.buyer_phone),
            ],
        )
        self.price_group = self._group(
            "intentPriceGroup",
            [("price_includes", self.price_includes), ("price_excludes", self.price_excludes)],
        )
        self.delivery_group = self._group(
            "intentDeliveryGroup",
            [
                ("delivery.mode", self.delivery_mode),
                ("delivery.date", self.delivery_date),
                ("delivery.days", self.delivery_days),
                ("delivery.place", self.delivery_place),
                ("delivery.transport", self.transport),
                ("delivery.note", self.delivery_note),
            ],
        )
        self.payment_group = self._group(
            "intentPaymentGroup",
            [
                ("payment.method", self.payment_method),
                ("payment.deposit_percent", self.deposit),
                ("payment.instalment_months", self.months),
                ("payment.partner", self.partner),
                ("payment.note", self.payment_note),
            ],
        )
        self.support_group = self._group(
            "intentSupportGroup",
            [("charging_support", self.charging_support), ("after_sales", self.after_sales)],
        )
        self.terms_group = self._group(
            "intentTermsGroup", [("validity_days", self.validity), ("clause", self.clause)]
        )
        self._connect()
        self.retranslate()

    def _group(self, name: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        group = QGroupBox()
        group.setObjectName(name)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for field, editor in rows:
            box = FieldBox(editor, field.replace(".", "_"))
            self.boxes[field] = box
            label = QLabel()
            label.setObjectName(f"{field}Label")
            label.setBuddy(editor)
            self.labels[field] = label
            form.addRow(label, box)
        return group

    def _connect(self) -> None:
        for edit in (
            self.place,
            self.buyer_company,
            self.buyer_credit_code,
            self.buyer_address,
            self.buyer_representative,
            self.buyer_phone,
            self.delivery_place,
            self.delivery_note,
            self.partner,
            self.payment_note,
        ):
            edit.textEdited.connect(lambda _t: self.changed.emit())
        for text in (
            self.price_includes,
            self.price_excludes,
            self.charging_support,
            self.after_sales,
        ):
            text.textChanged.connect(self.changed)
        for spin in (self.delivery_days, self.deposit, self.months, self.validity):
            spin.valueChanged.connect(lambda _v: self.changed.emit())
        for dates in (self.issued_on, self.delivery_date):
            dates.dateChanged.connect(lambda _d: self.changed.emit())
        for combo in (self.delivery_mode, self.transport, self.payment_method):
            combo.currentIndexChanged.connect(lambda _i: self._combos_changed())
        self.exhibitor.currentIndexChanged.connect(lambda _i: self._exhibitor_chosen())
        self.language.currentIndexChanged.connect(lambda _i: self._language_chosen())

    # -- reacting ------------------------------------------------------------------------
    def _combos_changed(self) -> None:
        by_date = self.delivery_mode.currentData() == T.DeliveryMode.DATE.value
        self.boxes["delivery.date"].setVisible(by_date)
        self.boxes["delivery.days"].setVisible(not by_date)
        self._row_label("delivery.date").setVisible(by_date)
        self._row_label("delivery.days").setVisible(not by_date)
        self.changed.emit()

    def _row_label(self, field: str) -> QLabel:
        return self.labels[field]

    def _exhibitor_chosen(self) -> None:
        self.exhibitor_changed.emit()
        self.changed.emit()

    def _language_chosen(self) -> None:
        new = str(self.language.currentData() or T.IntentLanguage.ZH_EN.value)
        old, self.print_language = self.print_language, new
        self.clause.setText(clause_for(new))
        if old != new:
            self.language_changed.emit(old, new)
            self.changed.emit()

    def set_ui_language(self, language: str) -> None:
        self.ui_language = language
        self.retranslate()

    def retranslate(self) -> None:
        titles = {
            self.form_group: self.tr("This form"),
            self.buyer_group: self.tr("Buyer (as on the business licence)"),
            self.price_group: self.tr("Price"),
            self.delivery_group: self.tr("Delivery"),
            self.payment_group: self.tr("Payment and financing"),
            self.support_group: self.tr("Charging, swap and after-sales"),
            self.terms_group: self.tr("Validity and terms"),
        }
        for group, title in titles.items():
            group.setTitle(title)
        labels = {
            "exhibitor_id": self.tr("Seller"),
            "language": self.tr("Print language"),
            "issued_on": self.tr("Date"),
            "place": self.tr("Place"),
            "lead": self.tr("From lead"),
            "buyer_company": self.tr("Company"),
            "buyer_credit_code": self.tr("Unified social credit code"),
            "buyer_address": self.tr("Address"),
            "buyer_representative": self.tr("Legal or authorised representative"),
            "buyer_phone": self.tr("Phone"),
            "price_includes": self.tr("The price includes"),
            "price_excludes": self.tr("The price does not include"),
            "delivery.mode": self.tr("Delivery"),
            "delivery.date": self.tr("Expected date"),
            "delivery.days": self.tr("Days after the contract"),
            "delivery.place": self.tr("Place of delivery"),
            "delivery.transport": self.tr("Transport cost"),
            "delivery.note": self.tr("Note"),
            "payment.method": self.tr("Payment"),
            "payment.deposit_percent": self.tr("Deposit"),
            "payment.instalment_months": self.tr("Term (months)"),
            "payment.partner": self.tr("Bank, lessor or swap operator"),
            "payment.note": self.tr("Note"),
            "charging_support": self.tr("Charging / swap support"),
            "after_sales": self.tr("After-sales and warranty"),
            "validity_days": self.tr("Confirm within"),
            "clause": self.tr("Non-binding clause"),
        }
        for field, text in labels.items():
            self._row_label(field).setText(text)
        self.buyer_credit_code.setPlaceholderText(self.tr("18 characters, e.g. 91520900MA6HQ1L28D"))
        self.validity.setSuffix(self.tr(" working days"))
        self.deposit.setSpecialValueText(self.tr("none"))
        self.months.setSpecialValueText(self.tr("none"))
        self._fill_choices()

    def _fill_choices(self) -> None:
        lang = self.ui_language
        for combo, labels in (
            (self.language, T.LANGUAGE_LABELS),
            (self.delivery_mode, T.DELIVERY_MODE_LABELS),
            (self.transport, T.TRANSPORT_LABELS),
            (self.payment_method, T.PAYMENT_LABELS),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for value, text in labels.items():
                combo.addItem(text.render(lang), str(value))
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self.set_exhibitors(self._exhibitors)

    def set_exhibitors(self, exhibitors: list[ExhibitorChoice]) -> None:
        self._exhibitors = exhibitors
        current = self.exhibitor.currentData()
        self.exhibitor.blockSignals(True)
        self.exhibitor.clear()
        for choice in exhibitors:
            self.exhibitor.addItem(
                f"{choice.name(self.ui_language)} ({choice.code})", str(choice.id)
            )
        self.exhibitor.setCurrentIndex(max(self.exhibitor.findData(current), 0))
        self.exhibitor.blockSignals(False)

    # -- data in and out -----------------------------------------------------------------
    def write(self, data: IntentInput, lead_text: str = "") -> None:
        """Fill every input from ``data`` (no ``changed`` signals)."""
        fill_fields(self, data, lead_text)
        self.blockSignals(True)
        self._combos_changed()
        self.blockSignals(False)

    def read(self, base: IntentInput) -> IntentInput:
        """``base`` (ids, seller, lines) with everything typed here."""
        return read_fields(self, base)

    def chosen_exhibitor(self) -> uuid.UUID | None:
        value = self.exhibitor.currentData()
        try:
            return uuid.UUID(str(value)) if value else None
        except ValueError:
            return None

    def show_problems(self, problems: dict[str, str]) -> None:
        for field, box in self.boxes.items():
            box.set_error(problems.get(field, ""))

    def first_problem_box(self, problems: dict[str, str]) -> FieldBox | None:
        return next((box for field, box in self.boxes.items() if field in problems), None)

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            editor = box.editor
            if isinstance(editor, QLineEdit | QPlainTextEdit):
                editor.setReadOnly(read_only)
            elif not isinstance(editor, QLabel):
                editor.setEnabled(not read_only)
