"""A booth laptop that keeps capturing, for the crash tests: killed with SIGKILL at random.

Runs as a fresh process for every kill (``python -m tests.reliability.crash_writer DB START``,
its pipe on standard output), as the app is started afresh after a crash. Not a fork of the test
process: that one has threads left by earlier tests (Qt's pools), and a fork taken while one of
them holds a lock — SQLite's memory mutex, say — can leave the child waiting on it for ever.

For each lead it autosaves the draft being typed (as the capture form does), then saves the lead
through LeadService — the same path the GUI uses — and only after ``save`` returned writes
``SAVED <id>`` to its pipe (the UI's "saved"). The parent kills it at a random moment and checks
that every acknowledged lead is in the file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from catalog_app.domain.enums import LeadSource
from catalog_app.services.consent import current_consent
from catalog_app.services.drafts import DraftService
from catalog_app.services.lead_input import LeadInput
from catalog_app.services.leads import LeadService
from catalog_app.store.database import open_sqlite

DRAFT_SLOT = "lead_capture"


def lead_number(start: int, index: int) -> int:
    return start * 10_000 + index


def capture_forever(db_path: Path, write_fd: int, start: int) -> None:
    """Open the database and capture leads until killed; acknowledge each on ``write_fd``."""
    database = open_sqlite(db_path, backup_on_open=False)
    leads = LeadService(database)
    drafts = DraftService(database)
    wording = current_consent("zh_CN")
    os.write(write_fd, b"READY\n")
    index = 0
    while True:
        number = lead_number(start, index)
        typed = {"person_name": f"测试 {number}", "mobile": f"139{number:08d}"}
        drafts.save(DRAFT_SLOT, typed)
        lead_id = leads.save(
            LeadInput(
                person_name=typed["person_name"],
                mobile=typed["mobile"],
                consent_given=True,
                consent_text=wording.text,
                consent_version=wording.version,
            ),
            source=LeadSource.BOOTH,
        )
        os.write(write_fd, f"SAVED {lead_id}\n".encode())
        index += 1


if __name__ == "__main__":
    capture_forever(Path(sys.argv[1]), sys.stdout.fileno(), int(sys.argv[2]))
