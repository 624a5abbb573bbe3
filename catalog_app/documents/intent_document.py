"""What the intent PDF prints, as plain data made by the intents service (no sessions here).

Texts that have a Chinese and an English wording are ``Bilingual``; what a person typed is the
same in both (``typed``). ``shown`` decides what a form in a given language prints: Chinese with
an English sub-label (``zh+en``), or one language (``zh`` / ``en``), falling back to the other
wording when one is empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from catalog_app.domain.text import Bilingual

ZH_EN = "zh+en"
ZH = "zh"
EN = "en"


def typed(text: str) -> Bilingual:
    """Text a person typed: printed as typed whatever the form's language."""
    return Bilingual(zh=text, en=text)


def shown(text: Bilingual, language: str) -> tuple[str, str]:
    """(main text, sub-label) of ``text`` on a form in ``language``; the sub-label may be ""."""
    zh, en = text.zh.strip(), text.en.strip()
    if language == EN:
        return (en or zh), ""
    if language == ZH:
        return (zh or en), ""
    main = zh or en
    return main, (en if en and en != main else "")


@dataclass(frozen=True)
class PartyBlock:
    """One party as on its business licence."""

    role: Bilingual
    name: Bilingual
    credit_code: str = ""
    address: Bilingual = field(default_factory=lambda: typed(""))
    representative: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class LetterheadBlock:
    """The seller's letterhead at the top of the first page."""

    name: Bilingual
    credit_code: str = ""
    address: Bilingual = field(default_factory=lambda: typed(""))
    contact: str = ""  # name, phone, e-mail, website on one line
    logo: bytes | Path | None = None


@dataclass(frozen=True)
class DocumentLine:
    number: int
    name: str
    name_secondary: str
    announcement_no: str
    battery: str
    energy_mode: Bilingual
    colour: str
    quantity: int
    unit_price: Decimal
    subtotal: Decimal


@dataclass(frozen=True)
class Clause:
    """A numbered section of terms: a title and its paragraphs."""

    title: Bilingual
    paragraphs: tuple[Bilingual, ...]


@dataclass(frozen=True)
class TcoTable:
    """A table of the TCO page: a heading, column heads, and rows of cells."""

    title: Bilingual
    columns: tuple[Bilingual, ...]
    rows: tuple[tuple[Bilingual, ...], ...]


@dataclass(frozen=True)
class TcoPage:
    title: Bilingual
    intro: Bilingual
    tables: tuple[TcoTable, ...]
    notes: tuple[Bilingual, ...] = ()


@dataclass(frozen=True)
class IntentDocument:
    language: str
    reference: str
    revision: int
    issued_on: date
    place: str
    qr_payload: str
    letterhead: LetterheadBlock
    seller: PartyBlock
    buyer: PartyBlock
    lines: tuple[DocumentLine, ...]
    total_units: int
    total_value: Decimal
    total_in_words: str
    clauses: tuple[Clause, ...]
    watermark: Bilingual | None = None  # None once signed
    sample_notice: Bilingual | None = None  # printed in the footer of sample data
    tco: TcoPage | None = None
