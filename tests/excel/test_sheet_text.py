"""The 库存 sheet's XML read as text (excel_sheet_xml._sheet_rows) gives what the ElementTree reader and
openpyxl give — for plainly written rows and for every unusual form (which go to the XML parser)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from xml.etree.ElementTree import ParseError

import openpyxl
import pytest

from models.documents import excel_sheet_xml as R

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ROOT = (f'<worksheet xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" '
        'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">')

PLAIN = [  # rows as Excel, WPS and openpyxl write them
    '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" s="{date}"><v>45413</v></c>'
    '<c r="C1"><v>12.5</v></c><c r="D1" t="b"><v>1</v></c></row>',
    '<row r="2"><c r="A2" t="inlineStr"><is><t>&#26576;&#20379;&#x5E94;&#21830; &amp; &lt;&gt;&quot;&apos;</t></is></c>'
    '<c r="C2" t="e"><v>#N/A</v></c><c r="D2"/><c r="F2" s="{date}"/><c r="G2" t="inlineStr"></c>'
    '<c r="H2" t="inlineStr"><is><t xml:space="preserve">  两头空格 </t></is></c></row>',
    '<row r="4"/>',
    '<row r="5"></row>',
    '<row r="6"><c r="B6"><v>1E3</v></c><c r="A6"><v>-7</v></c><c r="C6"><v></v></c><c r="D6" t="n"><v>3</v></c>'
    '<c t="inlineStr"><is><t>无列号</t></is></c><c r="AA6" t="s"><v>1</v></c></row>',
    '<row><c r="A7" t="str"><v>公式文本</v></c></row>',
    '<row r="9">\n  <c r="A9" t="inlineStr"><is><t>缩进的</t></is></c>\r\n  <c r="B9"><v>2</v></c>\n</row>',
]
UNUSUAL = [  # each goes through the XML parser
    '<row r="10"><c r="A10"><f>1+1</f><v>2</v></c></row>',
    '<row r="11"><c r="A11" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c></row>',
    '<row r="12"><c r="A12" t="inlineStr"><is><t>带注音</t><rPh sb="0" eb="1"><t>zhu</t></rPh></is></c></row>',
    "<row r='13'><c r='A13' t='inlineStr'><is><t>单引号</t></is></c></row>",
    '<row r="14"><c r="A14" t="inlineStr"><is><t>换\r\n行</t></is></c><c r="B14" t="inlineStr"><is><t/></is></c></row>',
    '<!-- 注释 --><row r="15"><c r="A15" t="inlineStr"><is>\n<t>空白里的</t>\n</is></c></row>',
    '<row r="16"><c r="a16"><v>1</v></c><c r="B16" s=""><v>2</v></c><c r="C16" t="inlineStr"><is></is></c></row>',
    '<row r="17"><c r="A17" t="inlineStr"><is><t>&#13;回车引用</t></is></c><?pi x?></row>',
]


def _workbook(tmp_path, rows: list[str], root: str = ROOT, name: str = "t.xlsx"):
    """An xlsx whose first sheet holds ``rows``; shared strings 甲, 乙 and a date style come from openpyxl."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"], sheet["A2"], sheet["B1"] = "甲", "乙", dt.datetime(2024, 5, 1)
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    with zipfile.ZipFile(plain) as source:
        original = source.read("xl/worksheets/sheet1.xml").decode()
        date_style = re.search(r'<c r="B1" s="(\d+)"', original).group(1)
        end = "</worksheet>" if root == ROOT else "</x:worksheet>"
        data = "<sheetData>" if root == ROOT else "<x:sheetData>"
        close = "</sheetData>" if root == ROOT else "</x:sheetData>"
        xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + root + data
               + "".join(rows).replace("{date}", date_style) + close + '<pageMargins left="0.7" right="0.7" '
               'top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' * (root == ROOT) + end)
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as target:
            for info in source.infolist():
                body = xml.encode() if info.filename == "xl/worksheets/sheet1.xml" else source.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    body = body.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
                elif info.filename == "xl/_rels/workbook.xml.rels":
                    body = body.replace(b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.'
                                        b'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                        b"</Relationships>")
                target.writestr(info, body)
            target.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}" count="2" uniqueCount="2"><si><t>甲</t></si>'
                                                    '<si><t>乙</t></si></sst>')
    return path


def _read(path, text: bool, monkeypatch, first: int = 1):
    monkeypatch.setattr(R, "_TEXT_ROWS", text)
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.active
        sheet.reset_dimensions()
        return list(R.sheet_values(sheet, first))
    finally:
        book.close()


def _openpyxl(path, first: int = 1):
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheet = book.active
    sheet.reset_dimensions()
    return [(n, tuple(v)) for n, v in enumerate(sheet.iter_rows(min_row=first, values_only=True), start=first)]


@pytest.mark.parametrize("rows", [PLAIN, UNUSUAL, PLAIN + UNUSUAL, UNUSUAL[3:4] + PLAIN[6:], PLAIN[:2]],
                         ids=["plain", "unusual", "both", "quoted-first", "short"])
def test_text_reader_gives_the_element_reader_values(tmp_path, monkeypatch, rows):
    path = _workbook(tmp_path, rows)
    expected = _read(path, False, monkeypatch)
    got = _read(path, True, monkeypatch)
    assert got == expected
    for first in (1, 3, 8):
        assert _read(path, True, monkeypatch, first) == _read(path, False, monkeypatch, first)
    if rows is PLAIN[:2]:
        assert got == _openpyxl(path)


def test_plain_rows_read_as_text_values(tmp_path, monkeypatch):
    got = dict(_read(_workbook(tmp_path, PLAIN), True, monkeypatch))
    assert got[1] == ("甲", dt.datetime(2024, 5, 1), 12.5, True)
    assert got[2] == ("某供应商 & <>\"'", None, "#N/A", None, None, None, None, "  两头空格 ")
    assert got[3] == got[4] == got[5] == ()
    assert got[6][:6] == (-7, 1000.0, None, 3, "无列号", None) and got[6][26] == "乙"
    assert got[7] == ("公式文本",) and got[9] == ("缩进的", 2)


def test_a_prefixed_or_declared_sheet_is_left_to_the_xml_parser(tmp_path, monkeypatch):
    prefixed = _workbook(tmp_path, [re.sub(r"<(/?)(row|c|v|is|t)\b", r"<\1x:\2", row) for row in PLAIN[:2]],
                         root=f'<x:worksheet xmlns:x="{MAIN}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">', name="prefixed.xlsx")
    assert _read(prefixed, True, monkeypatch) == _read(prefixed, False, monkeypatch) == _openpyxl(prefixed)
    assert _read(prefixed, True, monkeypatch)[0][1][0] == "甲"


@pytest.mark.parametrize("broken", [
    '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>',
    '<row r="1"><c r="A1" t="inlineStr"><is><t>&#1;</t></is></c></row>',
    '<row r="1"><c r="A1" t="inlineStr"><is><t>\x01</t></is></c></row>',
    '<row r="1"><c r="A1" t="e"><v>&nbsp;</v></c></row>',
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v>',
], ids=["entity", "reference", "control", "value-entity", "truncated"])
def test_a_broken_sheet_fails_as_before(tmp_path, monkeypatch, broken):
    path = _workbook(tmp_path, [broken])
    for text in (False, True):
        with pytest.raises(ParseError):
            _read(path, text, monkeypatch)


def test_invalid_utf8_fails_as_before(tmp_path, monkeypatch):
    path = _workbook(tmp_path, ['<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row>'])
    data = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").replace(b"ok", b"o\xff")
    broken = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            target.writestr(info, data if info.filename == "xl/worksheets/sheet1.xml" else source.read(info.filename))
    for text in (False, True):
        with pytest.raises(ParseError):
            _read(broken, text, monkeypatch)


def test_plain_rows_do_not_go_to_the_xml_parser(tmp_path, monkeypatch):
    path = _workbook(tmp_path, PLAIN)
    expected = _read(path, False, monkeypatch)
    parsed: list = []
    monkeypatch.setattr(R, "_one_row", lambda root, row: parsed.append(row))
    monkeypatch.setattr(R, "_row_elements", lambda source: (parsed.append(source.read(-1)), iter(()))[1])
    assert _read(path, True, monkeypatch) == expected
    assert len(parsed) == 1 and parsed[0].count(b"<row") == 0  # only the tail after </sheetData>
