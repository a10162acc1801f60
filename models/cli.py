"""``reserve-keeper``: with no command opens the desktop program; with a command runs headless.

Exit status: 0 success, 1 a check failed (e.g. ``verify``), 2 a refused action or bad input (one
clear message, nothing changed).
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import OperationalError

from models import __version__
from models.commands import command_modules
from models.commands.base import CommandRun
from models.errors import DomainError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reserve-keeper",
        description="储备管家 ReserveKeeper — 应急物资储备管理。不带命令时打开桌面程序。",
    )
    parser.add_argument("--db", help="数据库文件路径或 postgresql+psycopg:// 地址（也可用环境变量 RESERVE_KEEPER_DB）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="自检：在临时数据库上运行迁移、过账一张入库单并生成 PDF，成功时退出码为 0（无需显示器）")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules():
        module.register(subparsers)
    return parser


def _split_global_options(argv: list[str]) -> list[str]:
    """Allow ``--db``/``--json`` after the command too (``stock --json``) by moving them first."""
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--json":
            front.append(arg)
        elif arg == "--db" and index + 1 < len(argv):
            front.extend(argv[index:index + 2])
            index += 1
        elif arg.startswith("--db="):
            front.append(arg)
        else:
            rest.append(arg)
        index += 1
    return front + rest


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(_split_global_options(argv))
    if args.self_test:
        from models.selftest import run as self_test

        return self_test()
    if not args.command:
        from desktop.app import main as desktop_main  # the only place that reaches Qt

        return desktop_main([], db=args.db)
    run = CommandRun(args.db, args.json)
    try:
        return int(args.handler(run, args) or 0)
    except DomainError as exc:
        if args.json:
            import json

            print(json.dumps({"ok": False, "error": exc.message}, ensure_ascii=False))
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2
    except OperationalError as exc:
        # the transaction was rolled back: nothing changed, so this is a refusal the user can retry
        print(f"错误：数据库暂时无法完成操作（{exc.orig.__class__.__name__ if exc.orig else exc}），"
              "未做任何更改。请检查数据库连接后重试。", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    finally:
        run.close()


if __name__ == "__main__":
    sys.exit(main())
