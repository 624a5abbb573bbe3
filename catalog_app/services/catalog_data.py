"""A catalog as read from a file, before it touches the database (plain values, checked)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path


@dataclass
class MediaData:
    source: Path
    kind: str  # photo | brochure | logo
    caption_zh: str = ""
    caption_en: str = ""
    relative_name: str = ""


@dataclass
class OptionData:
    code: str
    name_zh: str
    name_en: str
    price_cny: float


@dataclass
class ModelData:
    code: str
    exhibitor_code: str
    name_zh: str
    name_en: str = ""
    maker_zh: str = ""
    maker_en: str = ""
    description_zh: str = ""
    description_en: str = ""
    composite_note_zh: str = ""
    composite_note_en: str = ""
    # Every spec value by field key, column-backed ones included (body_type, price_cny, ...).
    specs: dict[str, float | str | None] = field(default_factory=dict)
    # Spec keys this source speaks for: a key listed here but absent from ``specs`` is cleared.
    spec_keys_covered: set[str] = field(default_factory=set)
    options: list[OptionData] | None = None  # None: leave existing options alone
    media: list[MediaData] | None = None  # None: leave existing media alone
    sort_order: int = 0


@dataclass
class ExhibitorData:
    code: str
    name_zh: str
    kind: str = "maker"
    name_en: str = ""
    booth: str = ""
    credit_code: str = ""
    address_zh: str = ""
    address_en: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    email: str = ""
    website: str = ""
    description_zh: str = ""
    description_en: str = ""
    logo: MediaData | None = None


@dataclass
class FairData:
    code: str
    name_zh: str
    name_en: str = ""
    venue_zh: str = ""
    venue_en: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    is_sample: bool = False
    notice_zh: str = ""
    notice_en: str = ""


@dataclass
class InterestData:
    model_code: str
    quantity: int = 1
    timeframe: str = "unknown"
    financing: str = "undecided"
    energy_preference: str = "undecided"


@dataclass
class LeadData:
    """A fictional sample lead shipped with the sample fair (never real personal data)."""

    code: str
    person_name: str
    consent_version: str
    exhibitor_code: str = ""
    company: str = ""
    credit_code: str = ""
    title: str = ""
    mobile: str = ""
    landline: str = ""
    email: str = ""
    wechat_id: str = ""
    industry: str = ""
    fleet_size: int | None = None
    rating: str | None = None
    notes: str = ""
    consent_text: str = ""
    captured_at: datetime | None = None
    interests: list[InterestData] = field(default_factory=list)


@dataclass
class CatalogData:
    fair: FairData | None  # None: import into the database's current fair
    exhibitors: list[ExhibitorData]
    models: list[ModelData]
    leads: list[LeadData] = field(default_factory=list)
