"""汛前检查: everything the pre-flood-season check report shows, gathered as plain data (no Qt, no
reportlab), for ``models/documents/adequacy_pdf.py`` and ``adequacy_xlsx.py``.

The report covers a season (default 1 May – 30 September of the as-of year, or of the next year
once the as-of date is past 30 September) and shows: the adequacy table for the scenario; batches
in the scenario's stores that expire before the season ends (expiry date before the season's last
day, including those already expired but still on the shelf); active agreements that end before the
season ends; inspections overdue on the as-of date; needs whose government own share is below half.
Agreements and inspections come from their own modules and are left out (with a note) when those
modules are not installed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from models.context import ServiceContext
from models.errors import ValidationError
from models.messages import msg
from models.schema.catalog import Item
from models.schema.enums import ReserveMode
from models.schema.stock import Balance, Batch
from models.schema.warehouse import Area, Store
from models.services.adequacy import AdequacyLine, AdequacyReport, Scenario, _scope, assess_in_session, resolve_scenario
from models.validation import parse_date

SEASON_START = (5, 1)
SEASON_END = (9, 30)


def default_season(as_of: dt.date) -> tuple[dt.date, dt.date]:
    year = as_of.year if as_of <= dt.date(as_of.year, *SEASON_END) else as_of.year + 1
    return dt.date(year, *SEASON_START), dt.date(year, *SEASON_END)


@dataclass(frozen=True)
class ExpiringBatch:
    store_code: str
    store_name: str
    item_code: str
    item_name: str
    spec: str
    unit: str
    batch_no: str
    expiry_date: dt.date
    quantity: Decimal
    reserve_mode: ReserveMode
    expired: bool  # already expired on the as-of date


@dataclass(frozen=True)
class EndingAgreement:
    number: str
    enterprise: str
    kind: str
    end_date: dt.date
    response_hours: int | None


@dataclass(frozen=True)
class OverdueInspection:
    schedule_name: str
    target: str
    due_date: dt.date
    last_inspected: dt.date | None


@dataclass(frozen=True)
class PrefloodData:
    county: str
    report_date: dt.date
    season_start: dt.date
    season_end: dt.date
    adequacy: AdequacyReport
    expiring_batches: tuple[ExpiringBatch, ...]
    ending_agreements: tuple[EndingAgreement, ...]
    overdue_inspections: tuple[OverdueInspection, ...]
    agreements_checked: bool = True
    inspections_checked: bool = True

    @property
    def own_share_below_half(self) -> tuple[AdequacyLine, ...]:
        names = set(self.adequacy.summary.own_share_below_half)
        return tuple(line for line in self.adequacy.lines if line.need in names)


def gather_preflood(ctx: ServiceContext, scenario: Scenario, *, season_start: dt.date | str | None = None,
                    season_end: dt.date | str | None = None) -> PrefloodData:
    resolved = resolve_scenario(scenario, ctx.today())
    default_start, default_end = default_season(resolved.as_of)
    start = parse_date(season_start, msg("汛期开始日期")) or default_start
    end = parse_date(season_end, msg("汛期结束日期")) or default_end
    if end < start:
        raise ValidationError(msg("汛期结束日期 {end} 早于开始日期 {start}。", end=end, start=start), field=msg("汛期结束日期"))
    with ctx.read() as session:
        report = assess_in_session(session, resolved, scenario.standard)
        county = session.scalar(select(Area.name).where(Area.parent_id.is_(None)).order_by(Area.id)) or "本县"
        _, store_filter = _scope(session, resolved)
        stmt = (
            select(Balance, Batch, Store, Item)
            .join(Batch, Batch.id == Balance.batch_id)
            .join(Store, Store.id == Balance.store_id)
            .join(Item, Item.id == Balance.item_id)
            .where(Balance.quantity > 0, Balance.expiry_date.is_not(None), Balance.expiry_date < end)
            .order_by(Balance.expiry_date, Store.code, Item.code, Batch.batch_no)
        )
        if store_filter is not None:
            stmt = stmt.where(store_filter)
        batches = tuple(
            ExpiringBatch(store.code, store.name, item.code, item.name, item.spec, item.unit, batch.batch_no,
                          balance.expiry_date, balance.quantity, batch.reserve_mode,
                          balance.expiry_date < resolved.as_of)
            for balance, batch, store, item in session.execute(stmt)
        )
    agreements, agreements_checked = _ending_agreements(ctx, resolved.as_of, end)
    inspections, inspections_checked = _overdue_inspections(ctx, resolved.as_of)
    return PrefloodData(county, ctx.today(), start, end, report, batches, agreements, inspections,
                        agreements_checked, inspections_checked)


def _ending_agreements(ctx: ServiceContext, as_of: dt.date, season_end: dt.date):
    try:
        from models.schema.agreements import AgreementState
        from models.services.agreements import list_agreements
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the tree
        if not (exc.name or "").startswith("models."):
            raise
        return (), False
    rows = [
        EndingAgreement(row.number, row.enterprise, row.agreement_type.label, row.end_date, row.response_hours)
        for row in list_agreements(ctx)
        if row.stored_state is AgreementState.ACTIVE and as_of <= row.end_date < season_end
    ]
    return tuple(sorted(rows, key=lambda row: (row.end_date, row.number))), True


def _overdue_inspections(ctx: ServiceContext, as_of: dt.date):
    try:
        from models.services.inspections import due_inspections
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the tree
        if not (exc.name or "").startswith("models."):
            raise
        return (), False
    rows = tuple(
        OverdueInspection(row.schedule_name, row.target, row.due_date, row.last_inspected)
        for row in due_inspections(ctx, within_days=0, as_of=as_of)
        if row.status == "overdue"
    )
    return rows, True
