"""``print NUMBER -o FILE.pdf``: any document (入库单, 出库单, 盘点表, 报废单, 冲销单...) or dispatch
order (调拨单) as an A4 PDF, optionally in several labelled copies."""

from __future__ import annotations

from pathlib import Path

from models.commands.base import CommandRun
from models.documents.dispatch_pdf import DISPATCH_COPIES
from models.documents.document_pdf import print_any
from models.errors import ValidationError
from models.messages import msg


def register(subparsers) -> None:
    parser = subparsers.add_parser("print", help="把单据或调拨单打印成 PDF")
    parser.add_argument("number", metavar="DOCUMENT_NUMBER", help="单号，如 DB-2026-0001、RK-C001-2026-0001")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--copies", default="", metavar="LABELS",
                       help="分联打印，联名用逗号分隔，如 存根,调出联,调入联")
    group.add_argument("--all-copies", action="store_true", help="按 存根,调出联,调入联 三联打印")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        raise ValidationError(msg("输出文件“{output}”应以 .pdf 结尾。", output=output), field=msg("输出文件"))
    copies = list(DISPATCH_COPIES) if args.all_copies else [c.strip() for c in args.copies.split(",") if c.strip()]
    path = print_any(run.ctx(write=False), args.number, output, copies=copies)
    run.emit({"ok": True, "number": args.number, "file": str(path.resolve()), "copies": copies},
             f"已生成 {path}（{args.number}）")
    return 0
