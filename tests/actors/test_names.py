"""People named across an article: cues for unknown names, partial names, status by date, sector names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dragoman.actors.naming import load_sector_names
from dragoman.actors.persons import load_person_words
from dragoman.errors import DataFileError
from dragoman.pipeline import Pipeline, trace
from dragoman.records import ActorMention, Article


def _mentions(pipeline: Pipeline, text: str, date: str = "2016-05-01") -> dict[str, ActorMention]:
    article = Article("t", text, "test", date=dt.date.fromisoformat(date))
    return {m.span.text: m for m in trace(pipeline, article, until="actors").actors}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The plan will fail, according to Dalia Ghanem Yazbeck of the Carnegie Middle East Center.", "Dalia Ghanem Yazbeck"),
        ("Retired Brigadier General Haldun Solmazturk heads the 21st Century Turkey Institute.", "Haldun Solmazturk"),
        ("It quoted immigration barrister Colin Yeo on the new rules.", "Colin Yeo"),
        ("Colonel Steve Warren, a spokesman for the coalition, spoke on Monday.", "Steve Warren"),
    ],
)
def test_a_name_the_text_marks_as_a_person_is_found_without_its_title(pipeline: Pipeline, text: str, name: str) -> None:
    m = _mentions(pipeline, text)
    assert name in m, sorted(m)
    assert m[name].actor.kind == "person"
    assert m[name].actor.name == name


def test_honorific_and_family_name_first_link_to_the_person_named_before(pipeline: Pipeline) -> None:
    m = _mentions(pipeline, "North Korean leader Kim Jong Un fired two missiles. Mr. Kim said he would not stop. "
                            "Chinese Foreign Minister Wang Yi spoke later. Wang said talks went well.")
    assert m["Kim"].actor.name == "Kim Jong Un" and m["Kim"].rule == "person.surname"
    assert m["Kim"].antecedent is not None and m["Kim"].antecedent.text == "North Korean leader Kim Jong Un"
    assert m["Wang"].actor.name == "Wang Yi"


def test_a_month_is_not_the_surname_of_a_person_named_may(pipeline: Pipeline) -> None:
    m = _mentions(pipeline, "Theresa May spoke in London. The vote is on May 12.", "2018-05-01")
    assert "May" not in m


@pytest.mark.parametrize(("date", "code"), [("2015-06-01", "USAELI"), ("2010-06-01", "USAGOV")])
def test_a_person_out_of_office_is_elite_not_government(pipeline: Pipeline, date: str, code: str) -> None:
    m = _mentions(pipeline, "Hillary Clinton spoke to reporters.", date)
    assert m["Hillary Clinton"].actor.code == code


def test_sector_actors_are_named_for_their_sector(pipeline: Pipeline) -> None:
    m = _mentions(pipeline, "Russian forces shelled the town. Syrian officials protested. U.S. officials said nothing.")
    assert m["Russian forces"].actor.name == "Armed forces of Russia"
    assert m["Syrian officials"].actor.name == "Government of Syria"
    assert m["U.S. officials"].actor.name == "Government of the United States"


def test_person_words_file_with_a_bad_class_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "words.tsv"
    bad.write_text("# words\nword\tclass\nsaid\tspeech\nfoo\tnonsense\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"words.tsv:4: class 'nonsense'"):
        load_person_words(bad)


def test_sector_names_cover_known_sectors() -> None:
    names = load_sector_names()
    assert names.labels["GOV"] == "government" and names.labels["MIL"] == "armed forces"


def test_definite_descriptions_refer_back_to_the_entity_named_before(pipeline: Pipeline) -> None:
    m = _mentions(pipeline, "Philippine President Rodrigo Duterte visited Beijing. The president said ties were good. "
                            "Islamic State claimed the attack. The group said it killed 20. "
                            "A senior U.S. official said sanctions were coming. The official declined to give details.", "2016-10-31")
    assert m["president"].actor.name == "Rodrigo Duterte" and m["president"].rule == "definite.title"
    assert m["group"].actor.name == "Islamic State"
    assert m["official"].actor.code == "USAGOV" and m["official"].antecedent is not None


def test_a_bare_title_without_antecedent_is_the_holder_in_the_leading_country(pipeline: Pipeline) -> None:
    m = _mentions(pipeline, "Russia closed the border. Moscow said the president had ordered it.", "2016-10-31")
    assert m["president"].actor.name == "Vladimir Putin" and m["president"].rule == "definite.title-holder"


def test_a_leaders_name_before_an_organ_of_state_names_that_organ(pipeline: Pipeline) -> None:
    m = _mentions(pipeline, "The Assad regime bombed the town. Assad's forces advanced.", "2016-09-09")
    assert m["Assad regime"].actor.code == "SYRGOV" and m["Assad regime"].actor.name == "Government of Syria"
    assert m["Assad's forces"].actor.code == "SYRMIL"


def test_hyphenated_names_stay_whole_and_ner_runs_stop_at_the_name(pipeline: Pipeline) -> None:
    m = _mentions(pipeline, "Wu Chi-wai said it was over. Professor Houchang Hassan-Yari told VOA.", "2016-09-09")
    assert "Wu Chi-wai" in m and "Houchang Hassan-Yari" in m


def test_a_run_opening_with_a_known_given_name_is_a_person_but_not_a_place(pipeline: Pipeline) -> None:
    m = _mentions(pipeline, "Veteran lawmakers Paul Tse and Gary Fan lost their seats. Obama spoke in the Rose Garden.")
    assert m["Paul Tse"].actor.kind == "person"
    assert "Rose Garden" not in m


def test_given_names_come_from_the_knowledge_base(pipeline: Pipeline) -> None:
    given = pipeline.actors.person_words.given
    assert {"john", "ahmed", "vladimir"} <= given
    assert not {"jordan", "general", "president"} & given


def test_a_plural_title_after_a_country_is_its_government(pipeline: Pipeline) -> None:
    m = _mentions(pipeline, "Ukrainian leaders fear the new administration. Top al-Qaeda leaders met in Yemen.", "2017-01-17")
    assert m["Ukrainian leaders"].actor.code == "UKRGOV" and m["Ukrainian leaders"].actor.name == "Government of Ukraine"
    assert m["al-Qaeda leaders"].actor.name == "al-Qaeda"


def test_the_militants_are_the_armed_group_named_before_and_their_pronoun_follows(pipeline: Pipeline) -> None:
    m = _mentions(pipeline, "Islamic State claimed the attack in Brussels. The militants said they would strike again.", "2016-06-09")
    assert m["militants"].actor.code == "IMGINSISI" and m["militants"].rule == "definite.militant"
    assert m["they"].actor.code == "IMGINSISI"


def test_a_surname_before_of_its_organisation_is_the_person(pipeline: Pipeline) -> None:
    m = _mentions(pipeline, "Carl Meacham spoke first. Later Meacham of the Center for Strategic and International Studies spoke again.")
    assert m["Meacham"].actor.name == "Carl Meacham"
