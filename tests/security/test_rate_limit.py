"""Wrong tokens and failed sign-ins are throttled: five failures a minute per client address (or per
user name) and then 429 with Retry-After, whatever is sent — counted, never timed."""

from __future__ import annotations

import httpx

from kzqual.api.throttle import Throttle

from staff import csrf_of


def test_two_thousand_wrong_tokens_get_429_after_five(fresh_server):
    site = fresh_server()
    statuses: dict[int, int] = {}
    with httpx.Client(base_url=site.url, timeout=60) as c:
        for i in range(2000):
            # shaped like a real user's token half the time (then its prefix names nobody)
            token = f"kzq_{i:08x}_guess{i}" if i % 2 else f"guess-{i}"
            r = c.get("/api/v1/services/cases", headers={"Authorization": f"Bearer {token}"})
            statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
        assert statuses == {401: 5, 429: 1995}
        r = c.get("/api/v1/services/cases", headers={"Authorization": "Bearer guess"})
        assert r.json()["error"]["code"] == "too_many_attempts" and 1 <= int(r.headers["retry-after"]) <= 60
        # while the address is blocked even the right token waits (guessing gains nothing) ...
        ok = c.get("/api/v1/services/cases", headers={"Authorization": f"Bearer {site.tokens['operator']}"})
        assert ok.status_code == 429
        # ... and public reads are untouched
        assert c.get("/api/v1/acts").status_code == 200


def test_failed_sign_ins_are_throttled_per_address(fresh_server):
    site = fresh_server()
    with httpx.Client(base_url=site.url, timeout=60) as c:
        token = csrf_of(c.get("/signin").text)
        codes = [c.post("/signin", data={"csrf_token": token, "name": "op-astana", "token": f"kzq_00000000_{i}"},
                        follow_redirects=False).status_code for i in range(20)]
        assert codes == [401] * 5 + [429] * 15
        right = c.post("/signin", data={"csrf_token": token, "name": "op-astana", "token": site.tokens["operator"]},
                       follow_redirects=False)
        assert right.status_code == 429 and "retry-after" in right.headers


def test_throttle_counts_per_key_and_forgets_after_the_window():
    now = [1000.0]
    th = Throttle(limit=5, window=60, clock=lambda: now[0])
    for _ in range(4):
        th.fail("ip:a", "user:x")
    assert th.retry_after("ip:a") is None
    th.fail("ip:b", "user:x")  # a fifth failure for user x, from another address
    assert th.retry_after("ip:b") is None and th.retry_after("user:x") == 60
    assert th.retry_after("ip:c", "user:x") == 60  # any address, once the user is blocked
    now[0] += 30
    assert th.retry_after("user:x") == 30
    now[0] += 30.5
    assert th.retry_after("user:x") is None
