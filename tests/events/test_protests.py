"""Protests (CAMEO 14) by crowds placed in a country, aimed at the party the article protests
(events/protests.py); invented sentences."""

from __future__ import annotations

import datetime as dt

from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Article, CodedArticle, Event

_AGAINST = "Thousands of people joined rallies across Europe on Saturday against the visit of Chinese President Xi Jinping. "


def _events(pipeline: Pipeline, text: str, date: str = "2019-03-23") -> list[Event]:
    result = code_article(pipeline, Article("t", text, "test", date=dt.date.fromisoformat(date)))
    assert isinstance(result, CodedArticle)
    return list(result.events)


def _protests(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {(e.source.actor.country, e.target.actor.country if e.target else None) for e in events if e.root == "14"}


def test_there_were_protests_in_places_is_a_protest_of_each_place(pipeline: Pipeline) -> None:
    text = _AGAINST + "There were also demonstrations in Italy, Spain and Portugal."
    found = _protests(_events(pipeline, text))
    assert {("ITA", "CHN"), ("ESP", "CHN"), ("PRT", "CHN")} <= found
    assert all(e.source.actor.code == f"{e.source.actor.country}CVL" for e in _events(pipeline, text) if e.rule == "protest.held")


def test_protests_were_held_in_cities(pipeline: Pipeline) -> None:
    text = _AGAINST + "Protests were held in several other cities, including Rome and Madrid."
    assert {("ITA", "CHN"), ("ESP", "CHN")} <= _protests(_events(pipeline, text))


def test_a_protest_noun_that_is_not_said_to_take_place_is_no_event(pipeline: Pipeline) -> None:
    # no crowd, no place: the noun alone codes nothing
    assert not _protests(_events(pipeline, _AGAINST + "The police dispersed the protest in Rome."))


def test_a_protests_place_is_not_its_target(pipeline: Pipeline) -> None:
    # "marched in Lisbon" names where, not whom: the article's protests are aimed at China
    text = _AGAINST + "In Lisbon, hundreds of students marched along the river."
    found = _protests(_events(pipeline, text))
    assert ("PRT", "CHN") in found
    assert ("PRT", "PRT") not in found


def test_without_an_article_target_a_held_protest_is_no_dyad(pipeline: Pipeline) -> None:
    assert not any(t is not None for _, t in _protests(_events(pipeline, "There were demonstrations in Italy and Spain.")))


def test_two_parties_protested_leave_no_article_target(pipeline: Pipeline) -> None:
    text = ("Protesters rallied against Chinese President Xi Jinping in Rome. Others rallied against Russian President Vladimir Putin. "
            "There were also demonstrations in Spain.")
    assert ("ESP", "CHN") not in _protests(_events(pipeline, text)) and ("ESP", "RUS") not in _protests(_events(pipeline, text))


def test_the_month_march_is_no_march(pipeline: Pipeline) -> None:
    text = _AGAINST + "U.N. sanctions imposed in March are meant to cut funding to Pyongyang."
    assert not any(e.rule.startswith("march") for e in _events(pipeline, text))


def test_a_titles_protested_party_votes(pipeline: Pipeline) -> None:
    text = ("Chinese President Xi Jinping arrived in Rome on Friday. He met Italian leaders. There were demonstrations in Italy and Spain. "
            "Students marched against Xi Jinping in Madrid.")
    article = Article("t", text, "test", title="Thousands Rally Against Xi Jinping", date=dt.date(2019, 3, 23))
    result = code_article(pipeline, article)
    assert isinstance(result, CodedArticle)
    assert {("ITA", "CHN"), ("ESP", "CHN")} <= _protests(list(result.events))


def test_anti_x_near_a_protest_word_votes(pipeline: Pipeline) -> None:
    text = ("Many of the students marching in Rome carried anti-Xi Jinping banners at the protest. "
            "Protests were also held in Madrid.")
    assert ("ESP", "CHN") in _protests(_events(pipeline, text))


def test_taking_part_in_a_protest_is_protesting(pipeline: Pipeline) -> None:
    text = _AGAINST + "Opposition leader Pedro Sanchez of Spain took part in a rally in Madrid on Sunday."
    assert ("ESP", "CHN") in _protests(_events(pipeline, text))


def test_counted_protests_in_a_place_took_place(pipeline: Pipeline) -> None:
    text = _AGAINST + "In Lisbon students sang in front of the parliament in one of five rallies across Portugal."
    assert ("PRT", "CHN") in _protests(_events(pipeline, text))


def test_one_protested_party_outside_the_lead_is_not_the_articles(pipeline: Pipeline) -> None:
    text = ("Thousands of farmers marched in Paris on Saturday to demand higher prices. Protests were also held in Lyon. "
            "The government said it would meet union leaders. Farmers also protested in Brussels against the European Union.")
    found = {(e.source.actor.code, e.target.actor.code if e.target else None) for e in _events(pipeline, text) if e.root == "14"}
    assert not any(src == "FRACVL" and tgt is not None and tgt.startswith("IGO") for src, tgt in found)
