"""协议储备: agreements with enterprises that hold stock (企业代储) or production capacity (产能储备)
for the county — create, edit, activate, terminate and renew them; record spot checks (核查),
call-ups (动用) and replenishments (补库); work out the fee due per quarter; list reminders; and say
how much agreement stock counts for the adequacy check (``agreement_supply``).

``records`` holds the plain inputs and results; ``terms`` checks an agreement's fields and writes
them onto the record; ``lifecycle`` creates, edits, activates, terminates and renews; ``checks``
records 核查; ``call_ups`` records 动用 and 补库; ``availability`` says how much of a line can be
counted on (the rule is in its docstring); ``fees`` computes the fee per quarter (the rule is in its
docstring); ``queries`` is what screens and reminders read. Everything public is re-exported here:
``from models.services import agreements; agreements.create_agreement(...)``.
"""

from models.services.agreements.availability import agreement_supply, available_agreement_lines
from models.services.agreements.call_ups import call_up, record_call_up, replenish
from models.services.agreements.checks import record_check
from models.services.agreements.fees import check_shortfall_share, fee_schedule
from models.services.agreements.lifecycle import (
    activate_agreement,
    create_agreement,
    renew_agreement,
    save_enterprise,
    terminate_agreement,
    update_agreement,
)
from models.services.agreements.queries import (
    CHECK_INTERVAL_MONTHS,
    agreement_detail,
    agreement_input,
    checks_overdue,
    expiring_agreements,
    list_agreements,
    quarter_fees,
    shortfall_lines,
)
from models.services.agreements.records import (
    EXPIRING_DAYS,
    ZERO,
    AgreementDetail,
    AgreementInput,
    AgreementRow,
    AgreementSupply,
    AvailableAgreementLine,
    CallUpRow,
    CheckRow,
    EnterpriseInput,
    LineInput,
    LineRow,
    OverdueCheck,
    QuarterFee,
    ShortfallLine,
)
from models.services.agreements.terms import TYPE_NAMES, agreement_by_number, parse_agreement_type, snapshot

# Building blocks that the Excel import and export use inside their own transactions (and one test
# uses to check the availability rule directly), still reachable as ``agreements._name``.
from models.services.agreements.availability import _available, _latest_checks, _movements  # noqa: F401
from models.services.agreements.terms import _apply_fields  # noqa: F401

__all__ = [
    "agreement_supply", "available_agreement_lines",
    "call_up", "record_call_up", "replenish", "record_check",
    "check_shortfall_share", "fee_schedule",
    "activate_agreement", "create_agreement", "renew_agreement", "save_enterprise", "terminate_agreement",
    "update_agreement",
    "CHECK_INTERVAL_MONTHS", "agreement_detail", "agreement_input", "checks_overdue", "expiring_agreements",
    "list_agreements", "quarter_fees", "shortfall_lines",
    "EXPIRING_DAYS", "ZERO", "AgreementDetail", "AgreementInput", "AgreementRow", "AgreementSupply",
    "AvailableAgreementLine", "CallUpRow", "CheckRow", "EnterpriseInput", "LineInput", "LineRow", "OverdueCheck",
    "QuarterFee", "ShortfallLine",
    "TYPE_NAMES", "agreement_by_number", "parse_agreement_type", "snapshot",
]
