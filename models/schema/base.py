"""Declarative base, naming convention and the exact column types used everywhere.

Quantities are stored as integers of thousandths (``Quantity``) so sums and the non-negative CHECK
are exact on SQLite and PostgreSQL alike; money is stored in fen (``Money``). Timestamps are stored in
UTC (``UtcDateTime``) and converted to local time only for display.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, ROUND_HALF_UP
from functools import lru_cache
from typing import Callable

from sqlalchemy import BigInteger, DateTime, MetaData
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

QTY_SCALE = 1000  # three decimal places: 0.001 kg, 0.001 m
MONEY_SCALE = 100  # fen


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def to_decimal(value: object) -> Decimal:
    """Convert ints, strings and Decimals (never floats silently rounded) to Decimal."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value))


def _decimal_reader(scale: int) -> Callable[[int], Decimal]:
    """Stored integer → Decimal for one scale, remembered: reading a page of stock or ledger converts
    four quantities or prices per row, mostly the same few values, and the division and ``normalize``
    were a third of a page's Python time. Decimals are immutable, so sharing one is safe."""

    @lru_cache(maxsize=1 << 16)
    def read(value: int) -> Decimal:
        return (Decimal(value) / scale).normalize() + Decimal(0)  # + 0 turns -0 into 0

    return read


class _ScaledInteger(TypeDecorator):
    """A Decimal in Python, an exact integer of 1/scale units in the database."""

    impl = BigInteger
    cache_ok = True
    scale = 1
    _read: Callable[[int], Decimal] = staticmethod(_decimal_reader(1))

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls._read = staticmethod(_decimal_reader(cls.scale))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        scaled = to_decimal(value) * self.scale
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more decimal places than allowed")
        return int(scaled)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return self._read(value if type(value) is int else int(value))

    def process_literal_param(self, value, dialect):
        return str(self.process_bind_param(value, dialect))

    @property
    def python_type(self):
        return Decimal


class Quantity(_ScaledInteger):
    cache_ok = True
    scale = QTY_SCALE


class Money(_ScaledInteger):
    cache_ok = True
    scale = MONEY_SCALE


def round_money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def round_quantity(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class UtcDateTime(TypeDecorator):
    """Aware datetimes in Python, naive UTC in the database (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware datetime")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=dt.timezone.utc)
