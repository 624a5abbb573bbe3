"""Link people captured on several devices: same mobile (E.164) or same lower-cased e-mail.

After a package's rows are in, every live lead that came with it is compared with every live
lead of the file; each pair that shares a normalised mobile or e-mail and has no link yet (any
status, either order) gets a ``LeadDuplicateLink`` for a person to review — never merged
silently. "Phone" is the reason when both match.

A link found by a merge is *derived* data, made the same way on every machine, so that machines
that find the same pair make the very same row and never fight over it:

- its id comes from the pair (``stable_id``);
- it is stamped ``DERIVED_STAMPS[reason]`` — below every real write — with no device, and its
  times are the later ``created_at`` of the two leads (which never changes);
- so any real change to it (a manager dismissing or merging the pair, on any machine) has a
  greater stamp and wins, and a dismissed pair is never reopened by a later merge elsewhere.

Rows are inserted with Core (the ORM's stamping hook would restamp them). The set of links can
depend on the order in which packages arrived: a pair that matched at one step stays linked for
review even if a later package changes one of the phone numbers, and its reason can differ
between machines for the same reason ("phone" wins where two such rows meet). Every pair that
matches in the end is linked whatever the order.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert

from catalog_app.domain.base import UtcDateTime
from catalog_app.domain.enums import DuplicateStatus
from catalog_app.domain.ids import stable_id
from catalog_app.domain.models import LeadDuplicateLink

# Below every stamp a device makes (a wall clock in 1970); "phone" ranks above "email".
DERIVED_STAMPS = {"email": "000000000000000.000000", "phone": "000000000000000.000001"}
LOWEST_DERIVED_STAMP = min(DERIVED_STAMPS.values())

_PAIRS = """
SELECT a.id, b.id, a.created_at, b.created_at FROM {alias}.lead AS p
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


def _moment(raw: Any, connection: Connection) -> datetime:
    value = UtcDateTime().process_result_value(
        datetime.fromisoformat(raw) if isinstance(raw, str) else raw, connection.dialect
    )
    assert value is not None
    return value


def duplicate_links(connection: Connection, alias: str) -> list[dict[str, Any]]:
    """The derived link rows for the package attached as ``alias`` (not yet written)."""
    found: dict[tuple[uuid.UUID, uuid.UUID], dict[str, Any]] = {}
    for reason, column in REASONS:
        sql = _PAIRS.format(alias=alias, column=column)
        for a_hex, b_hex, a_created, b_created in connection.exec_driver_sql(sql):
            first, second = sorted((uuid.UUID(a_hex), uuid.UUID(b_hex)), key=str)
            if (first, second) in found:
                continue
            moment = max(_moment(a_created, connection), _moment(b_created, connection))
            found[(first, second)] = {
                "id": link_id(first, second),
                "lead_a_id": first,
                "lead_b_id": second,
                "reason": reason,
                "status": DuplicateStatus.OPEN,
                "resolved_by_staff_id": None,
                "created_at": moment,
                "updated_at": moment,
                "hlc": DERIVED_STAMPS[reason],
                "device_id": None,
                "deleted_at": None,
            }
    return [found[pair] for pair in sorted(found)]


def link_duplicates(connection: Connection, alias: str) -> int:
    """Add the links for the package attached as ``alias``; returns how many were made."""
    rows = duplicate_links(connection, alias)
    if rows:
        connection.execute(insert(LeadDuplicateLink.__table__), rows)
    return len(rows)
