"""The headless commands of this area: backup, restore, backup-settings, user-password (through models.cli.main)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def cli(db: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """Run ``reserve-keeper`` in this process (fast; Argon2 is the cheap test one) with ``env`` set."""
    import contextlib
    import io

    from models.cli import main

    saved = {k: v for k, v in os.environ.items() if k.startswith("RESERVE_KEEPER_")}
    for key in saved:
        del os.environ[key]
    os.environ.update(env)
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--db", str(db), *args])
    finally:
        for key in env:
            os.environ.pop(key, None)
        os.environ.update(saved)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def test_backup_restore_and_passwords_from_the_command_line(tmp_path):
    db = tmp_path / "r.db"
    assert cli(db, "init").returncode == 0
    result = cli(db, "user-password", "admin", RESERVE_KEEPER_NEW_PASSWORD="admin-pass-1")
    assert result.returncode == 0, result.stderr
    admin = {"RESERVE_KEEPER_USER": "admin", "RESERVE_KEEPER_PASSWORD": "admin-pass-1"}
    result = cli(db, "user", "add", "v1", "--role", "viewer", RESERVE_KEEPER_NEW_PASSWORD="viewer-pass-1", **admin)
    assert result.returncode == 0, result.stderr
    result = cli(db, "user-password", "v1", RESERVE_KEEPER_NEW_PASSWORD="viewer-pass-2",
                 RESERVE_KEEPER_USER="v1", RESERVE_KEEPER_PASSWORD="viewer-pass-1")
    assert result.returncode == 0, result.stderr
    result = cli(db, "user-password", "admin", RESERVE_KEEPER_NEW_PASSWORD="hacked-pass",
                 RESERVE_KEEPER_USER="v1", RESERVE_KEEPER_PASSWORD="viewer-pass-2")
    assert result.returncode == 2 and "管理员" in result.stderr

    result = cli(db, "backup", str(tmp_path / "copy.db"), **admin)
    assert result.returncode == 0 and (tmp_path / "copy.db").exists(), result.stderr
    result = cli(db, "restore", str(tmp_path / "copy.db"), RESERVE_KEEPER_USER="v1", RESERVE_KEEPER_PASSWORD="viewer-pass-2")
    assert result.returncode == 2 and "管理员" in result.stderr
    result = cli(db, "--json", "restore", str(tmp_path / "copy.db"), **admin)
    assert result.returncode == 0, result.stderr
    assert '"previous_copy"' in result.stdout and list(tmp_path.glob("r.before-restore-*.db"))
    assert cli(db, "verify").returncode == 0
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    result = cli(db, "restore", str(bad), **admin)
    assert result.returncode == 2 and "不是 SQLite" in result.stderr and "Traceback" not in result.stderr


def test_backup_settings_command_changes_all_or_nothing(tmp_path, capsys, monkeypatch):
    from models.cli import main

    for key in [k for k in os.environ if k.startswith("RESERVE_KEEPER_")]:
        monkeypatch.delenv(key)
    db = str(tmp_path / "s.db")
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "backup-settings", "--keep", "5", "--folder", str(tmp_path / "bk")]) == 0
    assert main(["--db", db, "backup-settings", "--keep", "7", "--warn-days", "0"]) == 2
    capsys.readouterr()
    assert main(["--db", db, "--json", "backup-settings"]) == 0
    out = capsys.readouterr().out
    assert '"keep": 5' in out and str(tmp_path / "bk") in out and '"overdue": true' in out
