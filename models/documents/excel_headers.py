"""The workbook contract (台账导入导出): canonical sheet and column names, their common synonyms, and
how a header row is found in an untidy sheet.

Real county workbooks put title rows and merged cells above the header, write 单位 for 计量单位,
break headers over two lines and use full-width brackets. Headers are compared after
``normalise_header`` (NFKC, no whitespace, no required-marks, lower case); a header that still does
not match is tried once more without its bracketed part (面积（㎡） → 面积). The header row is the
row, among the first ``HEADER_SCAN_ROWS``, that matches the most columns.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Sequence

HEADER_SCAN_ROWS = 15

STORES = "储备库"
ITEMS = "物资目录"
STOCK = "库存"
AGREEMENTS = "代储协议"
STANDARDS = "定额标准"
LEDGER = "出入库流水"


@dataclass(frozen=True)
class ColumnSpec:
    key: str  # identifier used by the importer
    header: str  # canonical header as printed in exports and the template
    required: bool = False
    synonyms: tuple[str, ...] = ()
    width: int = 14  # export column width in characters


@dataclass(frozen=True)
class SheetSpec:
    name: str  # canonical sheet name
    columns: tuple[ColumnSpec, ...]
    synonyms: tuple[str, ...] = ()
    info: tuple[str, ...] = ()  # read-only columns exports add for people (names, amounts): ignored quietly

    def column(self, key: str) -> ColumnSpec:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


def _c(key, header, required=False, synonyms=(), width=14) -> ColumnSpec:
    return ColumnSpec(key, header, required, tuple(synonyms), width)


STORE_SHEET = SheetSpec(STORES, (
    _c("code", "储备库编码", True, ("仓库编码", "库编码", "储备点编码", "储备库代码", "编码", "库点编码"), 12),
    _c("name", "储备库名称", True, ("储备库", "仓库名称", "储备点名称", "库点名称", "库名", "名称"), 24),
    _c("level", "级别", True, ("储备库级别", "库级别", "等级", "层级"), 8),
    _c("area", "所属行政区", True, ("行政区", "所属区域", "所在乡镇", "行政区划", "所属地区", "所在地区"), 20),
    _c("parent_area", "上级行政区", False, ("上级区域", "上级行政区划"), 20),
    _c("address", "地址", False, ("详细地址", "库址"), 28),
    _c("keeper", "负责人", False, ("保管员", "管理员", "库管员"), 10),
    _c("phone", "联系电话", False, ("电话", "手机", "联系方式", "手机号码"), 14),
    _c("floor_area", "面积（㎡）", False, ("面积", "面积(平方米)", "库房面积", "仓储面积", "占地面积"), 10),
), ("仓库", "储备库信息", "储备点", "库点", "仓库信息", "储备库一览"), ("状态",))

ITEM_SHEET = SheetSpec(ITEMS, (
    _c("code", "物资编码", True, ("物资代码", "编码", "品名编码", "物品编码"), 12),
    _c("name", "物资名称", True, ("品名", "名称", "物资", "物品名称"), 20),
    _c("spec", "规格型号", False, ("规格", "型号", "规格及型号"), 16),
    _c("unit", "计量单位", True, ("单位",), 8),
    _c("category_code", "分类编码", False, ("类别编码", "分类代码"), 10),
    _c("category_name", "分类名称", False, ("分类", "类别", "物资分类", "类别名称"), 14),
    _c("shelf_life_months", "保质期（月）", False, ("保质期", "保质期月数"), 10),
    _c("rotation_lead_days", "轮换提前期（天）", False, ("轮换提前期", "提前期", "轮换提前天数"), 12),
    _c("returnable", "是否回收", False, ("回收", "需回收", "是否归还", "需归还"), 8),
    _c("unit_price", "单价（元）", False, ("单价", "价格"), 10),
), ("物资", "目录", "物资清单", "物资信息", "物资目录表"))

STOCK_SHEET = SheetSpec(STOCK, (
    _c("store_code", "储备库编码", True, ("仓库编码", "库编码", "储备点编码", "储备库代码", "库点编码"), 12),
    _c("item_code", "物资编码", True, ("物资代码", "编码", "品名编码", "物品编码"), 12),
    _c("batch_no", "批次号", False, ("批次", "批号", "生产批号"), 14),
    _c("production_date", "生产日期", False, ("出厂日期", "生产时间"), 12),
    _c("expiry_date", "有效期至", False, ("有效期", "失效日期", "到期日期", "保质期至", "有效日期"), 12),
    _c("quantity", "数量", True, ("库存数量", "储备数量", "实存数量", "结存数量", "库存", "现存数量"), 12),
    _c("unit_price", "单价（元）", False, ("单价", "价格"), 10),
    _c("supplier", "供应商", False, ("供货单位", "供应商名称", "供货商"), 20),
    _c("location", "存放位置", False, ("存放地点", "货位", "库位", "位置"), 12),
    _c("remarks", "备注", False, ("说明",), 20),
    # beyond the contract, optional: what a batch carries and the export writes, for exact round trips
    _c("manufacturer", "生产厂家", False, ("厂家", "生产企业", "生产单位"), 18),
    _c("reserve_mode", "储备方式", False, ("储备类型", "储备性质"), 12),
    # promised to approved dispatch orders not yet issued (Balance.reserved); imported as one
    # approved dispatch order per store marked “期初预留”
    _c("reserved", "已预留数量", False, ("预留数量", "调拨预留数量", "已预留"), 10),
), ("库存台账", "期初库存", "结存", "库存明细", "实物储备", "库存表"),
    ("储备库名称", "物资名称", "规格型号", "计量单位", "金额（元）", "级别"))

AGREEMENT_SHEET = SheetSpec(AGREEMENTS, (
    _c("number", "协议编号", True, ("合同编号", "协议号"), 14),
    _c("enterprise", "企业名称", True, ("代储企业", "企业", "单位名称", "承储企业"), 22),
    _c("credit_code", "统一社会信用代码", True, ("信用代码", "社会信用代码"), 22),
    _c("agreement_type", "协议类型", True, ("类型", "储备方式", "代储类型"), 10),
    _c("start_date", "开始日期", True, ("起始日期", "生效日期", "协议开始日期"), 12),
    _c("end_date", "结束日期", True, ("截止日期", "终止日期", "到期日期", "协议结束日期"), 12),
    _c("response_hours", "响应时限（小时）", False, ("响应时限", "响应时间", "响应时间(小时)"), 10),
    _c("annual_fee", "年费用（元）", False, ("年费用", "代储费用", "年度费用"), 12),
    _c("item_code", "物资编码", True, ("物资代码", "编码"), 12),
    _c("quantity", "协议数量", True, ("代储数量", "储备数量", "数量"), 12),
    _c("minimum", "最低数量", False, ("最低库存", "最低储备量"), 10),
    _c("place", "存放地点", False, ("存放位置", "储存地点"), 20),
    _c("contact", "联系人", False, ("负责人",), 10),
    _c("phone", "联系电话", False, ("电话", "手机"), 14),
    _c("state", "状态", False, ("协议状态",), 8),  # optional, beyond the contract: blank = 有效
    # optional, beyond the contract: what the agreement supply counts (models/services/agreements.py),
    # as of the export date — the line's latest check, its call-ups not yet replenished, and how much
    # of the change since the check was called up (net of replenishments; negative: more replenished)
    _c("check_date", "最近核查日期", False, ("核查日期",), 12),
    _c("found", "核查数量", False, ("实查数量", "核查实有数量"), 10),
    _c("outstanding", "已调用数量", False, ("已动用数量", "动用未补库数量", "未补库数量"), 10),
    _c("since_check", "核查后调用数量", False, ("核查后动用数量",), 12),
), ("协议储备", "企业代储", "代储", "协议"), ("物资名称", "计量单位"))

STANDARD_SHEET = SheetSpec(STANDARDS, (
    _c("standard", "标准名称", True, ("标准",), 18),
    _c("need", "需求项", True, ("需求", "需求名称", "项目"), 18),
    _c("unit", "计量单位", True, ("单位",), 8),
    _c("basis", "计算方式", True, ("计算依据", "计算基础", "方式"), 12),
    _c("quota", "定额", True, ("定额标准", "标准数量", "定额数量"), 10),
    _c("item_code", "物资编码", False, ("物资代码", "编码"), 12),
    _c("factor", "折算系数", False, ("系数", "折算"), 10),
), ("标准", "定额", "储备定额"), ("物资名称", "规格型号", "物资单位"))

IMPORT_SHEETS: tuple[SheetSpec, ...] = (STORE_SHEET, ITEM_SHEET, STOCK_SHEET, AGREEMENT_SHEET, STANDARD_SHEET)

LEDGER_HEADERS = ("日期", "时间", "单号", "单据类型", "储备库编码", "储备库名称", "物资编码", "物资名称",
                  "规格型号", "计量单位", "批次号", "有效期至", "入库", "出库", "结存", "经办人")

_SPACES = re.compile(r"\s+")
_BRACKETED = re.compile(r"\([^()]*\)")


def normalise_header(value: object) -> str:
    """'储备库\\n编码 *' → '储备库编码'; '面积（㎡）' → '面积(m2)'."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = _SPACES.sub("", text).replace("*", "").replace("【", "(").replace("】", ")")
    return text.lower()


def _unbracketed(text: str) -> str:
    return _BRACKETED.sub("", text)


def _lookup(spec_names: Iterable[tuple[str, Sequence[str]]]) -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    loose: dict[str, str] = {}
    for key, names in spec_names:
        for name in names:
            norm = normalise_header(name)
            exact.setdefault(norm, key)
            loose.setdefault(_unbracketed(norm), key)
    return exact, loose


def match_sheet_name(name: str) -> SheetSpec | None:
    """The import sheet a workbook sheet stands for, by canonical name, synonym or containment."""
    exact, loose = _lookup((spec.name, (spec.name, *spec.synonyms)) for spec in IMPORT_SHEETS)
    norm = normalise_header(name)
    key = exact.get(norm) or loose.get(_unbracketed(norm))
    if key is None:  # '2024年库存台账' → 库存: the longest name contained wins
        contained = [(len(candidate), spec.name) for spec in IMPORT_SHEETS
                     for candidate in (spec.name, *spec.synonyms)
                     if len(candidate) >= 2 and normalise_header(candidate) in norm]
        key = max(contained)[1] if contained else None
    return next((spec for spec in IMPORT_SHEETS if spec.name == key), None)


@dataclass
class HeaderMatch:
    """Where the header row is and which column (0-based) holds which field."""

    row_index: int  # 0-based index among the scanned rows; Excel row = row_index + 1
    columns: dict[int, str] = field(default_factory=dict)  # column index → column key
    unmatched: dict[int, str] = field(default_factory=dict)  # column index → header text as found
    missing: list[str] = field(default_factory=list)  # keys of required columns not found

    @property
    def excel_row(self) -> int:
        return self.row_index + 1


def match_header_cells(spec: SheetSpec, cells: Sequence[object],
                       mapping: dict[str, str] | None = None) -> tuple[dict[int, str], dict[int, str]]:
    """Match one row's cells to columns. ``mapping`` (normalised header → key) comes from the user."""
    exact, loose = _lookup((c.key, (c.header, *c.synonyms)) for c in spec.columns)
    keys = {c.key for c in spec.columns}
    info = {normalise_header(text) for text in spec.info}
    found: dict[int, str] = {}
    unmatched: dict[int, str] = {}
    taken: set[str] = set()
    for index, cell in enumerate(cells):
        norm = normalise_header(cell)
        if not norm:
            continue
        key = None
        if mapping and mapping.get(norm) in keys:
            key = mapping[norm]
        elif mapping and mapping.get(norm) == "":
            key = None  # the user chose to ignore this column
        else:
            key = exact.get(norm) or loose.get(_unbracketed(norm))
        if key and key not in taken:
            found[index] = key
            taken.add(key)
        elif norm in info:
            continue
        else:
            unmatched[index] = str(cell).strip()
    return found, unmatched


def find_header_row(spec: SheetSpec, rows: Sequence[Sequence[object]],
                    mapping: dict[str, str] | None = None) -> HeaderMatch | None:
    """The row among ``rows`` (the first lines of a sheet) that matches most columns, or None."""
    best: HeaderMatch | None = None
    best_score = 1  # at least two columns must match
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        found, unmatched = match_header_cells(spec, cells, mapping)
        score = len(found)
        if score > best_score:
            best_score = score
            best = HeaderMatch(index, found, unmatched)
    if best is not None:
        present = set(best.columns.values())
        best.missing = [c.key for c in spec.columns if c.required and c.key not in present]
    return best
