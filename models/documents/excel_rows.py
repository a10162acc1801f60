"""Reading an import workbook sheet by sheet into typed rows, collecting every problem on the way.

A problem is (sheet, Excel row number, column, Chinese message quoting the value found). The 库存
sheet is read as a stream (``iter_stock``) so a 100,000-row sheet never sits in memory; the other
sheets are small and read into lists.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterator

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.xml.functions import iterparse
from xml.etree.ElementTree import TreeBuilder, XMLParser, fromstring

from models.documents import excel_headers as H
from models.documents import excel_values as V
from models.errors import DomainError, ValidationError
from models.messages import Msg, msg
from models.schema.enums import StoreLevel
from models.services.warehouses import parse_level
from models.validation import CODE_PATTERN, check_code, check_text, parse_quantity


@dataclass(frozen=True)
class Problem:
    """One finding in the workbook; ``row`` is the Excel row number (0 for the sheet as a whole)."""

    sheet: str
    row: int
    column: str
    message: str
    cell: str = ""  # Excel reference such as "F12" (for "jump to" hints); not part of the JSON contract

    def as_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}

    def __str__(self) -> str:
        where = f"“{self.sheet}”" + (f"第 {self.row} 行" if self.row else "") + (f"“{self.column}”列" if self.column else "")
        return f"{where}：{self.message}"


class ImportCancelled(DomainError):
    """The user cancelled; nothing was written."""


class Problems:
    def __init__(self) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self._trimmed: dict[tuple[str, str], list[int]] = {}  # (sheet, column) → [first row, count]

    def error(self, sheet: str, row: int, column: str, message: str) -> None:
        self.errors.append(Problem(sheet, row, column, message))

    def warn(self, sheet: str, row: int, column: str, message: str) -> None:
        self.warnings.append(Problem(sheet, row, column, message))

    def trimmed(self, sheet: str, column: str, row: int) -> None:
        seen = self._trimmed.setdefault((sheet, column), [row, 0])
        seen[1] += 1

    def finish(self) -> None:
        """Whitespace warnings are summarised per column instead of one per cell."""
        for (sheet, column), (first, count) in self._trimmed.items():
            self.warn(sheet, first, column, msg("{count} 个单元格首尾有空格，已自动去除（首次出现在第 {first} 行）。",
                                                count=count, first=first))
        self._trimmed.clear()


@dataclass
class SheetSource:
    spec: H.SheetSpec
    title: str  # the sheet's own name in the workbook
    header: H.HeaderMatch
    estimated_rows: int


@dataclass
class Cells:
    """One data row: raw values by column key, with the Excel row number."""

    sheet: str
    row: int
    values: dict[str, Any]
    problems: Problems
    spec: H.SheetSpec

    def _column(self, key: str) -> str:
        return _header(self.spec, key)

    def raw(self, key: str) -> Any:
        return self.values.get(key)

    def _fail(self, key: str, exc: ValidationError) -> None:
        self.problems.error(self.sheet, self.row, self._column(key), exc.chinese)

    def _note_trim(self, key: str) -> None:
        if V.was_trimmed(self.values.get(key)):
            self.problems.trimmed(self.sheet, self._column(key), self.row)

    def text(self, key: str, *, max_length: int, required: bool = False) -> str:
        self._note_trim(key)
        label = self._column(key)
        value = V.cell_text(self.values.get(key))
        if required and not value:
            self.problems.error(self.sheet, self.row, label, msg("{field}不能为空，请填写。", field=label))
            return ""
        try:
            return check_text(value, label, max_length=max_length)
        except ValidationError as exc:
            self._fail(key, exc)
            return ""

    def code(self, key: str, *, required: bool = True, max_length: int = 30) -> str:
        self._note_trim(key)
        label = self._column(key)
        value = V.code_text(self.values.get(key))
        if not value:
            if required:
                self.problems.error(self.sheet, self.row, label, msg("{field}不能为空，请填写。", field=label))
            return ""
        try:
            return check_code(value, label, max_length=max_length)
        except ValidationError as exc:
            self._fail(key, exc)
            return ""

    def parse(self, key: str, parser: Callable[..., Any], *args: Any, required: bool = False, **kwargs: Any) -> Any:
        label = self._column(key)
        value = self.values.get(key)
        if V.is_blank(value):
            if required:
                self.problems.error(self.sheet, self.row, label, msg("{field}不能为空，请填写。", field=label))
            return None
        try:
            return parser(value, label, *args, **kwargs)
        except ValidationError as exc:
            self._fail(key, exc)
            return None
        except (ValueError, ArithmeticError, OverflowError) as exc:  # a corner no parser foresaw
            self.problems.error(self.sheet, self.row, label,
                                msg("{field}“{value}”无法识别（{reason}）。", field=label, value=V.cell_text(value), reason=str(exc)))
            return None


_HEADERS: dict[tuple[str, str], str] = {}


def _header(spec: H.SheetSpec, key: str) -> str:
    """A column's printed header (looked up for every cell read: cached by sheet name and key)."""
    found = _HEADERS.get((spec.name, key))
    if found is None:
        found = _HEADERS[(spec.name, key)] = spec.column(key).header
    return found


SHEET_MAP = "__sheets__"  # key in column_maps: normalised sheet title → canonical sheet name ('' = ignore)


class WorkbookReader:
    """An import workbook opened in read-only (streaming) mode, with each known sheet located."""

    def __init__(self, path: str | Path, problems: Problems, column_maps: dict[str, dict[str, str]] | None = None):
        self.path = Path(path)
        self.problems = problems
        try:
            with _quick_sizing():
                self.workbook = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except FileNotFoundError:
            raise ValidationError(msg("找不到文件“{path}”。", path=str(self.path))) from None
        except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException...
            raise ValidationError(msg(
                "无法读取“{name}”：它不是有效的 Excel（.xlsx）文件（{reason}）。"
                "如果是 .xls 旧格式，请先用 Excel 或 WPS 另存为 .xlsx。", name=self.path.name, reason=type(exc).__name__)) from None
        self.sheets: dict[str, SheetSource] = {}
        self.unmatched_sheets: list[str] = []
        for worksheet in self.workbook.worksheets:
            self._locate(worksheet, (column_maps or {}))

    def _locate(self, worksheet, column_maps: dict[str, dict[str, str]]) -> None:
        chosen = column_maps.get(SHEET_MAP, {}).get(H.normalise_header(worksheet.title))
        if chosen == "":  # the user said: ignore this sheet (still listed, so the choice can be undone)
            self.unmatched_sheets.append(worksheet.title)
            return
        spec = next((s for s in H.IMPORT_SHEETS if s.name == chosen), None) or H.match_sheet_name(worksheet.title)
        if spec is None:
            if H.normalise_header(worksheet.title) != H.normalise_header(H.LEDGER):
                self.unmatched_sheets.append(worksheet.title)
            return
        if spec.name in self.sheets:
            self.problems.warn(worksheet.title, 0, "",
                               msg("工作表“{sheet}”与“{other}”都像“{kind}”，只读取了后者。", sheet=worksheet.title,
                                   other=self.sheets[spec.name].title, kind=spec.name))
            return
        estimated = worksheet.max_row or 0
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()  # some writers record wrong sizes; read to the real end
        head = list(islice(worksheet.iter_rows(min_row=1, values_only=True), H.HEADER_SCAN_ROWS))
        header = H.find_header_row(spec, head, column_maps.get(spec.name))
        if header is None:
            self.problems.error(worksheet.title, 0, "",
                                msg("在前 {rows} 行中找不到“{kind}”的表头（如 {headers}）。", rows=H.HEADER_SCAN_ROWS,
                                    kind=spec.name, headers="、".join(spec.headers[:4])))
            return
        for key in header.missing:
            column = spec.column(key).header
            self.problems.error(worksheet.title, header.excel_row, column, msg("缺少必填列“{column}”。", column=column))
        for index, text in header.unmatched.items():
            self.problems.warn(worksheet.title, header.excel_row, text, msg("未识别的列“{column}”，已忽略。", column=text))
        self.sheets[spec.name] = SheetSource(spec, worksheet.title, header, max(0, estimated - header.excel_row))

    def close(self) -> None:
        self.workbook.close()

    def with_cells(self, problems: list[Problem]) -> list[Problem]:
        """Add the Excel cell reference (F12) to each problem whose column is a matched header."""
        letters: dict[tuple[str, str], str] = {}
        for source in self.sheets.values():
            for index, key in source.header.columns.items():
                letters[(source.title, source.spec.column(key).header)] = get_column_letter(index + 1)
        result = []
        for problem in problems:
            letter = letters.get((problem.sheet, problem.column), "")
            cell = f"{letter}{problem.row}" if letter and problem.row else (f"A{problem.row}" if problem.row else "")
            result.append(replace(problem, cell=cell))
        return result

    def rows(self, name: str, on_row: Callable[[], None] | None = None, *, preview: bool = False) -> Iterator[Cells]:
        """Data rows below the header: blank rows skipped; 合计 rows and the template's example row
        skipped with a warning. A sheet missing a required column yields nothing (except to preview)."""
        source = self.sheets.get(name)
        if source is None or (source.header.missing and not preview):
            return
        worksheet = self.workbook[source.title]
        columns = source.header.columns
        first = source.header.excel_row + 1
        for row_number, cells in sheet_values(worksheet, first):
            if on_row is not None:
                on_row()
            values = {key: cells[index] for index, key in columns.items() if index < len(cells)}
            if all(V.is_blank(value) for value in cells):
                continue
            if V.is_total_row(list(cells)):
                self.problems.warn(source.title, row_number, "", "合计行已跳过。")
                continue
            if V.is_example_row(list(cells)):
                self.problems.warn(source.title, row_number, "", "模板示例行已跳过。")
                continue
            if all(V.is_blank(value) for value in values.values()):
                continue  # text only in ignored columns
            yield Cells(source.title, row_number, values, self.problems, source.spec)


@contextmanager
def _quick_sizing():
    """While opening: size read-only sheets from their <dimension> element without reading the rows.

    openpyxl looks for <dimension> on "end" events, so for a sheet written without one (openpyxl's
    own write-only mode, many other writers) it parses the whole sheet just to learn that — a
    fifth of the time to open a 100,000-row workbook. <dimension> comes before <sheetData> in the
    schema: stopping at the start of <sheetData> gives the same answer."""
    original = ReadOnlyWorksheet._get_size

    def get_size(worksheet) -> None:
        with worksheet._get_source() as source:
            for _event, element in iterparse(source, events=("start",)):
                if element.tag == DIMENSION_TAG:
                    dimensions = SheetDimension.from_tree(element).boundaries
                    if dimensions is not None:
                        (worksheet._min_column, worksheet._min_row,
                         worksheet._max_column, worksheet._max_row) = dimensions
                    return
                if element.tag == DATA_TAG:
                    return

    ReadOnlyWorksheet._get_size = get_size
    try:
        yield
    finally:
        ReadOnlyWorksheet._get_size = original


def sheet_values(worksheet, first: int) -> Iterator[tuple[int, tuple]]:
    """(Excel row number, cell values) from row ``first`` on, as ``iter_rows(values_only=True)`` gives
    them, but for a read-only sheet straight from the sheet's XML: openpyxl builds a dict per cell
    and was most of a large import's time. Rows absent from the file come as empty tuples."""
    if not hasattr(worksheet, "_get_source"):  # a normal (not read-only) worksheet
        yield from enumerate(worksheet.iter_rows(min_row=first, values_only=True), start=first)
        return
    workbook = worksheet.parent
    read = _RowReader(worksheet._shared_strings, workbook.epoch, workbook._date_formats, workbook._timedelta_formats)
    expected = first
    with worksheet._get_source() as source:
        row_number = 0
        for number, values in _sheet_rows(source, read):
            row_number = int(float(number)) if number else row_number + 1
            if row_number >= first:
                while expected < row_number:
                    yield expected, ()
                    expected += 1
                yield row_number, values
                expected = row_number + 1


# --- the sheet's XML read as text, for the rows that are written plainly -----------------------------
#
# Building an ElementTree element for every cell, <is>, <t> and <v> was most of reading a large
# sheet. Rows written plainly (what Excel, WPS and openpyxl write: <c> with r/s/t attributes holding a
# <v> or an <is><t>, character references, no formulas, no rich text) are read with regular
# expressions instead; any other row — and everything when the sheet's XML starts unusually (another
# encoding, a DOCTYPE, a prefixed root) — still goes through ElementTree, so the values (and the errors
# of a broken file) are those of ``_RowReader`` on the parsed element. tests/excel/test_sheet_text.py
# compares both readers on unusual sheets.

_TEXT_ROWS = True  # tests switch it off to compare with the ElementTree reader
_MAIN_NS = _NS_URI = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PLAIN_ATTRS = r'(?:\s+[\w:.-]+="[^"<>&\t\n\r]*")*'
_ROW_TEXT = re.compile(r'\s*<row\b(' + _PLAIN_ATTRS + r')\s*(?:/>|>(.*?)</row>)', re.S)
_ROW_NUMBER = re.compile(r'\sr="([^"]*)"')
_CELL_TEXT = re.compile(
    r'\s*<c((?:\s+(?:r="([A-Z]{1,3})[0-9]+"|s="([0-9]+)"|t="([A-Za-z]+)"|(?![rst]=)[\w:.-]+="[^"<>&\t\n\r]*"))*)\s*'
    r'(?:/>|>(?:<v>([^<\r]*)</v>|<is><t' + _PLAIN_ATTRS + r'\s*>([^<\r]*)</t></is>)?</c>)')
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_REFERENCE = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_CHUNK = 1 << 16


def _sheet_rows(source, read: "_RowReader") -> Iterator[tuple[str | None, tuple]]:
    """(the row's r attribute, its values) for every <row> of a sheet's XML, in order."""
    head = b""
    while b"<sheetData" not in head and len(head) < (1 << 22):
        data = source.read(_CHUNK)
        if not data:
            break
        head += data
    start = head.find(b"<sheetData")
    root = _plain_root(head[:start]) if _TEXT_ROWS and start >= 0 else None
    if root is None:
        yield from ((element.get("r"), read(element)) for element in _row_elements(_Replay(head, source)))
        return
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    text = decoder.decode(head[start:])
    opening = re.match(r"<sheetData\b[^>]*?(/?)>", text)
    if opening is None or opening.group(1):  # <sheetData/>: no rows (the tail is still checked below)
        yield from _tail(root, text, decoder, source, read)
        return
    buffer, eof = text[opening.end():], False
    while True:
        position = 0
        while True:
            match = _ROW_TEXT.match(buffer, position)
            if match is None:
                break
            position = match.end()
            row, content = match.group(0), match.group(2)
            values = None if _NOT_XML.search(row) else _row_text(content, read) if content is not None else ()
            if values is None:  # not written plainly: this row through ElementTree
                values = read(_one_row(root, row))
            number = _ROW_NUMBER.search(match.group(1))
            yield (number.group(1) if number else None), values
        rest = buffer[position:]
        stripped = rest.lstrip()
        if eof or not stripped.startswith("<row") and len(stripped) >= 4 or "</row>" in rest:
            yield from _tail(root, "<sheetData>" + rest, decoder, source, read)  # the end, or unusual
            return
        data = source.read(_CHUNK)
        eof = not data
        buffer = rest + decoder.decode(data, final=eof)


def _plain_root(prolog: bytes) -> str | None:
    """The root element's start tag when the XML before <sheetData> is UTF-8 and plainly namespaced."""
    try:
        text = prolog.decode("utf-8")
    except UnicodeDecodeError:
        return None
    text = text.removeprefix("\ufeff")
    declaration = re.match(r"\s*<\?xml\b[^>]*?\?>", text)
    if declaration and re.search(r"encoding\s*=\s*[\"'](?!utf-?8[\"'])", declaration.group(0), re.I):
        return None
    if "<!" in text:  # a DOCTYPE (entities) or a comment: leave it all to the XML parser
        return None
    root = re.search(r"<worksheet\b[^>]*>", text)
    if root is None or f'xmlns="{_MAIN_NS}"' not in root.group(0) or root.group(0).endswith("/>"):
        return None
    return root.group(0)


def _row_text(content: str, read: "_RowReader") -> tuple | None:
    """The values of a plainly written row's cells, or None when the row has anything else."""
    values: list = []
    position, end = 0, len(content)
    columns = _COLUMNS
    for match in _CELL_TEXT.finditer(content):
        if match.start() != position:
            return None
        position = match.end()
        _attrs, letters, style, kind, raw, inline = match.groups()
        if kind is None:
            kind = "n"
        if kind == "inlineStr":
            value = None if inline is None else (_unescape(inline) if "&" in inline else inline)
        elif not raw:
            value = None
        else:
            if "&" in raw:
                raw = _unescape(raw)
                if raw is _BAD:
                    return None
            value = read.value(kind, raw, style)
        if value is _BAD:
            return None
        column = (columns.get(letters) or _column_index(letters)) if letters else len(values) + 1
        if column == len(values) + 1:
            values.append(value)
        else:
            _put(values, column, value)
    if position != end and content[position:].strip():
        return None
    return tuple(values)


_BAD = object()  # a character reference XML does not allow: the row goes to the XML parser (which refuses it)


_UNESCAPED: dict[str, Any] = {}  # texts repeat down a column (names, suppliers: every non-ASCII one escaped)


def _unescape(text: str) -> Any:
    found = _UNESCAPED.get(text)
    if found is None:
        found = _unescape_new(text)
        if len(_UNESCAPED) < 20_000:
            _UNESCAPED[text] = found
    return found


def _unescape_new(text: str) -> Any:
    if "&" in _REFERENCE.sub("", text):
        return _BAD  # an entity XML does not define
    def character(match) -> str:
        if match.group(1):
            return _NAMED[match.group(1)]
        code = int(match.group(2)) if match.group(2) else int(match.group(3), 16)
        if not (code in (9, 10, 13) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF):
            raise _NotXml
        return chr(code)
    try:
        return _REFERENCE.sub(character, text)
    except _NotXml:
        return _BAD


class _NotXml(Exception):
    pass


def _one_row(root: str, row_text: str):
    """A row's element, parsed by ElementTree inside the sheet's own root tag (for its namespaces)."""
    document = f"{root}<sheetData>{row_text}</sheetData></worksheet>".encode("utf-8", "surrogateescape")
    return fromstring(document)[0][0]


def _tail(root: str, text: str, decoder, source, read: "_RowReader") -> Iterator[tuple[str | None, tuple]]:
    """The rest of the sheet (from <sheetData> or an unusual row on) through ElementTree: rows it
    holds, and the same errors as before for a broken file."""
    prefix = (root + text).encode("utf-8", "surrogateescape") + decoder.decode(b"", final=True).encode(
        "utf-8", "surrogateescape")
    for element in _row_elements(_Replay(prefix, source)):
        yield element.get("r"), read(element)


class _Replay:
    """A file-like ``read`` that gives ``prefix`` first, then the rest of ``source``."""

    def __init__(self, prefix: bytes, source) -> None:
        self.prefix, self.source = prefix, source

    def read(self, size: int = -1) -> bytes:
        if self.prefix:
            data, self.prefix = self.prefix, b""
            return data
        return self.source.read(size)


def _row_elements(source) -> Iterator:
    """The complete <row> elements of a sheet's XML, in order; rows read are dropped from the tree,
    so memory stays flat whatever the sheet's size.

    ElementTree's parser with its events collected in a plain list, "start" events only until
    <sheetData> opens and "end" events after (half the events of ``iterparse(events=("start", "end"))``,
    without its generator per event). Falls back to ``iterparse`` where that hook is missing or
    openpyxl parses through defusedxml."""
    parser = XMLParser(target=TreeBuilder())
    events: list = []
    if openpyxl.DEFUSEDXML or not hasattr(parser, "_setevents"):
        yield from _row_elements_iterparse(source)
        return
    parser._setevents(events, ("start", "end"))
    sheet_data = None
    done = False
    while not done:
        data = source.read(1 << 16)
        if data:
            parser.feed(data)
        else:
            parser.close()
            done = True
        for event, element in events:
            if element.tag == _ROW:
                if event == "end":
                    yield element
            elif sheet_data is None and element.tag == _SHEET_DATA:
                sheet_data = element
                parser._setevents(events, ("end",))
        del events[:]
        if sheet_data is not None:
            sheet_data.clear()  # a row still open stays with the parser and comes complete later


def _row_elements_iterparse(source) -> Iterator:
    sheet_data = None
    for event, element in iterparse(source, events=("start", "end")):
        if event == "start":
            if element.tag == _SHEET_DATA:
                sheet_data = element
            continue
        if element.tag != _ROW:
            continue
        yield element
        if sheet_data is not None:
            sheet_data.clear()


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _VALUE, _INLINE, _TEXT, _RUN, _SHEET_DATA = (_NS + tag for tag in ("row", "v", "is", "t", "r", "sheetData"))
_COLUMNS: dict[str, int] = {}  # "AB" → 27
_DIGITS = "0123456789"


def _column_index(reference: str) -> int:
    letters = reference.rstrip(_DIGITS)
    index = _COLUMNS.get(letters)
    if index is None:
        index = _COLUMNS[letters] = column_index_from_string(letters)
    return index


def _put(values: list, column: int, value: Any) -> None:
    """Set a row's value in (1-based) ``column``: cells may skip columns or, rarely, come out of order."""
    if column == len(values) + 1:
        values.append(value)
    elif column > len(values):
        values.extend([None] * (column - len(values) - 1))
        values.append(value)
    else:
        values[column - 1] = value


class _RowReader:
    """The values of one <row>, as openpyxl's WorkSheetParser.parse_cell reads them (data_only).
    Dates are converted once per distinct serial number and style kind."""

    def __init__(self, strings, epoch, dates, durations) -> None:
        self.strings, self.epoch, self.dates, self.durations = strings, epoch, dates, durations
        self.moments: dict[tuple, Any] = {}

    def __call__(self, row) -> tuple:
        values: list = []
        columns = _COLUMNS
        for cell in row:
            reference = cell.get("r")
            if reference:
                column = columns.get(reference.rstrip(_DIGITS)) or _column_index(reference)
            else:
                column = len(values) + 1
            kind = cell.get("t", "n")
            value = None
            if kind == "inlineStr":
                text = cell.find(_INLINE)
                if text is not None:
                    if len(text) == 1 and text[0].tag == _TEXT and not len(text[0]):
                        value = text[0].text or ""
                    else:
                        value = "".join([t.text or "" for t in text.findall(_TEXT)]
                                        + [t.text or "" for run in text.findall(_RUN) for t in run.findall(_TEXT)])
            else:
                raw = cell.findtext(_VALUE) or None
                if raw is not None:
                    value = self.value(kind, raw, cell.get("s"))
            _put(values, column, value)
        return tuple(values)

    def value(self, kind: str, raw: str, style: str | None) -> Any:
        """A cell's value from its type, the text of its <v> and its style id."""
        if kind == "n":
            value = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
            return self._styled(value, int(style)) if style else value
        if kind == "s":
            return self.strings[int(raw)]
        if kind == "b":
            return bool(int(raw))
        if kind == "d":
            return from_ISO8601(raw)
        return raw  # "str" (a formula's text), "e" (an error such as #N/A)

    def _styled(self, value, style: int):
        if not style or style not in self.dates:
            return value
        key = (type(value), value, style in self.durations)
        found = self.moments.get(key)
        if found is None:
            try:
                found = from_excel(value, self.epoch, timedelta=key[2])
            except (OverflowError, ValueError):
                found = "#VALUE!"
            if len(self.moments) < 100_000:
                self.moments[key] = found
        return found


# --- typed rows -------------------------------------------------------------------------------

@dataclass
class StoreRow:
    row: int
    code: str
    name: str
    level: StoreLevel | None
    area: str
    parent_area: str
    address: str
    keeper: str
    phone: str
    floor_area: Decimal | None

    def key(self) -> tuple:
        return (self.name, self.level, self.area, self.parent_area, self.address, self.keeper, self.phone, self.floor_area)


@dataclass
class ItemRow:
    row: int
    code: str
    name: str
    spec: str
    unit: str
    category_code: str
    category_name: str
    shelf_life_months: int | None
    rotation_lead_days: int | None
    returnable: bool
    unit_price: Decimal | None

    def key(self) -> tuple:
        return (self.name, self.spec, self.unit, self.category_code, self.shelf_life_months,
                self.rotation_lead_days, self.returnable, self.unit_price)


@dataclass(slots=True)
class StockEntry:
    row: int
    store_code: str
    item_code: str
    batch_no: str
    production_date: dt.date | None
    expiry_date: dt.date | None
    quantity: Decimal | None
    unit_price: Decimal | None
    supplier: str
    location: str
    remarks: str
    manufacturer: str = ""
    reserve_mode: str = "government"
    reserved: Decimal | None = None  # 已预留数量 (optional column)


@dataclass
class AgreementRow:
    row: int
    number: str
    enterprise: str
    credit_code: str
    agreement_type: str  # "physical" / "capacity"
    start_date: dt.date | None
    end_date: dt.date | None
    response_hours: int | None
    annual_fee: Decimal | None
    item_code: str
    quantity: Decimal | None
    minimum: Decimal | None
    place: str
    contact: str
    phone: str
    state: str = "active"
    # optional columns (agreement supply as of the export date): latest check, call-ups not yet
    # replenished, and the part of the change since the check that was called up (may be negative)
    check_date: dt.date | None = None
    found: Decimal | None = None
    outstanding: Decimal | None = None
    since_check: Decimal | None = None

    def head(self) -> tuple:
        return (self.enterprise, self.credit_code, self.agreement_type, self.start_date, self.end_date,
                self.response_hours, self.annual_fee, self.place, self.contact, self.phone, self.state)


@dataclass
class StandardRow:
    row: int
    standard: str
    need: str
    unit: str
    basis: str  # per_person_day / per_persons / fixed
    quota: Decimal | None
    item_code: str
    factor: Decimal

    def head(self) -> tuple:
        return (self.unit, self.basis, self.quota)


AGREEMENT_TYPES = {"实物代储": "physical", "实物": "physical", "代储": "physical", "企业代储": "physical",
                   "physical": "physical", "产能储备": "capacity", "产能": "capacity", "capacity": "capacity"}
BASES = {"每人每天": "per_person_day", "每人每日": "per_person_day", "人天": "per_person_day",
         "per_person_day": "per_person_day", "每n人": "per_persons",
         "per_persons": "per_persons", "固定数量": "fixed", "固定": "fixed", "fixed": "fixed"}
BASIS_LABELS = {"per_person_day": "每人每天", "per_persons": "每N人", "fixed": "固定数量"}
TYPE_LABELS = {"physical": "实物代储", "capacity": "产能储备"}


def _level(value: object, field: str) -> StoreLevel:
    return parse_level(V.normalise_word(V.cell_text(value)))


def _choice(table: dict[str, str | None], message: Msg) -> Callable[[object, str], str]:
    def parse(value: object, field: str) -> str:
        word = V.normalise_word(V.cell_text(value)).lower()
        result = table.get(word)
        if result is None:
            raise ValidationError(msg("{field}“{value}”无效，{hint}", field=field, value=V.cell_text(value), hint=message),
                                  field=field)
        return result
    return parse


_agreement_type = _choice(AGREEMENT_TYPES, msg("应为“实物代储”或“产能储备”。"))
_agreement_state = _choice({"草稿": "draft", "draft": "draft", "有效": "active", "生效": "active", "active": "active",
                            "已到期": "active", "到期": "active", "expired": "active", "已终止": "terminated",
                            "终止": "terminated", "terminated": "terminated"},
                           msg("应为“草稿”“有效”“已到期”或“已终止”（不填为有效）。"))
_reserve_mode = _choice({"政府实物储备": "government", "政府储备": "government", "实物储备": "government",
                         "government": "government", "部门储备": "department", "department": "department",
                         "群众号料": "pledged", "pledged": "pledged"},
                        msg("应为“政府实物储备”“部门储备”或“群众号料”（不填为政府实物储备）。"))
_basis = _choice(BASES, msg("应为“每人每天”“每N人”或“固定数量”。"))


def _ratio(value: object, field: str) -> Decimal:
    """Quotas and factors: up to nine decimals (the standards module's rule), text numbers accepted."""
    from models.services.standards import parse_ratio  # noqa: PLC0415

    return parse_ratio(V.number_text(value) if isinstance(value, str) else value, field)


def _positive(value: object, field: str) -> Decimal:
    return V.parse_quantity_cell(value, field)


def _signed_quantity(value: object, field: str) -> Decimal | None:
    """A quantity that may be negative (three decimals at most)."""
    number = V.parse_decimal_cell(V.number_text(value) if isinstance(value, str) else value, field)
    if number is None:
        return None
    magnitude = parse_quantity(abs(number), field, allow_zero=True)
    return -magnitude if number < 0 else magnitude


def read_store(cells: Cells) -> StoreRow:
    return StoreRow(
        cells.row, cells.code("code"), cells.text("name", max_length=200, required=True),
        cells.parse("level", _level, required=True), cells.text("area", max_length=130, required=True),
        cells.text("parent_area", max_length=130), cells.text("address", max_length=300),
        cells.text("keeper", max_length=100), cells.text("phone", max_length=50),
        cells.parse("floor_area", V.parse_money_cell),
    )


def read_item(cells: Cells) -> ItemRow:
    return ItemRow(
        cells.row, cells.code("code"), cells.text("name", max_length=200, required=True),
        cells.text("spec", max_length=200), cells.text("unit", max_length=20, required=True),
        cells.code("category_code", required=False, max_length=7),
        cells.text("category_name", max_length=100),
        cells.parse("shelf_life_months", V.parse_int_cell, minimum=1, maximum=10000),
        cells.parse("rotation_lead_days", V.parse_int_cell, minimum=0, maximum=10000),
        bool(cells.parse("returnable", V.parse_bool_cell)),
        cells.parse("unit_price", V.parse_money_cell),
    )


def read_stock(cells: Cells) -> StockEntry:
    """A 库存 row. Tidy cells (the usual case: plain codes and texts, Excel dates, whole or decimal
    numbers, values already seen in the column) are taken by the ``_tidy_*`` shortcuts, which give
    exactly what the ``Cells`` method would; anything else — and every problem — goes through
    ``Cells`` itself, so values and messages are unchanged."""
    entry = StockEntry(
        cells.row, _tidy_code(cells, "store_code"), _tidy_code(cells, "item_code"),
        _tidy_text(cells, "batch_no", 60),  # real batch numbers may be text ("无批次", "2024年第3批")
        _tidy_date(cells, "production_date"), _tidy_date(cells, "expiry_date"),
        _tidy_number(cells, "quantity", _quantity_number, V.parse_quantity_cell, required=True, allow_zero=True),
        _tidy_number(cells, "unit_price", _money_number, V.parse_money_cell),
        _tidy_text(cells, "supplier", 200), _tidy_text(cells, "location", 100),
        _tidy_text(cells, "remarks", 500), _tidy_text(cells, "manufacturer", 200),
        _tidy_parsed(cells, "reserve_mode", _reserve_mode) or "government",
        _tidy_parsed(cells, "reserved", V.parse_optional_quantity) or None,
    )
    if entry.production_date and entry.expiry_date and entry.expiry_date < entry.production_date:
        cells.problems.error(cells.sheet, cells.row, "有效期至",
                             msg("有效期至 {expiry} 早于生产日期 {production}，请检查日期。",
                                 expiry=str(entry.expiry_date), production=str(entry.production_date)))
    if entry.reserved and entry.quantity is not None and entry.reserved > entry.quantity:
        cells.problems.error(cells.sheet, cells.row, "已预留数量",
                             msg("已预留数量 {reserved} 大于数量 {quantity}，预留不能超过结存。",
                                 reserved=f"{entry.reserved.normalize():f}", quantity=f"{entry.quantity.normalize():f}"))
    return entry


# --- shortcuts for tidy 库存 cells (read_stock); tests/excel/test_tidy_cells.py checks them against Cells ----

_CODE_CHARS = CODE_PATTERN.fullmatch
_MILLI, _CENT, _TOO_LARGE = Decimal("0.001"), Decimal("0.01"), Decimal("1e12")
_PARSED: dict[tuple, Any] = {}  # (parser, column key, cell text) → value parsed without a problem
_PARSED_LIMIT = 20_000


def _tidy_code(cells: Cells, key: str, max_length: int = 30) -> str:
    value = cells.values.get(key)
    if type(value) is str and len(value) <= max_length and _CODE_CHARS(value):
        return value  # nothing to trim or normalise, nothing check_code refuses
    return cells.code(key, max_length=max_length)


def _tidy_text(cells: Cells, key: str, max_length: int) -> str:
    value = cells.values.get(key)
    if value is None:
        return ""
    # printable: no control character and no space but " " (so no \u3000 to replace); not at the ends
    if (type(value) is str and len(value) <= max_length and value.isprintable()
            and value[:1] != " " and value[-1:] != " "):
        return value
    return cells.text(key, max_length=max_length)


def _tidy_date(cells: Cells, key: str) -> dt.date | None:
    value = cells.values.get(key)
    kind = type(value)
    if kind is dt.datetime:
        return value.date()
    if kind is dt.date or value is None:
        return value
    return _tidy_parsed(cells, key, V.parse_date_cell)


def _quantity_number(number: Decimal) -> Decimal | None:
    """parse_quantity_cell(allow_zero=True) of a finite number, or None where it would object."""
    if 0 <= number < _TOO_LARGE and number == number.quantize(_MILLI):
        return number
    return None


def _money_number(number: Decimal) -> Decimal | None:
    if 0 <= number < _TOO_LARGE and number == number.quantize(_CENT):
        return number.quantize(_CENT)
    return None


def _tidy_number(cells: Cells, key: str, check: Callable[[Decimal], Decimal | None], parser: Callable[..., Any],
                 **kwargs: Any) -> Decimal | None:
    value = cells.values.get(key)
    kind = type(value)
    if kind is int or kind is float:
        number = Decimal(value) if kind is int else Decimal(repr(value))
        if number.is_finite():
            result = check(number)
            if result is not None:
                return result
    elif value is None and not kwargs.get("required"):
        return None
    return _tidy_parsed(cells, key, parser, **kwargs)


def _tidy_parsed(cells: Cells, key: str, parser: Callable[..., Any], **kwargs: Any) -> Any:
    """``cells.parse``; text cells parsed without a problem are remembered (a column repeats its prices,
    dates typed as text, words), so the same text is parsed once."""
    value = cells.values.get(key)
    if value is None and not kwargs.get("required"):
        return None
    if type(value) is not str:
        return cells.parse(key, parser, **kwargs)
    found = _PARSED.get((parser, key, value))
    if found is None:
        errors = len(cells.problems.errors)
        found = cells.parse(key, parser, **kwargs)
        if found is not None and len(cells.problems.errors) == errors and len(_PARSED) < _PARSED_LIMIT:
            _PARSED[(parser, key, value)] = found
    return found


def read_agreement(cells: Cells) -> AgreementRow:
    credit = cells.text("credit_code", max_length=30, required=True)
    if credit:
        try:
            credit = V.check_credit_code(credit)
        except ValidationError as exc:
            cells.problems.error(cells.sheet, cells.row, "统一社会信用代码", exc.chinese)
    row = AgreementRow(
        cells.row, cells.code("number", max_length=60), cells.text("enterprise", max_length=200, required=True),
        credit, cells.parse("agreement_type", _agreement_type, required=True) or "",
        cells.parse("start_date", V.parse_date_cell, required=True),
        cells.parse("end_date", V.parse_date_cell, required=True),
        cells.parse("response_hours", V.parse_int_cell, minimum=1, maximum=10000),
        cells.parse("annual_fee", V.parse_money_cell), cells.code("item_code"),
        cells.parse("quantity", _positive, required=True),
        cells.parse("minimum", V.parse_optional_quantity),
        cells.text("place", max_length=300), cells.text("contact", max_length=100), cells.text("phone", max_length=50),
        cells.parse("state", _agreement_state) or "active",
        cells.parse("check_date", V.parse_date_cell), cells.parse("found", V.parse_optional_quantity),
        cells.parse("outstanding", V.parse_optional_quantity) or None,
        cells.parse("since_check", _signed_quantity) or None,
    )
    _check_agreement_supply(cells, row)
    if row.start_date and row.end_date and row.end_date < row.start_date:
        cells.problems.error(cells.sheet, cells.row, "结束日期", msg("结束日期 {end} 早于开始日期 {start}。", end=str(row.end_date), start=str(row.start_date)))
    if row.quantity is not None and row.minimum is not None and row.minimum > row.quantity:
        cells.problems.error(cells.sheet, cells.row, "最低数量",
                             msg("最低数量 {minimum} 大于协议数量 {quantity}。", minimum=str(row.minimum), quantity=str(row.quantity)))
    return row


def _check_agreement_supply(cells: Cells, row: AgreementRow) -> None:
    """The optional check / call-up columns must describe something that can have happened."""
    def error(column: str, message: str) -> None:
        cells.problems.error(cells.sheet, cells.row, column, message)

    if (row.check_date is None) != (row.found is None):
        error("最近核查日期" if row.check_date is None else "核查数量",
              msg("最近核查日期和核查数量应同时填写或同时留空。"))
    if row.since_check and row.check_date is None:
        error("核查后调用数量", msg("没有最近核查日期时，核查后调用数量应留空。"))
    if row.since_check and (row.outstanding or 0) < row.since_check:
        error("已调用数量", msg("已调用数量 {outstanding} 小于核查后调用数量 {since}：核查后调用的部分包含在已调用数量中。",
                        outstanding=f"{(row.outstanding or 0).normalize():f}", since=f"{row.since_check.normalize():f}"))
    if (row.check_date or row.outstanding) and row.state == "draft":
        error("状态", msg("草稿协议还没有生效，不能有核查或调用记录；请把状态改为“有效”或清空这些列。"))
    if row.check_date and row.start_date and row.check_date < row.start_date:
        error("最近核查日期", msg("最近核查日期 {check} 早于协议开始日期 {start}。", check=str(row.check_date), start=str(row.start_date)))


def read_standard(cells: Cells) -> StandardRow:
    return StandardRow(
        cells.row, cells.text("standard", max_length=100, required=True), cells.text("need", max_length=100, required=True),
        cells.text("unit", max_length=20, required=True), cells.parse("basis", _basis, required=True) or "",
        cells.parse("quota", _ratio, required=True), cells.code("item_code", required=False),
        cells.parse("factor", _ratio) or Decimal(1),
    )


READERS = {H.STORES: read_store, H.ITEMS: read_item, H.STOCK: read_stock,
           H.AGREEMENTS: read_agreement, H.STANDARDS: read_standard}


@dataclass
class SheetPreview:
    """What the wizard shows for one sheet: how headers were understood and the first rows."""

    sheet: str  # canonical
    title: str  # as in the workbook
    header_row: int
    columns: list[tuple[str, str]]  # (header found, canonical header or '' if ignored)
    missing: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (excel row, canonical-order texts)


def preview(path: str | Path, column_maps: dict[str, dict[str, str]] | None = None, limit: int = 5
            ) -> tuple[list[SheetPreview], Problems, list[str]]:
    problems = Problems()
    reader = WorkbookReader(path, problems, column_maps)
    try:
        previews = []
        for name, source in reader.sheets.items():
            worksheet = reader.workbook[source.title]
            header_cells = next(worksheet.iter_rows(min_row=source.header.excel_row,
                                                    max_row=source.header.excel_row, values_only=True))
            columns = []
            info = {H.normalise_header(text) for text in source.spec.info}
            for index, cell in enumerate(header_cells):
                if V.is_blank(cell) or (index not in source.header.columns and H.normalise_header(cell) in info):
                    continue
                key = source.header.columns.get(index)
                columns.append((V.cell_text(cell), source.spec.column(key).header if key else ""))
            item = SheetPreview(name, source.title, source.header.excel_row, columns,
                                [source.spec.column(k).header for k in source.header.missing])
            for cells in islice(reader.rows(name, preview=True), limit):
                item.rows.append((cells.row, [V.cell_text(cells.raw(c.key)) for c in source.spec.columns]))
            previews.append(item)
        return previews, problems, reader.unmatched_sheets
    finally:
        reader.close()


def excerpt(path: str | Path, sheet_title: str, row: int, column_maps: dict[str, dict[str, str]] | None = None,
            radius: int = 2) -> list[tuple[int, list[str]]]:
    """The rows around Excel row ``row`` of a sheet, in canonical column order (for "jump to row")."""
    reader = WorkbookReader(path, Problems(), column_maps)
    try:
        source = next((s for s in reader.sheets.values() if s.title == sheet_title), None)
        if source is None:
            return []
        first = max(source.header.excel_row + 1, row - radius)
        cells = reader.workbook[source.title].iter_rows(min_row=first, max_row=row + radius, values_only=True)
        result = []
        for number, values in enumerate(cells, start=first):
            by_key = {key: values[index] for index, key in source.header.columns.items() if index < len(values)}
            result.append((number, [V.cell_text(by_key.get(c.key)) for c in source.spec.columns]))
        return result
    finally:
        reader.close()
