"""Follow-up status of leads after the fair (new → contacted → qualified → won / lost).

Any signed-in person may change it (it is sales work, not a deletion or an export); the change
is stamped like every write, so merges of several devices keep the latest one.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select

from catalog_app.domain.enums import FollowUp
from catalog_app.domain.models import Lead
from catalog_app.store.database import Database


def set_follow_up(database: Database, lead_ids: Sequence[uuid.UUID], status: FollowUp) -> int:
    """Set the status of the given leads (tombstones are left alone); return how many changed."""
    if not lead_ids:
        return 0
    with database.transaction() as session:
        changed = 0
        for lead in session.scalars(select(Lead).where(Lead.id.in_(list(lead_ids)))):
            if lead.deleted_at is None and lead.follow_up != status:
                lead.follow_up = status
                changed += 1
        return changed
