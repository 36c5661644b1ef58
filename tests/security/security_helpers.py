"""The registry the security tests attack: two offices' cases (one with a complaint), four staff
users, the bootstrap admin, and the test applicants whose data must never reach the public.
(A uniquely named module: every area has a ``conftest``.)"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from kzqual.services.iin import make_iin

BOOT = "boot-token-security"

# The applicants: every one of these strings is personal data (names, ИИН, address, phone).
APPLICANTS = [
    {"iin": make_iin(date(2004, 5, 17), "m", 11), "surname": "Сейітов", "name": "Ерлан", "patronymic": "Болатұлы",
     "address": "Астана қ., Бейбітшілік к-сі 14", "phone": "+7 701 555 01 02"},
    {"iin": make_iin(date(2003, 2, 1), "f", 12), "surname": "Жұмабаева", "name": "Айгерім", "patronymic": None,
     "address": "Астана қ., Сарыарқа д-лы 8", "phone": "+7 702 555 03 04"},
    {"iin": make_iin(date(2005, 9, 30), "m", 13), "surname": "Пашенцев", "name": "Тимофей", "patronymic": None,
     "address": "Алматы қ., Абай д-лы 150", "phone": "+7 705 555 05 06"},
]
OFFICES = ["astana", "astana", "almaty"]  # case 1, 2, 3


def pii_strings() -> list[str]:
    out = []
    for a in APPLICANTS:
        out += [a["iin"], a["surname"], a["name"], a["address"], a["phone"]]
        if a["patronymic"]:
            out.append(a["patronymic"])
    return out


_TWELVE = re.compile(r"(?<!\d)\d{12}(?!\d)")


def iin_like(text: str) -> list[str]:
    """12-digit runs that pass the ИИН check digit (any applicant's, not only the test ones)."""
    from kzqual.services.iin import check_digit

    return [m for m in _TWELVE.findall(text) if check_digit(m[:11]) == int(m[11])]


@dataclass
class Secured:
    url: str
    db: str
    tokens: dict[str, str] = field(default_factory=dict)  # role name -> token


def populate(db: str) -> dict[str, str]:
    """Cases, a complaint and the staff users; returns their tokens by role name."""
    from kzqual.services.cases import ServiceDesk
    from kzqual.services.users import Users
    from kzqual.store import open_store

    with open_store(db, create=True) as store:
        desk = ServiceDesk(store.engine)
        g = desk.add_group(number="3", profile="жүргізуші", planned_creation=date(2024, 4, 1),
                           period_start=date(2024, 4, 15), period_end=date(2024, 6, 28))
        for i, (person, office) in enumerate(zip(APPLICANTS, OFFICES), start=1):
            app = {**person, "addressee": "Қорғаныс істері департаментінің", "branch": "Әскери-техникалық мектеп",
                   "documents": ["медкарта"], "consent": True, "signed_with": "eds"}
            desk.apply(app, at=datetime(2024, 3, 20 + i, 10), actor="portal", office=office)
        desk.accept(1, group_id=g.id, at=datetime(2024, 3, 27, 11), actor="officer A")
        desk.refuse(2, grounds=[1], reason="деректер нақты емес", at=datetime(2024, 3, 28, 10), actor="officer A")
        desk.complain(2, target="decision", text="Шешіммен келіспеймін", at=datetime(2024, 3, 29, 15),
                      actor="applicant")
        users = Users(store.engine)
        return {
            "operator": users.add("op-astana", role="operator", office="astana"),
            "operator_other": users.add("op-almaty", role="operator", office="almaty"),
            "reviewer": users.add("reviewer", role="reviewer"),
            "admin": users.add("root", role="admin"),
            "disabled": users.add("gone", role="operator", office="astana"),
        }
