"""``storage-report``: the annual storage report (年度储存情况报告) as an Excel workbook."""

from __future__ import annotations

from models.commands.base import CommandRun
from models.errors import ValidationError
from models.messages import msg
from models.documents.storage_report_xlsx import write_storage_report
from models.services.storage_report import storage_report


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "storage-report",
        help="生成年度储存情况报告（Excel）：按储备库、物资列期初、入库、出库、报废、期末和金额",
    )
    parser.add_argument("--year", type=int, required=True, metavar="YYYY", help="报告年度")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", help="输出的 Excel 文件")
    parser.add_argument("--store", metavar="CODE", help="只统计一个储备库")
    parser.add_argument("--unit-name", default="", help="编制单位名称（印在表头）")
    parser.set_defaults(handler=run)


def run(run: CommandRun, args) -> int:
    if not args.output.lower().endswith(".xlsx"):
        raise ValidationError(msg("输出文件“{output}”应以 .xlsx 结尾。", output=args.output), field=msg("输出文件"))
    report = storage_report(run.ctx(write=False), args.year, store_code=args.store)
    path = write_storage_report(report, args.output, unit_name=args.unit_name)
    run.emit(
        {"file": str(path), "year": report.year, "rows": len(report.rows),
         "closing_value": float(report.closing_value)},
        f"已生成 {report.year} 年度储存情况报告：{path}（{len(report.rows)} 行，期末金额 {report.closing_value} 元）",
    )
    return 0
