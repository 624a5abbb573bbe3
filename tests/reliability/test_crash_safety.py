"""Pull the plug: a capturing process is killed with SIGKILL at random moments, many times.

After every kill: ``PRAGMA integrity_check`` is ok, every lead the process had reported as saved
is in the file, and the draft that was being typed is offered back. The number of kills is
``CATALOG_APP_CRASH_RUNS`` (200 by default; a nightly run can raise it).

A SIGKILL is a process crash, not a power cut: the OS still writes what SQLite handed it. The
power-cut half of durability rests on ``synchronous=FULL`` (tests/integration/test_store.py
checks it is in effect on every connection).
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from catalog_app.services.drafts import DraftService
from catalog_app.store.database import open_sqlite
from tests.reliability.crash_writer import DRAFT_SLOT

RUNS = int(os.environ.get("CATALOG_APP_CRASH_RUNS", "200"))
REPO_ROOT = Path(__file__).resolve().parents[2]


def _read_lines(fd: int, deadline: float, until: bytes = b"") -> tuple[list[str], bool]:
    """Lines written by the child until it is killed (EOF), ``deadline``, or a line ``until``
    arrived; and whether EOF was reached."""
    data = b""
    while time.monotonic() < deadline and not (until and until in data and data.endswith(b"\n")):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            return data.decode().splitlines(), True
        data += chunk
    return data.decode().splitlines(), False


def _ended(child: subprocess.Popen[bytes]) -> str:
    """How a child that went wrong ended: its exit code (killed now if still running) and what it
    wrote to standard error."""
    running = child.poll() is None
    child.kill()
    child.wait()
    assert child.stderr is not None
    said = child.stderr.read().decode(errors="replace")[-2000:]
    return f"(exit {child.returncode}{', was still running' if running else ''}): {said}"


def _run_and_kill(db_path: Path, start: int, kill_after: float) -> set[uuid.UUID]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crash_writer", str(db_path), str(start)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,  # a few lines at most, read only if it did not start
    )
    assert child.stdout is not None
    read_fd = child.stdout.fileno()
    try:
        lines, _ = _read_lines(read_fd, time.monotonic() + 60, until=b"READY\n")
        assert lines and lines[0] == "READY", f"writer did not start: {lines} {_ended(child)}"
        # Let it acknowledge at least one lead (however loaded the machine), then kill at random.
        first, _ = _read_lines(read_fd, time.monotonic() + 60, until=b"SAVED")
        lines += first
        more, _ = _read_lines(read_fd, time.monotonic() + kill_after)
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = _read_lines(read_fd, time.monotonic() + 5)  # what it wrote before dying
    finally:
        child.kill()  # already dead unless an assertion above failed
        child.wait()
        child.stdout.close()
        assert child.stderr is not None
        child.stderr.close()
    return {uuid.UUID(line.split()[1]) for line in lines + more + rest if line.startswith("SAVED")}


def _lead_ids(db_path: Path) -> set[uuid.UUID]:
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute("SELECT id FROM lead").fetchall()
    return {uuid.UUID(hex=row[0]) for row in rows}


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_every_acknowledged_lead_survives_hundreds_of_sigkills(tmp_path: Path) -> None:
    db_path = tmp_path / "booth.sqlite"
    open_sqlite(db_path).close()  # created and migrated once, as on the first start
    randomness = random.Random(20261125)
    acknowledged: set[uuid.UUID] = set()
    for run in range(RUNS):
        acknowledged |= _run_and_kill(db_path, run + 1, randomness.uniform(0.0, 0.25))
        with sqlite3.connect(db_path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok", run
        missing = acknowledged - _lead_ids(db_path)
        assert not missing, f"run {run}: {len(missing)} acknowledged lead(s) lost"
    assert len(acknowledged) >= RUNS  # the writer really wrote before every kill

    database = open_sqlite(db_path, backup_on_open=False)
    try:
        offered = DraftService(database).load(DRAFT_SLOT)
    finally:
        database.close()
    assert offered is not None, "the draft being typed at the last kill is not offered back"
    assert offered[0]["person_name"].startswith("测试 ")
