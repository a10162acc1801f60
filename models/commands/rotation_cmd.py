"""``rotation``: batches due for rotation, overdue or expired (轮换计划), by store."""

from __future__ import annotations

from models.commands.base import CommandRun
from models.services.ledger import fmt_qty
from models.services.rotation import DEFAULT_WITHIN_DAYS, rotation_plan
from models.validation import parse_date


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "rotation",
        help="轮换计划：列出待轮换（due）、逾期未轮换（overdue）和已过期（expired）的批次",
        description="列出有效期批次的轮换计划。应轮换日 = 有效期至 − 轮换提前期（物资自身的，"
                    "否则所属分类的，否则 60 天）。--json 输出列表，每项含 store_code, item_code, "
                    "item_name, batch, expiry_date, rotate_by, quantity, status。",
    )
    parser.add_argument(
        "--within-days", type=int, default=DEFAULT_WITHIN_DAYS, metavar="N",
        help=f"列出应轮换日在今天起 N 天内的批次（默认 {DEFAULT_WITHIN_DAYS} 天）；逾期和已过期的总是列出",
    )
    parser.add_argument("--store", metavar="CODE", help="只看一个储备库（编码）")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="按哪一天计算（默认今天）")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else None
    rows = rotation_plan(run.ctx(write=False), within_days=args.within_days, store_code=args.store, as_of=as_of)
    text = [
        f"{r.store_code}\t{r.item_code}\t{r.item_name}\t{r.batch}\t有效期至 {r.expiry_date}\t"
        f"应轮换 {r.rotate_by}\t{fmt_qty(r.quantity)}{r.unit}\t{r.status_label}"
        + (f"\t补充：{'已到货' if r.replacement_state == 'received' else '已计划'}" if r.replacement_state else "")
        for r in rows
    ] or [f"（{args.within_days} 天内没有需要轮换的批次）"]
    run.emit([row.as_json() for row in rows], text)
    return 0
