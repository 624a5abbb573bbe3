"""Closed vocabularies stored as text in the database (new values need no migration)."""

from __future__ import annotations

from enum import StrEnum


class ExhibitorKind(StrEnum):
    MAKER = "maker"
    SWAP_OPERATOR = "swap_operator"
    ENERGY = "energy"
    FINANCE = "finance"
    OTHER = "other"


class MediaKind(StrEnum):
    PHOTO = "photo"
    BROCHURE = "brochure"
    LOGO = "logo"


class LeadSource(StrEnum):
    BOOTH = "booth"
    KIOSK = "kiosk"
    IMPORT = "import"
    SAMPLE = "sample"


class Rating(StrEnum):
    HOT = "hot"
    WARM = "warm"
    COLD = "cold"


class FollowUp(StrEnum):
    NEW = "new"
    CONTACTED = "contacted"
    QUALIFIED = "qualified"
    WON = "won"
    LOST = "lost"


class Timeframe(StrEnum):
    WITHIN_3_MONTHS = "within_3_months"
    WITHIN_6_MONTHS = "within_6_months"
    WITHIN_12_MONTHS = "within_12_months"
    LATER = "later"
    UNKNOWN = "unknown"


class Financing(StrEnum):
    FULL_PAYMENT = "full_payment"
    INSTALMENTS = "instalments"
    BANK_LOAN = "bank_loan"
    FINANCE_LEASE = "finance_lease"
    BATTERY_AS_A_SERVICE = "battery_as_a_service"
    UNDECIDED = "undecided"


class EnergyPreference(StrEnum):
    CHARGE = "charge"
    SWAP = "swap"
    HYDROGEN = "hydrogen"
    UNDECIDED = "undecided"


class Industry(StrEnum):
    LOGISTICS = "logistics"
    COAL_MINING = "coal_mining"
    ENERGY_POWER = "energy_power"
    CONSTRUCTION = "construction"
    MUNICIPAL = "municipal"
    SUPPLY_CHAIN = "supply_chain"
    FINANCE_LEASING = "finance_leasing"
    SWAP_CHARGING = "swap_charging"
    OTHER = "other"


class IntentStatus(StrEnum):
    DRAFT = "draft"
    PRINTED = "printed"
    SIGNED = "signed"
    CANCELLED = "cancelled"


class StaffRole(StrEnum):
    STAFF = "staff"
    MANAGER = "manager"


class DuplicateStatus(StrEnum):
    OPEN = "open"
    MERGED = "merged"
    DISMISSED = "dismissed"


class SyncDirection(StrEnum):
    PACKAGE_EXPORT = "package_export"
    PACKAGE_MERGE = "package_merge"
    PUSH = "push"
    PULL = "pull"
