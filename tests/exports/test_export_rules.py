"""The rules around an export: only managers, every export in the audit log, a cancel leaves no
file, filters choose the leads (consent purpose included), exported leads are marked without
being re-stamped, and the same works on PostgreSQL."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from exports_data import CHINA, DAY_ONE, ExportWorld, db_leads, partial_files
from sqlalchemy import select

from catalog_app.domain.enums import LeadSource, Rating
from catalog_app.domain.models import Lead
from catalog_app.domain.text import UserFacingError
from catalog_app.services.accounts import PermissionDenied
from catalog_app.services.audit import AuditAction, recent_entries
from catalog_app.services.consent import PURPOSE_CONTACT
from catalog_app.services.exports import (
    ExportCancelled,
    ExportFormat,
    ExportPhase,
    ExportRequest,
    export_leads,
)
from catalog_app.services.exports.source import LeadStream
from catalog_app.services.lead_query import LeadFilter


def csv_ids(path: Path) -> set[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row[0] for row in list(csv.reader(handle))[1:]}


def export(world: ExportWorld, path: Path, flt: LeadFilter | None = None, **options) -> set[str]:  # type: ignore[no-untyped-def]
    request = ExportRequest(
        ExportFormat.CSV, path, filter=flt or LeadFilter(), utc_offset=CHINA, **options
    )
    export_leads(world.database, request, actor=world.manager)
    return csv_ids(path)


def test_staff_cannot_export_and_nothing_is_written_or_logged(world, out):
    target = out / "leads.xlsx"
    for actor in (world.staff, None):
        with pytest.raises(PermissionDenied) as refused:
            export_leads(world.database, ExportRequest(ExportFormat.XLSX, target), actor=actor)
        assert "经理" in refused.value.text("zh_CN")
    assert list(out.iterdir()) == []
    assert recent_entries(world.database, action=AuditAction.EXPORT) == []


def test_a_manager_export_is_audited_with_format_filter_and_count(world, out):
    flt = LeadFilter(ratings=frozenset({Rating.HOT}))
    request = ExportRequest(ExportFormat.XLSX, out / "hot.xlsx", filter=flt, utc_offset=CHINA)
    result = export_leads(world.database, request, actor=world.manager)
    hot = [lead for lead in db_leads(world.database).values() if lead.rating is Rating.HOT]
    assert result.rows == len(hot) == 3
    [entry] = recent_entries(world.database, action=AuditAction.EXPORT)
    assert entry.staff_id == world.manager.id
    assert entry.detail["format"] == "xlsx"
    assert entry.detail["rows"] == 3
    assert entry.detail["filter"] == {"ratings": ["hot"]}
    assert entry.detail["file"] == "hot.xlsx"


def test_cancelling_removes_the_partial_file_and_keeps_an_older_export(world, out):
    target = out / "leads.csv"
    target.write_text("an older export", encoding="utf-8")
    seen: list[tuple[int, int, ExportPhase]] = []

    def progress(done: int, total: int, phase: ExportPhase) -> None:
        seen.append((done, total, phase))

    def cancelled() -> bool:
        return any(done >= 2 for done, _t, _p in seen)  # after the first batch

    request = ExportRequest(ExportFormat.CSV, target, batch_size=2)
    with pytest.raises(ExportCancelled) as stop:
        export_leads(
            world.database, request, actor=world.manager, progress=progress, is_cancelled=cancelled
        )
    assert "取消" in stop.value.text("zh_CN")
    assert target.read_text(encoding="utf-8") == "an older export"
    assert partial_files(out) == []
    assert seen[0] == (0, 12, ExportPhase.WRITING)
    assert recent_entries(world.database, action=AuditAction.EXPORT) == []
    assert all(lead.exported_at is None for lead in db_leads(world.database).values())


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_every_format_can_be_cancelled_without_leaving_a_file(world, out, fmt):
    calls = []
    request = ExportRequest(fmt, out / f"leads{fmt.suffix}", batch_size=3)
    with pytest.raises(ExportCancelled):
        export_leads(
            world.database,
            request,
            actor=world.manager,
            is_cancelled=lambda: bool(calls.append(1)) or len(calls) > 1,
        )
    assert list(out.iterdir()) == []


def test_progress_counts_every_lead_then_the_marking(world, out):
    seen: list[tuple[int, int, ExportPhase]] = []
    request = ExportRequest(ExportFormat.CSV, out / "leads.csv", batch_size=5)
    export_leads(world.database, request, actor=world.manager, progress=lambda *a: seen.append(a))
    writing = [s for s in seen if s[2] is ExportPhase.WRITING]
    assert [d for d, _t, _p in writing] == [0, 5, 10, 12]
    assert seen[-1] == (12, 12, ExportPhase.MARKING)


def test_filters_choose_the_leads(world, out):
    leads = world.leads
    everyone = export(world, out / "all.csv", mark_exported=False)
    assert len(everyone) == 12
    by_model = export(
        world, out / "m.csv", LeadFilter(model_ids=frozenset({world.models["QL-D8-423C"]}))
    )
    # the sample lead S-002 and two booth leads want the D8 dump truck
    assert {str(leads["liu"]), str(leads["ouyang"])} < by_model and len(by_model) == 3
    by_staff = export(world, out / "s.csv", LeadFilter(staff_ids=frozenset({world.manager.id})))
    assert by_staff == {str(leads["ouyang"])}
    booth = export(world, out / "b.csv", LeadFilter(sources=frozenset({LeadSource.BOOTH})))
    assert booth == {str(v) for v in leads.values()}
    day_two = export(
        world,
        out / "d.csv",
        LeadFilter(
            captured_from=DAY_ONE + timedelta(hours=20), sources=frozenset({LeadSource.BOOTH})
        ),
    )
    assert day_two == {str(leads["martin"]), str(leads["formula"])}
    device = export(
        world,
        out / "dev.csv",
        LeadFilter(device_ids=frozenset({world.database.device_id})),
    )
    assert device == {str(v) for v in leads.values()}


def test_consent_purpose_filter_leaves_out_leads_without_that_consent(world, out):
    # The sample leads recorded no purpose; booth leads agreed to be contacted about vehicles.
    chosen = export(world, out / "p.csv", LeadFilter(consent_purpose=PURPOSE_CONTACT))
    assert chosen == {str(v) for v in world.leads.values()}
    assert export(world, out / "q.csv", LeadFilter(consent_purpose="marketing")) == set()


def test_exported_leads_are_marked_without_a_new_clock_stamp(world, out):
    with world.database.sessions() as session:
        before = {lead.id: lead.hlc for lead in session.scalars(select(Lead))}
    first = export(world, out / "first.csv", LeadFilter(ratings=frozenset({Rating.HOT})))
    truth = db_leads(world.database)
    for lead_id, lead in truth.items():
        assert (lead.exported_at is not None) == (str(lead_id) in first)
        assert lead.hlc == before[lead_id]  # bookkeeping, not an edit: nothing to sync
    rest = export(world, out / "rest.csv", LeadFilter(only_not_exported=True))
    assert rest and not (rest & first) and len(rest | first) == len(truth)


def test_export_with_no_mark_leaves_leads_unmarked(world, out):
    export(world, out / "a.csv", mark_exported=False)
    assert all(lead.exported_at is None for lead in db_leads(world.database).values())


def test_a_missing_folder_or_a_folder_as_target_is_a_clear_message(world, out):
    for target in (out / "nowhere" / "leads.csv", out):
        with pytest.raises(UserFacingError) as problem:
            export_leads(
                world.database, ExportRequest(ExportFormat.CSV, target), actor=world.manager
            )
        assert str(target.parent if target != out else out) in problem.value.text("en")
        assert problem.value.text("zh_CN") != problem.value.text("en")


def test_the_stream_never_holds_more_than_one_batch(world):
    with LeadStream(world.database, LeadFilter(), batch_size=4) as stream:
        sizes = [len(batch.rows) for batch in stream.raw_batches()]
    assert sizes == [4, 4, 4]


@pytest.mark.postgres
def test_every_format_round_trips_on_postgresql(postgres_db, tmp_path):
    from exports_data import make_world

    world = make_world(postgres_db)
    for fmt in ExportFormat:
        path = tmp_path / f"leads-{fmt.value}{fmt.suffix}"
        result = export_leads(
            postgres_db,
            ExportRequest(fmt, path, utc_offset=CHINA, batch_size=5),
            actor=world.manager,
        )
        assert result.rows == 12 and path.stat().st_size > 1000
    ids = csv_ids(tmp_path / "leads-csv.csv")
    assert ids == {str(i) for i in db_leads(postgres_db)}
    assert all(lead.exported_at is not None for lead in db_leads(postgres_db).values())
