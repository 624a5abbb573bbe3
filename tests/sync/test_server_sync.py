"""Booth laptops and the office sync through a real PostgreSQL server: push, pull, drops, races."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import psycopg
import pytest
from sqlalchemy import select
from sync_data import add_lead, contents, delete_lead, edit_lead, lead

from catalog_app.domain.enums import SyncDirection
from catalog_app.domain.models import Lead, LocalSetting, SyncLog
from catalog_app.domain.text import UserFacingError
from catalog_app.services.audit import AuditAction, recent_entries
from catalog_app.services.sync import server as server_sync
from catalog_app.services.sync.errors import ServerSyncError, SyncError
from catalog_app.services.sync.knowledge import push_key
from catalog_app.services.sync.server import pull, push
from catalog_app.store.database import Database, open_server

pytestmark = pytest.mark.postgres


def _server_leads(url: str) -> dict[uuid.UUID, Lead]:
    server = open_server(url)
    try:
        with server.sessions() as session:
            return {row.id: row for row in session.scalars(select(Lead))}
    finally:
        server.close()


def _kill_connections(admin: psycopg.Connection[Any], url: str) -> int:
    name = url.rsplit("application_name=", 1)[-1].split("&")[0]
    rows = admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE application_name = %s AND pid <> pg_backend_pid()",
        (name,),
    ).fetchall()
    return len(rows)


def test_a_lead_pushed_from_a_booth_is_pulled_by_the_office(
    make_device: Any, postgres_empty_url: str
) -> None:
    booth, office = make_device("booth"), make_device("office")
    lead_id = add_lead(booth, "张三", mobile="+8613800138000", company="黔运物流")

    pushed = push(booth, postgres_empty_url, actor=None)
    assert pushed.tables["lead"].new == 1
    assert pushed.tables["lead_interest"].new == 1
    assert lead_id in _server_leads(postgres_empty_url)

    pulled = pull(office, postgres_empty_url, actor=None)
    assert pulled.tables["lead"].new == 1
    assert lead(office, lead_id).person_name == "张三"
    assert "Pulled from" in pulled.text("en") and "拉取" in pulled.text("zh_CN")
    # Logged and audited on both machines.
    with booth.sessions() as session:
        directions = {log.direction for log in session.scalars(select(SyncLog))}
    assert SyncDirection.PUSH in directions
    assert [e.action for e in recent_entries(office, action=AuditAction.PULL)] == ["pull"]


def test_pushes_and_pulls_are_incremental(make_device: Any, postgres_empty_url: str) -> None:
    booth, office = make_device("booth"), make_device("office")
    for index in range(5):
        add_lead(booth, f"客户{index}")
    first = push(booth, postgres_empty_url, actor=None)
    assert first.tables["lead"].incoming == 5
    pull(office, postgres_empty_url, actor=None)

    edit_lead(booth, add_lead(booth, "新客户"), company="新公司")
    second = push(booth, postgres_empty_url, actor=None)
    # Only the new lead, its interest and the first push's own log rows travel.
    assert second.tables["lead"].incoming == 1
    assert set(second.tables) <= {"lead", "lead_interest", "sync_log", "audit_entry"}

    again = pull(office, postgres_empty_url, actor=None)
    assert again.tables["lead"].incoming == 1
    assert again.tables["lead"].new == 1


def test_a_delete_on_one_laptop_wins_over_an_edit_on_another_through_the_server(
    make_device: Any, postgres_empty_url: str
) -> None:
    booth, office = make_device("booth"), make_device("office")
    lead_id = add_lead(booth, "李四")
    push(booth, postgres_empty_url, actor=None)
    pull(office, postgres_empty_url, actor=None)
    delete_lead(office, lead_id)
    edit_lead(booth, lead_id, company="后来的编辑")  # later, but concurrent with the delete
    push(office, postgres_empty_url, actor=None)
    push(booth, postgres_empty_url, actor=None)
    assert _server_leads(postgres_empty_url)[lead_id].deleted_at is not None
    pull(booth, postgres_empty_url, actor=None)
    assert lead(booth, lead_id).deleted_at is not None


def test_a_connection_dropped_between_batches_loses_nothing_and_the_next_push_continues(
    make_device: Any, postgres_empty_url: str, postgres_admin: psycopg.Connection[Any]
) -> None:
    booth = make_device("booth")
    for index in range(30):
        add_lead(booth, f"客户{index}")
    batches: list[str] = []

    def drop_after_second_batch(done: int, _total: int, table: str) -> None:
        if table:
            batches.append(table)
        if len(batches) == 2:
            assert _kill_connections(postgres_admin, postgres_empty_url) >= 1

    with pytest.raises(ServerSyncError) as raised:
        push(booth, postgres_empty_url, actor=None, batch_rows=10, progress=drop_after_second_batch)
    assert "connection" in raised.value.text("en").lower()
    assert "连接中断" in raised.value.text("zh_CN")
    on_server = _server_leads(postgres_empty_url)
    assert 0 < len(on_server) < 30

    resumed = push(booth, postgres_empty_url, actor=None, batch_rows=10)
    assert resumed.tables["lead"].new == 30 - len(on_server)
    assert len(_server_leads(postgres_empty_url)) == 30
    with booth.sessions() as session:
        statuses = [log.status for log in session.scalars(select(SyncLog).order_by(SyncLog.hlc))]
    assert statuses[-2:] == ["interrupted", "ok"]


def test_a_connection_killed_inside_a_batch_rolls_that_batch_back_and_it_is_sent_again(
    make_device: Any,
    postgres_empty_url: str,
    postgres_admin: psycopg.Connection[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    booth = make_device("booth")
    for index in range(25):
        add_lead(booth, f"客户{index}")
    real_upsert = server_sync.upsert_rows
    calls = {"lead": 0}

    def upsert_then_die(connection: Any, table: Any, rows: Any) -> None:
        real_upsert(connection, table, rows)
        if table.name == "lead":
            calls["lead"] += 1
            if calls["lead"] == 2:  # the second batch of leads is written, not yet committed
                _kill_connections(postgres_admin, postgres_empty_url)

    monkeypatch.setattr(server_sync, "upsert_rows", upsert_then_die)
    with pytest.raises(ServerSyncError):
        push(booth, postgres_empty_url, actor=None, batch_rows=10)
    assert len(_server_leads(postgres_empty_url)) == 10  # the first batch only
    monkeypatch.setattr(server_sync, "upsert_rows", real_upsert)
    push(booth, postgres_empty_url, actor=None, batch_rows=10)
    assert len(_server_leads(postgres_empty_url)) == 25


def test_two_devices_pushing_at_the_same_time_end_with_the_rule_s_winners(
    make_device: Any, postgres_empty_url: str
) -> None:
    first, second = make_device("booth-1"), make_device("booth-2")
    shared = [add_lead(first, f"共同客户{index}") for index in range(40)]
    push(first, postgres_empty_url, actor=None)
    pull(second, postgres_empty_url, actor=None)
    for index, lead_id in enumerate(shared):  # both edit every shared lead, differently
        edit_lead(first, lead_id, company=f"一号机{index}")
        edit_lead(second, lead_id, company=f"二号机{index}")
        if index % 7 == 0:
            delete_lead(second, lead_id)
    for index in range(150):
        add_lead(first, f"一号机客户{index}")
        add_lead(second, f"二号机客户{index}")
    expected = {}
    for lead_id in shared:
        a, b = lead(first, lead_id), lead(second, lead_id)
        from catalog_app.services.sync.merge import winner

        expected[lead_id] = winner("lead", vars(a), vars(b))["company"]

    errors: list[BaseException] = []

    def run(device: Database) -> None:
        try:
            push(device, postgres_empty_url, actor=None, batch_rows=25)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(d,)) for d in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors
    on_server = _server_leads(postgres_empty_url)
    assert len(on_server) == 40 + 300
    assert {i: on_server[i].company for i in shared} == expected
    for index, lead_id in enumerate(shared):
        assert (on_server[lead_id].deleted_at is not None) == (index % 7 == 0)


def test_push_then_pull_on_every_device_gives_every_device_the_same_data(
    make_device: Any, postgres_empty_url: str
) -> None:
    devices = [make_device(f"booth-{n}") for n in range(3)]
    for n, device in enumerate(devices):
        for index in range(4):
            add_lead(device, f"设备{n}客户{index}", mobile=f"+86138001380{index:02d}")
    for device in devices:
        push(device, postgres_empty_url, actor=None)
    for device in devices:
        pull(device, postgres_empty_url, actor=None)
    own_logs = ("sync_log", "audit_entry")  # each device's log of its own pushes and pulls
    reference = contents(devices[0], skip_tables=own_logs)
    for device in devices[1:]:
        assert contents(device, skip_tables=own_logs) == reference
    assert len(reference["lead"]) == 12


def test_a_rows_old_stamp_arriving_by_package_is_still_pushed(
    make_device: Any, postgres_empty_url: str, usb_stick: Any
) -> None:
    from catalog_app.services.sync.apply import merge_packages
    from catalog_app.services.sync.package import export_package

    booth, office = make_device("booth"), make_device("office")
    old_lead = add_lead(booth, "早上的客户")  # stamped before the office's push below
    package = export_package(booth, usb_stick, actor=None)
    add_lead(office, "办公室客户")
    push(office, postgres_empty_url, actor=None)
    with office.sessions() as session:
        mark = session.get(LocalSetting, push_key(_server_id(postgres_empty_url), "lead"))
        assert mark is not None and mark.value.split("|")[0] > lead(booth, old_lead).hlc
    merge_packages(office, [package.path], actor=None)
    push(office, postgres_empty_url, actor=None)
    assert old_lead in _server_leads(postgres_empty_url)


def _server_id(url: str) -> uuid.UUID:
    server = open_server(url)
    try:
        return server.device_id
    finally:
        server.close()


def test_push_refuses_what_is_not_a_server_address(make_device: Any) -> None:
    booth = make_device("booth")
    with pytest.raises(SyncError) as raised:
        push(booth, "/tmp/not-a-server.sqlite", actor=None)
    assert "postgresql://" in raised.value.text("zh_CN")


def test_an_unreachable_server_is_a_clear_message_not_a_crash(make_device: Any) -> None:
    booth = make_device("booth")
    with pytest.raises(UserFacingError) as raised:
        push(booth, "postgresql://nobody@127.0.0.1:1/none", actor=None)
    assert "127.0.0.1" in raised.value.text("en")
