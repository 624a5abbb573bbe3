"""Two banners at the top of the capture form.

``DuplicateBanner``: while a lead is typed, people already captured with the same mobile
(E.164), the same e-mail, or a very similar name and company; it offers to save and merge, or
to say "not the same person" (the banner then stays away for those leads).

``DraftBanner``: after a crash, the lead that was being typed, offered back (restore/discard).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from catalog_app.services.leads import DuplicateMatch

DUPLICATE_STYLE = (
    "QFrame#duplicateBanner { background: #fff4e5; border: 1px solid #f0b35e;"
    " border-radius: 6px; } QLabel { color: #5c3a00; }"
)
DRAFT_STYLE = (
    "QFrame#draftBanner { background: #e8f1fb; border: 1px solid #8fb5e3;"
    " border-radius: 6px; } QLabel { color: #173a63; }"
)


def short_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return QLocale().toString(moment.astimezone(), "yyyy-MM-dd HH:mm")


class DuplicateBanner(QFrame):
    """Signals:
    merge_requested(object): save this lead, then merge it with the lead (uuid) shown.
    """

    merge_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateBanner")
        self.setStyleSheet(DUPLICATE_STYLE)
        self.matches: list[DuplicateMatch] = []
        self._dismissed: set[uuid.UUID] = set()
        self.text = QLabel()
        self.text.setObjectName("duplicateText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("duplicateMergeButton")
        self.merge_button.setAutoDefault(False)
        self.dismiss_button = QPushButton()
        self.dismiss_button.setObjectName("duplicateDismissButton")
        self.dismiss_button.setAutoDefault(False)
        self.merge_button.clicked.connect(self._merge)
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.merge_button)
        layout.addWidget(self.dismiss_button)
        self.setVisible(False)
        self.retranslate()

    def show_matches(self, matches: list[DuplicateMatch]) -> None:
        self.matches = [m for m in matches if m.lead_id not in self._dismissed]
        self._render()

    def reset(self) -> None:
        """A new lead: forget what was dismissed for the previous one."""
        self._dismissed.clear()
        self.matches = []
        self._render()

    def dismiss(self) -> None:
        self._dismissed.update(m.lead_id for m in self.matches)
        self.matches = []
        self._render()

    def _merge(self) -> None:
        if self.matches:
            self.merge_requested.emit(self.matches[0].lead_id)

    def _reason(self, reason: str) -> str:
        if reason == "phone":
            return self.tr("same mobile")
        if reason == "email":
            return self.tr("same e-mail")
        return self.tr("similar name and company")

    def _render(self) -> None:
        if not self.matches:
            self.setVisible(False)
            return
        first = self.matches[0]
        who = " · ".join(
            part for part in (first.person_name, first.company, first.mobile, first.email) if part
        )
        text = self.tr("Possibly captured before: %1 — %2, %3.")
        text = (
            text.replace("%1", who)
            .replace("%2", self._reason(first.reason))
            .replace("%3", short_time(first.captured_at) or self.tr("time unknown"))
        )
        if len(self.matches) > 1:
            text += " " + self.tr("(and %1 more)").replace("%1", str(len(self.matches) - 1))
        self.text.setText(text)
        self.setVisible(True)

    def retranslate(self) -> None:
        self.merge_button.setText(self.tr("Save and merge…"))
        self.dismiss_button.setText(self.tr("Not the same person"))
        self._render()


class DraftBanner(QFrame):
    """Signals:
    restore_requested(): put the recovered draft into the form.
    discard_requested(): throw the recovered draft away.
    """

    restore_requested = Signal()
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBanner")
        self.setStyleSheet(DRAFT_STYLE)
        self.saved_at: datetime | None = None
        self.summary = ""
        self.text = QLabel()
        self.text.setObjectName("draftText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("draftRestoreButton")
        self.restore_button.setAutoDefault(False)
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("draftDiscardButton")
        self.discard_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.restore_requested.emit)
        self.discard_button.clicked.connect(self.discard_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        self.setVisible(False)
        self.retranslate()

    def offer(self, saved_at: datetime | None, summary: str) -> None:
        self.saved_at = saved_at
        self.summary = summary
        self.retranslate()
        self.setVisible(True)

    def retranslate(self) -> None:
        text = self.tr("A lead that was being typed (%1) was not saved — the app closed at %2.")
        self.text.setText(
            text.replace("%1", self.summary or self.tr("no name yet")).replace(
                "%2", short_time(self.saved_at)
            )
        )
        self.restore_button.setText(self.tr("Restore it"))
        self.discard_button.setText(self.tr("Discard"))
