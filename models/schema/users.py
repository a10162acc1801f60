"""Users, their roles and the stores a keeper is assigned to."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.schema.base import Base, UtcDateTime, utcnow
from models.schema.enums import Role, db_enum
from models.schema.warehouse import Store

user_stores = Table(
    "user_stores",
    Base.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("store_id", ForeignKey("stores.id", ondelete="CASCADE"), primary_key=True),
)


class User(Base):
    """用户. ``password_hash`` is Argon2; ``None`` means no password set yet (fresh install)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[Role] = mapped_column(db_enum(Role, "user_role"))
    password_hash: Mapped[Optional[str]] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[Optional[dt.datetime]] = mapped_column(UtcDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    stores: Mapped[list[Store]] = relationship(secondary=user_stores)
