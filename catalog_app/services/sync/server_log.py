"""What a push or pull did, in words, and its entries in the sync log and the audit log."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from catalog_app.domain.enums import SyncDirection
from catalog_app.domain.models import SyncLog
from catalog_app.domain.text import Bilingual
from catalog_app.services.accounts import StaffMember
from catalog_app.services.audit import AuditAction, record
from catalog_app.services.sync.summary import TableCounts
from catalog_app.store.database import Database

PUSHED = Bilingual(
    zh="已推送到 {server}：发送 {incoming} 行（服务器新增 {new}，更新 {updated}，"
    "已有 {unchanged}），共 {batches} 批。",
    en="Pushed to {server}: {incoming} rows sent ({new} new on the server, {updated} updated, "
    "{unchanged} already there) in {batches} batches.",
)
NOTHING_TO_PUSH = Bilingual(
    zh="无需推送：服务器 {server} 已有本设备的全部更改。",
    en="Nothing to push: the server {server} already has every change of this device.",
)
PULLED = Bilingual(
    zh="已从 {server} 拉取：收到 {incoming} 行（本机新增 {new}，更新 {updated}，"
    "已有 {unchanged}），共 {batches} 批。",
    en="Pulled from {server}: {incoming} rows received ({new} new here, {updated} updated, "
    "{unchanged} already here) in {batches} batches.",
)
NOTHING_TO_PULL = Bilingual(
    zh="无需拉取：自上次同步以来服务器 {server} 上没有新的更改。",
    en="Nothing to pull: nothing changed on the server {server} since the last pull.",
)


@dataclass
class ServerSyncResult:
    direction: SyncDirection
    server: str  # the URL without its password
    server_id: uuid.UUID
    tables: dict[str, TableCounts] = field(default_factory=dict)
    batches: int = 0

    def add(self, table: str, counts: TableCounts) -> None:
        self.tables.setdefault(table, TableCounts()).add(counts)
        self.batches += 1

    @property
    def total(self) -> TableCounts:
        total = TableCounts()
        for counts in self.tables.values():
            total.add(counts)
        return total

    def text(self, lang: str) -> str:
        total = self.total
        push = self.direction is SyncDirection.PUSH
        if not total.incoming:
            return (NOTHING_TO_PUSH if push else NOTHING_TO_PULL).render(lang, server=self.server)
        return (PUSHED if push else PULLED).render(
            lang,
            server=self.server,
            batches=self.batches,
            incoming=total.incoming,
            **total.as_dict(),
        )


def log_sync(
    database: Database,
    result: ServerSyncResult,
    actor: StaffMember | None,
    *,
    status: str,
    message: str = "",
) -> None:
    """A sync-log row and an audit entry (in one local transaction)."""
    total = result.total
    counts = {
        "tables": {name: c.as_dict() for name, c in result.tables.items() if c.incoming},
        "rows": total.incoming,
        "batches": result.batches,
        "server_id": str(result.server_id),
    }
    with database.transaction() as session:
        session.add(
            SyncLog(
                direction=result.direction,
                peer=result.server[:300],
                counts=counts,
                status=status,
                message=(message or result.text("en"))[:1000],
            )
        )
        record(
            session,
            AuditAction.PUSH if result.direction is SyncDirection.PUSH else AuditAction.PULL,
            staff_id=actor.id if actor else None,
            object_type="server",
            object_id=result.server_id,
            server=result.server,
            status=status,
            rows=total.incoming,
            new=total.new,
            updated=total.updated,
            via="app" if actor else "command line",
        )
