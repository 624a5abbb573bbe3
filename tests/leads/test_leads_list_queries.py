"""The lead list's queries: keyset pages that add up to the whole sorted list, in every order,
with filters, on SQLite and PostgreSQL; counts; the SQLite planner hint; interrupting."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import timedelta

import pytest
from leads_data import START, LeadWorld, consented
from sqlalchemy import select

from catalog_app.domain.enums import FollowUp, LeadSource, Rating
from catalog_app.domain.models import Lead
from catalog_app.services.lead_follow_up import set_follow_up
from catalog_app.services.lead_list import (
    PROBE_CAP,
    ListOrder,
    ListQuery,
    ListSort,
    count_not_exported,
)
from catalog_app.services.lead_query import LeadFilter
from catalog_app.services.lead_rows import filter_choices, rows_by_id
from catalog_app.services.leads import LeadService
from catalog_app.services.query_interrupt import QueryInterrupted, QueryInterrupter
from catalog_app.store.database import Database


def all_pages(query: ListQuery, size: int) -> list[uuid.UUID]:
    ids: list[uuid.UUID] = []
    page = query.page(None, size)
    ids += [row.id for row in page.rows]
    while page.next is not None:
        page = query.page(page.next, size)
        ids += [row.id for row in page.rows]
    return ids


def expected_order(database: Database, order: ListOrder, flt: LeadFilter) -> list[uuid.UUID]:
    """The same order computed in Python from every matching lead."""
    wanted = set(all_pages(ListQuery(database, flt, ListOrder()), 1000))
    with database.sessions() as session:
        leads = [lead for lead in session.scalars(select(Lead)) if lead.id in wanted]
    if order.sort is ListSort.CAPTURED:
        timed = sorted(
            (lead for lead in leads if lead.captured_at),
            key=lambda lead: (lead.captured_at, str(lead.id)),
            reverse=order.descending,
        )
        untimed = sorted(
            (lead for lead in leads if not lead.captured_at),
            key=lambda lead: str(lead.id),
            reverse=order.descending,
        )
        return [lead.id for lead in timed + untimed]
    if order.sort is ListSort.NAME:
        named = sorted(
            (lead for lead in leads if lead.person_name_key),
            key=lambda lead: (lead.person_name_key, str(lead.id)),
            reverse=order.descending,
        )
        return [lead.id for lead in named] + [
            lead.id
            for lead in sorted(
                (lead for lead in leads if not lead.person_name_key),
                key=lambda lead: (lead.company_key, str(lead.id)),
                reverse=order.descending,
            )
        ]
    ratings = [Rating.HOT, Rating.WARM, Rating.COLD]
    if order.descending:
        ratings.reverse()
    result = []
    for rating in [*ratings, None]:
        group = [lead for lead in leads if lead.rating == rating]
        timed = [lead for lead in group if lead.captured_at]
        timed.sort(key=lambda lead: (lead.captured_at, str(lead.id)), reverse=True)
        untimed = sorted((lead for lead in group if not lead.captured_at), key=lambda x: str(x.id))
        result += [lead.id for lead in timed] + [lead.id for lead in reversed(untimed)]
    return result


def add_more_leads(world: LeadWorld) -> None:
    """Leads without a name, with the same capture time, and without a capture time."""
    service = LeadService(world.database)
    same = START + timedelta(days=1)
    for index in range(5):
        service.save(
            consented(company=f"同时公司{index}", mobile=f"1390000000{index}"),
            source=LeadSource.BOOTH,
            captured_at=same,
        )
    untimed = service.save(
        consented(person_name="无时间", mobile="13900000009"), source=LeadSource.BOOTH
    )
    with world.database.transaction() as session:
        lead = session.get(Lead, untimed)
        assert lead is not None
        lead.captured_at = None


@pytest.mark.parametrize(
    "order",
    [
        ListOrder(ListSort.CAPTURED, True),
        ListOrder(ListSort.CAPTURED, False),
        ListOrder(ListSort.NAME, False),
        ListOrder(ListSort.NAME, True),
        ListOrder(ListSort.RATING, False),
        ListOrder(ListSort.RATING, True),
    ],
    ids=lambda order: f"{order.sort.value}-{'desc' if order.descending else 'asc'}",
)
def test_pages_of_any_size_add_up_to_the_whole_list_in_order(
    any_world: LeadWorld, order: ListOrder
) -> None:
    add_more_leads(any_world)
    database = any_world.database
    expected = expected_order(database, order, LeadFilter())
    assert len(expected) == 13
    for size in (1, 2, 5, 200):
        got = all_pages(ListQuery(database, LeadFilter(), order), size)
        assert got == expected, size


def test_newest_first_shows_the_last_captured_lead_first(world: LeadWorld) -> None:
    page = ListQuery(world.database, LeadFilter(), ListOrder()).page()
    assert [row.person_name for row in page.rows][:3] == ["赵敏", "杨磊", "陈静"]
    assert page.next is None
    first = page.rows[0]
    assert first.staff_name == "小李" and first.interests[0].code == "QL-E49"


def test_filters_narrow_the_pages_and_the_count(any_world: LeadWorld) -> None:
    database = any_world.database
    cases = {
        LeadFilter(ratings=frozenset({Rating.HOT})): {"张伟", "陈静"},
        LeadFilter(unrated=True): {"刘洋", "赵敏"},
        LeadFilter(text="zhangwei"): {"张伟"},
        LeadFilter(text="遵义"): {"李娜"},
        LeadFilter(text="8003"): {"王芳"},
        LeadFilter(model_ids=frozenset({any_world.dump})): {"李娜", "陈静"},
        LeadFilter(staff_ids=frozenset({any_world.manager.id})): {"李娜", "刘洋", "杨磊"},
        LeadFilter(follow_ups=frozenset({FollowUp.CONTACTED})): {"刘洋"},
        LeadFilter(captured_from=START + timedelta(hours=5)): {"杨磊", "赵敏"},
        LeadFilter(sources=frozenset({LeadSource.IMPORT})): set(),
    }
    for flt, names in cases.items():
        for order in (ListOrder(), ListOrder(ListSort.RATING, False)):
            query = ListQuery(database, flt, order)
            rows = query.page().rows
            assert {row.person_name for row in rows} == names, flt
            assert query.count() == len(names), flt


def test_a_common_filter_is_hidden_from_sqlites_planner_and_a_rare_one_is_not(
    world: LeadWorld,
) -> None:
    """With at least PROBE_CAP hot leads the rating index is hidden (+column); with 2 it is not."""
    rare = ListQuery(world.database, LeadFilter(ratings=frozenset({Rating.HOT})), ListOrder())
    rare.page()
    assert rare._hidden == {"rating": False}
    with world.database.transaction() as session:
        for index in range(PROBE_CAP):
            session.add(
                Lead(
                    source=LeadSource.BOOTH,
                    person_name=f"批量{index}",
                    rating=Rating.HOT,
                    captured_at=START - timedelta(minutes=index),
                )
            )
    common = ListQuery(world.database, LeadFilter(ratings=frozenset({Rating.HOT})), ListOrder())
    rows = common.page().rows
    assert common._hidden == {"rating": True}
    assert rows[0].person_name == "陈静" and len(rows) == 200
    assert common.count() == PROBE_CAP + 2


def test_not_exported_count_follows_exported_at(world: LeadWorld) -> None:
    assert count_not_exported(world.database) == 7
    with world.database.transaction() as session:
        for lead in session.scalars(select(Lead).limit(3)):
            lead.exported_at = START
    assert count_not_exported(world.database) == 4


def test_rows_by_id_and_follow_up_changes(world: LeadWorld) -> None:
    ids = [world.leads["zhang"], world.leads["li"]]
    assert set_follow_up(world.database, ids, FollowUp.QUALIFIED) == 2
    assert set_follow_up(world.database, ids, FollowUp.QUALIFIED) == 0
    rows = rows_by_id(world.database, ids)
    assert {row.follow_up for row in rows.values()} == {FollowUp.QUALIFIED}
    LeadService(world.database).delete_lead(ids[0], actor=world.manager)
    assert set(rows_by_id(world.database, ids)) == {ids[1]}


def test_filter_choices_list_staff_and_models(world: LeadWorld) -> None:
    choices = filter_choices(world.database)
    assert [name for _id, name in choices.staff] == sorted(["王经理", "小李"])
    assert [m.code for m in choices.models] == ["QL-E49", "QL-D31", "ZC-L45"]
    assert choices.models[0].name("en") == "Qianling E49 swap tractor"
    assert choices.models[0].name("zh_CN") == "黔岭 E49 换电牵引车"


def test_a_long_count_can_be_interrupted_from_another_thread(world: LeadWorld) -> None:
    """A query stopped by the interrupter ends at once with QueryInterrupted."""
    with world.database.transaction() as session:
        session.add_all(Lead(source=LeadSource.BOOTH, person_name=f"x{i}") for i in range(3000))
    slow = LeadFilter(text="不会出现的名字")
    query = ListQuery(world.database, slow, ListOrder())
    interrupter = QueryInterrupter()
    interrupter.interrupt()  # already stopped: the query never starts
    with pytest.raises(QueryInterrupted):
        query.count(interrupter)
    # and while running: a thread interrupts a recursive query that would run for minutes
    interrupter = QueryInterrupter()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            with world.database.sessions() as session, interrupter.attached(session):
                session.connection().exec_driver_sql(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                    "SELECT count(*) FROM n"
                ).scalar()
        except BaseException as exc:  # noqa: BLE001 - recorded for the assertion
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(0.3)
    interrupter.interrupt()
    worker.join(10)
    assert not worker.is_alive()
    assert outcome and isinstance(outcome[0], QueryInterrupted)
