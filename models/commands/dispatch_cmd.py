"""``dispatch create|sources|approve|issue|receive|return|cancel|reverse|list|show``: dispatch orders
(调拨单) from scripts, with ``--json`` results."""

from __future__ import annotations


from models.commands.base import CommandRun
from models.errors import ValidationError
from models.messages import msg
from models.schema.dispatch import DispatchStatus
from models.services import dispatch
from models.services.ledger import fmt_qty
from models.validation import parse_date


def register(subparsers) -> None:
    parser = subparsers.add_parser("dispatch", help="调拨单：申请、审批、出库、签收、归还")
    sub = parser.add_subparsers(dest="dispatch_command", metavar="ACTION", required=True)

    p = sub.add_parser("create", help="登记调拨申请（自动安排来源）")
    p.add_argument("--to", required=True, metavar="UNIT", help="接收单位")
    p.add_argument("--place", default="", metavar="P", help="送达地点")
    p.add_argument("--item", action="append", required=True, metavar="CODE", help="物资编码（可重复，与 --qty 成对）")
    p.add_argument("--qty", action="append", required=True, metavar="N", help="数量（与 --item 成对）")
    p.add_argument("--reason", required=True, metavar="R", help="调拨事由（灾情）")
    p.add_argument("--requester", default="", metavar="UNIT", help="申请单位（默认同接收单位）")
    p.add_argument("--area", default=None, metavar="CODE", help="申请单位所在行政区编码：优先用其本级储备")
    p.add_argument("--reference", default="", metavar="REF", help="指令文号")
    p.add_argument("--contact", default="", metavar="NAME", help="接收方联系人")
    p.add_argument("--phone", default="", metavar="TEL", help="接收方电话")
    p.add_argument("--sender-contact", default="", metavar="NAME", help="调出方联系人")
    p.add_argument("--sender-phone", default="", metavar="TEL", help="调出方电话")
    p.add_argument("--vehicle", default="", metavar="V", help="运输车辆")
    p.add_argument("--escort", default="", metavar="NAME", help="押运人")
    p.add_argument("--due-back", default=None, metavar="DATE", help="需归还物资的归还日期")
    p.add_argument("--emergency", action="store_true", help="紧急调拨（可先出库后补审批）")
    p.add_argument("--remarks", default="", help="备注")
    p.set_defaults(handler=run_create)

    p = sub.add_parser("sources", help="修改某一行的来源（草稿）")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--line", type=int, required=True, metavar="N", help="行号")
    p.add_argument("--from", dest="sources", action="append", required=True, metavar="STORE:QTY",
                   help="储备库编码:数量（可重复）")
    p.set_defaults(handler=run_sources)

    p = sub.add_parser("approve", help="审批并预留库存（或为紧急调拨补办审批）")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--note", default="", help="审批意见")
    p.set_defaults(handler=run_approve)

    p = sub.add_parser("issue", help="出库（先到期先出）")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--emergency", action="store_true", help="紧急出库：未审批先出库，审批须 48 小时内补办")
    p.add_argument("--instruction", default="", metavar="TEXT", help="口头指令（紧急出库时）")
    p.set_defaults(handler=run_issue)

    p = sub.add_parser("receive", help="登记接收单位签收")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--signed-by", required=True, metavar="NAME", help="签收人")
    p.add_argument("--line", dest="lines", action="append", default=[], metavar="N:RECEIVED[:DAMAGED]",
                   help="某行实收和损坏数量（未列出的行视为全部收到）")
    p.add_argument("--remarks", default="", help="签收说明")
    p.set_defaults(handler=run_receive)

    p = sub.add_parser("return", help="登记需归还物资的归还（完好/修复/丢失）")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--line", type=int, required=True, metavar="N", help="行号")
    p.add_argument("--good", default="0", metavar="N", help="完好归还数量")
    p.add_argument("--repaired", default="0", metavar="N", help="修复后归还数量")
    p.add_argument("--lost", default="0", metavar="N", help="丢失数量")
    p.add_argument("--store", default=None, metavar="CODE", help="退回的储备库（默认原出库库）")
    p.add_argument("--date", default=None, metavar="DATE", help="归还日期")
    p.add_argument("--note", default="", help="说明")
    p.set_defaults(handler=run_return)

    p = sub.add_parser("cancel", help="作废（出库前）")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--reason", required=True, help="作废原因")
    p.set_defaults(handler=run_cancel)

    p = sub.add_parser("reverse", help="冲销已出库的调拨单")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--reason", required=True, help="冲销原因")
    p.set_defaults(handler=run_reverse)

    p = sub.add_parser("list", help="列出调拨单")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--status", action="append", choices=[s.value for s in DispatchStatus], help="按状态筛选")
    group.add_argument("--open", action="store_true", help="未完成的调拨单")
    group.add_argument("--overdue-approvals", action="store_true", help="超过 48 小时未补办审批的紧急调拨")
    group.add_argument("--overdue-returns", action="store_true", help="逾期未归还的物资")
    p.set_defaults(handler=run_list)

    p = sub.add_parser("show", help="显示一张调拨单")
    p.add_argument("number", metavar="NUMBER")
    p.set_defaults(handler=run_show)


def _order_text(order: dispatch.OrderView) -> list[str]:
    flags = ("【紧急】" if order.emergency else "") + ("【审批待补办】" if order.approval_owed else "")
    text = [f"调拨单 {order.number}（{order.status.label}）{flags} → {order.receiving_unit}"]
    for line in order.lines:
        where = "，".join(f"{s.store_name}{(' ' + s.batch_no) if s.batch_no else ''} {fmt_qty(s.quantity)}"
                         for s in line.sources)
        text.append(f"  {line.line_no}. {line.item_code} {line.item_name} {fmt_qty(line.quantity)}{line.unit}"
                    + (f"（已出库 {fmt_qty(line.issued_quantity)}）" if line.issued_quantity else "")
                    + (f"  来源：{where}" if where else ""))
    return text


def _emit_order(run: CommandRun, order: dispatch.OrderView) -> int:
    run.emit(order.as_json(), _order_text(order))
    return 0


def run_create(run: CommandRun, args) -> int:
    if len(args.item) != len(args.qty):
        raise ValidationError(msg("--item 有 {items} 个而 --qty 有 {quantities} 个，请成对填写。",
                                  items=len(args.item), quantities=len(args.qty)), field="--qty")
    request = dispatch.DispatchRequest(
        requesting_unit=args.requester or args.to, receiving_unit=args.to, place=args.place,
        requesting_area_code=args.area, reason=args.reason, reference=args.reference,
        receiver_contact=args.contact, receiver_phone=args.phone,
        sender_contact=args.sender_contact, sender_phone=args.sender_phone,
        vehicle=args.vehicle, escort=args.escort, emergency=args.emergency, remarks=args.remarks,
        due_back_date=parse_date(args.due_back, msg("归还日期")),
        lines=[dispatch.DispatchLineInput(code, qty) for code, qty in zip(args.item, args.qty)],
    )
    return _emit_order(run, dispatch.create_request(run.ctx(), request))


def run_sources(run: CommandRun, args) -> int:
    sources = []
    for text in args.sources:
        store, sep, qty = text.rpartition(":")
        if not sep or not store:
            raise ValidationError(msg("来源“{text}”应写成 储备库编码:数量，如 C001:10。", text=text), field="--from")
        sources.append(dispatch.SourceInput(store, qty))
    return _emit_order(run, dispatch.set_sources(run.ctx(), args.number, args.line, sources))


def run_approve(run: CommandRun, args) -> int:
    return _emit_order(run, dispatch.approve(run.ctx(), args.number, note=args.note))


def run_issue(run: CommandRun, args) -> int:
    if args.emergency:
        return _emit_order(run, dispatch.emergency_issue(run.ctx(), args.number, instruction=args.instruction))
    return _emit_order(run, dispatch.issue(run.ctx(), args.number))


def run_receive(run: CommandRun, args) -> int:
    checks = {}
    for text in args.lines:
        parts = text.split(":")
        if len(parts) not in (2, 3) or not parts[0].isdigit():
            raise ValidationError(msg("“{text}”应写成 行号:实收[:损坏]，如 1:95:2。", text=text), field="--line")
        checks[int(parts[0])] = dispatch.ReceiptCheck(parts[1], parts[2] if len(parts) == 3 else 0)
    order = dispatch.confirm_receipt(run.ctx(), args.number, signed_by=args.signed_by, checks=checks,
                                     remarks=args.remarks)
    return _emit_order(run, order)


def run_return(run: CommandRun, args) -> int:
    order = dispatch.record_return(run.ctx(), args.number, args.line, good=args.good, repaired=args.repaired,
                                   lost=args.lost, store_code=args.store, returned_on=args.date, note=args.note)
    return _emit_order(run, order)


def run_cancel(run: CommandRun, args) -> int:
    return _emit_order(run, dispatch.cancel(run.ctx(), args.number, reason=args.reason))


def run_reverse(run: CommandRun, args) -> int:
    return _emit_order(run, dispatch.reverse_order(run.ctx(), args.number, reason=args.reason))


def run_list(run: CommandRun, args) -> int:
    ctx = run.ctx(write=False)
    if args.overdue_returns:
        dues = dispatch.overdue_returns(ctx)
        run.emit([d.as_json() for d in dues],
                 [f"{d.number} {d.receiving_unit} 第{d.line_no}行 {d.item_name} 待还 {fmt_qty(d.outstanding)}{d.unit}"
                  f"，应于 {d.due_back_date} 归还，已逾期 {d.days_overdue} 天" for d in dues] or ["没有逾期未还的物资。"])
        return 0
    if args.overdue_approvals:
        rows = dispatch.overdue_approvals(ctx)
    elif args.open:
        rows = dispatch.open_orders(ctx)
    else:
        statuses = tuple(DispatchStatus(s) for s in args.status) if args.status else None
        rows = dispatch.list_orders(ctx, statuses=statuses)
    run.emit([row.as_json() for row in rows],
             [f"{r.number} {r.order_date} {r.status.label}{'【紧急】' if r.emergency else ''}"
              f"{'【审批逾期】' if r.approval_overdue else ''}{'【归还逾期】' if r.return_overdue else ''} "
              f"{r.requesting_unit} → {r.receiving_unit}：{r.reason}" for r in rows] or ["没有调拨单。"])
    return 0


def run_show(run: CommandRun, args) -> int:
    return _emit_order(run, dispatch.order_view(run.ctx(write=False), args.number))


