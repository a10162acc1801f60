"""自检: recompute every balance from the ledger and check the database's own integrity.

``reserve-keeper verify`` exits 0 only when every check passes; the desktop can run it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from models.db import Database
from models.schema.audit import AuditEntry
from models.schema.base import Quantity
from models.schema.documents import Document, DocumentLine, Transfer, TransferLine
from models.schema.enums import DocType, TransferStatus
from models.schema.stock import Balance, Batch, Movement
from models.schema.warehouse import Store
from models.services.balance_prices import stale_prices

MAX_DETAILS = 20


@dataclass
class Check:
    name: str
    ok: bool
    details: list[str] = field(default_factory=list)


@dataclass
class VerifyReport:
    checks: list[Check]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def as_json(self) -> dict:
        return {"ok": self.ok, "checks": [{"name": c.name, "ok": c.ok, "details": c.details} for c in self.checks]}


def verify(db: Database) -> VerifyReport:
    with db.read() as session:
        checks = [
            _integrity(session, db),
            _balances_match_ledger(session),
            _no_negative(session),
            _copies_match(session),
            _documents_match_ledger(session),
            _transfers_match_ledger(session),
            _audit_covers_documents(session),
        ]
    return VerifyReport(checks)


def _integrity(session: Session, db: Database) -> Check:
    if not db.is_sqlite:
        session.execute(text("SELECT 1"))
        return Check("数据库完整性", True, ["PostgreSQL：由服务器保证"])
    rows = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
    fk = list(session.execute(text("PRAGMA foreign_key_check")))
    details = [] if rows == ["ok"] else rows[:MAX_DETAILS]
    details += [f"外键错误：{tuple(row)}" for row in fk[:MAX_DETAILS]]
    return Check("数据库完整性", rows == ["ok"] and not fk, details)


def _balances_match_ledger(session: Session) -> Check:
    ledger_sums = (
        select(Movement.store_id, Movement.batch_id, func.sum(Movement.delta).label("total"))
        .group_by(Movement.store_id, Movement.batch_id)
        .subquery()
    )
    stmt = (
        select(Balance.store_id, Balance.batch_id, Balance.quantity, ledger_sums.c.total)
        .outerjoin(ledger_sums, (ledger_sums.c.store_id == Balance.store_id) & (ledger_sums.c.batch_id == Balance.batch_id))
    )
    details = []
    for store_id, batch_id, quantity, total in session.execute(stmt):
        total = total or 0
        if quantity != total:
            details.append(f"储备库 {store_id} 批次 {batch_id}：结存 {quantity}，流水合计 {total}")
    orphan = session.execute(
        select(ledger_sums.c.store_id, ledger_sums.c.batch_id)
        .outerjoin(Balance, (Balance.store_id == ledger_sums.c.store_id) & (Balance.batch_id == ledger_sums.c.batch_id))
        .where(Balance.id.is_(None))
    ).all()
    details += [f"储备库 {s} 批次 {b}：有流水但没有结存行" for s, b in orphan]
    return Check("结存与流水一致", not details, details[:MAX_DETAILS])


def _no_negative(session: Session) -> Check:
    count = session.scalar(select(func.count()).select_from(Balance).where(Balance.quantity < 0)) or 0
    reserved = session.scalar(
        select(func.count()).select_from(Balance).where((Balance.reserved < 0) | (Balance.reserved > Balance.quantity))
    ) or 0
    details = ([f"{count} 个结存为负数"] if count else []) + ([f"{reserved} 个预留数量不合理"] if reserved else [])
    return Check("无负库存", not details, details)


def _copies_match(session: Session) -> Check:
    rows = session.execute(
        select(Balance.id)
        .join(Batch, Batch.id == Balance.batch_id)
        .join(Store, Store.id == Balance.store_id)
        .where(
            (Batch.item_id != Balance.item_id)
            | (Store.level != Balance.store_level)
            | ((Batch.expiry_date != Balance.expiry_date))
            | (Batch.expiry_date.is_(None) != Balance.expiry_date.is_(None))
        )
        .limit(MAX_DETAILS)
    ).scalars().all()
    details = [f"结存行 {row} 的物资/有效期/级别与批次或储备库不一致" for row in rows]
    # the copied unit price (migration 0009): the batch's own, else the item's
    details += [f"结存行 {row} 的单价与批次或物资的单价不一致" for row in stale_prices(session, MAX_DETAILS)]
    return Check("结存冗余字段一致", not details, details[:MAX_DETAILS])


def _documents_match_ledger(session: Session) -> Check:
    moved = (
        select(Movement.document_id, func.sum(func.abs(Movement.delta, type_=Quantity)).label("moved"))
        .group_by(Movement.document_id).subquery()
    )
    lines = (
        select(DocumentLine.document_id, func.sum(DocumentLine.quantity).label("written"))
        .group_by(DocumentLine.document_id).subquery()
    )
    stmt = (
        select(Document.number, lines.c.written, moved.c.moved)
        .outerjoin(lines, lines.c.document_id == Document.id)
        .outerjoin(moved, moved.c.document_id == Document.id)
        .where(Document.doc_type != DocType.STOCKTAKE, Document.posted_at.is_not(None))
    )
    details = [
        f"单据 {number}：单据数量 {written or 0}，流水数量 {moved_qty or 0}"
        for number, written, moved_qty in session.execute(stmt)
        if (written or 0) != (moved_qty or 0)
    ]
    return Check("单据与流水一致", not details, details[:MAX_DETAILS])


def _transfers_match_ledger(session: Session) -> Check:
    """Shipped minus what the ledger took out of the source must be zero (unless cancelled)."""
    out = (
        select(Document.transfer_id, func.sum(Movement.delta).label("out"))
        .join(Movement, Movement.document_id == Document.id)
        .where(Document.doc_type == DocType.TRANSFER_OUT)
        .group_by(Document.transfer_id).subquery()
    )
    shipped = (
        select(TransferLine.transfer_id, func.sum(TransferLine.shipped).label("shipped"))
        .group_by(TransferLine.transfer_id).subquery()
    )
    stmt = (
        select(Transfer.number, shipped.c.shipped, out.c.out)
        .join(shipped, shipped.c.transfer_id == Transfer.id)
        .outerjoin(out, out.c.transfer_id == Transfer.id)
        .where(Transfer.status != TransferStatus.CANCELLED)
    )
    details = [
        f"调拨 {number}：发出 {ship}，流水出库 {-(moved or 0)}"
        for number, ship, moved in session.execute(stmt)
        if ship != -(moved or 0)
    ]
    return Check("调拨在途与流水一致", not details, details[:MAX_DETAILS])


def _audit_covers_documents(session: Session) -> Check:
    audited = select(AuditEntry.entity_key).where(AuditEntry.entity == "document")
    missing = session.scalars(
        select(Document.number).where(Document.number.not_in(audited)).limit(MAX_DETAILS)
    ).all()
    return Check("审计日志覆盖全部单据", not missing, [f"单据 {n} 没有审计记录" for n in missing])
