"""Printed ledger documents: 入库单 (receipt), 出库单 (issue slip), 盘点表 (stocktake count sheet),
报废单 (scrap record), and a plain form for transfers and reversals.

``document_form`` gathers everything from a posted ``Document`` into a ``FormData`` (no Qt, no files);
``print_document`` renders it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from models.context import ServiceContext
from models.documents.dispatch_pdf import organisation_name
from models.documents.pdf_layout import Column, FormData, chinese_date, render_form
from models.errors import PermissionDeniedError
from models.messages import msg
from models.schema.base import round_money
from models.schema.documents import Document
from models.schema.enums import DocType
from models.schema.users import User
from models.services.ledger import fmt_qty
from models.services.lookup import document_by_number
from models.services.permissions import can_read_store

TITLES = {
    DocType.RECEIPT: "应急物资入库单",
    DocType.ISSUE: "应急物资出库单",
    DocType.STOCKTAKE: "应急物资盘点表",
    DocType.SCRAP: "应急物资报废单",
    DocType.TRANSFER_OUT: "应急物资调拨出库单",
    DocType.TRANSFER_IN: "应急物资调拨入库单",
    DocType.REVERSAL: "冲销单",
}


def _money(value: Decimal | None) -> str:
    return "" if value is None else f"{round_money(value):,.2f}"


def _date(value) -> str:
    return value.isoformat() if value else ""


def _user(session, user_id: int | None) -> str:
    user = session.get(User, user_id) if user_id else None
    return (user.display_name or user.username) if user else ""


def document_form(ctx: ServiceContext, number: str) -> FormData:
    """The printable form of posted document ``number``."""
    organisation = organisation_name(ctx)
    with ctx.read() as session:
        document = document_by_number(session, number)
        if not can_read_store(ctx.actor, document.store_id):
            raise PermissionDeniedError(msg("您不能查看储备库“{store_name}”的单据。", store_name=document.store.name))
        reversed_by = session.scalar(select(Document.number).where(Document.reverses_id == document.id))
        builder = {
            DocType.RECEIPT: _receipt,
            DocType.ISSUE: _issue,
            DocType.STOCKTAKE: _stocktake,
            DocType.SCRAP: _scrap,
        }.get(document.doc_type, _generic)
        form = builder(session, document)
        form.title = TITLES[document.doc_type]
        form.number = document.number
        form.date = chinese_date(document.doc_date)
        form.organisation = organisation
        if reversed_by:
            form.stamp = "已冲销"
            form.notes.append(f"※ 本单已被 {reversed_by} 冲销。")
        return form


def print_document(ctx: ServiceContext, number: str, path: str | Path, *, copies: list[str] | tuple = ()) -> Path:
    form = document_form(ctx, number)
    form.copies = list(copies)
    return render_form(form, path)


def print_any(ctx: ServiceContext, number: str, path: str | Path, *, copies: list[str] | tuple = ()) -> Path:
    """Print a dispatch order (调拨单) or any posted document by its number."""
    from models.documents.dispatch_pdf import print_dispatch_order
    from models.schema.dispatch import DispatchOrder

    with ctx.read() as session:
        is_order = session.scalar(select(DispatchOrder.id).where(DispatchOrder.number == number)) is not None
    if is_order:
        return print_dispatch_order(ctx, number, path, copies=copies)
    return print_document(ctx, number, path, copies=copies)


def _receipt(session, document: Document) -> FormData:
    rows, total = [], Decimal(0)
    for line in document.lines:
        batch, item = line.batch, line.item
        amount = line.quantity * line.unit_price if line.unit_price is not None else None
        total += amount or 0
        rows.append([str(line.line_no), item.name, item.spec, item.unit, batch.batch_no if batch else "",
                     _date(batch.production_date if batch else None), _date(batch.expiry_date if batch else None),
                     fmt_qty(line.quantity), _money(line.unit_price), _money(amount), line.location, line.remarks])
    manufacturers = sorted({line.batch.manufacturer for line in document.lines if line.batch and line.batch.manufacturer})
    return FormData(
        title="", number="", date="", landscape=True,
        header_fields=[
            ("入库仓库", document.store.name), ("供货（存储）单位", document.counterparty),
            ("通知单号", document.reference), ("生产厂家", "、".join(manufacturers)),
            ("备注*", document.remarks),
        ],
        columns=[Column("序号", 0.6, "CENTER"), Column("物资名称", 2.0), Column("规格型号", 1.6),
                 Column("单位", 0.6, "CENTER"), Column("批次", 1.4), Column("生产日期", 1.3, "CENTER"),
                 Column("有效期至", 1.3, "CENTER"), Column("数量", 1.0, "RIGHT"), Column("单价(元)", 1.0, "RIGHT"),
                 Column("金额(元)", 1.2, "RIGHT"), Column("存放位置", 1.2), Column("备注", 1.3)],
        rows=rows,
        total_row=["", f"合计（共 {len(rows)} 行）", "", "", "", "", "", "", "", _money(total), "", ""],
        notes=["※ 验收结论：数量、质量与通知单相符 □   不符 □（请在备注栏注明）"],
        signatures=[("经办人", _user(session, document.created_by_id)), ("验收人", ""),
                    ("保管员", document.store.keeper_name), ("审核人", "")],
    )


def _issue(session, document: Document) -> FormData:
    rows = [[str(line.line_no), line.item.name, line.item.spec, line.item.unit,
             line.batch.batch_no if line.batch else "", _date(line.batch.expiry_date if line.batch else None),
             fmt_qty(line.quantity), line.remarks] for line in document.lines]
    return FormData(
        title="", number="", date="",
        header_fields=[
            ("出库仓库", document.store.name), ("领用单位", document.counterparty),
            ("用途", document.purpose), ("依据文号", document.reference),
            ("事由*", document.reason), ("备注*", document.remarks),
        ],
        columns=[Column("序号", 0.75, "CENTER"), Column("物资名称", 2.3), Column("规格型号", 1.8),
                 Column("单位", 0.75, "CENTER"), Column("批次", 1.6), Column("有效期至", 1.4, "CENTER"),
                 Column("数量", 1.0, "RIGHT"), Column("备注", 1.6)],
        rows=rows,
        total_row=["", f"合计（共 {len(rows)} 行）", "", "", "", "", "", ""],
        signatures=[("经办人", _user(session, document.created_by_id)), ("审核人", ""),
                    ("批准人", _user(session, document.approved_by_id)), ("签收人", "")],
    )


def _stocktake(session, document: Document) -> FormData:
    rows = []
    for line in document.lines:
        book, counted = line.book_quantity or Decimal(0), line.counted_quantity or Decimal(0)
        difference = counted - book
        rows.append([str(line.line_no), line.item.name, line.item.spec, line.item.unit,
                     line.batch.batch_no if line.batch else "", _date(line.batch.expiry_date if line.batch else None),
                     fmt_qty(book), fmt_qty(counted),
                     ("+" if difference > 0 else "") + fmt_qty(difference) if difference else "0", line.remarks])
    return FormData(
        title="", number="", date="", landscape=True,
        header_fields=[("盘点仓库", document.store.name), ("盘点日期", chinese_date(document.doc_date)),
                       ("盘盈盘亏原因*", document.reason)],
        columns=[Column("序号", 0.7, "CENTER"), Column("物资名称", 1.8), Column("规格型号", 1.4),
                 Column("单位", 0.7, "CENTER"), Column("批次", 1.3), Column("有效期至", 1.55, "CENTER"),
                 Column("账面数量", 1.0, "RIGHT"), Column("实盘数量", 1.0, "RIGHT"),
                 Column("盘盈(+)盘亏(-)", 1.1, "RIGHT"), Column("备注", 1.1)],
        rows=rows,
        signatures=[("盘点人", _user(session, document.created_by_id)), ("监盘人", ""),
                    ("保管员", document.store.keeper_name), ("审核人", "")],
    )


def _scrap(session, document: Document) -> FormData:
    rows, total = [], Decimal(0)
    for line in document.lines:
        batch, item = line.batch, line.item
        price = line.unit_price if line.unit_price is not None else (batch.unit_price if batch else None)
        amount = line.quantity * price if price is not None else None
        total += amount or 0
        rows.append([str(line.line_no), item.name, item.spec, item.unit, batch.batch_no if batch else "",
                     _date(batch.production_date if batch else None), _date(batch.expiry_date if batch else None),
                     fmt_qty(line.quantity), _money(price), _money(amount), line.remarks])
    return FormData(
        title="", number="", date="", landscape=True,
        header_fields=[("报废仓库", document.store.name), ("审批", _user(session, document.approved_by_id)),
                       ("报废原因*", document.reason)],
        columns=[Column("序号", 0.6, "CENTER"), Column("物资名称", 2.0), Column("规格型号", 1.6),
                 Column("单位", 0.6, "CENTER"), Column("批次", 1.4), Column("生产日期", 1.3, "CENTER"),
                 Column("有效期至", 1.3, "CENTER"), Column("数量", 1.0, "RIGHT"), Column("单价(元)", 1.0, "RIGHT"),
                 Column("金额(元)", 1.2, "RIGHT"), Column("备注", 1.6)],
        rows=rows,
        total_row=["", f"合计（共 {len(rows)} 行）", "", "", "", "", "", "", "", _money(total), ""],
        notes=["※ 报废物资按规定处置，处置情况另行登记。"],
        signatures=[("经办人", _user(session, document.created_by_id)), ("保管员", document.store.keeper_name),
                    ("审核人", ""), ("批准人", _user(session, document.approved_by_id))],
    )


def _generic(session, document: Document) -> FormData:
    form = _issue(session, document)
    form.header_fields = [
        ("储备库", document.store.name), ("对方单位", document.counterparty),
        ("依据/原单号", document.reference), ("事由", document.reason or document.purpose),
        ("备注*", document.remarks),
    ]
    form.signatures = [("经办人", _user(session, document.created_by_id)), ("审核人", ""),
                       ("批准人", _user(session, document.approved_by_id)), ("签收人", "")]
    return form
