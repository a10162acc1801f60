"""``scrap`` and ``inspections`` commands through the CLI entry point (today's date: real, so the
data here is dated relative to it)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from models.cli import main
from models.services.receiving import ReceiptLine, receive
from models.services.stock_queries import stock_rows


@pytest.fixture(autouse=True)
def _no_credentials(monkeypatch):
    monkeypatch.delenv("RESERVE_KEEPER_USER", raising=False)
    monkeypatch.delenv("RESERVE_KEEPER_PASSWORD", raising=False)


def cli(capsys, db, *argv):
    status = main(["--db", db.url, "--json", *argv])
    out = capsys.readouterr().out
    return status, json.loads(out) if out.strip() else None


def test_scrap_request_and_approve(admin, county, db, capsys):
    receive(admin, "C001", [ReceiptLine(county.tent, 5, batch_no="T1")])
    status, info = cli(capsys, db, "scrap", "request", "--store", "C001", "--item", county.tent, "--batch", "T1",
                       "--quantity", "2", "--reason-kind", "damaged", "--reason", "撕裂")
    assert status == 0 and info["status"] == "pending"
    assert {r.batch: r.quantity for r in stock_rows(admin)}["T1"] == 5
    status, listed = cli(capsys, db, "scrap", "list")
    assert [r["number"] for r in listed] == [info["number"]]
    status, posted = cli(capsys, db, "scrap", "approve", info["number"])
    assert status == 0 and posted["document"] == info["number"]
    assert {r.batch: r.quantity for r in stock_rows(admin)}["T1"] == 3
    status, _ = cli(capsys, db, "scrap", "reject", info["number"], "--reason", "x")
    assert status == 2


def test_inspections_due_and_record(admin, county, db, capsys):
    assert cli(capsys, db, "inspections", "install-defaults")[1]["added"] == 7
    status, due = cli(capsys, db, "inspections", "due", "--store", "C001")
    assert status == 0 and {d["schedule"] for d in due} == {"FIRE", "STACK-TURN"}
    today = dt.date.today()
    status, done = cli(capsys, db, "inspections", "record", "--store", "C001", "--schedule", "FIRE",
                       "--inspector", "王保管", "--result", "pass", "--photo", "a.jpg")
    assert status == 0 and done["next_due"] > today.isoformat()
    status, due = cli(capsys, db, "inspections", "due", "--store", "C001")
    assert {d["schedule"] for d in due} == {"STACK-TURN"}
