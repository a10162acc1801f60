"""Reading the ledger (台账流水) one page at a time, for the ledger view and exports.

A million movements must open instantly, so pages are found by KEYSET on ``(occurred_at, id)``
— the last row's key of one page starts the next — and never by OFFSET, which would make the
database walk every earlier row. The index ``ix_movements_time_id`` (and the per-store and
per-item ones) serve both directions. Keepers see only the stores they are assigned to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import literal, select, tuple_
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.schema.base import UtcDateTime
from models.schema.catalog import Item
from models.schema.documents import Document
from models.schema.enums import DocType, Role
from models.schema.stock import Batch, Movement
from models.schema.users import User
from models.schema.warehouse import Store
from models.services.lookup import item_by_code, store_by_code, user_by_name
from models.services.permissions import can_read_store

DEFAULT_PAGE_SIZE = 200


@dataclass(frozen=True)
class LedgerFilter:
    """What the ledger view asks for; ``None`` means "any". Dates are inclusive, in local time."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    store_code: str | None = None
    item_code: str | None = None
    doc_type: DocType | None = None
    username: str | None = None


@dataclass(frozen=True)
class LedgerKey:
    """Where a page ends: the (occurred_at, id) of its last row."""

    occurred_at: dt.datetime
    id: int


@dataclass(frozen=True)
class LedgerRow:
    id: int
    occurred_at: dt.datetime
    document_number: str
    doc_type: DocType
    store_code: str
    store_name: str
    item_code: str
    item_name: str
    spec: str
    unit: str
    batch_no: str
    expiry_date: dt.date | None
    delta: Decimal
    balance_after: Decimal
    username: str

    @property
    def key(self) -> LedgerKey:
        return LedgerKey(self.occurred_at, self.id)


@dataclass(frozen=True)
class LedgerPage:
    rows: list[LedgerRow]
    has_more: bool

    @property
    def last_key(self) -> LedgerKey | None:
        return self.rows[-1].key if self.rows else None


def _local_midnight_utc(day: dt.date) -> dt.datetime:
    """Midnight of ``day`` on this machine's clock, as an aware UTC time (store UTC, show local)."""
    return dt.datetime.combine(day, dt.time.min).astimezone().astimezone(dt.timezone.utc)


def _conditions(session: Session, ctx: ServiceContext, filters: LedgerFilter) -> list:
    conditions = []
    if filters.date_from:
        conditions.append(Movement.occurred_at >= _local_midnight_utc(filters.date_from))
    if filters.date_to:
        conditions.append(Movement.occurred_at < _local_midnight_utc(filters.date_to + dt.timedelta(days=1)))
    if filters.store_code:
        store = store_by_code(session, filters.store_code)
        conditions.append(Movement.store_id == store.id)
    if filters.item_code:
        conditions.append(Movement.item_id == item_by_code(session, filters.item_code).id)
    if filters.doc_type:
        conditions.append(Movement.doc_type == DocType(filters.doc_type))
    if filters.username:
        conditions.append(Movement.user_id == user_by_name(session, filters.username).id)
    if ctx.actor.role is Role.KEEPER:
        # keepers read only their stores; -1 keeps the IN list valid when they have none
        conditions.append(Movement.store_id.in_(sorted(ctx.actor.store_ids) or [-1]))
    return conditions


def _after(key: LedgerKey, newest_first: bool):
    """Rows strictly after ``key`` in the page order (a row-value comparison the index can use)."""
    left = tuple_(Movement.occurred_at, Movement.id)
    right = tuple_(literal(key.occurred_at, UtcDateTime()), literal(key.id))
    return left < right if newest_first else left > right


def ledger_page(
    ctx: ServiceContext,
    filters: LedgerFilter = LedgerFilter(),
    after: LedgerKey | None = None,
    *,
    limit: int = DEFAULT_PAGE_SIZE,
    newest_first: bool = True,
) -> LedgerPage:
    """One page of movements in time order, starting after ``after`` (the previous page's last key).

    An unknown store, item or user code in ``filters`` raises ``NotFoundError``; a keeper asking for
    a store that is not theirs gets an empty page.
    """
    with ctx.read() as session:
        conditions = _conditions(session, ctx, filters)
        if after is not None:
            conditions.append(_after(after, newest_first))
        order = (Movement.occurred_at.desc(), Movement.id.desc()) if newest_first else (
            Movement.occurred_at.asc(), Movement.id.asc())
        # the page's ids first, on the movement indexes alone; the joins then touch only these rows
        page_ids = (
            select(Movement.id).where(*conditions)
            .order_by(*order).limit(limit + 1).subquery()
        )
        stmt = (
            select(Movement.id, Movement.occurred_at, Document.number, Movement.doc_type, Store.code, Store.name,
                   Item.code, Item.name, Item.spec, Item.unit, Batch.batch_no, Batch.expiry_date,
                   Movement.delta, Movement.balance_after, User.username)
            .join(page_ids, page_ids.c.id == Movement.id)
            .join(Document, Document.id == Movement.document_id)
            .join(Store, Store.id == Movement.store_id)
            .join(Item, Item.id == Movement.item_id)
            .join(Batch, Batch.id == Movement.batch_id)
            .outerjoin(User, User.id == Movement.user_id)
            .order_by(*order)
        )
        # executed on the session's connection (Core): plain typed rows, without the ORM's result machinery
        rows = [LedgerRow(*row[:-1], row[-1] or "") for row in session.connection().execute(stmt)]
    return LedgerPage(rows[:limit], has_more=len(rows) > limit)


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


@dataclass(frozen=True)
class LedgerChoices:
    """What the filter boxes offer: readable stores, users who have posted, document types."""

    stores: list[Choice]
    users: list[Choice]
    doc_types: list[Choice]


def ledger_choices(ctx: ServiceContext) -> LedgerChoices:
    with ctx.read() as session:
        stores = [
            Choice(store.code, f"{store.code} {store.name}")
            for store in session.scalars(select(Store).order_by(Store.level, Store.code))
            if can_read_store(ctx.actor, store.id)
        ]
        users = [
            Choice(user.username, user.display_name or user.username)
            for user in session.scalars(select(User).order_by(User.username))
        ]
    return LedgerChoices(stores, users, [Choice(t.value, t.label) for t in DocType])
