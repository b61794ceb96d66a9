"""Force acts with no named target, aimed at the adversary the article establishes for their source
(events/adversary.py), and "the North"/"the South" for a divided country's halves (actors/pronouns.py);
invented sentences."""

from __future__ import annotations

import datetime as dt

from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Article, CodedArticle, Event

def _events(pipeline: Pipeline, text: str, date: str = "2021-05-10") -> list[Event]:
    result = code_article(pipeline, Article("t", text, "test", date=dt.date.fromisoformat(date)))
    assert isinstance(result, CodedArticle)
    return list(result.events)


def _aimed(events: list[Event]) -> list[Event]:
    return [e for e in events if e.rule.endswith("+adversary")]


def test_an_alert_takes_the_adversary_the_article_establishes(pipeline: Pipeline) -> None:
    text = ("Syria shelled Turkish border posts on Monday. Turkey fired artillery rounds at Syrian army positions in response. "
            "Syria's army has been placed on high alert.")
    aimed = _aimed(_events(pipeline, text))
    assert [(e.source.actor.country, e.target.actor.country if e.target else None, e.cameo) for e in aimed] == [("SYR", "TUR", "152")]


def test_one_encounter_establishes_no_adversary(pipeline: Pipeline) -> None:
    text = "Syria shelled Turkish border posts on Monday. Syria's army has been placed on high alert."
    events = _events(pipeline, text)
    assert not _aimed(events)
    assert any(e.cameo == "152" and e.target is None for e in events)


def test_a_split_vote_establishes_no_adversary(pipeline: Pipeline) -> None:
    text = ("Syria shelled Turkish border posts on Monday. Syria fired rockets at Jordanian border posts on Tuesday. "
            "Syria's army has been placed on high alert.")
    assert not _aimed(_events(pipeline, text))


def test_retaking_a_place_is_aimed_at_the_adversary(pipeline: Pipeline) -> None:
    text = ("Islamic State militants attacked Iraqi army checkpoints near Mosul on Monday. Iraqi forces launched airstrikes on "
            "Islamic State positions on Tuesday. Iraqi forces have retaken the airport in Mosul.")
    aimed = _aimed(_events(pipeline, text))
    assert [(e.source.actor.country, (e.target.actor.code or "")[:3] if e.target else None, e.cameo) for e in aimed] == [("IRQ", "IMG", "190")]


def test_retaking_a_place_with_no_adversary_is_no_event(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Iraqi forces have retaken the airport in Mosul.")
    assert not [e for e in events if e.cameo == "190" and "retake" in e.rule]


def test_the_south_is_the_southern_state_of_a_divided_country(pipeline: Pipeline) -> None:
    text = ("North Korea fired artillery shells at South Korean border posts on Thursday. North Korea also fired rockets at South Korea's army. "
            "The South retaliated by firing dozens of rounds of artillery.")
    found = {(e.source.actor.country, e.target.actor.country if e.target else None, e.root) for e in _events(pipeline, text)}
    assert ("KOR", "PRK", "19") in found


def _halves(pipeline: Pipeline, text: str) -> list[str | None]:
    result = code_article(pipeline, Article("t", text, "test", date=dt.date(2021, 5, 10)))
    assert isinstance(result, CodedArticle)
    return [m.actor.country for m in result.actors if m.rule == "definite.compass"]


def test_the_north_and_the_south_are_the_halves_named_before(pipeline: Pipeline) -> None:
    assert _halves(pipeline, "North Korea and South Korea held talks on Wednesday. The North sent a delegation.") == ["PRK"]
    assert _halves(pipeline, "The South sent a delegation. North Korea and South Korea held talks on Wednesday.") == []
    assert _halves(pipeline, "North Korea and South Korea held talks. Ships crossed the North Atlantic.") == []


def test_retaking_as_a_goal_is_no_act(pipeline: Pipeline) -> None:
    text = ("Islamic State militants attacked Iraqi army checkpoints near Mosul on Monday. Iraqi forces launched airstrikes on "
            "Islamic State positions on Tuesday. The civilians would make it harder for Iraqi forces to retake the western part of the city.")
    assert not [e for e in _events(pipeline, text) if e.cameo == "190" and "retake" in e.rule]


def test_a_compass_name_before_a_country_is_its_region(pipeline: Pipeline) -> None:
    found = {(e.source.actor.country, e.target.actor.code if e.target else None, e.cameo)
             for e in _events(pipeline, "Thai forces have retaken a village in Western Laos, military sources said.")}
    assert ("THA", "LAO", "190") in found
    assert not any(e.target is not None and e.target.actor.code == "WST" for e in _events(pipeline, "Thai forces have retaken a village in Western Laos."))
