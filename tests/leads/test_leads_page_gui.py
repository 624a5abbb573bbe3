"""The All-leads list as a person uses it: search, filter, sort, rate, follow up, delete (managers
only), personal-data requests, and the lead count that is not yet exported."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from leads_data import START, LeadWorld
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from catalog_app.domain.enums import FollowUp, LeadSource, Rating
from catalog_app.domain.models import AuditEntry, Lead
from catalog_app.services.audit import AuditAction
from catalog_app.services.consent import CONSENT_TEXT
from catalog_app.ui.app_state import AppState
from catalog_app.ui.i18n import LanguageManager
from catalog_app.ui.leads.lead_list_model import Column
from catalog_app.ui.leads.lead_list_panel import LeadListPanel

WAIT = 10_000
PanelFactory = Callable[..., LeadListPanel]


@pytest.fixture
def make_panel(leads_app: QApplication, qtbot: QtBot, world: LeadWorld) -> Iterator[PanelFactory]:
    made: list[tuple[LeadListPanel, LanguageManager]] = []

    def make(lang: str = "en", who: str | None = "manager") -> LeadListPanel:
        languages = LanguageManager(leads_app, lang)
        state = AppState(world.database, languages)
        if who is not None:
            state.sign_in(getattr(world, who))
        panel = LeadListPanel(state)
        qtbot.addWidget(panel)
        panel.resize(1200, 700)
        panel.show()
        qtbot.waitExposed(panel)
        wait_loaded(qtbot, panel)
        made.append((panel, languages))
        return panel

    yield make
    for panel, languages in made:
        panel.counts.stop_all()
        panel.close()
        panel._state.tasks.wait(WAIT)
        languages.set_language("en")


def wait_loaded(qtbot: QtBot, panel: LeadListPanel) -> None:
    qtbot.waitUntil(
        lambda: not panel.model.is_loading and not panel.counts.is_counting("matching"),
        timeout=WAIT,
    )


def type_with_input_method(widget: QWidget, text: str) -> None:
    """Chinese arrives from the input method as committed text (QTest types ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shown_names(panel: LeadListPanel) -> list[str]:
    return [panel.model.index(row, Column.NAME).data() for row in range(panel.model.rowCount())]


def test_the_list_opens_newest_first_with_counts(make_panel: PanelFactory, qtbot: QtBot) -> None:
    panel = make_panel()
    assert shown_names(panel)[:3] == ["赵敏", "杨磊", "陈静"]
    qtbot.waitUntil(lambda: panel.counts.values.get("not_exported") == 7, timeout=WAIT)
    assert panel.count_label.text() == "7 lead(s)"
    assert panel.not_exported_label.text() == "Not yet exported or synced: 7"
    first = panel.model.index(0, Column.MODELS).data()
    assert first == "Qianling E49 swap tractor ×7"


def test_typing_in_the_search_box_narrows_the_list(make_panel: PanelFactory, qtbot: QtBot) -> None:
    panel = make_panel()
    qtbot.keyClicks(panel.filters.search, "zhang")
    qtbot.waitUntil(lambda: shown_names(panel) == ["张伟"], timeout=WAIT)
    wait_loaded(qtbot, panel)
    assert panel.count_label.text() == "1 lead(s)"
    panel.filters.search.clear()
    type_with_input_method(panel.filters.search, "遵义")  # the company, in Chinese
    qtbot.waitUntil(lambda: shown_names(panel) == ["李娜"], timeout=WAIT)
    type_with_input_method(panel.filters.search, "不存在")
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.empty_label, timeout=WAIT)
    assert "No lead matches" in panel.empty_label.text()


def test_filter_by_rating_and_follow_up(make_panel: PanelFactory, qtbot: QtBot) -> None:
    panel = make_panel()
    panel.filters.rating.setCurrentIndex(panel.filters.rating.findData("hot"))
    qtbot.waitUntil(lambda: sorted(shown_names(panel)) == sorted(["张伟", "陈静"]), timeout=WAIT)
    panel.filters.rating.setCurrentIndex(panel.filters.rating.findData("unrated"))
    qtbot.waitUntil(lambda: sorted(shown_names(panel)) == sorted(["刘洋", "赵敏"]), timeout=WAIT)
    panel.filters.follow_up.setCurrentIndex(panel.filters.follow_up.findData("contacted"))
    qtbot.waitUntil(lambda: shown_names(panel) == ["刘洋"], timeout=WAIT)
    qtbot.mouseClick(panel.filters.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown_names(panel)) == 7, timeout=WAIT)


def click_header(qtbot: QtBot, panel: LeadListPanel, column: Column) -> None:
    header = panel.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_sort_by_name_then_the_other_way_round(make_panel: PanelFactory, qtbot: QtBot) -> None:
    panel = make_panel()
    by_pinyin = ["陈静", "李娜", "刘洋", "王芳", "杨磊", "张伟", "赵敏"]
    click_header(qtbot, panel, Column.NAME)
    qtbot.waitUntil(lambda: shown_names(panel) == by_pinyin, timeout=WAIT)
    assert panel.view.horizontalHeader().sortIndicatorSection() == Column.NAME
    click_header(qtbot, panel, Column.NAME)
    qtbot.waitUntil(lambda: shown_names(panel) == by_pinyin[::-1], timeout=WAIT)
    click_header(qtbot, panel, Column.RATING)
    qtbot.waitUntil(lambda: shown_names(panel)[:2] == ["陈静", "张伟"], timeout=WAIT)
    click_header(qtbot, panel, Column.EMAIL)  # not sortable: the order stays
    assert panel.view.horizontalHeader().sortIndicatorSection() == Column.RATING


def test_bulk_rate_three_selected_leads_hot(
    make_panel: PanelFactory, qtbot: QtBot, world: LeadWorld
) -> None:
    panel = make_panel(who="staff")
    panel.select_rows([1, 2, 3])  # 杨磊 (warm), 陈静 (hot), 刘洋 (unrated)
    chosen = panel.selected_ids()
    assert len(chosen) == 3
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: [panel.model.index(r, Column.RATING).data() for r in (1, 2, 3)] == ["Hot"] * 3,
        timeout=WAIT,
    )
    with world.database.sessions() as session:
        ratings = {session.get(Lead, lead_id).rating for lead_id in chosen}  # type: ignore[union-attr]
    assert ratings == {Rating.HOT}
    assert panel.model.index(0, Column.RATING).data() == "—"  # 赵敏 untouched


def test_follow_up_status_of_selected_leads(
    make_panel: PanelFactory, qtbot: QtBot, world: LeadWorld
) -> None:
    panel = make_panel(who="staff")
    panel.select_rows([0])
    panel.actions.follow_up[FollowUp.WON].trigger()
    qtbot.waitUntil(lambda: panel.model.index(0, Column.FOLLOW_UP).data() == "Won", timeout=WAIT)
    with world.database.sessions() as session:
        assert session.get(Lead, world.leads["zhao"]).follow_up is FollowUp.WON  # type: ignore[union-attr]


def test_staff_cannot_delete_and_a_manager_can_with_an_audit_entry(
    make_panel: PanelFactory,
    qtbot: QtBot,
    world: LeadWorld,
    message_answers: Callable[..., list[str]],
) -> None:
    panel = make_panel(who="staff")
    panel.select_rows([0])
    assert not panel.actions.delete.isEnabled()
    assert not panel.actions.buttons["personal"].isEnabled()
    assert "Managers only" in panel.actions.delete.toolTip()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert panel.model.rowCount() == 7
    panel._state.sign_in(world.manager)
    assert panel.actions.delete.isEnabled()
    seen = message_answers("Delete")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 6, timeout=WAIT)
    assert "Delete 1 lead(s)?" in seen[0]
    assert "赵敏" not in shown_names(panel)
    qtbot.waitUntil(lambda: panel.count_label.text() == "6 lead(s)", timeout=WAIT)
    with world.database.sessions() as session:
        lead = session.get(Lead, world.leads["zhao"])
        assert lead is not None and lead.deleted_at is not None
        entry = session.scalar(
            select(AuditEntry).where(AuditEntry.action == AuditAction.DELETE_LEAD)
        )
        assert entry is not None and entry.staff_id == world.manager.id


def test_a_manager_exports_and_deletes_one_persons_data(
    make_panel: PanelFactory,
    qtbot: QtBot,
    world: LeadWorld,
    tmp_path: Path,
    message_answers: Callable[..., list[str]],
) -> None:
    panel = make_panel()
    row = shown_names(panel).index("张伟")
    panel.select_rows([row])
    panel.actions.choose_folder = lambda: tmp_path / "requests"
    seen = message_answers("OK")
    panel.actions.personal.export.trigger()
    qtbot.waitUntil(lambda: panel.actions.personal.last_export is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT)
    files = panel.actions.personal.last_export
    assert files is not None and files.pdf_path.exists()
    assert CONSENT_TEXT.zh in files.json_path.read_text(encoding="utf-8")
    assert "Give it only to the person themselves" in seen[0]
    answers = message_answers("Delete this person")
    panel.actions.personal.forget.trigger()
    qtbot.waitUntil(lambda: "张伟" not in shown_names(panel), timeout=WAIT)
    assert "张伟 · 贵州黔运物流有限公司" in answers[0]
    with world.database.sessions() as session:
        lead = session.get(Lead, world.leads["zhang"])
        assert lead is not None and lead.person_name == "" and lead.mobile == ""


def test_more_rows_are_fetched_as_the_list_scrolls(
    make_panel: PanelFactory, qtbot: QtBot, world: LeadWorld
) -> None:
    with world.database.transaction() as session:
        session.add_all(
            Lead(
                source=LeadSource.BOOTH,
                person_name=f"访客{index:04d}",
                captured_at=START - timedelta(minutes=index + 1),
            )
            for index in range(450)
        )
    panel = make_panel()
    assert panel.model.rowCount() == 200 and panel.model.canFetchMore()
    panel.view.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 400, timeout=WAIT)
    for _ in range(5):
        panel.view.scrollToBottom()
        qtbot.wait(50)
        wait_loaded(qtbot, panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 457, timeout=WAIT)
    assert not panel.model.canFetchMore()
    assert shown_names(panel)[-1] == "访客0449"
    assert panel.count_label.text() == "457 lead(s)"


def test_the_list_speaks_chinese(make_panel: PanelFactory, qtbot: QtBot) -> None:
    panel = make_panel(lang="zh_CN")
    qtbot.waitUntil(lambda: panel.counts.values.get("not_exported") == 7, timeout=WAIT)
    assert panel.count_label.text() == "共 7 条线索"
    assert panel.not_exported_label.text() == "尚未导出或同步：7"
    header = panel.model.headerData(Column.NAME, Qt.Orientation.Horizontal)
    assert header == "姓名"
    assert panel.model.index(shown_names(panel).index("张伟"), Column.RATING).data() == "热"
    assert panel.filters.search.placeholderText().startswith("搜索线索")
