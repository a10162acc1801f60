"""Scrap requests: pending has no stock effect, an officer's approval posts, a keeper cannot approve."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from models.errors import ConflictError, InsufficientStockError, PermissionDeniedError, ValidationError
from models.schema.audit import AuditEntry
from models.schema.documents import Document
from models.schema.stock import Movement
from models.services.receiving import ReceiptLine, receive
from models.services.scrap_approval import (
    ScrapLine, approve_scrap, expired_scrap_lines, list_scrap_requests, reject_scrap, request_scrap,
)
from models.services.scrapping import scrap
from models.services.stock_queries import stock_rows
from models.services.verify import verify
from tests.rotation.helpers import user_ctx


def on_hand(ctx, store="C001"):
    return {(r.item_code, r.batch): r.quantity for r in stock_rows(ctx, store_code=store)}


def movements(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Movement.id)))


@pytest.fixture
def stocked(admin, county):
    receive(admin, county.county_store, [
        ReceiptLine(county.water, 50, batch_no="OLD", expiry_date="2026-05-01", unit_price=Decimal("1.2")),
        ReceiptLine(county.tent, 4, batch_no="T-2020"),
    ])
    return county


def test_pending_has_no_stock_effect_and_approval_posts(admin, stocked, db):
    keeper = user_ctx(admin, "keeper1", "keeper", [stocked.county_store])
    officer = user_ctx(admin, "officer1", "officer")
    before, moves = on_hand(admin), movements(db)
    request = request_scrap(keeper, stocked.county_store, [ScrapLine(stocked.water, "OLD", 50)],
                            reason_kind="expired", reason="2026-05-01 过期")
    assert request.number == "BF-C001-2026-0001" and request.status == "pending"
    assert request.reason == "过期：2026-05-01 过期"
    assert on_hand(admin) == before and movements(db) == moves
    assert [r.number for r in list_scrap_requests(officer)] == [request.number]
    assert verify(db).ok

    with pytest.raises(PermissionDeniedError):
        approve_scrap(keeper, request.number)
    with pytest.raises(PermissionDeniedError):
        reject_scrap(keeper, request.number, reason="不同意")
    assert on_hand(admin) == before

    posted = approve_scrap(officer, request.number, note="同意")
    assert posted.number == request.number
    assert ("W500", "OLD") not in on_hand(admin)
    assert movements(db) == moves + 1
    with db.read() as session:
        doc = session.scalar(select(Document).where(Document.number == request.number))
        assert doc.status == "posted" and doc.approved_by_id == officer.actor.user_id
        assert doc.approved_at is not None and doc.posted_at is not None
        actions = set(session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "document", AuditEntry.entity_key == request.number)))
        assert actions == {"request", "approve"}
    assert list_scrap_requests(officer) == []
    assert verify(db).ok
    with pytest.raises(ConflictError, match="已批准"):
        approve_scrap(officer, request.number)


def test_reject_cancels_without_movements(admin, stocked, db):
    request = request_scrap(admin, stocked.county_store, [ScrapLine(stocked.tent, "T-2020", 1)],
                            reason_kind="damaged", reason="顶布撕裂")
    moves = movements(db)
    reject_scrap(admin, request.number, reason="可修复")
    assert movements(db) == moves and on_hand(admin)[("ZP12", "T-2020")] == 4
    rejected = list_scrap_requests(admin, decision="rejected")
    assert [(r.number, r.status, r.decision_note) for r in rejected] == [(request.number, "cancelled", "可修复")]
    with pytest.raises(ConflictError, match="驳回"):
        approve_scrap(admin, request.number)
    assert verify(db).ok


def test_request_checks_quantity_including_other_pending(admin, stocked):
    request_scrap(admin, stocked.county_store, [ScrapLine(stocked.tent, "T-2020", 3)], reason_kind="damaged")
    with pytest.raises(InsufficientStockError, match="待审批"):
        request_scrap(admin, stocked.county_store, [ScrapLine(stocked.tent, "T-2020", 2)], reason_kind="damaged")
    with pytest.raises(ValidationError, match="批次号"):
        request_scrap(admin, stocked.county_store, [ScrapLine(stocked.tent, "", 1)], reason_kind="damaged")
    with pytest.raises(ValidationError, match="报废原因类别"):
        request_scrap(admin, stocked.county_store, [ScrapLine(stocked.tent, "T-2020", 1)], reason_kind="lost")


def test_approval_refused_if_stock_gone_meanwhile(admin, stocked, db):
    request = request_scrap(admin, stocked.county_store, [ScrapLine(stocked.tent, "T-2020", 4)],
                            reason_kind="failed_inspection")
    scrap(admin, stocked.county_store, [ScrapLine(stocked.tent, "T-2020", 2)], reason="火灾损毁")
    with pytest.raises(InsufficientStockError):
        approve_scrap(admin, request.number)
    assert list_scrap_requests(admin)[0].number == request.number  # still pending, nothing posted
    assert verify(db).ok


def test_immediate_scrap_still_works(admin, stocked):
    result = scrap(admin, stocked.county_store, [ScrapLine(stocked.water, "OLD", 10)], reason="过期")
    assert result.number == "BF-C001-2026-0001"
    assert on_hand(admin)[("W500", "OLD")] == 40


def test_expired_lines_prefill(admin, stocked):
    assert [(l.item_code, l.batch_no, l.quantity) for l in expired_scrap_lines(admin, stocked.county_store)] == [
        ("W500", "OLD", Decimal(50))]


def test_approved_scrap_prints_as_scrap_record(admin, stocked, tmp_path):
    import subprocess

    from models.documents.document_pdf import print_document

    officer = user_ctx(admin, "officer2", "officer")
    request = request_scrap(admin, stocked.county_store, [ScrapLine(stocked.water, "OLD", 50)],
                            reason_kind="expired", reason="年度报废审核")
    approve_scrap(officer, request.number)
    path = print_document(admin, request.number, tmp_path / "scrap.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "应急物资报废单" in text and request.number in text
    assert "过期：年度报废审核" in text and "officer2" in text and "OLD" in text
