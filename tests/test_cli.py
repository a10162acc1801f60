"""The headless command line: the contract other tools and acceptance checks rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("RESERVE_KEEPER_USER", None)
    full_env.pop("RESERVE_KEEPER_PASSWORD", None)
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "models.cli", *args], capture_output=True, text=True,
                          env=full_env, timeout=300)


@pytest.fixture
def dbfile(tmp_path) -> str:
    return str(tmp_path / "cli.db")


def test_headless_commands_never_import_qt(dbfile):
    code = ("import sys; from models.cli import main; main(['--db', %r, 'init']); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'") % dbfile
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_demo_verify_and_stock_json(dbfile):
    assert cli("--db", dbfile, "init").returncode == 0
    demo = cli("--db", dbfile, "demo")
    assert demo.returncode == 0, demo.stderr
    assert cli("--db", dbfile, "verify").returncode == 0
    rows = json.loads(cli("--db", dbfile, "stock", "--json").stdout)
    assert len(rows) > 300
    assert set(rows[0]) == {"store_code", "store_name", "level", "item_code", "item_name", "unit",
                            "batch", "expiry_date", "quantity"}
    assert {row["level"] for row in rows} == {"county", "township", "village"}
    township = json.loads(cli("--db", dbfile, "--json", "stock", "--level", "township").stdout)
    assert township and all(row["level"] == "township" for row in township)


def test_receive_issue_json_and_refusals(dbfile):
    assert cli("--db", dbfile, "init").returncode == 0
    # a minimal county through the API, then post through the CLI
    from models.context import ServiceContext
    from models.migrate import open_database
    from models.services.users import admin_without_password
    from tests.factories import build_county

    db = open_database(dbfile)
    county = build_county(ServiceContext(db, admin_without_password(db)))
    db.dispose()
    received = cli("--db", dbfile, "receive", "--store", county.county_store, "--item", county.water,
                   "--qty", "40", "--batch", "B1", "--production-date", "2026-01-01", "--json")
    assert received.returncode == 0, received.stderr
    body = json.loads(received.stdout)
    assert body["document"].startswith("RK-C001-") and body["lines"][0]["quantity"] == 40
    issued = cli("--db", dbfile, "--json", "issue", "--store", county.county_store, "--item", county.water,
                 "--qty", "15", "--to", "城关镇")
    assert issued.returncode == 0 and json.loads(issued.stdout)["document"].startswith("CK-C001-")
    before = cli("--db", dbfile, "stock", "--json").stdout
    for args in (["--qty", "26"], ["--qty", "-1"], ["--qty", "abc"]):
        refused = cli("--db", dbfile, "issue", "--store", county.county_store, "--item", county.water,
                      "--to", "x", *args)
        assert refused.returncode == 2 and refused.stderr.strip().startswith("错误：")
    refused = cli("--db", dbfile, "receive", "--store", "NOPE", "--item", county.water, "--qty", "1")
    assert refused.returncode == 2 and "NOPE" in refused.stderr
    assert cli("--db", dbfile, "stock", "--json").stdout == before


def test_credentials_required_once_admin_has_a_password(dbfile):
    env = {"RK_PW": "s3cret-pass"}
    assert cli("--db", dbfile, "init", "--admin-password-env", "RK_PW", env=env).returncode == 0
    assert cli("--db", dbfile, "demo").returncode == 2
    wrong = cli("--db", dbfile, "demo", env={"RESERVE_KEEPER_USER": "admin", "RESERVE_KEEPER_PASSWORD": "nope"})
    assert wrong.returncode == 2 and "密码" in wrong.stderr
    ok = cli("--db", dbfile, "user", "add", "viewer1", "--role", "viewer",
             env={"RESERVE_KEEPER_USER": "admin", "RESERVE_KEEPER_PASSWORD": "s3cret-pass",
                  "RESERVE_KEEPER_NEW_PASSWORD": "viewer-pass"})
    assert ok.returncode == 0, ok.stderr
    # read commands work without credentials
    assert cli("--db", dbfile, "stock", "--json").returncode == 0


def test_not_a_database_gets_a_clear_message(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not a database")
    result = cli("--db", str(bogus), "stock")
    assert result.returncode == 2 and "不是储备管家数据库" in result.stderr
    assert "Traceback" not in result.stderr
