"""Excel: importing a 100,000-row 库存 sheet (benchmarks/import_100k.py, in a subprocess, on its own
fresh SQLite file) and exporting one county's workbook, ledger included (``excel_export.export_workbook``,
as a keeper of that county's stores sees it).

Both run once: each takes tens of seconds. The import's memory is the subprocess's peak resident set
before and after the import (flat memory = the import adds little to it).
"""

from __future__ import annotations

import json
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


EXPORT_TIMEOUT = 900


def run(bench: Bench) -> list[Result]:
    results = [run_import()]
    target = Path(tempfile.mkdtemp(prefix="rk-bench-export-")) / "county.xlsx"
    # in a subprocess, so an export that takes too long is reported instead of holding up the run
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "benchmarks.ops.excel", bench.size, bench.backend, str(target)],
                              cwd=ROOT, capture_output=True, text=True, timeout=EXPORT_TIMEOUT)
        output = done.stdout.strip().splitlines()
        data = json.loads(output[-1]) if done.returncode == 0 and output else None
    except subprocess.TimeoutExpired:
        data, done = None, None
    elapsed = (time.perf_counter() - started) * 1000
    if data is None:
        why = f"not finished after {EXPORT_TIMEOUT} s" if done is None else f"failed: {(done.stderr or '')[-300:]}"
        results.append(Result("export one county's workbook, ledger included", None, 20_000, runs=1,
                              note=f"{why} (at least {elapsed / 1000:.0f} s)"))
        return results
    results.append(Result(f"export one county's workbook ({data['stores']} stores, ledger {data['moves']:,} rows)",
                          data["ms"], 20_000, rows=data["rows"], runs=1, cpu_ms=data["cpu_ms"],
                          note=f"{data['mb']:.1f} MB file; peak RSS of the exporting process {data['rss_mb']:.0f} MB; "
                               f"sheets {data['counts']}"))
    return results


def _export_main(size: str, backend: str, target: str) -> None:
    import resource

    from benchmarks import generate
    from benchmarks.core import sqlite_bare
    from models.migrate import open_database

    url = generate.database_url(size, backend)
    db = open_database(url)
    bench = Bench(size, backend, url, db, generate.admin_context(db), 1, sqlite_bare(url) if backend == "sqlite"
                  else (lambda: __import__("psycopg").connect(url.replace("postgresql+psycopg://", "postgresql://"))))
    ctx, stores, moves = county_keeper(bench)
    started, cpu_started = time.perf_counter(), time.process_time()
    exported = export_workbook(ctx, target)
    print(json.dumps({"ms": (time.perf_counter() - started) * 1000, "cpu_ms": (time.process_time() - cpu_started) * 1000,
                      "stores": stores, "moves": moves, "rows": sum(exported.counts.values()),
                      "mb": Path(target).stat().st_size / 1e6, "counts": dict(exported.counts),
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    _export_main(*sys.argv[1:4])
