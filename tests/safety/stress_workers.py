"""Code run in child processes by the concurrency and crash proofs (and benchmarks/stress_safety.py).

Kept importable (no pytest here) so ``spawn`` children can load it. Every child opens its own engine
with ``open_database(url)``, as a second desktop program on the LAN would.
"""

from __future__ import annotations

import random
import traceback
from dataclasses import dataclass, field
from decimal import Decimal

from models.context import Actor, ServiceContext
from models.errors import InsufficientStockError
from models.schema.enums import Role

ITEM = "BAG"  # woven bags: no shelf life, so no expiry rule interferes
STORES = ("C001", "T001")
SHARED_BATCHES = ("S1", "S2", "S3")
BIG_LINES = 40


def big_receipt(ctx, marker: str) -> None:
    """One receipt of BIG_LINES new batches ``{marker}-NNN``, in one transaction."""
    from models.services.receiving import ReceiptLine, receive

    lines = [ReceiptLine(ITEM, i % 7 + 1, batch_no=f"{marker}-{i:03d}") for i in range(BIG_LINES)]
    receive(ctx, STORES[0], lines, reference=marker, supplier="大批导入")


def write_import_workbook(path, marker: str):
    """A 库存 sheet of BIG_LINES new batches ``{marker}-NNN`` for the Excel importer."""
    from tests.excel.builders import STOCK_HEADERS, new_workbook, save, sheet

    workbook = new_workbook()
    sheet(workbook, "库存", STOCK_HEADERS, [[STORES[0], ITEM, f"{marker}-{i:03d}", None, None, i % 7 + 1, None,
                                            "导入", "", ""] for i in range(BIG_LINES)])
    return save(workbook, path)


def big_import(ctx, marker: str, workbook) -> None:
    from models.documents.excel_import import import_workbook

    report = import_workbook(ctx, workbook)
    if not report.ok:
        raise RuntimeError(f"import refused: {report.errors[:3]}")


@dataclass
class ClientReport:
    """What one client saw: the documents it was told were posted, refusals, anything else."""

    worker: int
    # number, kind, store, ((batch, quantity), ...)
    successes: list[tuple[str, str, str, tuple[tuple[str, str], ...]]] = field(default_factory=list)
    refusals: int = 0
    conflicts: int = 0  # ConflictError: a deadlock between two postings, refused whole with a message
    errors: list[str] = field(default_factory=list)


def client_ctx(url: str, name: str):
    from models.migrate import open_database

    database = open_database(url)
    return ServiceContext(database, Actor(None, name, Role.OFFICER), machine=f"pc-{name}")


def random_poster(url: str, worker: int, operations: int, seed: int, start, results, lines: int = 1) -> None:
    """Post receipts and issues at random on the shared batches (``lines`` batches per document, in
    random order); report every outcome."""
    from models.errors import ConflictError
    from models.services.issuing import IssueLine, issue
    from models.services.receiving import ReceiptLine, receive

    report = ClientReport(worker)
    try:
        ctx = client_ctx(url, f"client{worker}")
        rng = random.Random(seed)
        start.wait(timeout=120)
        for _ in range(operations):
            store = rng.choice(STORES)
            picked = tuple((batch, str(rng.randint(1, 25))) for batch in rng.sample(SHARED_BATCHES, lines))
            try:
                if rng.random() < 0.45:
                    posted = receive(ctx, store, [ReceiptLine(ITEM, Decimal(q), batch_no=b) for b, q in picked],
                                     supplier=f"w{worker}")
                    kind = "receipt"
                else:
                    posted = issue(ctx, store, [IssueLine(ITEM, Decimal(q), batch_no=b) for b, q in picked],
                                   receiver=f"w{worker}")
                    kind = "issue"
            except InsufficientStockError:
                report.refusals += 1
                continue
            except ConflictError:
                report.conflicts += 1
                continue
            report.successes.append((posted.number, kind, store, picked))
        ctx.db.dispose()
    except BaseException:  # noqa: BLE001 - the parent asserts there were none
        report.errors.append(traceback.format_exc())
    results.put(report)


def post_until_killed(url: str, marker: str | None, ready, seed: int, workbook=None) -> None:
    """A keeper's program posting in a loop; with ``marker``, first one big receipt (or, with
    ``workbook``, one Excel import) in one transaction."""
    from models.services.issuing import IssueLine, issue
    from models.services.receiving import ReceiptLine, receive

    ctx = client_ctx(url, "crashy")
    rng = random.Random(seed)
    ready.set()
    if marker and workbook:
        big_import(ctx, marker, workbook)
    elif marker:
        big_receipt(ctx, marker)
    while True:
        batch = rng.choice(SHARED_BATCHES)
        try:
            if rng.random() < 0.5:
                receive(ctx, STORES[0], [ReceiptLine(ITEM, rng.randint(1, 9), batch_no=batch)])
            else:
                issue(ctx, STORES[0], [IssueLine(ITEM, rng.randint(1, 9), batch_no=batch)], receiver="x")
        except InsufficientStockError:
            pass


def new_batch_receiver(url: str, worker: int, store: str, batch_no: str, start, results) -> None:
    """Receive one unit of a batch number nobody has used yet, at the same moment as the others."""
    from models.services.receiving import ReceiptLine, receive

    try:
        ctx = client_ctx(url, f"new{worker}")
        start.wait(timeout=120)
        results.put(("ok", receive(ctx, store, [ReceiptLine(ITEM, 1, batch_no=batch_no)]).number))
        ctx.db.dispose()
    except BaseException as exc:  # noqa: BLE001 - the parent asserts there were none
        results.put(("error", f"{type(exc).__name__}: {exc}"))
