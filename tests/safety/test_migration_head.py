"""``migrations.HEAD`` is what Alembic says the head is, and opening an up-to-date database does not
need Alembic at all (it is imported only to create or upgrade)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import migrations
from models.migrate import head_revisions, is_current

ROOT = Path(__file__).resolve().parents[2]


def test_head_constant_matches_the_revision_files():
    assert head_revisions() == {migrations.HEAD}, "set migrations.HEAD to the newest revision"


def test_an_older_or_unknown_database_is_not_current():
    assert is_current({migrations.HEAD})
    assert not is_current(set())
    assert not is_current({"0001"})


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path):
    db = tmp_path / "rk.sqlite"
    code = (
        "import sys\n"
        "from models.migrate import open_database\n"
        f"open_database('sqlite:///{db}').dispose()\n"  # creates it: Alembic runs
        "for name in [m for m in sys.modules if m == 'alembic' or m.startswith('alembic.')]:\n"
        "    del sys.modules[name]\n"
        f"open_database('sqlite:///{db}').dispose()\n"  # up to date: no Alembic
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
