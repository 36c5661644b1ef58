"""The checks the standard names, enforced and explained: grounds for refusal (point 9), the
paid-training window (point 10), the fee (point 6).  Each failure is an :class:`InputError`
whose message cites the standard's point and lines."""

from __future__ import annotations

from datetime import date

from kzqual.errors import InputError
from kzqual.services.standard import Standard


def check_refusal_grounds(grounds: list[int] | tuple[int, ...], standard: Standard) -> tuple[int, ...]:
    known = standard.refusal_grounds()
    if not grounds:
        raise InputError(
            "a refusal needs at least one ground of the standard (point 9: "
            + ", ".join(f"{n}) {known[n].text('en') if 'en' in known[n].label else known[n].text('kk')}"
                        for n in sorted(known)) + ")", code="refusal_without_ground")
    bad = sorted({g for g in grounds if g not in known})
    if bad:
        raise InputError(f"unknown refusal ground(s) {bad}: the standard lists only {sorted(known)} "
                         f"({known[min(known)].where().split(',')[0]}, point 9)", code="unknown_ground")
    return tuple(sorted(set(grounds)))


def paid_window(year: int, standard: Standard) -> tuple[date, date]:
    w = standard.get("paid_window")
    fm, fd = (int(x) for x in w["from"].split("-"))
    tm, td = (int(x) for x in w["to"].split("-"))
    return date(year, fm, fd), date(year, tm, td)


def check_paid_window(start: date, end: date, standard: Standard) -> None:
    """Training on a paid basis must lie within 1 February - 20 December of one year."""
    lo, hi = paid_window(start.year, standard)
    if not (lo <= start and end <= hi):
        sv = standard["paid_window"]
        raise InputError(
            f"paid training {start}..{end} is outside {lo}..{hi}: {sv.text('kk')} ({sv.where()})",
            code="outside_paid_window")


def fee_due(basis: str, standard: Standard) -> int:
    return int(standard.get("fee")) if basis == "paid" else 0


def check_fee_paid(fee: int, paid: int, standard: Standard) -> None:
    if paid < fee:
        sv = standard["fee"]
        raise InputError(
            f"fee not paid: {paid} of {fee} tenge recorded; {sv.text('kk')} ({sv.where()}); "
            "record the payment first (setting require_payment_before_training)",
            code="fee_unpaid")


def check_no_overpayment(fee: int, paid: int, amount: int, standard: Standard) -> None:
    """Refuse a payment that would take the total recorded past the standard's fee."""
    if paid + amount > fee:
        sv = standard["fee"]
        raise InputError(
            f"overpayment refused: {paid} + {amount} = {paid + amount} tenge exceeds the fee of {fee} tenge; "
            f"{sv.text('kk')} ({sv.where()}); at most {max(fee - paid, 0)} tenge can still be recorded",
            code="overpayment")
