"""Benchmark runner: ``python -m benchmarks [--size county|city] [--backend sqlite|postgres]
[--only NAME ...] [--repeat N]``.

Builds (once, cached under benchmarks/data/) the seeded database of the chosen size, measures every
operation of ``benchmarks/ops`` (median over ``--repeat`` runs; for read paths also the bare SQL
giving the same answer, and the ratio), prints the figures and, on a full run, writes
benchmarks/RESULTS.md. Never part of the test run.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import generate  # noqa: E402
from benchmarks.core import Bench, Result, sqlite_bare  # noqa: E402
from benchmarks.ops import ORDER  # noqa: E402
from benchmarks.report import format_line, write_results  # noqa: E402
from models.migrate import open_database  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def make_bench(size: str, backend: str, repeat: int, *, force: bool = False, log=print) -> Bench:
    url = generate.ensure(size, backend, force=force, log=log)
    db = open_database(url)  # upgrades a cached database to the current heads (new indexes included)
    ctx = generate.admin_context(db)
    if backend == "sqlite":
        connect = sqlite_bare(url)
    else:
        import psycopg

        plain = url.replace("postgresql+psycopg://", "postgresql://")
        connect = lambda: psycopg.connect(plain)  # noqa: E731
    return Bench(size, backend, url, db, ctx, repeat, connect)


def run(bench: Bench, only: list[str] | None = None, log=print, save: bool = False) -> list[Result]:
    names = [name for name in ORDER if not only or name in only]
    for name in names:
        module = importlib.import_module(f"benchmarks.ops.{name}")
        started = time.perf_counter()
        try:
            results = module.run(bench)
        except Exception as error:  # one broken operation must not hide the others' figures
            results = [Result(f"{name}: FAILED", None, note=f"{type(error).__name__}: {error}")]
        for result in results:
            result.op = name
        bench.results.extend(results)
        if save:  # after each operation, so an interrupted run keeps what it measured
            merge_saved(bench.size, bench.backend, results)
        for result in results:
            log(format_line(result))
        log(f"  ({name}: {time.perf_counter() - started:.1f} s)")
    return bench.results


def saved_path(size: str, backend: str) -> Path:
    return generate.DATA_DIR / f"results-{size}-{backend}.json"


def merge_saved(size: str, backend: str, fresh: list[Result]) -> list[Result]:
    """The last saved figures with the operations just measured replaced (``--only`` re-runs)."""
    path = saved_path(size, backend)
    old = [Result(**row) for row in json.loads(path.read_text())] if path.exists() else []
    measured = {result.op for result in fresh}
    merged = [result for result in old if result.op not in measured] + fresh
    path.write_text(json.dumps([dataclasses.asdict(result) for result in merged], ensure_ascii=False, indent=1))
    return sorted(merged, key=lambda result: ORDER.index(result.op) if result.op in ORDER else len(ORDER))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=("tiny", "county", "city"), default="city")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--only", nargs="+", choices=ORDER, metavar="NAME", help=f"any of: {', '.join(ORDER)}")
    parser.add_argument("--repeat", type=int, default=9, help="runs per figure (median reported); default 9")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the database first")
    parser.add_argument("--report-only", action="store_true", help="rewrite the report from the saved figures")
    parser.add_argument("--output", type=Path, default=None, help="where to write the report "
                        "(default benchmarks/RESULTS.md; with --only, the figures measured replace those of the "
                        "last run saved under benchmarks/data/, and the report is rewritten from the whole set)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    bench = make_bench(args.size, args.backend, args.repeat, force=args.rebuild)
    print(f"{args.size} on {args.backend}: {bench.url}")
    if not args.report_only:
        run(bench, args.only, save=True)
    results = merge_saved(args.size, args.backend, [])
    output = args.output or (RESULTS if args.backend == "sqlite" else RESULTS.with_name("RESULTS_POSTGRES.md"))
    write_results(output, bench, results, time.perf_counter() - started, partial=bool(args.only or args.report_only))
    print(f"wrote {output}")
    bench.db.dispose()
    sys.stdout.flush()
    # PySide6 can crash tearing widgets down at interpreter exit; everything is written by now
    os._exit(0)


if __name__ == "__main__":
    main()
