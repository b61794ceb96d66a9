"""Event coding behaviours, one hand-made case each (the pipeline's trained model or rules)."""

from __future__ import annotations

import datetime as dt

import pytest

from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Article, CodedArticle, Event


def _events(pipeline: Pipeline, text: str, date: str = "2022-07-20") -> list[Event]:
    result = code_article(pipeline, Article("t", text, "test", date=dt.date.fromisoformat(date)))
    assert isinstance(result, CodedArticle)
    return list(result.events)


def _dyads(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.actor.country, e.target.actor.country if e.target else None, e.root) for e in events}


def test_active_voice_with_indirect_object(pipeline: Pipeline) -> None:
    assert ("TUR", "UKR", "07") in _dyads(_events(pipeline, "Turkey sold Ukraine armed drones."))


def test_passive_voice_with_agent(pipeline: Pipeline) -> None:
    dyads = _dyads(_events(pipeline, "Ukrainian soldiers were attacked by Russian forces near Kharkiv on Monday."))
    assert ("RUS", "UKR", "19") in dyads


def test_negated_cooperation_is_a_refusal(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Haluk Bayraktar said his company would never sell drones to Russia.")
    assert {(e.target.actor.country if e.target else None, e.root) for e in events} >= {("RUS", "12")}
    assert not any(e.root == "07" for e in events)


def test_threat_to(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Russia threatened to cut gas supplies to Moldova.")
    assert any(e.root == "13" and e.source.actor.country == "RUS" for e in events)


def test_appeal_names_its_addressee(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Germany urged Serbia to withdraw its troops from the border.")
    assert ("DEU", "SRB", "02") in _dyads(events)


def test_stated_intention(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Japan will provide humanitarian aid to Ukraine, the foreign ministry said.")
    assert any(e.root == "03" and e.source.actor.country == "JPN" and e.target and e.target.actor.country == "UKR" for e in events)


def test_questions_and_hypotheticals_are_not_events(pipeline: Pipeline) -> None:
    assert _events(pipeline, "Will Russia attack Ukraine again?") == []
    assert not any(e.root == "19" for e in _events(pipeline, "Russia could attack Ukraine if talks fail."))


def test_reciprocal_and_coordinated_sources(pipeline: Pipeline) -> None:
    dyads = _dyads(_events(pipeline, "Putin and Erdogan greeted each other warmly in Tehran."))
    assert {("RUS", "TUR", "04"), ("TUR", "RUS", "04")} <= dyads


def test_talks_between_two_parties_hosted_by_a_third(pipeline: Pipeline) -> None:
    dyads = _dyads(_events(pipeline, "Turkey hosted peace talks between Russia and Ukraine."))
    assert {("TUR", "RUS", "04"), ("TUR", "UKR", "04")} <= dyads


def test_nominal_event_with_possessor(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Since Russia's invasion of Ukraine in late February, prices have risen.")
    invasion = [e for e in events if e.source.actor.country == "RUS" and e.target and e.target.actor.country == "UKR"]
    assert invasion and invasion[0].root in {"18", "19"}
    assert invasion[0].date == dt.date(2022, 2, 25) or invasion[0].date.month == 2


def test_relative_date_and_place(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Last week, the Turkish president leaned on Putin during a phone call.")
    lean = next(e for e in events if e.target and e.target.actor.name == "Vladimir Putin")
    assert dt.date(2022, 7, 11) <= lean.date <= dt.date(2022, 7, 17)
    meeting = _events(pipeline, "At a NATO summit in Madrid in late June, Erdogan met US President Joe Biden.")
    met = next(e for e in meeting if e.root == "04")
    assert met.date.month == 6 and met.place is not None and met.place.country == "ESP"


def test_analyst_commentary_is_not_an_event(pipeline: Pipeline) -> None:
    text = "“Turkey always instigates crises and then gets something in return,” said Aaron Lund, an analyst at a think tank."
    assert _events(pipeline, text) == []


def test_every_event_carries_evidence_and_rule(pipeline: Pipeline) -> None:
    text = "Iran condemned Israel on Monday. Turkey sold Ukraine armed drones."
    for e in _events(pipeline, text):
        for span in e.evidence:
            assert text[span.start : span.end] == span.text
        assert e.rule and 0 < e.confidence <= 1 and e.plover


@pytest.mark.parametrize(("text", "root"), [
    ("France condemned Russia's actions.", "11"),
    ("Israel imposed sanctions on Iran.", "16"),
    ("Police arrested opposition leaders in Minsk.", "17"),
    ("Egypt and Israel signed an agreement in Cairo.", "05"),
])
def test_roots(pipeline: Pipeline, text: str, root: str) -> None:
    assert any(e.root == root for e in _events(pipeline, text))
