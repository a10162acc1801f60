"""performance indexes for city-scale reads (issue 10); merges the heads

Revision ID: 0006
Revises: 0002, 0003, 0004, 0005
Create Date: 2026-11-23 19:30:00

- ``ix_documents_reference``: the rotation plan sums what has been received against open replacement
  plans (``documents.reference IN (plan numbers)``); without it every opening of the plan scans all
  documents (628,000 in the city benchmark database).
"""
from alembic import op


revision = '0006'
down_revision = ('0002', '0003', '0004', '0005')
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_documents_reference', 'documents', ['reference'], unique=False, if_not_exists=True)


def downgrade() -> None:
    op.drop_index('ix_documents_reference', table_name='documents', if_exists=True)
