"""Test data and helpers of the capture tests (a module with a unique name, importable from the
test files of this folder whatever other conftest modules are loaded).

``type_like_a_scanner`` sends what a USB badge scanner sends: one key press per character, a few
microseconds apart, Enter for each line break and at the end, to whatever has the focus.
``type_like_a_person`` types with 45 ms between keys (people are slower than 30 ms per key).
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from catalog_app.domain.enums import ExhibitorKind, LeadSource, StaffRole
from catalog_app.domain.models import Exhibitor, Fair, TruckModel
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.services.attendees import import_attendees
from catalog_app.services.consent import current_consent
from catalog_app.services.lead_input import LeadInput
from catalog_app.services.leads import LeadService
from catalog_app.store.database import Database
from catalog_app.ui.capture import CaptureForm

FormFactory = Callable[..., "CaptureForm"]  # make_form(lang="en", staff=None)
MANAGER_PIN = "9876"
STAFF_PIN = "1234"

VCARD = "\n".join(
    [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:张;三;;;",
        "FN:张三",
        "ORG:贵州示例物流有限公司",
        "TITLE:车队经理",
        "TEL;TYPE=CELL:138 0013 8000",
        "EMAIL:zhang.san@example.cn",
        "END:VCARD",
    ]
)


@dataclass
class Booth:
    """What the test booth holds: models by code, and the people who work there."""

    models: dict[str, uuid.UUID]
    manager: StaffMember
    staff: StaffMember


def fill_booth(database: Database, folder: Path) -> Booth:
    """A fair with three models (two tractors), a manager, a staff member, an attendee list."""
    with database.transaction() as session:
        fair = Fair(code="CAP-FAIR", name_zh="测试展会", name_en="Test fair", is_sample=True)
        maker = Exhibitor(
            fair=fair, code="QL", name_zh="黔岭重卡", name_en="Qianling", kind=ExhibitorKind.MAKER
        )
        specs = [
            ("QL-E49", "黔岭 E49 换电牵引车", "Qianling E49 swap tractor", "tractor"),
            ("QL-E60", "黔岭 E60 充电牵引车", "Qianling E60 charging tractor", "tractor"),
            ("QL-D31", "黔岭 D31 纯电自卸车", "Qianling D31 electric dump truck", "dump"),
        ]
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
            for order, (code, zh, en, body) in enumerate(specs)
        ]
        session.add_all([fair, maker, *models])
        session.flush()
        ids = {model.code: model.id for model in models}
    accounts = AccountService(database)
    manager = accounts.create_staff("王经理", StaffRole.MANAGER, MANAGER_PIN, actor=None)
    staff = accounts.create_staff("小李", StaffRole.STAFF, STAFF_PIN, actor=manager)
    attendees = folder / "attendees.csv"
    with open(attendees, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["胸卡号", "姓名", "公司", "职务", "手机", "邮箱"])
        writer.writerow(["GZNEV26-0003", "赵六", "示例能源集团", "采购经理", "13900000103", ""])
    import_attendees(database, attendees)
    return Booth(ids, manager, staff)


def existing_lead(database: Database, **fields: object) -> uuid.UUID:
    wording = current_consent("zh_CN")
    data = LeadInput(
        consent_given=True, consent_text=wording.text, consent_version=wording.version, **fields
    )  # type: ignore[arg-type]
    return LeadService(database).save(data, source=LeadSource.BOOTH)


def _key_for(char: str) -> Qt.Key:
    if char == "\n":
        return Qt.Key.Key_Return
    if char.isascii() and char.isalnum():
        return Qt.Key(ord(char.upper()))
    if char == " ":
        return Qt.Key.Key_Space
    return Qt.Key.Key_unknown


def type_like_a_scanner(payload: str, end_with_enter: bool = True) -> None:
    """Send ``payload`` as a scanner does, to the focused widget (line breaks as Enter)."""
    text = payload + ("\n" if end_with_enter else "")
    for char in text:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        key = _key_for(char)
        typed = "\r" if char == "\n" else char
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, typed)
            )


def type_like_a_person(widget: QWidget, text: str) -> None:
    """Type ASCII ``text`` into ``widget`` key by key, 45 ms apart."""
    QTest.keyClicks(widget, text, Qt.KeyboardModifier.NoModifier, 45)


def type_chinese(widget: QWidget, text: str) -> None:
    """What an input method delivers when a word is chosen: one commit of the text."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press(
    qtbot: QtBot,
    widget: QWidget,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(widget, key, modifier)
