"""``export FILE.xlsx [--store CODE] [--year YYYY]``: the reserve as a workbook for filing and printing."""

from __future__ import annotations

from models.commands.base import CommandRun
from models.documents.excel_export import export_workbook
from models.errors import ValidationError
from models.messages import msg


def register(subparsers) -> None:
    parser = subparsers.add_parser("export", help="导出 Excel 台账（储备库、物资目录、库存、代储协议、定额标准、出入库流水）")
    parser.add_argument("file", metavar="FILE.xlsx", help="要写入的工作簿")
    parser.add_argument("--store", metavar="CODE", help="只导出该储备库的储备库信息、库存和流水")
    parser.add_argument("--year", metavar="YYYY", type=int, help="出入库流水只含该年的单据")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    if args.year is not None and not 1900 <= args.year <= 9999:
        raise ValidationError(msg("年份“{year}”无效，请写四位年份，如 2026。", year=args.year), field="--year")
    result = export_workbook(run.ctx(write=False), args.file, store_code=args.store, year=args.year)
    counts = "，".join(f"{name} {count} 行" for name, count in result.counts.items())
    run.emit(result.as_json(), f"已导出 {result.path}：{counts}")
    return 0
