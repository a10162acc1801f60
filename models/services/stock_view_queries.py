"""Reads behind the desktop's stock view, navigation tree and home dashboard.

Richer than ``stock_queries.stock_rows``: each line carries its category, value, pinyin and the
item's effective rotation lead time, so the screen can colour and filter without asking again.
Keepers see only their own stores, as everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.schema.audit import AuditEntry
from models.schema.catalog import Category, Item
from models.schema.enums import Role, StoreLevel
from models.schema.stock import LIVE_SORTED_TERM, Balance, Batch, live_sort_key
from models.schema.warehouse import Store
from models.services.catalog import DEFAULT_LEAD_DAYS, effective_lead_days
from models.services.warehouses import parse_level, stores_in_area

EXPIRED = "expired"
DUE = "due"  # within the item's rotation lead time: rotate now
OK = "ok"


@dataclass(frozen=True)
class StockLine:
    store_code: str
    store_name: str
    level: StoreLevel
    item_code: str
    item_name: str
    spec: str
    unit: str
    pinyin: str
    category_code: str
    category_name: str
    batch: str
    production_date: dt.date | None
    expiry_date: dt.date | None
    quantity: Decimal
    reserved: Decimal
    unit_price: Decimal | None
    lead_days: int

    @property
    def value(self) -> Decimal | None:
        if self.unit_price is None:
            return None
        return (self.quantity * self.unit_price).quantize(Decimal("0.01"))

    def status(self, today: dt.date) -> str:
        if self.expiry_date is None:
            return OK
        if self.expiry_date < today:
            return EXPIRED
        if self.expiry_date <= today + dt.timedelta(days=self.lead_days):
            return DUE
        return OK


def _visible(ctx: ServiceContext, stmt):
    if ctx.actor.role is Role.KEEPER:
        return stmt.where(Balance.store_id.in_(ctx.actor.store_ids or {-1}))
    return stmt


def _load_categories(session: Session) -> dict[int, Category]:
    # loaded first so item.category / category.parent resolve from the identity map, without queries
    return {category.id: category for category in session.scalars(select(Category))}


def stock_lines(
    ctx: ServiceContext,
    *,
    store_codes: list[str] | None = None,
    level: str | StoreLevel | None = None,
    category_code: str | None = None,
) -> list[StockLine]:
    """Non-zero balances by store, item and batch, earliest expiry first within each item."""
    with ctx.read() as session:
        categories = _load_categories(session)  # noqa: F841 - held: the identity map is weak
        stmt = (
            select(Balance, Store, Item, Batch)
            .join(Store, Store.id == Balance.store_id)
            .join(Item, Item.id == Balance.item_id)
            .join(Batch, Batch.id == Balance.batch_id)
            .where(Balance.quantity > 0)
            .order_by(Store.code, Item.code, Balance.expiry_date, Batch.batch_no)
        )
        if store_codes is not None:
            stmt = stmt.where(Store.code.in_(store_codes or ["\x00"]))
        if level:
            stmt = stmt.where(Balance.store_level == (level if isinstance(level, StoreLevel) else parse_level(level)))
        if category_code:
            stmt = stmt.outerjoin(Category, Category.id == Item.category_id).where(
                Category.code.startswith(category_code, autoescape=True))
        lines = []
        for balance, store, item, batch in session.execute(_visible(ctx, stmt)):
            category = item.category
            lines.append(StockLine(
                store.code, store.name, store.level, item.code, item.name, item.spec, item.unit,
                item.pinyin or "", category.code if category else "", category.name if category else "",
                batch.batch_no, batch.production_date, balance.expiry_date, balance.quantity,
                balance.reserved, batch.unit_price if batch.unit_price is not None else item.unit_price,
                effective_lead_days(item),
            ))
        return lines


def store_line_counts(ctx: ServiceContext) -> dict[str, int]:
    """Number of non-zero stock lines (store × item × batch) per store code."""
    with ctx.read() as session:
        stmt = (
            select(Store.code, func.count(Balance.id))
            .join(Store, Store.id == Balance.store_id)
            .where(Balance.quantity > 0)
            .group_by(Store.code)
        )
        return {code: count for code, count in session.execute(_visible(ctx, stmt))}


@dataclass(frozen=True)
class CategorySummary:
    code: str
    name: str
    items: int
    lines: int
    value: Decimal
    quantities: tuple[tuple[str, Decimal], ...]  # (unit, total) pairs: quantities only add per unit


def category_summary(ctx: ServiceContext, *, depth: int = 2, lines: list[StockLine] | None = None) -> list[CategorySummary]:
    """Stock by category at ``depth`` (1 class, 2 subclass...), largest value first.

    ``lines`` lets a caller that already holds ``stock_lines(ctx)`` avoid reading them twice."""
    prefix_length = {1: 1, 2: 3, 3: 5, 4: 7}[depth]
    with ctx.read() as session:
        names = {category.code: category.name for category in session.scalars(select(Category))}
    groups: dict[str, dict] = defaultdict(lambda: {"items": set(), "lines": 0, "value": Decimal(0),
                                                  "units": defaultdict(Decimal)})
    for line in stock_lines(ctx) if lines is None else lines:
        code = line.category_code[:prefix_length] if line.category_code else ""
        group = groups[code]
        group["items"].add(line.item_code)
        group["lines"] += 1
        group["value"] += line.value or Decimal(0)
        group["units"][line.unit] += line.quantity
    result = [
        CategorySummary(code, names.get(code, "未分类"), len(group["items"]), group["lines"], group["value"],
                        tuple(sorted(group["units"].items())))
        for code, group in groups.items()
    ]
    return sorted(result, key=lambda summary: (-summary.value, summary.code))


@dataclass(frozen=True)
class ExpiryCounts:
    expired: int
    within: dict[int, int]  # days → stock lines expiring within that many days (not yet expired)


def expiry_counts(ctx: ServiceContext, windows: tuple[int, ...] = (30, 90)) -> ExpiryCounts:
    today = ctx.today()
    with ctx.read() as session:
        base = _visible(ctx, select(func.count(Balance.id)).where(Balance.quantity > 0,
                                                                   Balance.expiry_date.is_not(None)))
        expired = session.scalar(base.where(Balance.expiry_date < today)) or 0
        within = {
            days: session.scalar(base.where(Balance.expiry_date >= today,
                                            Balance.expiry_date <= today + dt.timedelta(days=days))) or 0
            for days in windows
        }
    return ExpiryCounts(expired, within)


@dataclass(frozen=True)
class Activity:
    at: dt.datetime
    username: str
    action: str
    entity: str
    entity_key: str
    summary: str


def recent_activity(ctx: ServiceContext, limit: int = 10) -> list[Activity]:
    """The newest audit entries; a keeper sees only their own."""
    with ctx.read() as session:
        stmt = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
        if ctx.actor.role is Role.KEEPER:
            stmt = stmt.where(AuditEntry.user_id == ctx.actor.user_id)
        return [Activity(entry.at, entry.username, entry.action, entry.entity, entry.entity_key, entry.summary)
                for entry in session.scalars(stmt)]


# ---------------------------------------------------------------- paged reads (city scale)

STOCK_PAGE_SORTS = ("store", "expiry")


# PostgreSQL: up to this many batches whose number matches a search text go into the query as a list
BATCH_MATCH_LIST = 2000


def _with_text(session: Session, stmt, text: str, categories: dict[int, Category] | dict[int, _CategoryRow]):
    """``stmt`` (a select from balances) narrowed to the balances a search text matches; returns the
    statement and whether it joined ``Batch`` (SQLite: a sort by batch must not join it twice).

    Matches what the stock view's ``line_matches`` does (name, code, spec, pinyin initials or full,
    category, store name or code, batch number) without reading every stock line into Python: the items
    are matched in Python (1,000 in a city), the rest in SQL, as one OR of three branches."""
    needle = text.strip().lower()
    like = f"%{needle}%"
    item_ids = [
        item_id for item_id, code, name, spec, pinyin, category_id in session.execute(
            select(Item.id, Item.code, Item.name, Item.spec, Item.pinyin, Item.category_id))
        if needle in name or needle in code.lower() or needle in spec.lower()
        or any(needle in part for part in (pinyin or "").split())
        or (category_id in categories and needle in categories[category_id].name)
    ]
    stores = select(Store.id).where(func.lower(Store.name).like(like) | func.lower(Store.code).like(like))
    if session.get_bind().dialect.name != "postgresql":
        # SQLite walks the sort's index and tests each row, the batch number on the joined batch, so a
        # first page stops after ``limit`` matches instead of first scanning every batch (≈ 20 ms on the city)
        return (stmt.join(Batch, Batch.id == Balance.batch_id).where(
            Balance.item_id.in_(item_ids or [-1]) | Balance.store_id.in_(stores)
            | func.lower(Batch.batch_no).like(like)), True)
    # PostgreSQL answered that OR by hash-joining every live balance with every batch (≈ 370 ms on the
    # city). The stores and batches matched come first, as lists (a batch-number search that matches
    # many batches stays a subquery), so each branch is a plain condition on the balance row that its
    # index can answer (item, store, batch): no join, and no subplan run per row.
    # lower() under the "C" collation folds ASCII only, as SQLite's lower() does, at a third of the cost
    # of the database's UTF-8 collation over every batch number (300,000 in the city)
    batches = select(Batch.id).where(func.lower(Batch.batch_no.collate("C")).like(like))
    store_ids = session.scalars(stores).all()
    batch_ids = session.scalars(batches.limit(BATCH_MATCH_LIST + 1)).all()
    batch_condition = (Balance.batch_id.in_(batch_ids or [-1]) if len(batch_ids) <= BATCH_MATCH_LIST
                       else Balance.batch_id.in_(batches))
    return (stmt.where(Balance.item_id.in_(item_ids or [-1]) | Balance.store_id.in_(store_ids or [-1])
                       | batch_condition), False)


def stock_page(
    ctx: ServiceContext,
    *,
    sort: str = "store",
    text: str = "",
    store_codes: list[str] | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[StockLine]:
    """One page of non-zero stock lines, sorted and filtered in the database.

    ``sort="store"`` orders by store, item, expiry (the index ``ix_balances_store_item_expiry``);
    ``sort="expiry"`` earliest expiry first (the partial index ``ix_balances_live_expiry``). A city holds
    hundreds of thousands of lines; this reads only the page shown."""
    if sort not in STOCK_PAGE_SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    with ctx.read() as session:
        categories = _category_rows(session)
        page = select(Balance.id).where(Balance.quantity > 0)
        if store_codes is not None:
            page = page.where(Balance.store_id.in_(select(Store.id).where(Store.code.in_(store_codes or ["\x00"]))))
        if text.strip():
            page = _with_text(session, page, text, categories)[0]
        order = ((Balance.store_id, Balance.item_id, Balance.expiry_date, Balance.id) if sort == "store"
                 else (Balance.expiry_date, Balance.id))
        page_ids = _visible(ctx, page).order_by(*order).limit(limit).offset(offset).subquery()
        # plain columns, not entities: a page is read-only and ORM identity bookkeeping costs more than SQL
        stmt = (
            select(*_LINE_COLUMNS)
            .join(page_ids, page_ids.c.id == Balance.id)
            .join(Store, Store.id == Balance.store_id)
            .join(Item, Item.id == Balance.item_id)
            .join(Batch, Batch.id == Balance.batch_id)
            .order_by(*order)
        )
        return _lines(session.connection().execute(stmt).all(), categories)


# the columns of a stock line, in the order ``_lines`` reads them
_LINE_COLUMNS = (Store.code, Store.name, Store.level, Item.code, Item.name, Item.spec, Item.unit, Item.pinyin,
                 Item.category_id, Batch.batch_no, Batch.production_date, Balance.expiry_date, Balance.quantity,
                 Balance.reserved, Batch.unit_price, Item.unit_price, Item.rotation_lead_days)


def _lines(rows, categories: dict[int, _CategoryRow]) -> list[StockLine]:
    """StockLines from rows of ``_LINE_COLUMNS`` (read on the session's connection: plain typed rows,
    without the ORM's result machinery)."""
    lines = []
    for (s_code, s_name, level, i_code, i_name, spec, unit, pinyin, category_id, batch_no, produced, expiry,
         quantity, reserved, batch_price, item_price, own_lead) in rows:
        cat = categories.get(category_id)
        lines.append(StockLine(
            s_code, s_name, level, i_code, i_name, spec, unit, pinyin or "",
            cat.code if cat else "", cat.name if cat else "", batch_no, produced, expiry,
            quantity, reserved, batch_price if batch_price is not None else item_price,
            own_lead if own_lead is not None else cat.lead if cat else DEFAULT_LEAD_DAYS,
        ))
    return lines


@dataclass(frozen=True)
class StockOverview:
    """What the home dashboard shows about stock, from one grouped query (no per-line rows)."""

    value: Decimal
    lines: int
    items: int
    categories: list[CategorySummary]


def stock_overview(ctx: ServiceContext, *, depth: int = 2) -> StockOverview:
    """Total value, line and item counts and ``category_summary`` figures in one grouped query.

    Each line's value is rounded to the fen (half up) in the database before summing, as
    ``StockLine.value`` rounds before the home view adds it up."""
    from sqlalchemy import type_coerce

    from models.schema.base import Quantity

    prefix_length = {1: 1, 2: 3, 3: 5, 4: 7}[depth]
    stmt = (
        select(Item.category_id, Balance.item_id, Item.unit, func.count(Balance.id),
               type_coerce(func.sum(Balance.quantity), Quantity()), _value_fen_sum())
        .join(Item, Item.id == Balance.item_id)
        .where(Balance.quantity > 0)
        .group_by(Item.category_id, Balance.item_id, Item.unit)
    )
    with ctx.read() as session:
        categories = {category.id: category for category in session.scalars(select(Category))}
        names = {category.code: category.name for category in categories.values()}
        groups: dict[str, dict] = defaultdict(lambda: {"items": set(), "lines": 0, "value": Decimal(0),
                                                      "units": defaultdict(Decimal)})
        total, lines, items = Decimal(0), 0, set()
        for category_id, item_id, unit, count, qty, fen in session.execute(_visible(ctx, stmt)):
            category = categories.get(category_id)
            code = category.code[:prefix_length] if category else ""
            value = Decimal(int(fen or 0)) / 100
            group = groups[code]
            group["items"].add(item_id)
            group["lines"] += count
            group["value"] += value
            group["units"][unit] += qty or Decimal(0)
            total, lines = total + value, lines + count
            items.add(item_id)
    summaries = [
        CategorySummary(code, names.get(code, "未分类"), len(group["items"]), group["lines"], group["value"],
                        tuple(sorted(group["units"].items())))
        for code, group in groups.items()
    ]
    summaries.sort(key=lambda summary: (-summary.value, summary.code))
    return StockOverview(total, lines, len(items), summaries)


# ---------------------------------------------------------------- the stock view's lazy pages

# sort keys the stock view's columns map to (besides "store" and "expiry" above)
STOCK_VIEW_SORTS = ("store", "level", "item_code", "item_name", "spec", "category", "batch", "production",
                    "expiry", "quantity", "reserved", "value", "status")


@dataclass(frozen=True)
class StockFilter:
    """What the stock view narrows to; every part is applied in the database."""

    text: str = ""
    store_codes: list[str] | None = None
    area_code: str | None = None  # stores of this area and the areas below it
    level: str | StoreLevel | None = None
    category_code: str | None = None
    expiry: str = "all"  # "all", "expired", "due" (within the item's lead time) or a number of days


def _category_rows(session: Session) -> dict[int, _CategoryRow]:
    """Every category as a plain row (``id, code, name, parent_id, lead``, ``lead`` its effective
    rotation lead time: its own, else its nearest parent's, else the default) — no ORM objects."""
    rows = {row.id: row for row in session.connection().execute(
        select(Category.id, Category.code, Category.name, Category.parent_id, Category.rotation_lead_days))}

    def lead(cid: int | None) -> int:
        for _ in range(10):  # the tree is at most four levels deep; a cycle must not hang
            row = rows.get(cid)
            if row is None:
                break
            if row.rotation_lead_days is not None:
                return row.rotation_lead_days
            cid = row.parent_id
        return DEFAULT_LEAD_DAYS

    return {cid: _CategoryRow(row.id, row.code, row.name, lead(cid)) for cid, row in rows.items()}


@dataclass(frozen=True)
class _CategoryRow:
    id: int
    code: str
    name: str
    lead: int


def _lead_days_by_item(session: Session, categories: dict[int, _CategoryRow]) -> dict[int, int]:
    return {item_id: own if own is not None else (categories[category_id].lead if category_id in categories
                                                  else DEFAULT_LEAD_DAYS)
            for item_id, own, category_id in session.execute(
                select(Item.id, Item.rotation_lead_days, Item.category_id))}


def _filtered_balances(ctx: ServiceContext, session: Session, categories: dict[int, _CategoryRow],
                       flt: StockFilter, today: dt.date):
    """``select(Balance.id)`` with the filter's conditions, and whether the text joined ``Batch``."""
    stmt = select(Balance.id).where(Balance.quantity > 0)
    if flt.store_codes is not None:
        stmt = stmt.where(Balance.store_id.in_(select(Store.id).where(Store.code.in_(flt.store_codes or ["\x00"]))))
    if flt.area_code:
        stmt = stmt.where(Balance.store_id.in_(stores_in_area(flt.area_code)))
    if flt.level:
        stmt = stmt.where(Balance.store_level == (flt.level if isinstance(flt.level, StoreLevel)
                                                  else parse_level(flt.level)))
    if flt.category_code:
        ids = [cid for cid, category in categories.items() if category.code.startswith(flt.category_code)]
        stmt = stmt.where(Balance.item_id.in_(select(Item.id).where(Item.category_id.in_(ids or [-1]))))
    expiry = flt.expiry or "all"
    if expiry == "expired":
        stmt = stmt.where(Balance.expiry_date < today)
    elif expiry == "due":
        by_lead: dict[int, list[int]] = defaultdict(list)
        for item_id, lead in _lead_days_by_item(session, categories).items():
            by_lead[lead].append(item_id)
        from sqlalchemy import and_, false, or_

        stmt = stmt.where(Balance.expiry_date >= today, or_(false(), *(
            and_(Balance.item_id.in_(ids), Balance.expiry_date <= today + dt.timedelta(days=lead))
            for lead, ids in by_lead.items())))
    elif expiry != "all":
        stmt = stmt.where(Balance.expiry_date >= today, Balance.expiry_date <= today + dt.timedelta(days=int(expiry)))
    joined_batch = False
    if flt.text.strip():
        stmt, joined_batch = _with_text(session, stmt, flt.text, categories)
    return _visible(ctx, stmt), joined_batch


_EVERYTHING = StockFilter()
_EVERYTHING_PAGES: dict[tuple[str, bool], Any] = {}  # (sort, descending) -> statement, for the unfiltered view


def stock_view_page(ctx: ServiceContext, flt: StockFilter, *, sort: str = "store", descending: bool = False,
                    limit: int = 300, offset: int = 0) -> list[StockLine]:
    """One page of the stock view: filtered and sorted in the database, only ``limit`` lines read.

    The statement of the unfiltered view (what opens first, and what most sorting and scrolling reads) is
    built once per sort and direction and reused with the page's limit and offset as parameters:
    building it and its cache key cost about as much as reading a page."""
    if sort not in STOCK_VIEW_SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    today = ctx.today()
    cacheable = flt == _EVERYTHING and ctx.actor.role is not Role.KEEPER
    with ctx.read() as session:
        categories = _category_rows(session)
        stmt = _EVERYTHING_PAGES.get((sort, descending)) if cacheable else None
        if stmt is None:
            stmt = _page_statement(ctx, session, categories, flt, today, sort, descending)
            if cacheable:
                _EVERYTHING_PAGES[(sort, descending)] = stmt
        return _lines(session.connection().execute(stmt, {"page_limit": limit, "page_offset": offset}).all(), categories)


def _page_statement(ctx: ServiceContext, session: Session, categories: dict[int, _CategoryRow], flt: StockFilter,
                    today: dt.date, sort: str, descending: bool):
    """The page query for a filter and sort; the limit and offset are the parameters ``page_limit`` and
    ``page_offset``."""
    from sqlalchemy import Integer, bindparam
    from sqlalchemy.orm import aliased

    inner, joined_batch = _filtered_balances(ctx, session, categories, flt, today)
    batch = Batch
    if sort in ("batch", "production") and not joined_batch:
        inner = inner.join(Batch, Batch.id == Balance.batch_id)
    item = aliased(Item)
    if sort in ("item_code", "item_name", "spec", "category"):
        inner = inner.join(item, item.id == Balance.item_id)
    if sort in ("quantity", "reserved", "value"):
        inner = inner.where(LIVE_SORTED_TERM)  # lets these sorts (only) walk their partial indexes
    category = aliased(Category)
    if sort == "category":
        inner = inner.outerjoin(category, category.id == item.category_id)
    keys = {  # built only for the sort asked for (building them all cost more than reading the page)
        # the index ix_balances_store_item_expiry: a first page stops after ``limit`` lines
        "store": lambda: [Balance.store_id, Balance.item_id, Balance.expiry_date],
        # the stored values sort in the level order (county, township, village): ix_balances_live_level
        "level": lambda: [Balance.store_level, Balance.store_id],
        "item_code": lambda: [item.code], "item_name": lambda: [item.name], "spec": lambda: [item.spec],
        "category": lambda: [func.coalesce(category.code, "")],
        "batch": lambda: [batch.batch_no], "production": lambda: [batch.production_date],
        "expiry": lambda: [Balance.expiry_date], "status": lambda: [Balance.expiry_date],
        # the balance row's expressions that ix_balances_live_quantity / _reserved / _value hold (migration
        # 0009); value = quantity × the line's stored effective price, no join
        "quantity": lambda: [live_sort_key("quantity")], "reserved": lambda: [live_sort_key("reserved")],
        "value": lambda: [live_sort_key("value")],
    }[sort]()
    labelled = [key.label(f"k{n}") for n, key in enumerate(keys)]
    page = (inner.add_columns(*labelled).limit(bindparam("page_limit", type_=Integer))
            .offset(bindparam("page_offset", type_=Integer)))

    def ordered(column):  # no NULLS LAST: it would keep SQLite from walking the expiry index
        return column.desc() if descending else column.asc()

    page = page.order_by(*(ordered(key) for key in keys),
                         Balance.id.desc() if descending else Balance.id).subquery()
    return (
        select(*_LINE_COLUMNS)
        .join(page, page.c.id == Balance.id)
        .join(Store, Store.id == Balance.store_id)
        .join(Item, Item.id == Balance.item_id)
        .join(Batch, Batch.id == Balance.batch_id)
        .order_by(*(ordered(page.c[f"k{n}"]) for n in range(len(keys))),
                  Balance.id.desc() if descending else Balance.id)
    )


@dataclass(frozen=True)
class StockTotals:
    lines: int
    value: Decimal


def stock_view_totals(ctx: ServiceContext, flt: StockFilter) -> StockTotals:
    """Line count and value of everything the filter matches, in one aggregate query.

    Each line's value is rounded to the fen before summing, as ``StockLine.value`` rounds."""
    today = ctx.today()
    with ctx.read() as session:
        categories = _category_rows(session)
        # the aggregate over the filtered balances themselves: the value is on the balance row
        stmt = _filtered_balances(ctx, session, categories, flt, today)[0].with_only_columns(
            func.count(Balance.id), _value_fen_sum())
        count, fen = session.execute(stmt).one()
    return StockTotals(int(count or 0), Decimal(int(fen or 0)) / 100)


def _value_fen_sum():
    """The sum of the lines' values in fen, each rounded to the fen before adding, from the balance row's
    stored price: quantity (thousandths) × price (fen) / 1000, half up. (``StockLine.value`` rounds half to
    even: the two differ only on a line worth an exact half fen, as before the price was stored.) Lines
    without a price add nothing."""
    from sqlalchemy import BigInteger, type_coerce

    quantity, price = type_coerce(Balance.quantity, BigInteger), type_coerce(Balance.unit_price, BigInteger)
    return func.sum((quantity * price + 500) // 1000)
