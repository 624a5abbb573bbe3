"""Link people captured on several devices: same mobile (E.164) or same lower-cased e-mail.

Every live lead a package *wrote* into the file (new, or a newer version: ``WRITTEN_LEADS``,
filled by ``apply_table``) that shares a normalised mobile or e-mail with other live leads is
linked (``LeadDuplicateLink``, for a person to review — never merged silently) to one of them:
the first one stored in this file, its "anchor" (a pair already linked, in any status, keeps
its row). Being linked to *some* lead with the same number is not enough: a package can bring
a group linked among itself (on the machine that merged it first) that this file's earlier
leads with that number must join. So the people sharing a number form one connected group of
links (a star around the anchor, plus the links packages brought), and the work and the number
of links grow with the number of leads, not with the square of a group's size (think of a
placeholder address typed for hundreds of visitors):
finding the anchor is one probe of the index on the mobile or e-mail column.
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

import hashlib
import sqlite3
import uuid

from sqlalchemy import Column, Connection, MetaData, Table
from sqlalchemy.types import Uuid

from catalog_app.domain.enums import DuplicateStatus
from catalog_app.domain.ids import CATALOG_NAMESPACE, stable_id

# Below every stamp a device makes (a wall clock in 1970); "phone" ranks above "email".
DERIVED_STAMPS = {"email": "000000000000000.000000", "phone": "000000000000000.000001"}
LOWEST_DERIVED_STAMP = min(DERIVED_STAMPS.values())
REASONS = (("phone", "mobile_e164"), ("email", "email_normalized"))
LINK_ID_FUNCTION = "catalog_duplicate_link_id"
_NAMESPACE = CATALOG_NAMESPACE.bytes

# The ids of the leads the package being merged wrote (emptied for each package).
WRITTEN_LEADS = Table(
    "sync_written_lead",
    MetaData(),
    Column("id", Uuid(), primary_key=True),
    prefixes=["TEMPORARY"],
)

# For each written live lead that shares {column} with another live lead: the lead it is linked
# to — the first such lead stored in this file ("the anchor": one index probe, found in the
# order of the index on {column}). A pair already linked (in any status) keeps its row: the id
# comes from the pair, so OR IGNORE leaves it. Ids are compared as stored (32 hex digits).
# (INSERT first: the sqlite3 module reports the rows inserted only for statements so written.)
_LINKS = """
INSERT OR IGNORE INTO lead_duplicate_link
    (id, lead_a_id, lead_b_id, reason, status, resolved_by_staff_id,
     created_at, updated_at, hlc, device_id, deleted_at)
SELECT {function}(min(c.x, c.y), max(c.x, c.y)), min(c.x, c.y), max(c.x, c.y),
       '{reason}', '{status}', NULL,
       max(c.x_at, y.created_at), max(c.x_at, y.created_at), '{stamp}', NULL, NULL
FROM (
    SELECT a.id AS x, a.created_at AS x_at, a.{column} AS v,
           (SELECT b.id FROM lead AS b
             WHERE b.{column} = a.{column} AND b.id <> a.id AND b.deleted_at IS NULL
             ORDER BY b.rowid LIMIT 1) AS y
    FROM temp.sync_written_lead AS w
    CROSS JOIN lead AS a ON a.id = w.id  -- CROSS: walk the written leads, not the file's
    WHERE a.deleted_at IS NULL AND a.{column} <> ''
) AS c
JOIN lead AS y ON y.id = c.y
"""


def link_id(first: uuid.UUID, second: uuid.UUID) -> uuid.UUID:
    """The id of the link between two leads (``first`` before ``second`` as text)."""
    return stable_id("lead_duplicate_link", str(first), str(second))


def _dashed(hex_id: str) -> str:
    return f"{hex_id[:8]}-{hex_id[8:12]}-{hex_id[12:16]}-{hex_id[16:20]}-{hex_id[20:]}"


def _link_id_hex(first_hex: str, second_hex: str) -> str:
    """``link_id(first, second).hex`` for ids stored as hex, without building UUID objects
    (UUIDv5: the SHA-1 of namespace and name, with the version and variant bits set)."""
    name = "\x1f".join(("lead_duplicate_link", _dashed(first_hex), _dashed(second_hex)))
    digest = bytearray(hashlib.sha1(_NAMESPACE + name.encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    return digest.hex()


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
