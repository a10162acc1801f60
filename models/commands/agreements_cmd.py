"""``agreements``: list agreement reserves (协议储备), show one, print its summary PDF, export Excel."""

from __future__ import annotations

from models.commands.base import CommandRun
from models.errors import ValidationError
from models.messages import msg
from models.services.agreements import agreement_detail, list_agreements
from models.services.ledger import fmt_qty


def register(subparsers) -> None:
    parser = subparsers.add_parser("agreements", help="协议储备：列表、详情、打印摘要、导出 Excel")
    actions = parser.add_subparsers(dest="agreements_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="列出储备协议（按结束日期）")
    listing.add_argument("--expiring-days", type=int, metavar="N", help="只列出 N 天内到期的有效协议")
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="显示一份协议的明细、核查、动用和分季度费用")
    show.add_argument("number", metavar="NUMBER", help="协议编号")
    show.set_defaults(handler=run_show)
    pdf = actions.add_parser("pdf", help="打印协议摘要 PDF")
    pdf.add_argument("number", metavar="NUMBER", help="协议编号")
    pdf.add_argument("-o", "--output", required=True, metavar="FILE", help="PDF 文件路径")
    pdf.set_defaults(handler=run_pdf)
    xlsx = actions.add_parser("xlsx", help="导出协议清单 Excel（代储协议表格式）")
    xlsx.add_argument("-o", "--output", required=True, metavar="FILE", help="Excel 文件路径")
    xlsx.set_defaults(handler=run_xlsx)


def run_list(run: CommandRun, args) -> int:
    if args.expiring_days is not None and args.expiring_days < 0:
        raise ValidationError(msg("--expiring-days 不能为负数，请填写天数，如 90。"), field="--expiring-days")
    rows = list_agreements(run.ctx(write=False), expiring_days=args.expiring_days)
    text = [
        f"{r.number}\t{r.enterprise}\t{r.agreement_type.label}\t{r.start_date} 至 {r.end_date}\t{r.state.label}"
        f"{'（' + str(r.days_to_end) + ' 天后到期）' if r.expiring else ''}\t"
        f"响应 {r.response_hours or '—'} 小时\t年费 {r.annual_fee:,.2f} 元"
        for r in rows
    ] or ["（没有储备协议）"]
    run.emit([r.as_json() for r in rows], text)
    return 0


def run_show(run: CommandRun, args) -> int:
    detail = agreement_detail(run.ctx(write=False), args.number)
    r = detail.row
    text = [
        f"协议 {r.number}（{r.agreement_type.label}，{r.state.label}）",
        f"企业：{r.enterprise}  统一社会信用代码 {r.credit_code}  联系人 {r.contact or '—'} {r.phone or ''}",
        f"期限：{r.start_date} 至 {r.end_date}  响应时限 {r.response_hours or '—'} 小时  年费 {r.annual_fee:,.2f} 元",
        f"存放地点：{r.storage_place or '—'}",
    ]
    if detail.history or detail.renewed_by:
        text.append(f"续签：前序 {'、'.join(detail.history) or '—'}；后续 {detail.renewed_by or '—'}")
    text.append("物资：")
    for line in detail.lines:
        found = f"，最近核查 {line.last_check_date} 实查 {fmt_qty(line.last_found)}" if line.last_found is not None else ""
        short = f"（低于最低 {fmt_qty(line.shortfall)}）" if line.shortfall > 0 else ""
        text.append(f"  {line.item_code} {line.item_name}：协议 {fmt_qty(line.guaranteed)}{line.unit}，最低 "
                    f"{fmt_qty(line.minimum)}{found}{short}，可动用 {fmt_qty(line.available)}")
    text.append("分季度费用：")
    for fee in detail.fees:
        text.append(f"  {fee.label} 基本 {fee.base_fee:,.2f} 扣减 {fee.deduction:,.2f} 应付 {fee.due:,.2f}")
    for call in detail.call_ups:
        text.append(f"动用 {call.called_at.astimezone():%Y-%m-%d %H:%M} {call.item_name} {fmt_qty(call.quantity)}，"
                    f"已补库 {fmt_qty(call.replenished)}，调拨单 {call.dispatch_order_number or '—'}")
    run.emit(detail.as_json(), text)
    return 0


def run_pdf(run: CommandRun, args) -> int:
    from models.documents.agreement_pdf import write_agreement_pdf

    ctx = run.ctx(write=False)
    path = write_agreement_pdf(agreement_detail(ctx, args.number), args.output, printed_on=ctx.today())
    run.emit({"ok": True, "file": str(path)}, f"已生成协议摘要：{path}")
    return 0


def run_xlsx(run: CommandRun, args) -> int:
    from models.documents.agreements_xlsx import write_agreements_xlsx

    ctx = run.ctx(write=False)
    details = [agreement_detail(ctx, row.number) for row in list_agreements(ctx)]
    path = write_agreements_xlsx(details, args.output)
    run.emit({"ok": True, "file": str(path), "agreements": len(details)}, f"已导出 {len(details)} 份协议：{path}")
    return 0
