"""An act's status on the as-of date of a check: in force, repealed (when, by what), not yet in force.

Policy (README section ``rules``): the verdict of ``check`` is still computed from the act's
requirements, but a post of an act that is not in force on the as-of date cannot ground a real
appointment, so the answer always carries the act's status and, when it is not in force,
``act_in_force: false`` with the reason.  Dates come from what the act's text says (the registry's
``effective_from`` / ``repealed_on``), never guessed; an act with no status data is ``unknown``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kzqual.i18n import t

LANGS = ("kk", "ru", "en")


@dataclass(frozen=True, slots=True)
class ActStatus:
    act: str
    as_of: str
    status: str  # in_force | repealed | not_yet_in_force | unknown
    effective_from: str | None = None
    repealed_on: str | None = None
    repealed_by: str | None = None  # the repealing act as the text names it

    @property
    def in_force(self) -> bool | None:
        return None if self.status == "unknown" else self.status == "in_force"

    def reason(self, lang: str) -> str:
        return t(f"rules.act_status.{self.status}", lang, act=self.act, date=self.as_of,
                 repealed_on=self.repealed_on or "?", repealed_by=self.repealed_by or "?",
                 effective_from=self.effective_from or "?")

    def as_dict(self) -> dict:
        return {"act": self.act, "as_of": self.as_of, "status": self.status, "in_force": self.in_force,
                "effective_from": self.effective_from, "repealed_on": self.repealed_on,
                "repealed_by": self.repealed_by, "reason": {lang: self.reason(lang) for lang in LANGS}}


def status_on(act: str, as_of: date, *, status: str | None, effective_from: str | None,
              repealed_on: str | None, repealed_by: str | None) -> ActStatus:
    """The status on ``as_of`` from the act's own status as its text states it (pure)."""
    day = as_of.isoformat()
    base = dict(act=act, as_of=day, effective_from=effective_from, repealed_on=repealed_on,
                repealed_by=repealed_by)
    if status is None:
        return ActStatus(status="unknown", **base)
    # the registry's own rule, so a check and an as-of query never disagree
    from kzqual.store.rows import status_on_date

    return ActStatus(status=status_on_date(status, effective_from, repealed_on, day), **base)


def from_act(act, as_of: date) -> ActStatus:
    """From a parsed :class:`kzqual.acts.model.Act` (``--act`` files)."""
    from kzqual.store.rows import effective_from

    rb = act.repealed_by if act.status == "repealed" else None
    return status_on(act.key, as_of, status=act.status, effective_from=effective_from(act),
                     repealed_on=rb.date if rb else None,
                     repealed_by=(" ".join((rb.text or "").split()) or None) if rb else None)


def from_store(store, act_key: str, as_of: date) -> ActStatus:
    """From the registry's current version of the act (``unknown`` if it cannot be read)."""
    try:
        s = store.get_act(act_key).summary
    except Exception:  # an act row missing for a stored post: say so rather than fail the check
        return status_on(act_key, as_of, status=None, effective_from=None, repealed_on=None, repealed_by=None)
    return status_on(act_key, as_of, status=s.status, effective_from=s.effective_from,
                     repealed_on=s.repealed_on, repealed_by=s.repealed_by)


def banner(st: ActStatus | None) -> dict | None:
    """What a verdict under an act not in force carries (``None`` when the act is in force): the
    act's status with its reason in kk/ru/en, which names the repealing act."""
    if st is None or st.in_force is True:
        return None
    return st.as_dict()


def in_force_filter(posts, status_of) -> list:
    """The posts whose act is in force (``status_of(act_key) -> ActStatus``, asked once per act);
    an act whose status is unknown is not taken as in force."""
    memo: dict[str, bool] = {}
    out = []
    for p in posts:
        ok = memo.get(p.act_key)
        if ok is None:
            ok = memo[p.act_key] = status_of(p.act_key).in_force is True
        if ok:
            out.append(p)
    return out
