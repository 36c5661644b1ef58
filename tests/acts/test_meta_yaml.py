"""meta.yaml -> act metadata, each value's source the meta file, and its cross-check against the
text.  Expected values are read off the files in tests/corpus/ (copied from ../shared/corpus)."""

from __future__ import annotations

import shutil
from pathlib import Path

from kzqual.acts import parse_file

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_meta_fields_map_to_the_act():
    # meta.yaml: requisite "Приказ и.о. Министра юстиции … от 7 марта 2014 года № 99.
    # Зарегистрирован … 20 марта 2014 года № 9257. Утратил силу приказом Министра юстиции …
    # от 27 февраля 2015 года № 125"; version_date rus 2014-03-07; source rus zan.gov.kz/…/rus/07.03.2014
    p = parse_file(CORPUS / "adilet-2014-78709" / "rus.md")
    a = p.act
    assert (a.language, a.act_type, a.date, a.number) == ("ru", "order", "2014-03-07", "99")
    assert (a.registration.number, a.registration.date) == ("9257", "2014-03-20")
    assert a.title == "Об утверждении Правил проведения конкурса на вакантную должность частного судебного исполнителя"
    assert a.status == "repealed"
    # the repealing act as the requisite names it (its "№ 125" is read by the reference reader)
    assert a.repealed_by.date == "2015-02-27" and "№ 125" in a.repealed_by.text
    assert a.version_date == "2014-03-07" and a.act_code == "78709"
    assert a.source_url == "https://zan.gov.kz/client/#!/doc/78709/rus/07.03.2014"
    meta = str(CORPUS / "adilet-2014-78709" / "meta.yaml")
    for field in ("title", "date", "number", "registration", "version_date", "source_url"):
        assert a.provenance[field] == meta, field
    assert a.key == "reg-9257"


def test_kazakh_text_takes_its_kazakh_title_and_same_identity():
    kk = parse_file(CORPUS / "adilet-2014-78709" / "kaz.md").act
    ru = parse_file(CORPUS / "adilet-2014-78709" / "rus.md").act
    assert kk.language == "kk" and kk.title == "Жеке сот орындаушысының бос лауазымына конкурс өткізу қағидасын бекіту туралы"
    assert kk.key == ru.key and (kk.date, kk.number) == (ru.date, ru.number)


def test_structure_of_a_markdown_act():
    # rus.md: "1. Утвердить …" … "5. Настоящий приказ вводится в действие …"; a stamp "> *Утверждены*"
    p = parse_file(CORPUS / "adilet-2014-78709" / "rus.md")
    points = [n for n in p.structure if n.kind == "point"]
    assert [n.label for n in points] == ["1", "2", "3", "4", "5"]
    assert points[1].children and points[1].children[0].label == "1"  # "   1) приказ и.о. Министра …"
    # "> *Утверждены* …" then "## Правила проведения конкурса …"; raw 98: "> *Приложение*" to the Rules
    appendix = [n for n in p.structure if n.kind == "appendix"]
    assert appendix[0].title.startswith("Правила проведения конкурса") and appendix[0].lines.start == 27
    assert appendix[-1].text.startswith("Приложение") and appendix[-1].lines.start == 98
    assert p.act.entry_into_force.kind == "after_publication"


def test_number_mismatch_between_meta_and_stamp_is_a_warning():
    # adilet-2013-74437: meta.yaml requisite "… № 286"; kaz.md's stamp "… № 268 бұйрығымен бекітілген"
    p = parse_file(CORPUS / "adilet-2013-74437" / "kaz.md")
    mism = [w for w in p.warnings if w["code"] == "meta_mismatch"]
    assert [(w["params"]["field"], w["params"]["meta"], w["params"]["text"]) for w in mism] == [("number", "286", "268")]
    assert p.act.number == "286"  # the meta value is kept


def test_title_mismatch_names_both_values(tmp_path):
    act = tmp_path / "adilet-2015-96763"
    shutil.copytree(CORPUS / "adilet-2015-96763", act)
    text = (act / "rus.md").read_text(encoding="utf-8").split("\n")
    text[0] = "# Другой заголовок"
    (act / "rus.md").write_text("\n".join(text), encoding="utf-8")
    p = parse_file(act / "rus.md")
    w = next(w for w in p.warnings if w["code"] == "meta_mismatch")
    assert w["params"]["field"] == "title" and w["params"]["text"] == "Другой заголовок"
    assert w["params"]["meta"].startswith("Об утверждении Реестра") and w["lines"] == {"start": 1, "end": 1}
    assert p.act.title.startswith("Об утверждении Реестра")


def test_without_meta_the_stamp_gives_the_identity(tmp_path):
    act = tmp_path / "adilet-2015-96763"
    shutil.copytree(CORPUS / "adilet-2015-96763", act)
    (act / "meta.yaml").unlink()
    p = parse_file(act / "rus.md")
    # stamp: "Утвержден / приказом / Министра юстиции / Республики Казахстан / от 24 декабря 2015 года / № 641"
    assert (p.act.date, p.act.number) == ("2015-12-24", "641")
    assert any(w["code"] == "no_meta" for w in p.warnings)
