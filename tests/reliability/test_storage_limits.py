"""Real write failures from the operating system, not simulated by SQLite pragmas.

A booth process runs with a file-size limit (``RLIMIT_FSIZE``, with SIGXFSZ ignored, so a write
past it fails with EFBIG — what a FAT32 USB stick does at 4 GB a file). The save that crosses
the limit is refused with a message that names the likely causes (a full disk, the largest file
the disk allows, a removed disk) in both languages; every lead acknowledged before is intact;
once the limit is lifted the same lead saves. A disk that is really (nearly) full is reported as
a full disk whatever SQLite's code (the free-space check behind ``SQLITE_IOERR_WRITE``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections import namedtuple
from pathlib import Path

import pytest

from catalog_app.store import write_errors
from catalog_app.store.write_errors import DiskFullError, DiskWriteError, translate_write_error

LIMITED_WRITER = textwrap.dedent(
    """
    import json, resource, signal, sys
    from pathlib import Path
    from catalog_app.domain.enums import LeadSource
    from catalog_app.services.consent import current_consent
    from catalog_app.services.lead_input import LeadInput
    from catalog_app.services.leads import LeadService
    from catalog_app.store.database import open_sqlite
    from catalog_app.store.write_errors import WriteFailedError

    path = Path(sys.argv[1])
    database = open_sqlite(path, backup_on_open=False)
    leads = LeadService(database)
    wording = current_consent("zh_CN")

    def lead(number):
        return LeadInput(person_name=f"买家 {number}", mobile=f"139{number:08d}",
                         notes="要 12 台换电牵引车。" * 300, consent_given=True,
                         consent_text=wording.text, consent_version=wording.version)

    leads.save(lead(0), source=LeadSource.BOOTH)
    acknowledged = 1
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    sizes = [Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()]
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (max(sizes) + 96 * 1024, hard))
    refused = None
    for number in range(1, 500):
        try:
            leads.save(lead(number), source=LeadSource.BOOTH)
        except WriteFailedError as error:
            refused = (number, error)
            break
        acknowledged += 1
    number, error = refused
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    leads.save(lead(number), source=LeadSource.BOOTH)  # the same lead, once there is room
    database.close()
    print(json.dumps({"acknowledged": acknowledged, "kind": type(error).__name__,
                      "retryable": error.retryable, "en": error.text("en"),
                      "zh": error.text("zh_CN")}, ensure_ascii=False))
    """
)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="RLIMIT_FSIZE is a POSIX limit")
def test_a_file_size_limit_is_refused_clearly_and_a_retry_saves_after_it_is_lifted(
    tmp_path: Path,
) -> None:
    path = tmp_path / "booth.sqlite"
    result = subprocess.run(
        [sys.executable, "-c", LIMITED_WRITER, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["kind"] == "DiskWriteError" and report["retryable"]
    assert "largest size this disk allows" in report["en"] and "disk may be full" in report["en"]
    assert "最大大小" in report["zh"] and "磁盘已满" in report["zh"]
    assert "您输入的内容仍保留在表单中" in report["zh"]
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = {row[0] for row in connection.execute("SELECT person_name FROM lead")}
    acknowledged = report["acknowledged"]
    assert acknowledged >= 1
    assert names == {f"买家 {n}" for n in range(acknowledged + 1)}  # all, plus the retried one


class WriteError(sqlite3.OperationalError):
    sqlite_errorname = "SQLITE_IOERR_WRITE"


def test_a_write_error_on_a_nearly_full_disk_is_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = WriteError("disk I/O error")
    assert isinstance(translate_write_error(error, tmp_path / "a.sqlite"), DiskWriteError)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(write_errors.shutil, "disk_usage", lambda _p: usage(10**9, 10**9, 4096))
    full = translate_write_error(error, tmp_path / "a.sqlite")
    assert isinstance(full, DiskFullError)
    assert "The disk is full" in full.text("en") and "磁盘空间已满" in full.text("zh_CN")
