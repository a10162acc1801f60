"""台账导出: the reserve as a workbook an office can file, print and import again.

Sheets 储备库, 物资目录, 库存, 代储协议, 定额标准 (the import contract, so importing an export into an
empty database reproduces them) plus 出入库流水 (the ledger, for reading only). Each sheet has a title
row, a frozen header, column widths, date and number formats, a closing 合计 row where sums mean
something, header rows repeated on every printed page and A4 landscape fitted to the page width.

``--store`` limits stores, stock and ledger to one store (the catalogue, agreements and standards are
shared and always complete); ``--year`` limits the ledger to documents dated in that year.

Beyond the contract's columns the export writes optional ones so that an import into an empty
database gives the same stock *and* the same adequacy result: 库存 已预留数量 (``Balance.reserved``)
and, per agreement line, 最近核查日期 / 核查数量 / 已调用数量 / 核查后调用数量 (what
``agreements.agreement_supply`` counts, as of the export date; see excel_import_extra.py for how
they come back). What the workbook does not carry: the dispatch orders behind the reservations, the
full history of checks, call-ups and renewals, a standard's description and season, and the ledger
history itself (it comes back as one opening-balance receipt per store).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import and_, extract, select
from sqlalchemy.orm import Session, selectinload

from models.context import ServiceContext
from models.documents import excel_headers as H
from models.documents.excel_areas import area_label
from models.documents.excel_fast_rows import RawRows, save_with_rows
from models.documents.excel_rows import BASIS_LABELS, TYPE_LABELS
from models.schema.agreements import Agreement, AgreementLine
from models.schema.catalog import Item
from models.schema.documents import Document
from models.schema.enums import Role
from models.schema.standards import Need, NeedItem, Standard
from models.schema.stock import Balance, Batch, Movement
from models.schema.users import User
from models.schema.warehouse import Store
from models.services.lookup import store_by_code
from models.services import agreements
from models.services.permissions import can_read_store

DATE_FORMAT = "yyyy-mm-dd"
QTY_FORMAT = "#,##0.###"
MONEY_FORMAT = "#,##0.00"
INT_FORMAT = "0"
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
_CHUNK = 2000  # rows fetched at a time from the big sheets' queries


@dataclass(frozen=True)
class Col:
    header: str
    width: int = 12
    fmt: str | None = None  # number format
    total: bool = False  # summed in the 合计 row


@dataclass
class ExportResult:
    path: Path
    counts: dict[str, int]

    def as_json(self) -> dict:
        return {"ok": True, "file": str(self.path), "sheets": dict(self.counts)}


def export_workbook(ctx: ServiceContext, path: str | Path, *, store_code: str | None = None,
                    year: int | None = None, fast: bool = True) -> ExportResult:
    """Write the workbook; keepers get only the stores they may read. ``fast=False`` writes the data
    rows through openpyxl's cells too (the same workbook, slower: kept to check the fast path)."""
    path = Path(path)
    today = ctx.today()
    scope = f"（{store_code}）" if store_code else ""
    workbook = Workbook(write_only=True)  # streamed: rows go to a temporary file, not into memory
    raw: dict[str, RawRows] | None = {} if fast else None  # data rows as XML text (excel_fast_rows.py)
    counts: dict[str, int] = {}
    with ctx.read() as session:
        only = store_by_code(session, store_code).id if store_code else None
        visible = _visible_store_ids(ctx, session, only)
        sheets = (
            (H.STORES, f"储备库一览{scope}", _store_cols(), _store_rows(session, visible)),
            (H.ITEMS, "物资目录", _item_cols(), _item_rows(session)),
            (H.STOCK, f"库存结存{scope}", _stock_cols(), _stock_rows(session, visible)),
            (H.AGREEMENTS, "代储协议", _agreement_cols(), _agreement_rows(session, today)),
            (H.STANDARDS, "定额标准", _standard_cols(), _standard_rows(session)),
            (H.LEDGER, f"出入库流水{scope}" + (f"（{year} 年）" if year else ""), _ledger_cols(),
             _ledger_rows(session, visible, year)),
        )
        for name, title, cols, rows in sheets:
            counts[name] = write_sheet(workbook, name, f"{title}　导出日期：{today.isoformat()}", cols, rows, raw)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_with_rows(workbook, path, raw or {})
    return ExportResult(path, counts)


def _visible_store_ids(ctx: ServiceContext, session: Session, only: int | None) -> list[int]:
    ids = [only] if only is not None else list(session.scalars(select(Store.id)))
    return [store_id for store_id in ids if can_read_store(ctx.actor, store_id)] if ctx.actor.role is Role.KEEPER else ids


# --- formatting -------------------------------------------------------------------------------

def write_sheet(workbook: Workbook, name: str, title: str, cols: Sequence[Col], rows: Any,
                raw: dict[str, RawRows] | None = None) -> int:
    """Title row, header row, data, 合计 row; frozen header, print titles, A4 landscape.

    Works for a normal and a write-only (streaming) workbook alike: every cell goes in through
    ``append`` as a ``WriteOnlyCell``, and everything written at the top of a streamed sheet (column
    widths, frozen panes, page setup properties, the title row's height) is set before the first row. Data cells share one
    named style per number format instead of being styled attribute by attribute. With ``raw`` (a
    write-only workbook saved by ``save_with_rows``), the data rows are written as XML text instead
    (excel_fast_rows.py): the same cells, many times faster."""
    sheet = workbook.create_sheet(name)
    width = len(cols)
    last_col = get_column_letter(width)
    for index, col in enumerate(cols, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = col.width
    sheet.freeze_panes = "A3"
    sheet.row_dimensions[1].height = 26
    sheet.print_title_rows = "1:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddHeader.right.text = "&A"
    title_cell = WriteOnlyCell(sheet, title)
    title_cell.font = Font(size=14, bold=True)
    title_cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.append([title_cell])
    if width > 1:
        sheet.merged_cells.add(CellRange(f"A1:{last_col}1"))
    header = []
    for col in cols:
        cell = WriteOnlyCell(sheet, col.header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header.append(cell)
    sheet.append(header)
    styles = _CellStyles(workbook)
    plain = [col.fmt is None for col in cols]
    summed = [index for index, col in enumerate(cols) if col.total]
    totals = [Decimal(0)] * width
    count = 0
    fast = RawRows(sheet, width) if raw is not None else None
    for row in rows:
        count += 1
        if fast is not None:
            fast.add([_cell_value(value) for value in row],
                     [fast.style_id(styles.name(None if plain[index] else _format_for(cols[index].fmt, value)))
                      for index, value in enumerate(row)])
        else:
            cells = []
            for index, value in enumerate(row):
                cell = WriteOnlyCell(sheet, _cell_value(value))
                cell.style = styles.name(None if plain[index] else _format_for(cols[index].fmt, value))
                cells.append(cell)
            sheet.append(cells)
        for index in summed:
            value = row[index]
            if isinstance(value, (int, Decimal)):
                totals[index] += value
    if summed:
        total_row = []
        for index, col in enumerate(cols):
            value = f"合计（{count} 行）" if index == 0 else (_cell_value(totals[index]) if col.total else None)
            cell = WriteOnlyCell(sheet, value)
            cell.font = Font(bold=True)
            cell.fill = TOTAL_FILL
            cell.border = BORDER
            if col.fmt and col.total:
                cell.number_format = _format_for(col.fmt, totals[index])
            total_row.append(cell)
        sheet.append(total_row)
    if count:
        sheet.auto_filter.ref = f"A2:{last_col}{count + 2}"
    if fast is not None:
        raw[sheet.title] = fast
    return count


class _CellStyles:
    """One named style (thin border + number format) per number format, registered once per workbook."""

    def __init__(self, workbook: Workbook):
        self.workbook = workbook
        self.names: dict[str | None, str] = {}

    def name(self, fmt: str | None) -> str:
        name = self.names.get(fmt)
        if name is None:
            name = f"台账 {fmt or '常规'}"
            if name not in self.workbook.style_names:
                style = NamedStyle(name=name, border=BORDER)
                if fmt:
                    style.number_format = fmt
                self.workbook.add_named_style(style)
            self.names[fmt] = name
        return name


def _format_for(fmt: str, value: Any) -> str:
    """Whole quantities without a dangling decimal point ('#,##0.###' shows 12000 as '12,000.')."""
    if fmt == QTY_FORMAT and isinstance(value, (int, Decimal)) and value == int(value):
        return "#,##0"
    return fmt


def _cell_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return value


def _spec_cols(spec: H.SheetSpec, formats: dict[str, str] | None = None, totals: Sequence[str] = ()) -> list[Col]:
    formats = formats or {}
    return [Col(c.header, c.width, formats.get(c.key), c.key in totals) for c in spec.columns]


# --- sheets -----------------------------------------------------------------------------------

def _store_cols() -> list[Col]:
    return _spec_cols(H.STORE_SHEET, {"floor_area": MONEY_FORMAT}, totals=("floor_area",))


def _store_rows(session: Session, visible: list[int]):
    stores = session.scalars(select(Store).where(Store.id.in_(visible or [-1]))
                             .options(selectinload(Store.area)).order_by(Store.level, Store.code))
    for store in stores:
        area = store.area
        parent = area.parent
        yield (store.code, store.name, store.level.label, area_label(area.name, area.code),
               area_label(parent.name, parent.code) if parent else "", store.address, store.keeper_name,
               store.keeper_phone, store.floor_area)


def _item_cols() -> list[Col]:
    return _spec_cols(H.ITEM_SHEET, {"unit_price": MONEY_FORMAT, "shelf_life_months": INT_FORMAT,
                                     "rotation_lead_days": INT_FORMAT})


def _item_rows(session: Session):
    for item in session.scalars(select(Item).options(selectinload(Item.category)).order_by(Item.code)):
        category = item.category
        yield (item.code, item.name, item.spec, item.unit, category.code if category else "",
               category.name if category else "", item.shelf_life_months, item.rotation_lead_days,
               "是" if item.returnable else "否", item.unit_price)


def _stock_cols() -> list[Col]:
    return [Col("储备库编码", 11), Col("储备库名称", 20), Col("物资编码", 11), Col("物资名称", 18), Col("规格型号", 14),
            Col("计量单位", 7), Col("批次号", 14), Col("生产日期", 11, DATE_FORMAT), Col("有效期至", 11, DATE_FORMAT),
            Col("数量", 11, QTY_FORMAT), Col("单价（元）", 10, MONEY_FORMAT),
            Col("金额（元）", 13, MONEY_FORMAT, total=True), Col("供应商", 18), Col("存放位置", 10), Col("备注", 14),
            Col("生产厂家", 16), Col("储备方式", 12), Col("已预留数量", 10, QTY_FORMAT)]


def _stock_rows(session: Session, visible: list[int]):
    stmt = (select(Store.code, Store.name, Item.code, Item.name, Item.spec, Item.unit, Batch.batch_no,
                   Batch.production_date, Batch.expiry_date, Balance.quantity, Batch.unit_price, Item.unit_price,
                   Batch.supplier, Batch.manufacturer, Batch.reserve_mode, Balance.reserved)
            .join(Store, Store.id == Balance.store_id).join(Item, Item.id == Balance.item_id)
            .join(Batch, Batch.id == Balance.batch_id)
            .where(Balance.quantity > 0, Balance.store_id.in_(visible or [-1]))
            .order_by(Store.code, Item.code, Balance.expiry_date, Batch.batch_no))
    for (store_code, store_name, item_code, item_name, spec, unit, batch_no, produced, expiry, quantity, price,
         item_price, supplier, manufacturer, reserve_mode, reserved) in session.execute(stmt).yield_per(_CHUNK):
        shown = price if price is not None else item_price
        amount = (quantity * shown).quantize(Decimal("0.01")) if shown is not None else None
        yield (store_code, store_name, item_code, item_name, spec, unit, batch_no, produced, expiry, quantity, price,
               amount, supplier, "", "", manufacturer, reserve_mode.label, reserved or None)


def _agreement_cols() -> list[Col]:
    cols = _spec_cols(H.AGREEMENT_SHEET, {"start_date": DATE_FORMAT, "end_date": DATE_FORMAT,
                                          "annual_fee": MONEY_FORMAT, "quantity": QTY_FORMAT,
                                          "minimum": QTY_FORMAT, "response_hours": INT_FORMAT,
                                          "check_date": DATE_FORMAT, "found": QTY_FORMAT, "outstanding": QTY_FORMAT,
                                          "since_check": QTY_FORMAT})
    cols.insert(9, Col("物资名称", 16))
    return cols


def _agreement_rows(session: Session, today: dt.date):
    stmt = (select(AgreementLine, Agreement).join(Agreement, Agreement.id == AgreementLine.agreement_id)
            .options(selectinload(AgreementLine.item), selectinload(AgreementLine.agreement).selectinload(Agreement.enterprise))
            .order_by(Agreement.number, AgreementLine.line_no))
    supply = _agreement_supply_columns(session, today)
    for line, agreement in session.execute(stmt):
        enterprise = agreement.enterprise
        yield (agreement.number, enterprise.name, enterprise.credit_code, TYPE_LABELS[agreement.agreement_type.value],
               agreement.start_date, agreement.end_date, agreement.response_hours, agreement.annual_fee,
               line.item.code, line.item.name, line.guaranteed_quantity, line.minimum_quantity,
               agreement.storage_place, enterprise.contact, enterprise.phone, agreement.state.label,
               *supply.get(line.id, (None, None, None, None)))


def _agreement_supply_columns(session: Session, today: dt.date) -> dict[int, tuple]:
    """Per agreement line: (latest check date, found, outstanding call-ups, net called since the check)
    as of ``today`` — the inputs of ``agreements._available``, blank where there is nothing."""
    latest = agreements._latest_checks()
    checks = {line_id: (day, found) for line_id, found, day in session.execute(
        select(latest.c.line_id, latest.c.found_quantity, latest.c.check_date).where(latest.c.rn == 1))}
    events = agreements._movements(session, select(AgreementLine.id))
    result = {}
    for line_id in set(checks) | set(events):
        day, found = checks.get(line_id, (None, None))
        relevant = [(when, delta) for when, delta in events.get(line_id, []) if when <= today]
        outstanding = -sum((delta for _, delta in relevant), Decimal(0))
        since = None
        if day is not None:  # same-day call-ups count after the check, same-day replenishments before
            since = -sum((delta for when, delta in relevant if when > day or (when == day and delta < 0)), Decimal(0))
        result[line_id] = (day, found, outstanding or None, since or None)
    return result


def _standard_cols() -> list[Col]:
    cols = _spec_cols(H.STANDARD_SHEET)  # quotas and factors keep up to nine places: General shows them best
    cols.insert(6, Col("物资名称", 16))
    return cols


def _standard_rows(session: Session):
    standards = session.scalars(select(Standard).options(
        selectinload(Standard.needs).selectinload(Need.items).selectinload(NeedItem.item)).order_by(Standard.name))
    for standard in standards:
        for need in standard.needs:
            label = BASIS_LABELS[need.basis.value]
            if not need.items:
                yield (standard.name, need.name, need.unit, label, need.quota, "", "", None)
            for link in need.items:
                yield (standard.name, need.name, need.unit, label, need.quota, link.item.code, link.item.name, link.factor)


def _ledger_cols() -> list[Col]:
    widths = {"日期": 11, "时间": 7, "单号": 20, "单据类型": 10, "储备库名称": 18, "物资名称": 16, "规格型号": 12,
              "计量单位": 7, "批次号": 14, "有效期至": 11, "经办人": 9}
    formats = {"日期": DATE_FORMAT, "有效期至": DATE_FORMAT, "入库": QTY_FORMAT, "出库": QTY_FORMAT, "结存": QTY_FORMAT}
    return [Col(h, widths.get(h, 11), formats.get(h), h in ("入库", "出库")) for h in H.LEDGER_HEADERS]


def _ledger_rows(session: Session, visible: list[int], year: int | None):
    """Plain columns (no ORM entity per movement), streamed in chunks of ``_CHUNK`` rows."""
    stmt = (select(Document.doc_date, Movement.occurred_at, Document.number, Document.doc_type, Store.code,
                   Store.name, Item.code, Item.name, Item.spec, Item.unit, Batch.batch_no, Batch.expiry_date,
                   Movement.delta, Movement.balance_after, User.username)
            .join(Document, Document.id == Movement.document_id).join(Store, Store.id == Movement.store_id)
            .join(Item, Item.id == Movement.item_id).join(Batch, Batch.id == Movement.batch_id)
            .outerjoin(User, User.id == Movement.user_id)
            .where(Movement.store_id.in_(visible or [-1]))
            .order_by(Movement.occurred_at, Movement.id))
    if year:
        stmt = stmt.where(and_(extract("year", Document.doc_date) == year))
    labels: dict[Any, str] = {}
    for (doc_date, occurred_at, number, doc_type, store_code, store_name, item_code, item_name, spec, unit,
         batch_no, expiry, delta, balance_after, username) in session.execute(stmt).yield_per(_CHUNK):
        label = labels.get(doc_type)
        if label is None:
            label = labels[doc_type] = doc_type.label
        yield (doc_date, occurred_at.astimezone().strftime("%H:%M"), number, label, store_code, store_name,
               item_code, item_name, spec, unit, batch_no, expiry, delta if delta > 0 else None,
               -delta if delta < 0 else None, balance_after, username or "")
