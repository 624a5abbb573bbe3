"""The app's look: Qt's Fusion style (the same on every OS), our stylesheet and icons."""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from catalog_app.locations import resources_dir

log = logging.getLogger(__name__)


def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/<name>.svg``; an empty icon if the file is missing."""
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.is_file():
        log.warning("icon missing: %s", path)
        return QIcon()
    return QIcon(str(path))


def apply_look(app: QApplication) -> None:
    app.setStyle("Fusion")
    path = resources_dir() / "styles" / "app.qss"
    try:
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    except OSError as exc:  # the app works without it, only plainer
        log.warning("stylesheet not loaded (%s): %s", path, exc)
