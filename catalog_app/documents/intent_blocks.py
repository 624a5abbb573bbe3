"""The fixed blocks of the intent form: letterhead, title, parties, signatures and seals."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from PIL import Image as PilImage
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Spacer

from catalog_app.documents import intent_labels as L
from catalog_app.documents.columns import Columns, Rules
from catalog_app.documents.intent_document import IntentDocument, PartyBlock, shown
from catalog_app.documents.intent_styles import (
    ACCENT,
    RULE,
    IntentStyles,
    bilingual,
    bilingual_runs,
    block,
    label_and_value,
    labelled,
    runs_of,
    text_block,
)
from catalog_app.documents.qr_flowable import QrCode
from catalog_app.documents.text_block import NEWLINE, Run
from catalog_app.domain.text import Bilingual

LOGO_SIZE = 23 * mm
QR_SIZE = 25 * mm
LOGO_PIXELS = 260  # 23 mm at about 290 dpi: sharp in print, quick to embed
SEAL_DIAMETER = 34 * mm
BLANK = "_" * 24


@lru_cache(maxsize=32)
def _logo_reader(key: str, data: bytes | None, path: str | None) -> ImageReader | str | None:
    """The logo scaled down and kept as JPEG once per distinct image (``key`` identifies it):
    a JPEG goes into the PDF as it is, where other images are recompressed on every render."""
    try:
        source = PilImage.open(io.BytesIO(data) if data is not None else path)
        source.load()
    except (OSError, ValueError):
        return None  # an unreadable logo leaves the letterhead without one, not the form
    image = source.convert("RGBA") if source.mode in ("P", "LA", "RGBA") else source
    image.thumbnail((LOGO_PIXELS, LOGO_PIXELS))
    if image.mode == "RGBA":
        background = PilImage.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    encoded = io.BytesIO()
    image.convert("RGB").save(encoded, "JPEG", quality=92)
    jpeg = encoded.getvalue()
    # A JPEG file named by its content: reportlab then names the image by the file name
    # instead of hashing its pixels on every render. Without a writable temp folder, in memory.
    folder = Path(tempfile.gettempdir()) / "catalog-app-logos"
    cached = folder / f"{hashlib.sha256(jpeg).hexdigest()}.jpg"
    try:
        if not cached.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(jpeg)
            os.replace(partial, cached)
        return str(cached)
    except OSError:
        return ImageReader(io.BytesIO(jpeg))


def logo_reader(logo: bytes | Path | None) -> ImageReader | str | None:
    if logo is None:
        return None
    if isinstance(logo, bytes):
        return _logo_reader(hashlib.sha256(logo).hexdigest(), logo, None)
    try:
        stamp = logo.stat().st_mtime_ns
    except OSError:
        return None
    return _logo_reader(f"{logo}:{stamp}", None, str(logo))


class Logo(Flowable):
    def __init__(self, reader: ImageReader | str, size: float) -> None:
        super().__init__()
        self.reader = reader
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.drawImage(
            self.reader,
            0,
            0,
            self.width,
            self.height,
            preserveAspectRatio=True,
            anchor="c",
        )


class SealMark(Flowable):
    """A dashed circle where the company seal goes."""

    def __init__(self, label: str, font: str) -> None:
        super().__init__()
        self.label = label
        self.font = font
        self.width = self.height = SEAL_DIAMETER

    def draw(self) -> None:
        canvas = self.canv
        radius = SEAL_DIAMETER / 2
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setDash(3, 3)
        canvas.setLineWidth(0.6)
        canvas.circle(radius, radius, radius - 1, stroke=1, fill=0)
        canvas.setFillColor(colors.HexColor("#b0bac6"))
        canvas.setFont(self.font, 9)
        canvas.drawCentredString(radius, radius - 3, self.label)
        canvas.restoreState()


def letterhead_block(document: IntentDocument, styles: IntentStyles, width: float) -> Columns:
    language, font = document.language, styles.font
    head = document.letterhead
    lines: list[Flowable] = [bilingual(head.name, language, font, styles.letterhead_name)]
    details: list[Run | str] = []
    style = styles.letterhead
    if head.credit_code:
        label, _ = shown(L.CREDIT_CODE, language)
        details += runs_of(f"{label} {head.credit_code}", style) + [NEWLINE]
    for part in (*shown(head.address, language), head.contact):
        if part:
            details += runs_of(part, style) + [NEWLINE]
    if details:
        lines.append(block(details[:-1], font, style))
    reader = logo_reader(head.logo)
    logo = Logo(reader, LOGO_SIZE) if reader is not None else None
    qr_cell = [
        QrCode(document.qr_payload, QR_SIZE),
        text_block(document.qr_payload, font, styles.small_center),
    ]
    logo_width = LOGO_SIZE + 4 * mm if reader is not None else 0.0
    return Columns(
        [[logo] if logo is not None else [], lines, qr_cell],
        [logo_width, width - logo_width - QR_SIZE - 4 * mm, QR_SIZE + 4 * mm],
        padding=(0, 0, 0, 5),
        indents=[0.0, 0.0, 4 * mm],
        rules=Rules(below=1.2, below_color=ACCENT),
    )


def title_block(
    document: IntentDocument, styles: IntentStyles, width: float, issued: str
) -> list[Flowable]:
    language, font = document.language, styles.font
    main, sub = shown(L.TITLE, language)
    blocks: list[Flowable] = [Spacer(1, 8), text_block(main, font, styles.title)]
    if sub:
        blocks.append(text_block(sub, font, styles.title_sub))
    reference = document.reference
    if document.revision > 1:
        lang = "en" if language == "en" else "zh"
        revision = L.REVISION.render(lang, revision=document.revision)
        reference += f" ({revision})" if lang == "en" else f"（{revision}）"
    cells = [
        label_and_value(L.REFERENCE, reference, language, font, styles.cell),
        label_and_value(L.DATE, issued, language, font, styles.cell),
        label_and_value(L.PLACE, document.place, language, font, styles.cell),
    ]
    blocks.append(
        Columns(
            [[cell] for cell in cells],
            [width * 0.36, width * 0.25, width * 0.39],
            padding=(0, 6, 4, 6),
        )
    )
    return blocks


def _blank_or(value: str) -> str:
    """What a party left empty is a line to fill in by hand at the table."""
    return value if value.strip() else BLANK


def _party_cell(party: PartyBlock, language: str, styles: IntentStyles) -> list[Flowable]:
    font, cell = styles.font, styles.cell
    name = bilingual_runs(party.name, language, cell) if party.name.zh else runs_of(BLANK, cell)
    rows: list[Flowable] = [
        bilingual(party.role, language, font, styles.head_cell, inline=True),
        labelled(L.NAME, name, language, font, cell),
    ]
    address = NEWLINE.join(t for t in shown(party.address, language) if t)
    for label, value in (
        (L.CREDIT_CODE, party.credit_code),
        (L.ADDRESS, address),
        (L.REPRESENTATIVE, party.representative),
        (L.PHONE, party.phone),
    ):
        rows.append(label_and_value(label, _blank_or(value), language, font, cell))
    return rows


def parties_block(document: IntentDocument, styles: IntentStyles, width: float) -> Columns:
    language = document.language
    return Columns(
        [
            _party_cell(document.seller, language, styles),
            _party_cell(document.buyer, language, styles),
        ],
        [width / 2, width / 2],
        padding=(6, 5, 6, 6),
        rules=Rules(color=RULE, box=0.6, dividers=0.6),
    )


def signature_block(document: IntentDocument, styles: IntentStyles, width: float) -> list[Flowable]:
    """Both parties side by side, row by row (so the two columns line up)."""
    language, font, cell = document.language, styles.font, styles.cell
    seal = " ".join(t for t in shown(L.SEAL_MARK, language) if t)
    date_blank = "______年____月____日" if language != "en" else BLANK
    rows: list[list[list[Flowable]]] = [[], [], [], [], []]
    for party in (document.seller, document.buyer):
        role = Bilingual(zh=party.role.zh + L.SEAL.zh, en=f"{party.role.en} {L.SEAL.en}")
        name = bilingual_runs(party.name, language, cell) if party.name.zh else runs_of(BLANK, cell)
        rows[0].append([bilingual(role, language, font, styles.head_cell, inline=True)])
        rows[1].append([block(name, font, cell)])
        rows[2].append([SealMark(seal, font)])
        rows[3].append([label_and_value(L.SIGNATURE, BLANK, language, font, cell)])
        rows[4].append([label_and_value(L.SIGN_DATE, date_blank, language, font, cell)])
    tops = (3, 3, 6, 10, 12)
    return [
        Columns(row, [width / 2, width / 2], padding=(4, top, 4, 0))
        for row, top in zip(rows, tops, strict=True)
    ]
