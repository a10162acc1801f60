"""Reading documents (单据) for the documents view: a filtered list, and one document with its
lines and its history (what reversed it, what it reverses, the audit entries about it).

Keepers see only documents of their own stores. An area filter (its stores and those below it) is
bound as the list of its store ids, as the ledger does (``warehouses.area_store_ids``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from models.context import ServiceContext
from models.errors import PermissionDeniedError
from models.messages import msg
from models.schema.audit import AuditEntry
from models.schema.catalog import Item
from models.schema.documents import Document, DocumentLine, Transfer
from models.schema.enums import DocStatus, DocType, Role, TransferStatus
from models.schema.stock import Batch
from models.schema.users import User
from models.schema.warehouse import Store
from models.services.lookup import document_by_number, store_by_code
from models.services.navigation_tree import keeper_store_ids
from models.services.permissions import can_read_store
from models.services.warehouses import area_store_ids, readable_store_rows

DEFAULT_LIMIT = 2000  # newest documents listed; older ones through the date filter

TRANSFER_STATUS_LABELS = {
    TransferStatus.IN_TRANSIT: "在途",
    TransferStatus.PARTIAL: "部分收货",
    TransferStatus.RECEIVED: "已收货",
    TransferStatus.CANCELLED: "已撤销",
}


@dataclass(frozen=True)
class DocumentFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    store_code: str | None = None
    doc_type: DocType | None = None
    text: str = ""  # part of the number, the counterparty, the reason or the reference
    area_code: str | None = None  # the stores of this area and of the areas below it


@dataclass(frozen=True)
class DocumentSummary:
    number: str
    doc_type: DocType
    status: DocStatus
    store_code: str
    store_name: str
    doc_date: dt.date
    counterparty: str
    purpose: str
    reason: str
    reference: str
    line_count: int
    total_quantity: Decimal
    created_by: str
    posted_at: dt.datetime | None
    reversed_by: str | None  # number of the reversal that undid this document
    reverses: str | None  # number of the document this reversal undoes

    @property
    def reversible(self) -> bool:
        return (self.doc_type is not DocType.REVERSAL and self.status is DocStatus.POSTED
                and self.reversed_by is None)


@dataclass(frozen=True)
class DocumentLineView:
    line_no: int
    item_code: str
    item_name: str
    spec: str
    unit: str
    batch_no: str
    expiry_date: dt.date | None
    quantity: Decimal
    book_quantity: Decimal | None
    counted_quantity: Decimal | None
    unit_price: Decimal | None
    location: str
    remarks: str


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    username: str
    action: str
    document: str
    summary: str


@dataclass(frozen=True)
class DocumentDetail:
    summary: DocumentSummary
    remarks: str
    lines: list[DocumentLineView]
    history: list[HistoryEntry] = field(default_factory=list)
    transfer_number: str | None = None
    transfer_status: TransferStatus | None = None


def _summary_query():
    """Documents with their store, reversal links, author and line count/total.

    The count and total are correlated subqueries on ``document_lines(document_id, …)``, so they cost
    a few index lookups per document shown, not a grouping of every line in the database (at city
    scale, 2,000,000 lines: the documents view never opened)."""
    reversal = aliased(Document)
    original = aliased(Document)
    creator = aliased(User)
    count = (select(func.count(DocumentLine.id)).where(DocumentLine.document_id == Document.id)
             .correlate(Document).scalar_subquery())
    total = (select(func.coalesce(func.sum(DocumentLine.quantity), 0)).where(DocumentLine.document_id == Document.id)
             .correlate(Document).scalar_subquery())
    stmt = (
        select(Document.number, Document.doc_type, Document.status, Store.code, Store.name, Document.doc_date,
               Document.counterparty, Document.purpose, Document.reason, Document.reference, count, total,
               creator.username, Document.posted_at, reversal.number, original.number)
        .join(Store, Store.id == Document.store_id)
        .outerjoin(reversal, reversal.reverses_id == Document.id)
        .outerjoin(original, original.id == Document.reverses_id)
        .outerjoin(creator, creator.id == Document.created_by_id)
    )
    return stmt


def _summary(row) -> DocumentSummary:
    """Plain columns (no ORM entity): the list builds thousands of these."""
    (number, doc_type, status, store_code, store_name, doc_date, counterparty, purpose, reason, reference,
     count, total, creator, posted_at, reversed_by, reverses) = row
    total_quantity = total if isinstance(total, Decimal) else Decimal(total or 0)  # typed by Quantity
    return DocumentSummary(number, doc_type, status, store_code, store_name, doc_date, counterparty, purpose,
                           reason, reference, int(count or 0), total_quantity, creator or "", posted_at,
                           reversed_by, reverses)


def list_documents(ctx: ServiceContext, filters: DocumentFilter = DocumentFilter(), *,
                   limit: int = DEFAULT_LIMIT) -> list[DocumentSummary]:
    """Documents newest first (by date, then number), at most ``limit`` of them."""
    with ctx.read() as session:
        stmt = select(Document.id)  # first the page of ids (index-ordered), then its summaries
        if filters.date_from:
            stmt = stmt.where(Document.doc_date >= filters.date_from)
        if filters.date_to:
            stmt = stmt.where(Document.doc_date <= filters.date_to)
        if filters.store_code:
            stmt = stmt.where(Document.store_id == store_by_code(session, filters.store_code).id)
        if filters.area_code:
            stmt = stmt.where(Document.store_id.in_(area_store_ids(session, filters.area_code) or [-1]))
        if filters.doc_type:
            stmt = stmt.where(Document.doc_type == DocType(filters.doc_type))
        text = (filters.text or "").strip()
        if text:
            pattern = f"%{text}%"
            stmt = stmt.where(or_(Document.number.ilike(pattern), Document.counterparty.ilike(pattern),
                                  Document.reason.ilike(pattern), Document.reference.ilike(pattern),
                                  Document.purpose.ilike(pattern)))
        keeper_stores = keeper_store_ids(ctx.actor)
        if keeper_stores is not None:
            stmt = stmt.where(Document.store_id.in_(keeper_stores))
        newest_first = (Document.doc_date.desc(), Document.id.desc())
        page = stmt.order_by(*newest_first).limit(limit).subquery()
        # plain rows on the session's connection: no ORM loading for the 2,000 summaries
        rows = session.connection().execute(
            _summary_query().where(Document.id.in_(select(page.c.id))).order_by(*newest_first)).all()
        return [_summary(row) for row in rows]


def document_detail(ctx: ServiceContext, number: str) -> DocumentDetail:
    """One document with its lines and history; keepers only for their own stores."""
    with ctx.read() as session:
        document = document_by_number(session, number)
        if not can_read_store(ctx.actor, document.store_id):
            raise PermissionDeniedError(msg("您不能查看储备库“{store_name}”的单据 {number}。",
                                            store_name=document.store.name, number=number))
        summary = _summary(session.execute(_summary_query().where(Document.id == document.id)).one())
        lines = [
            DocumentLineView(
                line.line_no, item.code, item.name, item.spec, item.unit, batch.batch_no if batch else "",
                batch.expiry_date if batch else None, line.quantity, line.book_quantity,
                line.counted_quantity, line.unit_price, line.location, line.remarks,
            )
            for line, item, batch in session.execute(
                select(DocumentLine, Item, Batch)
                .join(Item, Item.id == DocumentLine.item_id)
                .outerjoin(Batch, Batch.id == DocumentLine.batch_id)
                .where(DocumentLine.document_id == document.id)
                .order_by(DocumentLine.line_no)
            )
        ]
        related = [number] + [n for n in (summary.reversed_by, summary.reverses) if n]
        history = [
            HistoryEntry(entry.at, entry.username, entry.action, entry.entity_key, entry.summary)
            for entry in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "document", AuditEntry.entity_key.in_(related))
                .order_by(AuditEntry.at, AuditEntry.id)
            )
        ]
        transfer = session.get(Transfer, document.transfer_id) if document.transfer_id else None
        return DocumentDetail(
            summary, document.remarks, lines, history,
            transfer.number if transfer else None, transfer.status if transfer else None,
        )


@dataclass(frozen=True)
class DocumentStores:
    """The stores the documents view needs, read in one query of four columns (a city has thousands)."""

    readable: list[tuple[str, str]]  # (code, "code name") by level then code, as ledger_choices().stores
    postable: frozenset[str]  # active stores this user may post (so reverse) in, as postable_stores()


def _store_rows(ctx: ServiceContext):
    """(id, code, name, active) of the stores the user may read, by level then code (``list_stores``')."""
    with ctx.read() as session:
        return readable_store_rows(session, ctx.actor)


def readable_stores(ctx: ServiceContext) -> list[StoreChoice]:
    """The stores ``warehouses.list_stores`` gives (those the user may read, by level then code), as
    code and name only: the store boxes of the import/export and inspections views."""
    return [StoreChoice(row.code, row.name) for row in _store_rows(ctx)]


def _postable(actor, rows) -> list[tuple[str, str]]:
    """(code, "code name") of the active ``rows`` this user may post (so reverse) in: admins and officers
    anywhere, keepers in their own stores (``permissions.require_post``); every such store is readable."""
    posts_anywhere = actor.role in (Role.ADMIN, Role.OFFICER)
    return [(code, f"{code} {name}") for store_id, code, name, active in rows
            if active and (posts_anywhere or (actor.role is Role.KEEPER and store_id in actor.store_ids))]


def document_stores(ctx: ServiceContext) -> DocumentStores:
    rows = _store_rows(ctx)
    return DocumentStores([(code, f"{code} {name}") for _store_id, code, name, _active in rows],
                          frozenset(code for code, _label in _postable(ctx.actor, rows)))


def postable_stores(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(code, "code name") of the active stores this user may post in (keepers: their own), by level
    then code: the document dialogs' store box."""
    return _postable(ctx.actor, _store_rows(ctx))


@dataclass(frozen=True)
class StoreChoice:
    code: str
    name: str


def transfer_targets(ctx: ServiceContext) -> list[StoreChoice]:
    """Every active store, as a destination for a transfer; a keeper ships to stores that are not
    theirs, so this list is not limited to readable stores (it shows only codes and names)."""
    with ctx.read() as session:
        return [StoreChoice(code, name) for code, name in session.execute(
            select(Store.code, Store.name).where(Store.active.is_(True)).order_by(Store.level, Store.code))]
