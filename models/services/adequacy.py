"""储备能力评估: can the reserve shelter N people for D days? The heart of the product.

Definitions (issue 7; a contract, also printed in the reports):

- scenario: people, days, as-of date (default today), a standard (default: the summer default
  "国家/Sphere 夏季"), and optionally a store level or an area (its stores and those of its
  sub-areas). last_day = as_of + days − 1.
- required: ``per_person_day`` quota × people × days; ``per_persons`` ceil(people ÷ N); ``fixed`` the
  quota. Rounded to the 0.001 of a quantity.
- own: government stock (``Batch.reserve_mode == government``) in the scenario's stores, in need units
  (quantity × factor), counting only batches with no expiry date or expiring on or after last_day,
  minus ``Balance.reserved`` (promised to approved dispatch orders not yet issued).
- agreement / capacity: from ``models.services.agreements.agreement_supply`` (physical agency-storage
  lines and capacity lines active on as_of and not ending before last_day, net of call-ups, capped by
  the latest check, optionally faster than a maximum response time), × factor. Agreements are county
  contracts, so they count whatever the scope.
- available = own + agreement + capacity; shortfall = max(0, required − available).
- coverage = available ÷ required; own_share = min(own, required) ÷ required. Both are rounded *down*
  to 4 places, so a shown coverage of 1 always means covered and a shown own share of 0.5 always meets
  the rule. A required quantity of 0 (only possible for a tiny fixed target) counts as covered:
  coverage 1 and own share 1.
- days_of_supply (``per_person_day`` needs only) = floor(available ÷ (quota × people)); None otherwise.

The whole check is a handful of queries whatever the number of needs and items: the standard (with
needs and links), the area tree when an area is chosen, one grouped sum of usable own stock per
item, and the agreement supply.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from sqlalchemy import or_, select, type_coerce, func
from sqlalchemy.orm import Session

from models.context import ServiceContext
from models.errors import ValidationError
from models.messages import msg
from models.schema.base import Quantity
from models.schema.catalog import Item
from models.schema.enums import ReserveMode, StoreLevel
from models.schema.standards import Need, NeedBasis, NeedItem, Standard
from models.schema.stock import Balance, Batch
from models.schema.warehouse import Area, Store
from models.services.ledger import json_number
from models.services.lookup import area_by_code
from models.services.standards import standard_by_name
from models.services.warehouses import parse_level
from models.validation import parse_date


def _agreement_supply():
    """``models.services.agreements.agreement_supply``, imported when first needed (the agreements
    package is large, and the adequacy screen opens before its first check runs on a pool thread);
    None while that module is not installed (then there is no agreement supply)."""
    try:
        from models.services.agreements import agreement_supply
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the tree
        if exc.name != "models.services.agreements":
            raise
        return None
    return agreement_supply


QTY = Decimal("0.001")
SHARE = Decimal("0.0001")
MAX_PEOPLE = 10_000_000
MAX_DAYS = 3650


# ---------------------------------------------------------------- scenario

@dataclass(frozen=True)
class Scenario:
    """What the officer asks: people, days, as-of date, standard and scope."""

    people: int
    days: int
    as_of: dt.date | str | None = None
    standard: str | None = None
    level: StoreLevel | str | None = None
    area: str | None = None
    max_response_hours: int | None = None


@dataclass(frozen=True)
class _Resolved:
    people: int
    days: int
    as_of: dt.date
    last_day: dt.date
    level: StoreLevel | None
    area: str | None
    max_response_hours: int | None


def _whole(value: object, field: str, lowest: int, highest: int, what: str) -> int:
    if isinstance(value, bool):
        raise ValidationError(msg("{field}必须是整数。", field=field), field=field)
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValidationError(msg("{field}“{value}”不是整数，请填写{what}。",
                                  field=field, value=value, what=what), field=field) from None
    if number < lowest or number > highest:
        raise ValidationError(msg("{field}必须在 {lowest} 到 {highest} 之间（现为 {number}），请填写{what}。",
                                  field=field, lowest=lowest, highest=highest, number=number, what=what), field=field)
    return number


def resolve_scenario(scenario: Scenario, today: dt.date) -> _Resolved:
    """Check the scenario's values and work out its last day."""
    people = _whole(scenario.people, msg("人数"), 1, MAX_PEOPLE, msg("需要安置的人数，如 5000"))
    days = _whole(scenario.days, msg("天数"), 1, MAX_DAYS, msg("保障天数，如 15"))
    as_of = parse_date(scenario.as_of, msg("评估日期")) or today
    if scenario.level not in (None, "") and scenario.area not in (None, ""):
        raise ValidationError(msg("“级别”和“行政区”只能选一个：按级别统计或按行政区统计。"), field=msg("范围"))
    level = parse_level(scenario.level) if scenario.level not in (None, "") else None
    if isinstance(scenario.level, StoreLevel):
        level = scenario.level
    hours = None
    if scenario.max_response_hours not in (None, ""):
        hours = _whole(scenario.max_response_hours, msg("最长响应时间（小时）"), 1, 24 * 365, msg("如 6 或 24"))
    area = (scenario.area or "").strip() or None
    return _Resolved(people, days, as_of, as_of + dt.timedelta(days=days - 1), level, area, hours)


# ---------------------------------------------------------------- results

@dataclass(frozen=True)
class AdequacyLine:
    need: str
    unit: str
    basis: NeedBasis
    quota: Decimal
    required: Decimal
    own: Decimal
    agreement: Decimal
    capacity: Decimal
    available: Decimal
    shortfall: Decimal
    coverage: Decimal  # rounded down to 4 places
    own_share: Decimal  # rounded down to 4 places
    days_of_supply: int | None
    item_count: int = 0  # how many catalogue items are linked to the need

    @property
    def covered(self) -> bool:
        return self.coverage >= 1

    def as_json(self) -> dict:
        return {
            "need": self.need,
            "unit": self.unit,
            "basis": self.basis.value,
            "quota": json_number(self.quota),
            "required": json_number(self.required),
            "own": json_number(self.own),
            "agreement": json_number(self.agreement),
            "capacity": json_number(self.capacity),
            "available": json_number(self.available),
            "shortfall": json_number(self.shortfall),
            "coverage": json_number(self.coverage),
            "own_share": json_number(self.own_share),
            "days_of_supply": self.days_of_supply,
        }


@dataclass(frozen=True)
class AdequacySummary:
    needs: int
    covered: int
    min_coverage: Decimal | None
    weakest: str | None
    own_share_below_half: tuple[str, ...]

    def as_json(self) -> dict:
        return {
            "needs": self.needs,
            "covered": self.covered,
            "min_coverage": json_number(self.min_coverage) if self.min_coverage is not None else None,
            "weakest": self.weakest,
            "own_share_below_half": list(self.own_share_below_half),
        }


@dataclass(frozen=True)
class AdequacyReport:
    people: int
    days: int
    as_of: dt.date
    last_day: dt.date
    standard: str
    level: StoreLevel | None
    area: str | None
    area_name: str | None
    max_response_hours: int | None
    lines: tuple[AdequacyLine, ...]
    summary: AdequacySummary
    agreements_available: bool = True  # False while the agreements module is not installed

    @property
    def scope_label(self) -> str:
        if self.level is not None:
            return msg("{level}储备库", level=self.level.label)
        if self.area is not None:
            return msg("{area}（含下辖）", area=self.area_name or self.area)
        return msg("全部储备库")

    def as_json(self) -> dict:
        return {
            "scenario": {
                "people": self.people,
                "days": self.days,
                "as_of": self.as_of.isoformat(),
                "last_day": self.last_day.isoformat(),
                "standard": self.standard,
                "level": self.level.value if self.level is not None else None,
                "area": self.area,
            },
            "lines": [line.as_json() for line in self.lines],
            "summary": self.summary.as_json(),
        }


# ---------------------------------------------------------------- the screen's choices

@dataclass(frozen=True)
class ScopeArea:
    code: str
    name: str
    kind: str  # AreaKind value: county, township, village


def scope_choices(ctx: ServiceContext) -> tuple[list[str], list[ScopeArea]]:
    """What the adequacy screen offers: the standards' names (built-in ones first, summer then winter,
    then by name, as ``standards.list_standards``) and every area by code, in one read and without
    loading the standards' needs or building an object per area (a city has thousands of villages)."""
    with ctx.read() as session:
        standards = session.execute(select(Standard.name, Standard.is_builtin, Standard.id)).all()
        ordered = sorted(standards, key=lambda s: (not s.is_builtin, s.id if s.is_builtin else 0, s.name))
        areas = [ScopeArea(code, name, kind.value)
                 for code, name, kind in session.execute(select(Area.code, Area.name, Area.kind).order_by(Area.code))]
        return [s.name for s in ordered], areas


# ---------------------------------------------------------------- the check

def assess(ctx: ServiceContext, scenario: Scenario) -> AdequacyReport:
    """Compute the adequacy lines and summary for a scenario (read-only, one read session)."""
    resolved = resolve_scenario(scenario, ctx.today())
    with ctx.read() as session:
        return assess_in_session(session, resolved, scenario.standard)


def assess_in_session(session: Session, resolved: _Resolved, standard_name: str | None) -> AdequacyReport:
    standard = standard_by_name(session, standard_name)
    area_name, store_filter = _scope(session, resolved)
    links = [(need, link) for need in standard.needs for link in need.items]
    own_by_item = _own_by_item(session, standard, resolved, store_filter) if links else {}
    item_ids = sorted({link.item_id for _, link in links})
    supply = _supply(session, resolved, item_ids)
    physical: dict[int, Decimal] = defaultdict(Decimal)
    capacity: dict[int, Decimal] = defaultdict(Decimal)
    for row in supply:
        (capacity if row.kind == "capacity" else physical)[row.item_id] += row.quantity
    lines = tuple(
        _line(need, resolved, own_by_item, physical, capacity) for need in standard.needs
    )
    return AdequacyReport(
        people=resolved.people, days=resolved.days, as_of=resolved.as_of, last_day=resolved.last_day,
        standard=standard.name, level=resolved.level, area=resolved.area, area_name=area_name,
        max_response_hours=resolved.max_response_hours, lines=lines, summary=summarise(lines),
        agreements_available=_agreement_supply() is not None,
    )


def required_quantity(basis: NeedBasis, quota: Decimal, people: int, days: int) -> Decimal:
    if basis is NeedBasis.PER_PERSON_DAY:
        return _qty(quota * people * days)
    if basis is NeedBasis.PER_PERSONS:
        return (Decimal(people) / quota).to_integral_value(rounding=ROUND_CEILING)
    return _qty(quota)


def _qty(value: Decimal) -> Decimal:
    return value.quantize(QTY, rounding=ROUND_HALF_UP).normalize() + Decimal(0)


def _share(value: Decimal) -> Decimal:
    return value.quantize(SHARE, rounding=ROUND_FLOOR).normalize() + Decimal(0)


def _line(need: Need, resolved: _Resolved, own_by_item, physical, capacity) -> AdequacyLine:
    own = _qty(sum((own_by_item.get(link.item_id, Decimal(0)) * link.factor for link in need.items), Decimal(0)))
    agreement = _qty(sum((physical.get(link.item_id, Decimal(0)) * link.factor for link in need.items), Decimal(0)))
    cap = _qty(sum((capacity.get(link.item_id, Decimal(0)) * link.factor for link in need.items), Decimal(0)))
    required = required_quantity(need.basis, need.quota, resolved.people, resolved.days)
    available = own + agreement + cap
    if required > 0:
        coverage = _share(available / required)
        own_share = _share(min(own, required) / required)
    else:
        coverage = own_share = Decimal(1)
    days_of_supply = None
    if need.basis is NeedBasis.PER_PERSON_DAY:
        days_of_supply = int((available / (need.quota * resolved.people)).to_integral_value(rounding=ROUND_FLOOR))
    return AdequacyLine(
        need=need.name, unit=need.unit, basis=need.basis, quota=need.quota, required=required,
        own=own, agreement=agreement, capacity=cap, available=available,
        shortfall=max(Decimal(0), required - available), coverage=coverage, own_share=own_share,
        days_of_supply=days_of_supply, item_count=len(need.items),
    )


def summarise(lines: tuple[AdequacyLine, ...]) -> AdequacySummary:
    weakest = min(lines, key=lambda line: line.coverage) if lines else None  # first of equals
    return AdequacySummary(
        needs=len(lines),
        covered=sum(1 for line in lines if line.covered),
        min_coverage=weakest.coverage if weakest else None,
        weakest=weakest.need if weakest else None,
        own_share_below_half=tuple(line.need for line in lines if line.own_share < Decimal("0.5")),
    )


# ---------------------------------------------------------------- queries

def _scope(session: Session, resolved: _Resolved):
    """The area's name and a filter on balances for the scenario's stores (None: all stores)."""
    if resolved.level is not None:
        return None, Balance.store_level == resolved.level
    if resolved.area is None:
        return None, None
    area = area_by_code(session, resolved.area)
    area_ids = area_subtree(session, area.id)
    return area.name, Balance.store_id.in_(select(Store.id).where(Store.area_id.in_(area_ids)))


def area_subtree(session: Session, root_id: int) -> list[int]:
    """The area and all its descendants, from one query over the (small) area table."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for area_id, parent_id in session.execute(select(Area.id, Area.parent_id)):
        children[parent_id].append(area_id)
    found, pending = [], [root_id]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(children.get(current, ()))
    return found


def _usable_filters(resolved: _Resolved, store_filter):
    filters = [
        Batch.reserve_mode == ReserveMode.GOVERNMENT,
        or_(Balance.expiry_date.is_(None), Balance.expiry_date >= resolved.last_day),
        Balance.quantity > 0,
    ]
    if store_filter is not None:
        filters.append(store_filter)
    return filters


def _own_by_item(session: Session, standard: Standard, resolved: _Resolved, store_filter) -> dict[int, Decimal]:
    """Usable government stock per linked item, net of reservations: one grouped query."""
    linked = select(NeedItem.item_id).join(Need, Need.id == NeedItem.need_id).where(Need.standard_id == standard.id)
    usable = type_coerce(func.sum(Balance.quantity - Balance.reserved), Quantity())
    stmt = (
        select(Balance.item_id, usable)
        .join(Batch, Batch.id == Balance.batch_id)
        .where(Balance.item_id.in_(linked), *_usable_filters(resolved, store_filter))
        .group_by(Balance.item_id)
    )
    return {item_id: quantity or Decimal(0) for item_id, quantity in session.execute(stmt)}


def _supply(session: Session, resolved: _Resolved, item_ids: list[int]) -> list:
    supply = _agreement_supply()
    if supply is None or not item_ids:
        return []
    return list(supply(
        session, as_of=resolved.as_of, last_day=resolved.last_day,
        max_response_hours=resolved.max_response_hours, item_ids=item_ids,
    ))


# ---------------------------------------------------------------- drill-down

@dataclass(frozen=True)
class StoreShare:
    store_code: str
    store_name: str
    level: StoreLevel
    own: Decimal  # in need units


@dataclass(frozen=True)
class BatchRow:
    store_code: str
    store_name: str
    item_code: str
    item_name: str
    item_unit: str
    batch_no: str
    expiry_date: dt.date | None
    reserve_mode: ReserveMode
    quantity: Decimal  # in item units
    reserved: Decimal
    factor: Decimal
    counted: Decimal  # in need units; 0 when excluded
    note: str  # why it counts or not


@dataclass(frozen=True)
class AgreementRow:
    agreement_number: str
    enterprise: str
    kind: str
    item_code: str
    item_name: str
    quantity: Decimal  # in item units
    counted: Decimal  # in need units
    end_date: dt.date
    response_hours: int | None


@dataclass(frozen=True)
class NeedSources:
    need: str
    unit: str
    stores: tuple[StoreShare, ...] = field(default=())
    batches: tuple[BatchRow, ...] = field(default=())
    agreements: tuple[AgreementRow, ...] = field(default=())


def need_sources(ctx: ServiceContext, scenario: Scenario, need_name: str) -> NeedSources:
    """Where one need's stock sits: own stock per store, every batch in scope of the linked items
    (including those that do not count, with the reason), and the agreement lines."""
    resolved = resolve_scenario(scenario, ctx.today())
    with ctx.read() as session:
        standard = standard_by_name(session, scenario.standard)
        need = next((n for n in standard.needs if n.name == need_name), None)
        if need is None:
            raise ValidationError(msg("定额标准“{standard_name}”中没有需求项“{need_name}”。",
                                      standard_name=standard.name, need_name=need_name), field=msg("需求项"))
        factors = {link.item_id: link.factor for link in need.items}
        items = {item.id: item for item in session.scalars(select(Item).where(Item.id.in_(factors)))}
        _, store_filter = _scope(session, resolved)
        stmt = (
            select(Balance, Batch, Store)
            .join(Batch, Batch.id == Balance.batch_id)
            .join(Store, Store.id == Balance.store_id)
            .where(Balance.item_id.in_(factors), Balance.quantity > 0)
            .order_by(Store.code, Balance.item_id, Balance.expiry_date, Batch.batch_no)
        )
        if store_filter is not None:
            stmt = stmt.where(store_filter)
        batches, per_store = [], {}
        for balance, batch, store in session.execute(stmt):
            item = items[balance.item_id]
            factor = factors[balance.item_id]
            counted, note = _batch_status(balance, batch, resolved, factor, item.unit)
            batches.append(BatchRow(store.code, store.name, item.code, item.name, item.unit, batch.batch_no,
                                    balance.expiry_date, batch.reserve_mode, balance.quantity, balance.reserved,
                                    factor, counted, note))
            if counted:
                share = per_store.get(store.code)
                per_store[store.code] = StoreShare(store.code, store.name, store.level,
                                                   (share.own if share else Decimal(0)) + counted)
        agreements = tuple(
            AgreementRow(row.agreement_number, row.enterprise, row.kind, items[row.item_id].code,
                         items[row.item_id].name, row.quantity, _qty(row.quantity * factors[row.item_id]),
                         row.end_date, row.response_hours)
            for row in _supply(session, resolved, sorted(factors))
        )
        stores = tuple(StoreShare(s.store_code, s.store_name, s.level, _qty(s.own))
                       for s in sorted(per_store.values(), key=lambda s: (-s.own, s.store_code)))
        return NeedSources(need.name, need.unit, stores, tuple(batches), agreements)


def _batch_status(balance: Balance, batch: Batch, resolved: _Resolved, factor: Decimal, unit: str):
    if batch.reserve_mode is not ReserveMode.GOVERNMENT:
        return Decimal(0), msg("{mode}，不计入政府实物储备", mode=batch.reserve_mode.label)
    if balance.expiry_date is not None and balance.expiry_date < resolved.last_day:
        return Decimal(0), msg("有效期至 {expiry}，早于情景末日 {last_day}，不计", expiry=balance.expiry_date,
                                last_day=resolved.last_day)
    usable = balance.quantity - balance.reserved
    counted = _qty(usable * factor)
    if balance.reserved:
        return counted, msg("已扣除调拨单预留 {reserved}{unit}", reserved=f"{balance.reserved.normalize():f}", unit=unit)
    return counted, msg("计入")
