"""Read business-card formats found in badge QR codes: vCard 2.1/3.0/4.0, MECARD and BIZCARD.

vCard as found in the wild: lines folded with a space or tab (3.0/4.0) or soft-broken with a
trailing ``=`` in QUOTED-PRINTABLE values (2.1); parameters as ``TYPE=CELL``, ``TYPE=work,voice``,
``TYPE="voice,cell"`` or bare ``CELL`` (2.1); ``CHARSET=GB2312/GBK/UTF-8``; property groups
(``item1.TEL``); escaped ``\\,`` ``\\;`` ``\\n``; BASE64 values. A scanner that drops line breaks
types the whole card on one line: the lines are then found again by their property names.

MECARD (``MECARD:N:张,三;TEL:...;;``) and BIZCARD escape ``\\;``, ``\\:``, ``\\,`` and ``\\\\``.
"""

from __future__ import annotations

import base64
import binascii
import re

from catalog_app.services.badge_data import (
    BadgeData,
    BadgeKind,
    CardCollector,
    has_cjk,
    join_name,
)

# Properties without anything a lead needs (photos, clocks, ids of other programs).
_IGNORED = {
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "REV",
    "UID",
    "PHOTO",
    "LOGO",
    "SOUND",
    "KEY",
    "CLASS",
    "SORT-STRING",
    "KIND",
    "TZ",
    "GEO",
    "LANG",
    "GENDER",
    "SOURCE",
    "CLIENTPIDMAP",
    "MAILER",
    "NAME",
    "PROFILE",
    "LABEL",
    "AGENT",
}
_KNOWN = {"N", "FN", "ORG", "TITLE", "ROLE", "TEL", "EMAIL", "ADR", "URL", "NOTE", "BDAY"}
_KNOWN |= {"NICKNAME", "IMPP", "CATEGORIES"} | _IGNORED
_WECHAT_PROPS = {"X-WECHAT", "X-WEIXIN", "X-WX", "X-WECHAT-ID", "X-WEIXIN-ID"}
_BADGE_WORDS = ("BADGE", "ATTENDEE", "TICKET", "REGISTRATION")
_CHARSET_ALIASES = {"GB2312": "gb18030", "GBK": "gb18030", "CP936": "gb18030", "BIG5": "big5"}
# Property names at which a vCard typed on one line is cut back into lines.
_ONE_LINE_SPLIT = re.compile(
    r"(?:(?<![A-Z-])N|FN|ORG|TITLE|ROLE|TEL|EMAIL|ADR|URL|NOTE|BDAY|NICKNAME|IMPP|CATEGORIES"
    r"|VERSION|END|PRODID|REV|UID|LABEL|PHOTO|[Ii][Tt][Ee][Mm]\d+\.[A-Z-]+|X-[A-Z][A-Z0-9-]*)"
    r"(?=[;:])"
)


# -- vCard -----------------------------------------------------------------------------------
def parse_vcard(text: str, raw: str) -> BadgeData:
    """Read the first vCard in ``text`` (which starts at BEGIN:VCARD)."""
    lines = _unfold(_split_lines(text))
    card = CardCollector()
    formatted = ""
    structured = ""
    for line in lines:
        parsed = _property(line)
        if parsed is None:
            continue
        name, params, value = parsed
        if name == "END":
            break
        if name in _IGNORED or name.startswith("X-AB"):
            continue
        value = _decode(value, params)
        if name == "FN":
            formatted = formatted or _unescape(value)
        elif name == "N":
            parts = [_unescape(p) for p in _split_unescaped(value, ";")] + [""] * 3
            structured = structured or join_name(parts[0], parts[1], parts[2])
        elif name == "ORG":
            units = [_unescape(p).strip() for p in _split_unescaped(value, ";")]
            units = [u for u in units if u]
            if units:
                card.add(card.companies, units[0])
                for unit in units[1:]:
                    card.add_extra("department", unit)
        elif name == "TITLE":
            card.add(card.titles, _unescape(value))
        elif name == "ROLE":
            card.add_extra("role", _unescape(value))
        elif name == "TEL":
            card.add_phone(_unescape(value), _phone_hint(params))
        elif name == "EMAIL":
            card.add(card.emails, _unescape(value).removeprefix("mailto:"))
        elif name == "ADR":
            parts = [_unescape(p).strip() for p in _split_unescaped(value, ";")]
            card.add_extra("address", _address(parts))
        elif name == "URL":
            card.add_extra("website", _unescape(value))
        elif name == "NOTE":
            card.add_extra("note", _unescape(value))
        elif name == "BDAY":
            card.add_extra("birthday", _unescape(value))
        elif name == "NICKNAME":
            card.add_extra("nickname", _unescape(value))
        elif name == "CATEGORIES":
            card.add_extra("categories", _unescape(value))
        elif name == "IMPP" or name in _WECHAT_PROPS:
            _messenger(card, name, _unescape(value))
        elif name.startswith("X-") and any(word in name for word in _BADGE_WORDS):
            card.add(card.badge_codes, _unescape(value))
        else:
            card.add_extra(name, _unescape(value))
    for name in (formatted, structured):
        card.add(card.names, name)
    if len(card.names) == 2 and _same_name(card.names[0], card.names[1]):
        card.names.pop()
    return card.build(BadgeKind.VCARD, raw)


def _address(parts: list[str]) -> str:
    """ADR (box; extended; street; city; region; postcode; country) in the reader's order:
    from the country down in Chinese (中国 贵州省 贵阳市 …), from the street up otherwise."""
    present = [p for p in parts if p]
    if has_cjk("".join(present)):
        return " ".join(reversed(present))
    return ", ".join(present)


def _same_name(a: str, b: str) -> bool:
    return sorted(a.replace(",", " ").split()) == sorted(b.replace(",", " ").split()) or (
        a.replace(" ", "") == b.replace(" ", "")
    )


def _messenger(card: CardCollector, name: str, value: str) -> None:
    lowered = value.lower()
    for prefix in ("weixin:", "wechat:", "wx:", "x-wechat:"):
        if lowered.startswith(prefix):
            card.add(card.wechat_ids, value[len(prefix) :])
            return
    if name in _WECHAT_PROPS:
        card.add(card.wechat_ids, value)
    else:
        card.add_extra("messenger", value)


def _split_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text.strip():
        # The scanner typed the card without its line breaks: cut before each property name.
        text = _ONE_LINE_SPLIT.sub(lambda m: "\n" + m.group(0), text)
    return text.split("\n")


def _unfold(lines: list[str]) -> list[str]:
    """Join folded lines (leading space/tab) and quoted-printable soft breaks (trailing '=')."""
    logical: list[str] = []
    for line in lines:
        if logical and line[:1] in (" ", "\t"):
            logical[-1] += line[1:]
        elif logical and _is_quoted_printable(logical[-1]) and logical[-1].endswith("="):
            logical[-1] = logical[-1][:-1] + line.lstrip(" \t")
        else:
            logical.append(line)
    return [line for line in logical if line.strip()]


def _is_quoted_printable(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def _property(line: str) -> tuple[str, dict[str, list[str]], str] | None:
    """(NAME, params, value) of a content line, or None when it is not one."""
    in_quotes = False
    for index, char in enumerate(line):
        if char == '"':
            in_quotes = not in_quotes
        elif char == ":" and not in_quotes:
            head, value = line[:index], line[index + 1 :]
            break
    else:
        return None
    pieces = _split_unescaped(head, ";")
    name = pieces[0].strip().upper()
    if "." in name:  # a group: item1.TEL
        name = name.rsplit(".", 1)[1]
    if not name or not re.fullmatch(r"[A-Z0-9-]+", name):
        return None
    params: dict[str, list[str]] = {}
    for piece in pieces[1:]:
        key, sep, values = piece.partition("=")
        if not sep:  # vCard 2.1: TEL;CELL;VOICE or ;QUOTED-PRINTABLE
            key, values = _bare_param(key.strip().upper()), key
        for single in values.strip().strip('"').split(","):
            params.setdefault(key.strip().upper(), []).append(single.strip().strip('"').upper())
    return name, params, value


def _bare_param(word: str) -> str:
    if word in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"):
        return "ENCODING"
    return "TYPE"


def _decode(value: str, params: dict[str, list[str]]) -> str:
    encoding = (params.get("ENCODING") or [""])[0]
    charset = _charset((params.get("CHARSET") or ["UTF-8"])[0])
    if encoding in ("QUOTED-PRINTABLE", "QP"):
        return _decode_bytes(_quoted_printable_bytes(value, charset), charset)
    if encoding in ("B", "BASE64"):
        try:
            data = base64.b64decode(value.strip() + "=" * (-len(value.strip()) % 4))
        except (binascii.Error, ValueError):
            return value
        return _decode_bytes(data, charset)
    return value


def _charset(name: str) -> str:
    upper = name.upper()
    return _CHARSET_ALIASES.get(upper, name.lower() or "utf-8")


def _quoted_printable_bytes(value: str, charset: str) -> bytes:
    out = bytearray()
    index = 0
    while index < len(value):
        char = value[index]
        pair = value[index + 1 : index + 3]
        if char == "=" and re.fullmatch(r"[0-9A-Fa-f]{2}", pair):
            out.append(int(pair, 16))
            index += 3
            continue
        out += _encode_char(char, charset)
        index += 1
    return bytes(out)


def _encode_char(char: str, charset: str) -> bytes:
    try:
        return char.encode(charset)
    except (LookupError, UnicodeEncodeError):
        return char.encode("utf-8")


def _decode_bytes(data: bytes, charset: str) -> str:
    for candidate in (charset, "utf-8", "gb18030"):
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def _phone_hint(params: dict[str, list[str]]) -> str:
    types = set(params.get("TYPE", []))
    if "FAX" in types:
        return "fax"
    if types & {"CELL", "MOBILE", "IPHONE", "TEXT"}:
        return "cell"
    return ""


def _split_unescaped(text: str, separator: str) -> list[str]:
    """Split at ``separator`` unless it is escaped with a backslash (escapes kept)."""
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            current.append(char)
            escaped = True
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _unescape(text: str) -> str:
    out: list[str] = []
    escaped = False
    for char in text:
        if escaped:
            out.append("\n" if char in "nN" else char)
            escaped = False
        elif char == "\\":
            escaped = True
        else:
            out.append(char)
    if escaped:
        out.append("\\")
    return "".join(out).strip()


# -- MECARD and BIZCARD ----------------------------------------------------------------------
def _fields(body: str) -> list[tuple[str, str]]:
    found = []
    for piece in _split_unescaped(body, ";"):
        key, sep, value = piece.partition(":")
        if sep and key.strip():
            found.append((key.strip().upper(), value))
        elif piece.strip():
            found.append(("", piece))
    return found


def parse_mecard(text: str, raw: str) -> BadgeData:
    """``MECARD:N:family,given;SOUND:...;TEL:...;EMAIL:...;NOTE:...;ADR:...;URL:...;;``"""
    card = CardCollector()
    for key, value in _fields(text.split(":", 1)[1]):
        plain = _unescape(value)
        if key == "N":
            parts = [_unescape(p) for p in _split_unescaped(value, ",")] + [""]
            card.add(card.names, join_name(parts[0], parts[1]))
        elif key in ("TEL", "TEL-AV"):
            card.add_phone(plain)
        elif key == "EMAIL":
            card.add(card.emails, plain)
        elif key == "ORG":
            card.add(card.companies, plain)
        elif key in ("TITLE", "TIL"):
            card.add(card.titles, plain)
        elif key in ("NOTE", "MEMO"):
            card.add_extra("note", plain)
        elif key == "ADR":
            card.add_extra("address", plain.replace(",", " ").strip())
        elif key == "URL":
            card.add_extra("website", plain)
        elif key == "BDAY":
            card.add_extra("birthday", plain)
        elif key == "NICKNAME":
            card.add_extra("nickname", plain)
        elif key == "SOUND":
            card.add_extra("reading", plain.replace(",", " "))
        elif key in ("WECHAT", "WEIXIN", "X-WECHAT"):
            card.add(card.wechat_ids, plain)
        else:
            card.add_extra(key or "note", plain)
    return card.build(BadgeKind.MECARD, raw)


def parse_bizcard(text: str, raw: str) -> BadgeData:
    """``BIZCARD:N:first;X:last;T:title;C:company;A:address;B:phone;M:mobile;F:fax;E:mail;;``"""
    card = CardCollector()
    first = last = ""
    for key, value in _fields(text.split(":", 1)[1]):
        plain = _unescape(value)
        if key == "N":
            first = plain
        elif key == "X":
            last = plain
        elif key == "T":
            card.add(card.titles, plain)
        elif key == "C":
            card.add(card.companies, plain)
        elif key == "A":
            card.add_extra("address", plain)
        elif key == "B":
            card.add_phone(plain)
        elif key == "M":
            card.add_phone(plain, "cell")
        elif key == "F":
            card.add_phone(plain, "fax")
        elif key == "E":
            card.add(card.emails, plain)
        else:
            card.add_extra(key or "note", plain)
    card.add(card.names, join_name(last, first))
    return card.build(BadgeKind.BIZCARD, raw)


def is_known_property(name: str) -> bool:
    return name in _KNOWN or name.startswith("X-")
