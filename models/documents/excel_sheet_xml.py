"""A sheet's rows read straight from its XML, for openpyxl's read-only (streaming) worksheets.

openpyxl builds a dict per cell and was most of a large import's time; ``sheet_values`` gives the
same values as ``iter_rows(values_only=True)`` without that. Plainly written rows are read as text
with regular expressions; any other row (and a sheet whose XML starts unusually) goes through
ElementTree, parsed one row at a time so memory stays flat. ``_quick_sizing`` sizes sheets from
their <dimension> element when the workbook is opened.
"""

from __future__ import annotations

import codecs
import re
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Iterator

import openpyxl
from openpyxl.utils import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.xml.functions import iterparse
from xml.etree.ElementTree import TreeBuilder, XMLParser, fromstring


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
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
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


@lru_cache(maxsize=20_000)  # texts repeat down a column (names, suppliers: every non-ASCII one escaped)
def _unescape(text: str) -> Any:
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


_NS = "{" + _MAIN_NS + "}"
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
        self._moment = lru_cache(maxsize=100_000, typed=True)(self._from_excel)  # per reader: its epoch

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
        return self._moment(value, style in self.durations)

    def _from_excel(self, value, duration: bool):
        try:
            return from_excel(value, self.epoch, timedelta=duration)
        except (OverflowError, ValueError):
            return "#VALUE!"
