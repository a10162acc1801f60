"""The installable bundle: scripts/build_bundle.sh builds dist/ReserveKeeper with PyInstaller and runs
its ``--self-test`` (temporary database, migrations, one receipt PDF). It takes a few minutes, so it
runs only when ``RK_BUILD_BUNDLE=1`` (CI sets it in .ci/run)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    os.environ.get("RK_BUILD_BUNDLE") != "1",
    reason="building the PyInstaller bundle takes minutes; set RK_BUILD_BUNDLE=1 to run it (CI does)",
)


def test_bundle_builds_and_passes_its_self_test():
    env = dict(os.environ, PYTHON=sys.executable)
    result = subprocess.run(["bash", str(ROOT / "scripts" / "build_bundle.sh")], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=1800)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "self-test passed" in result.stdout, output[-4000:]
    bundle = ROOT / "dist" / "ReserveKeeper"
    internal = bundle / "_internal"
    assert (internal / "resources" / "fonts" / "wqy-microhei.ttc").is_file()
    assert list((internal / "resources" / "translations").glob("*.qm"))
    assert not list((internal / "resources" / "translations").glob("*.ts"))
    assert (internal / "migrations" / "env.py").is_file()
    assert not (internal / "tests").exists() and not (internal / "benchmarks").exists()
    console = bundle / ("reserve-keeper.exe" if os.name == "nt" else "reserve-keeper")
    version = subprocess.run([str(console), "--version"], capture_output=True, text=True, timeout=120)
    from models import __version__

    assert version.returncode == 0 and __version__ in version.stdout
