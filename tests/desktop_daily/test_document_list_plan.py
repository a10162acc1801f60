"""The documents view's list reads the newest page through indexes, even after ANALYZE has seen that
nearly every document has no reversal (the city database: the view never opened)."""

from __future__ import annotations

from sqlalchemy import event, text

from benchmarks import generate
from models.services.document_queries import DocumentFilter, document_detail, list_documents


def _captured_statements(db, call):
    seen = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        if "FROM documents" in statement and "document_lines" in statement:
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        result = call()
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    return result, seen


def test_the_newest_documents_come_first_with_their_line_counts(db):
    generate.populate(db, "tiny", log=lambda *_: None)
    ctx = generate.admin_context(db)
    documents = list_documents(ctx, DocumentFilter(), limit=50)
    assert len(documents) == 50
    keys = [(d.doc_date, d.number) for d in documents]
    assert [d.doc_date for d in documents] == sorted((d.doc_date for d in documents), reverse=True)
    assert all(d.line_count >= 1 and d.total_quantity > 0 for d in documents), keys[:3]
    for summary in documents[:5]:
        detail = document_detail(ctx, summary.number)
        assert summary.line_count == len(detail.lines)
        assert summary.total_quantity == sum(line.quantity for line in detail.lines)


def test_no_document_table_scan_per_listed_document(db):
    if db.engine.dialect.name != "sqlite":
        generate.populate(db, "tiny", log=lambda *_: None)
        assert list_documents(generate.admin_context(db), DocumentFilter(), limit=20)
        return
    generate.populate(db, "tiny", log=lambda *_: None)
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    ctx = generate.admin_context(db)
    _, statements = _captured_statements(db, lambda: list_documents(ctx, DocumentFilter(), limit=20))
    assert statements
    statement, parameters = statements[-1]
    with db.engine.connect() as conn:
        plan = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    scans = [step for step in plan if step.startswith("SCAN documents") and "INDEX ix_documents_doc_date_id" not in step]
    assert scans == [], plan
