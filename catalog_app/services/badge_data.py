"""What a badge scan yields: the contact fields it filled, the badge code, the extras, the raw text.

``BadgeData`` is the result of ``services.badges.parse_badge``. Fields are named like the
attributes of ``LeadInput``, so a form can copy them across. Everything the parser understood but
has no field for (address, web site, a second phone, an unknown property) is kept as an *extra*,
a (label key, value) pair that ``notes_text(lang)`` renders for the notes; a payload it did not
understand at all is kept whole (``raw``) and goes to the notes. Nothing a badge carried is lost.

``CardCollector`` gathers the pieces while a card format is read and decides where each phone
goes (mobile, landline or an extra), so that every format makes the same decisions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from catalog_app.domain.contacts import phone_kind
from catalog_app.domain.text import Bilingual

# The notes of a lead hold at most 5,000 characters (lead_input.MAX_NOTES); a longer raw
# payload is cut in the notes (the whole of it is kept in the lead's badge_payload).
NOTES_LIMIT = 3000

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class BadgeKind(StrEnum):
    VCARD = "vcard"
    MECARD = "mecard"
    BIZCARD = "bizcard"
    KEY_VALUE = "key_value"
    JSON = "json"
    URL = "url"
    CODE = "code"
    UNKNOWN = "unknown"
    EMPTY = "empty"


EXTRA_LABELS: dict[str, Bilingual] = {
    "department": Bilingual(zh="部门", en="Department"),
    "role": Bilingual(zh="角色", en="Role"),
    "address": Bilingual(zh="地址", en="Address"),
    "website": Bilingual(zh="网址", en="Web site"),
    "note": Bilingual(zh="名片备注", en="Card note"),
    "phone": Bilingual(zh="其他电话", en="Other phone"),
    "fax": Bilingual(zh="传真", en="Fax"),
    "email": Bilingual(zh="其他邮箱", en="Other e-mail"),
    "birthday": Bilingual(zh="生日", en="Birthday"),
    "nickname": Bilingual(zh="昵称", en="Nickname"),
    "reading": Bilingual(zh="读音", en="Reading"),
    "messenger": Bilingual(zh="即时通讯", en="Messenger"),
    "categories": Bilingual(zh="类别", en="Categories"),
    "name": Bilingual(zh="其他姓名", en="Other name"),
    "company": Bilingual(zh="其他单位", en="Other company"),
    "title": Bilingual(zh="其他职务", en="Other title"),
    "badge_code": Bilingual(zh="其他胸卡号", en="Other badge code"),
    "wechat_id": Bilingual(zh="其他微信", en="Other WeChat"),
}
BADGE_HEADING = Bilingual(zh="【胸卡扫描】", en="[Badge scan]")
UNREAD_HEADING = Bilingual(
    zh="【胸卡内容未能识别，原文如下】", en="[Badge content not recognised; as scanned:]"
)
CUT_NOTE = Bilingual(
    zh="……（已截断，完整内容随线索保存）", en="… (cut; the whole text is kept with the lead)"
)


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def join_name(family: str, given: str, middle: str = "") -> str:
    """A person's name from its parts: 张 + 三 → 张三; San + Zhang → "San Zhang"."""
    family, given, middle = family.strip(), given.strip(), middle.strip()
    if has_cjk(family + given):
        return f"{family}{middle}{given}"
    return " ".join(part for part in (given, middle, family) if part)


@dataclass(frozen=True)
class BadgeData:
    """The result of reading one badge payload (see the module docstring)."""

    kind: BadgeKind
    raw: str
    person_name: str = ""
    company: str = ""
    title: str = ""
    mobile: str = ""
    landline: str = ""
    email: str = ""
    wechat_id: str = ""
    badge_code: str = ""
    extras: tuple[tuple[str, str], ...] = ()

    @property
    def understood(self) -> bool:
        return self.kind not in (BadgeKind.UNKNOWN, BadgeKind.EMPTY)

    def contact_fields(self) -> dict[str, str]:
        """The non-empty LeadInput fields this badge fills (person_name, company, ...)."""
        names = ("person_name", "company", "title", "mobile", "landline", "email", "wechat_id")
        return {name: value for name in names if (value := getattr(self, name))}

    def notes_text(self, lang: str) -> str:
        """What goes into the lead's notes: the extras, or the whole payload if not understood."""
        if self.kind is BadgeKind.EMPTY:
            return ""
        if not self.understood:
            text = self.raw.strip()
            if len(text) > NOTES_LIMIT:
                text = text[:NOTES_LIMIT] + CUT_NOTE.render(lang)
            return f"{UNREAD_HEADING.render(lang)}\n{text}"
        if not self.extras:
            return ""
        separator = "：" if lang.startswith("zh") else ": "
        lines = [BADGE_HEADING.render(lang)]
        for key, value in self.extras:
            label = EXTRA_LABELS[key].render(lang) if key in EXTRA_LABELS else key
            lines.append(f"{label}{separator}{value}")
        text = "\n".join(lines)
        if len(text) > NOTES_LIMIT:
            text = text[:NOTES_LIMIT] + CUT_NOTE.render(lang)
        return text


@dataclass
class CardCollector:
    """Pieces of a card gathered while reading it; ``build`` decides where each goes."""

    names: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    phones: list[tuple[str, str]] = field(default_factory=list)  # (number, hint)
    emails: list[str] = field(default_factory=list)
    wechat_ids: list[str] = field(default_factory=list)
    badge_codes: list[str] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)

    def add(self, target: list[str], value: str) -> None:
        value = value.strip()
        if value and value not in target:
            target.append(value)

    def add_phone(self, number: str, hint: str = "") -> None:
        """``hint``: "cell", "landline", "fax" or "" (decided from the number itself)."""
        number = number.strip()
        if number.lower().startswith("tel:"):
            number = number[4:].strip()
        if number and all(number != known for known, _ in self.phones):
            self.phones.append((number, hint))

    def add_extra(self, key: str, value: str) -> None:
        value = value.strip()
        if value and (key, value) not in self.extras:
            self.extras.append((key, value))

    def build(self, kind: BadgeKind, raw: str) -> BadgeData:
        extras = list(self.extras)
        mobile, landline = _place_phones(self.phones, extras)

        def first(values: list[str], extra_key: str) -> str:
            for value in values[1:]:
                extras.append((extra_key, value))
            return values[0] if values else ""

        data = BadgeData(
            kind=kind,
            raw=raw,
            person_name=first(self.names, "name"),
            company=first(self.companies, "company"),
            title=first(self.titles, "title"),
            mobile=mobile,
            landline=landline,
            email=first(self.emails, "email"),
            wechat_id=first(self.wechat_ids, "wechat_id"),
            badge_code=first(self.badge_codes, "badge_code"),
            extras=tuple(extras),
        )
        return data

    def is_empty(self) -> bool:
        return not (
            self.names
            or self.companies
            or self.titles
            or self.phones
            or self.emails
            or self.wechat_ids
            or self.badge_codes
            or self.extras
        )


def _place_phones(phones: list[tuple[str, str]], extras: list[tuple[str, str]]) -> tuple[str, str]:
    """Mobile and landline from the card's phones; the rest become extras.

    A number marked as a cell phone goes to Mobile even when it is not valid (the form then
    shows why beside the field, and the person at the booth corrects it); an unmarked number is
    placed by what it is. Faxes and further numbers are kept as extras.
    """
    mobile = landline = ""
    # Numbers marked as cell phones first: they win Mobile over a number that merely could be.
    for number, hint in sorted(phones, key=lambda phone: phone[1] != "cell"):
        if hint == "fax":
            extras.append(("fax", number))
            continue
        kind = phone_kind(number)
        if kind is None:
            digits = re.sub(r"\D", "", number)
            looks_mobile = len(digits) == 11 and digits.startswith("1")
            kind = "mobile" if hint == "cell" or (hint != "landline" and looks_mobile) else ""
            kind = kind or ("landline" if hint == "landline" else "")
        elif kind == "other":
            kind = "mobile" if hint == "cell" else "landline"
        if kind == "mobile" and not mobile:
            mobile = number
        elif kind == "landline" and not landline:
            landline = number
        else:
            extras.append(("phone", number))
    return mobile, landline
