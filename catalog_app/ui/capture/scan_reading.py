"""From a scanned payload to what the form fills in: the badge's own fields, completed from the
organiser's attendee list when the badge carries a code, and the lines for the notes.

A bare code found in the list fills name, company, title, mobile and e-mail; a code not found
is kept in the notes; a payload not understood goes whole to the notes. Nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from catalog_app.domain.text import Bilingual
from catalog_app.services.attendees import find_attendee
from catalog_app.services.badge_data import BadgeData
from catalog_app.services.badges import parse_badge
from catalog_app.store.database import Database

CODE_LINE = Bilingual(zh="胸卡号：{code}", en="Badge code: {code}")
CODE_UNKNOWN_LINE = Bilingual(
    zh="胸卡号：{code}（不在参会名单中）", en="Badge code: {code} (not in the attendee list)"
)


@dataclass
class ScanReading:
    badge: BadgeData
    values: dict[str, str] = field(default_factory=dict)  # LeadInput field -> value
    notes: str = ""
    code: str = ""
    code_found: bool | None = None  # None: no code; False: not in the attendee list
    lookup_error: str = ""


def read_scan(database: Database, payload: str, lang: str) -> ScanReading:
    """Read ``payload`` and complete it from the attendee list (offline)."""
    badge = parse_badge(payload)
    reading = ScanReading(badge, dict(badge.contact_fields()), code=badge.badge_code)
    lines = [badge.notes_text(lang)]
    if badge.badge_code:
        try:
            attendee = find_attendee(database, badge.badge_code)
        except Exception as exc:  # noqa: BLE001 - the scan still fills what the badge holds
            attendee = None
            reading.lookup_error = str(exc)
        reading.code_found = attendee is not None
        if attendee is not None:
            listed = {
                "person_name": attendee.person_name,
                "company": attendee.company,
                "title": attendee.title,
                "mobile": attendee.mobile,
                "email": attendee.email,
            }
            for name, value in listed.items():
                if value and not reading.values.get(name):
                    reading.values[name] = value
            lines.append(CODE_LINE.render(lang, code=attendee.badge_code))
        else:
            lines.append(CODE_UNKNOWN_LINE.render(lang, code=badge.badge_code))
    reading.notes = "\n".join(line for line in lines if line)
    return reading
