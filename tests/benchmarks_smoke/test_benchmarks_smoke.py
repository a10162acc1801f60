"""Smoke test of benchmarks/: the generator builds a database ``verify`` accepts, and one runner pass
over the quick operations produces figures and a report. No timing is asserted (issue 10)."""

from __future__ import annotations

from benchmarks import generate
from benchmarks.__main__ import run
from benchmarks.core import Bench, sqlite_bare
from benchmarks.report import write_results
from models.services.verify import verify


def test_generator_builds_a_database_verify_accepts(db):
    counts = generate.populate(db, "tiny", log=lambda *_: None)
    size = generate.SIZES["tiny"]
    assert counts["batches"] == size.batches
    assert counts["movements"] >= size.movements
    report = verify(db)
    assert report.ok, [check for check in report.checks if not check.ok]
    with db.read() as session:
        stores = session.execute(generate_count("stores")).scalar()
        balances, moves = session.execute(generate_count("balances")).scalar(), session.execute(
            generate_count("movements")).scalar()
    assert stores == size.stores and balances == size.batches and moves == counts["movements"]


def generate_count(table: str):
    from sqlalchemy import text

    return text(f"SELECT count(*) FROM {table}")


def test_generator_is_reproducible(tmp_path):
    first = generate.build("tiny", path=tmp_path / "a.sqlite", log=lambda *_: None)
    second = generate.build("tiny", path=tmp_path / "b.sqlite", log=lambda *_: None)
    import sqlite3

    def digest(path):
        con = sqlite3.connect(path)
        try:
            return (con.execute("SELECT sum(delta), sum(balance_after), count(*) FROM movements").fetchone(),
                    con.execute("SELECT group_concat(batch_no || expiry_date, ',') FROM batches").fetchone())
        finally:
            con.close()

    assert digest(first) == digest(second)


def test_one_runner_pass_writes_a_report(tmp_path):
    from models.migrate import open_database

    path = generate.build("tiny", path=tmp_path / "tiny.sqlite", log=lambda *_: None)
    database = open_database(path)
    try:
        bench = Bench("tiny", "sqlite", path, database, generate.admin_context(database), 1, sqlite_bare(path))
        results = run(bench, ["stock_view", "ledger_view", "posting", "adequacy", "rotation", "dispatch_pdf"],
                      log=lambda *_: None)
        failed = [r for r in results if r.ours_ms is None]
        assert not failed, [(r.name, r.note) for r in failed]
        assert {"stock first page (by store) (stock_view_page)", "stock sort by batch (stock_view_page)",
                "ledger first page (newest 200)", "post one receipt (receiving.receive)",
                "rotation plan, whole database (90 days)",
                "home alerts panel: the 200 most urgent and the counts (dashboard_alerts)"} <= {
            r.name for r in results}
        reads = [r for r in results if r.name.startswith(("stock ", "ledger", "adequacy", "rotation", "home"))]
        assert reads and all(r.bare_ms is not None and r.cpu_ratio is not None for r in reads)
        report = tmp_path / "RESULTS.md"
        write_results(report, bench, results, 1.0)
        text = report.read_text(encoding="utf-8")
        assert "## Figures" in text and "ledger first page (newest 200)" in text
        assert verify(database).ok  # posting through the services kept the ledger and balances equal
    finally:
        database.dispose()
