"""The lead list's search through the trigram index (SQLite): it finds exactly what the plain
LIKE scan finds, for every kind of query, whichever way (index or scan) it takes; every writer
keeps the index right; a search reads its candidates from the index, not the whole table."""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from leads_data import START, LeadWorld, consented
from sqlalchemy import create_engine, select

from catalog_app.domain.enums import LeadSource
from catalog_app.domain.models import Lead
from catalog_app.services import lead_search
from catalog_app.services.lead_import import import_leads
from catalog_app.services.lead_list import ListOrder, ListQuery, ListSort
from catalog_app.services.lead_query import LeadFilter, apply_filter
from catalog_app.services.leads import LeadService
from catalog_app.store import lead_search_index
from catalog_app.store.database import Database, open_sqlite
from catalog_app.store.migrations import alembic_config

# Texts chosen to catch the edges: Traditional characters, upper case, LIKE's wildcards,
# quotes, landlines with separators, names of one to four characters, a short e-mail.
VISITORS = (
    ("王伟", "贵州黔运物流有限公司", "13800138011", "wangwei@example.cn", "WangWei_88", ""),
    ("汪薇", "贵阳汪氏运输", "13900139022", "", "", "0851-8680 1234"),
    ("王伟东", "遵义煤业集团", "13700137033", "wwd%1@example.cn", "", ""),
    ("李娜", "六盘水建材有限公司", "13600136044", "li_na@example.cn", "lina_2026", ""),
    ("欧阳娜娜", '毕节"绿能"电力', "15800158055", "", 'oy"nn', "(0857) 822.3344"),
    ("張偉", "貴州長順物流", "18800188066", "zw@ex.cn", "", ""),
    ("Anna Schmidt", "Green Power Co", "", "anna.schmidt@example.de", "", "+49 30 1234567"),
    ("乐亭", "乐亭县港口物流", "13500135077", "", "", ""),
    ("赵", "赵", "", "", "zhao", ""),
)
QUERIES = (
    "王伟",
    "王",
    "伟",
    "wangwei",
    "WANGWEI",
    "wang wei",
    "ww",
    "w",
    "贵州",
    "貴州",
    "gz",
    "黔运物流",
    "wuliu",
    "example",
    "example.cn",
    "li_na",
    "li%na",
    "_",
    "%",
    '"',
    'oy"nn',
    "lina_2026",
    "0851",
    "08518680",
    "86801234",
    "1380013",
    "+86 138 0013 8011",
    "138",
    "0857822",
    "3012345",
    "tel 8680 1234",
    "+49 30",
    "greenpower",
    "green power",
    "schmidt",
    "zw@",
    "赵",
    "乐亭",
    "letingxian",
    "欧阳娜娜",
    "yang",
    "不存在",
    "zz",
    "q",
    "１３８００",
)


def fill_visitors(database: Database) -> list[uuid.UUID]:
    service = LeadService(database)
    made = []
    for index, (name, company, mobile, email, wechat, landline) in enumerate(VISITORS):
        data = consented(
            person_name=name,
            company=company,
            mobile=mobile,
            email=email,
            wechat_id=wechat,
            landline=landline,
        )
        made.append(
            service.save(
                data, source=LeadSource.IMPORT, captured_at=START + timedelta(minutes=index)
            )
        )
    return made


def listed(database: Database, text: str, order: ListOrder | None = None) -> list[uuid.UUID]:
    query = ListQuery(database, LeadFilter(text=text), order or ListOrder())
    ids: list[uuid.UUID] = []
    page = query.page(None, 3)
    ids += [row.id for row in page.rows]
    while page.next is not None:
        page = query.page(page.next, 3)
        ids += [row.id for row in page.rows]
    assert query.count() == len(ids), text
    return ids


def scanned(database: Database, text: str) -> set[uuid.UUID]:
    """The plain LIKE scan (what exports and PostgreSQL use)."""
    with database.sessions() as session:
        return set(session.scalars(apply_filter(select(Lead.id), LeadFilter(text=text))))


def used_the_index(database: Database, text: str) -> bool:
    with database.sessions() as session:
        condition = lead_search.text_condition(session, text)
    return condition is not None and "json_each" in str(condition)


@pytest.fixture
def searched(world: LeadWorld) -> LeadWorld:
    fill_visitors(world.database)
    return world


def test_the_index_finds_exactly_what_the_plain_scan_finds(searched: LeadWorld) -> None:
    database = searched.database
    via_index = 0
    for text in QUERIES:
        expected = scanned(database, text)
        for order in (ListOrder(), ListOrder(ListSort.NAME, False)):
            found = listed(database, text, order)
            assert len(found) == len(set(found)), text
            assert set(found) == expected, text
        via_index += used_the_index(database, text)
    # Not vacuous: most queries went through the index, and some found leads.
    assert via_index >= len(QUERIES) // 2
    assert set(listed(database, "王伟")) == scanned(database, "王伟") != set()
    assert len(listed(database, "tel 8680 1234")) == 1  # the digits alone find the landline
    # 王伟 (name, e-mail and WeChat), 汪薇 (the same pinyin) and 王伟东
    assert len(listed(database, "wangwei")) == 3


def test_common_queries_take_the_scan_and_still_find_the_same(
    searched: LeadWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With tiny limits every query is "common": the list tests rows along its sort index."""
    database = searched.database
    monkeypatch.setattr(lead_search, "SPARSE_CAP", 1)
    monkeypatch.setattr(lead_search, "MAX_TERMS", 0)
    for text in QUERIES:
        assert not used_the_index(database, text), text
        assert set(listed(database, text)) == scanned(database, text), text


def test_a_searched_page_reads_its_candidates_from_the_index(searched: LeadWorld) -> None:
    database = searched.database
    query = ListQuery(database, LeadFilter(text="wangwei"), ListOrder())
    with database.sessions() as session:
        query._probe(session)
        statement = query._segment_query(0, None, 201)
        sql = str(statement.compile(compile_kwargs={"literal_binds": True}))
        plan = " | ".join(
            str(row[3]) for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
        )
    assert "json_each" in plan
    assert "SCAN lead " not in plan + " " and "USING INDEX ix_lead_captured_at" not in plan


def index_agrees(database: Database) -> bool:
    with database.engine.begin() as connection:
        return lead_search_index.check(connection)


def test_every_writer_keeps_the_index_right(searched: LeadWorld) -> None:
    database = searched.database
    service = LeadService(database)
    (first,) = listed(database, "wangwei@")
    record = service.get(first)
    record.data.person_name = "王大锤"
    record.data.company = "铜仁新能源车队"
    service.save(record.data, source=LeadSource.IMPORT, lead_id=first)
    assert listed(database, "黔运物流") == [searched.leads["zhang"]]
    assert listed(database, "铜仁") == [first] == listed(database, "dachui")
    service.delete_person(first, actor=searched.manager)
    assert listed(database, "dachui") == []
    with database.sessions() as session:
        lead = session.get(Lead, first)
        assert lead is not None and lead.person_name == ""
    # Plain SQL writes keep it right too (the triggers live in the file).
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE lead SET email_normalized = 'nobody@example.org' WHERE person_name = '李娜'"
        )
        connection.exec_driver_sql(
            "DELETE FROM lead_interest WHERE lead_id IN "
            "(SELECT id FROM lead WHERE person_name = '赵')"
        )
        connection.exec_driver_sql("DELETE FROM lead WHERE person_name = '赵'")
    assert len(listed(database, "nobody@")) == 2  # both 李娜
    assert listed(database, "赵") == [searched.leads["zhao"]]  # 赵敏; the deleted 赵 is gone
    assert set(listed(database, "zhao")) == scanned(database, "zhao")
    assert index_agrees(database)


def test_a_broken_index_is_found_and_rebuilt(searched: LeadWorld) -> None:
    database = searched.database
    with database.engine.begin() as connection:
        connection.exec_driver_sql(  # one lead's entries taken out behind the triggers' back
            "INSERT INTO lead_search (lead_search, rowid, texts) "
            "SELECT 'delete', lead_rowid, texts FROM lead_search_source LIMIT 1"
        )
    assert not index_agrees(database)
    with database.engine.begin() as connection:
        lead_search_index.rebuild(connection)
    assert index_agrees(database)
    assert set(listed(database, "wangwei")) == scanned(database, "wangwei")


def test_a_file_from_before_the_index_is_indexed_when_it_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0004")
    engine.dispose()
    with closing(sqlite3.connect(path)) as raw, raw:
        raw.execute(
            "INSERT INTO lead (id, person_name, person_name_key, company, company_key, "
            "credit_code, title, mobile, mobile_e164, landline, email, email_normalized, "
            "wechat_id, industry, source, follow_up, notes, badge_payload, consent_text, "
            "consent_version, consent_purposes, created_at, updated_at, hlc) VALUES "
            "(?, '张伟', 'zhangwei 张伟 zw', '远航运输', 'yuanhangyunshu 远航运输 yhys', '', '', "
            "'13900139000', '+8613900139000', '', '', '', '', '', 'booth', 'new', '', '', '', "
            "'', '[]', '2026-05-01 08:05:00.000000', '2026-05-01 08:05:00.000000', "
            "'001777622700000.000000')",
            (uuid.uuid4().hex,),
        )
    upgraded = open_sqlite(path)
    try:
        assert upgraded.schema_revision() == "0005"
        assert used_the_index(upgraded, "yuanhang") and used_the_index(upgraded, "张伟")
        assert len(listed(upgraded, "yuanhang")) == 1 == len(listed(upgraded, "张伟"))
        assert index_agrees(upgraded)
    finally:
        upgraded.close()


def test_without_the_index_the_search_scans_and_finds_the_same(searched: LeadWorld) -> None:
    database = searched.database
    expected = {text: scanned(database, text) for text in QUERIES}
    with database.engine.begin() as connection:
        lead_search_index.drop(connection)
    for text in QUERIES:
        assert not used_the_index(database, text)
        assert set(listed(database, text)) == expected[text], text


def test_kinds_of_typed_text() -> None:
    assert lead_search.SearchText.of("  ") is None
    assert lead_search.SearchText.of("Wang Wei") == lead_search.SearchText("wangwei", "")
    assert lead_search.SearchText.of("+86 138-0013") == lead_search.SearchText(
        "+86138-0013", "861380013"
    )
    assert lead_search.SearchText.of("１３８") == lead_search.SearchText("138", "")
    assert lead_search._covering_trigrams("wangwei") == ["wan", "gwe", "wei"]
    assert lead_search._covering_trigrams("abc") == ["abc"]
    assert lead_search._covering_trigrams("aaaaaa") == ["aaa"]


def test_imported_leads_are_found_through_the_index(world: LeadWorld, tmp_path: Path) -> None:
    database = world.database
    path = tmp_path / "paper.csv"
    path.write_text(
        "姓名,单位,手机,座机\n"
        "孙强,贵州黔北物流有限公司,13912345678,\n"
        "周丽,六盘水煤矿,,0851-8555 1234\n",
        encoding="utf-8-sig",
    )
    assert import_leads(database, path, actor=world.manager).added == 2
    assert len(listed(database, "孙强")) == 1 == len(listed(database, "sunqiang"))
    assert len(listed(database, "0851-8555")) == 1  # the landline's digits, typed with a dash
    assert used_the_index(database, "sunqiang") and used_the_index(database, "08518555")
    assert index_agrees(database)


# -- any text, any query: the index's answer is the scan's -------------------------------------
ALPHABET = 'ab王伟贵州1280-_%" .@Ä'


@pytest.fixture(scope="module")
def random_leads(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """200 leads whose texts are random strings over a small alphabet (written with plain SQL,
    so through the triggers only)."""
    rng = random.Random(20261126)

    def text(longest: int) -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, longest)))

    database = open_sqlite(tmp_path_factory.mktemp("random") / "random.sqlite")
    with database.engine.begin() as connection:
        for index in range(200):
            connection.exec_driver_sql(
                "INSERT INTO lead (id, person_name, person_name_key, company, company_key, "
                "credit_code, title, mobile, mobile_e164, landline, email, email_normalized, "
                "wechat_id, industry, source, follow_up, notes, badge_payload, consent_text, "
                "consent_version, consent_purposes, captured_at, created_at, updated_at, hlc) "
                "VALUES (?, '', ?, '', ?, '', '', '', ?, ?, '', ?, ?, '', 'booth', 'new', '', "
                "'', '', '', '[]', ?, ?, ?, '')",
                (
                    uuid.uuid4().hex,
                    text(8),
                    text(10),
                    text(6),
                    "".join(rng.choice("1280") for _ in range(8)),  # a landline's digits
                    text(6),
                    text(5),
                    f"2026-05-21 10:{index // 60:02d}:{index % 60:02d}.000000",
                    "2026-05-21 10:00:00.000000",
                    "2026-05-21 10:00:00.000000",
                ),
            )
    yield database
    database.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    query=st.one_of(
        st.text(alphabet=ALPHABET, min_size=1, max_size=5),
        # a word and a phone number's digits: the digits alone may find a lead
        st.tuples(st.sampled_from(["a", "王", "b-"]), st.text(alphabet="1280", min_size=4))
        .map("".join)
        .filter(lambda query: len(query) <= 8),
    )
)
def test_for_any_query_the_index_answers_what_the_scan_answers(
    random_leads: Database, query: str
) -> None:
    database = random_leads
    with database.sessions() as session:
        condition = lead_search.text_condition(session, query)
        if condition is None:
            assert lead_search.SearchText.of(query) is None
            return
        found = set(session.scalars(select(Lead.id).where(condition)))
    assert found == scanned(database, query)
