"""Small agreement fixtures built through the public services."""

from __future__ import annotations

import datetime as dt

from models.services.agreements import AgreementInput, EnterpriseInput, LineInput, create_agreement, activate_agreement

SUPERMARKET = "91320101MA1XYW001D"
TEXTILE = "91320101MA2ABC00XJ"


def make_agreement(ctx, county, number="XY-2026-01", *, start="2026-01-01", end="2026-12-31", hours=6,
                   fee=40000, kind="physical", lines=None, code=SUPERMARKET, activate=True) -> str:
    lines = lines if lines is not None else [LineInput(county.water, 10000, 8000), LineInput(county.rice, 5000, 4000)]
    create_agreement(ctx, AgreementInput(
        number, EnterpriseInput("示例超市连锁有限公司", code, "示例县人民路 1 号", "李经理", "13900000001", "食品、饮用水"),
        kind, start, end, lines, storage_place="超市配送中心 2 号仓", response_hours=hours, annual_fee=fee,
    ))
    if activate:
        activate_agreement(ctx, number)
    return number


def at(day: str, hour: int = 8) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=dt.timezone.utc)
