"""``adequacy``: 储备能力评估 — can the reserve shelter N people for D days? With ``--pdf``/``--xlsx``
also writes the pre-flood-season check (汛前检查) report."""

from __future__ import annotations

from models.commands.base import CommandRun
from models.services.adequacy import AdequacyReport, Scenario, assess
from models.services.ledger import fmt_qty
from models.services.standards import SUMMER_DEFAULT, ensure_default_standards


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "adequacy",
        help="储备能力评估：现有储备能否保障 N 人 D 天的基本生活",
        description=(
            "储备能力评估：按定额标准计算每个需求项的需求量、政府实物储备、协议储备、产能储备、"
            f"缺口、保障率和政府实物占比。不指定 --standard 时使用默认标准“{SUMMER_DEFAULT}”。"
        ),
    )
    parser.add_argument("--people", required=True, metavar="N", help="需要安置的人数，如 5000")
    parser.add_argument("--days", required=True, metavar="D", help="保障天数，如 15")
    parser.add_argument("--standard", metavar="NAME",
                        help=f"定额标准名称（默认：{SUMMER_DEFAULT}；用 standards list 查看全部）")
    parser.add_argument("--as-of", metavar="DATE", help="评估日期（默认今天），如 2026-05-01")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--level", metavar="L", help="只统计一个级别的储备库：county/township/village（县级/乡镇级/村级）")
    scope.add_argument("--area", metavar="CODE", help="只统计一个行政区（含下辖行政区）的储备库，填行政区编码")
    parser.add_argument("--max-response-hours", metavar="H",
                        help="协议储备和产能储备只计响应时间不超过 H 小时的协议")
    parser.add_argument("--pdf", metavar="FILE", help="同时生成汛前检查报告 PDF")
    parser.add_argument("--xlsx", metavar="FILE", help="同时生成汛前检查报告 Excel 工作簿")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    ctx = run.ctx(write=False)
    ensure_default_standards(ctx)
    scenario = Scenario(
        people=args.people, days=args.days, as_of=args.as_of, standard=args.standard,
        level=args.level, area=args.area, max_response_hours=args.max_response_hours,
    )
    report = assess(ctx, scenario)
    written = []
    if args.pdf or args.xlsx:
        from models.services.preflood import gather_preflood

        data = gather_preflood(ctx, scenario)
        if args.pdf:
            from models.documents.adequacy_pdf import write_preflood_pdf

            written.append(str(write_preflood_pdf(data, args.pdf)))
        if args.xlsx:
            from models.documents.adequacy_xlsx import write_preflood_xlsx

            written.append(str(write_preflood_xlsx(data, args.xlsx)))
    text = report_text(report) + [f"已生成：{path}" for path in written]
    run.emit(report.as_json(), text)
    return 0


def _percent(value) -> str:
    return f"{value * 100:.1f}%"


def report_text(report: AdequacyReport) -> list[str]:
    summary = report.summary
    lines = [
        f"储备能力评估：{report.people} 人 × {report.days} 天（{report.as_of} 至 {report.last_day}），"
        f"标准“{report.standard}”，范围：{report.scope_label}",
        "需求项\t单位\t需求量\t政府实物\t协议储备\t产能储备\t可用合计\t缺口\t保障率\t政府占比\t可保障天数",
    ]
    for line in report.lines:
        days = str(line.days_of_supply) if line.days_of_supply is not None else "—"
        lines.append(
            f"{line.need}\t{line.unit}\t{fmt_qty(line.required)}\t{fmt_qty(line.own)}\t{fmt_qty(line.agreement)}\t"
            f"{fmt_qty(line.capacity)}\t{fmt_qty(line.available)}\t{fmt_qty(line.shortfall)}\t"
            f"{_percent(line.coverage)}\t{_percent(line.own_share)}\t{days}"
        )
    if not report.lines:
        lines.append("（该标准没有需求项）")
    lines.append(f"合计：{summary.needs} 项需求，{summary.covered} 项满足。")
    if summary.weakest is not None:
        lines.append(f"最薄弱：{summary.weakest}（保障率 {_percent(summary.min_coverage)}）")
    if summary.own_share_below_half:
        lines.append("政府实物储备占比低于 50%：" + "、".join(summary.own_share_below_half))
    if not report.agreements_available:
        lines.append("注意：协议储备模块未安装，协议和产能储备按 0 计。")
    return lines
