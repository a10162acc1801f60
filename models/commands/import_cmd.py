"""``import FILE.xlsx``: bring an Excel reserve workbook in (台账导入), all or nothing.

With ``--json`` success prints ``{"ok": true, "created": {...}, "warnings": [...]}`` (exit 0) and
failure ``{"ok": false, "errors": [{"sheet", "row", "column", "message"}]}`` (exit 2).
"""

from __future__ import annotations

import sys

from models.commands.base import CommandRun
from models.documents.excel_import import ImportReport, import_workbook
from models.documents.excel_rows import Problem
from models.errors import DomainError
from models.validation import parse_date

CREATED_LABELS = {"stores": "储备库", "items": "物资", "batches": "期初库存批次", "agreements": "代储协议",
                  "standards": "定额标准"}


def register(subparsers) -> None:
    parser = subparsers.add_parser("import", help="从 Excel 台账导入储备库、物资目录、库存、代储协议和定额标准")
    parser.add_argument("file", metavar="FILE.xlsx", help="要导入的工作簿")
    parser.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")
    parser.add_argument("--as-of", metavar="DATE", help="期初库存的入库日期（默认今天），如 2026-01-01")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    try:
        as_of = parse_date(args.as_of, "--as-of") if args.as_of else None
        report = import_workbook(run.ctx(), args.file, dry_run=args.dry_run, as_of=as_of,
                                 progress=None if run.json_output or not sys.stderr.isatty() else _show_progress)
    except DomainError as exc:  # unreadable file, no permission, bad --as-of: same error document
        report = ImportReport(ok=False, errors=[Problem("", 0, exc.field or "", exc.message)])
    run.emit(report.as_json(), _text(report))
    return 0 if report.ok else 2


def _show_progress(done: int, total: int) -> None:
    share = f"{done * 100 // total}%" if total else "…"
    print(f"\r已处理 {done} 行 {share}", end="", file=sys.stderr, flush=True)
    if total and done >= total:
        print(file=sys.stderr)


def _text(report: ImportReport) -> list[str]:
    if not report.ok:
        lines = [f"导入失败：发现 {len(report.errors)} 个错误，数据库没有任何改动。"]
        lines += [f"  {problem}" for problem in report.errors]
    else:
        verb = "检查通过，可以导入（未写入）" if report.dry_run else "导入完成"
        counts = "，".join(f"{CREATED_LABELS[key]} {value}" for key, value in report.created.items())
        lines = [f"{verb}：新建 {counts}。"]
        if report.documents:
            lines.append(f"期初入库单：{'、'.join(report.documents[:10])}" + (" 等" if len(report.documents) > 10 else ""))
    if report.warnings:
        lines.append(f"提示 {len(report.warnings)} 条：")
        lines += [f"  {problem}" for problem in report.warnings]
    return lines
