"""Merge checked sync packages into this SQLite file — all of them or nothing.

One write transaction (``BEGIN IMMEDIATE``) holds the whole merge. Each package's extracted
data is ATTACHed; table by table, parents first (``tables.py``), in chunks of rows:

1. a read-only query counts what the chunk will do (new / updated / unchanged / conflicting,
   ``summary.py``) against this file as it is at that moment;
2. ``INSERT … SELECT … ON CONFLICT (id) DO UPDATE … WHERE <incoming wins>`` applies the rule of
   ``merge.py`` inside SQLite, rows keeping their stamps.

Then people captured twice are linked (``duplicates.py``), the local clock is advanced past the
package's newest stamp, this file's knowledge and push marks are updated (``knowledge.py``),
media files are copied, and the sync log and audit entry written. Progress is reported per
chunk; a cancel or any error rolls the whole transaction back, so there is never a half merge.

A dry run is the same merge, rolled back at the end: its summary is exactly what applying would
do now (it takes the write lock while it runs). Foreign keys are checked at commit
(``defer_foreign_keys``), because a lead may point at a lead further on in the same table.

SQLite attaches at most 10 databases to a connection, hence ``MAX_PACKAGES`` per merge.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from catalog_app.domain.clock import Hlc, observe
from catalog_app.domain.enums import SyncDirection
from catalog_app.domain.models import SyncLog
from catalog_app.services.accounts import StaffMember, require_manager
from catalog_app.services.audit import AuditAction, record
from catalog_app.services.sync import errors as reasons
from catalog_app.services.sync import knowledge as marks
from catalog_app.services.sync.apply_table import (
    SOURCE_KNOWLEDGE,
    TARGET_KNOWLEDGE,
    TableStep,
    load_knowledge,
    merge_table,
)
from catalog_app.services.sync.duplicates import (
    LOWEST_DERIVED_STAMP,
    WRITTEN_LEADS,
    link_duplicates,
)
from catalog_app.services.sync.duplicates import prepare as prepare_duplicates
from catalog_app.services.sync.errors import MergeProblem, PackageRefused
from catalog_app.services.sync.media import copy_media, missing_media
from catalog_app.services.sync.package_check import OpenedPackage, open_package
from catalog_app.services.sync.progress import CancelFn, Progress, ProgressFn
from catalog_app.services.sync.summary import MergeSummary, PackageOutcome
from catalog_app.services.sync.tables import mergeable_tables
from catalog_app.store.database import Database
from catalog_app.store.sqlite_settings import SQLITE_BEGIN

log = logging.getLogger(__name__)

MAX_PACKAGES = 10
OPEN_WORKERS = 2
MERGE_CACHE_KIB = 131_072  # a larger page cache while merging (index updates of big tables)
NO_DRIFT_LIMIT = 10**15


def work_root(database: Database) -> Path:
    """Scratch space for extracted packages: beside the database (same disk, room enough)."""
    if database.path is None:
        raise MergeProblem(reasons.TARGET_NOT_FILE)
    return database.path.parent / ".sync-work"


def check_merge_allowed(database: Database, actor: StaffMember | None, count: int) -> None:
    """Managers only (``actor=None`` is the command line); a file target; 1–10 packages."""
    if actor is not None:
        require_manager(actor)
    if database.path is None:
        raise MergeProblem(reasons.TARGET_NOT_FILE)
    if count == 0:
        raise MergeProblem(reasons.NO_PACKAGES)
    if count > MAX_PACKAGES:
        raise MergeProblem(reasons.TOO_MANY_PACKAGES, limit=MAX_PACKAGES, count=count)


def open_packages(
    paths: Sequence[Path | str], root: Path, *, thorough: bool = False
) -> list[OpenedPackage]:
    """Open and check every package, two at a time (inflating, hashing and checking release
    the interpreter lock); if one is refused, the others are closed again and the first
    refusal, in the order given, is raised."""
    with ThreadPoolExecutor(max_workers=OPEN_WORKERS, thread_name_prefix="sync-open") as pool:
        futures = [pool.submit(open_package, path, root, thorough=thorough) for path in paths]
        wait(futures)
    opened = [f.result() for f in futures if f.exception() is None]
    problems = [f.exception() for f in futures if f.exception() is not None]
    if problems:
        for package in opened:
            package.close()
        raise problems[0]  # type: ignore[misc]
    return opened


def merge_packages(
    database: Database,
    paths: Sequence[Path | str],
    *,
    actor: StaffMember | None,
    dry_run: bool = False,
    accept_clock_skew: bool = False,
    thorough: bool = False,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> MergeSummary:
    """Check, then merge (or dry-run) the packages at ``paths``; see the module docstring."""
    check_merge_allowed(database, actor, len(paths))
    opened = open_packages(paths, work_root(database), thorough=thorough)
    try:
        return merge_opened(
            database,
            opened,
            actor=actor,
            dry_run=dry_run,
            accept_clock_skew=accept_clock_skew,
            progress=progress,
            is_cancelled=is_cancelled,
        )
    finally:
        for package in opened:
            package.close()


def _distinct(packages: Sequence[OpenedPackage]) -> list[OpenedPackage]:
    seen: set[str] = set()
    result = []
    for package in packages:
        if package.checksum not in seen:
            seen.add(package.checksum)
            result.append(package)
    return result


def merge_opened(
    database: Database,
    packages: Sequence[OpenedPackage],
    *,
    actor: StaffMember | None,
    dry_run: bool = False,
    accept_clock_skew: bool = False,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> MergeSummary:
    """Merge packages opened with ``open_packages`` (the GUI keeps them from dry run to apply)."""
    check_merge_allowed(database, actor, len(packages))
    packages = _distinct(packages)
    skewed = _needing_acceptance(database, packages)
    if not dry_run and not accept_clock_skew:
        for package in skewed:
            if package.skew is not None:
                raise PackageRefused(
                    package.path,
                    reasons.CLOCK_AHEAD,
                    device=package.manifest.device_code,
                    minutes=package.skew.minutes,
                    reference=package.skew.reference,
                )
    steps = Progress(progress, is_cancelled)
    summary = MergeSummary(dry_run)
    total_rows = sum(sum(p.manifest.tables.values()) for p in packages)
    with database.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        attached: list[str] = []
        raw.execute(f"PRAGMA cache_size = -{MERGE_CACHE_KIB}")
        try:
            connection.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
            transaction = connection.begin()
            try:
                connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                prepare_duplicates(connection)
                session = database.sessions(bind=connection)
                done = 0
                for index, package in enumerate(packages):
                    alias = f"pkg{index}"
                    raw.execute(f"ATTACH DATABASE ? AS {alias}", (str(package.data_path),))
                    attached.append(alias)
                    label = f"{index + 1}/{len(packages)}"
                    where = TableStep(steps, done, total_rows, label)
                    outcome = _merge_package(connection, session, database, package, alias, where)
                    if package not in skewed:
                        outcome.skew_minutes = 0
                    summary.packages.append(outcome)
                    done = where.done
                steps.raise_if_cancelled()
                _handle_media(database, packages, summary, dry_run, steps)
                _write_logs(session, database, summary, actor)
                session.flush()
                session.close()
                if dry_run:
                    transaction.rollback()
                else:
                    _commit(transaction)
            except BaseException:
                if transaction.is_active:
                    transaction.rollback()
                raise
        except IntegrityError as exc:
            raise _integrity_problem(exc) from exc
        finally:
            for alias in attached:
                raw.execute(f"DETACH DATABASE {alias}")
            raw.execute("PRAGMA cache_size = -2000")
    steps.report(total_rows, total_rows, "done")
    return summary


def _commit(transaction: object) -> None:
    try:
        transaction.commit()  # type: ignore[attr-defined]
    except IntegrityError as exc:  # deferred foreign keys are checked here
        raise MergeProblem(
            reasons.MERGE_WRITE_FAILED,
            detail=reasons.DANGLING_REFERENCES.render("en", detail=str(exc.orig)),
        ) from exc


def _integrity_problem(exc: IntegrityError) -> MergeProblem:
    text = str(exc.orig)
    if "UNIQUE" in text:
        detail = text.split(":", 1)[-1].strip()
        table = detail.split(".", 1)[0] if "." in detail else detail
        return MergeProblem(reasons.UNIQUE_CLASH, table=table, detail=detail)
    return MergeProblem(reasons.MERGE_WRITE_FAILED, detail=text)


def _needing_acceptance(
    database: Database, packages: Sequence[OpenedPackage]
) -> list[OpenedPackage]:
    """Packages whose clock ran fast and would move this file's clock ahead (one that was
    accepted before, so that this clock is already past it, needs no second acceptance)."""
    with database.sessions() as session:
        local = marks.read_clock(session)
    return [p for p in packages if p.skew is not None and Hlc.parse(p.max_stamp) > local]


# -- one package ------------------------------------------------------------------------------
def _already_merged_here(session: Session, database: Database, checksum: str) -> datetime | None:
    query = (
        select(SyncLog.created_at)
        .where(
            SyncLog.package_checksum == checksum,
            SyncLog.direction == SyncDirection.PACKAGE_MERGE,
            SyncLog.status == "ok",
            SyncLog.device_id == database.device_id,
            SyncLog.deleted_at.is_(None),
        )
        .order_by(SyncLog.created_at)
        .limit(1)
    )
    return session.scalar(query)


def _advance_clock(session: Session, newest: str) -> None:
    """Move this file's clock past the package's newest stamp (skew was judged before)."""
    if not newest:
        return
    now_ms = time.time_ns() // 1_000_000
    clock = observe(
        marks.read_clock(session), Hlc.parse(newest), now_ms, max_drift_ms=NO_DRIFT_LIMIT
    )
    marks.write_clock(session, clock)
    # Flushed now: the stamping hook re-reads the clock row when it stamps this merge's own rows.
    session.flush()


def _merge_package(
    connection: Any,
    session: Session,
    database: Database,
    package: OpenedPackage,
    alias: str,
    where: TableStep,
) -> PackageOutcome:
    manifest = package.manifest
    outcome = PackageOutcome(
        package.path,
        manifest.device_code,
        manifest.device_name,
        manifest.created_at,
        package.checksum,
        already_merged_at=_already_merged_here(session, database, package.checksum),
        skew_minutes=package.skew.minutes if package.skew else 0,
    )
    connection.execute(WRITTEN_LEADS.delete())
    load_knowledge(connection, SOURCE_KNOWLEDGE, manifest.knowledge)
    load_knowledge(connection, TARGET_KNOWLEDGE, marks.read_knowledge(session))
    _advance_clock(session, package.max_stamp)
    lowest: dict[str, str] = {}
    base_label = where.label
    for table in mergeable_tables():
        where.label = f"{base_label} {table.name}"
        counts, low = merge_table(connection, table, alias, where)
        outcome.tables[table.name] = counts
        if low:
            lowest[table.name] = low
    outcome.duplicate_links = link_duplicates(connection)
    if outcome.duplicate_links:
        lowest["lead_duplicate_link"] = LOWEST_DERIVED_STAMP  # derived links: stamped below all
    marks.raise_knowledge(session, manifest.knowledge)
    marks.lower_push_marks(session, lowest)
    session.flush()
    return outcome


def _handle_media(
    database: Database,
    packages: Sequence[OpenedPackage],
    summary: MergeSummary,
    dry_run: bool,
    steps: Progress,
) -> None:
    """Copy (or, in a dry run, count) the media files this file lacks, before the commit."""
    media_dir = database.media_dir
    for package, outcome in zip(packages, summary.packages, strict=True):
        steps.raise_if_cancelled()
        if dry_run:
            outcome.media_files = len(missing_media(media_dir, package.media_names))
        else:
            outcome.media_files = copy_media(package.path, media_dir, package.media_names)


def _write_logs(
    session: Session, database: Database, summary: MergeSummary, actor: StaffMember | None
) -> None:
    """A sync-log row per package (none for a package merged here before that changed nothing:
    merging twice changes nothing) and one audit entry for the merge."""
    logged = []
    for outcome in summary.packages:
        if outcome.already_merged_at is not None and not outcome.changed_anything:
            continue
        total = outcome.total
        session.add(
            SyncLog(
                direction=SyncDirection.PACKAGE_MERGE,
                peer=f"{outcome.device_code} {outcome.path.name}"[:300],
                package_checksum=outcome.checksum,
                counts={
                    "tables": {n: c.as_dict() for n, c in outcome.tables.items() if c.incoming},
                    "duplicate_links": outcome.duplicate_links,
                    "media_files": outcome.media_files,
                },
                status="ok",
                message=(
                    f"{total.new} new, {total.updated} updated, {total.conflicts} conflicting"
                )[:1000],
            )
        )
        logged.append(outcome)
    if not logged:
        return
    record(
        session,
        AuditAction.MERGE_PACKAGES,
        staff_id=actor.id if actor else None,
        object_type="sync_package",
        object_id=logged[0].checksum if len(logged) == 1 else "",
        packages=[o.path.name for o in logged],
        devices=[o.device_code for o in logged],
        checksums=[o.checksum for o in logged],
        via="app" if actor else "command line",
        **summary.log_counts(),
    )
