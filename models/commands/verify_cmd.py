"""``verify``: recompute every balance from the ledger and check integrity; exit 0 only if all agree."""

from __future__ import annotations

from models.commands.base import CommandRun
from models.services.verify import verify


def register(subparsers) -> None:
    parser = subparsers.add_parser("verify", help="自检：由流水重算结存并检查数据库完整性")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    report = verify(run.db)
    text = []
    for check in report.checks:
        text.append(f"{'通过' if check.ok else '失败'}  {check.name}")
        text.extend(f"      {detail}" for detail in check.details)
    text.append("全部通过。" if report.ok else "发现问题，请联系管理员，并从最近的备份核对。")
    run.emit(report.as_json(), text)
    return 0 if report.ok else 1
