"""The web's "posts you qualify for" take only acts in force on the as-of date; widened, every post
of an act not in force carries a banner naming the repealing act (issue 12)."""

from __future__ import annotations

import json

import httpx

PERSON = {"education": [{"level": "higher", "field": "Юриспруденция"}],
          "work": [{"employer": "M", "state_service": True, "state_body": True, "start": "2005-01-01"}]}


def _ask(web_url: str, **extra) -> str:
    from staff import csrf_of

    with httpx.Client(base_url=web_url, timeout=120) as c:  # the form's CSRF token and its cookie
        token = csrf_of(c.get("/eligibility?lang=en").text)
        data = {"as_of": "2020-01-01", "profile_json": json.dumps(PERSON, ensure_ascii=False), "csrf_token": token,
                **extra}
        r = c.post("/eligibility?lang=en", data=data)
    assert r.status_code == 200, r.text[:500]
    return r.text


def test_only_acts_in_force_by_default_and_a_banner_when_widened(web_url):
    # On 2020-01-01 only MoD order 134 (reg. 15125) of the registry is in force; MES order 161 was
    # repealed by order No. 927 of 16.11.2015 (kk-mes-2014-161.txt, l.4-5).
    page = _ask(web_url)
    qualified = page.split('id="qualified"', 1)[1].split("</section>", 1)[0]
    ids = [chunk.split('"', 1)[0] for chunk in qualified.split('href="/positions/')[1:]]
    assert ids and all(i.startswith("15125-") for i in ids)
    assert 'class="notice warn small"' not in page
    wide = _ask(web_url, include_repealed="1")
    assert 'class="notice warn small"' in wide and "was repealed on" in wide
    assert "927" in wide  # the repealing act is named
