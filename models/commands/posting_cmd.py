"""``receive`` and ``issue``: post one-line receipts and issues from scripts."""

from __future__ import annotations

from models.commands.base import CommandRun
from models.services.issuing import IssueLine, issue
from models.services.ledger import fmt_qty
from models.services.receiving import ReceiptLine, receive


def register(subparsers) -> None:
    parser = subparsers.add_parser("receive", help="入库")
    parser.add_argument("--store", required=True, metavar="CODE", help="储备库编码")
    parser.add_argument("--item", required=True, metavar="CODE", help="物资编码")
    parser.add_argument("--qty", required=True, metavar="N", help="数量")
    parser.add_argument("--batch", default="", metavar="B", help="批次号")
    parser.add_argument("--production-date", metavar="D", help="生产日期，如 2026-05-01")
    parser.add_argument("--expiry-date", metavar="D", help="有效期至，如 2028-04-30")
    parser.add_argument("--supplier", default="", metavar="S", help="供应商")
    parser.set_defaults(handler=run_receive)

    parser = subparsers.add_parser("issue", help="出库（默认先到期先出，过期批次不出）")
    parser.add_argument("--store", required=True, metavar="CODE", help="储备库编码")
    parser.add_argument("--item", required=True, metavar="CODE", help="物资编码")
    parser.add_argument("--qty", required=True, metavar="N", help="数量")
    parser.add_argument("--to", required=True, metavar="RECEIVER", help="领用单位")
    parser.add_argument("--batch", default="", metavar="B", help="指定批次号")
    parser.add_argument("--purpose", default="", help="用途")
    parser.set_defaults(handler=run_issue)


def _emit(run: CommandRun, result, verb: str) -> None:
    text = [f"{verb}单 {result.number}"] + [
        f"  {line.item_code} {line.item_name} 批次 {line.batch}：{fmt_qty(line.quantity)}{line.unit}"
        for line in result.lines
    ]
    run.emit(result.as_json(), text)


def run_receive(run: CommandRun, args) -> int:
    result = receive(
        run.ctx(),
        args.store,
        [ReceiptLine(args.item, args.qty, batch_no=args.batch, production_date=args.production_date,
                     expiry_date=args.expiry_date)],
        supplier=args.supplier,
    )
    _emit(run, result, "入库")
    return 0


def run_issue(run: CommandRun, args) -> int:
    result = issue(run.ctx(), args.store, [IssueLine(args.item, args.qty, batch_no=args.batch)],
                   receiver=args.to, purpose=args.purpose)
    _emit(run, result, "出库")
    return 0
