"""The two tables of the spreadsheet exports (CSV and XLSX): leads, and their interests.

Columns are declared once here — key, Chinese and English header, kind, width — and both the
CSV and the XLSX writer follow them, so the two formats always carry the same data. Every lead
row carries the consent: when it was given, the version, the purposes and the exact wording.

The row builders are the hot path of an export of a million leads: they turn the stored values
of a batch (``RawBatch``) into cells in one pass, with labels looked up in plain dicts, times
converted by the memoised ``MomentMaker`` and the CSV formula marker applied inline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from catalog_app.domain.text import Bilingual
from catalog_app.services.exports import vocabulary as vocab
from catalog_app.services.exports.cells import CHECK_STARTS, neutralise
from catalog_app.services.exports.source import LeadStream, RawBatch, id_text


class Kind(StrEnum):
    TEXT = "text"
    CODE = "code"  # text that must stay text when edited in Excel: ids, phones, credit codes
    MOMENT = "moment"  # a date and time (a real date in XLSX)
    INTEGER = "integer"


@dataclass(frozen=True)
class Column:
    key: str
    header: Bilingual
    kind: Kind = Kind.TEXT
    width: int = 14

    def title(self, lang: str, zone: str) -> str:
        text = self.header.render(lang)
        return f"{text} ({zone})" if self.kind is Kind.MOMENT else text


def _c(key: str, zh: str, en: str, kind: Kind = Kind.TEXT, width: int = 14) -> Column:
    return Column(key, Bilingual(zh=zh, en=en), kind, width)


LEAD_TABLE: tuple[Column, ...] = (
    _c("lead_id", "线索编号", "Lead ID", Kind.CODE, 38),
    _c("captured_at", "采集时间", "Captured at", Kind.MOMENT, 24),
    _c("person_name", "姓名", "Name", width=16),
    _c("company", "单位", "Company", width=32),
    _c("credit_code", "统一社会信用代码", "Unified social credit code", Kind.CODE, 22),
    _c("title", "职务", "Title", width=16),
    _c("mobile", "手机", "Mobile", Kind.CODE, 16),
    _c("mobile_e164", "手机（国际格式）", "Mobile (E.164)", Kind.CODE, 17),
    _c("landline", "座机", "Landline", Kind.CODE, 16),
    _c("email", "电子邮箱", "E-mail", width=28),
    _c("wechat_id", "微信号", "WeChat ID", width=18),
    _c("industry", "行业", "Industry", width=18),
    _c("fleet_size", "车队规模（辆）", "Fleet size (vehicles)", Kind.INTEGER, 12),
    _c("rating", "评级", "Rating", width=9),
    _c("follow_up", "跟进状态", "Follow-up", width=12),
    _c("source", "来源", "Source", width=11),
    _c("staff", "登记员工", "Staff", width=14),
    _c("device", "登记设备", "Device", width=20),
    _c("interests", "意向车型", "Models of interest", width=48),
    _c("units", "意向台数", "Units of interest", Kind.INTEGER, 10),
    _c("notes", "备注", "Notes", width=40),
    _c("consent_at", "同意时间", "Consent given at", Kind.MOMENT, 24),
    _c("consent_version", "同意书版本", "Consent version", width=14),
    _c("consent_purposes", "同意用途", "Consent purposes", width=26),
    _c("consent_text", "同意书原文", "Consent wording", width=70),
    _c("exported_at", "此前导出时间", "Previously exported at", Kind.MOMENT, 24),
)

INTEREST_TABLE: tuple[Column, ...] = (
    _c("lead_id", "线索编号", "Lead ID", Kind.CODE, 38),
    _c("person_name", "姓名", "Name", width=16),
    _c("company", "单位", "Company", width=32),
    _c("model_code", "车型代码", "Model code", Kind.CODE, 18),
    _c("model_name", "车型", "Model", width=40),
    _c("quantity", "台数", "Quantity", Kind.INTEGER, 9),
    _c("timeframe", "购车时间", "Timeframe", width=16),
    _c("financing", "付款方式", "Financing", width=20),
    _c("energy_preference", "补能方式", "Energy", width=14),
    _c("notes", "备注", "Notes", width=40),
)

Cell = str | int | float | None
PIECES_LIMIT = 50_000  # memoised "model ×units" texts


class LeadTable:
    """Cells of both tables for one export (one language, one time offset)."""

    def __init__(self, stream: LeadStream, lang: str) -> None:
        self.stream = stream
        self.lang = lang
        self.zone = stream.moments.label
        self._ratings = vocab.labels_in(vocab.RATINGS, lang)
        self._follow_ups = vocab.labels_in(vocab.FOLLOW_UPS, lang)
        self._sources = vocab.labels_in(vocab.SOURCES, lang)
        self._industries = vocab.labels_in(vocab.INDUSTRIES, lang)
        self._timeframes = vocab.labels_in(vocab.TIMEFRAMES, lang)
        self._financing = vocab.labels_in(vocab.FINANCING, lang)
        self._energy = vocab.labels_in(vocab.ENERGY_PREFERENCES, lang)
        self._zh = lang.startswith("zh")
        self._separator = "；" if self._zh else "; "
        self._purpose_texts: dict[Any, str] = {}
        self._model_labels: dict[Any, str] = {}
        self._pieces: dict[tuple[Any, int], str] = {}
        self._marked: tuple[dict[Any, str], dict[Any, str]] | None = None
        self._purpose_cells: dict[Any, str] = {}

    def headers(self, columns: tuple[Column, ...]) -> list[str]:
        return [column.title(self.lang, self.zone) for column in columns]

    # -- memo tables (a file holds few distinct values of these) -------------------------------
    def purposes_text(self, stored: Any) -> str:
        found = self._purpose_texts.get(stored) if isinstance(stored, str | None) else None
        if found is None:
            found = vocab.purposes_text(self.stream.purposes(stored), self.lang)
            if isinstance(stored, str | None):
                self._purpose_texts[stored] = found
        return found

    def model_label(self, stored_model_id: Any) -> str:
        found = self._model_labels.get(stored_model_id)
        if found is None:
            code, name_zh, name_en = self.stream.model(stored_model_id)
            name = name_zh if self._zh or not name_en else name_en
            found = name or code or vocab.UNKNOWN_MODEL.render(self.lang)
            self._model_labels[stored_model_id] = found
        return found

    def _piece(self, model_id: Any, quantity: int) -> str:
        key = (model_id, quantity)
        found = self._pieces.get(key)
        if found is None:
            if len(self._pieces) >= PIECES_LIMIT:  # memory stays bounded on any file
                self._pieces.clear()
            found = self._pieces[key] = f"{self.model_label(model_id)} ×{quantity}"
        return found

    def summary(self, interests: list[Any]) -> tuple[str, int]:
        """("model ×units; …", total units) of a lead's interest rows."""
        piece = self._piece
        if len(interests) == 1:
            only = interests[0]
            return piece(only[1], only[2] or 0), only[2] or 0
        return (
            self._separator.join([piece(i[1], i[2] or 0) for i in interests]),
            sum([i[2] or 0 for i in interests]),
        )

    @staticmethod
    def _label(table: dict[str, str], value: str | None, mark: Callable[[str], str]) -> str:
        if not value:
            return ""
        return table.get(value) or mark(value)

    # -- the leads table -------------------------------------------------------------------
    def lead_rows(self, batch: RawBatch, *, as_text: bool) -> list[list[Cell]]:
        """One row of cells per lead, in ``LEAD_TABLE`` order.

        ``as_text`` (CSV): every cell is text, times as ``YYYY-MM-DD HH:MM:SS``, text cells
        neutralised against formulas. Otherwise (XLSX): texts as they are, times as Excel
        serial day numbers (float), counts as int, missing values as None.
        """
        return self._text_rows(batch) if as_text else self._typed_rows(batch)

    def _text_rows(self, batch: RawBatch) -> list[list[Cell]]:
        """The CSV rows. The hot path of a big export: each free-text cell is checked inline
        (``x[0] in starts`` is far cheaper than a call) and marked only when it must be;
        staff, device and purpose texts come from tables already marked."""
        time_text = self.stream.moments.text
        staff, devices = self._marked_names()
        ratings, follow_ups = self._ratings, self._follow_ups
        sources, industries = self._sources, self._industries
        summary, purpose_cell = self.summary, self._purpose_cell
        mark, starts = neutralise, CHECK_STARTS
        interests_of = batch.interests
        out: list[list[Cell]] = []
        append = out.append
        for (
            lead_id,
            captured,
            name,
            company,
            credit_code,
            title,
            mobile,
            e164,
            landline,
            email,
            wechat,
            industry,
            fleet,
            rating,
            follow_up,
            source,
            staff_id,
            device_id,
            notes,
            consent_at,
            consent_version,
            purposes,
            consent_text,
            exported_at,
        ) in batch.rows:
            interests = interests_of.get(lead_id)
            if interests:
                text, units = summary(interests)
                summary_text = mark(text) if text[0] in starts else text
                units_text = str(units)
            else:
                summary_text = units_text = ""
            captured_text = time_text(captured)
            append(
                [
                    id_text(lead_id),
                    captured_text,
                    (mark(name) if name[0] in starts else name) if name else "",
                    (mark(company) if company[0] in starts else company) if company else "",
                    (mark(credit_code) if credit_code[0] in starts else credit_code)
                    if credit_code
                    else "",
                    (mark(title) if title[0] in starts else title) if title else "",
                    (mark(mobile) if mobile[0] in starts else mobile) if mobile else "",
                    mark(e164) if e164 else "",  # E.164 always starts with "+"
                    (mark(landline) if landline[0] in starts else landline) if landline else "",
                    (mark(email) if email[0] in starts else email) if email else "",
                    (mark(wechat) if wechat[0] in starts else wechat) if wechat else "",
                    (industries.get(industry) or mark(industry)) if industry else "",
                    "" if fleet is None else str(fleet),
                    (ratings.get(rating) or mark(rating)) if rating else "",
                    (follow_ups.get(follow_up) or mark(follow_up)) if follow_up else "",
                    (sources.get(source) or mark(source)) if source else "",
                    staff.get(staff_id, ""),
                    devices.get(device_id, ""),
                    summary_text,
                    units_text,
                    (mark(notes) if notes[0] in starts else notes) if notes else "",
                    time_text(consent_at),
                    (mark(consent_version) if consent_version[0] in starts else consent_version)
                    if consent_version
                    else "",
                    purpose_cell(purposes),
                    (mark(consent_text) if consent_text[0] in starts else consent_text)
                    if consent_text
                    else "",
                    time_text(exported_at),
                ]
            )
        return out

    def _marked_names(self) -> tuple[dict[Any, str], dict[Any, str]]:
        """Staff and device names as CSV cells, by stored id (made once per export)."""
        if self._marked is None:
            self._marked = (
                {k: neutralise(v) for k, v in self.stream.staff_names.items()},
                {k: neutralise(v) for k, v in self.stream.device_names.items()},
            )
        return self._marked

    def _purpose_cell(self, stored: Any) -> str:
        key = stored if isinstance(stored, str | None) else repr(stored)
        found = self._purpose_cells.get(key)
        if found is None:
            found = self._purpose_cells[key] = neutralise(self.purposes_text(stored))
        return found

    def _typed_rows(self, batch: RawBatch) -> list[list[Cell]]:
        moment = self.stream.moments.serial
        staff = self.stream.staff_names
        devices = self.stream.device_names
        ratings, follow_ups = self._ratings, self._follow_ups
        sources, industries = self._sources, self._industries
        label = self._label
        interests_of = batch.interests
        out: list[list[Cell]] = []
        for row in batch.rows:
            interests = interests_of.get(row[0])
            summary_text, units = self.summary(interests) if interests else ("", None)
            out.append(
                [
                    id_text(row[0]),
                    moment(row[1]),
                    *[value or "" for value in row[2:11]],
                    label(industries, row[11], _identity),
                    row[12],
                    label(ratings, row[13], _identity),
                    label(follow_ups, row[14], _identity),
                    label(sources, row[15], _identity),
                    staff.get(row[16], ""),
                    devices.get(row[17], ""),
                    summary_text,
                    units,
                    row[18] or "",
                    moment(row[19]),
                    row[20] or "",
                    self.purposes_text(row[21]),
                    row[22] or "",
                    moment(row[23]),
                ]
            )
        return out

    # -- the interests table ---------------------------------------------------------------
    def interest_rows(self, batch: RawBatch, *, as_text: bool) -> list[list[Cell]]:
        """One row per interest of the batch's leads, in ``INTEREST_TABLE`` order."""
        stream = self.stream
        mark: Callable[[str], str] = neutralise if as_text else _identity
        label = self._label
        timeframes, financing, energy = self._timeframes, self._financing, self._energy
        out: list[list[Cell]] = []
        for row in batch.rows:
            interests = batch.interests.get(row[0])
            if not interests:
                continue
            lead_id = id_text(row[0])
            name = mark(row[2] or "")
            company = mark(row[3] or "")
            for _lead, model_id, quantity, timeframe, finance, energy_pref, notes in interests:
                out.append(
                    [
                        lead_id,
                        name,
                        company,
                        mark(stream.model(model_id)[0]),
                        mark(self.model_label(model_id)),
                        str(quantity) if as_text else quantity,
                        label(timeframes, timeframe, mark),
                        label(financing, finance, mark),
                        label(energy, energy_pref, mark),
                        mark(notes or ""),
                    ]
                )
        return out


def _identity(text: str) -> str:
    return text
