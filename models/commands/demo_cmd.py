"""``demo``: fill an empty database with the demo county 临江县."""

from __future__ import annotations

import sys

from models.commands.base import CommandRun
from models.demo import load_demo
from models.demo.base import DEMO_PASSWORD
from models.services.users import ensure_admin


def register(subparsers) -> None:
    parser = subparsers.add_parser("demo", help="向空数据库装入演示县（临江县）的数据")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    ensure_admin(run.db, None)

    def progress(done: int, total: int) -> None:
        if not run.json_output and sys.stderr.isatty():
            print(f"\r生成两年台账… {done}/{total} 周", end="", file=sys.stderr, flush=True)

    county = load_demo(run.ctx(), progress)
    if not run.json_output and sys.stderr.isatty():
        print(file=sys.stderr)
    run.emit(
        {"ok": True, "county": county.county_name, "stores": 1 + len(county.township_stores) + len(county.village_stores),
         "items": len(county.items), "users": county.users},
        [f"已装入演示数据：{county.county_name}，储备库 {1 + len(county.township_stores) + len(county.village_stores)} 个，"
         f"物资 {len(county.items)} 种。",
         f"演示用户 {', '.join(county.users)} 的密码均为 {DEMO_PASSWORD}。"],
    )
    return 0
