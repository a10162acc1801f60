"""``stock``: balances by store, item and batch."""

from __future__ import annotations

from models.commands.base import CommandRun
from models.services.ledger import fmt_qty
from models.services.stock_queries import stock_rows


def register(subparsers) -> None:
    parser = subparsers.add_parser("stock", help="查看库存结存（按储备库、物资、批次）")
    parser.add_argument("--store", metavar="CODE", help="储备库编码")
    parser.add_argument("--level", choices=["county", "township", "village"], help="储备库级别")
    parser.add_argument("--item", metavar="CODE", help="物资编码")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    rows = stock_rows(run.ctx(write=False), store_code=args.store, level=args.level, item_code=args.item)
    text = [
        f"{r.store_code}\t{r.store_name}\t{r.level.label}\t{r.item_code}\t{r.item_name}\t{r.batch}\t"
        f"{r.expiry_date or '—'}\t{fmt_qty(r.quantity)}{r.unit}"
        for r in rows
    ] or ["（没有库存）"]
    run.emit([row.as_json() for row in rows], text)
    return 0
