"""Reading one cell of a lead file: choices in zh or en, whole numbers, dates, yes/no, models.

Each reader returns the value, or raises ``BadValue`` with a bilingual reason (the importer adds
the row and the column). Words are matched folded (width, case and spaces ignored).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from catalog_app.domain.enums import Industry
from catalog_app.domain.text import Bilingual
from catalog_app.services.import_problems import BAD_CHOICE, NOT_WHOLE
from catalog_app.services.lead_labels import labels_of

E = TypeVar("E", bound=StrEnum)

NOT_A_DATE = Bilingual(
    zh="“{value}”不是日期（例如 2026-05-21 或 2026-05-21 14:30）",
    en="“{value}” is not a date (e.g. 2026-05-21 or 2026-05-21 14:30)",
)
NOT_YES_NO = Bilingual(
    zh="“{value}”应为 是/否（或 同意/不同意、yes/no）",
    en="“{value}” should be yes or no (or 是/否)",
)

# Extra words people write for a choice, beyond its labels and its stored value.
EXTRA_WORDS: dict[str, tuple[str, ...]] = {
    "hot": ("a", "高", "强", "热门", "重点", "hot lead"),
    "warm": ("b", "中", "一般", "温和"),
    "cold": ("c", "低", "弱", "冷淡"),
    "new": ("新", "未联系", "待跟进"),
    "contacted": ("已联络", "跟进中"),
    "won": ("成交", "签约", "已签约"),
    "lost": ("流失", "放弃", "无意向"),
    "logistics": ("物流", "快递", "运输", "logistics"),
    "coal_mining": ("煤炭", "矿业", "采矿", "mining", "coal"),
    "energy_power": ("能源", "电力", "电厂", "energy", "power"),
    "construction": ("建筑", "建材", "工程", "construction"),
    "municipal": ("市政", "环卫", "municipal"),
    "supply_chain": ("供应链", "贸易", "商贸", "trading"),
    "finance_leasing": ("金融", "租赁", "银行", "leasing", "finance"),
    "swap_charging": ("换电", "充电", "充换电", "charging", "swap"),
    "within_3_months": ("3个月内", "三个月内", "近期"),
    "within_6_months": ("6个月内", "半年内"),
    "within_12_months": ("12个月内", "一年内", "今年"),
    "full_payment": ("全款", "一次性付款"),
    "bank_loan": ("贷款", "按揭"),
    "finance_lease": ("融资租赁", "租赁"),
    "battery_as_a_service": ("车电分离", "电池租赁", "baas"),
    "charge": ("充电", "快充"),
    "swap": ("换电",),
    "hydrogen": ("氢", "氢能", "氢燃料"),
}
YES = {
    "是",
    "y",
    "yes",
    "true",
    "1",
    "同意",
    "已同意",
    "√",
    "✓",
    "✔",
    "ok",
    "有",
    "agree",
    "agreed",
}
NO = {"否", "n", "no", "false", "0", "不同意", "未同意", "×", "✗", "无", "disagree"}
_SEPARATORS = re.compile(r"[、,，;；/\n]+")
_QUANTITY_SUFFIX = re.compile(r"^(.*?)\s*[×xX*＊]\s*(\d{1,6})\s*(?:台|辆|units?)?$")
_NUMBER = re.compile(r"^\s*(\d[\d,，]*)\s*(?:台|辆|部|units?|vehicles?)?\s*$")
_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日",
    "%d.%m.%Y",
)


class BadValue(Exception):
    def __init__(self, message: Bilingual, **params: object) -> None:
        super().__init__(message.en)
        self.message = message
        self.params = params


def fold_word(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).strip().lower())


def choice(enum: type[E], text: str) -> E | None:
    """The member ``text`` names (its value, its zh/en label or a common word); None if empty."""
    word = fold_word(text)
    if not word:
        return None
    labels = labels_of(enum)
    for member in enum:
        names = {member.value, *EXTRA_WORDS.get(member.value, ())}
        if member in labels:
            names.update((labels[member].zh, labels[member].en))
        if word in {fold_word(name) for name in names}:
            return member
    allowed = ", ".join(f"{labels[m].zh}/{labels[m].en}" if m in labels else m.value for m in enum)
    raise BadValue(BAD_CHOICE, value=text, allowed=allowed)


def industry(text: str) -> tuple[Industry | None, str]:
    """(industry, text kept for the notes): an unknown industry becomes OTHER + the words."""
    try:
        return choice(Industry, text), ""
    except BadValue:
        return Industry.OTHER, text.strip()


def whole_number(text: str) -> int | None:
    if not text.strip():
        return None
    found = _NUMBER.match(text)
    if found is None:
        raise BadValue(NOT_WHOLE, value=text)
    return int(found.group(1).replace(",", "").replace("，", ""))


def yes_no(text: str) -> bool | None:
    word = fold_word(text)
    if not word:
        return None
    if word in YES:
        return True
    if word in NO:
        return False
    raise BadValue(NOT_YES_NO, value=text)


def moment(text: str) -> datetime | None:
    """A date or date-time in the machine's time zone (where the fair was), made aware."""
    value = " ".join(text.replace("T", " ").split())
    if not value:
        return None
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).astimezone()
        except ValueError:
            continue
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise BadValue(NOT_A_DATE, value=text) from exc
    return parsed if parsed.tzinfo else parsed.astimezone()


@dataclass(frozen=True)
class ModelRef:
    id: uuid.UUID
    keys: tuple[str, ...]  # folded code, Chinese name, English name


@dataclass(frozen=True)
class ModelWish:
    model_id: uuid.UUID | None  # None: not in the catalog (the text is kept in the notes)
    text: str
    quantity: int | None


def model_wishes(text: str, catalog: dict[str, uuid.UUID]) -> list[ModelWish]:
    """``"QL-E49×5、筑城 L45"`` → wishes; ``catalog`` maps folded codes and names to ids."""
    wishes = []
    for part in _SEPARATORS.split(text):
        part = part.strip()
        if not part:
            continue
        quantity = None
        found = _QUANTITY_SUFFIX.match(part)
        if fold_word(part) not in catalog and found and found.group(1).strip():
            part, quantity = found.group(1).strip(), int(found.group(2))
        wishes.append(ModelWish(catalog.get(fold_word(part)), part, quantity))
    return wishes
