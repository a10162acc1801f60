"""``reserve-keeper rotation --json`` through the real command-line entry point."""

from __future__ import annotations

import json

import pytest

from models.cli import main
from tests.rotation.test_rotation import stock_boundaries

REQUIRED = {"store_code", "item_code", "item_name", "batch", "expiry_date", "rotate_by", "quantity", "status"}


@pytest.fixture(autouse=True)
def _no_credentials(monkeypatch):
    monkeypatch.delenv("RESERVE_KEEPER_USER", raising=False)
    monkeypatch.delenv("RESERVE_KEEPER_PASSWORD", raising=False)


def run_cli(capsys, *argv):
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_rotation_json(admin, county, db, capsys):
    stock_boundaries(admin, county)
    status, out, _ = run_cli(capsys, "--db", db.url, "rotation", "--json", "--as-of", "2026-06-01")
    assert status == 0
    entries = json.loads(out)
    assert all(REQUIRED <= set(entry) for entry in entries)
    by_batch = {entry["batch"]: entry for entry in entries}
    assert {b: e["status"] for b, e in by_batch.items()} == {
        "EXP-0531": "expired", "EXP-0601": "overdue", "EXP-0829": "overdue",
        "EXP-0830": "due", "EXP-1128": "due",
    }
    due = by_batch["EXP-0830"]
    assert due["expiry_date"] == "2026-08-30" and due["rotate_by"] == "2026-06-01"
    assert due["quantity"] == 10 and isinstance(due["quantity"], int)
    assert due["store_code"] == "C001" and due["item_code"] == county.water and due["item_name"] == "瓶装饮用水"


def test_rotation_options_and_text(admin, county, db, capsys):
    stock_boundaries(admin, county)
    status, out, _ = run_cli(capsys, "--db", db.url, "--json", "rotation", "--within-days", "0",
                             "--store", "C001", "--as-of", "2026-06-01")
    assert status == 0
    assert {e["batch"] for e in json.loads(out)} == {"EXP-0531", "EXP-0601", "EXP-0829", "EXP-0830"}
    status, out, _ = run_cli(capsys, "--db", db.url, "rotation", "--store", "T001", "--as-of", "2026-06-01")
    assert status == 0 and "没有需要轮换" in out
    status, _, err = run_cli(capsys, "--db", db.url, "rotation", "--store", "NOPE")
    assert status == 2 and "NOPE" in err


def test_rotation_help_states_default(capsys):
    with pytest.raises(SystemExit):
        main(["rotation", "--help"])
    assert "默认 90 天" in capsys.readouterr().out
