"""Helpers for the dispatch tests: stock a small county and build requests."""

from __future__ import annotations

import datetime as dt

import pytest

from models.context import ServiceContext
from models.services.dispatch import DispatchLineInput, DispatchRequest, create_request
from models.services.receiving import ReceiptLine, receive
from models.services.users import actor_for, add_user
from tests.conftest import FIXED_NOW, FIXED_TODAY


def ctx_at(ctx: ServiceContext, now: dt.datetime) -> ServiceContext:
    """The same user, later: the clock moved to ``now``."""
    return ServiceContext(ctx.db, ctx.actor, ctx.machine, today=lambda: now.date(), now=lambda: now)


def request(county, *lines, area="320101001", emergency=False, due_back=None, **fields) -> DispatchRequest:
    return DispatchRequest(
        requesting_unit=fields.pop("requesting_unit", "城关镇人民政府"),
        receiving_unit=fields.pop("receiving_unit", "城关镇第一中学安置点"),
        place=fields.pop("place", "城关镇第一中学操场"),
        requesting_area_code=area,
        reason=fields.pop("reason", "2026年6月城关镇暴雨洪涝"),
        lines=[DispatchLineInput(code, qty) for code, qty in lines],
        emergency=emergency,
        due_back_date=due_back,
        **fields,
    )


def create(admin, county, *lines, **kwargs):
    return create_request(admin, request(county, *lines, **kwargs))


@pytest.fixture
def stocked(admin, county):
    """County store: 20 tents, water in three batches (20 expiring 2026-07-01, 100 in 2026-12-31,
    50 expired). Township store T001: 3 tents."""
    receive(admin, county.county_store, [
        ReceiptLine(county.tent, 20, batch_no="ZP-2024"),
        ReceiptLine(county.water, 100, batch_no="W-GOOD", production_date="2025-01-01"),
        ReceiptLine(county.water, 50, batch_no="W-OLD", expiry_date="2026-05-01"),
        ReceiptLine(county.water, 20, batch_no="W-SOON", expiry_date="2026-07-01"),
        ReceiptLine(county.rice, 500, batch_no="R-2026", production_date="2026-03-01"),
    ], supplier="县粮油公司")
    receive(admin, county.township_store, [ReceiptLine(county.tent, 3, batch_no="ZP-T")])
    return county


@pytest.fixture
def officer(admin, db) -> ServiceContext:
    user = add_user(admin, "officer1", "officer", display_name="李科长")
    return ServiceContext(db, actor_for(user), "test-pc", today=lambda: FIXED_TODAY, now=lambda: FIXED_NOW)


@pytest.fixture
def keeper(admin, db, county) -> ServiceContext:
    user = add_user(admin, "keeper1", "keeper", display_name="王保管", store_codes=[county.county_store])
    return ServiceContext(db, actor_for(user), "test-pc", today=lambda: FIXED_TODAY, now=lambda: FIXED_NOW)


@pytest.fixture
def viewer(admin, db) -> ServiceContext:
    user = add_user(admin, "viewer1", "viewer")
    return ServiceContext(db, actor_for(user), "test-pc", today=lambda: FIXED_TODAY, now=lambda: FIXED_NOW)
