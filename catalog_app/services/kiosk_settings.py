"""Kiosk mode's settings on this device (``LocalSetting``: never merged with other devices),
and whether kiosk mode may start at all.

- ``kiosk.idle_seconds``: after this many seconds without a touch the kiosk wipes what the
  visitor typed and plays the attract loop (default 60, 10–3600).
- ``kiosk.slide_seconds``: how long each model shows in the attract loop (default 6, 2–60).

Kiosk mode may start only when at least one active staff account has a PIN: leaving kiosk mode
needs a staff PIN, so without one nobody could leave it.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog_app.domain.models import LocalSetting
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.accounts import AccountService, StaffMember, require_manager
from catalog_app.store.database import Database

IDLE_KEY = "kiosk.idle_seconds"
SLIDE_KEY = "kiosk.slide_seconds"
DEFAULT_IDLE_SECONDS = 60
DEFAULT_SLIDE_SECONDS = 6
IDLE_RANGE = (10, 3600)
SLIDE_RANGE = (2, 60)

NO_STAFF = Bilingual(
    zh="无法进入展台自助模式：还没有设置了 PIN 的员工账户。退出自助模式需要员工 PIN，"
    "请先在“设置”中创建员工账户。",
    en="Kiosk mode cannot start: no staff account has a PIN yet. Leaving kiosk mode needs a "
    "staff PIN, so create a staff account in Settings first.",
)
BAD_IDLE = Bilingual(
    zh="空闲时间应为 {low} 到 {high} 秒之间的整数。",
    en="The idle time is a whole number of seconds from {low} to {high}.",
)
BAD_SLIDE = Bilingual(
    zh="每页展示时间应为 {low} 到 {high} 秒之间的整数。",
    en="The time per slide is a whole number of seconds from {low} to {high}.",
)


@dataclass(frozen=True)
class KioskSettings:
    idle_seconds: int = DEFAULT_IDLE_SECONDS
    slide_seconds: int = DEFAULT_SLIDE_SECONDS


def _read_int(database: Database, key: str, default: int, bounds: tuple[int, int]) -> int:
    with database.sessions() as session:
        setting = session.get(LocalSetting, key)
        raw = setting.value if setting is not None else ""
    try:
        value = int(raw)
    except ValueError:
        return default
    low, high = bounds
    return value if low <= value <= high else default


def load_kiosk_settings(database: Database) -> KioskSettings:
    """The kiosk settings of this device (defaults for anything unset or damaged)."""
    return KioskSettings(
        _read_int(database, IDLE_KEY, DEFAULT_IDLE_SECONDS, IDLE_RANGE),
        _read_int(database, SLIDE_KEY, DEFAULT_SLIDE_SECONDS, SLIDE_RANGE),
    )


def save_kiosk_settings(
    database: Database, settings: KioskSettings, *, actor: StaffMember | None
) -> None:
    """Managers only; ``UserFacingError`` for values out of range."""
    require_manager(actor)
    for value, (low, high), message in (
        (settings.idle_seconds, IDLE_RANGE, BAD_IDLE),
        (settings.slide_seconds, SLIDE_RANGE, BAD_SLIDE),
    ):
        if not low <= value <= high:
            raise UserFacingError(message, low=low, high=high)
    with database.transaction() as session:
        for key, value in ((IDLE_KEY, settings.idle_seconds), (SLIDE_KEY, settings.slide_seconds)):
            setting = session.get(LocalSetting, key)
            if setting is None:
                session.add(LocalSetting(key=key, value=str(value)))
            else:
                setting.value = str(value)


def staff_who_can_unlock(database: Database) -> list[StaffMember]:
    """Active staff accounts with a PIN: the people who can leave kiosk mode."""
    return [m for m in AccountService(database).list_staff() if m.has_pin]


def check_kiosk_can_start(database: Database) -> list[StaffMember]:
    """The staff who can unlock the kiosk; ``UserFacingError`` when there is nobody."""
    staff = staff_who_can_unlock(database)
    if not staff:
        raise UserFacingError(NO_STAFF)
    return staff
