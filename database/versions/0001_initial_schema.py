"""initial schema: every table merge-ready

Revision ID: 0001
Revises:
Create Date: 2026-11-25 12:21:28.755069
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "device",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("hostname", sa.String(length=200), nullable=False),
        sa.Column("app_version", sa.String(length=32), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
    )
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_device_hlc"), ["hlc"], unique=False)

    op.create_table(
        "fair",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("venue_zh", sa.String(length=200), nullable=False),
        sa.Column("venue_en", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("is_sample", sa.Boolean(), nullable=False),
        sa.Column("notice_zh", sa.Text(), nullable=False),
        sa.Column("notice_en", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fair")),
        sa.UniqueConstraint("code", name=op.f("uq_fair_code")),
    )
    with op.batch_alter_table("fair", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fair_hlc"), ["hlc"], unique=False)

    op.create_table(
        "local_setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=2000), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_local_setting")),
    )
    op.create_table(
        "staff_account",
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column(
            "role",
            sa.Enum("staff", "manager", name="staffrole", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("pin_hash", sa.String(length=256), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_account")),
    )
    with op.batch_alter_table("staff_account", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_account_hlc"), ["hlc"], unique=False)

    op.create_table(
        "sync_log",
        sa.Column(
            "direction",
            sa.Enum(
                "package_export",
                "package_merge",
                "push",
                "pull",
                name="syncdirection",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("peer", sa.String(length=300), nullable=False),
        sa.Column("package_checksum", sa.String(length=64), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("message", sa.String(length=1000), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_log")),
    )
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_log_hlc"), ["hlc"], unique=False)

    op.create_table(
        "audit_entry",
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=True),
        sa.Column("object_type", sa.String(length=64), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff_account.id"], name=op.f("fk_audit_entry_staff_id_staff_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_hlc"), ["hlc"], unique=False)

    op.create_table(
        "exhibitor",
        sa.Column("fair_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "maker",
                "swap_operator",
                "energy",
                "finance",
                "other",
                name="exhibitorkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("booth", sa.String(length=32), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("address_zh", sa.String(length=300), nullable=False),
        sa.Column("address_en", sa.String(length=300), nullable=False),
        sa.Column("contact_name", sa.String(length=100), nullable=False),
        sa.Column("contact_phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("description_zh", sa.Text(), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("logo_media_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["fair_id"], ["fair.id"], name=op.f("fk_exhibitor_fair_id_fair")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exhibitor")),
        sa.UniqueConstraint("fair_id", "code", name=op.f("uq_exhibitor_fair_id")),
    )
    with op.batch_alter_table("exhibitor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exhibitor_fair_id"), ["fair_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exhibitor_hlc"), ["hlc"], unique=False)

    op.create_table(
        "lead",
        sa.Column("fair_id", sa.Uuid(), nullable=True),
        sa.Column("exhibitor_id", sa.Uuid(), nullable=True),
        sa.Column("person_name", sa.String(length=100), nullable=False),
        sa.Column("person_name_key", sa.String(length=300), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("company_key", sa.String(length=600), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("mobile", sa.String(length=40), nullable=False),
        sa.Column("mobile_e164", sa.String(length=20), nullable=False),
        sa.Column("landline", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("email_normalized", sa.String(length=254), nullable=False),
        sa.Column("wechat_id", sa.String(length=64), nullable=False),
        sa.Column("industry", sa.String(length=32), nullable=False),
        sa.Column("fleet_size", sa.Integer(), nullable=True),
        sa.Column(
            "source",
            sa.Enum(
                "booth",
                "kiosk",
                "import",
                "sample",
                name="leadsource",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "rating",
            sa.Enum("hot", "warm", "cold", name="rating", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column(
            "follow_up",
            sa.Enum(
                "new",
                "contacted",
                "qualified",
                "won",
                "lost",
                name="followup",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("badge_payload", sa.Text(), nullable=False),
        sa.Column("consent_text", sa.Text(), nullable=False),
        sa.Column("consent_version", sa.String(length=32), nullable=False),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("consent_purposes", sa.JSON(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=True),
        sa.Column("captured_on_device_id", sa.Uuid(), nullable=True),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("tco_inputs", sa.JSON(), nullable=True),
        sa.Column("merged_into_id", sa.Uuid(), nullable=True),
        sa.Column("exported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["exhibitor_id"], ["exhibitor.id"], name=op.f("fk_lead_exhibitor_id_exhibitor")
        ),
        sa.ForeignKeyConstraint(["fair_id"], ["fair.id"], name=op.f("fk_lead_fair_id_fair")),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["lead.id"], name=op.f("fk_lead_merged_into_id_lead")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff_account.id"], name=op.f("fk_lead_staff_id_staff_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead")),
    )
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lead_captured_at"), ["captured_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_lead_captured_on_device_id"), ["captured_on_device_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_lead_company_key"), ["company_key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_lead_email_normalized"), ["email_normalized"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_lead_exhibitor_id"), ["exhibitor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lead_fair_id"), ["fair_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lead_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_lead_mobile_e164"), ["mobile_e164"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_lead_person_name_key"), ["person_name_key"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_lead_rating"), ["rating"], unique=False)
        batch_op.create_index(batch_op.f("ix_lead_source"), ["source"], unique=False)
        batch_op.create_index(batch_op.f("ix_lead_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "truck_model",
        sa.Column("exhibitor_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("maker_zh", sa.String(length=200), nullable=False),
        sa.Column("maker_en", sa.String(length=200), nullable=False),
        sa.Column("announcement_no", sa.String(length=64), nullable=False),
        sa.Column("body_type", sa.String(length=32), nullable=False),
        sa.Column("powertrain", sa.String(length=32), nullable=False),
        sa.Column("drive_form", sa.String(length=16), nullable=False),
        sa.Column("recommended_catalog", sa.String(length=8), nullable=False),
        sa.Column("battery_kwh", sa.Float(), nullable=True),
        sa.Column("range_km", sa.Float(), nullable=True),
        sa.Column("gcw_t", sa.Float(), nullable=True),
        sa.Column("payload_kg", sa.Float(), nullable=True),
        sa.Column("price_cny", sa.Float(), nullable=True),
        sa.Column("composite_note_zh", sa.Text(), nullable=False),
        sa.Column("composite_note_en", sa.Text(), nullable=False),
        sa.Column("description_zh", sa.Text(), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["exhibitor_id"], ["exhibitor.id"], name=op.f("fk_truck_model_exhibitor_id_exhibitor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_truck_model")),
        sa.UniqueConstraint("exhibitor_id", "code", name=op.f("uq_truck_model_exhibitor_id")),
    )
    with op.batch_alter_table("truck_model", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_truck_model_announcement_no"), ["announcement_no"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_truck_model_body_type"), ["body_type"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_truck_model_exhibitor_id"), ["exhibitor_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_truck_model_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_truck_model_powertrain"), ["powertrain"], unique=False)

    op.create_table(
        "intent_form",
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("previous_revision_id", sa.Uuid(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "printed",
                "signed",
                "cancelled",
                name="intentstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("lead_id", sa.Uuid(), nullable=True),
        sa.Column("exhibitor_id", sa.Uuid(), nullable=True),
        sa.Column("fair_id", sa.Uuid(), nullable=True),
        sa.Column("staff_id", sa.Uuid(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("seller", sa.JSON(), nullable=False),
        sa.Column("buyer_company", sa.String(length=200), nullable=False),
        sa.Column("buyer_credit_code", sa.String(length=18), nullable=False),
        sa.Column("buyer_address", sa.String(length=300), nullable=False),
        sa.Column("buyer_representative", sa.String(length=100), nullable=False),
        sa.Column("buyer_phone", sa.String(length=40), nullable=False),
        sa.Column("price_includes", sa.Text(), nullable=False),
        sa.Column("price_excludes", sa.Text(), nullable=False),
        sa.Column("delivery_terms", sa.JSON(), nullable=False),
        sa.Column("payment_terms", sa.JSON(), nullable=False),
        sa.Column("charging_support", sa.Text(), nullable=False),
        sa.Column("after_sales", sa.Text(), nullable=False),
        sa.Column("validity_days", sa.Integer(), nullable=False),
        sa.Column("non_binding_clause", sa.Text(), nullable=False),
        sa.Column("include_tco", sa.Boolean(), nullable=False),
        sa.Column("tco_inputs", sa.JSON(), nullable=True),
        sa.Column("total_cny", sa.Float(), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["exhibitor_id"], ["exhibitor.id"], name=op.f("fk_intent_form_exhibitor_id_exhibitor")
        ),
        sa.ForeignKeyConstraint(["fair_id"], ["fair.id"], name=op.f("fk_intent_form_fair_id_fair")),
        sa.ForeignKeyConstraint(["lead_id"], ["lead.id"], name=op.f("fk_intent_form_lead_id_lead")),
        sa.ForeignKeyConstraint(
            ["previous_revision_id"],
            ["intent_form.id"],
            name=op.f("fk_intent_form_previous_revision_id_intent_form"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff_account.id"], name=op.f("fk_intent_form_staff_id_staff_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intent_form")),
        sa.UniqueConstraint("reference", "revision", name=op.f("uq_intent_form_reference")),
    )
    with op.batch_alter_table("intent_form", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intent_form_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_intent_form_lead_id"), ["lead_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_intent_form_reference"), ["reference"], unique=False)
        batch_op.create_index(batch_op.f("ix_intent_form_status"), ["status"], unique=False)

    op.create_table(
        "lead_duplicate_link",
        sa.Column("lead_a_id", sa.Uuid(), nullable=False),
        sa.Column("lead_b_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open", "merged", "dismissed", name="duplicatestatus", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("resolved_by_staff_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["lead_a_id"], ["lead.id"], name=op.f("fk_lead_duplicate_link_lead_a_id_lead")
        ),
        sa.ForeignKeyConstraint(
            ["lead_b_id"], ["lead.id"], name=op.f("fk_lead_duplicate_link_lead_b_id_lead")
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_staff_id"],
            ["staff_account.id"],
            name=op.f("fk_lead_duplicate_link_resolved_by_staff_id_staff_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_duplicate_link")),
    )
    with op.batch_alter_table("lead_duplicate_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lead_duplicate_link_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_lead_duplicate_link_lead_a_id"), ["lead_a_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_lead_duplicate_link_lead_b_id"), ["lead_b_id"], unique=False
        )

    op.create_table(
        "lead_interest",
        sa.Column("lead_id", sa.Uuid(), nullable=False),
        sa.Column("model_id", sa.Uuid(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column(
            "timeframe",
            sa.Enum(
                "within_3_months",
                "within_6_months",
                "within_12_months",
                "later",
                "unknown",
                name="timeframe",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "financing",
            sa.Enum(
                "full_payment",
                "instalments",
                "bank_loan",
                "finance_lease",
                "battery_as_a_service",
                "undecided",
                name="financing",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "energy_preference",
            sa.Enum(
                "charge",
                "swap",
                "hydrogen",
                "undecided",
                name="energypreference",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["lead.id"], name=op.f("fk_lead_interest_lead_id_lead")
        ),
        sa.ForeignKeyConstraint(
            ["model_id"], ["truck_model.id"], name=op.f("fk_lead_interest_model_id_truck_model")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_interest")),
    )
    with op.batch_alter_table("lead_interest", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lead_interest_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_lead_interest_lead_id"), ["lead_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lead_interest_model_id"), ["model_id"], unique=False)

    op.create_table(
        "media",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("photo", "brochure", "logo", name="mediakind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("mime_type", sa.String(length=100), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("caption_zh", sa.String(length=300), nullable=False),
        sa.Column("caption_en", sa.String(length=300), nullable=False),
        sa.Column("model_id", sa.Uuid(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["model_id"], ["truck_model.id"], name=op.f("fk_media_model_id_truck_model")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media")),
    )
    with op.batch_alter_table("media", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_media_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_media_model_id"), ["model_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_media_sha256"), ["sha256"], unique=False)

    op.create_table(
        "model_option",
        sa.Column("model_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("price_cny", sa.Float(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["model_id"], ["truck_model.id"], name=op.f("fk_model_option_model_id_truck_model")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_option")),
        sa.UniqueConstraint("model_id", "code", name=op.f("uq_model_option_model_id")),
    )
    with op.batch_alter_table("model_option", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_model_option_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_model_option_model_id"), ["model_id"], unique=False)

    op.create_table(
        "spec_value",
        sa.Column("model_id", sa.Uuid(), nullable=False),
        sa.Column("field_key", sa.String(length=64), nullable=False),
        sa.Column("number_value", sa.Float(), nullable=True),
        sa.Column("text_value", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["model_id"], ["truck_model.id"], name=op.f("fk_spec_value_model_id_truck_model")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spec_value")),
        sa.UniqueConstraint("model_id", "field_key", name=op.f("uq_spec_value_model_id")),
    )
    with op.batch_alter_table("spec_value", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_spec_value_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_spec_value_model_id"), ["model_id"], unique=False)

    op.create_table(
        "intent_line",
        sa.Column("intent_id", sa.Uuid(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("model_id", sa.Uuid(), nullable=True),
        sa.Column("model_name", sa.String(length=200), nullable=False),
        sa.Column("announcement_no", sa.String(length=64), nullable=False),
        sa.Column("battery_config", sa.String(length=100), nullable=False),
        sa.Column("energy_mode", sa.String(length=32), nullable=False),
        sa.Column("colour", sa.String(length=50), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_cny", sa.Float(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["intent_id"], ["intent_form.id"], name=op.f("fk_intent_line_intent_id_intent_form")
        ),
        sa.ForeignKeyConstraint(
            ["model_id"], ["truck_model.id"], name=op.f("fk_intent_line_model_id_truck_model")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intent_line")),
    )
    with op.batch_alter_table("intent_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intent_line_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_intent_line_intent_id"), ["intent_id"], unique=False)

    op.create_table(
        "intent_status_change",
        sa.Column("intent_id", sa.Uuid(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "draft",
                "printed",
                "signed",
                "cancelled",
                name="intentstatus",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "draft",
                "printed",
                "signed",
                "cancelled",
                name="intentstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hlc", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["intent_id"],
            ["intent_form.id"],
            name=op.f("fk_intent_status_change_intent_id_intent_form"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_account.id"],
            name=op.f("fk_intent_status_change_staff_id_staff_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intent_status_change")),
    )
    with op.batch_alter_table("intent_status_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intent_status_change_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_intent_status_change_intent_id"), ["intent_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("intent_status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intent_status_change_intent_id"))
        batch_op.drop_index(batch_op.f("ix_intent_status_change_hlc"))

    op.drop_table("intent_status_change")
    with op.batch_alter_table("intent_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intent_line_intent_id"))
        batch_op.drop_index(batch_op.f("ix_intent_line_hlc"))

    op.drop_table("intent_line")
    with op.batch_alter_table("spec_value", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_spec_value_model_id"))
        batch_op.drop_index(batch_op.f("ix_spec_value_hlc"))

    op.drop_table("spec_value")
    with op.batch_alter_table("model_option", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_model_option_model_id"))
        batch_op.drop_index(batch_op.f("ix_model_option_hlc"))

    op.drop_table("model_option")
    with op.batch_alter_table("media", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_media_sha256"))
        batch_op.drop_index(batch_op.f("ix_media_model_id"))
        batch_op.drop_index(batch_op.f("ix_media_hlc"))

    op.drop_table("media")
    with op.batch_alter_table("lead_interest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lead_interest_model_id"))
        batch_op.drop_index(batch_op.f("ix_lead_interest_lead_id"))
        batch_op.drop_index(batch_op.f("ix_lead_interest_hlc"))

    op.drop_table("lead_interest")
    with op.batch_alter_table("lead_duplicate_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lead_duplicate_link_lead_b_id"))
        batch_op.drop_index(batch_op.f("ix_lead_duplicate_link_lead_a_id"))
        batch_op.drop_index(batch_op.f("ix_lead_duplicate_link_hlc"))

    op.drop_table("lead_duplicate_link")
    with op.batch_alter_table("intent_form", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intent_form_status"))
        batch_op.drop_index(batch_op.f("ix_intent_form_reference"))
        batch_op.drop_index(batch_op.f("ix_intent_form_lead_id"))
        batch_op.drop_index(batch_op.f("ix_intent_form_hlc"))

    op.drop_table("intent_form")
    with op.batch_alter_table("truck_model", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_truck_model_powertrain"))
        batch_op.drop_index(batch_op.f("ix_truck_model_hlc"))
        batch_op.drop_index(batch_op.f("ix_truck_model_exhibitor_id"))
        batch_op.drop_index(batch_op.f("ix_truck_model_body_type"))
        batch_op.drop_index(batch_op.f("ix_truck_model_announcement_no"))

    op.drop_table("truck_model")
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lead_staff_id"))
        batch_op.drop_index(batch_op.f("ix_lead_source"))
        batch_op.drop_index(batch_op.f("ix_lead_rating"))
        batch_op.drop_index(batch_op.f("ix_lead_person_name_key"))
        batch_op.drop_index(batch_op.f("ix_lead_mobile_e164"))
        batch_op.drop_index(batch_op.f("ix_lead_hlc"))
        batch_op.drop_index(batch_op.f("ix_lead_fair_id"))
        batch_op.drop_index(batch_op.f("ix_lead_exhibitor_id"))
        batch_op.drop_index(batch_op.f("ix_lead_email_normalized"))
        batch_op.drop_index(batch_op.f("ix_lead_company_key"))
        batch_op.drop_index(batch_op.f("ix_lead_captured_on_device_id"))
        batch_op.drop_index(batch_op.f("ix_lead_captured_at"))

    op.drop_table("lead")
    with op.batch_alter_table("exhibitor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exhibitor_hlc"))
        batch_op.drop_index(batch_op.f("ix_exhibitor_fair_id"))

    op.drop_table("exhibitor")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_hlc"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_action"))

    op.drop_table("audit_entry")
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_log_hlc"))

    op.drop_table("sync_log")
    with op.batch_alter_table("staff_account", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_account_hlc"))

    op.drop_table("staff_account")
    op.drop_table("local_setting")
    with op.batch_alter_table("fair", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fair_hlc"))

    op.drop_table("fair")
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_hlc"))

    op.drop_table("device")
