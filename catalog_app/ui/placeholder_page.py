"""An honest page for a part of the app that is not built yet: what it will do, and that it
is not in this version. No fake screens."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlannedPage(StrEnum):
    LEADS = "leads"
    INTENTS = "intents"
    DASHBOARD = "dashboard"


class PlaceholderPage(QWidget):
    """Says plainly that a page is not built yet, and what it will be for."""

    def __init__(self, page: PlannedPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setObjectName(f"{page.value}Page")
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.purpose = QLabel()
        self.purpose.setObjectName("placeholderPurpose")
        self.status = QLabel()
        self.status.setObjectName("placeholderStatus")
        for label in (self.title, self.purpose, self.status):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setMaximumWidth(760)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 36, 40, 36)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.purpose)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        title, purpose = self._texts()
        self.title.setText(title)
        self.purpose.setText(purpose)
        self.status.setText(
            self.tr(
                "Not built yet in this version. Nothing on this page works yet, and no data "
                "is kept here."
            )
        )

    def _texts(self) -> tuple[str, str]:
        if self.page is PlannedPage.LEADS:
            return self.tr("Leads"), self.tr(
                "This page will capture visitors at the booth: a badge scan fills the form; staff "
                "add company, industry, fleet size, models of interest, timeframe, financing, "
                "a hot/warm/cold rating and notes, with the visitor's consent. People captured "
                "twice are flagged so they can be merged."
            )
        if self.page is PlannedPage.INTENTS:
            return self.tr("Purchase intents"), self.tr(
                "This page will prepare a draft purchase-intent form (购车意向书) for a buyer: "
                "models, quantities, indicative prices, delivery and payment terms, printed or "
                "saved as PDF for signing at the table, with its status tracked from draft to "
                "signed."
            )
        return self.tr("Dashboard"), self.tr(
            "This page will show what the fair produced: leads by model, hour, rating and staff "
            "member, and the units and value of purchase intents."
        )
