"""Quantities and money read back from their stored integers: the remembered conversion
(``models.schema.base._decimal_reader``) gives exactly what the plain division gave, per scale."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, strategies as st

from models.schema.base import Money, Quantity


def plain(value: int, scale: int) -> Decimal:
    return (Decimal(value) / scale).normalize() + Decimal(0)


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_read_values_equal_the_plain_division(value):
    for column, scale in ((Quantity(), 1000), (Money(), 100)):
        read = column.process_result_value(value, None)
        assert read == plain(value, scale) and str(read) == str(plain(value, scale))


def test_each_scale_has_its_own_memory():
    # the same stored integer read as a quantity, then as money, then as a quantity again
    assert str(Quantity().process_result_value(1500, None)) == "1.5"
    assert str(Money().process_result_value(1500, None)) == "15"
    assert str(Quantity().process_result_value(1500, None)) == "1.5"
    assert str(Quantity().process_result_value(0, None)) == "0"
    assert Money().process_result_value(None, None) is None


def test_drivers_that_return_other_integer_types():
    # psycopg may hand back a numeric type for sums; it is converted to int before the lookup
    assert Quantity().process_result_value(Decimal(2500), None) == Decimal("2.5")
