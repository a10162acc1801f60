"""定额标准: reserve standards for the adequacy check, their needs (需求项) and the items that count
towards each need.

A standard is named data; several are kept side by side (the shipped "国家/Sphere 夏季" and
"国家/Sphere 冬季" defaults, and the users' own copies). A need has a unit and a basis:

- ``per_person_day``: ``quota`` units per person per day (drinking water 3 L);
- ``per_persons``: one unit per ``quota`` persons (a 12 m² tent per 3 persons);
- ``fixed``: ``quota`` is the target quantity itself, whatever the number of people.

One unit of a linked item counts as ``factor`` units of the need (a 36 m² tent counts as 3 of the
need "12 m² tent equivalent"; a 550 ml bottle counts 0.55 L).

Quotas and factors are exact decimals stored as integers of 10⁻⁹ (``Ratio``), so that a quota such as
"250 g of soap per person-month" (0.25 ÷ 30 kg per person-day) keeps enough places to give 625 kg for
5,000 people over 15 days once rounded to the 0.001 of a quantity.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.schema.base import Base, UtcDateTime, _ScaledInteger, utcnow
from models.schema.catalog import Item
from models.schema.enums import db_enum

RATIO_PLACES = 9


class Ratio(_ScaledInteger):
    """An exact Decimal with up to nine places, stored as an integer of 10⁻⁹ units."""

    cache_ok = True
    scale = 10**RATIO_PLACES


class NeedBasis(enum.StrEnum):
    """How a need's required quantity follows from the scenario (people, days)."""

    PER_PERSON_DAY = "per_person_day"  # quota × people × days
    PER_PERSONS = "per_persons"  # ceil(people ÷ quota)
    FIXED = "fixed"  # quota, whatever the people

    @property
    def label(self) -> str:
        return {"per_person_day": "每人每天", "per_persons": "每 N 人一件", "fixed": "固定数量"}[self.value]


class Season(enum.StrEnum):
    """The season a standard is meant for (labels only; the check never guesses the season)."""

    ANY = "any"
    SUMMER = "summer"
    WINTER = "winter"

    @property
    def label(self) -> str:
        return {"any": "全年", "summer": "夏季", "winter": "冬季"}[self.value]


class Standard(Base):
    """定额标准: a named set of needs used to compute required quantities."""

    __tablename__ = "standards"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(String(500), default="")
    season: Mapped[Season] = mapped_column(db_enum(Season, "standard_season"), default=Season.ANY)
    is_builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    needs: Mapped[list["Need"]] = relationship(
        back_populates="standard", order_by=lambda: [Need.sort_order, Need.id], cascade="all, delete-orphan"
    )


class Need(Base):
    """需求项: one line of a standard (drinking water, L, 3 per person-day)."""

    __tablename__ = "standard_needs"
    __table_args__ = (
        UniqueConstraint("standard_id", "name", name="standard_need_name"),
        CheckConstraint("quota > 0", name="quota"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    standard_id: Mapped[int] = mapped_column(ForeignKey("standards.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(20))
    basis: Mapped[NeedBasis] = mapped_column(db_enum(NeedBasis, "need_basis"))
    quota: Mapped[Decimal] = mapped_column(Ratio)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    standard: Mapped[Standard] = relationship(back_populates="needs")
    items: Mapped[list["NeedItem"]] = relationship(
        back_populates="need", order_by="NeedItem.id", cascade="all, delete-orphan"
    )


class NeedItem(Base):
    """An item that satisfies a need: one unit of the item counts as ``factor`` units of the need."""

    __tablename__ = "standard_need_items"
    __table_args__ = (
        UniqueConstraint("need_id", "item_id", name="need_item"),
        CheckConstraint("factor > 0", name="factor"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("standard_needs.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    factor: Mapped[Decimal] = mapped_column(Ratio)

    need: Mapped[Need] = relationship(back_populates="items")
    item: Mapped[Item] = relationship()
