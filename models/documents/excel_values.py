"""Reading the values of untidy Excel cells: dates typed as text or stored as Excel dates, numbers
typed as text with thousands separators or full-width digits, codes stored as numbers, yes/no.

Every parser raises ``models.errors.ValidationError`` with a Chinese message that quotes the value
found; the importer turns it into a (sheet, row, column, message) problem. Text dates and plain
quantities go through ``models.validation`` so the desktop forms and the import agree.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from models.errors import ValidationError
from models.messages import msg
from models.validation import NUMBER_LIMIT, parse_date, parse_quantity

EXCEL_EPOCH = dt.date(1899, 12, 30)
MONEY_STEP = Decimal("0.01")  # amounts: at most two decimals (fen)
_DATE_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
TOTAL_WORDS = ("合计", "总计", "小计")
EXAMPLE_PREFIXES = ("【示例】", "示例")


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def is_blank(value: object) -> bool:
    # ASCII text is its own NFKC form: normalising only the rest is a large import's cheapest win
    return value is None or (isinstance(value, str) and not (value if value.isascii() else _nfkc(value)).strip())


def cell_text(value: object) -> str:
    """A cell as trimmed text; numbers that are whole print without '.0' (codes, phone numbers)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\u3000", " ").strip()


def code_text(value: object) -> str:
    """Codes typed in Excel often arrive as numbers or with full-width letters: normalise both."""
    return _nfkc(cell_text(value)).strip()


def was_trimmed(value: object) -> bool:
    return isinstance(value, str) and value != value.strip()


def parse_date_cell(value: object, field: str) -> dt.date | None:
    """Excel dates, Excel serial numbers, or text: 2024-05-01, 2024/5/1, 2024年5月1日, 2024.05.01."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = float(value)
        if 20000 <= number <= 80000 and float(number).is_integer():  # 1954 … 2119 as Excel serials
            return EXCEL_EPOCH + dt.timedelta(days=int(number))
        if 19000101 <= number <= 21001231 and float(number).is_integer():  # 20240501
            return parse_date(str(int(number)), field)
        raise ValidationError(msg("{field}“{value}”不是有效日期，请写成 2026-05-01 的格式。", field=field, value=cell_text(value)),
                              field=field)
    text = _nfkc(str(value)).strip()
    text = _DATE_TIME_TAIL.sub("", text).strip()
    return parse_date(text, field)


def number_text(value: object) -> str:
    """'１２，３４５．５' → '12345.5'; '1,234' → '1234'; '1 234' → '1234'."""
    text = _nfkc(str(value)).strip().replace(" ", "").replace("\u00a0", "")
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    return text


def parse_decimal_cell(value: object, field: str) -> Decimal | None:
    """Any number, possibly negative; None when the cell is blank."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValidationError(msg("{field}“{value}”不是数字。", field=field, value=cell_text(value)), field=field)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    text = number_text(value)
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        raise ValidationError(msg("{field}“{value}”不是数字，请填写如 100 或 12.5 的数。", field=field, value=cell_text(value)),
                              field=field) from None
    if not number.is_finite():
        raise ValidationError(msg("{field}“{value}”不是有效数字。", field=field, value=cell_text(value)), field=field)
    return number


def parse_quantity_cell(value: object, field: str, *, allow_zero: bool = False) -> Decimal:
    """A positive quantity (three decimals at most); text with separators is accepted."""
    if isinstance(value, str):
        value = number_text(value)
    number = parse_decimal_cell(value, field)
    if number is not None and number < 0:
        raise ValidationError(msg("{field}不能为负数（现为 {value}）。", field=field, value=cell_text(value)), field=field)
    return parse_quantity(number, field, allow_zero=allow_zero)


def parse_optional_quantity(value: object, field: str) -> Decimal | None:
    if is_blank(value):
        return None
    return parse_quantity_cell(value, field, allow_zero=True)


def parse_money_cell(value: object, field: str) -> Decimal | None:
    """Yuan with at most two decimals (fen), not negative; the '元'/'￥' marks are dropped."""
    if isinstance(value, str):
        value = _nfkc(value).replace("元", "").replace("¥", "").replace("￥", "")
    number = parse_decimal_cell(value, field)
    if number is None:
        return None
    if number < 0:
        raise ValidationError(msg("{field}不能为负数（现为 {value}）。", field=field, value=cell_text(value)), field=field)
    if number != number.quantize(MONEY_STEP):
        raise ValidationError(msg("{field}最多保留两位小数（现为 {value}）。", field=field, value=cell_text(value)), field=field)
    if number >= NUMBER_LIMIT:
        raise ValidationError(msg("{field} {value} 过大，请检查。", field=field, value=cell_text(value)), field=field)
    return number.quantize(MONEY_STEP)


def parse_int_cell(value: object, field: str, *, minimum: int = 0, maximum: int = 100000) -> int | None:
    number = parse_decimal_cell(value, field)
    if number is None:
        return None
    if number != number.to_integral_value() or not minimum <= number <= maximum:
        raise ValidationError(msg("{field}应为 {minimum} 到 {maximum} 之间的整数（现为 {value}）。", field=field,
                                  minimum=minimum, maximum=maximum, value=cell_text(value)), field=field)
    return int(number)


_YES = {"是", "y", "yes", "true", "1", "√", "✓", "需", "需要", "回收", "要"}
_NO = {"否", "n", "no", "false", "0", "×", "不", "不需", "不需要", "不回收", "无", ""}


def parse_bool_cell(value: object, field: str) -> bool:
    if isinstance(value, bool):
        return value
    text = _nfkc(cell_text(value)).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValidationError(msg("{field}“{value}”无法识别，请填写“是”或“否”。", field=field, value=cell_text(value)), field=field)


def is_total_row(values: list[object]) -> bool:
    """A closing 合计/总计 row: one of its first cells says so."""
    for value in values[:4]:  # (ASCII text cannot become 合计: skipped without normalising)
        if isinstance(value, str) and not value.isascii() and normalise_word(value).startswith(TOTAL_WORDS):
            return True
    return False


def is_example_row(values: list[object]) -> bool:
    """The template's example row starts with 【示例】."""
    for value in values:
        if not is_blank(value):
            return isinstance(value, str) and value.strip().startswith(EXAMPLE_PREFIXES)
    return False


def normalise_word(text: str) -> str:
    return re.sub(r"\s+", "", _nfkc(text)).replace(":", "")


def check_credit_code(value: str) -> str:
    """统一社会信用代码 with its check character, by the agreements module's rules."""
    from models.services.credit_code import validate_credit_code  # noqa: PLC0415

    return validate_credit_code(_nfkc(value))
