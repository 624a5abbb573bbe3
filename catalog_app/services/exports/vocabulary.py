"""Chinese and English labels of the vocabularies an export, the dashboard and the fair report
show, keyed by the stored value.

The lead vocabularies come from ``services/lead_labels`` and the intent statuses from
``domain/intent_terms`` (one registry each, shared with the lead list, the import and the intent
form); this module keys them by stored text for the hot loops and adds what only the exports
and reports need (consent purposes, "unrated", "no staff"). A stored value that a newer version
of the app added and this one does not know is shown as it is stored, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from catalog_app.domain.intent_terms import STATUS_LABELS
from catalog_app.domain.text import Bilingual
from catalog_app.services import lead_labels
from catalog_app.services.consent import PURPOSE_CONTACT


def _by_value(table: dict[StrEnum, Bilingual]) -> dict[str, Bilingual]:
    return {member.value: text for member, text in table.items()}


RATINGS = _by_value(lead_labels.RATING)  # type: ignore[arg-type]
SOURCES = _by_value(lead_labels.SOURCE)  # type: ignore[arg-type]
FOLLOW_UPS = _by_value(lead_labels.FOLLOW_UP)  # type: ignore[arg-type]
INDUSTRIES = _by_value(lead_labels.INDUSTRY)  # type: ignore[arg-type]
TIMEFRAMES = _by_value(lead_labels.TIMEFRAME)  # type: ignore[arg-type]
FINANCING = _by_value(lead_labels.FINANCING)  # type: ignore[arg-type]
ENERGY_PREFERENCES = _by_value(lead_labels.ENERGY)  # type: ignore[arg-type]
INTENT_STATUSES = _by_value(STATUS_LABELS)  # type: ignore[arg-type]
UNRATED = Bilingual(zh="未评级", en="Unrated")
NO_INDUSTRY = Bilingual(zh="未填行业", en="Industry not given")

# Consent purposes: the app's own, and those found in data merged from other versions.
PURPOSES: dict[str, Bilingual] = {
    PURPOSE_CONTACT: Bilingual(zh="联系介绍车辆与报价", en="Contact about vehicles and offers"),
    "follow_up": Bilingual(zh="跟进购车意向", en="Follow up on purchase interest"),
    "marketing": Bilingual(zh="市场推广信息", en="Marketing messages"),
    "crm_transfer": Bilingual(zh="提供给合作方 CRM", en="Hand over to a partner's CRM"),
}

NO_STAFF = Bilingual(zh="（无员工）", en="(no staff)")
UNKNOWN_DEVICE = Bilingual(zh="（未知设备）", en="(unknown device)")
UNKNOWN_MODEL = Bilingual(zh="（未知车型）", en="(unknown model)")


def label(table: dict[str, Bilingual], value: str | StrEnum | None, lang: str) -> str:
    """The label of ``value`` in ``table``; an unknown value as stored; "" for None/empty."""
    if value is None or value == "":
        return ""
    found = table.get(str(value))
    return found.render(lang) if found is not None else str(value)


def labels_in(table: dict[str, Bilingual], lang: str) -> dict[str, str]:
    """The whole table rendered in ``lang`` (for hot loops: one dict lookup per value)."""
    return {key: text.render(lang) for key, text in table.items()}


def purposes_text(purposes: Iterable[str], lang: str) -> str:
    """Purposes as one readable text, in the order they were ticked."""
    separator = "；" if lang.startswith("zh") else "; "
    return separator.join(label(PURPOSES, str(p), lang) for p in purposes if p)
