"""Start a purchase-intent form: blank for an exhibitor, or from a lead (buyer and models filled
in from the lead and its interests), with the usual wording of the terms in the form's language.

Nothing is saved here: the editor shows the result and the person saves it.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from catalog_app.domain.enums import ExhibitorKind, Financing
from catalog_app.domain.intent_terms import IntentLanguage, energy_mode_for_powertrain
from catalog_app.domain.models import Exhibitor, Fair, Lead, SpecValue, TruckModel
from catalog_app.domain.spec_fields import FIELDS_BY_KEY
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.intent_data import (
    DeliveryTerms,
    IntentInput,
    LineInput,
    PaymentTerms,
    SellerInfo,
    money,
)
from catalog_app.store.database import Database

DEFAULT_DELIVERY_DAYS = 60
_CJK = re.compile(r"[\u3400-\u9fff]")

UNKNOWN_LEAD = Bilingual(zh="找不到这条线索。", en="That lead was not found.")
RENTED_BATTERY = Bilingual(zh="（电池租赁，不含在价格内）", en="(battery rented, not in price)")
UNKNOWN_MODEL = Bilingual(zh="找不到这个车型。", en="That model was not found.")

DEFAULT_TEXTS: dict[str, Bilingual] = {
    "price_includes": Bilingual(
        zh="车辆及标准配置、随车工具与资料、交付前检查（PDI）。",
        en="The vehicle in its standard configuration, on-board tools and documents, "
        "pre-delivery inspection.",
    ),
    "price_excludes": Bilingual(
        zh="车辆购置税（新能源货车按现行政策免征）、上牌费、交强险及商业保险、换电车型的电池租赁费。",
        en="Purchase tax (new-energy trucks are exempt under current policy), registration "
        "plates, compulsory and commercial insurance, battery rent of swap models.",
    ),
    "charging_support": Bilingual(
        zh="卖方协助买方规划充电或换电方案，可对接本展会的换电运营商与充电网络。",
        en="The seller helps the buyer plan charging or battery swap and can introduce the "
        "fair's swap operators and charging networks.",
    ),
    "after_sales": Bilingual(
        zh="整车及“三电”系统按卖方公布的质保政策执行；卖方提供服务站网络及 24 小时救援。",
        en="Vehicle and battery/motor/control (three-electric) warranties follow the seller's "
        "published policy; service stations and 24-hour roadside assistance.",
    ),
}


def text_in(text: Bilingual, language: str) -> str:
    """A default wording in the form's language (both, Chinese first, for ``zh+en``)."""
    if language == IntentLanguage.ZH:
        return text.zh
    if language == IntentLanguage.EN:
        return text.en
    return f"{text.zh}\n{text.en}"


def default_texts(language: str) -> dict[str, str]:
    return {key: text_in(text, language) for key, text in DEFAULT_TEXTS.items()}


def seller_of(exhibitor: Exhibitor | None) -> SellerInfo:
    if exhibitor is None:
        return SellerInfo()
    return SellerInfo(
        exhibitor_code=exhibitor.code,
        name_zh=exhibitor.name_zh,
        name_en=exhibitor.name_en,
        credit_code=exhibitor.credit_code,
        address_zh=exhibitor.address_zh,
        address_en=exhibitor.address_en,
        contact_name=exhibitor.contact_name,
        contact_phone=exhibitor.contact_phone,
        email=exhibitor.email,
        website=exhibitor.website,
        logo_media_id=str(exhibitor.logo_media_id) if exhibitor.logo_media_id else "",
    )


def _current_fair(session: Session) -> Fair | None:
    return session.scalars(
        select(Fair).where(Fair.deleted_at.is_(None)).order_by(Fair.created_at.desc())
    ).first()


def _default_exhibitor(session: Session, fair: Fair | None) -> Exhibitor | None:
    query = select(Exhibitor).where(Exhibitor.deleted_at.is_(None)).order_by(Exhibitor.code)
    if fair is not None:
        query = query.where(Exhibitor.fair_id == fair.id)
    exhibitors = list(session.scalars(query))
    makers = [e for e in exhibitors if e.kind is ExhibitorKind.MAKER]
    return (makers or exhibitors or [None])[0]


def _spec(model: TruckModel, key: str) -> str:
    for value in model.spec_values:
        if value.field_key == key and value.deleted_at is None:
            return str(value.text_value or "")
    return ""


def _primary(language: str) -> str:
    return "en" if language == IntentLanguage.EN else "zh_CN"


def line_from_model(model: TruckModel, language: str, quantity: int = 1) -> LineInput:
    """A line for ``model`` (its spec values loaded), worded in the form's main language."""
    lang = _primary(language)
    name = model.name_en if lang == "en" and model.name_en else model.name_zh
    battery = []
    if model.battery_kwh:
        battery.append(f"{model.battery_kwh:g} kWh")
    chemistry = _spec(model, "battery_chemistry")
    if chemistry:
        battery.append(FIELDS_BY_KEY["battery_chemistry"].choice_label(chemistry, lang))
    if _spec(model, "price_includes_battery") == "no":
        battery.append(
            "（电池租赁，不含在价格内）" if lang != "en" else "(battery rented, not in price)"
        )
    return LineInput(
        model_id=model.id,
        model_name=name,
        announcement_no=model.announcement_no,
        battery_config=" ".join(battery).replace(" （", "（"),
        energy_mode=energy_mode_for_powertrain(model.powertrain),
        quantity=quantity,
        unit_price_cny=money(model.price_cny or 0),
    )


def _load_model(session: Session, model_id: uuid.UUID) -> TruckModel | None:
    return session.get(
        TruckModel,
        model_id,
        options=[selectinload(TruckModel.spec_values.and_(SpecValue.deleted_at.is_(None)))],
    )


def _delivery_days(models: list[TruckModel]) -> int:
    weeks = []
    for model in models:
        for value in model.spec_values:
            if value.field_key == "delivery_weeks" and value.number_value:
                weeks.append(value.number_value)
    return int(max(weeks) * 7) if weeks else DEFAULT_DELIVERY_DAYS


def _blank(session: Session, exhibitor: Exhibitor | None, language: str) -> IntentInput:
    fair = _current_fair(session)
    venue = ""
    if fair is not None:
        venue = fair.venue_en if language == IntentLanguage.EN and fair.venue_en else fair.venue_zh
    texts = default_texts(language)
    return IntentInput(
        exhibitor_id=exhibitor.id if exhibitor else None,
        fair_id=fair.id if fair else (exhibitor.fair_id if exhibitor else None),
        issued_on=date.today(),
        place=venue,
        language=language,
        seller=seller_of(exhibitor),
        price_includes=texts["price_includes"],
        price_excludes=texts["price_excludes"],
        delivery=DeliveryTerms(days=DEFAULT_DELIVERY_DAYS),
        payment=PaymentTerms(),
        charging_support=texts["charging_support"],
        after_sales=texts["after_sales"],
    )


def _seller_for_lead(
    session: Session, lead: Lead, models: list[TruckModel | None]
) -> Exhibitor | None:
    """The exhibitor selling most of the lead's models (the lead's own exhibitor on a tie)."""
    counts: dict[uuid.UUID, int] = {}
    for model in models:
        if model is not None and model.deleted_at is None:
            counts[model.exhibitor_id] = counts.get(model.exhibitor_id, 0) + 1
    best = max(counts.values(), default=0)
    if lead.exhibitor_id is not None and counts.get(lead.exhibitor_id, 0) == best:
        chosen: uuid.UUID | None = lead.exhibitor_id
    else:
        chosen = next((key for key, count in counts.items() if count == best), None)
    return session.get(Exhibitor, chosen) if chosen is not None else None


@dataclass
class LeadPrefill:
    """A form made from a lead, and the models of interest left out (other exhibitors' models)."""

    intent: IntentInput
    skipped_models: list[str] = field(default_factory=list)


class IntentPrefill:
    """Makes new (unsaved) forms; every method opens and closes its own session."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def blank(
        self, exhibitor_id: uuid.UUID | None = None, language: str = IntentLanguage.ZH_EN
    ) -> IntentInput:
        with self._db.sessions() as session:
            exhibitor = session.get(Exhibitor, exhibitor_id) if exhibitor_id else None
            if exhibitor is None:
                exhibitor = _default_exhibitor(session, _current_fair(session))
            return _blank(session, exhibitor, str(language))

    def line_for_model(self, model_id: uuid.UUID, language: str, quantity: int = 1) -> LineInput:
        with self._db.sessions() as session:
            model = _load_model(session, model_id)
            if model is None or model.deleted_at is not None:
                raise UserFacingError(UNKNOWN_MODEL)
            return line_from_model(model, language, quantity)

    def seller_for(self, exhibitor_id: uuid.UUID) -> SellerInfo:
        with self._db.sessions() as session:
            return seller_of(session.get(Exhibitor, exhibitor_id))

    def from_lead(self, lead_id: uuid.UUID, language: str | None = None) -> LeadPrefill:
        """Buyer from the lead, one line per model of interest sold by the seller."""
        with self._db.sessions() as session:
            lead = session.get(Lead, lead_id, options=[selectinload(Lead.interests)])
            if lead is None or lead.deleted_at is not None:
                raise UserFacingError(UNKNOWN_LEAD)
            interests = [i for i in lead.interests if i.deleted_at is None and i.model_id]
            models = {i.model_id: _load_model(session, i.model_id) for i in interests}
            exhibitor = _seller_for_lead(session, lead, list(models.values()))
            if exhibitor is None:
                exhibitor = _default_exhibitor(session, _current_fair(session))
            if language is None:
                language = (
                    IntentLanguage.ZH_EN
                    if _CJK.search(lead.company + lead.person_name)
                    or not (lead.company or lead.person_name)
                    else IntentLanguage.EN
                )
            intent = _blank(session, exhibitor, str(language))
            intent.lead_id = lead.id
            intent.fair_id = lead.fair_id or intent.fair_id
            intent.buyer_company = lead.company
            intent.buyer_credit_code = lead.credit_code
            intent.buyer_representative = lead.person_name
            intent.buyer_phone = lead.mobile or lead.landline
            skipped: list[str] = []
            chosen: list[TruckModel] = []
            for interest in interests:
                model = models.get(interest.model_id)
                if model is None or model.deleted_at is not None:
                    continue
                if exhibitor is not None and model.exhibitor_id != exhibitor.id:
                    skipped.append(
                        model.name_zh
                        if language != IntentLanguage.EN
                        else (model.name_en or model.name_zh)
                    )
                    continue
                chosen.append(model)
                intent.lines.append(line_from_model(model, str(language), interest.quantity))
            methods = [i.financing for i in interests if i.financing is not Financing.UNDECIDED]
            if methods:
                intent.payment.method = methods[0].value
            intent.delivery.days = _delivery_days(chosen)
            if lead.tco_inputs:
                intent.tco_inputs = dict(lead.tco_inputs)
                intent.include_tco = True
            return LeadPrefill(intent, skipped)
