"""Fuzzed export filters: any text in the command line's filter options (``--rating``,
``--source``, ``--industry``, ``--follow-up``, ``--model``, ``--by``, ``--device``, ``--from``,
``--to``, ``--purpose``, ``--utc-offset``) and any ``LeadFilter`` a screen could build (search
text with wildcards and control characters, dates from year 1 to 9999 at any offset, unknown
ids, industries and purposes).

The filter is built or refused with a clear message in Chinese and English; a built filter is
counted and exported in every format without an exception, the file holding exactly the leads
counted, with its audit entry; a refusal writes no file and no audit entry.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from reliability_fuzz import FUZZ, assert_clear_refusal, fingerprint, scaled

from catalog_app.cli import build_parser
from catalog_app.commands.export_commands import build_filter, parse_offset
from catalog_app.domain.enums import FollowUp, Industry, LeadSource, Rating, StaffRole
from catalog_app.domain.text import UserFacingError
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.services.catalog_import import import_catalog
from catalog_app.services.consent import current_consent
from catalog_app.services.exports import ExportFormat, ExportRequest, FileOptions, export_leads
from catalog_app.services.lead_input import LeadInput
from catalog_app.services.lead_query import LeadFilter, count_leads
from catalog_app.services.leads import LeadService
from catalog_app.store.database import Database, open_sqlite
from tests.catalog_files import write_catalog

WATCHED = ("lead", "lead_interest", "audit_entry")
OPTION_WORDS = [
    *(r.value for r in Rating),
    "unrated",
    *(s.value for s in LeadSource),
    *(i.value for i in Industry),
    *(f.value for f in FollowUp),
    "QL-E49",
    "王经理",
    "2026-03-01",
    "+08:00",
    "contact_about_vehicles",
]
option_text = (
    st.sampled_from(OPTION_WORDS)
    | st.text(max_size=16)
    | st.from_regex(r"-?[0-9]{1,4}-[0-9]{1,2}-[0-9]{1,2}", fullmatch=True)
    | st.from_regex(r"(UTC)?[+-][0-9]{1,2}(:?[0-9]{2})?", fullmatch=True)
    | st.lists(st.sampled_from(OPTION_WORDS), min_size=1, max_size=3).map(",".join)
)


@pytest.fixture(scope="module")
def booth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, StaffMember]]:
    root = tmp_path_factory.mktemp("fuzz-export")
    database = open_sqlite(root / "booth.sqlite", backup_on_open=False)
    import_catalog(database, write_catalog(root / "catalog-files"))
    manager = AccountService(database).create_staff("王经理", StaffRole.MANAGER, "2468", actor=None)
    wording = current_consent("zh_CN")
    leads = LeadService(database)
    for number, (rating, industry) in enumerate(
        [(Rating.HOT, Industry.LOGISTICS), (Rating.COLD, None), (None, Industry.COAL_MINING)] * 2
    ):
        leads.save(
            LeadInput(
                person_name=f'=HYPERLINK("x") 客户 {number}',  # a formula-looking name too
                company="+贵州物流" if number % 2 else "黔岭能源",
                mobile=f"1390000{number:04d}",
                rating=rating,
                industry=industry,
                consent_given=True,
                consent_text=wording.text,
                consent_version=wording.version,
                consent_purposes=list(wording.purposes) if number % 3 else [],
            ),
            source=LeadSource.BOOTH,
            staff_id=manager.id,
        )
    yield database, manager
    database.close()


def export_or_refuse(
    database: Database, manager: StaffMember, folder: Path, build: Any, fmt: ExportFormat
) -> None:
    """Build the filter (``build()``) and export it; see the module docstring."""
    target = folder / f"leads{fmt.suffix}"
    before = fingerprint(database, WATCHED)
    try:
        flt = build()
        chosen = count_leads(database, flt)
        result = export_leads(
            database,
            ExportRequest(
                fmt,
                target,
                filter=flt,
                options=FileOptions(lang="zh_CN"),
                mark_exported=False,
                utc_offset=timedelta(hours=8),
            ),
            actor=manager,
        )
    except UserFacingError as refused:
        event(f"refused: {type(refused).__name__}")
        assert_clear_refusal(refused)
        assert not target.exists(), "a refused export left a file"
        assert fingerprint(database, WATCHED) == before, "a refused export wrote something"
        return
    event(f"exported {min(result.rows, 2)}+ rows")
    assert result.rows == chosen and target.is_file()
    after = fingerprint(database, WATCHED)
    assert after["lead"] == before["lead"]
    assert after["audit_entry"][0] == before["audit_entry"][0] + 1  # the export is audited


@settings(FUZZ, max_examples=scaled(0.5))  # an export per example
@given(
    options=st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "--rating",
                    "--source",
                    "--industry",
                    "--follow-up",
                    "--model",
                    "--by",
                    "--device",
                    "--from",
                    "--to",
                    "--purpose",
                    "--utc-offset",
                ]
            ),
            option_text,
        ),
        max_size=4,
    ),
    fmt=st.sampled_from(list(ExportFormat)),
)
def test_any_command_line_filter_is_built_and_exported_or_refused_clearly(
    booth: tuple[Database, StaffMember],
    tmp_path_factory: pytest.TempPathFactory,
    options: list[tuple[str, str]],
    fmt: ExportFormat,
) -> None:
    database, manager = booth
    argv = ["export", "--format", fmt.value, "--out", "x", "--staff", "王经理"]
    argv += [f"{option}={value}" for option, value in options]  # "=": a value may start with -
    args = build_parser()[0].parse_args(argv)

    def build() -> LeadFilter:
        offset = parse_offset(args.utc_offset)
        return build_filter(args, database, offset if offset is not None else timedelta(hours=8))

    export_or_refuse(database, manager, tmp_path_factory.mktemp("cli"), build, fmt)


moments = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
) | st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=-12))]))
search_text = st.text(max_size=12) | st.sampled_from(["%", "_", "%_%", "\\", "'", '"', "\x00"])
ids = st.frozensets(st.uuids(), max_size=2)


@settings(FUZZ, max_examples=scaled(0.5))  # an export per example
@given(
    text=search_text,
    ratings=st.frozensets(st.sampled_from(list(Rating))),
    unrated=st.booleans(),
    sources=st.frozensets(st.sampled_from(list(LeadSource))),
    follow_ups=st.frozensets(st.sampled_from(list(FollowUp))),
    industries=st.frozensets(st.sampled_from([i.value for i in Industry]) | st.text(max_size=6)),
    captured_from=st.none() | moments,
    captured_to=st.none() | moments,
    purpose=st.none()
    | st.sampled_from(["contact_about_vehicles", 'x"', "%"])
    | st.text(max_size=8),
    model_ids=ids,
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans()),
    fmt=st.sampled_from(list(ExportFormat)),
)
def test_any_lead_filter_a_screen_could_build_counts_and_exports(
    booth: tuple[Database, StaffMember],
    tmp_path_factory: pytest.TempPathFactory,
    text: str,
    ratings: frozenset[Rating],
    unrated: bool,
    sources: frozenset[LeadSource],
    follow_ups: frozenset[FollowUp],
    industries: frozenset[str],
    captured_from: datetime | None,
    captured_to: datetime | None,
    purpose: str | None,
    model_ids: frozenset[uuid.UUID],
    flags: tuple[bool, bool, bool],
    fmt: ExportFormat,
) -> None:
    database, manager = booth
    flt = LeadFilter(
        text=text,
        ratings=ratings,
        unrated=unrated,
        sources=sources,
        follow_ups=follow_ups,
        industries=industries,
        captured_from=captured_from,
        captured_to=captured_to,
        consent_purpose=purpose,
        model_ids=model_ids,
        only_not_exported=flags[0],
        include_deleted=flags[1],
        include_merged_away=flags[2],
    )
    export_or_refuse(database, manager, tmp_path_factory.mktemp("flt"), lambda: flt, fmt)


def test_the_command_line_refuses_dates_beyond_the_calendar_clearly(
    booth: tuple[Database, StaffMember],
) -> None:
    """Found by the fuzzer: ``--from 0001-01-01`` east of UTC and ``--to 9999-12-31`` raised
    OverflowError; ``+14:99`` was taken as an offset."""
    database, _manager = booth
    for option, offset in (("--from=0001-01-01", "+08:00"), ("--to=9999-12-31", "+00:00")):
        args = build_parser()[0].parse_args(
            ["export", "--format", "csv", "--out", "x", "--staff", "王经理", option]
        )
        with pytest.raises(UserFacingError) as refused:
            build_filter(args, database, parse_offset(offset))  # type: ignore[arg-type]
        assert "超出了可用的日期范围" in refused.value.text("zh_CN")
    for bad in ("+14:99", "+15:00", "-14:30"):
        with pytest.raises(UserFacingError):
            parse_offset(bad)
    assert parse_offset("+14:00") == timedelta(hours=14)
    assert parse_offset("-09:30") == -timedelta(hours=9, minutes=30)
