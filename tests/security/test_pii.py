"""No applicant's personal data in anything the public can fetch.

A visitor without a sign-in crawls the site: every public GET route filled with real ids (every act,
posts of every act), every link the pages show, the staff routes (which must refuse), and error
pages.  Every response is scanned for the test applicants' names, ИИН, addresses and phones and for
any 12-digit number with a valid ИИН check digit.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import httpx

from kzqual.api.policy import PUBLIC, ROUTES

from security_helpers import iin_like, pii_strings
from staff import csrf_of

LINK = re.compile(r'href="([^"#]+)"')


def _scan(path: str, r: httpx.Response, leaks: list[str]) -> None:
    text = r.text
    found = [s for s in pii_strings() if s in text] + iin_like(text)
    if found:
        leaks.append(f"{path} ({r.status_code}): {found[:5]}")


def _fill(template: str, values: dict[str, list[str]]) -> list[str]:
    names = re.findall(r"\{(\w+)\}", template)
    if not names:
        return [template]
    (name,) = names
    return [template.replace("{" + name + "}", v) for v in values[name]]


def test_public_responses_hold_no_personal_data(public_site):
    leaks: list[str] = []
    seen: set[str] = set()
    with httpx.Client(base_url=public_site.url, timeout=60) as c:
        acts = [a["key"] for a in c.get("/api/v1/acts?limit=100").json()["items"]]
        assert len(acts) == 5
        posts = [p["id"] for key in acts
                 for p in c.get(f"/api/v1/positions?act={key}&limit=3").json()["items"]]
        assert len(posts) >= 10
        # a saved eligibility check (the visitor's own answers; its page must show no applicant)
        token = csrf_of(c.get("/eligibility").text)
        shared = c.post("/eligibility/share", data={"csrf_token": token, "edu_level": "higher",
                                                    "as_of": "2020-01-01"}, follow_redirects=False)
        assert shared.status_code == 303, shared.text[:300]
        saved = shared.headers["location"].split("/")[-1].split("#")[0]
        values = {"key": acts, "position_id": posts, "saved_id": [saved]}

        def get(path: str) -> httpx.Response:
            seen.add(path)
            r = c.get(path)
            _scan(path, r, leaks)
            return r

        # every public GET route, with real ids
        mounts = ("/static", "/api/v1/docs/assets")  # folders of files (no person in them)
        public_gets = [p for (m, p), op in ROUTES.items() if m == "GET" and op == PUBLIC and p not in mounts]
        for template in public_gets:
            for path in _fill(template, values):
                assert get(path).status_code == 200, path
        # (a search for a name only echoes the visitor's own words back, so none is made here)
        for path in ("/api/v1/services/groups", "/api/v1/services/groups?limit=100", "/?q=жүргізуші"):
            get(path)
        # the staff routes refuse the public, and say nothing about anyone while refusing
        for path in ("/api/v1/services/cases", "/api/v1/services/cases/1", "/api/v1/services/cases/2",
                     "/api/v1/services/complaints", "/api/v1/services/complaints/1",
                     "/api/v1/services/reports/n6?year=2024&half=1",
                     "/api/v1/services/reports/n6?year=2024&half=1&format=csv", "/services",
                     "/services/cases/1", "/services/complaints/1", "/services/report?year=2024&half=1",
                     "/services?state=accepted", "/api/v1/services/cases?state=refused"):
            assert get(path).status_code == 401, path
        # error pages
        for path in ("/nope", "/acts/reg-0", "/positions/nope", "/api/v1/acts/nope", "/api/v1/nope",
                     "/services/cases/999", "/api/v1/services/cases/abc"):
            assert get(path).status_code in (401, 404, 422), path
        # and every link the public pages show, breadth first (bounded)
        queue = ["/", "/acts", "/eligibility", "/signin", "/?q=маман"] + [f"/acts/{k}" for k in acts]
        crawled: set[str] = set()
        while queue and len(crawled) < 250:
            path = queue.pop(0)
            if path in crawled:
                continue
            crawled.add(path)
            r = get(path)
            if "text/html" not in r.headers.get("content-type", ""):
                continue
            for href in LINK.findall(r.text):
                target = urlparse(urljoin(public_site.url + path, href.replace("&amp;", "&")))
                if target.netloc == urlparse(public_site.url).netloc and not target.path.startswith("/static"):
                    full = target.path + (f"?{target.query}" if target.query else "")
                    if full not in crawled and full not in queue:
                        queue.append(full)
        assert len(crawled) >= 100, len(crawled)
    assert leaks == [], leaks


def test_the_same_data_reaches_staff(public_site):
    """The scan can see a leak: signed-in staff get exactly the strings the public must not."""
    headers = {"Authorization": f"Bearer {public_site.tokens['admin']}"}
    with httpx.Client(base_url=public_site.url, timeout=60, headers=headers) as c:
        text = c.get("/api/v1/services/cases").text
    assert all(s in text for s in pii_strings())
    assert len(set(iin_like(text))) == 3
