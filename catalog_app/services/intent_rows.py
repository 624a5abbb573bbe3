"""Between intent rows (``IntentForm``, ``IntentLine``, ``IntentStatusChange``) and plain data.

Used inside the intents service's sessions only; the screens and the PDF see ``IntentRecord``.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog_app.domain.credit_code import normalise_credit_code
from catalog_app.domain.intent_terms import NON_BINDING_CLAUSE, IntentLanguage
from catalog_app.domain.models import IntentForm, IntentLine
from catalog_app.services.intent_data import (
    DeliveryTerms,
    IntentInput,
    IntentRecord,
    LineInput,
    PaymentTerms,
    SellerInfo,
    StatusChangeRecord,
    money,
)


def clause_for(language: str) -> str:
    """The non-binding clause as printed in ``language`` (kept with the form)."""
    if language == IntentLanguage.ZH:
        return NON_BINDING_CLAUSE.zh
    if language == IntentLanguage.EN:
        return NON_BINDING_CLAUSE.en
    return f"{NON_BINDING_CLAUSE.zh}\n{NON_BINDING_CLAUSE.en}"


def apply_input(form: IntentForm, data: IntentInput) -> None:
    """Copy the form-level fields of ``data`` onto ``form`` (lines are written separately)."""
    form.exhibitor_id = data.exhibitor_id
    form.lead_id = data.lead_id
    form.fair_id = data.fair_id
    form.issued_on = data.issued_on
    form.place = data.place.strip()
    form.language = data.language
    form.seller = data.seller.to_json()
    form.buyer_company = data.buyer_company.strip()
    form.buyer_credit_code = normalise_credit_code(data.buyer_credit_code)
    form.buyer_address = data.buyer_address.strip()
    form.buyer_representative = data.buyer_representative.strip()
    form.buyer_phone = data.buyer_phone.strip()
    form.price_includes = data.price_includes.strip()
    form.price_excludes = data.price_excludes.strip()
    form.delivery_terms = data.delivery.to_json()
    form.payment_terms = data.payment.to_json()
    form.charging_support = data.charging_support.strip()
    form.after_sales = data.after_sales.strip()
    form.validity_days = data.validity_days
    form.non_binding_clause = clause_for(data.language)
    form.include_tco = data.include_tco
    form.tco_inputs = data.tco_inputs
    form.total_cny = float(data.total_value)


def _fill_line(row: IntentLine, number: int, line: LineInput) -> None:
    row.line_no = number
    row.model_id = line.model_id
    row.model_name = line.model_name.strip()
    row.announcement_no = line.announcement_no.strip()
    row.battery_config = line.battery_config.strip()
    row.energy_mode = line.energy_mode
    row.colour = line.colour.strip()
    row.quantity = line.quantity
    row.unit_price_cny = float(money(line.unit_price_cny))


def write_lines(session: Session, form: IntentForm, lines: list[LineInput]) -> None:
    """Make the form's live lines equal ``lines``: rows updated in place by position, extra rows
    become tombstones (merged rows are never deleted)."""
    current = session.scalars(
        select(IntentLine)
        .where(IntentLine.intent_id == form.id, IntentLine.deleted_at.is_(None))
        .order_by(IntentLine.line_no)
    ).all()
    for index, line in enumerate(lines):
        if index < len(current):
            row = current[index]
        else:
            row = IntentLine(intent_id=form.id)
            session.add(row)
        _fill_line(row, index + 1, line)
    for row in current[len(lines) :]:
        row.mark_deleted()


def live_lines(session: Session, intent_id: uuid.UUID) -> list[IntentLine]:
    return list(
        session.scalars(
            select(IntentLine)
            .where(IntentLine.intent_id == intent_id, IntentLine.deleted_at.is_(None))
            .order_by(IntentLine.line_no)
        )
    )


def input_of(form: IntentForm, lines: list[IntentLine]) -> IntentInput:
    return IntentInput(
        exhibitor_id=form.exhibitor_id,
        lead_id=form.lead_id,
        fair_id=form.fair_id,
        issued_on=form.issued_on or form.created_at.date(),
        place=form.place,
        language=form.language or IntentLanguage.ZH_EN.value,
        seller=SellerInfo.from_json(form.seller),
        buyer_company=form.buyer_company,
        buyer_credit_code=form.buyer_credit_code,
        buyer_address=form.buyer_address,
        buyer_representative=form.buyer_representative,
        buyer_phone=form.buyer_phone,
        lines=[
            LineInput(
                model_id=line.model_id,
                model_name=line.model_name,
                announcement_no=line.announcement_no,
                battery_config=line.battery_config,
                energy_mode=line.energy_mode,
                colour=line.colour,
                quantity=line.quantity,
                unit_price_cny=money(Decimal(repr(line.unit_price_cny))),
            )
            for line in lines
        ],
        price_includes=form.price_includes,
        price_excludes=form.price_excludes,
        delivery=DeliveryTerms.from_json(form.delivery_terms),
        payment=PaymentTerms.from_json(form.payment_terms),
        charging_support=form.charging_support,
        after_sales=form.after_sales,
        validity_days=form.validity_days,
        include_tco=form.include_tco,
        tco_inputs=form.tco_inputs,
    )


def successor_of(session: Session, intent_id: uuid.UUID) -> uuid.UUID | None:
    return session.scalars(
        select(IntentForm.id).where(
            IntentForm.previous_revision_id == intent_id, IntentForm.deleted_at.is_(None)
        )
    ).first()


def record_of(session: Session, form: IntentForm) -> IntentRecord:
    history = sorted(
        (c for c in form.status_changes if c.deleted_at is None), key=lambda c: c.changed_at
    )
    return IntentRecord(
        id=form.id,
        reference=form.reference,
        revision=form.revision,
        previous_revision_id=form.previous_revision_id,
        status=form.status,
        data=input_of(form, live_lines(session, form.id)),
        non_binding_clause=form.non_binding_clause or clause_for(form.language),
        staff_id=form.staff_id,
        created_at=form.created_at,
        updated_at=form.updated_at,
        printed_at=form.printed_at,
        signed_at=form.signed_at,
        cancelled_at=form.cancelled_at,
        superseded_by_id=successor_of(session, form.id),
        history=tuple(
            StatusChangeRecord(c.from_status, c.to_status, c.changed_at, c.staff_id, c.note)
            for c in history
        ),
    )
