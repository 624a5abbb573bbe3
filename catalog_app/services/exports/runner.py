"""Export leads to a file: managers only, audited, streamed, cancellable, all or nothing.

``export_leads(database, request, actor=…, progress=…, is_cancelled=…)``:

1. ``require_manager(actor)`` — staff cannot export personal data.
2. One read snapshot streams the chosen leads (``LeadStream``) into a writer of the format, under
   a temporary name beside the target (``.name.xxxx.partial``). Progress is reported per batch
   (the total is counted first only when there is a ``progress`` callback and the caller did not
   pass ``known_total``); ``is_cancelled()`` is checked between batches. A cancel or a failure
   removes the partial file; an existing file at the target is replaced only when the new one is
   complete (atomic rename).
3. The export is audited (``AuditAction.EXPORT``: format, filter, row count, file name).
4. The exported leads get ``exported_at`` (when ``mark_exported``), in batches of
   ``MARK_BATCH`` rows, one short transaction each (the booth keeps saving meanwhile). Their ids
   were spooled to a temporary file while writing — the set is exactly the file's rows, in
   constant memory.

Why marking does not stamp the rows: ``exported_at`` is this file's bookkeeping ("sent to the
CRM from here"), not an edit of the lead. The update bypasses the clock stamping, so an export
of a million leads does not make a million rows "changed" for the next sync, and can never win a
last-writer-wins merge over a real edit made on a booth laptop. A merge that later brings a newer
version of a lead from another device replaces the row with that device's ``exported_at``: a
lead changed elsewhere since the export counts as not exported, which is what "only leads not
exported before" should offer again.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from sqlalchemy import update

from catalog_app.domain.base import utc_now
from catalog_app.domain.models import Lead
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.accounts import StaffMember, require_manager
from catalog_app.services.audit import AuditAction, record
from catalog_app.services.exports.filters import filter_detail, filter_summary
from catalog_app.services.exports.moments import MomentMaker, local_offset, offset_label
from catalog_app.services.exports.source import DEFAULT_BATCH, LeadStream
from catalog_app.services.exports.writers import ExportFormat, FileOptions, make_writer
from catalog_app.services.lead_query import LeadFilter
from catalog_app.store.database import Database

MARK_BATCH = 5000

CANCELLED = Bilingual(
    zh="导出已取消，未写出文件。", en="The export was cancelled; no file was written."
)
WRITE_FAILED = Bilingual(
    zh="无法写入导出文件 {path}：{reason}", en="Could not write the export file {path}: {reason}"
)
NOT_A_FOLDER = Bilingual(
    zh="保存位置 {path} 不存在或不是文件夹。", en="The folder {path} does not exist."
)
IS_A_FOLDER = Bilingual(
    zh="{path} 是一个文件夹，请给出文件名。", en="{path} is a folder; please give a file name."
)


class ExportCancelled(UserFacingError):
    def __init__(self) -> None:
        super().__init__(CANCELLED)


class ExportPhase(StrEnum):
    WRITING = "writing"  # rows into the file (done = leads written)
    FINISHING = "finishing"  # closing the file (XLSX packs its parts)
    MARKING = "marking"  # stamping exported_at (done = leads marked)


Progress = Callable[[int, int, ExportPhase], None]


@dataclass(frozen=True)
class ExportRequest:
    format: ExportFormat
    path: Path
    filter: LeadFilter = field(default_factory=LeadFilter)
    options: FileOptions = field(default_factory=FileOptions)
    mark_exported: bool = True
    utc_offset: timedelta | None = None  # None: this computer's offset
    batch_size: int = DEFAULT_BATCH
    # How many leads the filter chooses, when the caller has just counted them (the export
    # dialog shows the count): the export then skips its own count, a full scan of the leads.
    known_total: int | None = None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: ExportFormat
    rows: int
    marked: int
    seconds: float


def _partial_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise UserFacingError(IS_A_FOLDER, path=str(path))
    if not path.parent.is_dir():
        raise UserFacingError(NOT_A_FOLDER, path=str(path.parent))


def _about_lines(
    request: ExportRequest, actor: StaffMember, rows: int, offset: timedelta
) -> list[tuple[str, str]]:
    lang = request.options.lang
    zh = lang.startswith("zh")
    now = (utc_now() + offset).strftime("%Y-%m-%d %H:%M")
    return [
        ("导出时间" if zh else "Exported at", f"{now} ({offset_label(offset)})"),
        ("导出人" if zh else "Exported by", actor.display_name),
        ("线索数" if zh else "Leads", str(rows)),
        ("筛选条件" if zh else "Filter", filter_summary(request.filter, lang, offset)),
        (
            "时间" if zh else "Times",
            f"表中时间均为 {offset_label(offset)}，Excel 日期格式。"
            if zh
            else f"All times are at {offset_label(offset)}, as Excel dates.",
        ),
        (
            "个人信息" if zh else "Personal data",
            "本文件含个人信息。仅可用于每条线索“同意用途”所列目的；提供给其他公司须另行取得同意"
            "（《个人信息保护法》第十四、二十三条）。用完请删除。"
            if zh
            else "This file holds personal data. Use it only for the purposes in each lead's "
            "consent; handing it to another company needs a separate consent (PIPL Art. 14, "
            "23; GDPR Art. 6-7). Delete it when done.",
        ),
    ]


def _spool_ids(spool: IO[bytes], rows: Any) -> None:
    spool.write(
        b"".join(r[0].bytes if isinstance(r[0], uuid.UUID) else bytes.fromhex(r[0]) for r in rows)
    )


def _spooled(spool: IO[bytes], size: int) -> Iterator[list[uuid.UUID]]:
    spool.seek(0)
    while chunk := spool.read(16 * size):
        yield [uuid.UUID(bytes=chunk[i : i + 16]) for i in range(0, len(chunk), 16)]


def export_leads(
    database: Database,
    request: ExportRequest,
    *,
    actor: StaffMember | None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the leads chosen by ``request.filter`` to ``request.path``; see the module doc."""
    require_manager(actor)
    assert actor is not None
    target = Path(request.path).expanduser()
    _check_target(target)
    started = time.perf_counter()
    offset = request.utc_offset if request.utc_offset is not None else local_offset()
    partial = _partial_path(target)
    report = progress or (lambda done, total, phase: None)
    cancelled = is_cancelled or (lambda: False)
    with tempfile.TemporaryFile(prefix="catalog-export-ids-") as spool:
        rows = 0
        try:
            counting = progress is not None and request.known_total is None
            with LeadStream(
                database, request.filter, MomentMaker(offset), request.batch_size, count=counting
            ) as stream:
                total = stream.total if counting else (request.known_total or 0)
                report(0, total, ExportPhase.WRITING)
                writer = make_writer(request.format, partial, stream, request.options)
                try:
                    for batch in stream.raw_batches():
                        if cancelled():
                            raise ExportCancelled()
                        writer.write(batch)
                        if request.mark_exported:
                            _spool_ids(spool, batch.rows)
                        rows += len(batch.rows)
                        report(rows, total, ExportPhase.WRITING)
                    if cancelled():
                        raise ExportCancelled()
                    if hasattr(writer, "about"):
                        writer.about = _about_lines(request, actor, rows, offset)
                    report(rows, total, ExportPhase.FINISHING)
                    writer.finish()
                finally:
                    writer.close()
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise UserFacingError(
                WRITE_FAILED, path=str(target), reason=exc.strerror or str(exc)
            ) from exc
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        with database.transaction() as session:
            record(
                session,
                AuditAction.EXPORT,
                staff_id=actor.id,
                object_type="lead",
                format=request.format.value,
                filter=filter_detail(request.filter),
                rows=rows,
                file=target.name,
                encoding=request.options.encoding_for(request.format).value,
                language=request.options.lang,
                marked=request.mark_exported,
            )
        marked = _mark_exported(database, spool, rows, report) if request.mark_exported else 0
    return ExportResult(target, request.format, rows, marked, time.perf_counter() - started)


def _mark_exported(database: Database, spool: IO[bytes], total: int, report: Progress) -> int:
    """Set ``exported_at`` on the spooled ids, ``MARK_BATCH`` per transaction, unstamped."""
    now = utc_now()
    done = 0
    report(0, total, ExportPhase.MARKING)
    for ids in _spooled(spool, MARK_BATCH):
        with database.transaction() as session:
            session.execute(
                update(Lead)
                .where(Lead.id.in_(ids))
                .values(exported_at=now)
                .execution_options(synchronize_session=False)
            )
        done += len(ids)
        report(done, total, ExportPhase.MARKING)
    return done
