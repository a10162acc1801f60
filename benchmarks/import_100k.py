"""Generate a workbook with a 100,000-row 库存 sheet and import it; print time and peak memory.

    python benchmarks/import_100k.py [--rows N] [--db URL_OR_PATH] [--keep FILE.xlsx]

Runs against a fresh SQLite file in a temporary folder unless --db is given (then that database
must be empty of these codes). Peak memory is the process's maximum resident set size
(``ru_maxrss``), reported before and after the import so the import's own share is visible.
"""

from __future__ import annotations

import argparse
import os
import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openpyxl  # noqa: E402

from models.context import ServiceContext  # noqa: E402
from models.documents.excel_import import import_workbook  # noqa: E402
from models.migrate import open_database  # noqa: E402
from models.schema.users import User  # noqa: E402
from models.services.users import actor_for, ensure_admin  # noqa: E402

STORES = 40
ITEMS = 60


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(path: Path, rows: int) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    stores = workbook.create_sheet("储备库")
    stores.append(["储备库编码", "储备库名称", "级别", "所属行政区", "上级行政区"])
    for n in range(STORES):
        stores.append([f"S{n:03d}", f"第{n}储备点", "乡镇级", f"第{n}镇", "示例县（320199）"])
    items = workbook.create_sheet("物资目录")
    items.append(["物资编码", "物资名称", "计量单位", "保质期（月）"])
    for n in range(ITEMS):
        items.append([f"I{n:03d}", f"物资{n}", "个", 36 if n % 2 else None])
    stock = workbook.create_sheet("库存")
    stock.append(["示例县应急物资库存台账"])
    stock.append(["储备库编码", "物资编码", "批次号", "生产日期", "有效期至", "数量", "单价（元）", "供应商", "存放位置", "备注"])
    start = dt.date(2024, 1, 1)
    for n in range(rows):
        produced = start + dt.timedelta(days=n % 700)
        stock.append([f"S{n % STORES:03d}", f"I{(n // STORES) % ITEMS:03d}", f"B{n:06d}", produced,
                      produced + dt.timedelta(days=1000), (n % 500) + 1, "12.50", "某供应商", f"A-{n % 30}", ""])
    stock.append(["合计", None, None, None, None, None])
    workbook.save(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--db")
    parser.add_argument("--keep", help="write the generated workbook here")
    parser.add_argument("--file", help="import this workbook (made by an earlier --keep) instead of generating")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rk-import-bench-"))
    path = Path(args.file or args.keep or folder / "stock_100k.xlsx")
    if not args.file:
        t0 = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {args.rows} rows in {time.perf_counter() - t0:.1f} s ({path.stat().st_size / 1e6:.1f} MB)",
              flush=True)
    database = open_database(args.db or str(folder / "bench.db"))
    ensure_admin(database, None)
    with database.read() as session:
        actor = actor_for(session.query(User).filter_by(username="admin").one())
    ctx = ServiceContext(database, actor)
    before = peak_mb()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 10:
            last[0] = now
            print(f"  {done}/{total} rows  {now - t1:.0f} s  peak RSS {peak_mb():.0f} MB", flush=True)

    t1, c1 = time.perf_counter(), time.process_time()
    report = import_workbook(ctx, path, progress=progress)
    elapsed, cpu = time.perf_counter() - t1, time.process_time() - c1
    print(f"backend: {database.dialect}; ok={report.ok}; created={report.created}; receipts={len(report.documents)}")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(f"import: {elapsed:.1f} s wall ({args.rows / elapsed:.0f} rows/s), {cpu:.1f} s CPU of this process "
          "(the database's own work is in it on SQLite; on a shared machine wall time follows the load)")
    print(f"peak RSS before import {before:.0f} MB, after {peak_mb():.0f} MB")
    database.dispose()
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
