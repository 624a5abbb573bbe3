"""Between the editor's inputs and an ``IntentInput``: fill them from a form, read them back, and
follow a change of the print language."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate

from catalog_app.domain.enums import Financing
from catalog_app.domain.text import UserFacingError
from catalog_app.services.intent_data import DeliveryTerms, IntentInput, PaymentTerms
from catalog_app.services.intent_prefill import IntentPrefill, default_texts
from catalog_app.services.intent_rows import clause_for
from catalog_app.store.database import Database

if TYPE_CHECKING:
    from catalog_app.ui.intents.editor_fields import EditorFields
    from catalog_app.ui.intents.vehicles_section import VehiclesSection


def fill_fields(fields: EditorFields, data: IntentInput, lead_text: str = "") -> None:
    """Fill every input from ``data`` (no ``changed`` signals)."""
    widgets = [fields, *(box.editor for box in fields.boxes.values())]
    for widget in widgets:
        widget.blockSignals(True)
    try:
        found = fields.exhibitor.findData(str(data.exhibitor_id))
        if found < 0 and data.exhibitor_id is not None:  # a seller no longer in the catalog
            seller = data.seller
            name = seller.name_en if fields.ui_language == "en" else seller.name_zh
            fields.exhibitor.addItem(name or seller.name_zh, str(data.exhibitor_id))
            found = fields.exhibitor.count() - 1
        fields.exhibitor.setCurrentIndex(max(found, 0))
        fields.language.setCurrentIndex(max(fields.language.findData(data.language), 0))
        fields.print_language = data.language
        fields.clause.setText(clause_for(data.language))
        fields.issued_on.setDate(QDate(data.issued_on))
        fields.place.setText(data.place)
        fields.lead.setText(lead_text or "—")
        fields.buyer_company.setText(data.buyer_company)
        fields.buyer_credit_code.setText(data.buyer_credit_code)
        fields.buyer_address.setText(data.buyer_address)
        fields.buyer_representative.setText(data.buyer_representative)
        fields.buyer_phone.setText(data.buyer_phone)
        fields.price_includes.setPlainText(data.price_includes)
        fields.price_excludes.setPlainText(data.price_excludes)
        delivery = data.delivery
        fields.delivery_mode.setCurrentIndex(max(fields.delivery_mode.findData(delivery.mode), 0))
        fields.delivery_date.setDate(QDate(delivery.date or data.issued_on))
        fields.delivery_days.setValue(delivery.days)
        fields.delivery_place.setText(delivery.place)
        fields.transport.setCurrentIndex(max(fields.transport.findData(delivery.transport), 0))
        fields.delivery_note.setText(delivery.note)
        payment = data.payment
        fields.payment_method.setCurrentIndex(
            max(fields.payment_method.findData(payment.method), 0)
        )
        fields.deposit.setValue(-1 if payment.deposit_percent is None else payment.deposit_percent)
        fields.months.setValue(payment.instalment_months or 0)
        fields.partner.setText(payment.partner)
        fields.payment_note.setText(payment.note)
        fields.charging_support.setPlainText(data.charging_support)
        fields.after_sales.setPlainText(data.after_sales)
        fields.validity.setValue(data.validity_days)
    finally:
        for widget in widgets:
            widget.blockSignals(False)


def read_fields(fields: EditorFields, base: IntentInput) -> IntentInput:
    """``base`` (ids, seller, lines) with everything typed here."""
    exhibitor = fields.chosen_exhibitor()
    deposit = fields.deposit.value()
    months = fields.months.value()
    return replace(
        base,
        exhibitor_id=exhibitor or base.exhibitor_id,
        language=str(fields.language.currentData() or base.language),
        issued_on=fields.issued_on.date().toPython() or date.today(),  # type: ignore[arg-type]
        place=fields.place.text(),
        buyer_company=fields.buyer_company.text(),
        buyer_credit_code=fields.buyer_credit_code.text(),
        buyer_address=fields.buyer_address.text(),
        buyer_representative=fields.buyer_representative.text(),
        buyer_phone=fields.buyer_phone.text(),
        price_includes=fields.price_includes.toPlainText(),
        price_excludes=fields.price_excludes.toPlainText(),
        delivery=DeliveryTerms(
            mode=str(fields.delivery_mode.currentData()),
            date=fields.delivery_date.date().toPython(),  # type: ignore[arg-type]
            days=fields.delivery_days.value(),
            place=fields.delivery_place.text(),
            transport=str(fields.transport.currentData()),
            note=fields.delivery_note.text(),
        ),
        payment=PaymentTerms(
            method=str(fields.payment_method.currentData() or Financing.FULL_PAYMENT.value),
            deposit_percent=None if deposit < 0 else deposit,
            instalment_months=months or None,
            partner=fields.partner.text(),
            note=fields.payment_note.text(),
        ),
        charging_support=fields.charging_support.toPlainText(),
        after_sales=fields.after_sales.toPlainText(),
        validity_days=fields.validity.value(),
    )


def follow_print_language(
    database: Database, fields: EditorFields, vehicles: VehiclesSection, old: str, new: str
) -> None:
    """The print language changed: wording still as proposed (default terms, catalog names and
    battery text of the lines) follows it; what the person typed stays as typed."""
    before, after = default_texts(old), default_texts(new)
    for name, edit in (
        ("price_includes", fields.price_includes),
        ("price_excludes", fields.price_excludes),
        ("charging_support", fields.charging_support),
        ("after_sales", fields.after_sales),
    ):
        if edit.toPlainText().strip() == before[name].strip():
            edit.setPlainText(after[name])
    prefill = IntentPrefill(database)
    lines = vehicles.lines()
    for line in lines:
        if line.model_id is None:
            continue
        try:
            was = prefill.line_for_model(line.model_id, old)
            now = prefill.line_for_model(line.model_id, new)
        except UserFacingError:  # the model left the catalog: keep the line as it is
            continue
        if line.model_name == was.model_name:
            line.model_name = now.model_name
        if line.battery_config == was.battery_config:
            line.battery_config = now.battery_config
    vehicles.set_lines(lines, vehicles.model.tco_models)
