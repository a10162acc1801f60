"""``reserve-keeper dispatch ...`` and ``reserve-keeper print``, run in-process on both databases."""

from __future__ import annotations

import json

import pytest

from models.cli import main
from tests.dispatch.pdf_tools import page_count, pdf_text, qr_codes


@pytest.fixture
def cli(db, stocked, capsys, monkeypatch):
    """Run the command line against the test database as the fresh (password-less) admin."""
    monkeypatch.delenv("RESERVE_KEEPER_USER", raising=False)
    monkeypatch.delenv("RESERVE_KEEPER_PASSWORD", raising=False)

    def run(*args: str, expect: int = 0):
        capsys.readouterr()
        status = main(["--db", db.url, "--json", *args])
        out, err = capsys.readouterr()
        assert status == expect, (status, out, err)
        return json.loads(out.strip().splitlines()[-1]) if out.strip() else None

    return run


def test_dispatch_commands_cover_the_workflow(cli, stocked, tmp_path):
    created = cli("dispatch", "create", "--to", "城关镇第一中学安置点", "--place", "城关镇第一中学",
                  "--item", stocked.tent, "--qty", "5", "--item", stocked.rice, "--qty", "100",
                  "--reason", "暴雨洪涝", "--area", "320101001", "--due-back", "2027-01-31",
                  "--vehicle", "苏A·12345")
    number = created["number"]
    assert created["status"] == "draft"
    assert [(s["store"], s["quantity"]) for s in created["lines"][0]["sources"]] == [("T001", 3), ("C001", 2)]
    moved = cli("dispatch", "sources", number, "--line", "1", "--from", "C001:5")
    assert [(s["store"], s["quantity"]) for s in moved["lines"][0]["sources"]] == [("C001", 5)]
    approved = cli("dispatch", "approve", number, "--note", "同意")
    assert approved["status"] == "approved" and approved["approved_by"] == "管理员"
    refused = cli("dispatch", "approve", number, expect=2)
    assert refused["ok"] is False and "不需要再次审批" in refused["error"]
    issued = cli("dispatch", "issue", number)
    assert issued["status"] == "issued" and issued["lines"][1]["issued"] == 100
    received = cli("dispatch", "receive", number, "--signed-by", "张三", "--line", "2:90:1")
    assert received["status"] == "received"
    assert (received["lines"][1]["received"], received["lines"][1]["shortfall"], received["lines"][1]["damaged"]) == (90, 10, 1)
    returned = cli("dispatch", "return", number, "--line", "1", "--good", "4", "--lost", "1")
    assert returned["lines"][0]["outstanding_return"] == 0
    assert [d["role"] for d in returned["documents"]] == ["issue", "return"]
    listed = cli("dispatch", "list", "--status", "received")
    assert [row["number"] for row in listed] == [number]
    assert cli("dispatch", "list", "--open") == []

    out = tmp_path / "order.pdf"
    printed = cli("print", number, "-o", str(out), "--all-copies")
    assert printed["ok"] and page_count(out) == 3
    assert number in pdf_text(out, 1) and "救灾帐篷" in pdf_text(out, 3)
    slip = issued["documents"][0]["number"]
    cli("print", slip, "-o", str(tmp_path / "slip.pdf"))
    assert "应急物资出库单" in pdf_text(tmp_path / "slip.pdf").replace(" ", "")
    assert qr_codes(tmp_path / "slip.pdf", 1, tmp_path) == [slip]
    missing = cli("print", "XX-0000", "-o", str(tmp_path / "x.pdf"), expect=2)
    assert "XX-0000" in missing["error"]


def test_emergency_issue_cancel_and_reverse_commands(cli, stocked):
    urgent = cli("dispatch", "create", "--to", "河口镇", "--item", stocked.rice, "--qty", "50",
                 "--reason", "山洪", "--emergency")
    issued = cli("dispatch", "issue", urgent["number"], "--emergency", "--instruction", "县长电话指令")
    assert issued["approval_owed"] is True and issued["status"] == "issued"
    assert cli("dispatch", "list", "--overdue-approvals") == []  # issued just now
    reversed_ = cli("dispatch", "reverse", urgent["number"], "--reason", "重复出库")
    assert reversed_["status"] == "reversed"

    draft = cli("dispatch", "create", "--to", "河口镇", "--item", stocked.tent, "--qty", "2", "--reason", "山洪")
    assert cli("dispatch", "cancel", draft["number"], "--reason", "不再需要")["status"] == "cancelled"
    bad = cli("dispatch", "create", "--to", "x", "--item", stocked.tent, "--qty", "1", "--qty", "2",
              "--reason", "r", expect=2)
    assert "成对" in bad["error"]
    shown = cli("dispatch", "show", draft["number"])
    assert shown["status"] == "cancelled"
