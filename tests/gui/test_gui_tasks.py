"""The task runner: work runs off the GUI thread, reports progress, can be cancelled, and its
errors come back as a signal instead of a crash."""

from __future__ import annotations

import gc
import threading
import time
import weakref

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid as shiboken_is_valid

from catalog_app.ui.gui_thread_gc import GuiThreadGarbageCollector
from catalog_app.ui.tasks import TaskContext, TaskRunner


def qtbot_app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def test_work_runs_off_the_gui_thread_and_returns_its_result(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui_thread = threading.get_ident()
    progress: list[tuple[int, int, str]] = []

    def work(context: TaskContext) -> int:
        for step in range(3):
            context.report(step + 1, 3, f"step {step + 1}")
        return threading.get_ident()

    # Record through the callbacks (connected before the work starts): a waitSignal set up
    # after start() could miss a task that already finished.
    results: list[tuple[int, int]] = []
    runner.start(
        "count",
        work,
        on_progress=lambda *p: progress.append(p),
        on_finished=lambda worker: results.append((worker, threading.get_ident())),
    )
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    worker_thread, callback_thread = results[0]
    assert worker_thread != gui_thread
    assert callback_thread == gui_thread
    qtbot.waitUntil(lambda: len(progress) == 3, timeout=5000)
    assert progress[-1] == (3, 3, "step 3")
    qtbot.waitUntil(lambda: not runner.running(), timeout=5000)


def test_a_failure_is_reported_not_raised(qtbot: QtBot) -> None:
    runner = TaskRunner()

    def work(_context: TaskContext) -> None:
        raise OSError("disk full")

    errors: list[BaseException] = []
    runner.start("fails", work, on_failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], OSError)
    assert str(errors[0]) == "disk full"


def test_cancel_stops_the_work_at_its_next_check(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    steps: list[int] = []

    def work(context: TaskContext) -> None:
        started.set()
        for step in range(1000):
            context.raise_if_cancelled()
            steps.append(step)
            time.sleep(0.005)

    task = runner.start("long", work)
    assert started.wait(5)
    with qtbot.waitSignal(task.signals.cancelled, timeout=5000):
        task.cancel()
    assert len(steps) < 1000
    qtbot.waitUntil(lambda: runner.running() == [], timeout=5000)


def test_an_ended_task_frees_its_work_and_signals_on_the_gui_thread(qtbot: QtBot) -> None:
    """The work closure may hold widgets and the signals object lives on the GUI thread: both
    are let go there, so the worker thread never drops the last reference to a Qt object."""
    runner = TaskRunner()

    class Marker:
        pass

    marker = Marker()
    freed_on: list[int] = []
    weakref.finalize(marker, lambda: freed_on.append(threading.get_ident()))
    task = runner.start("holds", lambda _ctx, held=marker: held.__class__.__name__)
    del marker
    qtbot.waitUntil(lambda: not runner.running(), timeout=5000)
    assert freed_on == [threading.get_ident()]
    qtbot.waitUntil(lambda: not shiboken_is_valid(task.signals), timeout=5000)


def test_cycles_are_collected_on_the_gui_thread_only(qtbot: QtBot) -> None:
    collector = GuiThreadGarbageCollector(qtbot_app(), interval_ms=10)
    try:
        assert not gc.isenabled()
        freed_on: list[int] = []

        def drop_a_cycle() -> None:
            node: dict[str, object] = {}
            node["self"] = node
            holder = type("Holder", (), {})()
            holder.cycle = node  # type: ignore[attr-defined]
            node["holder"] = holder
            weakref.finalize(holder, lambda: freed_on.append(threading.get_ident()))

        def make_cycle_on_a_worker() -> None:
            drop_a_cycle()  # garbage now; with automatic collection it would be freed below
            for _ in range(5_000):  # more garbage cycles: enough to trigger a collection
                loop: list[object] = []
                loop.append(loop)

        worker = threading.Thread(target=make_cycle_on_a_worker)
        worker.start()
        worker.join()
        assert freed_on == []
        qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)
        assert freed_on == [threading.get_ident()]
    finally:
        collector.stop()
    assert gc.isenabled()
