"""Merge two leads of one person: pick, line by line, the value to keep.

One lead stays (the one captured first, unless the person chooses the other); the other is kept
as history, linked to it (``services.lead_merge``). Interests are combined. Merging is for
managers: when a staff member is signed in, a manager approves with their PIN in place.

    dialog = MergeDialog(state, first_lead_id, second_lead_id, parent)
    dialog.merged.connect(...)  # the surviving lead's id
    dialog.open()
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from catalog_app.services.accounts import StaffMember
from catalog_app.services.lead_labels import industry_label, label
from catalog_app.services.lead_merge import (
    MERGE_FIELDS,
    MergeSide,
    Pick,
    default_picks,
    load_sides,
    merge_leads,
)
from catalog_app.ui.accounts.sign_in_dialog import SignInDialog
from catalog_app.ui.accounts.ui_helpers import error_label, error_text, if_alive, show_error
from catalog_app.ui.app_state import AppState
from catalog_app.ui.capture.banners import short_time

BOTH = 2  # the "keep both" column (notes only)


class MergeDialog(QDialog):
    """Signals:
    merged(object): the surviving lead's id, after the merge was committed.
    """

    merged = Signal(object)

    def __init__(
        self,
        state: AppState,
        first_id: uuid.UUID,
        second_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self._state = state
        self.sides: tuple[MergeSide, ...] = ()
        self.approver: StaffMember | None = state.current_staff if state.is_manager else None
        self.groups: dict[str, QButtonGroup] = {}
        self.survivor_group = QButtonGroup(self)
        self._approval: SignInDialog | None = None

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.survivor_label = QLabel()
        self.survivor_buttons = [QRadioButton(), QRadioButton()]
        for index, button in enumerate(self.survivor_buttons):
            button.setObjectName(f"survivor{index}")
            self.survivor_group.addButton(button, index)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setHorizontalSpacing(14)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.approval_label = QLabel()
        self.approval_label.setObjectName("mergeApproval")
        self.approval_label.setWordWrap(True)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("mergeApproveButton")
        self.approve_button.setAutoDefault(False)
        self.approve_button.clicked.connect(self.ask_approval)
        self.message = error_label("mergeMessage")
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("mergeButton")
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)  # Enter never cancels by accident
        buttons = QDialogButtonBox()
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button.clicked.connect(self.merge)
        self.cancel_button.clicked.connect(self.reject)

        survivor_row = QHBoxLayout()
        survivor_row.addWidget(self.survivor_label)
        for button in self.survivor_buttons:
            survivor_row.addWidget(button)
        survivor_row.addStretch(1)
        approval_row = QHBoxLayout()
        approval_row.addWidget(self.approval_label, 1)
        approval_row.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(survivor_row)
        layout.addWidget(scroll, 1)
        layout.addLayout(approval_row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(900, 600)

        try:
            self.sides = load_sides(state.database, first_id, second_id)
        except Exception as exc:  # noqa: BLE001 - shown in the dialog
            show_error(self.message, error_text(exc, state.language))
        else:
            older = 0 if _order_key(self.sides[0]) <= _order_key(self.sides[1]) else 1
            self.survivor_buttons[older].setChecked(True)
            self._build_grid(older)
        self.retranslate()

    # -- the grid ------------------------------------------------------------------------
    def _build_grid(self, survivor_index: int) -> None:
        lang = self._state.language
        survivor, other = self.sides[survivor_index], self.sides[1 - survivor_index]
        picks = default_picks(survivor, other)
        self.field_labels: dict[str, QLabel] = {}
        self.headers = [QLabel(), QLabel()]
        for column, header in enumerate(self.headers, start=1):
            header.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(header, 0, column)
        row = 1
        for field in MERGE_FIELDS:
            values = [_display(side.values.get(field), field, lang) for side in self.sides]
            if not any(values):
                continue
            name_label = QLabel()
            self.field_labels[field] = name_label
            self.grid.addWidget(name_label, row, 0, Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self)
            for column, value in enumerate(values):
                button = QRadioButton(_shortened(value) or "—")
                button.setToolTip(value if _shortened(value) != value else "")
                button.setObjectName(f"pick_{field}_{column}")
                group.addButton(button, column)
                self.grid.addWidget(button, row, column + 1, Qt.AlignmentFlag.AlignTop)
            if field == "notes" and all(values) and values[0] != values[1]:
                both = QRadioButton()
                both.setObjectName("pick_notes_both")
                group.addButton(both, BOTH)
                self.grid.addWidget(both, row + 1, 1, 1, 2)
                self.both_button = both
            pick = picks[field]
            wanted = (
                BOTH
                if pick is Pick.BOTH
                else (survivor_index if pick is Pick.SURVIVOR else 1 - survivor_index)
            )
            if values[0] == values[1]:
                wanted = survivor_index
                for button in group.buttons():
                    button.setEnabled(False)
            button_to_check = group.button(wanted)
            if button_to_check is not None:
                button_to_check.setChecked(True)
            self.groups[field] = group
            row += 2 if field == "notes" and group.button(BOTH) is not None else 1
        self.models_label = QLabel()
        self.grid.addWidget(self.models_label, row, 0, Qt.AlignmentFlag.AlignTop)
        for column, side in enumerate(self.sides):
            text = "\n".join(
                f"{(i.model_name_zh if lang.startswith('zh') else i.model_name_en) or '—'} × "
                f"{i.quantity}"
                for i in side.interests
            )
            models = QLabel(text or "—")
            models.setTextFormat(Qt.TextFormat.PlainText)
            self.grid.addWidget(models, row, column + 1, Qt.AlignmentFlag.AlignTop)
        self.grid.setRowStretch(row + 1, 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)

    def choose(self, field: str, column: int) -> None:
        """Pick lead ``column`` (0 or 1, or BOTH for the notes) for ``field``."""
        button = self.groups[field].button(column)
        if button is None:
            raise KeyError(f"{field} has no choice {column}")
        button.setChecked(True)

    def picks(self) -> tuple[uuid.UUID, uuid.UUID, dict[str, Pick]]:
        survivor_index = max(0, self.survivor_group.checkedId())
        chosen: dict[str, Pick] = {}
        for field, group in self.groups.items():
            column = group.checkedId()
            if column == BOTH:
                chosen[field] = Pick.BOTH
            elif column == survivor_index or column < 0:
                chosen[field] = Pick.SURVIVOR
            else:
                chosen[field] = Pick.OTHER
        survivor = self.sides[survivor_index].id
        other = self.sides[1 - survivor_index].id
        return survivor, other, chosen

    # -- approval and merging ------------------------------------------------------------
    def ask_approval(self) -> None:
        reason = self.tr("Merge two leads of one person.")
        dialog = SignInDialog(self._state, managers_only=True, reason=reason, parent=self)
        dialog.accepted.connect(lambda: self._approved(dialog.member))
        self._approval = dialog
        dialog.open()

    def _approved(self, member: StaffMember | None) -> None:
        if member is not None and member.is_manager:
            self.approver = member
        self._update_approval()

    def merge(self) -> None:
        if not self.sides or self.approver is None:
            return
        survivor, other, picks = self.picks()
        approver = self.approver
        database = self._state.database
        self.merge_button.setEnabled(False)
        self._state.tasks.start(
            "merge-leads",
            lambda _ctx: merge_leads(database, survivor, other, picks, actor=approver),
            on_finished=if_alive(self, self._merged),
            on_failed=if_alive(self, self._failed),
        )

    def _merged(self, survivor_id: uuid.UUID) -> None:
        self.merged.emit(survivor_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        show_error(self.message, error_text(error, self._state.language))
        self._update_approval()

    def _update_approval(self) -> None:
        manager = self.approver
        if manager is None:
            self.approval_label.setText(
                self.tr("Merging needs a manager. A manager can approve it here with their PIN.")
            )
        else:
            self.approval_label.setText(
                self.tr("Approved by: %1 (manager).").replace("%1", manager.display_name)
            )
        self.approve_button.setVisible(manager is None)
        self.merge_button.setEnabled(manager is not None and bool(self.sides))

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Merge two leads"))
        self.intro.setText(
            self.tr(
                "These two leads may be one person. Pick, line by line, the value to keep. "
                "The lead that is merged away stays as history, linked to the one that stays; "
                "models of interest are combined."
            )
        )
        self.survivor_label.setText(self.tr("The lead that stays:"))
        for index, side in enumerate(self.sides):
            self.survivor_buttons[index].setText(
                self.tr("%1 (captured %2)")
                .replace("%1", "AB"[index])
                .replace("%2", short_time(side.captured_at) or "—")
            )
            if hasattr(self, "headers"):
                self.headers[index].setText(self.tr("Lead %1").replace("%1", "AB"[index]))
        for field, name_label in getattr(self, "field_labels", {}).items():
            name_label.setText(self._field_name(field))
        if hasattr(self, "models_label"):
            self.models_label.setText(self.tr("Models (combined)"))
        if hasattr(self, "both_button"):
            self.both_button.setText(self.tr("Keep both notes"))
        self.approve_button.setText(self.tr("Approve with a manager's PIN…"))
        self.merge_button.setText(self.tr("&Merge"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._update_approval()

    def _field_name(self, field: str) -> str:
        names = {
            "person_name": self.tr("Name"),
            "company": self.tr("Company"),
            "credit_code": self.tr("Credit code"),
            "title": self.tr("Title"),
            "mobile": self.tr("Mobile"),
            "landline": self.tr("Landline"),
            "email": self.tr("E-mail"),
            "wechat_id": self.tr("WeChat ID"),
            "industry": self.tr("Industry"),
            "fleet_size": self.tr("Fleet size"),
            "rating": self.tr("Rating"),
            "follow_up": self.tr("Follow-up"),
            "notes": self.tr("Notes"),
        }
        return names.get(field, field)


def _shortened(value: str, limit: int = 80) -> str:
    """One line of at most ``limit`` characters (long notes in full in the tooltip)."""
    line = " ⏎ ".join(part.strip() for part in value.splitlines() if part.strip())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _order_key(side: MergeSide) -> tuple[float, str]:
    return (side.captured_at.timestamp() if side.captured_at else 0.0, str(side.id))


def _display(value: Any, field: str, lang: str) -> str:
    if value is None or value == "":
        return ""
    if field == "industry":
        return industry_label(str(value), lang)
    if field in ("rating", "follow_up"):
        return label(value, lang)
    return str(value)
