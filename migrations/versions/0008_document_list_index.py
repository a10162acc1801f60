"""index for the documents view's newest-first list (issue 10)

Revision ID: 0008_document_list_index
Revises: 0007_perf_sort_indexes
Create Date: 2026-11-23 22:20:00

The documents view lists the newest documents first (``document_queries.list_documents``: ORDER BY
doc_date DESC, id DESC LIMIT n). Without an index in that order every opening sorted all documents
(629,000 in the city benchmark database); with it the first page stops after ``n`` rows.

``ix_documents_reversal`` (partial: reversed documents only) finds "reversed by" for each listed
document. The unique index on ``reverses_id`` holds a NULL for nearly every document, so after
ANALYZE SQLite's statistics say one key matches all rows and the planner scanned the whole table
for every document listed (the view never opened on the city); the partial index has honest
statistics and is used.
"""
import sqlalchemy as sa
from alembic import op

REVERSED = "reverses_id IS NOT NULL"


revision = '0008_document_list_index'
down_revision = '0007_perf_sort_indexes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_documents_doc_date_id', 'documents', ['doc_date', 'id'], unique=False, if_not_exists=True)
    op.create_index('ix_documents_reversal', 'documents', ['reverses_id'], unique=False, if_not_exists=True,
                    sqlite_where=sa.text(REVERSED), postgresql_where=sa.text(REVERSED))


def downgrade() -> None:
    op.drop_index('ix_documents_reversal', table_name='documents', if_exists=True)
    op.drop_index('ix_documents_doc_date_id', table_name='documents', if_exists=True)
