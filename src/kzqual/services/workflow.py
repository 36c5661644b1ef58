"""The states a case and a complaint may be in, and the moves the standard allows between them.

Case: submitted -> accepted (admission notice) | refused (grounds of point 9) -> training ->
certified -> closed (point 10: the admission notice returned to the provider closes the service);
submitted/accepted/training -> withdrawn.  A complaint about the decision that the
provider satisfies or a reviewing body, the authorised body for quality of public services or a
court upholds (point 65) *reopens* a refused or accepted case: it goes to ``reconsideration``,
where it is decided again (accept or refuse) — never by a direct request, only through that
complaint's outcome (see ``REOPEN_FROM``).

Complaint (point 65): registered -> satisfied (by the provider within 3 working days) |
forwarded -> decided -> appealed (to the authorised body) -> appeal_decided.  A complaint lodged
straight with the authorised body for quality of public services starts as ``appealed`` (its 15
working days count from its registration there).  After a pre-trial complaint the court may be
seized ("сотқа жүгінуге сотқа дейінгі тәртіппен шағым жасалғаннан кейін жол беріледі"): from any
state, ``court`` -> in_court -> ``court_decide`` -> court_decided.
"""

from __future__ import annotations

from kzqual.errors import ConflictError

CASE_STATES = ("submitted", "accepted", "refused", "reconsideration", "training", "certified", "withdrawn", "closed")
CASE_MOVES: dict[str, dict[str, str]] = {
    "submitted": {"accept": "accepted", "refuse": "refused", "withdraw": "withdrawn"},
    "accepted": {"start_training": "training", "withdraw": "withdrawn"},
    # decided again after a complaint's favourable outcome
    "reconsideration": {"accept": "accepted", "refuse": "refused", "withdraw": "withdrawn"},
    "training": {"certify": "certified", "withdraw": "withdrawn"},
    "refused": {},
    "certified": {"return_notice": "closed"},
    "withdrawn": {},
    "closed": {},
}
# The decisions a satisfied or upheld complaint about the decision reopens (point 65): a refusal,
# or an admission notice before training began.  Not a move anyone may request: the complaint's
# step takes it, in the same transaction.
REOPEN_FROM = ("refused", "accepted")
REOPENED = "reconsideration"
# States in which a case is an open application (one per ИИН at a time).
OPEN_STATES = ("submitted", "accepted", "reconsideration", "training")
# Recording a payment is not a move of state but is allowed only while the fee can still matter.
PAYMENT_STATES = ("submitted", "accepted", "reconsideration", "training")

COMPLAINT_STATES = ("registered", "satisfied", "forwarded", "decided", "appealed", "appeal_decided", "in_court",
                    "court_decided")
COMPLAINT_MOVES: dict[str, dict[str, str]] = {
    "registered": {"satisfy": "satisfied", "forward": "forwarded"},
    "forwarded": {"decide": "decided", "appeal": "appealed"},  # appeal also against inaction
    "decided": {"appeal": "appealed"},
    "satisfied": {},
    "appealed": {"decide_appeal": "appeal_decided"},
    "appeal_decided": {},
    "in_court": {"court_decide": "court_decided"},
    "court_decided": {},
}
# Point 65 lets the applicant go to court once a pre-trial complaint was made, whatever stage it
# reached; the act puts no other condition, so kzqual puts none.
for _state in COMPLAINT_STATES[:6]:
    COMPLAINT_MOVES[_state]["court"] = "in_court"
# Where a complaint is lodged: with the provider (point 65, first paragraph) or straight with the
# authorised body for quality of public services (its 15 working days from registration there).
LODGED_WITH = {"provider": "registered", "quality_body": "appealed"}
# The complaint steps whose favourable outcome reopens the decision, and the basis it is recorded
# under (the event "reopen" names it with its point).
REOPENING_STEPS = {"satisfy": "provider_satisfied", "decide": "reviewing_body_upheld",
                   "decide_appeal": "quality_body_upheld", "court_decide": "court_upheld"}


def next_state(moves: dict[str, dict[str, str]], state: str, action: str, *, what: str, ident: int) -> str:
    allowed = moves.get(state, {})
    if action not in allowed:
        options = ", ".join(sorted(allowed)) or "none (final state)"
        hint = ""
        if what == "case" and state in REOPEN_FROM and action in ("accept", "refuse"):
            hint = ("; a decision is taken again only after a complaint about it is satisfied or upheld "
                    "(rules, point 65)")
        # a conflict with the record's current state: most often another operator moved it first
        raise ConflictError(f"{what} {ident} is {state}: cannot {action}; allowed: {options}{hint}")
    return allowed[action]


def case_next(state: str, action: str, ident: int) -> str:
    return next_state(CASE_MOVES, state, action, what="case", ident=ident)


def complaint_next(state: str, action: str, ident: int) -> str:
    return next_state(COMPLAINT_MOVES, state, action, what="complaint", ident=ident)
