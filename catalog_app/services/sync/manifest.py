"""The manifest of a sync package, and the package's file layout.

A sync package is ONE file, ``catalog-<device code>-<UTC time>.catpkg``: a ZIP archive holding

- ``manifest.json`` — who made it and what is in it (this module's ``Manifest``);
- ``data.sqlite`` — a consistent snapshot of the device's database, made with SQLite's online
  backup API while the app kept running, checked with ``integrity_check``, without the
  device's typing drafts and local settings (only its identity, clock and knowledge stay);
- ``media/<ab>/<sha256><ext>`` — the photos, brochures and logos its live rows refer to.

One file rather than a folder, so that a copy to a USB stick is all or nothing, and a half-copied
package fails its checksum instead of merging half. The data is deflated (fast level); media
files, already compressed, are stored as they are.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from catalog_app.domain.clock import Hlc
from catalog_app.services.sync.errors import NEWER_FORMAT, NOT_A_PACKAGE, PackageRefused

FORMAT = "catalog_app.sync-package"
FORMAT_VERSION = 1
SUFFIX = ".catpkg"
MANIFEST_NAME = "manifest.json"
DATA_NAME = "data.sqlite"
MEDIA_PREFIX = "media/"


@dataclass(frozen=True)
class Manifest:
    """What a package says about itself (``manifest.json``)."""

    device_id: uuid.UUID
    device_code: str
    device_name: str
    created_at: datetime  # the exporting device's wall clock, UTC
    clock: str  # the device's hybrid-clock stamp at the snapshot (>= every stamp inside)
    schema_revision: str
    app_version: str
    tables: dict[str, int]  # rows per merged table (tombstones included)
    data_sha256: str
    data_size: int
    media: dict[str, int] = field(default_factory=dict)  # archive name -> size in bytes
    media_missing: int = 0  # media rows whose file the device did not have
    knowledge: dict[str, str] = field(default_factory=dict)  # device hex -> greatest stamp seen
    format_version: int = FORMAT_VERSION

    def to_json(self) -> str:
        data: dict[str, Any] = asdict(self)
        data["format"] = FORMAT
        data["device_id"] = str(self.device_id)
        data["created_at"] = self.created_at.isoformat()
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, path: Path) -> Manifest:
        """Read a manifest; anything that is not one of ours is refused as foreign."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise PackageRefused(path, NOT_A_PACKAGE, detail=f"manifest: {exc}") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise PackageRefused(path, NOT_A_PACKAGE, detail="manifest of another format")
        version = data.get("format_version")
        if not isinstance(version, int):
            raise PackageRefused(path, NOT_A_PACKAGE, detail="manifest without a version")
        if version > FORMAT_VERSION:
            raise PackageRefused(path, NEWER_FORMAT, version=version)
        try:
            return cls(
                device_id=uuid.UUID(str(data["device_id"])),
                device_code=str(data["device_code"]),
                device_name=str(data.get("device_name", "")),
                created_at=datetime.fromisoformat(str(data["created_at"])),
                clock=_stamp(data["clock"]),
                schema_revision=str(data["schema_revision"]),
                app_version=str(data.get("app_version", "")),
                tables={str(k): int(v) for k, v in dict(data["tables"]).items()},
                data_sha256=str(data["data_sha256"]).lower(),
                data_size=int(data["data_size"]),
                media={str(k): int(v) for k, v in dict(data.get("media", {})).items()},
                media_missing=int(data.get("media_missing", 0)),
                knowledge={
                    uuid.UUID(str(k)).hex: _stamp(v)
                    for k, v in dict(data.get("knowledge", {})).items()
                },
                format_version=version,
            )
        except (KeyError, TypeError, ValueError, OverflowError) as exc:  # int(inf) overflows
            raise PackageRefused(path, NOT_A_PACKAGE, detail=f"manifest field {exc}") from exc

    @property
    def created_ms(self) -> int:
        return int(self.created_at.timestamp() * 1000)


def _stamp(value: object) -> str:
    """A clock stamp as written by ``Hlc`` (ValueError else): a stamp that is not one would
    compare above every real one and could make this file believe it had seen everything."""
    text = str(value)
    if text and str(Hlc.parse(text)) != text:
        raise ValueError(f"not a clock stamp: {text!r}")
    return text


def package_name(device_code: str, moment: datetime) -> str:
    return f"catalog-{device_code}-{moment.strftime('%Y%m%dT%H%M%SZ')}{SUFFIX}"
