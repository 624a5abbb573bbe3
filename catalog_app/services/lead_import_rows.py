"""One row of a lead file → a ``LeadInput`` (plus capture time and follow-up status).

Cells that cannot be read (a rating "maybe", a fleet size "lots", a date "soon") are problems
with their row and column; values that are merely unknown to the catalog (a model or an industry
under another name) are kept word for word in the lead's notes, and the report says so.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime

from catalog_app.domain.contacts import phone_kind
from catalog_app.domain.enums import (
    EnergyPreference,
    Financing,
    FollowUp,
    Rating,
    Timeframe,
)
from catalog_app.domain.text import Bilingual
from catalog_app.services.consent import PURPOSE_CONTACT
from catalog_app.services.import_problems import ImportProblem, Problems
from catalog_app.services.lead_import_columns import ColumnPlan
from catalog_app.services.lead_import_values import (
    BadValue,
    choice,
    industry,
    model_wishes,
    moment,
    whole_number,
    yes_no,
)
from catalog_app.services.lead_input import InterestInput, LeadInput

IMPORT_VERSION = "import"
CONSENT_RECORDED = Bilingual(
    zh="从文件“{file}”导入（{date}）：文件记载此人已同意被联系（“{value}”），同意于别处取得。",
    en="Imported from “{file}” on {date}: the file records that the person agreed to be "
    "contacted (“{value}”); the consent was obtained elsewhere.",
)
CONSENT_NONE = Bilingual(
    zh="从文件“{file}”导入（{date}）：信息在别处收集，文件中没有此人同意的记录；"
    "在取得同意之前，不用于需要同意的用途。",
    en="Imported from “{file}” on {date}: collected elsewhere; the file records no consent "
    "from the person, so the lead is not used for purposes that need consent until they agree.",
)
MODEL_KEPT = Bilingual(
    zh="目录中没有车型“{value}”，已写入备注",
    en="no model “{value}” in the catalog; kept in the notes",
)
INDUSTRY_KEPT = Bilingual(
    zh="行业“{value}”不在列表中，记为“其他”并写入备注",
    en="the industry “{value}” is not in the list; recorded as Other and kept in the notes",
)
NOTE_MODEL = Bilingual(
    zh="意向车型（目录中没有）：{value}", en="Model of interest (not in catalog): {value}"
)
NOTE_INDUSTRY = Bilingual(zh="行业：{value}", en="Industry: {value}")
TEXT_FIELDS = (
    "person_name",
    "company",
    "credit_code",
    "title",
    "mobile",
    "landline",
    "email",
    "wechat_id",
)


def _both(message: Bilingual, **params: object) -> str:
    return f"{message.render('zh_CN', **params)}\n{message.render('en', **params)}"


class RowReader:
    """Reads rows of one file with one column plan."""

    def __init__(
        self, plan: ColumnPlan, models: dict[str, uuid.UUID], file_name: str, now: datetime
    ) -> None:
        self.plan = plan
        self.models = models
        self.file_name = file_name
        self.date = now.astimezone().strftime("%Y-%m-%d")

    def column_of(self, name: str) -> str:
        """The file's column for a LeadInput field (as ``validate_lead`` names it)."""
        if name.startswith("interests["):
            return self.plan.header_of("quantity") or self.plan.header_of("models")
        if name == "consent_given":
            return self.plan.header_of("consent")
        found = self.plan.header_of(name)
        if not found and name == "person_name":
            return self.plan.header_of("company")
        return found

    def read(
        self, number: int, cells: list[str], problems: Problems, notes: list[ImportProblem]
    ) -> tuple[LeadInput, datetime | None, FollowUp | None]:
        """The row as a lead; cells that cannot be read are added to ``problems`` (the row's
        other checks still run, so one pass reports everything)."""
        values = {
            name: (cells[index] if index < len(cells) else "")
            for index, name in self.plan.fields.items()
        }

        def read(name: str, reader, *args):  # type: ignore[no-untyped-def]
            text = values.get(name, "")
            try:
                return reader(*args, text) if args else reader(text)
            except BadValue as bad:
                problems.add(number, self.plan.header_of(name), bad.message, **bad.params)
                return None

        data = LeadInput(**{n: " ".join(values.get(n, "").split()) for n in TEXT_FIELDS})
        data.mobile, data.landline = phone_fields(data.mobile, data.landline)
        extra_notes: list[str] = []
        if values.get("industry", "").strip():
            data.industry, unknown = industry(values["industry"])
            if unknown:
                extra_notes.append(_both(NOTE_INDUSTRY, value=unknown))
                notes.append(
                    ImportProblem(
                        str(number),
                        self.plan.header_of("industry"),
                        INDUSTRY_KEPT,
                        {"value": unknown},
                    )
                )
        data.fleet_size = read("fleet_size", whole_number)
        data.rating = read("rating", choice, Rating)
        follow_up = read("follow_up", choice, FollowUp)
        quantity = read("quantity", whole_number)
        timeframe = read("timeframe", choice, Timeframe) or Timeframe.UNKNOWN
        financing = read("financing", choice, Financing) or Financing.UNDECIDED
        energy = read("energy_preference", choice, EnergyPreference) or EnergyPreference.UNDECIDED
        captured_at = read("captured_at", moment)
        for wish in model_wishes(values.get("models", ""), self.models):
            if wish.model_id is None:
                text = wish.text + (f" ×{wish.quantity}" if wish.quantity else "")
                extra_notes.append(_both(NOTE_MODEL, value=text))
                notes.append(
                    ImportProblem(
                        str(number), self.plan.header_of("models"), MODEL_KEPT, {"value": wish.text}
                    )
                )
                continue
            data.interests.append(
                InterestInput(
                    wish.model_id,
                    wish.quantity or quantity or 1,
                    timeframe,
                    financing,
                    energy,
                )
            )
        notes_text = values.get("notes", "").strip()
        data.notes = "\n".join(part for part in (notes_text, *extra_notes) if part)
        self._consent(data, values, read)
        return data, captured_at, follow_up

    def _consent(self, data: LeadInput, values: dict[str, str], read) -> None:  # type: ignore[no-untyped-def]
        agreed = read("consent", yes_no) if "consent" in values else None
        wording = re.sub(r"[ \t]+", " ", values.get("consent_text", "")).strip()
        version = values.get("consent_version", "").strip()
        if agreed:
            data.consent_given = True
            data.consent_text = wording or _both(
                CONSENT_RECORDED, file=self.file_name, date=self.date, value=values["consent"]
            )
            data.consent_version = version or IMPORT_VERSION
            data.consent_at = read("consent_at", moment)
            data.consent_purposes = [PURPOSE_CONTACT]
        else:
            data.consent_given = False
            data.consent_text = _both(CONSENT_NONE, file=self.file_name, date=self.date)
            data.consent_version = IMPORT_VERSION
            data.consent_purposes = []


def phone_fields(mobile: str, landline: str) -> tuple[str, str]:
    """A landline typed into a phone column goes to the landline (when that is empty)."""
    if mobile and not landline and phone_kind(mobile) == "landline":
        return "", mobile
    return mobile, landline
