"""调拨单: dispatch orders from request to signed receipt and the return of returnable goods.

A request lists items for a receiving unit; sources are proposed (the requesting area's own stores,
then the county stores, then agreement stock) and may be changed; approval reserves the goods
(``Balance.reserved``) so two orders cannot promise the same stock; issue posts one 出库单 per source
store, earliest expiry first; the receiver's confirmation records shortfall and damage; returnable
goods come back as good, repaired or lost. In an emergency the order is issued first and approved
later; an approval still owed 48 hours after issue is overdue.

``planning`` holds requests, sources and approval; ``workflow`` issue, receipt, returns, cancel and
reversal; ``queries`` the lists; ``records`` the plain inputs and results. Everything public is
re-exported here: ``from models.services import dispatch; dispatch.approve(...)``.
"""

from models.services.dispatch.common import APPROVAL_GRACE, DEFAULT_RETURN_DAYS, OPEN_STATUSES
from models.services.dispatch.planning import approve, create_request, propose_sources, set_sources
from models.services.dispatch.queries import (
    list_orders,
    open_order_count,
    open_orders,
    order_view,
    overdue_approvals,
    overdue_returns,
    source_options,
    SourceOption,
)
from models.services.dispatch.records import (
    DispatchLineInput,
    DispatchRequest,
    IssuedBatch,
    LineView,
    OrderRow,
    OrderView,
    ReceiptCheck,
    ReturnDue,
    SourceInput,
    SourceView,
)
from models.services.dispatch.workflow import (
    cancel,
    confirm_receipt,
    emergency_issue,
    issue,
    record_return,
    reverse_order,
)

__all__ = [
    "APPROVAL_GRACE", "DEFAULT_RETURN_DAYS", "OPEN_STATUSES",
    "approve", "create_request", "propose_sources", "set_sources",
    "list_orders", "open_order_count", "open_orders", "order_view", "overdue_approvals", "overdue_returns",
    "source_options", "SourceOption",
    "DispatchLineInput", "DispatchRequest", "IssuedBatch", "LineView", "OrderRow", "OrderView", "ReceiptCheck",
    "ReturnDue", "SourceInput", "SourceView",
    "cancel", "confirm_receipt", "emergency_issue", "issue", "record_return", "reverse_order",
]
