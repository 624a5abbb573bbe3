"""Things the soak test (test_soak.py) found staying in memory after use, each checked alone and
fast: an ended background task, the translators of a language switched away from, the charts
of a dashboard refresh.
"""

from __future__ import annotations

import gc
import weakref

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from catalog_app.ui.dashboard.dashboard_charts import BarChartCard
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.tasks import TaskRunner


def flush_deletes() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        gc.collect()


def live(kind: type) -> int:
    return sum(1 for thing in gc.get_objects() if type(thing) is kind)


def test_an_ended_task_is_freed_with_its_result(qtbot: QtBot) -> None:
    class Result:
        pass

    runner = TaskRunner()
    results: list[Result] = []
    tasks = [
        weakref.ref(runner.start("n", lambda _ctx: Result(), on_finished=results.append))
        for _ in range(20)
    ]
    qtbot.waitUntil(lambda: len(results) == 20 and not runner.running(), timeout=10_000)
    assert runner.wait(10_000)
    results.clear()
    flush_deletes()
    assert [ref for ref in tasks if ref() is not None] == []
    assert live(Result) == 0


def test_switching_language_back_and_forth_keeps_one_set_of_translators(
    qapp: QApplication, fault_translations: None
) -> None:
    languages = LanguageManager(qapp, "zh_CN")
    flush_deletes()
    installed = live(QTranslator)
    assert installed >= 2  # Qt's own and ours
    for _ in range(10):
        languages.set_language("en")
        languages.set_language("zh_CN")
    flush_deletes()
    assert live(QTranslator) == installed
    assert languages.findChildren(QTranslator) == languages._translators
    languages.set_language("en")


def test_a_chart_drawn_again_deletes_the_chart_it_replaces(qtbot: QtBot) -> None:
    card = BarChartCard("leadsByDay")
    qtbot.addWidget(card)
    card.show_values("Leads by day", [("Mon", 3), ("Tue", 5)], "none yet")
    first = card.view.chart()
    card.show_values("Leads by day", [("Mon", 3), ("Tue", 6)], "none yet")
    second = card.view.chart()
    flush_deletes()
    assert not shiboken6.isValid(first)
    assert shiboken6.isValid(second) and second is card.view.chart()
