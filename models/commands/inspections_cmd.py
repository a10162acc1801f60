"""``inspections``: maintenance inspections (养护): what is due, record one, install the defaults."""

from __future__ import annotations

from models.commands.base import CommandRun
from models.services.inspections import (DEFAULT_WITHIN_DAYS, InspectionInput, due_inspections,
                                         install_default_schedules, record_inspection)


def register(subparsers) -> None:
    parser = subparsers.add_parser("inspections", help="养护检查：列出逾期和近期应做的检查、登记检查结果")
    actions = parser.add_subparsers(dest="inspection_action", metavar="ACTION", required=True)
    p = actions.add_parser("due", help=f"列出逾期及 N 天内到期的检查（默认 {DEFAULT_WITHIN_DAYS} 天，即本周）")
    p.add_argument("--within-days", type=int, default=DEFAULT_WITHIN_DAYS, metavar="N")
    p.add_argument("--store", metavar="CODE")
    p = actions.add_parser("record", help="登记一次检查")
    p.add_argument("--store", required=True, metavar="CODE")
    p.add_argument("--schedule", required=True, metavar="CODE", help="养护计划编码，如 FIRE、GEN-RUN")
    p.add_argument("--item", metavar="CODE")
    p.add_argument("--batch")
    p.add_argument("--date", help="检查日期（默认今天）")
    p.add_argument("--inspector", required=True, help="检查人")
    p.add_argument("--result", required=True, choices=["pass", "fail"])
    p.add_argument("--problems", default="", help="发现的问题")
    p.add_argument("--photo", action="append", default=[], help="照片文件路径（可多次）")
    p.add_argument("--follow-up", choices=["none", "scrap", "repair"], default="none")
    p.add_argument("--repair-note", default="")
    p.add_argument("--scrap-quantity")
    actions.add_parser("install-defaults", help="启用默认养护计划（发电机、水泵、帐篷、被服、翻垛、满3年抽检、消防）")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    action = args.inspection_action
    if action == "due":
        rows = due_inspections(run.ctx(write=False), within_days=args.within_days, store_code=args.store)
        text = [f"{d.due_date}\t{'逾期' if d.status == 'overdue' else '应做'}\t{d.schedule_code}\t{d.schedule_name}\t"
                f"{d.target}\t上次 {d.last_inspected or '—'}" for d in rows] or ["（没有逾期或近期应做的检查）"]
        run.emit([d.as_json() for d in rows], text)
    elif action == "record":
        done = record_inspection(run.ctx(), InspectionInput(
            args.store, args.inspector, args.result, schedule_code=args.schedule, item_code=args.item,
            batch_no=args.batch, inspected_on=args.date, problems=args.problems, photos=args.photo,
            follow_up=args.follow_up, repair_note=args.repair_note, scrap_quantity=args.scrap_quantity))
        data = {"id": done.id, "next_due": done.next_due.isoformat() if done.next_due else None,
                "scrap": done.scrap_number}
        run.emit(data, f"已登记，下次应于 {done.next_due} 检查。"
                 + (f"已提交报废申请 {done.scrap_number}。" if done.scrap_number else ""))
    else:
        added = install_default_schedules(run.ctx())
        run.emit({"added": added}, f"已启用 {added} 项默认养护计划。")
    return 0
