"""The import / export / template commands through the real entry point (models.cli.main)."""

from __future__ import annotations

import json

import openpyxl

from models.cli import main
from models.services.stock_queries import stock_rows
from tests.excel import builders as B


def run_cli(capsys, *args) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_import_json_success_then_idempotent(admin, tmp_path, capsys):
    path = B.tidy_county(tmp_path / "a.xlsx")
    code, out = run_cli(capsys, "--db", admin.db.url, "import", str(path), "--json", "--as-of", "2026-01-01")
    assert code == 0
    data = json.loads(out)
    assert data["ok"] is True
    assert data["created"] == {"stores": 2, "items": 3, "batches": 3, "agreements": 0, "standards": 0}
    assert data["warnings"] == []
    code, out = run_cli(capsys, "--db", admin.db.url, "--json", "import", str(path))
    data = json.loads(out)
    assert code == 0 and data["created"]["batches"] == 0
    assert any("已经导入过" in w["message"] for w in data["warnings"])
    assert sum(r.quantity for r in stock_rows(admin)) == 6020


def test_import_json_failure_lists_errors_and_exits_2(admin, county, tmp_path, capsys):
    workbook = B.new_workbook()
    B.sheet(workbook, "库存", B.STOCK_HEADERS, [
        ["C001", "GHOST", "", "", "", 5, "", "", "", ""],
        ["C001", county.water, "", "", "", "-3", "", "", "", ""],
    ])
    path = B.save(workbook, tmp_path / "bad.xlsx")
    code, out = run_cli(capsys, "--db", admin.db.url, "import", str(path), "--json")
    assert code == 2
    data = json.loads(out)
    assert data["ok"] is False
    assert [(e["sheet"], e["row"], e["column"]) for e in data["errors"]] == [("库存", 2, "物资编码"), ("库存", 3, "数量")]
    assert all(set(e) == {"sheet", "row", "column", "message"} for e in data["errors"])
    assert stock_rows(admin) == []


def test_import_dry_run_and_text_output(admin, tmp_path, capsys):
    path = B.tidy_county(tmp_path / "a.xlsx")
    code, out = run_cli(capsys, "--db", admin.db.url, "import", str(path), "--dry-run")
    assert code == 0 and "未写入" in out
    assert stock_rows(admin) == []
    code, out = run_cli(capsys, "--db", admin.db.url, "import", str(tmp_path / "missing.xlsx"), "--json")
    assert code == 2 and json.loads(out)["ok"] is False


def test_export_and_template_commands(admin, county, tmp_path, capsys):
    code, out = run_cli(capsys, "--db", admin.db.url, "--json", "export", str(tmp_path / "e.xlsx"), "--store", "C001")
    assert code == 0 and json.loads(out)["sheets"]["储备库"] == 1
    assert openpyxl.load_workbook(tmp_path / "e.xlsx").sheetnames == ["储备库", "物资目录", "库存", "代储协议", "定额标准", "出入库流水"]
    code, out = run_cli(capsys, "--db", admin.db.url, "template", str(tmp_path / "t.xlsx"))
    assert code == 0
    template = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert template.sheetnames == ["储备库", "物资目录", "库存", "代储协议", "定额标准"]
    code, out = run_cli(capsys, "--db", admin.db.url, "--json", "import", str(tmp_path / "t.xlsx"))
    data = json.loads(out)
    assert code == 0 and data["created"] == {"stores": 0, "items": 0, "batches": 0, "agreements": 0, "standards": 0}
