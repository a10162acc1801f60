"""Excel: importing a 100,000-row 库存 sheet (benchmarks/import_100k.py, in a subprocess, on its own
fresh SQLite file) and exporting one county's workbook, ledger included (``excel_export.export_workbook``,
as a keeper of that county's stores sees it).

Both run once: each takes tens of seconds. The import's memory is the subprocess's peak resident set
before and after the import (flat memory = the import adds little to it).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.core import Bench, Result
from models.context import Actor, ServiceContext
from models.documents.excel_export import export_workbook
from models.schema.enums import Role

NAME = "excel"
ROOT = Path(__file__).resolve().parents[2]
ROWS = 100_000


def county_keeper(bench: Bench) -> tuple[ServiceContext, int, int]:
    """A keeper assigned to every store of the first county, and the county's store and movement counts."""
    con = bench.bare()
    cur = con.cursor()
    try:
        county = cur.execute("SELECT id FROM areas WHERE kind = 'county' ORDER BY code LIMIT 1").fetchone()[0]
        stores = [r[0] for r in cur.execute(bench.param(
            "SELECT id FROM stores WHERE area_id = ? OR area_id IN (SELECT id FROM areas WHERE parent_id = ?) "
            "OR area_id IN (SELECT a.id FROM areas a JOIN areas p ON p.id = a.parent_id WHERE p.parent_id = ?)"),
            (county, county, county)).fetchall()]
        moves = cur.execute(f"SELECT count(*) FROM movements WHERE store_id IN ({', '.join(map(str, stores))})"
                            ).fetchone()[0]
    finally:
        con.close()
    actor = Actor(bench.ctx.actor.user_id, "bench-keeper", Role.KEEPER, frozenset(stores))
    return bench.ctx.as_user(actor), len(stores), moves


def run_import() -> Result:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "import_100k.py"), "--rows", str(ROWS)],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    output = done.stdout + done.stderr
    seconds = re.search(r"import: ([\d.]+) s", output)
    memory = re.search(r"peak RSS before import (\d+) MB, after (\d+) MB", output)
    if done.returncode or not seconds:
        return Result("import 100,000-row 库存 sheet (import_100k.py)", None, 30_000,
                      note=f"failed after {time.perf_counter() - started:.0f} s: {output[-300:]}")
    note = ""
    if memory:
        before, after = int(memory.group(1)), int(memory.group(2))
        note = f"peak RSS {before} MB before the import, {after} MB after (+{after - before} MB)"
    return Result(f"import {ROWS:,}-row 库存 sheet (import_100k.py)", float(seconds.group(1)) * 1000, 30_000,
                  rows=ROWS, runs=1, note=note)


def run(bench: Bench) -> list[Result]:
    results = [run_import()]
    ctx, stores, moves = county_keeper(bench)
    target = Path(tempfile.mkdtemp(prefix="rk-bench-export-")) / "county.xlsx"
    started, cpu_started = time.perf_counter(), time.process_time()
    exported = export_workbook(ctx, target)
    elapsed, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu_started) * 1000
    results.append(Result(f"export one county's workbook ({stores} stores, ledger {moves:,} rows)", elapsed, 20_000,
                          rows=sum(exported.counts.values()), runs=1, cpu_ms=cpu,
                          note=f"{target.stat().st_size / 1e6:.1f} MB; sheets {dict(exported.counts)}"))
    return results
