"""Experience.references: every act a criterion cites, in order (issue 3, defect 2)."""

from __future__ import annotations

from kzqual.positions.requirements.experience import parse_experience
from kzqual.positions.requirements.refs import find_references

TWO = (
    "Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 5084 болып тіркелген "
    "Төрағасының 2008 жылғы 9 қаңтардағы № 02-01-02/5 бұйрығымен бекітілген Мемлекеттік "
    "әкімшілік лауазым санаттарына қойылатын үлгілік біліктілік талаптарына және нормативтік "
    "құқықтық актілерді мемлекеттік тіркеу тізілімінде № 5493 болып тіркелген Қаржы министрінің "
    "2008 жылғы 30 желтоқсандағы № 648 бұйрығымен бекітілген Ішкі бақылау қызметтерінің "
    "қызметкерлеріне арналған үлгілік біліктілік талаптарына сәйкес."
)


def test_two_cited_acts_in_order() -> None:
    exp = parse_experience(TWO, "kk")
    regs = [r.registration_number for r in exp.references]
    assert regs == ["5084", "5493"]
    assert [r.number for r in exp.references] == ["02-01-02/5", "648"]
    assert [r.date for r in exp.references] == ["2008-01-09", "2008-12-30"]
    assert exp.reference is not None and exp.reference.registration_number == "5084"


def test_one_cited_act_is_the_reference() -> None:
    one = TWO.split(" және ")[0] + " сәйкес."
    refs = find_references(one, "kk")
    assert len(refs) == 1 and refs[0].registration_number == "5084"
    assert find_references("Жұмыс өтілі 2 жылдан кем емес.", "kk") == []


def test_seed_003_post_cites_both_acts(act_path) -> None:
    from kzqual.positions import extract_file

    ex = extract_file(act_path("ara_9_kk"))
    posts = [p for p in ex.positions if "5493" in p.experience.text]
    assert posts, "seed 003 has a post citing reg. 5493"
    for p in posts:
        assert [r.registration_number for r in p.experience.references] == ["5084", "5493"]
