"""The states a case and a complaint may be in, and the moves the standard allows between them.

Case: submitted -> accepted (admission notice) | refused (grounds of point 9) -> training ->
certified -> closed (point 10: the admission notice returned to the provider closes the service);
submitted/accepted/training -> withdrawn.
Complaint (point 65): registered -> satisfied (by the provider within 3 working days) |
forwarded -> decided -> appealed (to the authorised body) -> appeal_decided.
"""

from __future__ import annotations

from kzqual.errors import ConflictError

CASE_STATES = ("submitted", "accepted", "refused", "training", "certified", "withdrawn", "closed")
CASE_MOVES: dict[str, dict[str, str]] = {
    "submitted": {"accept": "accepted", "refuse": "refused", "withdraw": "withdrawn"},
    "accepted": {"start_training": "training", "withdraw": "withdrawn"},
    "training": {"certify": "certified", "withdraw": "withdrawn"},
    "refused": {},
    "certified": {"return_notice": "closed"},
    "withdrawn": {},
    "closed": {},
}
# Recording a payment is not a move of state but is allowed only while the fee can still matter.
PAYMENT_STATES = ("submitted", "accepted", "training")

COMPLAINT_STATES = ("registered", "satisfied", "forwarded", "decided", "appealed", "appeal_decided")
COMPLAINT_MOVES: dict[str, dict[str, str]] = {
    "registered": {"satisfy": "satisfied", "forward": "forwarded"},
    "forwarded": {"decide": "decided", "appeal": "appealed"},  # appeal also against inaction
    "decided": {"appeal": "appealed"},
    "satisfied": {},
    "appealed": {"decide_appeal": "appeal_decided"},
    "appeal_decided": {},
}


def next_state(moves: dict[str, dict[str, str]], state: str, action: str, *, what: str, ident: int) -> str:
    allowed = moves.get(state, {})
    if action not in allowed:
        options = ", ".join(sorted(allowed)) or "none (final state)"
        # a conflict with the record's current state: most often another operator moved it first
        raise ConflictError(f"{what} {ident} is {state}: cannot {action}; allowed: {options}")
    return allowed[action]


def case_next(state: str, action: str, ident: int) -> str:
    return next_state(CASE_MOVES, state, action, what="case", ident=ident)


def complaint_next(state: str, action: str, ident: int) -> str:
    return next_state(COMPLAINT_MOVES, state, action, what="complaint", ident=ident)
