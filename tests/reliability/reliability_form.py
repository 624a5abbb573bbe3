"""Helpers of the storage-fault GUI tests: a small booth database (a fair, two models, no staff
accounts so no slow PIN hashing), typing a lead into the capture form the way people do, and
the faults themselves (RELIABILITY.md recipes) switched on and off on a running ``Database``.

A module with a unique name, importable from the test files of this folder whatever other
``conftest`` modules are loaded.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from catalog_app.domain.enums import ExhibitorKind
from catalog_app.domain.models import Exhibitor, Fair, TruckModel
from catalog_app.store.database import Database
from catalog_app.ui.capture import CaptureForm

MODELS = (
    ("QL-E49", "黔岭 E49 换电牵引车", "Qianling E49 swap tractor", "tractor"),
    ("QL-D31", "黔岭 D31 纯电自卸车", "Qianling D31 electric dump truck", "dump"),
)


@dataclass(frozen=True)
class TypedLead:
    """What the test types into the form (and expects back, in the widgets and in the file)."""

    person_name: str = "赵六"
    company: str = "Qianling Logistics"
    mobile: str = "139 0000 0106"
    notes: str = "要 12 台换电牵引车，下个月看车"


def fill_small_booth(database: Database) -> dict[str, Any]:
    """A fair with an exhibitor and two models; returns the model ids by code."""
    with database.transaction() as session:
        fair = Fair(code="FAULT-FAIR", name_zh="测试展会", name_en="Test fair", is_sample=True)
        maker = Exhibitor(
            fair=fair, code="QL", name_zh="黔岭重卡", name_en="Qianling", kind=ExhibitorKind.MAKER
        )
        models = [
            TruckModel(
                exhibitor=maker,
                code=code,
                name_zh=zh,
                name_en=en,
                body_type=body,
                powertrain="bev_swap",
                sort_order=order,
            )
            for order, (code, zh, en, body) in enumerate(MODELS)
        ]
        session.add_all([fair, maker, *models])
        session.flush()
        return {model.code: model.id for model in models}


def commit_text(widget: QWidget, text: str) -> None:
    """What an input method delivers when a (Chinese) word is chosen: one commit of the text."""
    widget.setFocus()
    typed = QInputMethodEvent()
    typed.setCommitString(text)
    QApplication.sendEvent(widget, typed)


def type_lead(qtbot: QtBot, form: CaptureForm, lead: TypedLead, model_id: Any) -> None:
    """Type ``lead`` into the form key by key (Chinese through the input method), pick a model,
    tick the consent."""
    commit_text(form.person.editors["person_name"], lead.person_name)
    qtbot.keyClicks(form.person.editors["company"], lead.company)
    qtbot.keyClicks(form.person.editors["mobile"], lead.mobile)
    commit_text(form.business.notes, lead.notes)
    form.business.interests.add_model(model_id, 2)
    form.consent.check.setFocus()
    qtbot.keyClick(form.consent.check, Qt.Key.Key_Space)
    assert form.consent.check.isChecked()


def form_still_holds(form: CaptureForm, lead: TypedLead, model_id: Any) -> None:
    """Everything typed is still in the widgets."""
    editors = form.person.editors
    assert editors["person_name"].text() == lead.person_name
    assert editors["company"].text() == lead.company
    assert editors["mobile"].text() == lead.mobile
    assert form.business.notes.toPlainText() == lead.notes
    assert form.business.interests.interests() == [(model_id, 2)]
    assert form.consent.check.isChecked()


def press_save(qtbot: QtBot, form: CaptureForm) -> None:
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)


def saved_rows(path: Path) -> list[tuple[str, str, str, str]]:
    """(name, company, mobile, notes) of every lead in the file, read with plain sqlite3."""
    with sqlite3.connect(path) as connection:
        return [
            tuple(row)  # type: ignore[misc]
            for row in connection.execute(
                "SELECT person_name, company, mobile, notes FROM lead ORDER BY person_name"
            )
        ]


class Pragmas:
    """Run pragmas on every new connection of ``database`` (a fault switched on), until
    ``remove()`` (the fault gone). Pooled connections are dropped both times."""

    def __init__(self, database: Database, *pragmas: str) -> None:
        self._engine = database.engine
        self._pragmas = pragmas
        self._engine.dispose()
        event.listen(self._engine, "connect", self._apply)

    def _apply(self, connection: Any, _record: Any) -> None:
        for pragma in self._pragmas:
            connection.execute(pragma)

    def remove(self) -> None:
        event.remove(self._engine, "connect", self._apply)
        self._engine.dispose()


def damage_in_place(path: Path) -> None:
    """Overwrite every page header but the first (the file header) with random bytes, in the same
    file, as a failing disk would; the WAL is checkpointed into the file first."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, len(data), page):
        data[offset : offset + 64] = os.urandom(64)
    with path.open("r+b") as handle:
        handle.write(bytes(data))
        handle.flush()
        os.fsync(handle.fileno())
