"""The eligibility form's reader (field errors, nothing dropped), one line per post, the
search-then-pick step and /compare over the live server, without a browser."""

from __future__ import annotations

import re

import httpx
import pytest

from kzqual.i18n import LANGS, t
from kzqual.web.eligibility_form import read_form

from staff import csrf_of


def test_every_problem_is_an_error_on_its_field():
    profile, errors = read_form({"as_of": "x", "edu_level": "higher", "edu_pg_kind": "master",
                                 "edu_completed": "2020-02-30", "computer_skills": "maybe",
                                 "w0_employer": "Мектеп", "w1_start": "2015-01-01", "w1_end": "2014-01-01",
                                 "w2_start": "2016-01-01"}, "kk")
    fields = {e.field: e.key for e in errors}
    assert fields == {"edu_pg_kind": "web.formerr.pg_kind", "edu_completed": "web.formerr.date",
                      "computer_skills": "web.formerr.choice", "w0_start": "web.formerr.work_start",
                      "w1_end": "web.formerr.end_before_start"}
    # the rows that are right still make a profile (the page shows it only once all is right)
    assert [w["start"] for w in profile["work"]] == ["2016-01-01"]
    for e in errors:
        for lang in LANGS:
            assert e.text(lang) != e.key and "{" not in e.text(lang)
    assert "2020-02-30" in errors[[e.field for e in errors].index("edu_completed")].text("ru")


def test_a_row_with_only_a_box_ticked_asks_for_its_start():
    _, errors = read_form({"w0_state": "1"})
    assert [(e.field, e.params) for e in errors] == [("w0_start", {"row": 1})]
    assert t("web.formerr.work_start", "kk", row=1).startswith("1-")


def _post(web_url: str, data: dict, path: str = "/eligibility?lang=en") -> httpx.Response:
    with httpx.Client(base_url=web_url, timeout=120) as c:
        token = csrf_of(c.get("/eligibility").text)
        return c.post(path, data={**data, "csrf_token": token}, follow_redirects=False)


def test_find_step_offers_posts_and_keeps_answers(web_url):
    r = _post(web_url, {"post_q": "инспектор", "find": "Find", "w0_employer": "Мектеп", "edu_level": "higher"})
    assert r.status_code == 200 and 'id="verdict"' not in r.text
    radios = re.findall(r'type="radio" name="position_id" value="([^"]*)"', r.text)
    assert len(radios) >= 3 and radios[-1] == ""  # the last choice: no post
    # "инспектор": the six inspectors of order 134 (in force) come before a post of a repealed act
    assert [v.startswith("15125-") for v in radios[:-1]] == sorted((v.startswith("15125-") for v in radios[:-1]),
                                                                 reverse=True)
    assert sum(v.startswith("15125-g2-") for v in radios) == 6
    assert 'value="Мектеп"' in r.text and '<option value="higher" selected>' in r.text


def test_a_query_without_a_picked_post_is_the_find_step_too(web_url):
    # Enter in the search box without JavaScript sends the form with "Check": it searches
    r = _post(web_url, {"post_q": "инспектор"})
    assert r.status_code == 200 and 'type="radio" name="position_id"' in r.text


def test_no_post_picked_from_the_choices_checks_the_profile_alone(web_url):
    r = _post(web_url, {"post_q": "инспектор", "position_id": "", "picked": "1", "as_of": "2020-01-01",
                        "edu_level": "higher"})
    assert r.status_code == 200 and 'id="qualified"' in r.text and 'id="verdict"' not in r.text
    assert 'type="radio" name="position_id"' not in r.text


def test_unknown_post_is_an_error_on_the_search_field(web_url):
    r = _post(web_url, {"position_id": "nope-1", "edu_level": "higher"})
    assert r.status_code == 400 and 'id="err-post_q"' in r.text
    assert t("web.formerr.post", "en") in r.text


def test_bad_json_profile_keeps_the_text_and_says_why(web_url):
    r = _post(web_url, {"profile_json": '{"education": ['}, "/eligibility?lang=ru")
    assert r.status_code == 400 and 'id="err-profile_json"' in r.text
    assert '{&#34;education&#34;: [</textarea>' in r.text  # what was pasted comes back
    assert t("web.formerr.json", "ru") in r.text


def test_qualified_lines_name_body_and_category_without_internal_keys(web_url):
    r = _post(web_url, {"as_of": "2020-01-01", "edu_level": "higher", "edu_specialty": "s-quqyqtanu",
                        "computer_skills": "yes", "special_training": "yes", "include_repealed": "1",
                        "w0_employer": "M", "w0_start": "2005-01-01", "w0_state": "1", "w0_lead": "1"})
    qualified = r.text.split('id="qualified"', 1)[1].split("</section>", 1)[0]
    lines = re.findall(r"<li>(.*?)</li>", qualified, re.S)
    assert len(lines) == 20  # the first page of 57
    assert all('class="post-where' in x for x in lines)  # department and state body on every line
    assert "Қазақстан Республикасы Төтенше жағдайлар министрлігі" in qualified  # the body (MES order 161)
    assert "higher_qualification" not in qualified and '<span class="badge cat"></span>' not in qualified
    assert "reg-9344" not in re.sub(r'href="[^"]*"', "", qualified)  # no act key as text


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_compare_page(web_url, lang):
    r = httpx.get(f"{web_url}/compare", params=[("ids", "9344-a1-26"), ("ids", "nope"), ("ids", "15125-g1-p1"),
                                                ("lang", lang)], timeout=60)
    assert r.status_code == 200
    assert t("web.error.not_found.position", lang, id="nope") in r.text
    assert r.text.count('<tr class="row-') == 7  # act, category, education, experience, grades, competence, knowledge
    assert len(re.findall(r'<td data-label="1\. ', r.text)) == 7 and len(re.findall(r'<td data-label="2\. ', r.text)) == 7
    many = httpx.get(f"{web_url}/compare?ids=9344-a1-26,9344-a1-39,9344-a1-45,9344-a1-52&lang={lang}", timeout=60)
    assert t("web.compare.too_many", lang, n=3) in many.text and 'data-label="4. ' not in many.text
    empty = httpx.get(f"{web_url}/compare?lang={lang}", timeout=60)
    assert empty.status_code == 200 and 'id="compare-q"' in empty.text
