"""What an export can be narrowed to: the models, staff, devices and consent purposes in this
database (for the export dialog's lists and for the CLI's ``--model CODE`` / ``--by NAME``).

Purposes are read from the leads themselves (a file merged from other versions may hold
purposes this version does not know); the distinct JSON lists are few, so the scan is one
``SELECT DISTINCT`` over an unindexed column — done off the GUI thread like every query.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from catalog_app.domain.models import Device, Exhibitor, Lead, StaffAccount, TruckModel
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.consent import PURPOSES as APP_PURPOSES
from catalog_app.store.database import Database

UNKNOWN_CHOICE = {
    "model": Bilingual(
        zh="找不到车型“{value}”。可选：{known}", en='No model "{value}". Known: {known}'
    ),
    "staff": Bilingual(
        zh="找不到员工“{value}”。可选：{known}", en='No staff member "{value}". Known: {known}'
    ),
    "device": Bilingual(
        zh="找不到设备“{value}”。可选：{known}", en='No device "{value}". Known: {known}'
    ),
}


@dataclass(frozen=True)
class Choice:
    id: uuid.UUID
    code: str
    name_zh: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") or not self.name_en else self.name_en


@dataclass(frozen=True)
class FilterChoices:
    models: tuple[Choice, ...]
    staff: tuple[Choice, ...]
    devices: tuple[Choice, ...]
    purposes: tuple[str, ...]


def filter_choices(database: Database) -> FilterChoices:
    """Everything the export filter can name, in a stable order."""
    with database.sessions() as session:
        models = tuple(
            Choice(m.id, m.code, m.name_zh, m.name_en)
            for m in session.scalars(
                select(TruckModel)
                .join(Exhibitor, Exhibitor.id == TruckModel.exhibitor_id)
                .where(TruckModel.deleted_at.is_(None))
                .order_by(TruckModel.sort_order, TruckModel.code)
            )
        )
        staff = tuple(
            Choice(s.id, s.display_name, s.display_name, s.display_name)
            for s in session.scalars(
                select(StaffAccount)
                .where(StaffAccount.deleted_at.is_(None))
                .order_by(StaffAccount.display_name)
            )
        )
        devices = tuple(
            Choice(d.id, d.code, d.name or d.code, d.name or d.code)
            for d in session.scalars(
                select(Device).where(Device.deleted_at.is_(None)).order_by(Device.name)
            )
        )
        found: list[str] = list(APP_PURPOSES)
        for stored in session.scalars(select(Lead.consent_purposes).distinct()):
            values = json.loads(stored) if isinstance(stored, str) else stored
            for purpose in values or []:
                if str(purpose) not in found:
                    found.append(str(purpose))
    return FilterChoices(models, staff, devices, tuple(found))


def resolve(choices: tuple[Choice, ...], kind: str, wanted: list[str]) -> frozenset[uuid.UUID]:
    """Ids of the choices named by code, name (either language, any case) or id."""
    ids: set[uuid.UUID] = set()
    for value in wanted:
        needle = value.strip().casefold()
        matches = [
            c
            for c in choices
            if needle in (c.code.casefold(), c.name_zh.casefold(), c.name_en.casefold())
            or str(c.id) == needle
        ]
        if not matches:
            known = ", ".join(c.code for c in choices[:12]) + (" …" if len(choices) > 12 else "")
            raise UserFacingError(UNKNOWN_CHOICE[kind], value=value, known=known)
        ids.update(c.id for c in matches)
    return frozenset(ids)
