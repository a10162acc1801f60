"""台账导入: bring a county's Excel reserve workbook into the database.

Two phases. **Check**: every sheet is read (the 库存 sheet as a stream) and every problem is
collected as (sheet, Excel row, column, message); codes are checked against the database and
against the other sheets of the same workbook. If there is any error nothing is written. The
checked 库存 rows are kept in a temporary spill file (excel_spill.py), so the sheet is parsed once.
**Write**: one transaction creates areas, categories, stores, items, opening-balance receipts
(期初导入), agreements and standards through the services' building blocks; a cancel request or any
failure rolls it all back.

Idempotency of opening balances: for each store the 库存 rows are hashed into an order-independent
digest (the sum modulo 2**80 of SHA-256 over store, item, batch, dates and quantity of every row);
the receipts carry ``reference = "期初导入:<digest>"``. When a receipt with that reference already
exists for the store, the rows are skipped with a warning naming the receipt, so importing the same
file twice never doubles stock. A different set of rows for the same store (a corrected sheet) has a
different digest and is imported, with a warning that earlier opening balances exist.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from models.context import ServiceContext
from models.documents import excel_headers as H
from models.documents.excel_rows import (
    AgreementRow, Cells, ImportCancelled, ItemRow, Problem, Problems, StandardRow, StockEntry, StoreRow,
    WorkbookReader, read_agreement, read_item, read_standard, read_stock, read_store,
)
from models.documents.excel_areas import AreaPlanner
from models.documents.excel_spill import StockSpill
from models.errors import DomainError
from models.messages import Msg, msg
from models.schema.agreements import Agreement, Enterprise
from models.schema.catalog import Category, Item
from models.schema.standards import Standard
from models.schema.documents import Document
from models.schema.enums import DocType
from models.schema.stock import Batch
from models.schema.warehouse import Area, Store
from models.services import ledger
from models.services.catalog import normalise_category_code, validate_category_code
from models.services.permissions import require_catalog_edit
from models.starter_catalog import STARTER_CATEGORIES

OPENING_REFERENCE = "期初导入"
DIGEST_MODULUS = 2 ** 80
BATCH_CHECK_CHUNK = 1000
ProgressFn = Callable[[int, int], None]


@dataclass
class ImportReport:
    ok: bool
    dry_run: bool = False
    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("stores", "items", "batches", "agreements", "standards"), 0))
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        if not self.ok:
            return {"ok": False, "errors": [p.as_json() for p in self.errors],
                    "warnings": [p.as_json() for p in self.warnings]}
        return {"ok": True, "created": dict(self.created), "warnings": [p.as_json() for p in self.warnings],
                "dry_run": self.dry_run, "documents": list(self.documents)}


@dataclass
class ItemFacts:
    name: str
    shelf_life_months: int | None
    unit_price: Any


@dataclass
class Known:
    """What the database already holds, loaded once before checking."""

    stores: dict[str, str] = field(default_factory=dict)  # code → name
    items: dict[str, ItemFacts] = field(default_factory=dict)
    categories: set[str] = field(default_factory=set)
    batches: dict[tuple[str, str], tuple] = field(default_factory=dict)  # (item, batch) → (production, expiry)
    ctx: ServiceContext | None = None  # for batch look-ups a chunk at a time (a city has millions)

    def fetch_batches(self, keys: set[tuple[str, str]]) -> None:
        """Load the database's dates of these (item code, batch number) pairs into ``batches``."""
        if not keys or self.ctx is None:
            return
        with self.ctx.read() as session:
            driver = ledger._Driver(session)  # the keys' look-up as fast on SQLite as on PostgreSQL
            production, expiry = (driver.result(Batch.__table__.c[name]) for name in ("production_date", "expiry_date"))
            for item_code, batch_no, made, expires in driver.keys_in(
                    "SELECT items.code, batches.batch_no, batches.production_date, batches.expiry_date",
                    "items JOIN batches ON batches.item_id = items.id", ("items.code", "batches.batch_no"), sorted(keys)):
                self.batches[(item_code, batch_no)] = (production(made), expiry(expires))
    opening: dict[str, str] = field(default_factory=dict)  # reference → document number
    opening_stores: dict[str, str] = field(default_factory=dict)  # store code → an opening document number
    agreements: set[str] = field(default_factory=set)
    enterprises: dict[str, str] = field(default_factory=dict)  # credit code → name
    areas: list[tuple[str, str, str]] = field(default_factory=list)  # (code, name, kind)
    standards: set[str] = field(default_factory=set)


@dataclass
class Plan:
    areas: AreaPlanner
    store_area: dict[str, str] = field(default_factory=dict)  # new store code → area code
    categories: list[tuple[str, str]] = field(default_factory=list)  # parents first
    stores: list[StoreRow] = field(default_factory=list)
    items: list[ItemRow] = field(default_factory=list)
    item_facts: dict[str, ItemFacts] = field(default_factory=dict)
    stock_reference: dict[str, str] = field(default_factory=dict)  # store code → reference
    stock_skip: set[str] = field(default_factory=set)
    stock_balances: int = 0  # distinct (store, item, batch) to post
    stock_rows_read: int = 0  # rows the write pass will go through (for its progress)
    stock_spill: StockSpill | None = None  # the checked 库存 rows, for the write pass
    agreements: dict[str, list[AgreementRow]] = field(default_factory=dict)
    standards: dict[str, list[StandardRow]] = field(default_factory=dict)
    existing_standards: set[str] = field(default_factory=set)


class Progress:
    """Counts rows for ``progress(done, total)`` and honours the cancel flag between rows."""

    def __init__(self, callback: ProgressFn | None, cancel: Any, total: int) -> None:
        # total 0 = unknown (writers that record no sheet size): callers show a busy indicator
        self.callback, self.cancel, self.total, self.done = callback, cancel, total, 0

    def cancelled(self) -> bool:
        if self.cancel is None:
            return False
        return bool(self.cancel.is_set() if hasattr(self.cancel, "is_set") else self.cancel())

    def tick(self) -> None:
        self.done += 1
        if self.done % 200 == 0:
            self.check()
            if self.callback is not None:
                if self.total and self.total < self.done:
                    self.total = 0  # the estimate was wrong: say "unknown" rather than go past 100 %
                self.callback(self.done, self.total)

    def check(self) -> None:
        if self.cancelled():
            raise ImportCancelled(msg("导入已取消，数据库没有任何改动。"))

    def finish(self) -> None:
        if self.callback is not None:
            self.callback(self.done, self.done)


def import_workbook(
    ctx: ServiceContext,
    path: str | Path,
    *,
    dry_run: bool = False,
    as_of: dt.date | None = None,
    column_maps: dict[str, dict[str, str]] | None = None,
    progress: ProgressFn | None = None,
    cancel: Any = None,
) -> ImportReport:
    """Check the workbook and, if it has no errors (and not ``dry_run``), import it in one transaction.

    Raises ``ImportCancelled`` when cancelled (the database is unchanged) and ``DomainError`` for a
    file that cannot be read at all; problems in the content come back in the report.
    """
    require_catalog_edit(ctx.actor)
    as_of = as_of or ctx.today()
    problems = Problems()
    reader = WorkbookReader(path, problems, column_maps)
    plan: Plan | None = None
    try:
        for title in reader.unmatched_sheets:
            problems.warn(title, 0, "", msg("工作表“{sheet}”不是可导入的表（{sheets}），已忽略。", sheet=title,
                                              sheets="、".join(s.name for s in H.IMPORT_SHEETS)))
        if not reader.sheets and not problems.errors:
            problems.error(Path(path).name, 0, "", "工作簿中没有可导入的工作表（储备库、物资目录、库存、代储协议、定额标准）。")
        estimated = sum(s.estimated_rows for s in reader.sheets.values())
        stock_rows = reader.sheets[H.STOCK].estimated_rows if H.STOCK in reader.sheets else 0
        ticker = Progress(progress, cancel, estimated + (0 if dry_run else stock_rows))
        known = load_known(ctx)
        plan = check_workbook(reader, known, problems, ticker)
        problems.finish()
        report = ImportReport(ok=not problems.errors, dry_run=dry_run, errors=reader.with_cells(problems.errors),
                              warnings=reader.with_cells(problems.warnings))
        if not report.ok:
            return report
        report.created = _created_counts(plan)
        if dry_run:
            ticker.finish()
            return report
        ticker.check()
        ticker.total = ticker.done + plan.stock_rows_read  # the write pass goes through 库存 again: known exactly
        from models.documents.excel_import_write import write_plan  # noqa: PLC0415 - keeps import light

        report.created, report.documents, extra = write_plan(ctx, reader, plan, as_of, ticker, Path(path).name)
        report.warnings.extend(extra)
        ticker.finish()
        return report
    finally:
        reader.close()
        if plan is not None and plan.stock_spill is not None:
            plan.stock_spill.close()


def _created_counts(plan: Plan) -> dict[str, int]:
    return {"stores": len(plan.stores), "items": len(plan.items), "batches": plan.stock_balances,
            "agreements": len(plan.agreements),
            "standards": sum(1 for name in plan.standards if name not in plan.existing_standards)}


def load_known(ctx: ServiceContext) -> Known:
    known = Known(ctx=ctx)
    with ctx.read() as session:
        known.stores = dict(session.execute(select(Store.code, Store.name)).all())
        for code, name, shelf, price in session.execute(
                select(Item.code, Item.name, Item.shelf_life_months, Item.unit_price)):
            known.items[code] = ItemFacts(name, shelf, price)
        known.categories = set(session.scalars(select(Category.code)))
        for reference, number, store_code in session.execute(
                select(Document.reference, Document.number, Store.code).join(Store, Store.id == Document.store_id)
                .where(Document.doc_type == DocType.RECEIPT, Document.reference.like(f"{OPENING_REFERENCE}:%"))):
            known.opening.setdefault(reference, number)
            known.opening_stores.setdefault(store_code, number)
        known.agreements = set(session.scalars(select(Agreement.number)))
        known.enterprises = dict(session.execute(select(Enterprise.credit_code, Enterprise.name)).all())
        known.standards = set(session.scalars(select(Standard.name)))
        known.areas = [(code, name, kind.value) for code, name, kind in session.execute(
            select(Area.code, Area.name, Area.kind))]
    return known


def check_workbook(reader: WorkbookReader, known: Known, problems: Problems, ticker: Progress) -> Plan:
    plan = Plan(areas=AreaPlanner(known.areas), existing_standards=known.standards)
    stores = _read_all(reader, H.STORES, read_store, ticker)
    items = _read_all(reader, H.ITEMS, read_item, ticker)
    workbook_stores = _check_stores(stores, known, plan, problems, reader)
    workbook_items = _check_items(items, known, plan, problems, reader)
    store_codes = set(known.stores) | workbook_stores
    item_codes = set(known.items) | workbook_items
    if H.STOCK in reader.sheets:
        _check_stock(reader, known, plan, problems, store_codes, item_codes, ticker)
    agreements = _read_all(reader, H.AGREEMENTS, read_agreement, ticker)
    _check_agreements(agreements, known, plan, problems, item_codes, reader)
    standards = _read_all(reader, H.STANDARDS, read_standard, ticker)
    _check_standards(standards, plan, problems, item_codes, reader)
    return plan


def _read_all(reader: WorkbookReader, name: str, read: Callable[[Cells], Any], ticker: Progress) -> list:
    return [read(cells) for cells in reader.rows(name, ticker.tick)]


def _title(reader: WorkbookReader, name: str) -> str:
    source = reader.sheets.get(name)
    return source.title if source else name


def _first_rows(rows: list, key: Callable[[Any], str], problems: Problems, sheet: str, column: str,
                same: Callable[[Any], tuple], what: Msg) -> list:
    """Drop exact repeats (warning); a repeated code with different data is an error."""
    seen: dict[str, Any] = {}
    result = []
    for row in rows:
        code = key(row)
        if not code:
            continue
        if code in seen:
            first = seen[code]
            if same(first) == same(row):
                problems.warn(sheet, row.row, column, msg("{what}“{code}”与第 {row} 行完全相同，已忽略重复行。",
                                                          what=what, code=code, row=first.row))
            else:
                problems.error(sheet, row.row, column, msg("{what}“{code}”与第 {row} 行重复，但内容不同，请只保留一行。",
                                                           what=what, code=code, row=first.row))
            continue
        seen[code] = row
        result.append(row)
    return result


def _check_stores(rows: list[StoreRow], known: Known, plan: Plan, problems: Problems, reader: WorkbookReader) -> set[str]:
    sheet = _title(reader, H.STORES)
    unique = _first_rows(rows, lambda r: r.code, problems, sheet, "储备库编码", StoreRow.key, msg("储备库编码"))
    for row in unique:
        if row.code in known.stores:
            if known.stores[row.code] != row.name:
                problems.warn(sheet, row.row, "储备库编码",
                              msg("储备库“{code}”已存在（名称“{name}”），保留原有信息，未修改。", code=row.code, name=known.stores[row.code]))
            continue
        if row.level is None or not row.area or not row.name:
            continue
        try:
            plan.store_area[row.code] = plan.areas.resolve(row.area, row.parent_area, row.level)
        except DomainError as exc:
            problems.error(sheet, row.row, exc.field or "所属行政区", exc.chinese)
            continue
        plan.stores.append(row)
    return {row.code for row in rows if row.code}


def _check_items(rows: list[ItemRow], known: Known, plan: Plan, problems: Problems, reader: WorkbookReader) -> set[str]:
    sheet = _title(reader, H.ITEMS)
    unique = _first_rows(rows, lambda r: r.code, problems, sheet, "物资编码", ItemRow.key, msg("物资编码"))
    plan.item_facts = dict(known.items)
    planned_categories = set(known.categories)
    starter = {code: name for code, name, _ in STARTER_CATEGORIES}
    for row in unique:
        if row.code in known.items:
            if known.items[row.code].name != row.name:
                problems.warn(sheet, row.row, "物资编码",
                              msg("物资“{code}”已存在（名称“{name}”），保留原有信息，未修改。", code=row.code, name=known.items[row.code].name))
            continue
        if row.category_code:
            row.category_code = normalise_category_code(row.category_code)
            try:
                validate_category_code(row.category_code)
            except DomainError as exc:
                problems.error(sheet, row.row, "分类编码", exc.chinese)
                continue
            for length in range(1, len(row.category_code) + 1, 2):
                prefix = row.category_code[:length]
                if prefix in planned_categories:
                    continue
                name = row.category_name if prefix == row.category_code and row.category_name else starter.get(prefix)
                if not name:
                    problems.error(sheet, row.row, "分类编码",
                                   msg("分类编码“{code}”不存在，上级分类“{prefix}”也不存在；请填写分类名称，或先在物资目录中建立分类。",
                                       code=row.category_code, prefix=prefix))
                    break
                plan.categories.append((prefix, name))
                planned_categories.add(prefix)
        if row.name and row.unit:
            plan.items.append(row)
            plan.item_facts[row.code] = ItemFacts(row.name, row.shelf_life_months, row.unit_price)
    return {row.code for row in rows if row.code}


def effective_expiry(entry: StockEntry, facts: ItemFacts | None) -> dt.date | None:
    """As a receipt does: no expiry but a production date and a shelf life → compute it."""
    if entry.expiry_date is None and entry.production_date is not None and facts and facts.shelf_life_months:
        return entry.production_date + relativedelta(months=facts.shelf_life_months) - dt.timedelta(days=1)
    return entry.expiry_date


def row_digest(store_code: str, entry: StockEntry) -> int:
    text = "|".join((store_code, entry.item_code, entry.batch_no, str(entry.production_date or ""),
                     str(entry.expiry_date or ""), format(entry.quantity.normalize(), "f")))
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:16], "big")


def _check_stock(reader: WorkbookReader, known: Known, plan: Plan, problems: Problems,
                 store_codes: set[str], item_codes: set[str], ticker: Progress) -> None:
    sheet = _title(reader, H.STOCK)
    digests: dict[str, list[int]] = {}
    batches: dict[tuple[str, str], tuple] = {}
    balances: dict[tuple, int] = {}
    pending: list[tuple[StockEntry, dt.date | None]] = []
    spill = plan.stock_spill = StockSpill()
    for cells in reader.rows(H.STOCK, ticker.tick):
        entry = read_stock(cells)
        if entry.store_code and entry.store_code not in store_codes:
            problems.error(sheet, entry.row, "储备库编码",
                           msg("储备库编码“{code}”不存在：数据库和本工作簿的“储备库”表中都没有。", code=entry.store_code))
        facts = plan.item_facts.get(entry.item_code)
        if entry.item_code and entry.item_code not in item_codes:
            problems.error(sheet, entry.row, "物资编码",
                           msg("物资编码“{code}”不存在：数据库和本工作簿的“物资目录”表中都没有。", code=entry.item_code))
        if entry.quantity is None or not entry.store_code or not entry.item_code:
            continue
        if entry.quantity == 0:
            problems.warn(sheet, entry.row, "数量", msg("数量为 0，已跳过。"))
            continue
        expiry = effective_expiry(entry, facts)
        if entry.batch_no:
            pending.append((entry, expiry))
            if len(pending) >= BATCH_CHECK_CHUNK:
                _check_batches(pending, batches, known, problems, sheet)
        key = (entry.store_code, entry.item_code, entry.batch_no, entry.production_date, expiry)
        if key in balances:
            problems.warn(sheet, entry.row, "批次号", msg("与第 {row} 行是同一库、同一物资、同一批次，数量将累加。", row=balances[key]))
        else:
            balances[key] = entry.row
        slot = digests.setdefault(entry.store_code, [0, 0])
        slot[0] = (slot[0] + row_digest(entry.store_code, entry)) % DIGEST_MODULUS
        slot[1] += 1
        if not problems.errors:  # with an error nothing is written: stop keeping rows
            spill.add(entry)
    _check_batches(pending, batches, known, problems, sheet)
    plan.stock_rows_read = spill.count
    for store_code, (digest, count) in digests.items():
        reference = f"{OPENING_REFERENCE}:{digest:020x}{count:x}"[:100]
        plan.stock_reference[store_code] = reference
        if reference in known.opening:
            plan.stock_skip.add(store_code)
            problems.warn(sheet, 0, "储备库编码",
                          msg("储备库“{code}”的这些期初库存已经导入过（入库单 {document}），本次未重复入库。",
                              code=store_code, document=known.opening[reference]))
        elif store_code in known.opening_stores:
            problems.warn(sheet, 0, "储备库编码",
                          msg("储备库“{code}”此前已导入过其他期初库存（入库单 {document}），本次内容不同，将再次入库；如属重复，请导入后冲销。",
                              code=store_code, document=known.opening_stores[store_code]))
    plan.stock_balances = sum(1 for key in balances if key[0] not in plan.stock_skip)


def _check_batches(pending: list, batches: dict, known: Known, problems: Problems, sheet: str) -> None:
    """Batch numbers met again (in the sheet or the database) must have the same dates."""
    known.fetch_batches({(entry.item_code, entry.batch_no) for entry, _ in pending
                         if (entry.item_code, entry.batch_no) not in batches})
    for entry, expiry in pending:
        _check_batch(entry, expiry, batches, known, problems, sheet)
    pending.clear()


def _check_batch(entry: StockEntry, expiry, batches: dict, known: Known, problems: Problems, sheet: str) -> None:
    key = (entry.item_code, entry.batch_no)
    previous = batches.get(key)
    if previous is None and key in known.batches:
        previous = (*known.batches[key], 0)
    if previous is None:
        batches[key] = (entry.production_date, expiry, entry.row)
        return
    production, old_expiry, row = previous
    same = entry.production_date in (None, production) and expiry in (None, old_expiry)
    if not same:
        where = msg("第 {row} 行", row=row) if row else msg("数据库中")
        problems.error(sheet, entry.row, "批次号",
                       msg("物资“{item}”的批次“{batch}”在{where}的日期不同（生产 {production}，有效期至 {expiry}；"
                           "本行 生产 {row_production}，有效期至 {row_expiry}），请核对日期或使用不同批次号。",
                           item=entry.item_code, batch=entry.batch_no, where=where, production=str(production or "—"),
                           expiry=str(old_expiry or "—"), row_production=str(entry.production_date or "—"),
                           row_expiry=str(expiry or "—")))


def _check_agreements(rows: list[AgreementRow], known: Known, plan: Plan, problems: Problems,
                      item_codes: set[str], reader: WorkbookReader) -> None:
    sheet = _title(reader, H.AGREEMENTS)
    enterprises = dict(known.enterprises)
    heads: dict[str, AgreementRow] = {}
    for row in rows:
        if row.item_code and row.item_code not in item_codes:
            problems.error(sheet, row.row, "物资编码",
                           msg("物资编码“{code}”不存在：数据库和本工作簿的“物资目录”表中都没有。", code=row.item_code))
        if row.credit_code and row.enterprise:
            name = enterprises.setdefault(row.credit_code, row.enterprise)
            if name != row.enterprise:
                problems.error(sheet, row.row, "企业名称",
                               msg("统一社会信用代码“{code}”已对应企业“{name}”，与本行“{enterprise}”不一致。",
                                   code=row.credit_code, name=name, enterprise=row.enterprise))
        if not row.number:
            continue
        if row.number in known.agreements:
            if row.number not in heads:
                problems.warn(sheet, row.row, "协议编号", msg("协议“{number}”已存在，保留原有协议，未修改。", number=row.number))
            heads.setdefault(row.number, row)
            continue
        head = heads.setdefault(row.number, row)
        if head is not row and head.head() != row.head():
            problems.error(sheet, row.row, "协议编号",
                           msg("协议“{number}”的企业、类型、期限或费用与第 {row} 行不一致，同一协议的各行应相同。",
                               number=row.number, row=head.row))
            continue
        lines = plan.agreements.setdefault(row.number, [])
        clash = next((line for line in lines if line.item_code == row.item_code), None)
        if clash is not None:
            problems.error(sheet, row.row, "物资编码",
                           msg("协议“{number}”中物资“{item}”与第 {row} 行重复，请合并为一行。",
                               number=row.number, item=row.item_code, row=clash.row))
            continue
        lines.append(row)


def _check_standards(rows: list[StandardRow], plan: Plan, problems: Problems, item_codes: set[str],
                     reader: WorkbookReader) -> None:
    sheet = _title(reader, H.STANDARDS)
    needs: dict[tuple[str, str], StandardRow] = {}
    pairs: dict[tuple[str, str, str], int] = {}
    for row in rows:
        if row.item_code and row.item_code not in item_codes:
            problems.error(sheet, row.row, "物资编码",
                           msg("物资编码“{code}”不存在：数据库和本工作簿的“物资目录”表中都没有。", code=row.item_code))
        if not (row.standard and row.need):
            continue
        first = needs.setdefault((row.standard, row.need), row)
        if first is not row and first.head() != row.head():
            problems.error(sheet, row.row, "需求项",
                           msg("标准“{standard}”的需求项“{need}”的单位、计算方式或定额与第 {row} 行不一致。",
                               standard=row.standard, need=row.need, row=first.row))
            continue
        key = (row.standard, row.need, row.item_code)
        if not row.item_code:
            problems.warn(sheet, row.row, "物资编码", msg("需求项“{need}”没有填写物资编码，只导入需求项，暂不关联物资。", need=row.need))
        elif key in pairs:
            problems.error(sheet, row.row, "物资编码",
                           msg("标准“{standard}”需求项“{need}”中物资“{item}”与第 {row} 行重复。",
                               standard=row.standard, need=row.need, item=row.item_code, row=pairs[key]))
            continue
        pairs[key] = row.row
        plan.standards.setdefault(row.standard, []).append(row)
