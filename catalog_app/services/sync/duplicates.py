"""Link people captured on several devices: same mobile (E.164) or same lower-cased e-mail.

Every live lead a package *wrote* into the file (new, or a newer version: ``WRITTEN_LEADS``,
filled by ``apply_table``) that shares a normalised mobile or e-mail with other live leads is
linked (``LeadDuplicateLink``, for a person to review — never merged silently) to one of them:
the one with the smallest id, its "anchor" — unless it already has a link, in any status, to a
lead with that mobile or e-mail. So the people sharing a number form one connected group of
links (a star), and the work and the number of links grow with the number of leads, not with
the square of a group's size (think of a placeholder address typed for hundreds of visitors).
"Phone" is the reason when both match. A package that wrote nothing links nothing: merging it
again costs no search.

A link found by a merge is *derived* data, made the same way on every machine, so that machines
that find the same pair make the very same row and never fight over it:

- its id comes from the pair (``stable_id``);
- it is stamped ``DERIVED_STAMPS[reason]`` — below every real write — with no device, and its
  times are the later ``created_at`` of the two leads (which never changes);
- so any real change to it (a manager dismissing or merging the pair, on any machine) has a
  greater stamp and wins, and a dismissed pair is never reopened by a later merge elsewhere.

The links are made by one ``INSERT OR IGNORE … SELECT`` per reason (the id computed by a SQL
function registered on the connection; ``OR IGNORE``: a pair found twice, or already linked under
the same id, is made once). The set of links can depend on the order in which packages arrived:
a pair that matched at one step stays linked for review even if a later package changes one of
the phone numbers, the anchor can differ, and a link's reason can differ between machines
("phone" wins where two such rows meet). Whatever the order, every two live leads that share a
mobile or e-mail in the end are connected by links.
"""

from __future__ import annotations

import sqlite3
import uuid

from sqlalchemy import Column, Connection, MetaData, Table
from sqlalchemy.types import Uuid

from catalog_app.domain.enums import DuplicateStatus
from catalog_app.domain.ids import stable_id

# Below every stamp a device makes (a wall clock in 1970); "phone" ranks above "email".
DERIVED_STAMPS = {"email": "000000000000000.000000", "phone": "000000000000000.000001"}
LOWEST_DERIVED_STAMP = min(DERIVED_STAMPS.values())
REASONS = (("phone", "mobile_e164"), ("email", "email_normalized"))
LINK_ID_FUNCTION = "catalog_duplicate_link_id"

# The ids of the leads the package being merged wrote (emptied for each package).
WRITTEN_LEADS = Table(
    "sync_written_lead",
    MetaData(),
    Column("id", Uuid(), primary_key=True),
    prefixes=["TEMPORARY"],
)

# For each written live lead that shares {column} with other live leads: the lead it is linked
# to — the smallest id among the others ("the anchor"); unless it is already linked, either
# way, to a lead with the same value. Ids are compared as stored (32 hex digits: UUID order).
# (INSERT first: the sqlite3 module reports the rows inserted only for statements so written.)
_LINKS = """
INSERT OR IGNORE INTO lead_duplicate_link
    (id, lead_a_id, lead_b_id, reason, status, resolved_by_staff_id,
     created_at, updated_at, hlc, device_id, deleted_at)
WITH incoming AS (
    SELECT a.id, a.{column} AS v, a.created_at FROM temp.sync_written_lead AS w
    CROSS JOIN lead AS a ON a.id = w.id  -- CROSS: walk the written leads, not the file's
    WHERE a.deleted_at IS NULL AND a.{column} <> ''
      AND EXISTS (SELECT 1 FROM lead AS b  -- most people are there once: one index probe
                  WHERE b.{column} = a.{column} AND b.id <> a.id AND b.deleted_at IS NULL)
), ranked AS (
    SELECT b.{column} AS v, b.id, b.created_at,
           row_number() OVER (PARTITION BY b.{column} ORDER BY b.id) AS rn
    FROM lead AS b
    WHERE b.deleted_at IS NULL AND b.{column} IN (SELECT v FROM incoming)
), anchors AS (
    SELECT v,
           max(CASE WHEN rn = 1 THEN id END) AS first_id,
           max(CASE WHEN rn = 1 THEN created_at END) AS first_at,
           max(CASE WHEN rn = 2 THEN id END) AS second_id,
           max(CASE WHEN rn = 2 THEN created_at END) AS second_at
    FROM ranked WHERE rn <= 2 GROUP BY v
), pairs AS (
    SELECT i.id AS x,
           CASE WHEN i.id = n.first_id THEN n.second_id ELSE n.first_id END AS y,
           max(i.created_at,
               CASE WHEN i.id = n.first_id THEN n.second_at ELSE n.first_at END) AS at
    FROM incoming AS i JOIN anchors AS n ON n.v = i.v
    WHERE n.second_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM lead_duplicate_link AS l JOIN lead AS o ON o.id = l.lead_b_id
                      WHERE l.lead_a_id = i.id AND o.{column} = i.v)
      AND NOT EXISTS (SELECT 1 FROM lead_duplicate_link AS l JOIN lead AS o ON o.id = l.lead_a_id
                      WHERE l.lead_b_id = i.id AND o.{column} = i.v)
)
SELECT {function}(min(x, y), max(x, y)), min(x, y), max(x, y), '{reason}', '{status}', NULL,
       at, at, '{stamp}', NULL, NULL
FROM pairs
"""


def link_id(first: uuid.UUID, second: uuid.UUID) -> uuid.UUID:
    """The id of the link between two leads (``first`` before ``second`` as text)."""
    return stable_id("lead_duplicate_link", str(first), str(second))


def _link_id_hex(first_hex: str, second_hex: str) -> str:
    return link_id(uuid.UUID(first_hex), uuid.UUID(second_hex)).hex


def prepare(connection: Connection) -> None:
    """Register the id function and make the (empty) table of written leads."""
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    raw.create_function(LINK_ID_FUNCTION, 2, _link_id_hex, deterministic=True)
    WRITTEN_LEADS.create(connection, checkfirst=True)
    connection.execute(WRITTEN_LEADS.delete())


def link_duplicates(connection: Connection) -> int:
    """Link the people among ``WRITTEN_LEADS``; returns how many links were made."""
    made = 0
    for reason, column in REASONS:
        sql = _LINKS.format(
            column=column,
            reason=reason,
            status=DuplicateStatus.OPEN.value,
            stamp=DERIVED_STAMPS[reason],
            function=LINK_ID_FUNCTION,
        )
        made += max(0, connection.exec_driver_sql(sql).rowcount)
    return made
