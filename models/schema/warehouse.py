"""Administrative areas and reserve stores (储备库/储备点) at the three levels."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from sqlalchemy import Boolean, ForeignKey, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.schema.base import Base
from models.schema.enums import AreaKind, StoreLevel, db_enum


class Area(Base):
    """行政区: county → township/street → village/community."""

    __tablename__ = "areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[AreaKind] = mapped_column(db_enum(AreaKind, "area_kind"))
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("areas.id"), index=True)

    parent: Mapped[Optional["Area"]] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list["Area"]] = relationship(back_populates="parent")
    stores: Mapped[list["Store"]] = relationship(back_populates="area")


class Store(Base):
    """储备库: a reserve warehouse or reserve point of one level, in one area."""

    __tablename__ = "stores"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[StoreLevel] = mapped_column(db_enum(StoreLevel, "store_level"), index=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"), index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    keeper_name: Mapped[str] = mapped_column(String(100), default="")
    keeper_phone: Mapped[str] = mapped_column(String(50), default="")
    floor_area: Mapped[Optional[Decimal]] = mapped_column(Numeric(12, 2))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    area: Mapped[Area] = relationship(back_populates="stores")
