"""``scrap``: scrap requests (报废申请) awaiting an officer's approval: request, approve, reject, list."""

from __future__ import annotations

from models.commands.base import CommandRun
from models.services.ledger import fmt_qty
from models.services.scrap_approval import (ScrapLine, approve_scrap, list_scrap_requests, reject_scrap,
                                            request_scrap)


def register(subparsers) -> None:
    parser = subparsers.add_parser("scrap", help="报废申请与审批（批准后才核销库存）")
    actions = parser.add_subparsers(dest="scrap_action", metavar="ACTION", required=True)
    p = actions.add_parser("request", help="提交报废申请（待审批，不影响库存）")
    p.add_argument("--store", required=True, metavar="CODE", help="储备库编码")
    p.add_argument("--item", required=True, metavar="CODE", help="物资编码")
    p.add_argument("--batch", required=True, help="批次号")
    p.add_argument("--quantity", required=True, help="报废数量")
    p.add_argument("--reason-kind", required=True, choices=["expired", "damaged", "failed_inspection"],
                   help="报废原因：过期、损坏、检验不合格")
    p.add_argument("--reason", default="", help="说明")
    p = actions.add_parser("approve", help="批准报废申请并记账（业务科室或管理员）")
    p.add_argument("number", help="报废单号")
    p.add_argument("--note", default="", help="审批意见")
    p = actions.add_parser("reject", help="驳回报废申请")
    p.add_argument("number", help="报废单号")
    p.add_argument("--reason", required=True, help="不予批准的理由")
    p = actions.add_parser("list", help="列出报废申请（默认待审批的）")
    p.add_argument("--decision", choices=["pending", "approved", "rejected"], default="pending")
    p.add_argument("--store", metavar="CODE")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    action = args.scrap_action
    if action == "request":
        info = request_scrap(run.ctx(), args.store, [ScrapLine(args.item, args.batch, args.quantity)],
                             reason_kind=args.reason_kind, reason=args.reason)
        run.emit(info.as_json(), f"已提交报废申请 {info.number}，待审批。")
    elif action == "approve":
        posted = approve_scrap(run.ctx(), args.number, note=args.note)
        run.emit(posted.as_json(), f"报废单 {posted.number} 已批准并记账。")
    elif action == "reject":
        reject_scrap(run.ctx(), args.number, reason=args.reason)
        run.emit({"document": args.number, "decision": "rejected"}, f"报废申请 {args.number} 已驳回。")
    else:
        rows = list_scrap_requests(run.ctx(write=False), decision=args.decision, store_code=args.store)
        text = [f"{r.number}\t{r.store_code}\t{r.doc_date}\t{r.reason}\t"
                + "；".join(f"{l.item_code} {l.batch} {fmt_qty(l.quantity)}{l.unit}" for l in r.lines)
                for r in rows] or ["（没有报废申请）"]
        run.emit([r.as_json() for r in rows], text)
    return 0
