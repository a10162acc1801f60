"""What the desktop's navigation tree shows: every area, the stores the user may read, and each store's
count of stock lines — as plain rows from three Core queries, read when the program starts.

At city scale (3,200 areas, 3,200 stores, 190,000 live balance lines) the ORM objects of
``list_areas``/``list_stores`` and the grouping of ``store_line_counts`` (which SQLite answered by
looking up every balance row) cost about a second of the start-up (issue 10); these rows cost tens of
milliseconds: the counts are grouped by (store level, store) so that both databases walk the partial
index ``ix_balances_live_level`` (store_level, store_id, id) WHERE quantity > 0 in its own order.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, literal_column, select

from models.context import Actor, ServiceContext
from models.schema.enums import AreaKind, Role
from models.schema.stock import Balance
from models.schema.warehouse import Area, Store


@dataclass(frozen=True)
class AreaRow:
    id: int
    parent_id: int | None
    code: str
    name: str
    kind: AreaKind


@dataclass(frozen=True)
class StoreRow:
    id: int
    area_id: int
    code: str
    name: str
    lines: int  # non-zero stock lines (store × item × batch)


@dataclass(frozen=True)
class NavigationTree:
    areas: list[AreaRow]  # every area, by code
    stores: list[StoreRow]  # the stores the acting user may read, by code


def keeper_store_ids(actor: Actor) -> list[int] | None:
    """The store ids a keeper may read, as a list to bind (``[-1]`` for none); None for the other roles,
    who read every store (``permissions.can_read_store`` as an SQL condition, for the plain-row lists)."""
    if actor.role is Role.KEEPER:
        return sorted(actor.store_ids) or [-1]
    return None


def live_line_counts(conn, store_ids: list[int] | None) -> dict[int, int]:
    """Non-zero stock lines per store id (of ``store_ids`` only, unless None), in one statement.

    Grouped by (store level, store) so that both databases walk the partial index
    ``ix_balances_live_level`` (store_level, store_id, id) WHERE quantity > 0 in its own order."""
    # the literal 0 matches the partial index's condition (a bound parameter would not, on SQLite)
    stmt = (select(Balance.store_id, func.count()).where(Balance.quantity > literal_column("0"))
            .group_by(Balance.store_level, Balance.store_id))
    if store_ids is not None:
        stmt = stmt.where(Balance.store_id.in_(store_ids))
    lines: dict[int, int] = {}
    for store_id, count in conn.execute(stmt):
        lines[store_id] = lines.get(store_id, 0) + count  # one row per (level, store)
    return lines


def navigation_tree(ctx: ServiceContext) -> NavigationTree:
    mine = keeper_store_ids(ctx.actor)
    with ctx.read() as session:
        conn = session.connection()
        areas = [AreaRow(*row) for row in conn.execute(
            select(Area.id, Area.parent_id, Area.code, Area.name, Area.kind).order_by(Area.code))]
        stores_stmt = select(Store.id, Store.area_id, Store.code, Store.name).order_by(Store.code)
        if mine is not None:
            stores_stmt = stores_stmt.where(Store.id.in_(mine))
        lines = live_line_counts(conn, mine)
        stores = [StoreRow(store_id, area_id, code, name, lines.get(store_id, 0))
                  for store_id, area_id, code, name in conn.execute(stores_stmt)]
    return NavigationTree(areas, stores)
