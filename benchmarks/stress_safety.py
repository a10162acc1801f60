"""Full-size runs of the safety proofs in tests/safety (the CI sizes are small on purpose).

    python benchmarks/stress_safety.py                       # SQLite in a temporary folder
    python benchmarks/stress_safety.py --db postgresql+psycopg://postgres@127.0.0.1:55432/rk_stress
    python benchmarks/stress_safety.py --clients 8 --ops 500 --kills 500

The PostgreSQL database given is EMPTIED first (all ReserveKeeper tables truncated). Prints what
happened and exits 1 if any check fails. Loopback only; nothing here talks to another machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.migrate import open_database  # noqa: E402
from models.schema.users import User  # noqa: E402
from models.services.users import actor_for, ensure_admin  # noqa: E402
from tests import factories  # noqa: E402
from tests.conftest import _truncate_postgres, make_ctx  # noqa: E402


def fresh(url: str):
    database = open_database(url)
    if not database.is_sqlite:
        _truncate_postgres(database)
    ensure_admin(database, None)
    with database.read() as session:
        actor = actor_for(session.query(User).filter_by(username="admin").one())
    admin = make_ctx(database, actor)
    return database, admin, factories.build_county(admin)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="PostgreSQL URL (emptied first); default a temporary SQLite file")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--ops", type=int, default=300, help="operations per client")
    parser.add_argument("--kills", type=int, default=300, help="SIGKILLs in the crash proof")
    args = parser.parse_args()
    os.environ["RK_STRESS_OPS"] = str(args.ops)
    os.environ["RK_STRESS_KILLS"] = str(args.kills)

    from tests.safety import test_concurrency, test_crash

    test_concurrency.CLIENTS = args.clients
    failures = 0
    with tempfile.TemporaryDirectory(prefix="rk-stress-") as tmp:
        proofs = (
            ("concurrency", lambda a, c, d: test_concurrency.test_eight_clients_posting_at_random_on_shared_batches(a, c, d)),
            ("concurrency, two lines", lambda a, c, d:
                test_concurrency.test_two_line_postings_in_random_order_conflict_only_with_a_message(a, c, d)),
            ("crash", lambda a, c, d: test_crash.test_sigkill_at_random_moments_loses_no_consistency(a, c, d, Path(tmp))),
        )
        for index, (name, proof) in enumerate(proofs):
            url = args.db or str(Path(tmp) / f"proof{index}.db")
            database, admin, county = fresh(url)
            started = time.perf_counter()
            try:
                proof(admin, county, database)
            except AssertionError as exc:
                failures += 1
                print(f"{name}: FAILED — {exc}")
            else:
                print(f"{name}: ok ({time.perf_counter() - started:.1f} s)")
            finally:
                database.dispose()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
