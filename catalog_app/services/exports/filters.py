"""A ``LeadFilter`` described for people (the XLSX "about" sheet, the CLI) and for the audit log."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from typing import Any

from catalog_app.domain.text import Bilingual
from catalog_app.services.exports import vocabulary as vocab
from catalog_app.services.exports.moments import offset_label
from catalog_app.services.lead_query import LeadFilter

ALL_LEADS = Bilingual(zh="全部线索", en="All leads")
_NAMES = {
    "text": Bilingual(zh="搜索", en="Search"),
    "ratings": Bilingual(zh="评级", en="Rating"),
    "model_ids": Bilingual(zh="意向车型", en="Models"),
    "staff_ids": Bilingual(zh="员工", en="Staff"),
    "sources": Bilingual(zh="来源", en="Source"),
    "follow_ups": Bilingual(zh="跟进状态", en="Follow-up"),
    "device_ids": Bilingual(zh="设备", en="Devices"),
    "industries": Bilingual(zh="行业", en="Industry"),
    "captured_from": Bilingual(zh="采集时间起", en="Captured from"),
    "captured_to": Bilingual(zh="采集时间止（不含）", en="Captured before"),
    "consent_purpose": Bilingual(zh="同意用途", en="Consent purpose"),
    "only_not_exported": Bilingual(zh="仅未导出过的线索", en="Only leads not exported before"),
    "ids": Bilingual(zh="选定线索", en="Chosen leads"),
}
COUNT = Bilingual(zh="{n} 项", en="{n} chosen")
UNRATED_TOO = Bilingual(zh="含未评级", en="and unrated")


def _plain(value: Any) -> Any:
    if isinstance(value, frozenset | set | list | tuple):
        return sorted(_plain(v) for v in value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def filter_detail(flt: LeadFilter) -> dict[str, Any]:
    """The filter's non-default fields as JSON-ready values (for the audit log)."""
    default = LeadFilter()
    return {
        f.name: _plain(getattr(flt, f.name))
        for f in fields(LeadFilter)
        if getattr(flt, f.name) != getattr(default, f.name)
    }


def filter_summary(flt: LeadFilter, lang: str, offset: timedelta = timedelta(0)) -> str:
    """One line a person can read: "评级：热、温；意向车型：3 项；…" ("All leads" if none).
    Times are shown at ``offset`` from UTC (the export's offset)."""
    zh = lang.startswith("zh")
    comma, semicolon, colon = ("、", "；", "：") if zh else (", ", "; ", ": ")
    parts: list[str] = []

    def add(key: str, value: str) -> None:
        name = _NAMES[key].render(lang)
        parts.append(f"{name}{colon}{value}" if value else name)

    if flt.text.strip():
        add("text", flt.text.strip())
    if flt.ratings or flt.unrated:
        names = [vocab.label(vocab.RATINGS, r, lang) for r in sorted(flt.ratings)]
        if flt.unrated:
            names.append(vocab.UNRATED.render(lang))
        add("ratings", comma.join(names))
    for key in ("model_ids", "staff_ids", "device_ids", "ids"):
        chosen = getattr(flt, key)
        if chosen:
            add(key, COUNT.render(lang, n=len(chosen)))
    if flt.sources:
        add("sources", comma.join(vocab.label(vocab.SOURCES, s, lang) for s in sorted(flt.sources)))
    if flt.follow_ups:
        add(
            "follow_ups",
            comma.join(vocab.label(vocab.FOLLOW_UPS, s, lang) for s in sorted(flt.follow_ups)),
        )
    if flt.industries:
        add(
            "industries",
            comma.join(vocab.label(vocab.INDUSTRIES, s, lang) for s in sorted(flt.industries)),
        )
    for key in ("captured_from", "captured_to"):
        moment = getattr(flt, key)
        if moment is not None:
            local = moment.astimezone(timezone(offset))
            add(key, f"{local:%Y-%m-%d %H:%M} ({offset_label(offset)})")
    if flt.consent_purpose:
        add("consent_purpose", vocab.label(vocab.PURPOSES, flt.consent_purpose, lang))
    if flt.only_not_exported:
        add("only_not_exported", "")
    return semicolon.join(parts) if parts else ALL_LEADS.render(lang)
