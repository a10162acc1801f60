"""Shortcuts for tidy 库存 cells, so reading a 100,000-row stock sheet is not dominated by ``Cells``.

Most stock cells are tidy (plain codes and texts, Excel dates, whole or decimal numbers, values already
seen in the column); each shortcut here takes such a cell directly and gives exactly what the ``Cells``
method would, and hands anything else to ``Cells`` itself, so values and messages are unchanged.
read_stock (excel_typed_rows) uses them; tests/excel/test_tidy_cells.py checks them against Cells.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Callable

from models.documents import excel_values as V
from models.documents.excel_cells import Cells
from models.validation import CODE_PATTERN, NUMBER_LIMIT, QUANTITY_STEP

_CODE_CHARS = CODE_PATTERN.fullmatch
_PARSED: dict[tuple, Any] = {}  # (parser, column key, cell text) → value parsed without a problem
_PARSED_LIMIT = 20_000


def _tidy_code(cells: Cells, key: str, max_length: int = 30) -> str:
    value = cells.values.get(key)
    if type(value) is str and len(value) <= max_length and _CODE_CHARS(value):
        return value  # nothing to trim or normalise, nothing check_code refuses
    return cells.code(key, max_length=max_length)


def _tidy_text(cells: Cells, key: str, max_length: int) -> str:
    value = cells.values.get(key)
    if value is None:
        return ""
    # printable: no control character and no space but " " (so no \u3000 to replace); not at the ends
    if (type(value) is str and len(value) <= max_length and value.isprintable()
            and value[:1] != " " and value[-1:] != " "):
        return value
    return cells.text(key, max_length=max_length)


def _tidy_date(cells: Cells, key: str) -> dt.date | None:
    value = cells.values.get(key)
    kind = type(value)
    if kind is dt.datetime:
        return value.date()
    if kind is dt.date or value is None:
        return value
    return _tidy_parsed(cells, key, V.parse_date_cell)


def _quantity_number(number: Decimal) -> Decimal | None:
    """parse_quantity_cell(allow_zero=True) of a finite number, or None where it would object."""
    if 0 <= number < NUMBER_LIMIT and number == number.quantize(QUANTITY_STEP):
        return number
    return None


def _money_number(number: Decimal) -> Decimal | None:
    if 0 <= number < NUMBER_LIMIT and number == number.quantize(V.MONEY_STEP):
        return number.quantize(V.MONEY_STEP)
    return None


def _tidy_number(cells: Cells, key: str, check: Callable[[Decimal], Decimal | None], parser: Callable[..., Any],
                 **kwargs: Any) -> Decimal | None:
    value = cells.values.get(key)
    kind = type(value)
    if kind is int or kind is float:
        number = Decimal(value) if kind is int else Decimal(repr(value))
        if number.is_finite():
            result = check(number)
            if result is not None:
                return result
    return _tidy_parsed(cells, key, parser, **kwargs)


def _tidy_parsed(cells: Cells, key: str, parser: Callable[..., Any], **kwargs: Any) -> Any:
    """``cells.parse``; text cells parsed without a problem are remembered (a column repeats its prices,
    dates typed as text, words), so the same text is parsed once."""
    value = cells.values.get(key)
    if value is None and not kwargs.get("required"):
        return None
    if type(value) is not str:
        return cells.parse(key, parser, **kwargs)
    found = _PARSED.get((parser, key, value))
    if found is None:
        errors = len(cells.problems.errors)
        found = cells.parse(key, parser, **kwargs)
        if found is not None and len(cells.problems.errors) == errors and len(_PARSED) < _PARSED_LIMIT:
            _PARSED[(parser, key, value)] = found
    return found

