"""vCard 3.0 export (RFC 2426): one card per lead, for phones and address books.

Text is UTF-8; values are escaped (backslash, comma, semicolon, new line) and lines longer than
75 octets are folded (CRLF + space) without splitting a character. Fields with no vCard
property travel as ``X-`` properties that address books keep or ignore: the lead id, WeChat
id, credit code, rating, and the consent (``X-CATALOG-CONSENT-AT``/``-VERSION``/``-PURPOSES``/
``-TEXT``). The NOTE holds the interests and the notes in the export's language.
"""

from __future__ import annotations

from pathlib import Path

from catalog_app.services.exports import vocabulary as vocab
from catalog_app.services.exports.names import split_name
from catalog_app.services.exports.source import ExportLead, LeadStream, RawBatch
from catalog_app.services.exports.writers import FileOptions

LINE_OCTETS = 75


def escape(text: str) -> str:
    """A vCard text value: backslash, comma, semicolon and new lines escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 2425 5.8.1), never inside a UTF-8 character."""
    if len(line.encode("utf-8")) <= LINE_OCTETS:
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size = [], 0
            limit = LINE_OCTETS - 1  # continuation lines start with a space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def lead_card(lead: ExportLead, lang: str) -> str:
    name = split_name(lead.person_name)
    given = " ".join(part for part in (name.extra, name.given) if part)
    full = lead.person_name or lead.company or lead.mobile or lead.email or lead.id
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{escape(name.family)};{escape(given)};;;",
        f"FN:{escape(full)}",
    ]
    if lead.company:
        lines.append(f"ORG:{escape(lead.company)}")
    if lead.title:
        lines.append(f"TITLE:{escape(lead.title)}")
    if lead.mobile_e164 or lead.mobile:
        lines.append(f"TEL;TYPE=CELL,VOICE:{escape(lead.mobile_e164 or lead.mobile)}")
    if lead.landline:
        lines.append(f"TEL;TYPE=WORK,VOICE:{escape(lead.landline)}")
    if lead.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{escape(lead.email)}")
    note = _note(lead, lang)
    if note:
        lines.append(f"NOTE:{escape(note)}")
    rating = vocab.label(vocab.RATINGS, lead.rating, lang)
    categories = [c for c in (vocab.label(vocab.INDUSTRIES, lead.industry, lang), rating) if c]
    if categories:
        lines.append("CATEGORIES:" + ",".join(escape(c) for c in categories))
    lines.append(f"UID:urn:uuid:{lead.id}")
    if lead.captured is not None:
        lines.append(f"REV:{lead.captured.utc_iso}")
    extras = [
        ("X-CATALOG-LEAD-ID", lead.id),
        ("X-WECHAT", lead.wechat_id),
        ("X-CATALOG-CREDIT-CODE", lead.credit_code),
        ("X-CATALOG-RATING", lead.rating),
        ("X-CATALOG-CONSENT-AT", lead.consent_at.utc_iso if lead.consent_at else ""),
        ("X-CATALOG-CONSENT-VERSION", lead.consent_version),
        ("X-CATALOG-CONSENT-PURPOSES", ",".join(lead.consent_purposes)),
        ("X-CATALOG-CONSENT-TEXT", lead.consent_text),
    ]
    lines.extend(f"{key}:{escape(value)}" for key, value in extras if value)
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def _note(lead: ExportLead, lang: str) -> str:
    zh = lang.startswith("zh")
    separator = "；" if zh else "; "
    parts = []
    if lead.interests:
        models = separator.join(f"{i.model_name(lang)} ×{i.quantity}" for i in lead.interests)
        parts.append(("意向车型：" if zh else "Interested in: ") + models)
    if lead.fleet_size is not None:
        parts.append(("车队规模：" if zh else "Fleet size: ") + str(lead.fleet_size))
    if lead.notes:
        parts.append(lead.notes)
    if lead.captured is not None:
        parts.append(("展会登记：" if zh else "Met at the fair: ") + lead.captured.text)
    return "\n".join(parts)


class VCardLeadWriter:
    def __init__(self, path: Path, stream: LeadStream, options: FileOptions) -> None:
        self._stream = stream
        self._lang = options.lang
        # vCard 3.0 text is UTF-8 (no BOM); CRLF line ends are written by lead_card.
        self._file = path.open("w", encoding="utf-8", newline="")

    def write(self, batch: RawBatch) -> None:
        stream, lang = self._stream, self._lang
        self._file.write(
            "".join(
                lead_card(stream.lead(row, batch.interests.get(row[0], ())), lang)
                for row in batch.rows
            )
        )

    def finish(self) -> None:
        self._file.close()

    def close(self) -> None:
        if not self._file.closed:
            self._file.close()
