"""Role rules, enforced in the services (hiding a button is not security).

admin: everything. officer: approve, run checks, read all stores, post anywhere.
keeper: post and read only in assigned stores. viewer: read-only.
"""

from __future__ import annotations

from models.context import Actor
from models.errors import PermissionDeniedError
from models.messages import msg
from models.schema.enums import Role
from models.schema.warehouse import Store


def can_read_store(actor: Actor, store_id: int) -> bool:
    if actor.role is Role.KEEPER:
        return store_id in actor.store_ids
    return True


def require_post(actor: Actor, store: Store) -> None:
    """Posting documents (receipts, issues, transfers, stocktakes, scraps, reversals)."""
    if actor.role in (Role.ADMIN, Role.OFFICER):
        return
    if actor.role is Role.KEEPER and store.id in actor.store_ids:
        return
    if actor.role is Role.KEEPER:
        raise PermissionDeniedError(
            msg("您（{username}）不是储备库“{store}”（{store_code}）的保管员，不能在该库记账。如需在该库操作，请联系管理员分配权限。",
                username=actor.username, store=store.name, store_code=store.code)
        )
    raise PermissionDeniedError(
        msg("您（{username}）的角色“{role}”只能查看，不能记账。如需记账，请联系管理员。", username=actor.username, role=actor.role.label)
    )


def require_approver(actor: Actor) -> None:
    if actor.role not in (Role.ADMIN, Role.OFFICER):
        raise PermissionDeniedError(
            msg("审批需要“业务科室”或“管理员”角色，您（{username}）的角色是“{role}”。", username=actor.username, role=actor.role.label)
        )


def require_admin(actor: Actor) -> None:
    if actor.role is not Role.ADMIN:
        raise PermissionDeniedError(
            msg("此操作需要管理员权限，您（{username}）的角色是“{role}”。请联系管理员。", username=actor.username, role=actor.role.label)
        )


def require_catalog_edit(actor: Actor) -> None:
    """Catalogue, stores and standards: shared reference data, edited by admins and officers."""
    if actor.role not in (Role.ADMIN, Role.OFFICER):
        raise PermissionDeniedError(
            msg("修改物资目录、储备库和标准需要“业务科室”或“管理员”角色，您的角色是“{role}”。", role=actor.role.label)
        )
