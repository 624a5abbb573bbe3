"""All mapped tables; importing this package registers them on ``Base.metadata``."""

from catalog_app.domain.models.accounts import StaffAccount
from catalog_app.domain.models.attendees import Attendee
from catalog_app.domain.models.audit import AuditEntry
from catalog_app.domain.models.catalog import (
    Exhibitor,
    Fair,
    Media,
    ModelOption,
    SpecValue,
    TruckModel,
)
from catalog_app.domain.models.devices import Device, LocalSetting, SyncLog
from catalog_app.domain.models.drafts import FormDraft
from catalog_app.domain.models.intents import IntentForm, IntentLine, IntentStatusChange
from catalog_app.domain.models.leads import Lead, LeadDuplicateLink, LeadInterest

__all__ = [
    "Attendee",
    "AuditEntry",
    "Device",
    "Exhibitor",
    "Fair",
    "FormDraft",
    "IntentForm",
    "IntentLine",
    "IntentStatusChange",
    "Lead",
    "LeadDuplicateLink",
    "LeadInterest",
    "LocalSetting",
    "Media",
    "ModelOption",
    "SpecValue",
    "StaffAccount",
    "SyncLog",
    "TruckModel",
]
