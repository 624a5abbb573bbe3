"""Capture benchmarks: reading a badge, looking a code up in the attendee list, saving a lead.

``capture.badge_parse``: ``parse_badge`` on a Chinese vCard 3.0 as a scanner types it (names,
company with a department, title, a mobile and a landline classified with phonenumbers, an
e-mail, a web site). Baseline: the least any reader does — split the lines and the first ':' of
each into a dict. Goal: well under a millisecond, so that a scan fills the form at once.

``capture.attendee_lookup``: ``find_attendee`` for a bare badge code in a 50,000-person list
(the current fair found first, then its (fair, code) index). Baseline: the same indexed
``SELECT`` with bare ``sqlite3``.

``capture.lead_save``: what Ctrl+S does, ``LeadService.save`` of a scanned visitor with two
models of interest and consent — the checks (phone, e-mail, credit code), normalising, pinyin
search keys, the duplicate look-up and link, one durable transaction (WAL, synchronous=FULL) —
on a file already holding 100,000 leads. Baseline: bare ``sqlite3`` ``BEGIN; INSERT lead;
INSERT 2 interests; COMMIT`` with the same pragmas on a copy of the same file.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

from catalog_app.domain.enums import EnergyPreference, Financing, LeadSource, Rating, Timeframe
from catalog_app.domain.ids import new_id
from catalog_app.services.attendees import find_attendee, normalise_badge_code
from catalog_app.services.badges import parse_badge
from catalog_app.services.consent import current_consent
from catalog_app.services.lead_input import InterestInput, LeadInput
from catalog_app.services.leads import LeadService
from catalog_app.store.database import open_sqlite
from catalog_app.store.sqlite_settings import BUSY_TIMEOUT_MS
from tests.benchmarks import datagen
from tests.benchmarks.harness import Benchmark, Pair, RunContext, register

VCARD = "\n".join(
    [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:张;三;;;",
        "FN:张三",
        "ORG:贵州示例物流有限公司;运输部",
        "TITLE:车队经理",
        "TEL;TYPE=CELL:138 0013 8000",
        "TEL;TYPE=WORK,VOICE:0851-8555 1234",
        "EMAIL;TYPE=INTERNET:zhang.san@example.cn",
        "URL:https://logistics.example.cn",
        "END:VCARD",
    ]
)
ATTENDEES = 50_000
LEADS = 100_000
MODELS = 50


@register(
    "capture.badge_parse",
    [
        Benchmark(
            "badge parse (Chinese vCard 3.0, 11 lines)",
            subject="parse_badge(vCard): properties, escapes, names, phones classified",
            baseline="split lines and the first ':' of each into a dict",
            goal_seconds=0.001,
        )
    ],
    repeat=30,
    quick_repeat=8,
    warmup=2,
    number=200,
)
@contextmanager
def badge_parse(ctx: RunContext) -> Iterator[Pair]:
    expected = parse_badge(VCARD)
    if expected.mobile != "138 0013 8000" or expected.landline != "0851-8555 1234":
        raise RuntimeError("the parser did not read the benchmark card")

    def bare() -> object:
        fields = {}
        for line in VCARD.splitlines():
            name, sep, value = line.partition(":")
            if sep:
                fields[name.split(";", 1)[0]] = value
        return fields

    def subject() -> object:
        parse_badge(VCARD)
        return None

    def baseline() -> object:
        bare()
        return None

    yield Pair(subject=subject, baseline=baseline)


def _attendee_file(ctx: RunContext) -> Path:
    """A fair, and a list of 50,000 attendees written in one go (about 3 s)."""

    def make() -> Path:
        path = ctx.folder("attendees") / "attendees.sqlite"
        database = open_sqlite(path, backup_on_open=False)
        try:
            datagen.ensure_fair(database)
            with closing(sqlite3.connect(path)) as connection:
                fair_hex = connection.execute("SELECT id FROM fair LIMIT 1").fetchone()[0]
                stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
                rows = [
                    (
                        new_id().hex, stamp, stamp, f"{index:015d}.000000", None, None, fair_hex,
                        f"GZNEV26-{index:06d}", f"观众{index}", "示例物流有限公司", "经理",
                        f"139{index:08d}", f"a{index}@example.cn", "list.csv",
                    )
                    for index in range(ATTENDEES)
                ]  # fmt: skip
                connection.executemany(
                    "INSERT INTO attendee (id, created_at, updated_at, hlc, device_id, "
                    "deleted_at, fair_id, badge_code, person_name, company, title, mobile, "
                    "email, source_file) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    rows,
                )
                connection.commit()
        finally:
            database.close()
        return path

    path: Path = ctx.cached("attendees-50000", make)
    return path


@register(
    "capture.attendee_lookup",
    [
        Benchmark(
            "badge code look-up in a 50,000-person list",
            subject="find_attendee(code): current fair, then its (fair, code) index",
            baseline="sqlite3: SELECT … WHERE fair_id = ? AND badge_code = ?",
            goal_seconds=0.01,
        )
    ],
    repeat=30,
    quick_repeat=8,
    warmup=2,
    number=20,
)
@contextmanager
def attendee_lookup(ctx: RunContext) -> Iterator[Pair]:
    path = _attendee_file(ctx)
    database = open_sqlite(path, backup_on_open=False)
    connection = sqlite3.connect(path)
    fair_hex = connection.execute("SELECT id FROM fair LIMIT 1").fetchone()[0]
    codes = [f"gznev26-{(index * 7919) % ATTENDEES:06d}" for index in range(64)]
    subject_calls = count()
    bare_calls = count()

    def subject() -> object:
        found = find_attendee(database, codes[next(subject_calls) % len(codes)])
        if found is None:
            raise RuntimeError("a listed code was not found")
        return None

    def bare() -> object:
        code = normalise_badge_code(codes[next(bare_calls) % len(codes)])
        row = connection.execute(
            "SELECT id, badge_code, person_name, company, title, mobile, email FROM attendee "
            "WHERE fair_id = ? AND badge_code = ? AND deleted_at IS NULL",
            (fair_hex, code),
        ).fetchone()
        if row is None:
            raise RuntimeError("a listed code was not found")
        return None

    try:
        yield Pair(subject=subject, baseline=bare)
    finally:
        database.close()
        connection.close()


def _leads_file(ctx: RunContext) -> Path:
    def make() -> Path:
        path = ctx.folder("capture-leads") / "leads.sqlite"
        datagen.generate_models(path, MODELS)
        datagen.generate_leads(path, LEADS)
        return path

    path: Path = ctx.cached("capture-leads-100000", make)
    return path


def _visitor(index: int, model_ids: list[uuid.UUID]) -> LeadInput:
    """A visitor as the form hands them over after a scan: new mobile and e-mail each time."""
    wording = current_consent("zh_CN")
    scanned = parse_badge(
        VCARD.replace("138 0013 8000", f"137 {index:04d} {index * 7 % 10000:04d}")
    )
    return LeadInput(
        person_name=f"{scanned.person_name}{index}",
        company=scanned.company,
        title=scanned.title,
        mobile=scanned.mobile,
        landline=scanned.landline,
        email=f"visitor{index}@example.cn",
        rating=Rating.HOT,
        notes=scanned.notes_text("zh_CN"),
        badge_payload=VCARD,
        consent_given=True,
        consent_text=wording.text,
        consent_version=wording.version,
        consent_purposes=list(wording.purposes),
        interests=[
            InterestInput(model_ids[0], 2, Timeframe.WITHIN_3_MONTHS, Financing.FINANCE_LEASE,
                          EnergyPreference.SWAP),
            InterestInput(model_ids[1], 1, Timeframe.WITHIN_3_MONTHS, Financing.FINANCE_LEASE,
                          EnergyPreference.SWAP),
        ],
    )  # fmt: skip


@register(
    "capture.lead_save",
    [
        Benchmark(
            "Ctrl+S: save a scanned lead (2 models) among 100,000 leads",
            subject="LeadService.save: checks, keys, duplicate look-up and link, durable commit",
            baseline="sqlite3: BEGIN; INSERT lead; INSERT 2 interests; COMMIT (same pragmas)",
            goal_seconds=0.05,
        )
    ],
    repeat=30,
    quick_repeat=8,
    warmup=2,
    number=3,
)
@contextmanager
def lead_save(ctx: RunContext) -> Iterator[Pair]:
    source = _leads_file(ctx)
    folder = ctx.folder("capture-save")
    subject_path, bare_path = folder / "service.sqlite", folder / "bare.sqlite"
    for target in (subject_path, bare_path):
        shutil.copyfile(source, target)
    database = open_sqlite(subject_path, backup_on_open=False)
    with closing(sqlite3.connect(subject_path)) as peek:
        model_ids = [
            uuid.UUID(hex=row[0]) for row in peek.execute("SELECT id FROM truck_model LIMIT 2")
        ]
    leads = LeadService(database)
    visitors = [_visitor(index, model_ids) for index in range(256)]
    subject_calls = count()

    def subject() -> object:
        leads.save(visitors[next(subject_calls) % len(visitors)], source=LeadSource.BOOTH)
        return None

    connection = sqlite3.connect(bare_path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    bare_calls = count()

    def bare() -> object:
        visitor = visitors[next(bare_calls) % len(visitors)]
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        lead_hex = new_id().hex
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO lead (id, created_at, updated_at, hlc, person_name, person_name_key, "
            "company, company_key, credit_code, title, mobile, mobile_e164, landline, email, "
            "email_normalized, wechat_id, industry, source, rating, follow_up, notes, "
            "badge_payload, consent_text, consent_version, consent_at, consent_purposes, "
            "captured_at) VALUES (?,?,?,?,?,?,?,?,'',?,?,?,?,?,?,'','','booth','hot','new',?,?,"
            "?,?,?,'[]',?)",
            (
                lead_hex, stamp, stamp, stamp, visitor.person_name, visitor.person_name,
                visitor.company, visitor.company, visitor.title, visitor.mobile, visitor.mobile,
                visitor.landline, visitor.email, visitor.email, visitor.notes, VCARD,
                visitor.consent_text, visitor.consent_version, stamp, stamp,
            ),
        )  # fmt: skip
        for interest in visitor.interests:
            connection.execute(
                "INSERT INTO lead_interest (id, created_at, updated_at, hlc, lead_id, model_id, "
                "quantity, timeframe, financing, energy_preference, notes) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,'')",
                (
                    new_id().hex, stamp, stamp, stamp, lead_hex, interest.model_id.hex,  # type: ignore[union-attr]
                    interest.quantity, interest.timeframe.value, interest.financing.value,
                    interest.energy_preference.value,
                ),
            )  # fmt: skip
        connection.execute("COMMIT")
        return None

    try:
        yield Pair(subject=subject, baseline=bare)
    finally:
        database.close()
        connection.close()
