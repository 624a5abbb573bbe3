"""Devices that wrote data, the log of syncs between them, and this device's local settings.

``LocalSetting`` is the one table that never merges: it holds this file's own identity (its
device id) and clock, and other per-file settings.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from catalog_app.domain.base import Base, Mergeable
from catalog_app.domain.enums import SyncDirection
from catalog_app.domain.models._columns import enum_type


class Device(Mergeable, Base):
    __tablename__ = "device"

    name: Mapped[str] = mapped_column(String(100), default="")
    # Short code used in intent reference numbers; derived from the device id, so unique enough.
    code: Mapped[str] = mapped_column(String(16), default="")
    hostname: Mapped[str] = mapped_column(String(200), default="")
    app_version: Mapped[str] = mapped_column(String(32), default="")


class SyncLog(Mergeable, Base):
    __tablename__ = "sync_log"

    direction: Mapped[SyncDirection] = mapped_column(enum_type(SyncDirection))
    peer: Mapped[str] = mapped_column(String(300), default="")
    package_checksum: Mapped[str] = mapped_column(String(64), default="")
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(32), default="ok")
    message: Mapped[str] = mapped_column(String(1000), default="")


class LocalSetting(Base):
    __tablename__ = "local_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(2000), default="")
