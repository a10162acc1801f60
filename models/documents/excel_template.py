"""The blank import workbook (导入模板): the five sheets with their headers, drop-down lists for
级别, 协议类型, 计算方式 and 是否回收, and one grey example row per sheet that starts with 【示例】 —
the importer skips it, so a template filled in below the example imports cleanly."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from models.documents import excel_headers as H
from models.services.credit_code import check_character

LAST_ROW = 5000
EXAMPLE_FONT = Font(italic=True, color="808080")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
OPTIONAL_FILL = PatternFill("solid", fgColor="DDE4EE")

EXAMPLES = {
    H.STORES: ["【示例】C001", "县应急物资储备库", "县级", "示例县（320101）", "", "城南路 8 号", "王保管", "13800000001", 1200],
    H.ITEMS: ["【示例】W500", "瓶装饮用水", "550ml", "瓶", "10501", "瓶装水", 24, 90, "否", 1.5],
    H.STOCK: ["【示例】C001", "W500", "20260301", "2026-03-01", "2028-02-29", 12000, 1.5, "某超市", "A区-01", ""],
    H.AGREEMENTS: ["【示例】XY-2026-01", "某连锁超市有限公司", "91320100MA1MAAAA1" + check_character("91320100MA1MAAAA1"), "实物代储", "2026-01-01",
                   "2026-12-31", 6, 36000, "W500", 20000, 15000, "超市配送中心", "张经理", "13900000000"],
    H.STANDARDS: ["【示例】本县夏季标准", "饮用水", "L", "每人每天", 3, "W500", 0.55],
}
CHOICES = {
    (H.STORES, "level"): "县级,乡镇级,村级",
    (H.ITEMS, "returnable"): "是,否",
    (H.AGREEMENTS, "agreement_type"): "实物代储,产能储备",
    (H.STANDARDS, "basis"): "每人每天,每N人,固定数量",
    (H.STOCK, "reserve_mode"): "政府实物储备,部门储备,群众号料",
    (H.AGREEMENTS, "state"): "草稿,有效,已终止",
}
NOTES = {
    (H.STORES, "area"): "行政区名称或编码，可写成“城关镇（320101001）”；不存在时自动建立",
    (H.STOCK, "quantity"): "正数；可带千分位逗号",
    (H.AGREEMENTS, "credit_code"): "18 位统一社会信用代码（含校验位）",
    (H.STANDARDS, "quota"): "每人每天：每人每天的数量；每N人：N；固定数量：目标数量",
}


def build_template() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in H.IMPORT_SHEETS:
        _sheet(workbook, spec)
    return workbook


def write_template(path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    build_template().save(path)
    return path


def _sheet(workbook: Workbook, spec: H.SheetSpec) -> None:
    sheet = workbook.create_sheet(spec.name)
    width = len(spec.columns)
    sheet.append([f"{spec.name}（带 * 的列必填；第 3 行为示例，导入时自动跳过，可删除）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append([column.header + ("*" if column.required else "") for column in spec.columns])
    sheet.append(EXAMPLES[spec.name])
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(row=2, column=index)
        header.font = Font(bold=True)
        header.fill = REQUIRED_FILL if column.required else OPTIONAL_FILL
        header.alignment = Alignment(horizontal="center", wrap_text=True)
        sheet.cell(row=3, column=index).font = EXAMPLE_FONT
        sheet.column_dimensions[letter].width = column.width + 2
        note = NOTES.get((spec.name, column.key))
        if note:
            header.comment = Comment(note, "储备管家")
        choices = CHOICES.get((spec.name, column.key))
        if choices:
            validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True,
                                        showErrorMessage=True, errorTitle="无效的值",
                                        error=f"请从下拉列表中选择：{choices.replace(',', '、')}")
            sheet.add_data_validation(validation)
            validation.add(f"{letter}3:{letter}{LAST_ROW}")
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "1:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
