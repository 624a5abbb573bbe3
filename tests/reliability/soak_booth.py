"""The booth of the soak test and its visitors: a catalog, staff, an attendee list, and an
endless, seeded stream of invented visitors (unique names, mobiles, e-mails, vCards).

Also the memory probes: the process's resident set size (RSS), read from ``/proc`` on Linux and
None elsewhere (the soak then judges speed and object counts only); ``trim_heap`` to hand freed
heap back to the system first (glibc keeps freed pages in the process: its RSS then says more
about the allocator's history than about what is still in use); and ``heap_in_use``, the bytes
glibc's malloc has handed out and not got back (Python, Qt and SQLite all allocate there), which
fragmentation does not blur; and ``sqlite_memory_used``, SQLite's share of it (its page caches
and prepared statements, which fill up to their configured sizes as the file grows).
"""

from __future__ import annotations

import csv
import ctypes
import random
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from catalog_app.domain.enums import StaffRole
from catalog_app.domain.models import TruckModel
from catalog_app.services.accounts import AccountService, StaffMember
from catalog_app.services.attendees import import_attendees
from catalog_app.store.database import Database
from tests.benchmarks import datagen

MODELS = 200
ATTENDEES = 500
STAFF_PIN = "1234"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华"
COMPANIES = ("贵州示例物流", "黔南运输", "筑城建材", "遵义冷链", "毕节矿业", "安顺城配")
SEARCHES = ("kWh", "牵引", "换电", "qianyin", "6x4", "EX00", "自卸", "zx", "冷藏 4x2", "no such")


@dataclass(frozen=True)
class Booth:
    """What the soak booth holds: model codes to pick, staff, badge codes in the attendee list."""

    model_codes: list[str]
    staff: StaffMember
    badge_codes: list[str]


def fill_booth(database: Database, folder: Path, seed: int) -> Booth:
    """A generated catalog of ``MODELS`` models (with datagen's staff), one more staff member
    who signs in, ``ATTENDEES`` attendees."""
    datagen.generate_models(database, n=MODELS, seed=seed)
    codes = model_codes(database)
    accounts = AccountService(database)
    manager = next(m for m in accounts.list_staff() if m.is_manager)  # made by datagen
    staff = accounts.create_staff("小李", StaffRole.STAFF, STAFF_PIN, actor=manager)
    rng = random.Random(seed)
    path = folder / "attendees.csv"
    badge_codes = [f"SOAK-{number:05d}" for number in range(ATTENDEES)]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["胸卡号", "姓名", "公司", "职务", "手机", "邮箱"])
        for number, code in enumerate(badge_codes):
            name = rng.choice(SURNAMES) + rng.choice(GIVEN)
            company = rng.choice(COMPANIES) + "有限公司"
            writer.writerow([code, name, company, "采购经理", f"137{number:08d}", ""])
    import_attendees(database, path)
    return Booth(codes, staff, badge_codes)


def model_codes(database: Database) -> list[str]:
    with database.sessions() as session:
        return list(session.scalars(select(TruckModel.code).order_by(TruckModel.code)))


@dataclass(frozen=True)
class Visitor:
    """One invented visitor; ``number`` makes the mobile and e-mail unique."""

    number: int
    name: str
    company: str
    mobile: str
    email: str

    def vcard(self) -> str:
        """What a badge scanner types for this visitor (vCard 3.0, as Chinese fairs print)."""
        return "\n".join(
            [
                "BEGIN:VCARD",
                "VERSION:3.0",
                f"N:{self.name[0]};{self.name[1:]};;;",
                f"FN:{self.name}",
                f"ORG:{self.company}",
                "TITLE:车队经理",
                f"TEL;TYPE=CELL:{self.mobile}",
                f"EMAIL:{self.email}",
                "END:VCARD",
            ]
        )


def visitor(rng: random.Random, number: int) -> Visitor:
    name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(("", rng.choice(GIVEN)))
    return Visitor(
        number=number,
        name=name,
        company=rng.choice(COMPANIES) + "有限公司",
        mobile=f"139{number:08d}",
        email=f"visitor{number}@example.cn",
    )


def rss_bytes() -> int | None:
    """The resident set size of this process now (Linux ``/proc``); None where unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def trim_heap() -> bool:
    """glibc's ``malloc_trim(0)``: freed heap pages go back to the system. False elsewhere."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        return False
    return True


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd",
            "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost",
        )
    ]  # fmt: skip


def heap_in_use() -> int | None:
    """Bytes allocated with malloc and not freed (glibc 2.33+ ``mallinfo2``); None elsewhere."""
    try:
        mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        return None
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return int(info.uordblks + info.hblkhd)  # small blocks in use + mmapped large blocks


def sqlite_memory_used() -> int | None:
    """Bytes SQLite has allocated and not freed (``sqlite3_memory_used``), asked of the very SQLite
    Python's ``sqlite3`` module uses (linked in or shared); None where it cannot be asked."""
    try:
        import _sqlite3

        memory_used = ctypes.CDLL(_sqlite3.__file__).sqlite3_memory_used
    except (ImportError, OSError, AttributeError, TypeError):
        return None
    memory_used.restype = ctypes.c_int64
    return int(memory_used())
