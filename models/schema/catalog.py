"""The supply catalogue: GB/T 38565 coded category tree and items."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.schema.base import Base, Money


class Category(Base):
    """物资分类: seven-digit code, class (1) + subclass (2) + group (2) + item (2).

    ``code`` is the significant prefix ("1", "101", "10101", "1010101"), so the tree can be walked by
    prefix; ``full_code`` pads it to seven digits for display and print.
    """

    __tablename__ = "categories"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 4", name="level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(7), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[int] = mapped_column(Integer)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("categories.id"), index=True)
    rotation_lead_days: Mapped[Optional[int]] = mapped_column(Integer)

    parent: Mapped[Optional["Category"]] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list["Category"]] = relationship(back_populates="parent")
    items: Mapped[list["Item"]] = relationship(back_populates="category")

    @property
    def full_code(self) -> str:
        return self.code.ljust(7, "0")


class Item(Base):
    """物资: one catalogue entry with spec, unit and shelf life."""

    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint("shelf_life_months IS NULL OR shelf_life_months > 0", name="shelf_life"),
        CheckConstraint("rotation_lead_days IS NULL OR rotation_lead_days >= 0", name="lead"),
        CheckConstraint("unit_price IS NULL OR unit_price >= 0", name="price"),
        # the stock view sorted by name or spec (migration 0007)
        Index("ix_items_name", "name"),
        Index("ix_items_spec", "spec"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    spec: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(20))
    category_id: Mapped[Optional[int]] = mapped_column(ForeignKey("categories.id"), index=True)
    shelf_life_months: Mapped[Optional[int]] = mapped_column(Integer)
    rotation_lead_days: Mapped[Optional[int]] = mapped_column(Integer)
    returnable: Mapped[bool] = mapped_column(Boolean, default=False)
    unit_price: Mapped[Optional[Decimal]] = mapped_column(Money)
    pinyin: Mapped[str] = mapped_column(String(400), default="")  # initials and full, for search
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    category: Mapped[Optional[Category]] = relationship(back_populates="items")
