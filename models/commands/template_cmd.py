"""``template FILE.xlsx``: save the blank import workbook (导入模板)."""

from __future__ import annotations

from models.commands.base import CommandRun
from models.documents.excel_template import write_template


def register(subparsers) -> None:
    parser = subparsers.add_parser("template", help="保存空白的 Excel 导入模板（含表头、下拉选项和示例行）")
    parser.add_argument("file", metavar="FILE.xlsx", help="要写入的工作簿")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    path = write_template(args.file)
    run.emit({"ok": True, "file": str(path)}, f"已保存导入模板：{path}")
    return 0
