"""Staff accounts, PINs, lock-out and roles.

Managers may do everything; staff may browse, capture and print. Wrong PINs are counted in the
database (so a restart does not reset them): after ``MAX_ATTEMPTS`` wrong PINs in a row the
account is locked for ``LOCKOUT``. Creating staff, resetting a PIN and changing a role are
audited. Functions that need a manager take the acting account and call ``require_manager``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from catalog_app.domain.base import utc_now
from catalog_app.domain.enums import StaffRole
from catalog_app.domain.models import StaffAccount
from catalog_app.domain.pins import hash_pin, pin_problem, verify_pin
from catalog_app.domain.text import Bilingual, UserFacingError
from catalog_app.services.audit import AuditAction, record
from catalog_app.store.database import Database

MAX_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)

WRONG_PIN = Bilingual(
    zh="PIN 不正确（还可再试 {left} 次）。", en="Wrong PIN ({left} more tries before lock-out)."
)
LOCKED = Bilingual(
    zh="输错 PIN 次数过多，账户已锁定，请在 {minutes} 分钟后再试。",
    en="Too many wrong PINs: the account is locked; try again in {minutes} minute(s).",
)
NO_PIN = Bilingual(zh="该账户尚未设置 PIN。", en="This account has no PIN yet.")
UNKNOWN_STAFF = Bilingual(zh="找不到该员工账户。", en="No such staff account.")
BAD_PIN = {
    "digits": Bilingual(zh="PIN 只能由数字组成。", en="A PIN is made of digits only."),
    "length": Bilingual(zh="PIN 应为 4 到 12 位数字。", en="A PIN has 4 to 12 digits."),
}
MANAGERS_ONLY = Bilingual(zh="只有经理可以执行此操作。", en="Only a manager can do this.")
NAME_REQUIRED = Bilingual(zh="请填写姓名。", en="Please enter a name.")
LAST_MANAGER = Bilingual(
    zh="不能取消最后一位经理的经理权限。", en="The last manager cannot lose the manager role."
)


class AccountError(UserFacingError):
    """A PIN or permission problem, for the person at the booth."""


class WrongPinError(AccountError):
    def __init__(self, attempts_left: int) -> None:
        super().__init__(WRONG_PIN, left=attempts_left)
        self.attempts_left = attempts_left


class LockedOutError(AccountError):
    def __init__(self, until: datetime) -> None:
        minutes = max(1, int((until - utc_now()).total_seconds() // 60) + 1)
        super().__init__(LOCKED, minutes=minutes)
        self.until = until


class PermissionDenied(AccountError):
    def __init__(self) -> None:
        super().__init__(MANAGERS_ONLY)


@dataclass(frozen=True)
class StaffMember:
    id: uuid.UUID
    display_name: str
    role: StaffRole
    has_pin: bool
    locked_until: datetime | None

    @property
    def is_manager(self) -> bool:
        return self.role is StaffRole.MANAGER


def _member(account: StaffAccount) -> StaffMember:
    return StaffMember(
        account.id,
        account.display_name,
        account.role,
        bool(account.pin_hash),
        account.locked_until,
    )


def require_manager(actor: StaffMember | None) -> None:
    if actor is None or not actor.is_manager:
        raise PermissionDenied()


def check_pin_format(pin: str) -> None:
    problem = pin_problem(pin)
    if problem:
        raise AccountError(BAD_PIN[problem])


class AccountService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def list_staff(self, *, include_inactive: bool = False) -> list[StaffMember]:
        query = select(StaffAccount).where(StaffAccount.deleted_at.is_(None))
        if not include_inactive:
            query = query.where(StaffAccount.active.is_(True))
        with self._db.sessions() as session:
            return [_member(a) for a in session.scalars(query.order_by(StaffAccount.display_name))]

    def get(self, staff_id: uuid.UUID) -> StaffMember:
        with self._db.sessions() as session:
            account = session.get(StaffAccount, staff_id)
            if account is None or account.deleted_at is not None:
                raise AccountError(UNKNOWN_STAFF)
            return _member(account)

    def has_manager(self) -> bool:
        query = (
            select(func.count())
            .select_from(StaffAccount)
            .where(
                StaffAccount.role == StaffRole.MANAGER,
                StaffAccount.active.is_(True),
                StaffAccount.deleted_at.is_(None),
            )
        )
        with self._db.sessions() as session:
            return bool(session.scalar(query))

    def create_staff(
        self, display_name: str, role: StaffRole, pin: str, *, actor: StaffMember | None
    ) -> StaffMember:
        """Create an account. The very first account may be made by nobody (it must be a
        manager); later ones only by a manager."""
        name = display_name.strip()
        if not name:
            raise AccountError(NAME_REQUIRED)
        check_pin_format(pin)
        first = not self.has_manager()
        if first and role is not StaffRole.MANAGER:
            raise PermissionDenied()
        if not first:
            require_manager(actor)
        pin_hash = hash_pin(pin)
        with self._db.transaction() as session:
            account = StaffAccount(display_name=name, role=role, pin_hash=pin_hash)
            session.add(account)
            session.flush()
            record(
                session,
                AuditAction.STAFF_CREATED,
                staff_id=actor.id if actor else None,
                object_type="staff",
                object_id=account.id,
                role=role.value,
                name=name,
            )
            return _member(account)

    def authenticate(self, staff_id: uuid.UUID, pin: str) -> StaffMember:
        """The member if ``pin`` is right; else WrongPinError or LockedOutError (counted)."""
        with self._db.transaction() as session:
            account = session.get(StaffAccount, staff_id)
            if account is None or account.deleted_at is not None or not account.active:
                raise AccountError(UNKNOWN_STAFF)
            now = utc_now()
            if account.locked_until is not None and account.locked_until > now:
                raise LockedOutError(account.locked_until)
            if not account.pin_hash:
                raise AccountError(NO_PIN)
            if verify_pin(account.pin_hash, pin):
                if account.failed_attempts or account.locked_until:
                    account.failed_attempts = 0
                    account.locked_until = None
                return _member(account)
            account.failed_attempts += 1
            if account.failed_attempts >= MAX_ATTEMPTS:
                account.failed_attempts = 0
                account.locked_until = now + LOCKOUT
                locked = LockedOutError(account.locked_until)
            else:
                locked = None
                left = MAX_ATTEMPTS - account.failed_attempts
        # The counter is committed before the error is raised.
        if locked is not None:
            raise locked
        raise WrongPinError(left)

    def set_pin(self, staff_id: uuid.UUID, pin: str, *, actor: StaffMember) -> None:
        """Set a PIN: one's own, or anyone's by a manager (audited as a reset)."""
        check_pin_format(pin)
        if actor.id != staff_id:
            require_manager(actor)
        pin_hash = hash_pin(pin)
        with self._db.transaction() as session:
            account = session.get(StaffAccount, staff_id)
            if account is None:
                raise AccountError(UNKNOWN_STAFF)
            account.pin_hash = pin_hash
            account.failed_attempts = 0
            account.locked_until = None
            record(
                session,
                AuditAction.PIN_RESET,
                staff_id=actor.id,
                object_type="staff",
                object_id=staff_id,
            )

    def change_role(self, staff_id: uuid.UUID, role: StaffRole, *, actor: StaffMember) -> None:
        require_manager(actor)
        with self._db.transaction() as session:
            account = session.get(StaffAccount, staff_id)
            if account is None:
                raise AccountError(UNKNOWN_STAFF)
            if account.role is role:
                return
            if account.role is StaffRole.MANAGER:
                others = session.scalar(
                    select(func.count())
                    .select_from(StaffAccount)
                    .where(
                        StaffAccount.role == StaffRole.MANAGER,
                        StaffAccount.active.is_(True),
                        StaffAccount.deleted_at.is_(None),
                        StaffAccount.id != staff_id,
                    )
                )
                if not others:
                    raise AccountError(LAST_MANAGER)
            before = account.role
            account.role = role
            record(
                session,
                AuditAction.ROLE_CHANGE,
                staff_id=actor.id,
                object_type="staff",
                object_id=staff_id,
                before=before.value,
                after=role.value,
            )
