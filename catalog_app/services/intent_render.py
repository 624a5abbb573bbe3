"""Turn a saved intent form into its PDF: read what the page needs (the seller's logo from the
media store, the models' English names, whether the fair is sample data, the TCO page), build
the plain ``IntentDocument`` and hand it to ``documents.intent_pdf``.

``render_intent`` returns PDF bytes; ``write_intent_pdf`` writes them to a file atomically (a
half-written PDF never replaces a good one). Neither changes the form's status: printing and
saving as PDF mark it printed through ``IntentService.mark_printed``.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import select

from catalog_app.documents.intent_document import (
    EN,
    ZH,
    Clause,
    DocumentLine,
    IntentDocument,
    LetterheadBlock,
    PartyBlock,
    typed,
)
from catalog_app.documents.intent_labels import BUYER, SELLER
from catalog_app.documents.intent_pdf import format_date, render_intent_pdf
from catalog_app.domain import intent_terms as T
from catalog_app.domain.capital_numerals import capital_amount
from catalog_app.domain.enums import Financing, IntentStatus
from catalog_app.domain.models import Fair, Media, TruckModel
from catalog_app.domain.text import Bilingual
from catalog_app.services.intent_data import IntentInput, IntentRecord
from catalog_app.services.intent_numbering import qr_payload
from catalog_app.services.intent_tco import tco_page
from catalog_app.services.intents import IntentService
from catalog_app.services.media_store import stored_path
from catalog_app.store.database import Database

DRAFT_MARK = Bilingual(zh="草稿", en="DRAFT")
CANCELLED_MARK = Bilingual(zh="已作废", en="CANCELLED")
SAMPLE_NOTICE = Bilingual(
    zh="示例数据：本意向书由演示数据生成，单位、车型与价格均为虚构，不代表真实交易。",
    en="Sample data: made from demonstration data; companies, models and prices are fictional.",
)
CONTACT = Bilingual(zh="联系人", en="Contact")

C_PRICE = Bilingual(zh="价格说明", en="Price")
C_DELIVERY = Bilingual(zh="交付", en="Delivery")
C_PAYMENT = Bilingual(zh="付款与融资", en="Payment and financing")
C_CHARGING = Bilingual(zh="充换电支持", en="Charging and battery-swap support")
C_AFTER_SALES = Bilingual(zh="售后服务与质保", en="After-sales service and warranty")
C_VALIDITY = Bilingual(zh="有效期", en="Validity")
C_GENERAL = Bilingual(zh="其他约定", en="General terms")
INCLUDES = Bilingual(zh="价格包含", en="The price includes")
EXCLUDES = Bilingual(zh="价格不含", en="The price does not include")
DELIVERY_DAYS = Bilingual(
    zh="交付时间：正式合同签订后 {days} 天内",
    en="Delivery: within {days} days of the formal contract",
)
DELIVERY_DATE = Bilingual(zh="预计交付日期：{date}", en="Expected delivery: {date}")
DELIVERY_PLACE = Bilingual(zh="交付地点", en="Place of delivery")
TRANSPORT = Bilingual(zh="运输费用：{value}", en="Transport cost: {value}")
NOTE = Bilingual(zh="备注", en="Note")
PAYMENT = Bilingual(zh="付款方式：{value}", en="Payment: {value}")
DEPOSIT = Bilingual(
    zh="定金：合同总价的 {percent}%", en="Deposit: {percent} % of the contract price"
)
MONTHS = Bilingual(zh="分期期限：{months} 个月", en="Term: {months} months")
PARTNER = Bilingual(zh="合作金融机构或换电运营商", en="Bank, lessor or swap operator")


def _fill(text: Bilingual, **params: object) -> Bilingual:
    return Bilingual(zh=text.zh.format(**params), en=text.en.format(**params))


def _with_value(label: Bilingual, value: str, language: str) -> Bilingual:
    """A label and a typed value on one line, the label in the form's language(s)."""
    if language == EN:
        return typed(f"{label.en}: {value}")
    if language == ZH:
        return typed(f"{label.zh}：{value}")
    return typed(f"{label.zh} {label.en}：{value}")


def _choice(labels: dict, value: str) -> Bilingual:  # type: ignore[type-arg]
    return Bilingual(zh=T.label(labels, value, "zh"), en=T.label(labels, value, "en"))


def _clauses(data: IntentInput, clause_text: str) -> tuple[Clause, ...]:
    language = data.language
    price = []
    if data.price_includes:
        price.append(_with_value(INCLUDES, data.price_includes, language))
    if data.price_excludes:
        price.append(_with_value(EXCLUDES, data.price_excludes, language))
    delivery = data.delivery
    if delivery.mode == T.DeliveryMode.DATE and delivery.date is not None:
        when = Bilingual(zh=format_date(delivery.date, "zh"), en=format_date(delivery.date, "en"))
        delivery_items = [
            Bilingual(
                zh=DELIVERY_DATE.zh.format(date=when.zh), en=DELIVERY_DATE.en.format(date=when.en)
            )
        ]
    else:
        delivery_items = [_fill(DELIVERY_DAYS, days=delivery.days)]
    if delivery.place:
        delivery_items.append(_with_value(DELIVERY_PLACE, delivery.place, language))
    transport = _choice(T.TRANSPORT_LABELS, delivery.transport)
    delivery_items.append(
        Bilingual(
            zh=TRANSPORT.zh.format(value=transport.zh),
            en=TRANSPORT.en.format(value=transport.en.lower()),
        )
    )
    if delivery.note:
        delivery_items.append(_with_value(NOTE, delivery.note, language))
    payment = data.payment
    method = _choice(T.PAYMENT_LABELS, payment.method)
    payment_items = [
        Bilingual(
            zh=PAYMENT.zh.format(value=method.zh), en=PAYMENT.en.format(value=method.en.lower())
        )
    ]
    if payment.deposit_percent is not None:
        payment_items.append(_fill(DEPOSIT, percent=payment.deposit_percent))
    if payment.instalment_months is not None and payment.method != Financing.FULL_PAYMENT:
        payment_items.append(_fill(MONTHS, months=payment.instalment_months))
    if payment.partner:
        payment_items.append(_with_value(PARTNER, payment.partner, language))
    if payment.note:
        payment_items.append(_with_value(NOTE, payment.note, language))
    clauses = []
    if price:
        clauses.append(Clause(C_PRICE, tuple(price)))
    clauses.append(Clause(C_DELIVERY, tuple(delivery_items)))
    clauses.append(Clause(C_PAYMENT, tuple(payment_items)))
    if data.charging_support:
        clauses.append(Clause(C_CHARGING, (typed(data.charging_support),)))
    if data.after_sales:
        clauses.append(Clause(C_AFTER_SALES, (typed(data.after_sales),)))
    clauses.append(Clause(C_VALIDITY, (_fill(T.VALIDITY, days=data.validity_days),)))
    clauses.append(
        Clause(
            C_GENERAL,
            (T.FORMAL_CONTRACT, T.CONFIDENTIALITY, _clause(clause_text), T.TWO_ORIGINALS),
        )
    )
    return tuple(clauses)


def _clause(text: str) -> Bilingual:
    """The non-binding clause as kept with the form ("zh\\nen" for a bilingual form)."""
    zh, _, en = text.partition("\n")
    return Bilingual(zh=zh, en=en or zh)


class IntentRenderer:
    """Builds documents of saved forms; opens its own sessions to read what the page needs."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._intents = IntentService(database)

    def _logo(self, media_id: str) -> Path | None:
        if not media_id or not self._db.is_sqlite:
            return None
        try:
            key = uuid.UUID(media_id)
        except ValueError:
            return None
        with self._db.sessions() as session:
            media = session.get(Media, key)
            if media is None or media.deleted_at is not None:
                return None
            path = stored_path(self._db.media_dir, media.sha256, media.mime_type)
        return path if path.is_file() and media.mime_type != "image/svg+xml" else None

    def document(self, record: IntentRecord) -> IntentDocument:
        data = record.data
        language = data.language
        model_ids = [line.model_id for line in data.lines if line.model_id]
        with self._db.sessions() as session:
            names = {
                row.id: (row.name_zh, row.name_en)
                for row in session.scalars(select(TruckModel).where(TruckModel.id.in_(model_ids)))
            }
            fair = session.get(Fair, data.fair_id) if data.fair_id else None
            is_sample = bool(fair is not None and fair.is_sample)
        lines = []
        for index, line in enumerate(data.lines, start=1):
            zh_name, en_name = names.get(line.model_id, ("", "")) if line.model_id else ("", "")
            secondary = en_name if language == T.IntentLanguage.ZH_EN and en_name else ""
            lines.append(
                DocumentLine(
                    number=index,
                    name=line.model_name,
                    name_secondary="" if secondary == line.model_name else secondary,
                    announcement_no=line.announcement_no,
                    battery=line.battery_config,
                    energy_mode=_choice(T.ENERGY_MODE_LABELS, line.energy_mode),
                    colour=line.colour,
                    quantity=line.quantity,
                    unit_price=line.unit_price_cny,
                    subtotal=line.subtotal,
                )
            )
        seller = data.seller
        seller_name = Bilingual(zh=seller.name_zh, en=seller.name_en or seller.name_zh)
        seller_address = Bilingual(zh=seller.address_zh, en=seller.address_en or seller.address_zh)
        contact_label = CONTACT.en if language == EN else CONTACT.zh
        contact = " · ".join(
            part
            for part in (
                f"{contact_label} {seller.contact_name}" if seller.contact_name else "",
                seller.contact_phone,
                seller.email,
                seller.website,
            )
            if part
        )
        tco = None
        if data.include_tco and data.tco_inputs:
            line_names = {
                str(line.model_id): Bilingual(
                    zh=line.model_name,
                    en=names.get(line.model_id, ("", line.model_name))[1] or line.model_name,
                )
                for line in data.lines
                if line.model_id
            }
            tco = tco_page(data.tco_inputs, line_names)
        if record.status is IntentStatus.SIGNED:
            watermark = None
        elif record.status is IntentStatus.CANCELLED:
            watermark = CANCELLED_MARK
        else:
            watermark = DRAFT_MARK
        return IntentDocument(
            language=language,
            reference=record.reference,
            revision=record.revision,
            issued_on=data.issued_on,
            place=data.place,
            qr_payload=qr_payload(record.reference, record.revision),
            letterhead=LetterheadBlock(
                name=seller_name,
                credit_code=seller.credit_code,
                address=seller_address,
                contact=contact,
                logo=self._logo(seller.logo_media_id),
            ),
            seller=PartyBlock(
                role=SELLER,
                name=seller_name,
                credit_code=seller.credit_code,
                address=seller_address,
                representative=seller.contact_name,
                phone=seller.contact_phone,
            ),
            buyer=PartyBlock(
                role=BUYER,
                name=typed(data.buyer_company),
                credit_code=data.buyer_credit_code,
                address=typed(data.buyer_address),
                representative=data.buyer_representative,
                phone=data.buyer_phone,
            ),
            lines=tuple(lines),
            total_units=data.total_units,
            total_value=data.total_value,
            total_in_words=capital_amount(data.total_value),
            clauses=_clauses(data, record.non_binding_clause),
            watermark=watermark,
            sample_notice=SAMPLE_NOTICE if is_sample else None,
            tco=tco,
        )

    def render(self, intent_id: uuid.UUID) -> bytes:
        return render_intent_pdf(self.document(self._intents.get(intent_id)))

    def render_record(self, record: IntentRecord) -> bytes:
        return render_intent_pdf(self.document(record))


def write_pdf(data: bytes, target: Path) -> Path:
    """Write PDF bytes to ``target`` atomically (temporary file, fsync, rename)."""
    target = Path(target).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".intent-", suffix=".pdf", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def render_intent(database: Database, intent_id: uuid.UUID) -> bytes:
    return IntentRenderer(database).render(intent_id)


def write_intent_pdf(database: Database, intent_id: uuid.UUID, target: Path) -> Path:
    return write_pdf(render_intent(database, intent_id), target)
