"""``standards``: list the reserve standards (定额标准) and show one with its needs and linked items."""

from __future__ import annotations

from models.commands.base import CommandRun
from models.services.ledger import fmt_qty
from models.services.standards import (
    SUMMER_DEFAULT,
    StandardInfo,
    ensure_default_standards,
    get_standard,
    list_standards,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser("standards", help="查看定额标准（储备能力评估使用）")
    commands = parser.add_subparsers(dest="standards_command", metavar="SUBCOMMAND", required=True)
    listing = commands.add_parser("list", help="列出全部定额标准")
    listing.set_defaults(handler=run_list)
    show = commands.add_parser("show", help="显示一个定额标准的需求项和关联物资")
    show.add_argument("name", nargs="?", default=SUMMER_DEFAULT, metavar="NAME",
                      help=f"标准名称（默认：{SUMMER_DEFAULT}）")
    show.set_defaults(handler=run_show)


def run_list(run: CommandRun, args) -> int:
    ctx = run.ctx(write=False)
    ensure_default_standards(ctx)
    standards = list_standards(ctx)
    text = [
        f"{s.name}\t{s.season.label}\t{'默认' if s.is_builtin else '自定义'}\t{len(s.needs)} 项需求\t"
        f"{sum(1 for need in s.needs if need.items)} 项已关联物资"
        for s in standards
    ]
    run.emit([_summary_json(s) for s in standards], text)
    return 0


def _summary_json(standard: StandardInfo) -> dict:
    return {"name": standard.name, "season": standard.season.value, "is_builtin": standard.is_builtin,
            "description": standard.description, "needs": len(standard.needs)}


def run_show(run: CommandRun, args) -> int:
    ctx = run.ctx(write=False)
    ensure_default_standards(ctx)
    standard = get_standard(ctx, args.name)
    text = [f"{standard.name}（{standard.season.label}，{'默认标准' if standard.is_builtin else '自定义'}）"]
    if standard.description:
        text.append(standard.description)
    for need in standard.needs:
        if need.basis.value == "per_person_day":
            rule = f"每人每天 {fmt_qty(need.quota)}{need.unit}"
        elif need.basis.value == "per_persons":
            rule = f"每 {fmt_qty(need.quota)} 人 1{need.unit}"
        else:
            rule = f"固定 {fmt_qty(need.quota)}{need.unit}"
        text.append(f"- {need.name}：{rule}")
        for item in need.items:
            text.append(f"    {item.item_code} {item.item_name} {item.spec}：1{item.unit} 折 {fmt_qty(item.factor)}{need.unit}")
        if not need.items:
            text.append("    （尚未关联物资）")
    run.emit(standard.as_json(), text)
    return 0
