"""The printed dispatch order (应急物资调拨单): it travels with the truck and comes back signed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.context import ServiceContext
from models.documents.pdf_layout import Column, FormData, chinese_date, render_form
from models.schema.dispatch import DispatchStatus
from models.services.dispatch import OrderView, order_view
from models.services.ledger import fmt_qty

DISPATCH_COPIES = ("存根", "调出联", "调入联")
LOCAL_TZ = dt.timezone(dt.timedelta(hours=8))  # forms show Beijing time

COLUMNS = [
    Column("序号", 0.85, "CENTER"),
    Column("物资名称", 2.0),
    Column("规格型号", 1.5),
    Column("单位", 0.85, "CENTER"),
    Column("批次", 1.3),
    Column("调出仓库", 2.5),
    Column("数量", 0.9, "RIGHT"),
    Column("备注", 1.6),
]


def local_time(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone(LOCAL_TZ)
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def dispatch_rows(order: OrderView) -> list[list[str]]:
    """One printed row per (line, batch actually issued) or, before issue, per planned source."""
    rows: list[list[str]] = []
    for line in order.lines:
        parts = [(b.store_name, b.batch_no, b.quantity) for b in line.issued]
        if not parts:
            parts = [(s.store_name, s.batch_no, s.quantity) for s in line.sources] or [("", "", line.quantity)]
        notes = [line.remarks] if line.remarks else []
        if line.returnable and line.due_back_date:
            notes.append(f"须归还，{chinese_date(line.due_back_date)}前")
        if line.received_quantity is not None and (line.shortfall or line.damaged_quantity):
            notes.append(f"实收 {fmt_qty(line.received_quantity)}，损坏 {fmt_qty(line.damaged_quantity)}")
        for index, (store, batch, quantity) in enumerate(parts):
            first = index == 0
            rows.append([
                str(line.line_no) if first else "",
                line.item_name if first else "〃",
                line.spec if first else "",
                line.unit,
                batch,
                store,
                fmt_qty(quantity),
                "；".join(notes) if first else "",
            ])
    return rows


def dispatch_form(order: OrderView, *, organisation: str = "", copies: tuple[str, ...] | list[str] = ()) -> FormData:
    stamp = ""
    if order.status is DispatchStatus.REVERSED:
        stamp = "已冲销"
    elif order.status is DispatchStatus.CANCELLED:
        stamp = "已作废"
    elif order.emergency:
        stamp = "紧急"
    returnable = [line for line in order.lines if line.returnable]
    notes = []
    if order.approval_owed:
        notes.append("※ 本单为紧急调拨，凭口头指令先行出库，审批手续须在出库后 48 小时内补办。")
    if returnable:
        notes.append("※ 标注“须归还”的物资使用完毕后应按期归还（完好、修复或说明丢失情况）。")
    notes.append("※ 接收单位核对数量和质量后在签收栏签字；短少、损坏请在备注栏注明。")
    return FormData(
        title="应急物资调拨单",
        number=order.number,
        date=chinese_date(order.order_date),
        organisation=organisation,
        header_fields=[
            ("申请单位", order.requesting_unit),
            ("调拨事由", order.reason),
            ("接收单位", order.receiving_unit),
            ("送达地点", order.place),
            ("调出仓库", "、".join(order.source_stores)),
            ("指令文号", order.reference),
            ("需用时间", local_time(order.needed_by)),
            ("审批状态", order.status.label + ("（审批待补办）" if order.approval_owed else "")),
        ],
        columns=COLUMNS,
        rows=dispatch_rows(order),
        total_row=_total_row(order),
        footer_fields=[
            ("调出联系人", " ".join(filter(None, [order.sender_contact, order.sender_phone]))),
            ("接收联系人", " ".join(filter(None, [order.receiver_contact, order.receiver_phone]))),
            ("运输车辆", order.vehicle),
            ("押运人员", order.escort),
            ("出库时间", local_time(order.issued_at)),
            ("签收时间", local_time(order.received_at)),
            ("备注*", order.remarks),
        ],
        notes=notes,
        signatures=[
            ("经办人", order.issued_by or order.created_by),
            ("审核人", ""),
            ("批准人", order.approved_by),
            ("签收人", order.received_signed_by),
        ],
        copies=list(copies),
        stamp=stamp,
    )


def _total_row(order: OrderView) -> list[str]:
    units = {line.unit for line in order.lines}
    quantity = sum((b.quantity for line in order.lines for b in line.issued), start=0) or sum(
        (line.quantity for line in order.lines), start=0)
    total = fmt_qty(quantity) if len(units) == 1 else ""
    return ["", f"合计（共 {len(order.lines)} 项）", "", "", "", "", total, ""]


def organisation_name(ctx: ServiceContext) -> str:
    """The bureau printed at the top: the ``org_name`` setting, else '<county>应急管理局'."""
    from sqlalchemy import select

    from models.schema.enums import AreaKind
    from models.schema.settings import AppSetting
    from models.schema.warehouse import Area

    with ctx.read() as session:
        for key in ("org_name", "organisation", "county_name"):
            value = session.get(AppSetting, key)
            if value is not None and value.value.strip():
                text = value.value.strip()
                return text if key != "county_name" else f"{text}应急管理局"
        county = session.scalar(select(Area.name).where(Area.kind == AreaKind.COUNTY).order_by(Area.id))
        return f"{county}应急管理局" if county else ""


def print_dispatch_order(ctx: ServiceContext, number: str, path: str | Path, *,
                         copies: tuple[str, ...] | list[str] = ()) -> Path:
    """Write dispatch order ``number`` as a PDF; ``copies`` e.g. DISPATCH_COPIES prints 存根/调出联/调入联."""
    order = order_view(ctx, number)
    return render_form(dispatch_form(order, organisation=organisation_name(ctx), copies=copies), path)
