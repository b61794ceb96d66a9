"""Spot checks of the US, international-organisation and armed-group offices 2014-2025
(people.us_igo_2014.tsv, roles.us_igo_2014.tsv) through the public lookups."""

from __future__ import annotations

import datetime as dt

import pytest

from dragoman.actors import load_knowledge, person_actor, title_holder

KB = load_knowledge()


@pytest.mark.parametrize(
    ("org", "title", "day", "holder"),
    [
        ("USA", "treasury secretary", "2018-06-01", "steven-mnuchin"),
        ("USA", "Treasury Secretary", "2022-06-01", "janet-yellen"),
        ("USA", "attorney general", "2018-01-01", "jeff-sessions"),
        ("USA", "interior secretary", "2018-01-01", "ryan-zinke"),
        ("USA", "homeland security secretary", "2018-06-01", "kirstjen-nielsen"),
        ("USA", "trade representative", "2019-06-01", "robert-lighthizer"),
        ("USA", "ambassador to the UN", "2020-01-01", "kelly-craft"),
        ("USA", "speaker", "2020-01-01", "nancy-pelosi"),
        ("USA", "senate majority leader", "2016-06-01", "mitch-mcconnell"),
        ("USA", "house minority leader", "2021-06-01", "kevin-mccarthy"),
        ("USA", "senate foreign relations committee chairman", "2016-06-01", "bob-corker"),
        ("USA", "house intelligence committee chairman", "2017-06-01", "devin-nunes"),
        ("IGOWSTNAT", "secretary general", "2015-06-01", "jens-stoltenberg"),
        ("IGOUNOIAE", "director general", "2015-06-01", "yukiya-amano"),
        ("IGOUNOESC", "director-general", "2015-06-01", "irina-bokova"),
        ("IGOGLBOPW", "director general", "2019-06-01", "fernando-arias"),
        ("IGOEUREECPAR", "president", "2018-06-01", "antonio-tajani"),
        ("DZAINSAQM", "leader", "2015-06-01", "abdelmalek-droukdel"),
    ],
)
def test_title_holder_on_a_day(org: str, title: str, day: str, holder: str) -> None:
    found = title_holder(KB, org, title.lower(), dt.date.fromisoformat(day))
    assert found is not None and found.id == holder


@pytest.mark.parametrize(
    ("person", "day", "code"),
    [
        ("bob-corker", "2016-06-01", "USALEG"),
        ("steven-mnuchin", "2018-06-01", "USAGOV"),
        ("zabihullah-mujahid", "2019-01-01", "AFGINSTAL"),
        ("zabihullah-mujahid", "2022-01-01", "AFGGOV"),
        ("yevgeny-prigozhin", "2022-01-01", "RUSUAFWAG"),
        ("roberta-metsola", "2023-01-01", "IGOEUREECPAR"),
    ],
)
def test_person_coded_by_office_on_a_day(person: str, day: str, code: str) -> None:
    assert person_actor(KB, KB.people[person], dt.date.fromisoformat(day)).code == code


def test_senate_committee_chairs_changed_with_the_organizing_resolution_of_2021() -> None:
    # the 50-50 Senate of 2021: Republican chairs kept their gavels until 3 February
    title = "senate foreign relations committee chairman"
    before = title_holder(KB, "USA", title, dt.date(2021, 1, 25))
    after = title_holder(KB, "USA", title, dt.date(2021, 2, 10))
    assert before is not None and before.id == "jim-risch"
    assert after is not None and after.id == "bob-menendez"
