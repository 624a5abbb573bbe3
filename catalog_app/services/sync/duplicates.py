"""Link people captured on several devices: same mobile (E.164) or same lower-cased e-mail.

After a package's rows are in, every live lead that came with it is compared with every live
lead of the file; each pair that shares a normalised mobile or e-mail and has no link yet (in any
status, in either order) gets a ``LeadDuplicateLink`` for a person to review — never merged
silently. The link's id is derived from the pair (``stable_id``), so the same pair found on two
machines yields one row that merges like any other, and a pair is never linked twice by merges.
"Phone" is the stated reason when both match.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from catalog_app.domain.ids import stable_id
from catalog_app.domain.models import LeadDuplicateLink

_PAIRS = """
SELECT a.id, b.id, '{reason}' FROM {alias}.lead AS p
JOIN lead AS a ON a.id = p.id
JOIN lead AS b ON b.{column} = a.{column} AND b.id <> a.id
WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL AND a.{column} <> ''
  AND NOT EXISTS (SELECT 1 FROM lead_duplicate_link AS l
                  WHERE l.lead_a_id = a.id AND l.lead_b_id = b.id)
  AND NOT EXISTS (SELECT 1 FROM lead_duplicate_link AS l
                  WHERE l.lead_a_id = b.id AND l.lead_b_id = a.id)
"""
REASONS = (("phone", "mobile_e164"), ("email", "email_normalized"))


def link_id(first: uuid.UUID, second: uuid.UUID) -> uuid.UUID:
    return stable_id("lead_duplicate_link", str(first), str(second))


def duplicate_pairs(connection: Connection, alias: str) -> dict[tuple[uuid.UUID, uuid.UUID], str]:
    """Unlinked pairs (ordered as ``LeadService`` orders them) with their reason."""
    pairs: dict[tuple[uuid.UUID, uuid.UUID], str] = {}
    for reason, column in REASONS:
        sql = _PAIRS.format(alias=alias, reason=reason, column=column)
        for a_hex, b_hex, why in connection.exec_driver_sql(sql):
            first, second = sorted((uuid.UUID(a_hex), uuid.UUID(b_hex)), key=str)
            pairs.setdefault((first, second), why)
    return pairs


def link_duplicates(connection: Connection, session: Session, alias: str) -> int:
    """Add the links for the package attached as ``alias``; returns how many were made."""
    pairs = duplicate_pairs(connection, alias)
    for (first, second), reason in sorted(pairs.items()):
        session.add(
            LeadDuplicateLink(
                id=link_id(first, second), lead_a_id=first, lead_b_id=second, reason=reason
            )
        )
    session.flush()
    return len(pairs)
