"""The typed rows of an import workbook's sheets (储备库, 物资目录, 库存, 代储协议, 定额标准) and the
functions that read each from one row's ``Cells``, reporting every problem on the way.

Separate from the workbook reader (excel_rows) so the importer and the exporter can share the row
types and the choice tables (AGREEMENT_TYPES, BASIS_LABELS...) without the XML reading machinery.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from models.documents import excel_headers as H
from models.documents import excel_values as V
from models.documents.excel_cells import Cells
from models.documents.excel_tidy_cells import (
    _money_number, _quantity_number, _tidy_code, _tidy_date, _tidy_number, _tidy_parsed, _tidy_text,
)
from models.errors import ValidationError
from models.messages import Msg, msg
from models.schema.enums import StoreLevel
from models.services.warehouses import parse_level
from models.validation import parse_quantity


@dataclass
class StoreRow:
    row: int
    code: str
    name: str
    level: StoreLevel | None
    area: str
    parent_area: str
    address: str
    keeper: str
    phone: str
    floor_area: Decimal | None

    def key(self) -> tuple:
        return (self.name, self.level, self.area, self.parent_area, self.address, self.keeper, self.phone, self.floor_area)


@dataclass
class ItemRow:
    row: int
    code: str
    name: str
    spec: str
    unit: str
    category_code: str
    category_name: str
    shelf_life_months: int | None
    rotation_lead_days: int | None
    returnable: bool
    unit_price: Decimal | None

    def key(self) -> tuple:
        return (self.name, self.spec, self.unit, self.category_code, self.shelf_life_months,
                self.rotation_lead_days, self.returnable, self.unit_price)


@dataclass(slots=True)
class StockEntry:
    row: int
    store_code: str
    item_code: str
    batch_no: str
    production_date: dt.date | None
    expiry_date: dt.date | None
    quantity: Decimal | None
    unit_price: Decimal | None
    supplier: str
    location: str
    remarks: str
    manufacturer: str = ""
    reserve_mode: str = "government"
    reserved: Decimal | None = None  # 已预留数量 (optional column)


@dataclass
class AgreementRow:
    row: int
    number: str
    enterprise: str
    credit_code: str
    agreement_type: str  # "physical" / "capacity"
    start_date: dt.date | None
    end_date: dt.date | None
    response_hours: int | None
    annual_fee: Decimal | None
    item_code: str
    quantity: Decimal | None
    minimum: Decimal | None
    place: str
    contact: str
    phone: str
    state: str = "active"
    # optional columns (agreement supply as of the export date): latest check, call-ups not yet
    # replenished, and the part of the change since the check that was called up (may be negative)
    check_date: dt.date | None = None
    found: Decimal | None = None
    outstanding: Decimal | None = None
    since_check: Decimal | None = None

    def head(self) -> tuple:
        return (self.enterprise, self.credit_code, self.agreement_type, self.start_date, self.end_date,
                self.response_hours, self.annual_fee, self.place, self.contact, self.phone, self.state)


@dataclass
class StandardRow:
    row: int
    standard: str
    need: str
    unit: str
    basis: str  # per_person_day / per_persons / fixed
    quota: Decimal | None
    item_code: str
    factor: Decimal

    def head(self) -> tuple:
        return (self.unit, self.basis, self.quota)


AGREEMENT_TYPES = {"实物代储": "physical", "实物": "physical", "代储": "physical", "企业代储": "physical",
                   "physical": "physical", "产能储备": "capacity", "产能": "capacity", "capacity": "capacity"}
BASES = {"每人每天": "per_person_day", "每人每日": "per_person_day", "人天": "per_person_day",
         "per_person_day": "per_person_day", "每n人": "per_persons",
         "per_persons": "per_persons", "固定数量": "fixed", "固定": "fixed", "fixed": "fixed"}
BASIS_LABELS = {"per_person_day": "每人每天", "per_persons": "每N人", "fixed": "固定数量"}
TYPE_LABELS = {"physical": "实物代储", "capacity": "产能储备"}


def _level(value: object, field: str) -> StoreLevel:
    return parse_level(V.normalise_word(V.cell_text(value)))


def _choice(table: dict[str, str | None], message: Msg) -> Callable[[object, str], str]:
    def parse(value: object, field: str) -> str:
        word = V.normalise_word(V.cell_text(value)).lower()
        result = table.get(word)
        if result is None:
            raise ValidationError(msg("{field}“{value}”无效，{hint}", field=field, value=V.cell_text(value), hint=message),
                                  field=field)
        return result
    return parse


_agreement_type = _choice(AGREEMENT_TYPES, msg("应为“实物代储”或“产能储备”。"))
_agreement_state = _choice({"草稿": "draft", "draft": "draft", "有效": "active", "生效": "active", "active": "active",
                            "已到期": "active", "到期": "active", "expired": "active", "已终止": "terminated",
                            "终止": "terminated", "terminated": "terminated"},
                           msg("应为“草稿”“有效”“已到期”或“已终止”（不填为有效）。"))
_reserve_mode = _choice({"政府实物储备": "government", "政府储备": "government", "实物储备": "government",
                         "government": "government", "部门储备": "department", "department": "department",
                         "群众号料": "pledged", "pledged": "pledged"},
                        msg("应为“政府实物储备”“部门储备”或“群众号料”（不填为政府实物储备）。"))
_basis = _choice(BASES, msg("应为“每人每天”“每N人”或“固定数量”。"))


def _ratio(value: object, field: str) -> Decimal:
    """Quotas and factors: up to nine decimals (the standards module's rule), text numbers accepted."""
    from models.services.standards import parse_ratio  # noqa: PLC0415

    return parse_ratio(V.number_text(value) if isinstance(value, str) else value, field)


def _positive(value: object, field: str) -> Decimal:
    return V.parse_quantity_cell(value, field)


def _signed_quantity(value: object, field: str) -> Decimal | None:
    """A quantity that may be negative (three decimals at most)."""
    number = V.parse_decimal_cell(V.number_text(value) if isinstance(value, str) else value, field)
    if number is None:
        return None
    magnitude = parse_quantity(abs(number), field, allow_zero=True)
    return -magnitude if number < 0 else magnitude


def read_store(cells: Cells) -> StoreRow:
    return StoreRow(
        cells.row, cells.code("code"), cells.text("name", max_length=200, required=True),
        cells.parse("level", _level, required=True), cells.text("area", max_length=130, required=True),
        cells.text("parent_area", max_length=130), cells.text("address", max_length=300),
        cells.text("keeper", max_length=100), cells.text("phone", max_length=50),
        cells.parse("floor_area", V.parse_money_cell),
    )


def read_item(cells: Cells) -> ItemRow:
    return ItemRow(
        cells.row, cells.code("code"), cells.text("name", max_length=200, required=True),
        cells.text("spec", max_length=200), cells.text("unit", max_length=20, required=True),
        cells.code("category_code", required=False, max_length=7),
        cells.text("category_name", max_length=100),
        cells.parse("shelf_life_months", V.parse_int_cell, minimum=1, maximum=10000),
        cells.parse("rotation_lead_days", V.parse_int_cell, minimum=0, maximum=10000),
        bool(cells.parse("returnable", V.parse_bool_cell)),
        cells.parse("unit_price", V.parse_money_cell),
    )


def read_stock(cells: Cells) -> StockEntry:
    """A 库存 row. Tidy cells (the usual case: plain codes and texts, Excel dates, whole or decimal
    numbers, values already seen in the column) are taken by the ``_tidy_*`` shortcuts, which give
    exactly what the ``Cells`` method would; anything else — and every problem — goes through
    ``Cells`` itself, so values and messages are unchanged."""
    entry = StockEntry(
        cells.row, _tidy_code(cells, "store_code"), _tidy_code(cells, "item_code"),
        _tidy_text(cells, "batch_no", 60),  # real batch numbers may be text ("无批次", "2024年第3批")
        _tidy_date(cells, "production_date"), _tidy_date(cells, "expiry_date"),
        _tidy_number(cells, "quantity", _quantity_number, V.parse_quantity_cell, required=True, allow_zero=True),
        _tidy_number(cells, "unit_price", _money_number, V.parse_money_cell),
        _tidy_text(cells, "supplier", 200), _tidy_text(cells, "location", 100),
        _tidy_text(cells, "remarks", 500), _tidy_text(cells, "manufacturer", 200),
        _tidy_parsed(cells, "reserve_mode", _reserve_mode) or "government",
        _tidy_parsed(cells, "reserved", V.parse_optional_quantity) or None,
    )
    if entry.production_date and entry.expiry_date and entry.expiry_date < entry.production_date:
        cells.problems.error(cells.sheet, cells.row, "有效期至",
                             msg("有效期至 {expiry} 早于生产日期 {production}，请检查日期。",
                                 expiry=str(entry.expiry_date), production=str(entry.production_date)))
    if entry.reserved and entry.quantity is not None and entry.reserved > entry.quantity:
        cells.problems.error(cells.sheet, cells.row, "已预留数量",
                             msg("已预留数量 {reserved} 大于数量 {quantity}，预留不能超过结存。",
                                 reserved=f"{entry.reserved.normalize():f}", quantity=f"{entry.quantity.normalize():f}"))
    return entry


def read_agreement(cells: Cells) -> AgreementRow:
    credit = cells.text("credit_code", max_length=30, required=True)
    if credit:
        try:
            credit = V.check_credit_code(credit)
        except ValidationError as exc:
            cells.problems.error(cells.sheet, cells.row, "统一社会信用代码", exc.chinese)
    row = AgreementRow(
        cells.row, cells.code("number", max_length=60), cells.text("enterprise", max_length=200, required=True),
        credit, cells.parse("agreement_type", _agreement_type, required=True) or "",
        cells.parse("start_date", V.parse_date_cell, required=True),
        cells.parse("end_date", V.parse_date_cell, required=True),
        cells.parse("response_hours", V.parse_int_cell, minimum=1, maximum=10000),
        cells.parse("annual_fee", V.parse_money_cell), cells.code("item_code"),
        cells.parse("quantity", _positive, required=True),
        cells.parse("minimum", V.parse_optional_quantity),
        cells.text("place", max_length=300), cells.text("contact", max_length=100), cells.text("phone", max_length=50),
        cells.parse("state", _agreement_state) or "active",
        cells.parse("check_date", V.parse_date_cell), cells.parse("found", V.parse_optional_quantity),
        cells.parse("outstanding", V.parse_optional_quantity) or None,
        cells.parse("since_check", _signed_quantity) or None,
    )
    _check_agreement_supply(cells, row)
    if row.start_date and row.end_date and row.end_date < row.start_date:
        cells.problems.error(cells.sheet, cells.row, "结束日期", msg("结束日期 {end} 早于开始日期 {start}。", end=str(row.end_date), start=str(row.start_date)))
    if row.quantity is not None and row.minimum is not None and row.minimum > row.quantity:
        cells.problems.error(cells.sheet, cells.row, "最低数量",
                             msg("最低数量 {minimum} 大于协议数量 {quantity}。", minimum=str(row.minimum), quantity=str(row.quantity)))
    return row


def _check_agreement_supply(cells: Cells, row: AgreementRow) -> None:
    """The optional check / call-up columns must describe something that can have happened."""
    def error(column: str, message: str) -> None:
        cells.problems.error(cells.sheet, cells.row, column, message)

    if (row.check_date is None) != (row.found is None):
        error("最近核查日期" if row.check_date is None else "核查数量",
              msg("最近核查日期和核查数量应同时填写或同时留空。"))
    if row.since_check and row.check_date is None:
        error("核查后调用数量", msg("没有最近核查日期时，核查后调用数量应留空。"))
    if row.since_check and (row.outstanding or 0) < row.since_check:
        error("已调用数量", msg("已调用数量 {outstanding} 小于核查后调用数量 {since}：核查后调用的部分包含在已调用数量中。",
                        outstanding=f"{(row.outstanding or 0).normalize():f}", since=f"{row.since_check.normalize():f}"))
    if (row.check_date or row.outstanding) and row.state == "draft":
        error("状态", msg("草稿协议还没有生效，不能有核查或调用记录；请把状态改为“有效”或清空这些列。"))
    if row.check_date and row.start_date and row.check_date < row.start_date:
        error("最近核查日期", msg("最近核查日期 {check} 早于协议开始日期 {start}。", check=str(row.check_date), start=str(row.start_date)))


def read_standard(cells: Cells) -> StandardRow:
    return StandardRow(
        cells.row, cells.text("standard", max_length=100, required=True), cells.text("need", max_length=100, required=True),
        cells.text("unit", max_length=20, required=True), cells.parse("basis", _basis, required=True) or "",
        cells.parse("quota", _ratio, required=True), cells.code("item_code", required=False),
        cells.parse("factor", _ratio) or Decimal(1),
    )


READERS = {H.STORES: read_store, H.ITEMS: read_item, H.STOCK: read_stock,
           H.AGREEMENTS: read_agreement, H.STANDARDS: read_standard}

