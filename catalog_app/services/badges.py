"""Read a badge scan: whatever the QR code carried, typed by a USB scanner, into lead fields.

``parse_badge(payload)`` is a pure function that never raises. It recognises

- vCard 2.1 / 3.0 / 4.0 (folded lines, QUOTED-PRINTABLE, CHARSET, groups; see ``badge_cards``),
- MECARD and BIZCARD,
- "key:value;" text in Chinese or English (``姓名:张三;公司:…;手机:…``, full-width ``：；`` too,
  one pair per line, ``|`` or ``;`` between pairs), and the same as a JSON object,
- a web address whose query names a badge code (``…?code=GZ2026-00123``),
- a bare attendee code (``GZNEV-2026-000123``), to be looked up in the attendee list.

Text that arrived as UTF-8 read as Latin-1 (``å¼ ä¸‰``, a common scanner-setting mistake) is
repaired first. Anything else is ``BadgeKind.UNKNOWN``: nothing is filled, and the whole payload
goes to the notes (``BadgeData.notes_text``). The raw payload is always returned unchanged.

``field_for_key`` maps a column or key name (zh/en) to a lead field; the attendee-list import
uses the same table to recognise its columns.
"""

from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import parse_qsl, urlsplit

from catalog_app.services.badge_cards import parse_bizcard, parse_mecard, parse_vcard
from catalog_app.services.badge_data import BadgeData, BadgeKind, CardCollector

MAX_PARSED = 20_000  # characters read; a longer payload is kept raw, not parsed further

# Key names (folded: NFKC, lower case, no spaces, dashes, underscores or dots) -> lead field.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "person_name": (
        "name",
        "fullname",
        "personname",
        "contact",
        "contactname",
        "attendee",
        "attendeename",
        "visitor",
        "visitorname",
        "姓名",
        "名字",
        "联系人",
        "参会人",
        "参会人姓名",
        "观众姓名",
        "客户姓名",
        "嘉宾姓名",
    ),
    "company": (
        "company",
        "companyname",
        "org",
        "organization",
        "organisation",
        "employer",
        "公司",
        "公司名称",
        "单位",
        "单位名称",
        "工作单位",
        "企业",
        "企业名称",
        "机构",
    ),
    "title": (
        "title",
        "jobtitle",
        "position",
        "job",
        "role",
        "职务",
        "职位",
        "职称",
        "岗位",
        "头衔",
    ),
    "mobile": (
        "mobile",
        "mobilephone",
        "mobileno",
        "cell",
        "cellphone",
        "phone",
        "phonenumber",
        "tel",
        "telephone",
        "手机",
        "手机号",
        "手机号码",
        "移动电话",
        "电话",
        "电话号码",
        "联系电话",
        "联系方式",
    ),
    "landline": ("landline", "officephone", "worktel", "座机", "固话", "固定电话", "办公电话"),
    "email": ("email", "mail", "emailaddress", "邮箱", "电子邮箱", "电子邮件", "邮件", "email地址"),
    "wechat_id": ("wechat", "wechatid", "weixin", "wx", "wxid", "微信", "微信号"),
    "badge_code": (
        "code",
        "badge",
        "badgecode",
        "badgeid",
        "badgeno",
        "id",
        "attendeeid",
        "attendeecode",
        "regid",
        "regno",
        "registrationid",
        "registrationno",
        "ticket",
        "ticketno",
        "编号",
        "参会编号",
        "观众编号",
        "证件号",
        "证件编号",
        "胸卡号",
        "胸卡编号",
        "条码",
        "条码号",
        "二维码",
        "门票号",
        "报名编号",
        "注册号",
    ),
}
_FIELD_BY_KEY = {alias: name for name, aliases in FIELD_ALIASES.items() for alias in aliases}
_PAIR_SEPARATORS = re.compile(r"[;；\n|]")
_KEY_VALUE = re.compile(r"^\s*([^:：=]{1,30}?)\s*[:：=]\s*(.*)$", re.DOTALL)
_BARE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-./#]{2,63}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200b]")


def fold_key(key: str) -> str:
    """A key as compared with the alias table: ``Mobile No.`` → ``mobileno``."""
    folded = unicodedata.normalize("NFKC", key).strip().lower()
    return re.sub(r"[\s_\-.·()（）*]", "", folded)


def field_for_key(key: str) -> str | None:
    """The lead field a key or column name means (zh or en), or None."""
    return _FIELD_BY_KEY.get(fold_key(key))


def parse_badge(payload: str) -> BadgeData:
    """Read a scanned badge payload (see the module docstring). Never raises."""
    raw = payload if isinstance(payload, str) else str(payload)
    try:
        return _parse(raw)
    except Exception:  # noqa: BLE001 - a scan must never crash the booth; keep the text
        return BadgeData(BadgeKind.UNKNOWN, raw)


def clean_payload(raw: str) -> str:
    """Without control characters, byte-order marks and surrounding space; mojibake repaired."""
    text = _CONTROL.sub("", raw[:MAX_PARSED])
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return repair_mojibake(text)


def repair_mojibake(text: str) -> str:
    """UTF-8 text that was read as Latin-1 / Windows-1252 (``å¼ ä¸‰``) back as it was (``张三``).

    Only when the bytes are valid UTF-8 and give Chinese text: a name like "Müller" stays.
    """
    if not re.search(r"[\u0080-\u00ff]", text) or re.search(r"[\u3400-\u9fff]", text):
        return text
    data = bytearray()
    for char in text:
        if ord(char) < 0x100:
            data.append(ord(char))  # Latin-1, and bytes Windows-1252 leaves undefined
            continue
        try:
            data += char.encode("cp1252")
        except UnicodeEncodeError:
            return text
    try:
        repaired = data.decode("utf-8")
    except UnicodeDecodeError:
        return text
    return repaired if re.search(r"[\u3400-\u9fff]", repaired) else text


def _parse(raw: str) -> BadgeData:
    text = clean_payload(raw)
    if not text:
        return BadgeData(BadgeKind.EMPTY, raw)
    upper = text.upper()
    start = upper.find("BEGIN:VCARD")
    if 0 <= start < 200:
        return parse_vcard(text[start:], raw)
    if upper.startswith("MECARD:"):
        return parse_mecard(text, raw)
    if upper.startswith("BIZCARD:"):
        return parse_bizcard(text, raw)
    if text.startswith("{"):
        found = _parse_json(text, raw)
        if found is not None:
            return found
    if re.match(r"(?i)https?://", text):
        return _parse_url(text, raw)
    if _BARE_CODE.fullmatch(text) and re.search(r"\d", text):
        return BadgeData(BadgeKind.CODE, raw, badge_code=text)
    found = _parse_key_values(text, raw)
    if found is not None:
        return found
    return BadgeData(BadgeKind.UNKNOWN, raw)


def _collect(pairs: list[tuple[str, str]]) -> tuple[CardCollector, int]:
    """Pairs into a card; also how many keys were recognised."""
    card = CardCollector()
    recognised = 0
    for key, value in pairs:
        value = value.strip()
        name = field_for_key(key)
        if name is None:
            if value:
                card.add_extra(key.strip(), value)
            continue
        recognised += 1
        if not value:
            continue
        if name == "mobile":
            card.add_phone(value)
        elif name == "landline":
            card.add_phone(value, "landline")
        else:
            target = {
                "person_name": card.names,
                "company": card.companies,
                "title": card.titles,
                "email": card.emails,
                "wechat_id": card.wechat_ids,
                "badge_code": card.badge_codes,
            }[name]
            card.add(target, value)
    return card, recognised


def _parse_key_values(text: str, raw: str) -> BadgeData | None:
    pairs: list[tuple[str, str]] = []
    for piece in _PAIR_SEPARATORS.split(text):
        if not piece.strip():
            continue
        match = _KEY_VALUE.match(piece)
        if match is None:
            if not pairs:
                return None  # it does not start with key:value: not such a payload
            key, value = pairs[-1]  # a value that went on over a line break or a ';'
            pairs[-1] = (key, f"{value} {piece.strip()}")
            continue
        pairs.append((match.group(1), match.group(2)))
    card, recognised = _collect(pairs)
    if not recognised or card.is_empty():
        return None
    return card.build(BadgeKind.KEY_VALUE, raw)


def _parse_json(text: str, raw: str) -> BadgeData | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    card, recognised = _collect(_flatten(data))
    if not recognised or card.is_empty():
        return None
    return card.build(BadgeKind.JSON, raw)


def _flatten(data: dict[object, object], depth: int = 0) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for key, value in data.items():
        if isinstance(value, dict) and depth < 3:
            pairs.extend(_flatten(value, depth + 1))
        elif isinstance(value, list):
            pairs.extend((str(key), str(item)) for item in value if not isinstance(item, dict))
        elif value is not None and not isinstance(value, bool):
            pairs.append((str(key), str(value)))
    return pairs


def _parse_url(text: str, raw: str) -> BadgeData:
    card = CardCollector()
    try:
        query = parse_qsl(urlsplit(text).query)
    except ValueError:
        query = []
    known = [(key, value) for key, value in query if value and field_for_key(key)]
    found, _recognised = _collect(known)  # the other parameters stay in the address
    found.add_extra("website", text)
    if not (found.badge_codes or found.names or found.phones or found.emails):
        card.add_extra("website", text)
        return card.build(BadgeKind.URL, raw)
    return found.build(BadgeKind.URL, raw)
