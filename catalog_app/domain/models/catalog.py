"""The catalog: fairs, exhibitors, truck models, their spec values, price options and media.

Rows imported from a catalog file have stable ids derived from their source codes, so the same
file loaded on several devices yields the same rows (see ``catalog_app.domain.ids.stable_id``).
Media files are stored once by content hash (sha256) in the media folder beside the database.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import BigInteger, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalog_app.domain.base import Base, Mergeable
from catalog_app.domain.enums import ExhibitorKind, MediaKind
from catalog_app.domain.models._columns import enum_type


class Fair(Mergeable, Base):
    __tablename__ = "fair"

    code: Mapped[str] = mapped_column(String(64), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    venue_zh: Mapped[str] = mapped_column(String(200), default="")
    venue_en: Mapped[str] = mapped_column(String(200), default="")
    starts_on: Mapped[date | None] = mapped_column(default=None)
    ends_on: Mapped[date | None] = mapped_column(default=None)
    is_sample: Mapped[bool] = mapped_column(default=False)
    notice_zh: Mapped[str] = mapped_column(Text, default="")
    notice_en: Mapped[str] = mapped_column(Text, default="")

    exhibitors: Mapped[list[Exhibitor]] = relationship(back_populates="fair")


class Exhibitor(Mergeable, Base):
    __tablename__ = "exhibitor"
    __table_args__ = (UniqueConstraint("fair_id", "code"),)

    fair_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fair.id"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[ExhibitorKind] = mapped_column(enum_type(ExhibitorKind))
    booth: Mapped[str] = mapped_column(String(32), default="")
    credit_code: Mapped[str] = mapped_column(String(18), default="")
    address_zh: Mapped[str] = mapped_column(String(300), default="")
    address_en: Mapped[str] = mapped_column(String(300), default="")
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    description_zh: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    # The logo's Media row (no foreign key: media rows point at models, and a cycle of keys
    # would make SQLite table rebuilds awkward).
    logo_media_id: Mapped[uuid.UUID | None] = mapped_column(default=None)

    fair: Mapped[Fair] = relationship(back_populates="exhibitors")
    models: Mapped[list[TruckModel]] = relationship(back_populates="exhibitor")


class TruckModel(Mergeable, Base):
    """A truck model on show. Facet fields are columns; the rest of the spec sheet is SpecValue."""

    __tablename__ = "truck_model"
    __table_args__ = (UniqueConstraint("exhibitor_id", "code"),)

    exhibitor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("exhibitor.id"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    maker_zh: Mapped[str] = mapped_column(String(200), default="")
    maker_en: Mapped[str] = mapped_column(String(200), default="")
    announcement_no: Mapped[str] = mapped_column(String(64), default="", index=True)
    body_type: Mapped[str] = mapped_column(String(32), index=True)
    powertrain: Mapped[str] = mapped_column(String(32), index=True)
    drive_form: Mapped[str] = mapped_column(String(16), default="")
    recommended_catalog: Mapped[str] = mapped_column(String(8), default="")
    battery_kwh: Mapped[float | None] = mapped_column(Float, default=None)
    range_km: Mapped[float | None] = mapped_column(Float, default=None)
    gcw_t: Mapped[float | None] = mapped_column(Float, default=None)
    payload_kg: Mapped[float | None] = mapped_column(Float, default=None)
    price_cny: Mapped[float | None] = mapped_column(Float, default=None)
    composite_note_zh: Mapped[str] = mapped_column(Text, default="")
    composite_note_en: Mapped[str] = mapped_column(Text, default="")
    description_zh: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(default=0)
    # Folded text of names, maker, exhibitor, announcement number and text specs, with pinyin
    # (domain/search_keys.py); rebuilt on every write by the catalog services.
    search_key: Mapped[str] = mapped_column(Text, default="")

    exhibitor: Mapped[Exhibitor] = relationship(back_populates="models")
    spec_values: Mapped[list[SpecValue]] = relationship(back_populates="model")
    options: Mapped[list[ModelOption]] = relationship(back_populates="model")
    media: Mapped[list[Media]] = relationship(
        back_populates="model", foreign_keys="Media.model_id", order_by="Media.sort_order"
    )


class SpecValue(Mergeable, Base):
    """One spec-sheet value of a model; ``field_key`` names a field of the spec registry."""

    __tablename__ = "spec_value"
    __table_args__ = (UniqueConstraint("model_id", "field_key"),)

    model_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("truck_model.id"), index=True)
    field_key: Mapped[str] = mapped_column(String(64))
    number_value: Mapped[float | None] = mapped_column(Float, default=None)
    text_value: Mapped[str | None] = mapped_column(String(500), default=None)

    model: Mapped[TruckModel] = relationship(back_populates="spec_values")


class ModelOption(Mergeable, Base):
    """A priced option or configuration of a model (e.g. a larger battery pack)."""

    __tablename__ = "model_option"
    __table_args__ = (UniqueConstraint("model_id", "code"),)

    model_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("truck_model.id"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    price_cny: Mapped[float] = mapped_column(Float, default=0.0)
    sort_order: Mapped[int] = mapped_column(default=0)

    model: Mapped[TruckModel] = relationship(back_populates="options")


class Media(Mergeable, Base):
    """A photo, brochure or logo; the bytes live in the media store under their sha256."""

    __tablename__ = "media"

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[MediaKind] = mapped_column(enum_type(MediaKind))
    mime_type: Mapped[str] = mapped_column(String(100))
    original_name: Mapped[str] = mapped_column(String(255), default="")
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    caption_zh: Mapped[str] = mapped_column(String(300), default="")
    caption_en: Mapped[str] = mapped_column(String(300), default="")
    model_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("truck_model.id"), index=True, default=None
    )
    sort_order: Mapped[int] = mapped_column(default=0)

    model: Mapped[TruckModel | None] = relationship(back_populates="media", foreign_keys=[model_id])
