"""Hostile input: quotes, SQL fragments, control characters, huge strings and emoji are stored and read
back verbatim or refused with a message; broken database files get a clear message, not a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.errors import DatabaseOpenError, DomainError, ValidationError
from models.migrate import open_database
from models.schema.audit import AuditEntry
from models.schema.catalog import Item
from models.schema.documents import Document, DocumentLine
from models.schema.warehouse import Store
from models.services.catalog import ItemInput, create_item
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from models.services.verify import verify
from models.services.warehouses import StoreInput, create_store

REPO = Path(__file__).resolve().parents[2]

NASTY = [
    "O'Brien \"引号\" `反引号`",
    "'; DROP TABLE stores; --",
    "x' OR '1'='1",
    "Robert'); DELETE FROM movements WHERE ('1'='1",
    "%_\\ LIKE 通配 %%",
    "帐篷⛺🚒🆘👨‍👩‍👧 emoji",
    "多行\n备注\t制表符",
    "<script>alert(1)</script> &amp;",
    "ＳＥＬＥＣＴ　全角",
    "\u202e右到左覆盖",
]
CONTROL = ["abc\x00def", "bell\x07", "esc\x1b[31m", "del\x7f"]


def _tables_intact(db) -> None:
    with db.read() as session:
        assert session.scalar(select(func.count(Store.id))) >= 4
    assert verify(db).ok


def test_nasty_names_and_remarks_round_trip_verbatim(admin, county, db, capsys, monkeypatch):
    for index, text in enumerate(NASTY):
        _round_trip(admin, db, index, text)
    _tables_intact(db)
    # and the command line prints them verbatim (JSON and text)
    from models.cli import main

    for key in ("RESERVE_KEEPER_USER", "RESERVE_KEEPER_PASSWORD", "RESERVE_KEEPER_DB"):
        monkeypatch.delenv(key, raising=False)
    capsys.readouterr()
    assert main(["--db", db.url, "--json", "stock"]) == 0
    printed = {(row["store_name"], row["item_name"]) for row in json.loads(capsys.readouterr().out)}
    expected = {(t.replace("\n", " ").replace("\t", " ").strip(),) * 2 for t in NASTY}
    assert expected <= printed
    assert main(["--db", db.url, "stock"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name, _ in expected)


def _round_trip(admin, db, index: int, text: str) -> None:
    name = text.replace("\n", " ").replace("\t", " ")  # names are one line in the UI, but we store what we get
    create_store(admin, StoreInput(f"H{index:03d}", name, "county", "320101", address=text))
    create_item(admin, ItemInput(f"HI{index:03d}", name, "个", spec=text))
    posted = receive(admin, f"H{index:03d}", [ReceiptLine(f"HI{index:03d}", 5, remarks=text, location=name)],
                     supplier=text, remarks=text, reference=name[:100])
    issue(admin, f"H{index:03d}", [IssueLine(f"HI{index:03d}", 2, remarks=text)], receiver=text, purpose=text)
    with db.read() as session:
        store = session.scalar(select(Store).where(Store.code == f"H{index:03d}"))
        item = session.scalar(select(Item).where(Item.code == f"HI{index:03d}"))
        document = session.scalar(select(Document).where(Document.number == posted.number))
        line = session.scalar(select(DocumentLine).where(DocumentLine.document_id == document.id))
        audit = session.scalar(select(AuditEntry).where(AuditEntry.entity_key == posted.number))
        assert (store.name, store.address) == (name.strip(), text.strip())
        assert (item.name, item.spec) == (name.strip(), text.strip())
        assert (document.counterparty, document.remarks) == (text.strip(), text.strip())
        assert (line.remarks, line.location) == (text.strip(), name.strip())
        assert audit is not None and json.loads(audit.after_json)["number"] == posted.number


def test_control_characters_are_refused_with_a_message(admin, county, db):
    for bad in CONTROL:
        with pytest.raises(ValidationError, match="控制字符"):
            create_store(admin, StoreInput("HX01", bad, "county", "320101"))
        with pytest.raises(ValidationError, match="控制字符"):
            create_item(admin, ItemInput("HX01", bad, "个"))
        with pytest.raises(ValidationError, match="控制字符"):
            receive(admin, county.county_store, [ReceiptLine(county.bags, 1)], remarks=bad)
    with db.read() as session:
        assert session.scalar(select(func.count(Document.id))) == 0
    _tables_intact(db)


def test_ten_thousand_characters_are_refused_or_kept_whole(admin, county, db):
    huge = "长" * 9_990 + "🆘'; --\"x"
    assert len(huge) == 9_998
    for action in (
        lambda: create_store(admin, StoreInput("HB01", huge, "county", "320101")),
        lambda: create_item(admin, ItemInput("HB01", huge, "个")),
        lambda: receive(admin, county.county_store, [ReceiptLine(county.bags, 1)], supplier=huge),
        lambda: receive(admin, county.county_store, [ReceiptLine(county.bags, 1)], remarks=huge),
        lambda: receive(admin, county.county_store, [ReceiptLine(county.bags, 1, batch_no=huge)]),
        lambda: issue(admin, county.county_store, [IssueLine(county.bags, 1)], receiver=huge),
    ):
        with pytest.raises(DomainError) as info:
            action()
        assert info.value.message  # a sentence for the user, not a driver error
    # the longest allowed remark is stored whole
    longest = ("备注'\"" * 700)[:2000]
    posted = receive(admin, county.county_store, [ReceiptLine(county.bags, 1)], remarks=longest)
    with db.read() as session:
        assert session.scalar(select(Document.remarks).where(Document.number == posted.number)) == longest
    _tables_intact(db)


def test_hostile_codes_are_refused(admin, county):
    for code in ["C001'; --", "A B", "码", "x" * 500, "🆘"]:
        with pytest.raises(DomainError):
            create_store(admin, StoreInput(code, "名称", "county", "320101"))
        with pytest.raises(DomainError):
            receive(admin, code, [ReceiptLine(county.bags, 1)])


# --- broken database files --------------------------------------------------------------------

def _truncated(sqlite_template: str, tmp_path: Path) -> Path:
    data = Path(sqlite_template).read_bytes()
    path = tmp_path / "truncated.db"
    path.write_bytes(data[: max(4096, len(data) // 3)])
    return path


def test_truncated_and_foreign_files_raise_database_open_error(sqlite_template, tmp_path):
    text_file = tmp_path / "notes.db"
    text_file.write_text("这不是数据库\n" * 100, encoding="utf-8")
    xlsx_like = tmp_path / "book.xlsx"
    xlsx_like.write_bytes(b"PK\x03\x04" + b"\x00" * 2000)
    for path in (_truncated(sqlite_template, tmp_path), text_file, xlsx_like):
        with pytest.raises(DatabaseOpenError) as info:
            open_database(str(path))
        assert str(path) in info.value.message


@pytest.mark.parametrize("kind", ["truncated", "text"])
def test_cli_prints_a_clear_message_and_exits_2(sqlite_template, tmp_path, kind):
    if kind == "truncated":
        path = _truncated(sqlite_template, tmp_path)
    else:
        path = tmp_path / "notes.db"
        path.write_text("hello\n" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "models.cli", "--db", str(path), "stock"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and "错误" in result.stderr
