"""Stop a database query running on a worker thread, from another thread.

A search typed letter by letter starts a query per pause; when a newer one is wanted the older
one's result is worthless, and on a million leads it may still have a second to run. The GUI
calls ``QueryInterrupter.interrupt()``; the query stops at once (sqlite3's ``interrupt``,
psycopg's ``cancel``) and the worker sees ``QueryInterrupted``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session


class QueryInterrupted(Exception):
    """A query was stopped by ``QueryInterrupter.interrupt`` (its result is no longer wanted)."""


class QueryInterrupter:
    """One per piece of work; after ``interrupt`` it stays stopped."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._raw: Any = None
        self.stopped = False

    @contextmanager
    def attached(self, session: Session) -> Iterator[None]:
        """Queries of ``session`` inside this block can be interrupted."""
        raw = session.connection().connection.driver_connection
        with self._lock:
            if self.stopped:
                raise QueryInterrupted()
            self._raw = raw
        try:
            yield
        except DBAPIError as exc:
            if self.stopped:
                raise QueryInterrupted() from exc
            raise
        finally:
            with self._lock:
                self._raw = None
        if self.stopped:
            raise QueryInterrupted()

    def interrupt(self) -> None:
        with self._lock:
            self.stopped = True
            raw = self._raw
        if raw is None:
            return
        stop = getattr(raw, "interrupt", None) or getattr(raw, "cancel", None)
        if stop is not None:
            stop()


@contextmanager
def interruptible(interrupter: QueryInterrupter | None, session: Session) -> Iterator[None]:
    """``interrupter.attached(session)``, or nothing when there is no interrupter."""
    if interrupter is None:
        yield
        return
    with interrupter.attached(session):
        yield
