"""费用扣减: the fee due per calendar quarter of an agreement's term, after deductions for the
shortfalls its checks found. Pure computation on a loaded agreement; no queries.

Fee rule, applied per calendar quarter of the agreement's term:
1. Base fee of a quarter = annual fee ÷ 4 × (days of the term inside the quarter ÷ days of the
   quarter), rounded to the fen. A quarter wholly inside the term gets exactly annual fee ÷ 4. The
   term ends at the end date, or at the termination date if the agreement was terminated earlier.
2. Shortfall share of one check = the mean, over the agreement's lines whose minimum quantity is
   above zero, of ``max(0, minimum − found) ÷ minimum`` (a line not counted at that check adds 0).
   Each line weighs the same because lines are in different units.
3. Shortfall share of the quarter = the largest share among the checks dated inside the quarter and
   the term (restocking later in the quarter does not undo a shortfall found); 0 without checks.
4. Deduction = base fee × quarter share, rounded to the fen (half up); fee due = base − deduction.
Example: annual fee 40,000.00, one line with minimum 1,000, a check on 10 May finds 800: share 0.2,
Q2 base 10,000.00, deduction 2,000.00, due 8,000.00.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from models.schema.agreements import Agreement, AgreementCheck, AgreementState
from models.schema.base import round_money
from models.services.agreements.records import ZERO, QuarterFee


def _quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, 3 * quarter - 2, 1)
    return start, start + relativedelta(months=3) - dt.timedelta(days=1)


def check_shortfall_share(agreement: Agreement, check: AgreementCheck) -> Decimal:
    """Rule 2 of the module docstring: the mean shortfall share over lines with a minimum."""
    found = {line.line_id: line.found_quantity for line in check.lines}
    shares = []
    for line in agreement.lines:
        if line.minimum_quantity <= 0:
            continue
        got = found.get(line.id)
        short = ZERO if got is None else max(ZERO, line.minimum_quantity - got)
        shares.append(short / line.minimum_quantity)
    if not shares:
        return ZERO
    return sum(shares, ZERO) / len(shares)


def fee_schedule(agreement: Agreement) -> list[QuarterFee]:
    """The fee due per calendar quarter of the term, after deductions (rules in the module docstring)."""
    term_end = agreement.end_date
    if agreement.state is AgreementState.TERMINATED and agreement.terminated_on:
        term_end = min(term_end, agreement.terminated_on)
    quarterly = agreement.annual_fee / 4
    shares = [(check.check_date, check_shortfall_share(agreement, check)) for check in agreement.checks]
    result = []
    year, quarter = agreement.start_date.year, (agreement.start_date.month - 1) // 3 + 1
    while True:
        q_start, q_end = _quarter_bounds(year, quarter)
        if q_start > term_end:
            break
        start, end = max(q_start, agreement.start_date), min(q_end, term_end)
        covered = (end - start).days + 1
        base = round_money(quarterly * covered / ((q_end - q_start).days + 1))
        inside = [(share, day) for day, share in shares if start <= day <= end]
        share, day = max(inside, key=lambda pair: (pair[0], pair[1])) if inside else (ZERO, None)
        deduction = round_money(base * share)
        result.append(QuarterFee(year, quarter, start, end, base, share, deduction, base - deduction, day))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return result
