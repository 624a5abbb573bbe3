"""Pictures scaled for cards and galleries, decoded off the GUI thread and kept in memory.

A card asks ``ThumbnailCache.get(path, size)``; the first time it gets None (the card draws its
placeholder) while a worker decodes the file at the size needed (``QImageReader`` decodes
JPEGs straight to a smaller size). ``ready(path)`` tells the views to repaint. Scrolling
through thousands of cards therefore never stalls on decoding.
"""

from __future__ import annotations

import itertools
import logging
import weakref
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

log = logging.getLogger(__name__)

Key = tuple[Path, int, int]
MAX_ENTRIES = 600


def read_scaled(path: Path, size: QSize) -> QImage:
    """The picture scaled to fit ``size`` (aspect kept); a null image if unreadable."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid():
        reader.setScaledSize(original.scaled(size * 2, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return image
    return image.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def load_scaled(path: Path, size: QSize) -> QPixmap | None:
    """The same, at once, on the calling (GUI) thread: for one picture shown large."""
    image = read_scaled(path, size)
    return None if image.isNull() else QPixmap.fromImage(image)


class _Relay(QObject):
    """Carries decoded pictures from the pool threads to the GUI thread.

    One for the whole process, never deleted: a worker may finish after the cache that asked
    for its picture is gone (a closed window), and must then emit into something that still
    exists. The relay hands each picture to its cache if that cache is still alive.
    """

    decoded = Signal(int, object, object)  # cache number, key, QImage (null when unreadable)

    def __init__(self) -> None:
        super().__init__()
        self.caches: weakref.WeakValueDictionary[int, ThumbnailCache] = (
            weakref.WeakValueDictionary()
        )
        self.decoded.connect(self._deliver)

    def _deliver(self, number: int, key: Key, image: QImage) -> None:
        cache = self.caches.get(number)
        if cache is not None and shiboken6.isValid(cache):
            cache.decoded(key, image)


_relay: _Relay | None = None
_numbers = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()  # created on the GUI thread by the first cache
    return _relay


class _Decode(QRunnable):
    def __init__(self, number: int, key: Key) -> None:
        super().__init__()
        self._number = number
        self._key = key

    def run(self) -> None:  # a pool thread: QImage only, never QPixmap
        path, width, height = self._key
        try:
            image = read_scaled(path, QSize(width, height))
        except Exception:  # noqa: BLE001 - a bad file shows the placeholder, never a crash
            log.exception("decoding %s failed", path)
            image = QImage()
        relay = _the_relay()
        if shiboken6.isValid(relay):  # gone only while the process exits
            relay.decoded.emit(self._number, self._key, image)


def stop_decoding(timeout_ms: int = 5000) -> None:
    """Drop decodes not yet started and wait for the running ones (before the app exits)."""
    pool = QThreadPool.globalInstance()
    pool.clear()
    pool.waitForDone(timeout_ms)


class ThumbnailCache(QObject):
    """Signals:
    ready(object): a picture (its ``Path``) was decoded; views showing it repaint.
    """

    ready = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool.globalInstance()
        self._number = next(_numbers)
        _the_relay().caches[self._number] = self
        self._pixmaps: dict[Key, QPixmap | None] = {}
        self._pending: set[Key] = set()

    def get(self, path: Path | None, size: QSize) -> QPixmap | None:
        """The scaled picture if decoded (None while it is being decoded or if unreadable)."""
        if path is None:
            return None
        key = (path, size.width(), size.height())
        if key in self._pixmaps:
            return self._pixmaps[key]
        if key not in self._pending:
            self._pending.add(key)
            self._pool.start(_Decode(self._number, key))
        return None

    def is_pending(self) -> bool:
        return bool(self._pending)

    def clear(self) -> None:
        self._pixmaps.clear()

    def decoded(self, key: Key, image: QImage) -> None:
        """A picture asked for is ready (called on the GUI thread by the relay)."""
        self._pending.discard(key)
        if len(self._pixmaps) >= MAX_ENTRIES:
            self._pixmaps.pop(next(iter(self._pixmaps)))
        self._pixmaps[key] = None if image.isNull() else QPixmap.fromImage(image)
        self.ready.emit(key[0])
