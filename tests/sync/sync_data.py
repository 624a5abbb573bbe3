"""Helpers of the sync tests: what booth staff do to leads, and how to compare whole databases."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from catalog_app.domain.enums import LeadSource, Rating
from catalog_app.domain.models import Lead, LeadDuplicateLink, LeadInterest
from catalog_app.domain.models.leads import PERSONAL_FIELDS
from catalog_app.services.sync.tables import mergeable_tables
from catalog_app.store.database import Database, open_sqlite


def new_device(template: Path, folder: Path) -> Database:
    """A booth laptop's fresh database: a copy of a migrated template, opened as a device."""
    folder.mkdir(parents=True)
    shutil.copyfile(template, folder / "catalog.sqlite")
    return open_sqlite(folder / "catalog.sqlite", backup_on_open=False)


def add_lead(
    database: Database,
    name: str,
    *,
    mobile: str = "",
    email: str = "",
    company: str = "",
    rating: Rating | None = None,
    lead_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Capture a lead the way the store sees it (normalised fields set directly)."""
    with database.transaction() as session:
        lead = Lead(
            source=LeadSource.BOOTH,
            person_name=name,
            mobile=mobile,
            mobile_e164=mobile,
            email=email,
            email_normalized=email.lower(),
            company=company,
            rating=rating,
            captured_on_device_id=database.device_id,
        )
        if lead_id is not None:
            lead.id = lead_id
        session.add(lead)
        session.flush()
        session.add(LeadInterest(lead_id=lead.id, quantity=1))
        return lead.id


def edit_lead(database: Database, lead_id: uuid.UUID, **fields: Any) -> None:
    with database.transaction() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        for name, value in fields.items():
            setattr(lead, name, value)


def delete_lead(database: Database, lead_id: uuid.UUID) -> None:
    with database.transaction() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        lead.mark_deleted()


def erase_person(database: Database, lead_id: uuid.UUID) -> None:
    """What ``LeadService.delete_person`` does: personal fields scrubbed, tombstone kept."""
    with database.transaction() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        for name in PERSONAL_FIELDS:
            setattr(lead, name, "")
        lead.person_name_key = ""
        lead.mark_deleted()


def lead(database: Database, lead_id: uuid.UUID) -> Lead:
    with database.sessions() as session:
        found = session.get(Lead, lead_id)
        assert found is not None
        return found


def contents(
    database: Database,
    *,
    exclude_devices: Iterable[uuid.UUID] = (),
    skip_tables: Iterable[str] = (),
) -> dict[str, set[tuple[Any, ...]]]:
    """Every merged table as a set of whole rows, leaving out rows written by ``exclude_devices``
    (the merging machines' own log, audit and link rows) and the tables ``skip_tables``."""
    skip = set(exclude_devices)
    found: dict[str, set[tuple[Any, ...]]] = {}
    with database.engine.connect() as connection:
        for table in mergeable_tables():
            if table.name in skip_tables:
                continue
            rows = connection.execute(select(table)).all()
            found[table.name] = {_hashable(row) for row in rows if row.device_id not in skip}
    return found


def _hashable(row: Any) -> tuple[Any, ...]:
    return tuple(
        json.dumps(value, sort_keys=True) if isinstance(value, dict | list) else value
        for value in row
    )


def link_pairs(database: Database) -> set[frozenset[uuid.UUID]]:
    with database.sessions() as session:
        links = session.scalars(
            select(LeadDuplicateLink).where(LeadDuplicateLink.deleted_at.is_(None))
        )
        return {frozenset((link.lead_a_id, link.lead_b_id)) for link in links}


def live_duplicate_pairs(database: Database) -> set[frozenset[uuid.UUID]]:
    """Pairs of live leads that share a mobile or an e-mail (what should be linked)."""
    with database.sessions() as session:
        leads = list(session.scalars(select(Lead).where(Lead.deleted_at.is_(None))))
    pairs = set()
    for index, first in enumerate(leads):
        for second in leads[index + 1 :]:
            phone = first.mobile_e164 and first.mobile_e164 == second.mobile_e164
            mail = first.email_normalized and first.email_normalized == second.email_normalized
            if phone or mail:
                pairs.add(frozenset((first.id, second.id)))
    return pairs


def unlinked_duplicates(database: Database) -> set[frozenset[uuid.UUID]]:
    """Pairs of live leads sharing a mobile or an e-mail that no chain of links connects."""
    parent: dict[uuid.UUID, uuid.UUID] = {}

    def root(item: uuid.UUID) -> uuid.UUID:
        while parent.get(item, item) != item:
            item = parent[item]
        return item

    for pair in link_pairs(database):
        first, second = sorted(pair, key=str) if len(pair) == 2 else (next(iter(pair)),) * 2
        parent[root(first)] = root(second)
    return {
        pair
        for pair in live_duplicate_pairs(database)
        if len({root(member) for member in pair}) > 1
    }
