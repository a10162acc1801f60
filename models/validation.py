"""Parsing and checking of values typed by users or read from files, with messages that name the
field and say what to do."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from models.errors import ValidationError
from models.messages import msg

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
CODE_PATTERN = re.compile(r"[0-9A-Za-z\-_./]+")  # what a code may hold (check_code)
QUANTITY_STEP = Decimal("0.001")  # quantities: at most three decimals
NUMBER_LIMIT = Decimal("1e12")  # quantities and amounts must stay below it


def parse_quantity(value: object, field: str = msg("数量"), *, allow_zero: bool = False) -> Decimal:
    """A positive exact quantity with at most three decimals."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(msg("{field}不能为空，请填写一个正数。", field=field), field=field)
    if isinstance(value, bool):
        raise ValidationError(msg("{field}“{value}”不是数字。", field=field, value=value), field=field)
    try:
        if isinstance(value, float):
            number = Decimal(repr(value))
        else:
            number = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        raise ValidationError(msg("{field}“{value}”不是数字，请填写如 100 或 12.5 的数。", field=field, value=value), field=field) from None
    if not number.is_finite():
        raise ValidationError(msg("{field}“{value}”不是有效数字。", field=field, value=value), field=field)
    if number < 0 or (number == 0 and not allow_zero):
        raise ValidationError(msg("{field}必须大于 0（现为 {value}）。", field=field, value=value), field=field)
    if number != number.quantize(QUANTITY_STEP):
        raise ValidationError(msg("{field}最多保留三位小数（现为 {value}）。", field=field, value=value), field=field)
    if number >= NUMBER_LIMIT:
        raise ValidationError(msg("{field} {value} 过大，请检查是否多输了位数。", field=field, value=value), field=field)
    return number


def parse_date(value: object, field: str = msg("日期")) -> dt.date | None:
    """Dates as date objects or text: 2024-05-01, 2024/5/1, 2024.05.01, 2024年5月1日, 20240501."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                break
    raise ValidationError(
        msg("{field}“{text}”不是有效日期，请写成 2026-05-01 的格式。", field=field, text=text), field=field
    )


def check_text(value: str | None, field: str, *, max_length: int, required: bool = False) -> str:
    """Trim a text field; refuse control characters and over-long values instead of truncating."""
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(msg("{field}不能为空。", field=field), field=field)
    if len(text) > max_length:
        raise ValidationError(
            msg("{field}太长（{length} 个字符），最多 {max_length} 个字符。", field=field, length=len(text), max_length=max_length), field=field
        )
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in text) or "\x7f" in text:
        raise ValidationError(msg("{field}中含有不可见的控制字符，请删除后重试。", field=field), field=field)
    return text


def check_code(value: str | None, field: str, *, max_length: int = 30) -> str:
    """Codes (store, item, batch): letters, digits, '-', '_', '.', '/'; no spaces."""
    text = check_text(value, field, max_length=max_length, required=True)
    if not CODE_PATTERN.fullmatch(text):
        raise ValidationError(
            msg("{field}“{text}”只能由字母、数字和 - _ . / 组成。", field=field, text=text), field=field
        )
    return text
