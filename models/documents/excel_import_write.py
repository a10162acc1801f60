"""The write phase of the import: everything in ONE transaction, through the services' building blocks.

Opening balances are posted as receipts (入库单) ``ledger.new_document`` / ``add_line`` /
``apply_movement``, at most ``LINES_PER_RECEIPT`` lines per receipt so a 100,000-row sheet never holds
more than a few thousand ORM objects at once; each receipt gets its own audit entry (``verify``
checks that every document has one) and the import a summary entry.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.documents import excel_headers as H
from models.documents.excel_rows import Problem, StockEntry, WorkbookReader, read_stock
from models.schema.agreements import Agreement, AgreementState
from models.schema.standards import Need, NeedBasis, NeedItem, Standard
from models.schema.catalog import Item
from models.schema.documents import Document
from models.schema.enums import DocType, ReserveMode
from models.schema.stock import Balance, Batch
from models.schema.warehouse import Area, Store
from models.services import agreements, catalog, ledger, warehouses
from models.services.permissions import require_post
from models.services.receiving import auto_batch_no, find_or_create_batch

if TYPE_CHECKING:
    from models.documents.excel_import import Plan, Progress

LINES_PER_RECEIPT = 1000
CHUNK_ROWS = 500


def write_plan(ctx: ServiceContext, reader: WorkbookReader, plan: "Plan", as_of: dt.date,
               ticker: "Progress", file_name: str) -> tuple[dict[str, int], list[str], list[Problem]]:
    warnings: list[Problem] = []
    with ctx.write() as session:
        _write_areas(ctx, session, plan)
        for code, name in plan.categories:
            catalog._create_category(session, code, name, None)
            ledger.audit(ctx, session, "create", "category", code, f"导入：新建分类 {name}")
        stores = _write_stores(ctx, session, plan)
        items = _write_items(ctx, session, plan)
        documents, balances = _write_stock(ctx, session, reader, plan, as_of, ticker)
        agreements = _write_agreements(ctx, session, plan, as_of)
        standards = _write_standards(ctx, session, plan, warnings)
        created = {"stores": stores, "items": items, "batches": balances, "agreements": agreements,
                   "standards": standards}
        ticker.check()
        ledger.audit(ctx, session, "import", "workbook", file_name[:100],
                     f"导入“{file_name}”：储备库 {stores} 个，物资 {items} 种，期初库存 {balances} 批，"
                     f"协议 {agreements} 份，定额标准 {standards} 套；入库单 {len(documents)} 张",
                     after={"created": created, "documents": documents[:200], "as_of": as_of.isoformat()})
    return created, documents, warnings


def _write_areas(ctx: ServiceContext, session: Session, plan: "Plan") -> None:
    by_code: dict[str, Area] = {}
    for new in plan.areas.new:
        parent = None
        if new.parent_code:
            parent = by_code.get(new.parent_code) or session.scalar(select(Area).where(Area.code == new.parent_code))
        area = Area(code=new.code, name=new.name, kind=new.kind, parent=parent)
        session.add(area)
        session.flush()
        by_code[new.code] = area
        ledger.audit(ctx, session, "create", "area", new.code, f"导入：新建行政区 {new.name}")


def _write_stores(ctx: ServiceContext, session: Session, plan: "Plan") -> int:
    for row in plan.stores:
        data = warehouses.StoreInput(row.code, row.name, row.level, plan.store_area[row.code], row.address,
                                     row.keeper, row.phone, row.floor_area)
        store = Store(code=row.code)
        warehouses._apply_store_fields(session, store, data)
        session.add(store)
        session.flush()
        ledger.audit(ctx, session, "create", "store", row.code, f"导入：新建储备库 {row.name}",
                     after=warehouses.store_snapshot(store))
    return len(plan.stores)


def _write_items(ctx: ServiceContext, session: Session, plan: "Plan") -> int:
    for row in plan.items:
        data = catalog.ItemInput(row.code, row.name, row.unit, row.spec, row.category_code or None,
                                 row.shelf_life_months, row.rotation_lead_days, row.returnable, row.unit_price)
        item = Item(code=row.code)
        catalog._apply_item_fields(session, item, data)
        session.add(item)
        session.flush()
        ledger.audit(ctx, session, "create", "item", row.code, f"导入：新建物资 {row.name}",
                     after=catalog.item_snapshot(item))
    return len(plan.items)


class _Receipts:
    """Open opening-balance receipts per store, closed every ``LINES_PER_RECEIPT`` lines."""

    def __init__(self, ctx: ServiceContext, session: Session, plan: "Plan", as_of: dt.date) -> None:
        self.ctx, self.session, self.plan, self.as_of = ctx, session, plan, as_of
        self.open: dict[str, Document] = {}
        self.numbers: list[str] = []

    def document(self, store: Store) -> Document:
        document = self.open.get(store.code)
        if document is None:
            document = ledger.new_document(
                self.ctx, self.session, DocType.RECEIPT, store, doc_date=self.as_of,
                counterparty="期初库存", reference=self.plan.stock_reference[store.code],
                remarks="由 Excel 台账导入的期初库存",
            )
            self.open[store.code] = document
        return document

    def after_line(self, store: Store) -> None:
        if len(self.open[store.code].lines) >= LINES_PER_RECEIPT:
            self.close(store.code)

    def close(self, store_code: str) -> None:
        document = self.open.pop(store_code)
        self.session.flush()
        ledger.audit(self.ctx, self.session, "post", "document", document.number, "期初导入入库",
                     after={"number": document.number, "store": store_code, "lines": len(document.lines),
                            "reference": document.reference})
        self.numbers.append(document.number)
        # expunging cascades to the lines: the session keeps no strong reference on big sheets
        self.session.expunge(document)

    def close_all(self) -> None:
        for code in list(self.open):
            self.close(code)


def _write_stock(ctx: ServiceContext, session: Session, reader: WorkbookReader, plan: "Plan",
                 as_of: dt.date, ticker: "Progress") -> tuple[list[str], int]:
    if H.STOCK not in reader.sheets:
        return [], 0
    stores = {store.code: store for store in session.scalars(select(Store))}
    for code in plan.stock_reference:
        if code not in plan.stock_skip:
            require_post(ctx.actor, stores[code])
    poster = _StockPoster(ctx, session, plan, as_of, stores)
    chunk: list[tuple[str, StockEntry]] = []
    for cells in reader.rows(H.STOCK, ticker.tick):
        entry = read_stock(cells)
        if entry.store_code in plan.stock_skip or not entry.quantity:
            continue
        chunk.append((cells.sheet, entry))
        if len(chunk) >= CHUNK_ROWS:
            poster.post(chunk)
            chunk = []
    poster.post(chunk)
    poster.receipts.close_all()
    return poster.receipts.numbers, len(poster.balances)


class _StockPoster:
    """Posts opening balances a chunk of rows at a time.

    Every line still goes through ``find_or_create_batch`` and ``ledger.apply_movement``; what the
    chunk adds is speed: the chunk's new batches and empty balance rows are inserted in one statement
    each beforehand, and autoflush is off while the lines are posted (flushed once per chunk), so a
    row costs two indexed SELECTs instead of a dozen statements. A (store, batch) met twice in a chunk
    is flushed first, so ``lock_balance`` never reloads a balance with unflushed changes.
    """

    def __init__(self, ctx: ServiceContext, session: Session, plan: "Plan", as_of: dt.date,
                 stores: dict[str, Store]) -> None:
        self.ctx, self.session, self.plan, self.stores = ctx, session, plan, stores
        self.items: dict[str, Item] = {}
        self.receipts = _Receipts(ctx, session, plan, as_of)
        self.balances: set[tuple[int, int]] = set()

    def _item(self, code: str) -> Item:
        item = self.items.get(code)
        if item is None:
            item = self.items[code] = self.session.scalar(select(Item).where(Item.code == code))
        return item

    def _prepared(self, entry: StockEntry) -> tuple[Item, dt.date | None, Decimal | None]:
        from models.documents.excel_import import effective_expiry  # noqa: PLC0415 - circular at import time

        item = self._item(entry.item_code)
        expiry = effective_expiry(entry, self.plan.item_facts.get(entry.item_code))
        price = entry.unit_price if entry.unit_price is not None else item.unit_price
        return item, expiry, price

    def _precreate(self, rows: list[tuple[StockEntry, Item, dt.date | None, Decimal | None]]) -> None:
        """Insert the chunk's missing batches and empty balance rows in bulk."""
        wanted: dict[tuple[int, str], tuple] = {}
        for entry, item, expiry, price in rows:
            number = entry.batch_no or auto_batch_no(entry.production_date, expiry)
            wanted.setdefault((item.id, number), (entry, item, expiry, price))
        existing = {(b.item_id, b.batch_no): b for b in self.session.scalars(
            select(Batch).where(tuple_(Batch.item_id, Batch.batch_no).in_(list(wanted))))}
        fresh = []
        for key, (entry, item, expiry, price) in wanted.items():
            if key not in existing:
                batch = Batch(item_id=item.id, batch_no=key[1], production_date=entry.production_date,
                              expiry_date=expiry, manufacturer=entry.manufacturer, supplier=entry.supplier,
                              unit_price=price, reserve_mode=ReserveMode(entry.reserve_mode))
                batch.item = item
                fresh.append(batch)
                existing[key] = batch
        self.session.add_all(fresh)
        self.session.flush()
        values = {}
        for entry, item, expiry, _ in rows:
            batch = existing[(item.id, entry.batch_no or auto_batch_no(entry.production_date, expiry))]
            if entry.production_date not in (None, batch.production_date) or expiry not in (None, batch.expiry_date):
                continue  # find_or_create_batch will pick another number; lock_balance makes the row then
            store = self.stores[entry.store_code]
            values[(store.id, batch.id)] = {"store_id": store.id, "item_id": item.id, "batch_id": batch.id,
                                            "quantity": Decimal(0), "reserved": Decimal(0),
                                            "expiry_date": batch.expiry_date, "store_level": store.level,
                                            "updated_at": self.ctx.now()}
        if values:
            self.session.execute(ledger._insert(self.session)(Balance).on_conflict_do_nothing(
                index_elements=["store_id", "item_id", "batch_id"]), list(values.values()))

    def post(self, chunk: list[tuple[str, StockEntry]]) -> None:
        if not chunk:
            return
        rows = [(entry, *self._prepared(entry)) for _, entry in chunk]
        self._precreate(rows)
        touched: set[tuple[int, int]] = set()
        with self.session.no_autoflush:
            for (sheet, entry), (_, item, expiry, price) in zip(chunk, rows):
                store = self.stores[entry.store_code]
                batch = find_or_create_batch(
                    self.session, item, entry.batch_no, production_date=entry.production_date, expiry_date=expiry,
                    manufacturer=entry.manufacturer, supplier=entry.supplier, unit_price=price,
                    reserve_mode=ReserveMode(entry.reserve_mode), line_prefix=f"“{sheet}”第 {entry.row} 行：")
                key = (store.id, batch.id)
                if key in touched:
                    self.session.flush()
                    touched.clear()
                touched.add(key)
                document = self.receipts.document(store)
                quantity = Decimal(entry.quantity)
                ledger.add_line(document, batch, quantity, unit_price=price, location=entry.location,
                                remarks=entry.remarks)
                ledger.apply_movement(self.ctx, self.session, document, store, batch, quantity)
                self.balances.add(key)
                self.receipts.after_line(store)
        self.session.flush()


def _write_agreements(ctx: ServiceContext, session: Session, plan: "Plan", as_of: dt.date) -> int:
    """Through models/services/agreements.py's building blocks. Without a 状态 column an imported
    agreement is in force (有效): it comes from a ledger of signed contracts."""
    for number, rows in plan.agreements.items():
        head = rows[0]
        data = agreements.AgreementInput(
            number=number,
            enterprise=agreements.EnterpriseInput(head.enterprise, head.credit_code, contact=head.contact, phone=head.phone),
            agreement_type=head.agreement_type, start_date=head.start_date, end_date=head.end_date,
            lines=[agreements.LineInput(row.item_code, row.quantity, row.minimum or 0) for row in rows],
            storage_place=head.place, response_hours=head.response_hours, annual_fee=head.annual_fee or 0,
        )
        now = ctx.now()
        agreement = Agreement(number=number, state=AgreementState(head.state), created_at=now, updated_at=now)
        with session.no_autoflush:
            agreements._apply_fields(session, agreement, data)
        session.add(agreement)
        session.flush()
        ledger.audit(ctx, session, "create", "agreement", number, f"导入：新建储备协议 {number}（{head.enterprise}）",
                     after=agreements.snapshot(agreement))
    return len(plan.agreements)


def _write_standards(ctx: ServiceContext, session: Session, plan: "Plan", warnings: list[Problem]) -> int:
    """New standards are created; a standard that exists (e.g. the shipped defaults) gets the needs
    and item links it lacks, and keeps its own definition where the workbook differs."""
    created = 0
    items = {item.code: item for item in session.scalars(select(Item))}
    for name, rows in plan.standards.items():
        standard = session.scalar(select(Standard).where(Standard.name == name))
        if standard is None:
            standard = Standard(name=name, created_at=ctx.now(), updated_at=ctx.now())
            session.add(standard)
            created += 1
        needs = {need.name: need for need in standard.needs}
        for row in rows:
            need = needs.get(row.need)
            if need is None:
                need = Need(name=row.need, unit=row.unit, basis=NeedBasis(row.basis), quota=row.quota,
                            sort_order=(len(needs) + 1) * 10)
                standard.needs.append(need)
                needs[row.need] = need
            elif (need.unit, need.basis.value, need.quota) != (row.unit, row.basis, row.quota):
                warnings.append(Problem(H.STANDARDS, row.row, "需求项",
                                        f"标准“{name}”已有需求项“{row.need}”且定义不同，保留原有定义。"))
            item = items.get(row.item_code)
            if item is not None and not any(link.item_id == item.id for link in need.items):
                link = NeedItem(item_id=item.id, factor=row.factor)
                link.item = item
                need.items.append(link)
        standard.updated_at = ctx.now()
        session.flush()
        ledger.audit(ctx, session, "import", "standard", name, f"导入定额标准 {name}（{len(rows)} 行）")
    return created
