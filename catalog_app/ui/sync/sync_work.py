"""Glue between the sync services and the task runner: cancel, errors, readable table names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication

from catalog_app.domain.text import UserFacingError
from catalog_app.services.sync.progress import SyncCancelled
from catalog_app.ui.tasks import TaskCancelled, TaskContext

T = TypeVar("T")


def run_cancellable(context: TaskContext, work: Callable[..., T], /, *args: Any, **kw: Any) -> T:
    """Run a sync service with the task's progress and cancel; a cancel ends as cancelled."""
    try:
        return work(*args, progress=context.report, is_cancelled=lambda: context.cancelled, **kw)
    except SyncCancelled as exc:
        raise TaskCancelled() from exc


def error_text(error: BaseException, lang: str) -> str:
    if isinstance(error, UserFacingError):
        return error.text(lang)
    if isinstance(error, OSError):
        return f"{error.strerror or error}: {error.filename or ''}".strip().rstrip(":")
    return str(error)


def table_label(name: str) -> str:
    """A merged table's name for people (progress lines)."""
    labels = {
        "device": QCoreApplication.translate("SyncTables", "devices"),
        "fair": QCoreApplication.translate("SyncTables", "fairs"),
        "staff_account": QCoreApplication.translate("SyncTables", "staff"),
        "sync_log": QCoreApplication.translate("SyncTables", "sync log"),
        "attendee": QCoreApplication.translate("SyncTables", "attendees"),
        "audit_entry": QCoreApplication.translate("SyncTables", "audit log"),
        "exhibitor": QCoreApplication.translate("SyncTables", "exhibitors"),
        "lead": QCoreApplication.translate("SyncTables", "leads"),
        "truck_model": QCoreApplication.translate("SyncTables", "truck models"),
        "intent_form": QCoreApplication.translate("SyncTables", "purchase intents"),
        "lead_duplicate_link": QCoreApplication.translate("SyncTables", "duplicate links"),
        "lead_interest": QCoreApplication.translate("SyncTables", "interests"),
        "media": QCoreApplication.translate("SyncTables", "media"),
        "model_option": QCoreApplication.translate("SyncTables", "model options"),
        "spec_value": QCoreApplication.translate("SyncTables", "specifications"),
        "intent_line": QCoreApplication.translate("SyncTables", "intent lines"),
        "intent_status_change": QCoreApplication.translate("SyncTables", "intent history"),
    }
    return labels.get(name, name)


def progress_text(text: str) -> str:
    """``"2/3 lead"`` (package 2 of 3, table) or ``"lead"`` from the services, for people."""
    head, _, table = text.rpartition(" ")
    label = table_label(table) if table else ""
    if head and "/" in head:
        return (
            QCoreApplication.translate("SyncTables", "package %1: %2")
            .replace("%1", head)
            .replace("%2", label)
        )
    return label
